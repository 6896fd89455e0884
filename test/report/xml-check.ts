/**
 * A strict, small XML 1.0 well-formedness checker for the tests (no XML parser is a
 * dependency): characters, tags, attributes, references, "]]>" in text. Returns the
 * tree with text and attribute values decoded as a conforming parser would.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: Array<XmlElement | string>;
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*/;

export function parseXml(document: string): XmlElement {
  for (const char of document) {
    const cp = char.codePointAt(0)!;
    const ok = cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
    if (!ok) throw new Error(`character U+${cp.toString(16)} not allowed in XML 1.0`);
  }
  const parser = new Parser(document.replace(/\r\n?/g, "\n"));
  parser.skip(/^<\?xml[^?]*\?>/);
  parser.skip(/^\s*/);
  const root = parser.element();
  parser.skip(/^\s*/);
  if (parser.rest() !== "") throw new Error(`content after the root element: ${parser.rest().slice(0, 20)}`);
  return root;
}

class Parser {
  private at = 0;
  constructor(private readonly text: string) {}

  rest(): string {
    return this.text.slice(this.at);
  }

  skip(pattern: RegExp): string {
    const match = pattern.exec(this.rest());
    if (match === null) return "";
    this.at += match[0].length;
    return match[0];
  }

  expect(literal: string): void {
    if (!this.rest().startsWith(literal)) throw new Error(`expected ${JSON.stringify(literal)} at ${this.at}: ${JSON.stringify(this.rest().slice(0, 20))}`);
    this.at += literal.length;
  }

  name(): string {
    const name = this.skip(NAME);
    if (name === "") throw new Error(`expected a name at ${this.at}`);
    return name;
  }

  element(): XmlElement {
    this.expect("<");
    const element: XmlElement = { name: this.name(), attributes: {}, children: [] };
    while (this.skip(/^\s+/) !== "" && NAME.test(this.rest())) {
      const key = this.name();
      if (key in element.attributes) throw new Error(`duplicate attribute ${key}`);
      this.skip(/^\s*/);
      this.expect("=");
      this.skip(/^\s*/);
      element.attributes[key] = this.attributeValue();
    }
    if (this.rest().startsWith("/>")) {
      this.at += 2;
      return element;
    }
    this.expect(">");
    this.content(element);
    this.expect(`</${element.name}`);
    this.skip(/^\s*/);
    this.expect(">");
    return element;
  }

  attributeValue(): string {
    const quote = this.rest()[0];
    if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute value at ${this.at}`);
    const end = this.text.indexOf(quote, this.at + 1);
    if (end < 0) throw new Error("unterminated attribute value");
    const raw = this.text.slice(this.at + 1, end);
    if (raw.includes("<")) throw new Error(`"<" in attribute value: ${raw}`);
    this.at = end + 1;
    // Attribute-value normalisation: literal whitespace characters become spaces.
    return decodeReferences(raw.replace(/[\t\n]/g, " "));
  }

  content(parent: XmlElement): void {
    for (;;) {
      const text = this.skip(/^[^<]+/);
      if (text !== "") {
        if (text.includes("]]>")) throw new Error(`"]]>" in character data`);
        parent.children.push(decodeReferences(text));
      }
      if (this.rest().startsWith("</")) return;
      if (this.rest() === "") throw new Error(`unclosed element ${parent.name}`);
      parent.children.push(this.element());
    }
  }
}

function decodeReferences(raw: string): string {
  return raw.replace(/&([^;]*);?/g, (match, body: string) => {
    if (!match.endsWith(";")) throw new Error(`unterminated reference ${match}`);
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (body in named) return named[body]!;
    const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
    if (numeric === null) throw new Error(`unknown reference &${body};`);
    const cp = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2]!, 10);
    const ok = cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    if (!ok) throw new Error(`reference to forbidden character &${body};`);
    return String.fromCodePoint(cp);
  });
}

/** Every element named `name` under (and including) `root`, depth first. */
export function elementsNamed(root: XmlElement, name: string): XmlElement[] {
  const found = root.name === name ? [root] : [];
  for (const child of root.children) if (typeof child !== "string") found.push(...elementsNamed(child, name));
  return found;
}

/** The concatenated text directly inside an element. */
export function textOf(element: XmlElement): string {
  return element.children.filter((c): c is string => typeof c === "string").join("");
}
