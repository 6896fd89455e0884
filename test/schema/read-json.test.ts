import { expect } from "chai";
import fc from "fast-check";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { InputError, type InputWarning } from "../../src/schema/errors.js";
import { firstBadUtf8Byte, readJsonFile } from "../../src/schema/read-json.js";
import { forEachSeed } from "../helpers/seeds.js";

function file(bytes: string | Uint8Array): string {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "conform-read-")), "s.json");
  fs.writeFileSync(f, bytes);
  return f;
}

describe("readJsonFile (strict bytes, strict numbers)", () => {
  it("refuses bytes that are not UTF-8, naming the byte offset of the first bad byte", () => {
    const latin1 = file(Buffer.concat([Buffer.from('{"description": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]));
    expect(() => readJsonFile(latin1)).to.throw(InputError, /s\.json: not UTF-8: bad byte 0xe9 at byte offset 20$/);
    const surrogate = file(Buffer.concat([Buffer.from('["'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"]')]));
    expect(() => readJsonFile(surrogate)).to.throw(InputError, /bad byte 0xed at byte offset 2$/);
    const utf16 = file(Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]));
    expect(() => readJsonFile(utf16)).to.throw(InputError, /byte offset 0 \(the file starts with a UTF-16 byte order mark\)/);
  });

  it("finds the same first bad byte as a strict decoder fails on, and none in valid UTF-8", () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    forEachSeed([1], (seed) =>
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 12 }), fc.string({ unit: "binary" }), (noise, text) => {
          const good = new TextEncoder().encode(text);
          expect(firstBadUtf8Byte(good)).to.equal(-1);
          let decodes = true;
          try {
            strict.decode(noise);
          } catch {
            decodes = false;
          }
          const bad = firstBadUtf8Byte(noise);
          expect(bad === -1).to.equal(decodes);
          if (!decodes) {
            expect(() => strict.decode(noise.subarray(0, bad))).to.not.throw();
            expect(new TextDecoder().decode(noise.subarray(bad)).startsWith("\uFFFD")).to.equal(true);
          }
        }),
        { seed, numRuns: 3000 },
      ),
    );
  });

  it("reads a file with a UTF-8 byte order mark, with a warning", () => {
    const warnings: InputWarning[] = [];
    expect(readJsonFile(file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"type":"string"}')])), warnings)).to.deep.equal({ type: "string" });
    expect(warnings).to.have.length(1);
    expect(warnings[0]!.message).to.match(/byte order mark/);
  });

  it("warns of each duplicate key with its pointer, and keeps the last value as JSON.parse does", () => {
    const warnings: InputWarning[] = [];
    const json = readJsonFile(file('{"properties": {"a": {"type": "string", "type": "integer"}}}'), warnings);
    expect(json).to.deep.equal({ properties: { a: { type: "integer" } } });
    expect(warnings.map((w) => [w.pointer, w.message])).to.deep.equal([["/properties/a/type", "duplicate key: the last value is kept (JSON.parse's reading, which every validator is given)"]]);
  });

  it("refuses a number beyond double range, naming its pointer (JSON.parse would make it Infinity, and JSON.stringify null)", () => {
    expect(() => readJsonFile(file('{"maximum": 1e400}'))).to.throw(InputError, /s\.json#\/maximum: number 1e400 is beyond double range$/);
    expect(readJsonFile(file('{"maximum": 12345678901234567890123456789}'))).to.deep.equal({ maximum: 12345678901234567890123456789 });
  });

  it("with a depth limit, refuses deeper nesting, naming the first array or object beyond it", () => {
    const deep = file('{"items":[' + "[".repeat(300) + "]".repeat(300) + "]}");
    const refused = (() => {
      try {
        readJsonFile(deep, [], 256);
      } catch (e) {
        return e as InputError;
      }
      return undefined;
    })();
    expect(refused).to.be.instanceOf(InputError);
    expect(refused!.pointer).to.equal("/items" + "/0".repeat(255));
    expect(refused!.message).to.match(/s\.json#\/items(\/0)+\/…\(\d+ more tokens\)…(\/0)+: nests deeper than 256 levels/);
    expect(readJsonFile(deep)).to.have.property("items");
    expect(readJsonFile(file("[".repeat(256) + "]".repeat(256)), [], 256)).to.be.an("array");
  });

  it("names line and column of invalid JSON", () => {
    expect(() => readJsonFile(file('{\n  "a": 1,\n}'))).to.throw(InputError, /invalid JSON: .* at line 3 column 1/);
  });
});
