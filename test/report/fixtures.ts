import type { Finding } from "../../src/model/finding.js";
import type { RunReport } from "../../src/model/report.js";

const bundle = "../shared/corpus/codex-app-server-protocol/codex_app_server_protocol.schemas.json";
const initialize = { file: bundle, pointer: "/definitions/InitializeParams", uri: "file:///work/shared/corpus/codex.json#/definitions/InitializeParams" };
const thread = { file: bundle, pointer: "/definitions/ThreadStartParams", uri: "file:///work/shared/corpus/codex.json#/definitions/ThreadStartParams" };
const person = { file: "schemas/person.json", pointer: "", uri: "file:///work/main/schemas/person.json" };

const falseAccept: Finding = {
  target: initialize,
  adapter: "python-jsonschema",
  kind: "false-accept",
  instance: { clientInfo: { name: "", version: "1" } },
  expected: "invalid",
  oracle: "invalid",
  actual: "valid",
  keyword: "minLength",
  schemaPath: "/properties/clientInfo/properties/name/minLength",
  instancePath: "/clientInfo/name",
  seed: 42,
  path: "3:1:0",
};

const falseReject: Finding = {
  target: person,
  adapter: "@cfworker/json-schema",
  kind: "false-reject",
  instance: { name: "a", email: "a@b.co" },
  expected: "valid",
  oracle: "valid",
  actual: "invalid",
  keyword: null,
  schemaPath: null,
  instancePath: null,
  seed: 42,
  path: "7",
};

const formatDifference: Finding = {
  ...falseAccept,
  target: person,
  kind: "format-difference",
  instance: { name: "a", email: "not an email" },
  keyword: "format",
  schemaPath: "/properties/email/format",
  instancePath: "/email",
  path: "12:0",
};

const timeout: Finding = {
  ...falseAccept,
  target: thread,
  kind: "adapter-timeout",
  instance: { cwd: "a".repeat(40) },
  actual: "timeout",
  keyword: "pattern",
  schemaPath: "/properties/cwd/pattern",
  instancePath: "/cwd",
  message: "no answer within 5000 ms; harness restarted",
};

const oracleDisagreement: Finding = {
  target: thread,
  adapter: "ajv",
  kind: "oracle-disagreement",
  instance: { model: "\u0000<b>]]>" },
  expected: "invalid",
  oracle: "valid",
  actual: "valid",
  keyword: "not",
  schemaPath: "/properties/model/not",
  instancePath: "/model",
  seed: 42,
  path: null,
  witnesses: { label: "invalid", oracle: "valid", "python-jsonschema": "valid", "@cfworker/json-schema": "invalid" },
};

/** A realistic report: three targets (one unsatisfiable), two adapters, one finding of most kinds. */
export const sampleReport: RunReport = {
  tool: { name: "schema-conform", version: "0.1.0" },
  startedAt: "2025-01-02T03:04:05.678Z",
  command: "fuzz",
  seed: 42,
  runs: 100,
  formatPolicy: "assert",
  adapters: [
    { name: "python-jsonschema", version: "4.23.0", dialects: ["http://json-schema.org/draft-07/schema#"], checked: 600, skipped: 0 },
    { name: "@cfworker/json-schema", dialects: ["http://json-schema.org/draft-07/schema#"], checked: 590, skipped: 10 },
  ],
  targets: [
    {
      target: initialize,
      dialect: "draft-07",
      status: "ok",
      payloads: { valid: 100, invalid: 100 },
      invalidRejectedByOracle: 3,
      coverage: {
        exercised: ["/properties/clientInfo", "/properties/clientInfo/properties/name"],
        broken: ["/properties/clientInfo/properties/name/minLength", "/required"],
        neverBroken: [{ schemaPath: "/properties/capabilities/anyOf", keyword: "anyOf", reason: "every value satisfies one branch" }],
        branches: [{ schemaPath: "/properties/capabilities/anyOf", hit: 1, total: 2 }],
        optionalProperties: [{ schemaPath: "/properties/capabilities", present: true, absent: false }],
        ratio: 0.83,
      },
      timeMs: 1234.5,
    },
    {
      target: thread,
      dialect: "draft-07",
      status: "ok",
      payloads: { valid: 100, invalid: 100 },
      invalidRejectedByOracle: 0,
      coverage: { exercised: [], broken: [], neverBroken: [], branches: [], optionalProperties: [], ratio: 1 },
      timeMs: 2100,
    },
    {
      target: person,
      dialect: "2020-12",
      status: "unsatisfiable",
      message: "allOf at /allOf requires both a string and a number",
      payloads: { valid: 0, invalid: 0 },
      invalidRejectedByOracle: 0,
      timeMs: 12,
    },
  ],
  findings: [falseAccept, falseReject, formatDifference, timeout, oracleDisagreement],
  totals: {
    targets: 3,
    payloads: 400,
    findings: 5,
    byKind: { "false-accept": 1, "false-reject": 1, "format-difference": 1, "adapter-timeout": 1, "oracle-disagreement": 1 },
    timeMs: 3346.5,
  },
};

/** The same run with nothing found. */
export const cleanReport: RunReport = {
  ...sampleReport,
  findings: [],
  totals: { ...sampleReport.totals, findings: 0, byKind: {} },
};
