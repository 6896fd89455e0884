import { expect } from "chai";
import fc from "fast-check";
import { joinPointer } from "../../src/schema/pointer.js";
import { scanJsonText } from "../../src/schema/scan-json.js";
import { forEachSeed } from "../helpers/seeds.js";

/** A JSON text as written: objects are lists of entries, so a key may be given twice. */
type Written = { kind: "scalar"; text: string } | { kind: "array"; items: Written[] } | { kind: "object"; entries: Entry[] };
/** `keyText` is the key as written (maybe with escapes), `key` as JSON.parse reads it. */
interface Entry {
  key: string;
  keyText: string;
  value: Written;
}

const space = fc.constantFrom("", " ", "\n  ", "\t", "\r\n");
const keyName = fc.oneof(fc.constantFrom("a", "b", "~", "/", "a/b", "é", "\u2028", "\"", "\\", "1", ""), fc.string({ maxLength: 4 }));
/** A key written with or without escapes: "\u0061" and "a" are the same key to JSON.parse. */
const writtenKey = keyName.chain((k) => fc.constantFrom(JSON.stringify(k), escapeAll(k)).map((text) => ({ key: k, text })));
const numberToken = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  fc.tuple(fc.constantFrom("", "-"), fc.integer({ min: 0, max: 999 }), fc.constantFrom("e", "E", "e+", "e-"), fc.integer({ min: 0, max: 999 })).map(([s, m, e, x]) => `${s}${m}${e}${x}`),
  fc.tuple(fc.constantFrom("", "-"), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 300, max: 320 })).map(([s, d, n]) => s + String(d) + "0".repeat(n)),
);

const written: fc.Arbitrary<Written> = fc.letrec<{ value: Written }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(numberToken, fc.constantFrom("true", "false", "null"), fc.string().map((s) => JSON.stringify(s))).map((text) => ({ kind: "scalar" as const, text })),
    fc.array(tie("value"), { maxLength: 4 }).map((items) => ({ kind: "array" as const, items })),
    fc.array(fc.tuple(writtenKey, tie("value")), { maxLength: 5 }).map((es) => ({ kind: "object" as const, entries: es.map(([k, value]) => ({ key: k.key, keyText: k.text, value })) })),
  ),
})).value;

function escapeAll(s: string): string {
  return '"' + [...s].map((ch) => [...ch].map((_, i) => "\\u" + ch.charCodeAt(i).toString(16).padStart(4, "0")).join("")).join("") + '"';
}

/** The text, with whitespace taken in turn from `ws` between tokens. */
function render(w: Written, ws: string[], turn = { i: 0 }): string {
  const sp = (): string => ws[turn.i++ % ws.length]!;
  if (w.kind === "scalar") return w.text;
  if (w.kind === "array") return `[${sp()}${w.items.map((i) => render(i, ws, turn)).join(`${sp()},${sp()}`)}${sp()}]`;
  return `{${sp()}${w.entries.map((e) => `${e.keyText}${sp()}:${sp()}${render(e.value, ws, turn)}`).join(`,${sp()}`)}${sp()}}`;
}

/** What the scanner should find, computed from the structure. */
function expected(w: Written, pointer = "", out = { duplicateKeys: [] as string[], hugeNumbers: [] as Array<{ pointer: string; token: string }> }) {
  if (w.kind === "scalar") {
    if (/^-?\d/.test(w.text) && !Number.isFinite(Number(w.text))) out.hugeNumbers.push({ pointer, token: w.text });
  } else if (w.kind === "array") {
    w.items.forEach((item, i) => expected(item, joinPointer(pointer, i), out));
  } else {
    const seen = new Set<string>();
    for (const { key, value } of w.entries) {
      if (seen.has(key)) out.duplicateKeys.push(joinPointer(pointer, key));
      seen.add(key);
      expected(value, joinPointer(pointer, key), out);
    }
  }
  return out;
}

