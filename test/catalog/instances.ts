import fs from "node:fs";
import path from "node:path";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { Oracle, OracleUnavailable } from "../../src/oracle/oracle.js";
import { InputError } from "../../src/schema/errors.js";
import { loadInputs } from "../../src/schema/load.js";

/** SchemaStore's catalog serves every schema at this prefix; its `$ref`s between schemas use it. */
export const SCHEMASTORE_PREFIX = "https://json.schemastore.org/";

export interface InstanceVerdict {
  /** `test/<schema>/<file>` or `negative_test/<schema>/<file>`. */
  file: string;
  schema: string;
  expected: boolean;
  /** The oracle's verdict, or why there is none. */
  oracle: boolean | { unavailable: string };
}

/**
 * A YAML, TOML or JSON instance as SchemaStore's CI reads it: YAML and TOML are turned
 * into JSON values (TOML dates and times become their RFC 3339 text).
 */
export function readInstance(file: string): unknown {
  const text = fs.readFileSync(file, "utf8");
  if (/\.ya?ml$/.test(file)) return parseYaml(text);
  if (file.endsWith(".toml")) return JSON.parse(JSON.stringify(parseToml(text)));
  return JSON.parse(text);
}

/** Every instance of test/ (valid) and negative_test/ (invalid) judged by the oracle against its schema. */
export function judgeCatalogInstances(root: string): InstanceVerdict[] {
  const schemasDir = path.join(root, "schemas");
  const { registry } = loadInputs([], { defaultDialect: "draft-07", remotes: [{ uri: SCHEMASTORE_PREFIX, dir: schemasDir }] });
  const oracle = new Oracle(registry);
  const out: InstanceVerdict[] = [];
  for (const [folder, expected] of [["test", true], ["negative_test", false]] as const) {
    for (const schema of fs.readdirSync(path.join(root, folder)).sort()) {
      const doc = registry.document(`${SCHEMASTORE_PREFIX}${schema}.json`);
      for (const name of fs.readdirSync(path.join(root, folder, schema)).sort()) {
        const file = `${folder}/${schema}/${name}`;
        if (!doc) {
          out.push({ file, schema, expected, oracle: { unavailable: "the schema is not in the catalog copy" } });
          continue;
        }
        out.push({ file, schema, expected, oracle: verdictOf(oracle, doc.uri, doc.dialect, path.join(root, file)) });
      }
    }
  }
  return out;
}

function verdictOf(oracle: Oracle, uri: string, dialect: Parameters<Oracle["check"]>[1], file: string): InstanceVerdict["oracle"] {
  let check: (v: unknown) => boolean;
  try {
    check = oracle.check(uri, dialect);
  } catch (e) {
    if (e instanceof InputError || e instanceof OracleUnavailable) return { unavailable: e.message };
    throw e;
  }
  return check(readInstance(file));
}
