import fc from "fast-check";
import { FINDING_KINDS, OBSERVATIONS, type Finding, type FindingKind } from "../../src/model/finding.js";
import { type TargetRef } from "../../src/model/target-ref.js";
import type { Coverage } from "../../src/model/coverage.js";
import type { AdapterSummary, RunReport, TargetSummary } from "../../src/model/report.js";
import { escapeToken } from "../../src/schema/pointer.js";

/** Strings that have broken report writers before: markup, CDATA ends, controls, lone surrogates, prototype keys. */
export const NASTY_STRINGS = [
  "]]>",
  "<![CDATA[x]]>",
  "\u0000",
  "\u0001\u0008\u000b\u000c\u001f",
  "\u001b[31mred\u001b[0m",
  "\u009b2J",
  "\u007f",
  "\ud800",
  "x\udfffy",
  "\ufffe\uffff",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "&amp; &lt; &#0; &#x1;",
  `'"`,
  "a\r\nb\rc\n\td",
  "`` ``` |*_#~[]\\",
  "__proto__",
  "😀 é 中",
  "",
];

/** One character that is often awkward: a control, a surrogate half, markup, or any code point. */
const awkwardChar: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom("<", ">", "&", '"', "'", "]", "`", "|", "*", "_", "#", "\\", "\r", "\n", "\ufffe"),
);

export const awkwardString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: awkwardChar, maxLength: 16 }),
);

/** A valid RFC 6901 pointer whose tokens may be awkward strings (the report schema checks the syntax). */
export const pointer: fc.Arbitrary<string> = fc
  .array(fc.oneof(awkwardString, fc.nat({ max: 20 }).map(String)), { maxLength: 4 })
  .map((tokens) => tokens.map((t) => "/" + escapeToken(t)).join(""));

const count = fc.nat({ max: 10_000 });
const duration = fc.double({ min: 0, max: 1e7, noNaN: true });
const nonNegativeInteger = fc.nat({ max: 2 ** 31 - 1 });

/** JSON instances, with awkward strings as keys and values. */
export const instance: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(awkwardString, fc.oneof(awkwardString, fc.integer(), fc.constant(null)), { maxKeys: 3 }),
  awkwardString,
);

export const targetRef: fc.Arbitrary<TargetRef> = fc.record({
  file: awkwardString,
  pointer,
  uri: awkwardString,
});

const nullablePointer = fc.option(pointer, { nil: null });

export function findingArbitrary(targets: TargetRef[], adapters: string[]): fc.Arbitrary<Finding> {
  return fc.record(
    {
      target: targets.length === 0 ? targetRef : fc.constantFrom(...targets),
      adapter: adapters.length === 0 ? awkwardString : fc.oneof(fc.constantFrom(...adapters), awkwardString),
      kind: fc.constantFrom<FindingKind>(...FINDING_KINDS),
      instance,
      expected: fc.constantFrom("valid" as const, "invalid" as const),
      oracle: fc.constantFrom(...OBSERVATIONS),
      actual: fc.constantFrom(...OBSERVATIONS),
      keyword: fc.option(awkwardString, { nil: null }),
      schemaPath: nullablePointer,
      instancePath: nullablePointer,
      seed: fc.integer(),
      path: fc.option(awkwardString, { nil: null }),
      message: awkwardString,
      witnesses: fc.dictionary(awkwardString, fc.constantFrom(...OBSERVATIONS), { maxKeys: 3 }),
    },
    { requiredKeys: ["target", "adapter", "kind", "instance", "expected", "oracle", "actual", "keyword", "schemaPath", "instancePath", "seed", "path"] },
  );
}

export const coverage: fc.Arbitrary<Coverage> = fc.record({
  exercised: fc.array(pointer, { maxLength: 3 }),
  broken: fc.array(pointer, { maxLength: 3 }),
  neverBroken: fc.array(fc.record({ schemaPath: pointer, keyword: awkwardString, reason: awkwardString }), { maxLength: 2 }),
  branches: fc.array(fc.record({ schemaPath: pointer, hit: count, total: count }), { maxLength: 2 }),
  optionalProperties: fc.array(fc.record({ schemaPath: pointer, present: fc.boolean(), absent: fc.boolean() }), { maxLength: 2 }),
  ratio: fc.double({ min: 0, max: 1, noNaN: true }),
});

export function targetSummaryArbitrary(ref: TargetRef): fc.Arbitrary<TargetSummary> {
  return fc.record(
    {
      target: fc.constant(ref),
      dialect: fc.constantFrom("draft-04", "draft-07", "2020-12"),
      status: fc.constantFrom("ok" as const, "unsatisfiable" as const, "skipped" as const, "error" as const),
      message: awkwardString,
      payloads: fc.record({ valid: count, invalid: count }),
      invalidRejectedByOracle: count,
      coverage,
      skippedBy: fc.array(fc.record({ adapter: awkwardString, reason: awkwardString }), { minLength: 1, maxLength: 3 }),
      timeMs: duration,
    },
    { requiredKeys: ["target", "dialect", "status", "payloads", "invalidRejectedByOracle", "timeMs"] },
  );
}

export const adapterSummary: fc.Arbitrary<AdapterSummary> = fc.record(
  {
    name: awkwardString,
    version: awkwardString,
    dialects: fc.array(awkwardString, { maxLength: 2 }),
    checked: count,
    skipped: count,
  },
  { requiredKeys: ["name", "dialects", "checked", "skipped"] },
);

/** Whole reports: findings point at the report's own targets and (mostly) adapters; totals are consistent. */
export const runReport: fc.Arbitrary<RunReport> = fc
  .record({
    targetRefs: fc.array(targetRef, { maxLength: 4 }),
    adapters: fc.array(adapterSummary, { maxLength: 3 }),
  })
  .chain(({ targetRefs, adapters }) =>
    fc.record({
      tool: fc.record({ name: fc.constant("schema-conform" as const), version: awkwardString }),
      startedAt: fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
      command: fc.constantFrom("fuzz" as const, "replay" as const, "suite" as const),
      seed: fc.integer(),
      runs: nonNegativeInteger,
      formatPolicy: fc.oneof(fc.constantFrom("assert", "annotate"), awkwardString),
      adapters: fc.constant(adapters),
      targets: fc.tuple(...targetRefs.map(targetSummaryArbitrary)),
      findings: fc.array(findingArbitrary(targetRefs, adapters.map((a) => a.name)), { maxLength: 6 }),
    }),
  )
  .map((partial) => ({ ...partial, totals: totalsOf(partial) }));

function totalsOf(r: Omit<RunReport, "totals">): RunReport["totals"] {
  const byKind: Record<string, number> = {};
  for (const f of r.findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  return {
    targets: r.targets.length,
    payloads: r.targets.reduce((n, t) => n + t.payloads.valid + t.payloads.invalid, 0),
    findings: r.findings.length,
    byKind,
    timeMs: r.targets.reduce((n, t) => n + t.timeMs, 0),
  };
}