describe("scanJsonText (duplicate keys and numbers beyond double range)", () => {
  it("finds exactly the repeated keys and the infinite numbers of any text as written, with their pointers", () => {
    forEachSeed([1], (seed) =>
      fc.assert(
        fc.property(written, fc.array(space, { minLength: 1, maxLength: 5 }), (w, ws) => {
          const text = render(w, ws);
          JSON.parse(text); // every rendered text is valid JSON
          expect(scanJsonText(text)).to.deep.equal(expected(w));
        }),
        { seed, numRuns: 2000 },
      ),
    );
  });

  it("agrees with JSON.parse on every valid text: a text JSON.stringify wrote has no duplicates, and no huge number", () => {
    forEachSeed([1], (seed) =>
      fc.assert(
        fc.property(fc.json(), (text) => {
          JSON.parse(text);
          expect(scanJsonText(text)).to.deep.equal({ duplicateKeys: [], hugeNumbers: [] });
        }),
        { seed, numRuns: 2000 },
      ),
    );
  });

  it("reports a duplicate exactly when JSON.parse loses keys (keys written > keys kept)", () => {
    const keysKept = (v: unknown): number =>
      Array.isArray(v) ? v.reduce((n: number, x) => n + keysKept(x), 0) : v !== null && typeof v === "object" ? Object.values(v).reduce((n: number, x) => n + 1 + keysKept(x), 0) : 0;
    const keysWritten = (w: Written): number =>
      w.kind === "array" ? w.items.reduce((n, i) => n + keysWritten(i), 0) : w.kind === "object" ? w.entries.reduce((n, e) => n + 1 + keysWritten(e.value), 0) : 0;
    forEachSeed([1], (seed) =>
      fc.assert(
        fc.property(written, (w) => {
          const text = render(w, [""]);
          expect(scanJsonText(text).duplicateKeys.length > 0).to.equal(keysWritten(w) > keysKept(JSON.parse(text)));
        }),
        { seed, numRuns: 2000 },
      ),
    );
  });

  it("never recurses: 100,000 nesting levels of arrays and objects, with a duplicate and a huge number at the bottom", () => {
    const depth = 100_000;
    const arrays = "[".repeat(depth) + "1e999" + "]".repeat(depth);
    const arraysScan = scanJsonText(arrays);
    expect(arraysScan.hugeNumbers).to.have.length(1);
    expect(arraysScan.hugeNumbers[0]!.pointer).to.equal("/0".repeat(depth));
    const objects = '{"a":'.repeat(depth) + '{"x":1,"x":2}' + "}".repeat(depth);
    const objectsScan = scanJsonText(objects);
    expect(objectsScan.duplicateKeys).to.deep.equal(["/a".repeat(depth) + "/x"]);
  });

  it("reads keys as JSON.parse does: an escaped key equals its plain spelling, a quote inside a key does not end it", () => {
    expect(scanJsonText('{"a":1,"\\u0061":2}').duplicateKeys).to.deep.equal(["/a"]);
    expect(scanJsonText('{"q\\"":1,"q\\\\":2,"q\\"":3}').duplicateKeys).to.deep.equal(['/q"']);
    expect(scanJsonText('{"a/b":{"~":1,"~":2}}').duplicateKeys).to.deep.equal(["/a~1b/~0"]);
    expect(scanJsonText('{"a":[{},"a",{"a":1}],"b":2}').duplicateKeys).to.deep.equal([]);
  });

  it("flags only numbers beyond double range, not those that merely lose precision", () => {
    expect(scanJsonText("[1e308, 1.7976931348623157e308, 12345678901234567890123, 1e-400, 0.1e309, 10e308]").hugeNumbers).to.deep.equal([{ pointer: "/5", token: "10e308" }]);
    expect(scanJsonText('{"maximum": -1E400}').hugeNumbers).to.deep.equal([{ pointer: "/maximum", token: "-1E400" }]);
    expect(scanJsonText("[" + "9".repeat(400) + "]").hugeNumbers).to.deep.equal([{ pointer: "/0", token: "9".repeat(400) }]);
  });
});
