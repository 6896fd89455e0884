/**
 * The official suite run straight through each library, with no code of schema-conform in the
 * validation path (each library loaded and called the way its README says, the suite's remotes
 * registered by their http://localhost:1234/ URLs, a fresh validator per group), next to what
 * `conform suite` reported for the same adapter: the counts side by side and every test on which
 * the two differ. Python libraries run in bench/suite_direct.py. Printed, never asserted.
 *
 *   npx tsc -p . && node dist/bench/suite-direct.js --suite ../shared/json-schema-test-suite --ours DIR
 *
 * DIR holds `conform suite --dialect D --adapter A --report json:DIR/A.D.json` reports.
 * Format policy as conform's default: asserted in draft-04/07, annotation in 2020-12.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
type Dialect = "draft-04" | "draft-07" | "2020-12";
const DIALECTS: Dialect[] = ["draft-04", "draft-07", "2020-12"];
const FOLDER: Record<Dialect, string> = { "draft-04": "draft4", "draft-07": "draft7", "2020-12": "draft2020-12" };
const META: Record<Dialect, string> = { "draft-04": "http://json-schema.org/draft-04/schema#", "draft-07": "http://json-schema.org/draft-07/schema#", "2020-12": "https://json-schema.org/draft/2020-12/schema" };
const assertsFormats = (d: Dialect) => d !== "2020-12";

interface Group { file: string; description: string; schema: unknown; tests: Array<{ description: string; data: unknown; valid: boolean }> }
interface Remote { url: string; schema: unknown }
type Outcome = "passed" | "failed" | "errored" | "skipped";
interface Result { counts: Record<Outcome, number>; unsuccessful: Array<{ file: string; group: string; test: string; outcome: Outcome; message?: string }> }
/** Compiles one group's schema (a throw: the library cannot take it) into an instance check. */
type Compile = (schema: unknown) => Promise<(instance: unknown) => boolean | Promise<boolean>>;

function loadGroups(suite: string, dialect: Dialect): Group[] {
  const dir = path.join(suite, "tests", FOLDER[dialect]);
  return fs.readdirSync(dir).filter((n) => n.endsWith(".json")).sort().flatMap((file) =>
    (JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Array<Omit<Group, "file">>).map((g) => ({ ...g, file })));
}

/** The remotes a user of `dialect` registers: the shared ones and its own folder's, not another dialect's. */
function loadRemotes(suite: string, dialect: Dialect): Remote[] {
  const root = path.join(suite, "remotes");
  const otherDialect = (dir: string) => { const top = path.relative(root, dir).split(path.sep)[0]!; return (top.startsWith("draft") || top === "v1") && top !== FOLDER[dialect]; };
  const walk = (dir: string): string[] => (otherDialect(dir) ? [] : fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".json") ? [path.join(dir, e.name)] : [])));
  return walk(root).map((f) => ({ url: `http://localhost:1234/${path.relative(root, f).split(path.sep).join("/")}`, schema: JSON.parse(fs.readFileSync(f, "utf8")) }));
}

const attempt = (f: () => void) => { try { f(); } catch { /* a remote of another dialect: the library refuses it, as it would for a user */ } };

