import { expect } from "chai";
import fc from "fast-check";
import { GenContext, validProbedArbitrary, type Probed } from "../../../src/generate/valid/index.js";
import { invalidArbitrary } from "../../../src/generate/invalid/index.js";
import { ProbeValue } from "../../../src/generate/valid/types/probe-value.js";
import { integerProbeName, textIntegerProbes } from "../../../src/generate/valid/types/probes.js";
import { jsonTextOf } from "../../../src/model/json-text.js";
import type { ProbeMode } from "../../../src/model/probe.js";
import { Oracle } from "../../../src/oracle/oracle.js";
import type { Dialect } from "../../../src/schema/dialect.js";
import type { Json, JsonSchema } from "../../../src/schema/json.js";
import { getAtPointer } from "../../../src/schema/pointer.js";
import { forEachSeed, seedNote, testSeeds } from "../../helpers/seeds.js";
import { target } from "./helpers.js";
import { runConform } from "../../cli/run-conform.js";

const INTEGER_FORMATS = ["int8", "int16", "int32", "int64", "int128", "uint8", "uint16", "uint32", "uint64", "uint128", "int", "uint"];
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

function draw(schema: JsonSchema, mode: ProbeMode, seed: number, runs = 100, dialect: Dialect = "2020-12"): Probed[] {
  const t = target(schema, dialect);
  const ctx = new GenContext(t.registry, new Oracle(t.registry), { probes: mode });
  return fc.sample(validProbedArbitrary(t, ctx), { seed, numRuns: runs });
}

function numbersIn(v: Json): number[] {
  if (typeof v === "number") return [v];
  if (v === null || typeof v !== "object") return [];
  return (Array.isArray(v) ? v : Object.values(v)).flatMap(numbersIn);
}

function holdsBox(v: unknown): boolean {
  if (v instanceof ProbeValue) return true;
  if (v === null || typeof v !== "object") return false;
  return (Array.isArray(v) ? v : Object.values(v)).some(holdsBox);
}

/** Integers only a probe draws: the uniform draws stay within the safe integers (doubles reach anywhere, so numbers are judged by their marks). */
const PROBE_ONLY = (n: number) => Math.abs(n) > Number.MAX_SAFE_INTEGER || Object.is(n, -0);

