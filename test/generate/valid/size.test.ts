import { expect } from "chai";
import fc from "fast-check";
import path from "node:path";
import { GenContext, validArbitrary } from "../../../src/generate/valid/index.js";
import { PAYLOAD_SIZES, payloadShape, type PayloadSize } from "../../../src/generate/valid/options.js";
import { withinTimeLimit } from "../../../src/oracle/guard.js";
import { Oracle } from "../../../src/oracle/oracle.js";
import type { Json } from "../../../src/schema/json.js";
import { loadInputs } from "../../../src/schema/load.js";
import type { Target } from "../../../src/schema/target.js";
import { listTargets } from "../../../src/schema/targets.js";
import { CODEX_BUNDLE, EXAMPLES, needsShared, SHARED_CODEX } from "../../helpers/paths.js";
import { forEachSeed } from "../../helpers/seeds.js";

interface Drawn {
  chars: number;
  payloads: number;
  invalid: string[];
}

/** Draws `runs` payloads of every target at one size; counts their characters and any payload the oracle rejects. */
function drawAt(targets: Target[], size: PayloadSize, seed: number, runs: number): Drawn {
  const { registry } = targets[0]!;
  const oracle = new Oracle(registry);
  const ctx = new GenContext(registry, oracle, payloadShape(size, undefined));
  const drawn: Drawn = { chars: 0, payloads: 0, invalid: [] };
  for (const t of targets) {
    const payloads = withinTimeLimit(`drawing ${t.id}`, 60_000, () => fc.sample(validArbitrary(t, ctx), { seed, numRuns: runs })) as Json[];
    const verdicts = oracle.verdicts(t.uri, t.dialect, payloads, { stage: "the first pass", limitMs: 10_000 });
    verdicts.forEach((v, i) => v !== true && drawn.invalid.push(`${t.id} at ${size}: ${JSON.stringify(payloads[i]).slice(0, 200)}`));
    drawn.chars += payloads.reduce((n: number, p) => n + JSON.stringify(p).length, 0);
    drawn.payloads += payloads.length;
  }
  return drawn;
}

/** 100 payloads of one target at a fill, and those the oracle rejects. */
function drawPayloads(t: Target, fill: number, seed: number): { payloads: Json[]; invalid: Json[] } {
  const oracle = new Oracle(t.registry);
  const ctx = new GenContext(t.registry, oracle, payloadShape("medium", fill));
  const payloads = withinTimeLimit(`drawing ${t.id}`, 60_000, () => fc.sample(validArbitrary(t, ctx), { seed, numRuns: 100 })) as Json[];
  const verdicts = oracle.verdicts(t.uri, t.dialect, payloads, { stage: "the first pass", limitMs: 10_000 });
  return { payloads, invalid: payloads.filter((_, i) => verdicts[i] !== true) };
}

/** Average characters per payload at each size, in PAYLOAD_SIZES order; fails on any invalid payload. */
function averagesBySize(targets: Target[], seed: number, runs: number): number[] {
  return PAYLOAD_SIZES.map((size) => {
    const d = drawAt(targets, size, seed, runs);
    expect(d.invalid, "payloads the oracle rejects").to.deep.equal([]);
    return d.chars / d.payloads;
  });
}

function strictlyIncreasing(xs: number[]): boolean {
  return xs.every((x, i) => i === 0 || x > xs[i - 1]!);
}

function loadTargets(file: string, definitions: boolean, dialect: "draft-07" | "2020-12"): Target[] {
  const { registry, documents } = loadInputs([file], { defaultDialect: dialect });
  return listTargets(documents, registry, { definitions });
}

describe("payload size (--size, --fill)", function () {
  it("a larger size gives a larger average payload, every payload valid (schema/examples/order.json)", function () {
    const targets = loadTargets(path.join(EXAMPLES, "order.json"), false, "2020-12");
    forEachSeed([1, 2, 3], (seed) => {
      const averages = averagesBySize(targets, seed, 200);
      expect(strictlyIncreasing(averages), `averages ${averages.map(Math.round).join(" < ")}`).to.equal(true);
    });
  });

  it("a larger size gives a larger average payload over the Codex bundle, every payload valid", function () {
    needsShared(this, SHARED_CODEX);
    const targets = loadTargets(CODEX_BUNDLE, true, "draft-07").filter((_, i) => i % 12 === 0);
    forEachSeed([1, 2], (seed) => {
      const averages = averagesBySize(targets, seed, 20);
      expect(strictlyIncreasing(averages), `averages ${averages.map(Math.round).join(" < ")}`).to.equal(true);
    });
  });

  it("fill 1 draws every optional property, fill 0 none, every payload valid", function () {
    const targets = loadTargets(path.join(EXAMPLES, "order.json"), false, "2020-12");
    const optional = ["createdAt", "note", "tags"];
    forEachSeed([1, 2], (seed) => {
      for (const fill of [0, 1]) {
        const { payloads, invalid } = drawPayloads(targets[0]!, fill, seed);
        expect(invalid, "payloads the oracle rejects").to.deep.equal([]);
        const present = payloads.map((p) => optional.filter((k) => k in (p as Record<string, Json>)).length);
        expect(new Set(present), `optional keys present at fill ${fill}`).to.deep.equal(new Set([fill * optional.length]));
      }
    });
  });
});
