/**
 * The direct loop `conform suite` is measured against: each group of the official suite's
 * files compiled by a fresh ajv of the dialect (remotes added) and its tests validated, with
 * nothing else. `npm run bench` prints it beside `conform suite` (bench/suite.ts).
 *
 *   node dist/bench/suite-loop.js SUITE_DIR DIALECT
 */
import fs from "node:fs";
import path from "node:path";
import { createAjv } from "../src/oracle/ajv-factory.js";
import type { Dialect } from "../src/schema/dialect.js";
import { loadInputs } from "../src/schema/load.js";

const FOLDER: Record<Dialect, string> = { "draft-04": "draft4", "draft-06": "draft6", "draft-07": "draft7", "2019-09": "draft2019-09", "2020-12": "draft2020-12" };

interface Group {
  schema: object | boolean;
  tests: Array<{ data: unknown; valid: boolean }>;
}

/** Runs the loop; returns tests run, tests ajv agreed with, and milliseconds (reading the files included). */
export function directLoop(suite: string, dialect: Dialect): { tests: number; agreed: number; ms: number } {
  const started = performance.now();
  const dir = path.join(suite, "tests", FOLDER[dialect]);
  const remotes = [...loadInputs([], { defaultDialect: dialect, remotes: [{ uri: "http://localhost:1234/", dir: path.join(suite, "remotes") }], eagerRemotes: true }).registry.documents];
  let tests = 0;
  let agreed = 0;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    for (const group of JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Group[]) {
      const validate = compiled(dialect, group.schema, remotes);
      for (const t of group.tests) {
        tests++;
        if (validate && validate(t.data) === t.valid) agreed++;
      }
    }
  }
  return { tests, agreed, ms: performance.now() - started };
}

/** The group's validator: a fresh ajv; the remotes are added only when the schema refers outside itself (ajv cannot load them lazily). */
function compiled(dialect: Dialect, schema: object | boolean, remotes: Array<[string, { schema: unknown }]>): ((data: unknown) => boolean) | undefined {
  for (const withRemotes of [false, true]) {
    const ajv = createAjv(dialect, "assert", {}, "stock");
    if (withRemotes) for (const [uri, doc] of remotes) if (!ajv.getSchema(uri)) try { ajv.addSchema(doc.schema as object, uri); } catch { /* one ajv refuses is left out */ }
    try {
      return ajv.compile(schema as object) as (data: unknown) => boolean;
    } catch (e) {
      if (!(e as { missingRef?: string }).missingRef) return undefined;
    }
  }
  return undefined;
}

if (process.argv[1]?.endsWith("suite-loop.js") && process.argv[2]) {
  const r = directLoop(process.argv[2], (process.argv[3] ?? "draft-07") as Dialect);
  console.log(JSON.stringify(r));
}
