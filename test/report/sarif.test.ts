import { expect } from "chai";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { Ajv as AjvCore } from "ajv";
import type { RunReport } from "../../src/model/report.js";
import { renderSarif } from "../../src/report/sarif.js";
import { SHARED, needsShared, type SharedData } from "../helpers/paths.js";
import { sampleReport } from "./fixtures.js";

const require = createRequire(import.meta.url);
const SARIF_SCHEMA: SharedData = { relativePath: "corpus/schemastore-full/schemas/sarif-2.1.0.json", what: "the SARIF 2.1.0 JSON schema (SchemaStore's copy of OASIS' sarif-schema-2.1.0.json)" };

interface SarifResult {
  ruleId: string;
  level: string;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }>;
}

/** A report whose one finding breaks `minimum` deep in a schema file written here. */
function reportOnFile(file: string): RunReport {
  const finding = { ...sampleReport.findings[0]!, target: { file, pointer: "/definitions/Order", uri: `file://${file}#/definitions/Order` }, keyword: "minimum", schemaPath: "/properties/n/minimum" };
  return { ...sampleReport, findings: [finding] };
}

describe("SARIF report", () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "conform-sarif-"));
    file = path.join(dir, "order.json");
    fs.writeFileSync(file, `{\n  "definitions": {\n    "Order": {\n      "properties": {\n        "n": { "type": "integer", "minimum": 1 }\n      }\n    }\n  }\n}\n`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("locates a finding at the broken keyword's line and column in its schema file", () => {
    const result = (JSON.parse(renderSarif(reportOnFile(file))) as { runs: Array<{ results: SarifResult[] }> }).runs[0]!.results[0]!;
    expect(result.locations[0]!.physicalLocation.region).to.deep.equal({ startLine: 5, startColumn: 35 });
    expect(result.ruleId).to.equal(sampleReport.findings[0]!.kind);
  });

  it("names files under the working directory relative to %SRCROOT%, others by file: URI", () => {
    const inside = path.join(process.cwd(), "schema", "examples", "order.json");
    const uriOf = (f: string) => (JSON.parse(renderSarif(reportOnFile(f))) as { runs: Array<{ results: SarifResult[] }> }).runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation;
    expect(uriOf(inside)).to.deep.equal({ uri: "schema/examples/order.json", uriBaseId: "SRCROOT" });
    expect(uriOf(file).uri).to.equal(`file://${file}`);
  });

  it("is valid against the SARIF 2.1.0 schema, for a report with findings of every kind and for a clean one", function () {
    needsShared(this, SARIF_SCHEMA);
    const Ajv = require("ajv").default as new (o: object) => AjvCore;
    const addFormats = require("ajv-formats").default as (ajv: AjvCore) => AjvCore;
    const validate = addFormats(new Ajv({ strict: false, allErrors: true, logger: false })).compile(JSON.parse(fs.readFileSync(path.join(SHARED, SARIF_SCHEMA.relativePath), "utf8")) as object);
    for (const report of [sampleReport, reportOnFile(file), { ...sampleReport, findings: [] }]) {
      const log = JSON.parse(renderSarif(report)) as unknown;
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).to.equal(true);
    }
  });
});
