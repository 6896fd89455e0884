/**
 * Replaces every code point `keep` refuses with a visible `\uXXXX` escape, so that a
 * report never carries characters its format forbids (XML 1.0) or that a terminal
 * would obey (ESC, CSI). Lone surrogates arrive as single code points and are escaped too.
 */
export function escapeCodePoints(text: string, keep: (codePoint: number) => boolean): string {
  let out = "";
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    out += keep(codePoint) ? char : visibleEscape(codePoint);
  }
  return out;
}

/** `\u0001`, or `\u{1F600}` beyond the BMP: how JSON and JavaScript write the character. */
export function visibleEscape(codePoint: number): string {
  return codePoint <= 0xffff ? "\\u" + codePoint.toString(16).toUpperCase().padStart(4, "0") : "\\u{" + codePoint.toString(16).toUpperCase() + "}";
}

/** Characters XML 1.0 allows (its `Char` production); nothing else may appear, not even as a reference. */
export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/**
 * Printable in a terminal on one line and shown for what it is: no C0/C1 controls (ESC, CSI,
 * newline), no DEL, no lone surrogates, and none of the invisible characters a reader would
 * take for a space or for nothing: line and paragraph separators, zero-width characters and
 * marks, bidirectional embeddings, overrides and isolates (which reorder the text around
 * them), and the byte order mark. A counterexample that hinges on U+2028 must say so.
 */
export function isTerminalSafe(codePoint: number): boolean {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return false;
  return !isSurrogate(codePoint) && !isInvisible(codePoint);
}

function isInvisible(codePoint: number): boolean {
  return (
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x2028 && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x2069) ||
    codePoint === 0xfeff
  );
}

/** Allowed in HTML text without a parse error: XML's characters minus the C1 controls and DEL. */
export function isHtmlSafe(codePoint: number): boolean {
  return isXmlChar(codePoint) && !(codePoint >= 0x7f && codePoint <= 0x9f);
}

function isSurrogate(codePoint: number): boolean {
  return codePoint >= 0xd800 && codePoint <= 0xdfff;
}
