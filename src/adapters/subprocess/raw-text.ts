import { randomBytes } from "node:crypto";

/**
 * A request line whose instances are written as given texts where a text is present: each
 * such instance is first a unique placeholder string, the line is serialised, and each
 * placeholder's JSON form is replaced by the text. A probe spelled `1.0` or `-0`, or
 * 9007199254740993, reaches the harness as written, which JSON.stringify of the parsed
 * value cannot do (it writes `1`, `0`, 9007199254740992).
 */
export function lineWithTexts(instances: readonly unknown[], texts: ReadonlyArray<string | undefined> | undefined, line: (instances: unknown[]) => string): string {
  if (!texts || texts.every((t) => t === undefined)) return line([...instances]);
  const nonce = randomBytes(8).toString("hex");
  const placeholder = (i: number) => `\u0000conform-text-${nonce}-${i}`;
  const serialised = line(instances.map((instance, i) => (texts[i] === undefined ? instance : placeholder(i))));
  let out = serialised;
  texts.forEach((text, i) => {
    if (text !== undefined) out = out.split(JSON.stringify(placeholder(i))).join(text);
  });
  return out;
}