/* eslint-disable @typescript-eslint/no-explicit-any -- each library's own API, called as its README shows */
const JS_LIBRARIES: Record<string, (dialect: Dialect, remotes: Remote[]) => Promise<Compile | undefined>> = {
  async ajv(dialect, remotes) {
    const Ajv: any = dialect === "draft-04" ? require("ajv-draft-04").default : dialect === "2020-12" ? require("ajv/dist/2020").default : require("ajv").default;
    const addFormats: any = require("ajv-formats").default;
    return async (schema) => {
      const ajv = new Ajv({ strict: false, logger: false, validateFormats: assertsFormats(dialect) });
      if (assertsFormats(dialect)) addFormats(ajv);
      for (const r of remotes) attempt(() => ajv.addSchema(r.schema, r.url));
      const validate = ajv.compile(schema);
      return (instance) => validate(instance) === true;
    };
  },
  async hyperjump(dialect, remotes) {
    const lib: any = await import("@hyperjump/json-schema/draft-2020-12");
    await import("@hyperjump/json-schema/draft-07");
    await import("@hyperjump/json-schema/draft-04");
    await import("@hyperjump/json-schema/formats" as string);
    lib.setShouldValidateFormat?.(assertsFormats(dialect));
    const dialectId = META[dialect].replace(/#$/, "");
    for (const r of remotes) attempt(() => lib.registerSchema(r.schema, r.url, dialectId));
    let n = 0;
    return async (schema) => {
      const uri = `https://direct.invalid/${dialect}/${++n}`;
      lib.registerSchema(schema, uri, dialectId);
      const validator = await lib.validate(uri);
      return (instance) => validator(instance).valid;
    };
  },
  async cfworker(dialect, remotes) {
    const { Validator }: any = await import("@cfworker/json-schema");
    const draft = { "draft-04": "4", "draft-07": "7", "2020-12": "2020-12" }[dialect];
    return async (schema) => {
      const v = new Validator(schema, draft, true);
      for (const r of remotes) attempt(() => v.addSchema(r.schema, r.url));
      return (instance) => v.validate(instance).valid;
    };
  },
  async schemasafe(dialect, remotes) {
    const { validator }: any = await import("@exodus/schemasafe");
    const schemas = new Map(remotes.map((r) => [r.url, r.schema]));
    return async (schema) => {
      const validate = validator(schema, { mode: "spec", schemas, $schemaDefault: META[dialect], formatAssertion: assertsFormats(dialect), isJSON: true });
      return (instance) => validate(instance);
    };
  },
  async "z-schema"(dialect, remotes) {
    const ZSchema: any = ((await import("z-schema")) as any).default;
    const version = { "draft-04": "draft-04", "draft-07": "draft-07", "2020-12": "draft2020-12" }[dialect];
    return async (schema) => {
      const v = ZSchema.create({ safe: true, version, ignoreUnknownFormats: true, formatAssertions: assertsFormats(dialect) ? null : false });
      for (const r of remotes) if (typeof r.schema === "object") attempt(() => v.setRemoteReference(r.url, r.schema));
      const checked = v.validateSchema(schema);
      if (!checked.valid) throw new Error(checked.err?.message ?? "schema rejected");
      return (instance) => v.validate(instance, schema).valid;
    };
  },
  async jsonschema(dialect, remotes) {
    if (dialect === "2020-12") return undefined;
    const { Validator }: any = ((await import("jsonschema")) as any).default;
    return async (schema) => {
      const v = new Validator();
      for (const r of remotes) attempt(() => v.addSchema(r.schema, r.url));
      return (instance) => v.validate(instance, schema, { disableFormat: !assertsFormats(dialect) }).valid;
    };
  },
};
/* eslint-enable @typescript-eslint/no-explicit-any */

const PYTHON_LIBRARIES: Record<string, string> = { "python-jsonschema": "jsonschema", "python-jsonschema-rs": "jsonschema_rs", "python-fastjsonschema": "fastjsonschema" };

async function runJs(compileFor: Compile, groups: Group[]): Promise<Result> {
  const result: Result = { counts: { passed: 0, failed: 0, errored: 0, skipped: 0 }, unsuccessful: [] };
  for (const g of groups) {
    let check: ((instance: unknown) => boolean | Promise<boolean>) | undefined;
    let compileError = "";
    try {
      check = await compileFor(g.schema);
    } catch (e) {
      compileError = String((e as Error)?.message ?? e).slice(0, 200);
    }
    for (const t of g.tests) {
      let outcome: Outcome;
      let message = compileError;
      if (!check) outcome = "errored";
      else {
        try {
          outcome = (await check(t.data)) === t.valid ? "passed" : "failed";
        } catch (e) {
          outcome = "errored";
          message = String((e as Error)?.message ?? e).slice(0, 200);
        }
      }
      result.counts[outcome]++;
      if (outcome !== "passed") result.unsuccessful.push({ file: g.file, group: g.description, test: t.description, outcome, ...(message ? { message } : {}) });
    }
  }
  return result;
}

/** Every test skipped: the library does not implement the dialect. */
function unsupported(groups: Group[]): Result {
  const unsuccessful = groups.flatMap((g) => g.tests.map((t) => ({ file: g.file, group: g.description, test: t.description, outcome: "skipped" as const })));
  return { counts: { passed: 0, failed: 0, errored: 0, skipped: unsuccessful.length }, unsuccessful };
}

function runPython(library: string, suite: string, dialect: Dialect): Result {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../bench/suite_direct.py");
  const r = spawnSync(process.env.CONFORM_PYTHON ?? "python3", [script, suite, FOLDER[dialect], library, assertsFormats(dialect) ? "assert" : "annotate"], { encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${library}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Result;
}

interface Ours { counts: Record<Outcome, number>; unsuccessful: Array<{ file: string; group: string; test: string; outcome: Outcome }> }

function oursOf(dir: string | undefined, adapter: string, dialect: Dialect): Ours | undefined {
  const file = dir && path.join(dir, `${adapter}.${dialect}.json`);
  if (!file || !fs.existsSync(file)) return undefined;
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { compliance?: { adapters: Ours[] } }).compliance?.adapters[0];
}

const key = (u: { file: string; group: string; test: string }) => `${u.file} / ${u.group} / ${u.test}`;

function differences(direct: Result, ours: Ours): string[] {
  const d = new Map(direct.unsuccessful.map((u) => [key(u), u.outcome]));
  const o = new Map(ours.unsuccessful.map((u) => [key(u), u.outcome]));
  return [...new Set([...d.keys(), ...o.keys()])].filter((k) => (d.get(k) ?? "passed") !== (o.get(k) ?? "passed")).sort().map((k) => `${k}: direct ${d.get(k) ?? "passed"}, conform ${o.get(k) ?? "passed"}`);
}

const fmt = (c: Record<Outcome, number> | undefined) => (c ? `${c.passed}/${c.failed}/${c.errored}/${c.skipped}` : "–");

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const suite = option("--suite") ?? "../shared/json-schema-test-suite";
  const oursDir = option("--ours");
  const only = option("--only")?.split(",");
  const rows: string[] = ["| library | dialect | direct p/f/e/s | conform p/f/e/s | tests that differ |", "|---|---|---|---|---:|"];
  const details: string[] = [];
  for (const dialect of DIALECTS) {
    const groups = loadGroups(suite, dialect);
    const remotes = loadRemotes(suite, dialect);
    for (const name of [...Object.keys(JS_LIBRARIES), ...Object.keys(PYTHON_LIBRARIES)]) {
      if (only && !only.includes(name)) continue;
      let direct: Result | undefined;
      if (name in PYTHON_LIBRARIES) direct = runPython(PYTHON_LIBRARIES[name]!, suite, dialect);
      else {
        const compile = await JS_LIBRARIES[name]!(dialect, remotes);
        direct = compile ? await runJs(compile, groups) : unsupported(groups);
      }
      const ours = oursOf(oursDir, name, dialect);
      const diff = ours ? differences(direct, ours) : [];
      rows.push(`| ${name} | ${dialect} | ${fmt(direct.counts)} | ${fmt(ours?.counts)} | ${ours ? diff.length : "–"} |`);
      if (diff.length > 0) details.push(`### ${name} ${dialect}`, ...diff.map((l) => `- ${l}`), "");
    }
  }
  process.stdout.write([...rows, "", ...details].join("\n") + "\n");
}

await main();