describe("valid generation: probes for typed consumers", function () {
  this.timeout(120_000);

  it("names a value by the limits of the format at hand, else by the smallest width, else as a power of two", function () {
    expect(integerProbeName("256", ["uint8"])).to.equal("uint8 max+1");
    expect(integerProbeName("-1", ["uint32"])).to.equal("uint32 min-1");
    expect(integerProbeName("-129", ["int8"])).to.equal("int8 min-1");
    expect(integerProbeName("4294967296", [])).to.equal("uint32 max+1");
    // 2^63 is written 9223372036854776000: named by what the text says
    expect(integerProbeName(JSON.stringify(2 ** 63), ["int64"])).to.equal("int64 max+193");
    expect(integerProbeName("9007199254740992", [])).to.equal("2^53");
    expect(integerProbeName("-9007199254740993", [])).to.equal("-2^53-1");
    expect(integerProbeName("1e+21", [])).to.equal("1e+21");
    expect([integerProbeName("0", []), integerProbeName("1", []), integerProbeName("-1", [])]).to.deep.equal(["0", "1", "-1"]); // not "uint8 min+1"
    expect(integerProbeName("0", ["uint64"])).to.equal("uint64 min");
  });

  it("with --probes all, each width's limits JSON.stringify cannot write travel as text: int64, uint64, int128, uint128, 2^53±1", function () {
    const texts = (f: string) => textIntegerProbes([f]).map((p) => `${p.name}=${p.text}`);
    expect(texts("int64")).to.include.members(["int64 max=9223372036854775807", "int64 min-1=-9223372036854775809", "2^53+1=9007199254740993"]);
    expect(texts("uint64")).to.include.members(["uint64 max=18446744073709551615", "uint64 max+1=18446744073709551616"]);
    expect(texts("uint128")).to.include("uint128 max=340282366920938463463374607431768211455");
    expect(texts("int32").filter((t) => t.startsWith("int32"))).to.deep.equal([]); // all exact doubles: value probes
    for (const p of textIntegerProbes(["int64", "uint128"])) expect(JSON.parse(p.text!), p.name).to.equal(p.value);
  });

  it("typed: within 300 payloads every integer format's limits one step out show, named (uint8 max+1, int32 min-1…)", function () {
    const misses: string[] = [];
    for (const format of ["int8", "int16", "int32", "uint8", "uint16", "uint32"]) {
      for (const seed of testSeeds(SEEDS)) {
        const names = new Set(draw({ type: "integer", format }, "typed", seed, 300).flatMap((p) => p.probes.map((m) => m.probe)));
        for (const want of [`${format} max+1`, `${format} min-1`]) if (!names.has(want)) misses.push(`${format}: ${want} (${seedNote(seed)})`);
      }
    }
    expect(misses).to.deep.equal([]);
  });

  it("none removes every probe: no mark, and none of the values only probes draw, over many seeds and formats", function () {
    const schemas: JsonSchema[] = [
      ...INTEGER_FORMATS.map((format) => ({ type: "integer", format })),
      { type: "number", format: "float" },
      { type: "number", format: "double" },
      { type: "number" },
      { type: "object", properties: { a: { type: "integer", format: "uint64" }, b: { type: "array", items: { type: "number" } } }, required: ["a"] },
    ];
    forEachSeed([11, 12, 13, 14, 15, 16, 17, 18, 19, 20], (seed) => {
      for (const schema of schemas) {
        for (const p of draw(schema, "none", seed)) {
          expect(p.probes, JSON.stringify(schema)).to.deep.equal([]);
          if (JSON.stringify(schema).includes('"number"')) continue;
          expect(numbersIn(p.instance).filter(PROBE_ONLY), JSON.stringify(schema)).to.deep.equal([]);
        }
      }
    });
  });

  it("all: each text parses to the value at its pointer, the whole text to the instance, and ajv accepts the instance", function () {
    const schema: JsonSchema = {
      type: "object",
      properties: { size: { type: "integer", minimum: 0, format: "uint64" }, id: { type: "integer", format: "int64" }, ratio: { type: "number", format: "float" }, list: { type: "array", items: { type: "integer", format: "uint8" } } },
      required: ["size", "id"],
    };
    const t = target(schema);
    const check = new Oracle(t.registry).check(t.uri, t.dialect);
    const spellings = new Set<string>();
    forEachSeed(SEEDS, (seed) => {
      for (const p of draw(schema, "all", seed, 200)) {
        expect(check(p.instance), JSON.stringify(p)).to.equal(true);
        for (const m of p.probes) {
          if (m.text === undefined) continue;
          spellings.add(m.probe.replace(/ .*/, ""));
          expect(JSON.parse(m.text), JSON.stringify(m)).to.equal(getAtPointer(p.instance, m.instancePath));
        }
        const text = jsonTextOf(p.instance, p.probes);
        if (text !== undefined) expect(JSON.parse(text)).to.deep.equal(p.instance);
      }
    });
    expect([...spellings]).to.include.members(["-0", "integral", "exponent", "2^53+1", "uint64", "int64"]);
  });

  it("all: a text is sent only where the number it spells is allowed (9007199254740993 is above maximum 2^53, though it parses to 2^53)", function () {
    forEachSeed(SEEDS, (seed) => {
      const texts = draw({ type: "integer", maximum: 2 ** 53, format: "int64" }, "all", seed, 200).flatMap((p) => p.probes.map((m) => m.text ?? ""));
      expect(texts.filter((t) => /^\d{16,}$/.test(t) && BigInt(t) > 2n ** 53n)).to.deep.equal([]);
      const multiples = draw({ type: "integer", multipleOf: 2, format: "uint64" }, "all", seed, 100).flatMap((p) => p.probes.map((m) => m.text ?? ""));
      expect(multiples.filter((t) => /^\d{16,}$/.test(t) && BigInt(t) % 2n !== 0n)).to.deep.equal([]);
    });
  });

  it("conform sample --probes: all prints spellings as written, none prints no probe, a bad set is exit 2", async function () {
    const args = (mode: string) => ["sample", "schema/examples/file-tree.json", "-n", "200", "--seed", "2", "--probes", mode];
    const all = await runConform(args("all"), { timeoutMs: 60_000 });
    expect(all.status, all.stderr).to.equal(0);
    expect(all.stdout).to.match(/"(size|mode)":(-0|\d+\.0|1e2|\d+e0)[,}]/);
    const none = await runConform(args("none"), { timeoutMs: 60_000 });
    expect(none.stdout).to.not.match(/"(size|mode)":(-0|\d+\.0|1e2|\d{17,})[,}]/);
    const bad = await runConform(args("some"), { timeoutMs: 60_000 });
    expect(bad.status).to.equal(2);
  });

  it("invalid payloads are plain JSON: the values they are made from hold no probe box", function () {
    const schema: JsonSchema = { type: "object", properties: { a: { type: "integer", format: "uint8" }, b: { type: "array", items: { type: "integer", format: "int64" }, maxItems: 3 } }, required: ["a", "b"], additionalProperties: false };
    const t = target(schema);
    const ctx = new GenContext(t.registry, new Oracle(t.registry), { probes: "all" });
    forEachSeed(SEEDS, (seed) => {
      for (const p of fc.sample(invalidArbitrary(t, ctx)!, { seed, numRuns: 100 })) {
        expect(holdsBox(p.instance), JSON.stringify(p.instance)).to.equal(false);
      }
    });
  });

  it("draft-04 reads integers lexically: no 1.0 or 1e2 spelling there, -0 still", function () {
    const texts = new Set<string>();
    forEachSeed(SEEDS, (seed) => {
      for (const p of draw({ type: "integer" }, "all", seed, 200, "draft-04")) for (const m of p.probes) if (m.text) texts.add(m.text);
    });
    expect([...texts].filter((t) => /[.eE]/.test(t))).to.deep.equal([]);
    expect(texts.has("-0")).to.equal(true);
  });
});
