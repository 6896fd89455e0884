/**
 * Where each value of a JSON text starts, by JSON pointer, as 1-based line and column (UTF-16
 * code units, SARIF's default column kind): the map SARIF needs to show a finding at its
 * schema's keyword. One iterative pass over the text; input is trusted to be JSON already
 * (the run has parsed it), and a text that is not gives no positions rather than an error.
 */
export interface SourcePosition {
  line: number;
  column: number;
}

export class JsonPositions {
  private readonly offsets = new Map<string, number>();
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    try {
      this.scan();
    } catch {
      // not JSON after all: positions found before the fault are kept
    }
  }

  /** The position of the value at `pointer` (for a member, its key's), or undefined when the text has none there. */
  at(pointer: string): SourcePosition | undefined {
    const offset = this.offsets.get(pointer);
    return offset === undefined ? undefined : this.positionOf(offset);
  }

  /** The nearest position at or above `pointer`: the value itself, else its closest ancestor that exists. */
  nearest(pointer: string): SourcePosition {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
      const found = this.at(p);
      if (found) return found;
      if (p === "") return { line: 1, column: 1 };
    }
  }

  private positionOf(offset: number): SourcePosition {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  /** Walks the text with an explicit stack of containers, recording where each value (or member key) starts. */
  private scan(): void {
    const stack: Array<{ pointer: string; array: boolean; index: number }> = [];
    let i = this.skipSpace(0);
    let pending = "";
    this.offsets.set("", i);
    for (;;) {
      const c = this.text[i];
      if (c === "{" || c === "[") {
        stack.push({ pointer: pending, array: c === "[", index: 0 });
        i = this.skipSpace(i + 1);
        if (this.text[i] === "}" || this.text[i] === "]") {
          stack.pop();
          i++;
        } else {
          i = this.enterValue(stack[stack.length - 1]!, i, (p) => (pending = p));
          continue;
        }
      } else {
        i = this.skipScalar(i);
      }
      // after a value: close containers, or move to the next member
      for (;;) {
        i = this.skipSpace(i);
        const top = stack[stack.length - 1];
        if (!top) return;
        if (this.text[i] === ",") {
          top.index++;
          i = this.enterValue(top, this.skipSpace(i + 1), (p) => (pending = p));
          break;
        }
        if (this.text[i] !== "}" && this.text[i] !== "]") throw new Error(`unexpected ${this.text[i]} at ${i}`);
        stack.pop();
        i++;
      }
    }
  }

  /** At the start of a member (object: its key) or item: records its pointer and returns where its value starts. */
  private enterValue(top: { pointer: string; array: boolean; index: number }, i: number, setPending: (p: string) => void): number {
    if (top.array) {
      const pointer = `${top.pointer}/${top.index}`;
      this.offsets.set(pointer, i);
      setPending(pointer);
      return i;
    }
    const end = this.skipString(i);
    const key = JSON.parse(this.text.slice(i, end)) as string;
    const pointer = `${top.pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    this.offsets.set(pointer, i);
    setPending(pointer);
    const colon = this.skipSpace(end);
    if (this.text[colon] !== ":") throw new Error(`expected : at ${colon}`);
    return this.skipSpace(colon + 1);
  }

  private skipSpace(i: number): number {
    while (i < this.text.length && " \t\n\r".includes(this.text[i]!)) i++;
    return i;
  }

  private skipString(i: number): number {
    if (this.text[i] !== '"') throw new Error(`expected a string at ${i}`);
    for (i++; i < this.text.length; i++) {
      if (this.text[i] === "\\") i++;
      else if (this.text[i] === '"') return i + 1;
    }
    throw new Error("unterminated string");
  }

  private skipScalar(i: number): number {
    if (this.text[i] === '"') return this.skipString(i);
    const start = i;
    while (i < this.text.length && !",]} \t\n\r".includes(this.text[i]!)) i++;
    if (i === start) throw new Error(`expected a value at ${i}`);
    return i;
  }
}
