import { expect } from "chai";
import fc from "fast-check";
import { renderJson, sortKeys } from "../../src/report/json.js";
import { FINDING_KINDS, OBSERVATIONS, type FindingKind, type Observation } from "../../src/model/finding.js";
import type { RunReport } from "../../src/model/report.js";
import { runReport } from "./arbitraries.js";
import { cleanReport, sampleReport } from "./fixtures.js";
import { reportSchema, reportValidator } from "./report-schema.js";
import { forEachSeed } from "../helpers/seeds.js";

// Compile-time: the constant lists name every member of their unions.
const allKindsListed: [Exclude<FindingKind, (typeof FINDING_KINDS)[number]>] extends [never] ? true : false = true;
const allObservationsListed: [Exclude<Observation, (typeof OBSERVATIONS)[number]>] extends [never] ? true : false = true;

const validate = reportValidator();

function errorsOf(value: unknown): string {
  return validate(value) ? "" : JSON.stringify(validate.errors);
}

/** The same JSON value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== "object" || value === null) return value;
  const out = {};
  for (const key of Object.keys(value).reverse()) {
    Object.defineProperty(out, key, { value: reverseKeys((value as Record<string, unknown>)[key]), enumerable: true });
  }
  return out;
}

describe("report/json", () => {
  it("lists every finding kind and observation in the report schema", () => {
    expect(allKindsListed && allObservationsListed).to.equal(true);
    expect(reportSchema.$defs.findingKind!.enum).to.have.members([...FINDING_KINDS]);
    expect(reportSchema.$defs.observation!.enum).to.have.members([...OBSERVATIONS]);
  });

  it("writes realistic reports that validate against schema/report.schema.json", () => {
    expect(errorsOf(JSON.parse(renderJson(sampleReport)))).to.equal("");
    expect(errorsOf(JSON.parse(renderJson(cleanReport)))).to.equal("");
  });

  it("writes any report as JSON that validates against the schema and parses back to the report", () => {
    forEachSeed([1], (seed) =>
      fc.assert(
        fc.property(runReport, (report) => {
          const parsed = JSON.parse(renderJson(report));
          expect(errorsOf(parsed)).to.equal("");
          expect(parsed).to.deep.equal(JSON.parse(JSON.stringify(report)));
        }),
        { seed, numRuns: 150 },
      ),
    );
  });

  it("gives the same bytes whatever order the report's objects were built in", () => {
    forEachSeed([1], (seed) =>
      fc.assert(
        fc.property(runReport, (report) => {
          expect(renderJson(reverseKeys(report) as RunReport)).to.equal(renderJson(report));
        }),
        { seed, numRuns: 100 },
      ),
    );
  });

  it("is indented and sorts keys at every depth", () => {
    const text = renderJson(sampleReport);
    expect(text).to.match(/^\{\n {2}"adapters": \[/);
    expect(text.endsWith("}\n")).to.equal(true);
    expect(Object.keys(JSON.parse(text).findings[0])).to.deep.equal([...Object.keys(sampleReport.findings[0]!)].sort());
  });

  it("keeps an instance's __proto__ key as a property", () => {
    const instance = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const copy = sortKeys(instance) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).to.equal(Object.prototype);
    expect(JSON.stringify(copy)).to.equal('{"__proto__":{"polluted":true},"a":1}');
  });

  describe("the schema is strict", () => {
    const finding = sampleReport.findings[0]!;
    const withFinding = (f: unknown): unknown => ({ ...sampleReport, findings: [f] });

    for (const field of reportSchema.$defs.finding!.required!) {
      it(`rejects a finding without "${field}"`, () => {
        const { [field as keyof typeof finding]: _dropped, ...rest } = finding;
        expect(validate(withFinding(rest))).to.equal(false);
      });
    }

    it("requires the fields DESIGN.md names for findings and targets", () => {
      expect(reportSchema.$defs.finding!.required).to.include.members([
        "target", "adapter", "kind", "instance", "expected", "oracle", "actual", "keyword", "schemaPath", "instancePath", "seed", "path",
      ]);
      expect(reportSchema.$defs.targetRef!.required).to.have.members(["file", "pointer", "uri"]);
      expect(reportSchema.$defs.targetSummary!.required).to.include.members(["payloads", "timeMs"]);
    });

    it("rejects an unknown kind, an unknown field and a pointer without its leading slash", () => {
      expect(validate(withFinding({ ...finding, kind: "false-positive" }))).to.equal(false);
      expect(validate(withFinding({ ...finding, severity: "high" }))).to.equal(false);
      expect(validate(withFinding({ ...finding, schemaPath: "properties/a" }))).to.equal(false);
      expect(validate(withFinding({ ...finding, schemaPath: "/a~2b" }))).to.equal(false);
    });

    it("accepts a finding with null break label and path (a valid payload)", () => {
      expect(errorsOf(withFinding({ ...finding, keyword: null, schemaPath: null, instancePath: null, path: null }))).to.equal("");
    });

    it("rejects a coverage ratio above 1 and a negative count", () => {
      const target = sampleReport.targets[0]!;
      expect(validate({ ...sampleReport, targets: [{ ...target, coverage: { ...target.coverage!, ratio: 1.5 } }] })).to.equal(false);
      expect(validate({ ...sampleReport, targets: [{ ...target, payloads: { valid: -1, invalid: 0 } }] })).to.equal(false);
    });
  });
});
