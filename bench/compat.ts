/**
 * `conform compat` beside the two anchors users can install from npm, on the same pairs:
 * jsoncompat 0.4 (a WASM checker: compatible or not, per role) and json-schema-diff 1.0 (a
 * structural set difference: what was added or removed, no counterexample). Printed, never
 * asserted.
 *
 *   npx tsc -p . && node dist/bench/compat.js
 *
 * Pairs: the seed commit (AuthMode without and with agentIdentity), and, when ../shared is
 * there, the Codex bundle against itself with one enum value removed and with one optional
 * property made required. Reading the columns: "readers break" = the new version accepts
 * something the old rejects (json-schema-diff: additions; jsoncompat: not deserializer-safe
 * for old readers); "writers break" = the reverse.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { compareVersions } from "../src/run/compat/index.js";

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const CODEX = path.resolve(REPO, "../shared/corpus/codex-app-server-protocol/codex_app_server_protocol.v2.schemas.json");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-compat-"));

interface Pair {
  name: string;
  old: string;
  new: string;
  definitions: boolean;
  /** For the anchors, which compare whole documents: the definitions to compare, each as the root (`$ref` to it). */
  focus: string[];
}

function pairs(): Pair[] {
  const seedNew = path.join(REPO, "schema/examples/AccountUpdatedNotification.json");
  const seedOld = JSON.parse(fs.readFileSync(seedNew, "utf8"));
  seedOld.definitions.AuthMode.oneOf = seedOld.definitions.AuthMode.oneOf.slice(0, 3);
  const out: Pair[] = [{ name: "seed: AuthMode + agentIdentity", old: write("seed-old.json", seedOld), new: seedNew, definitions: false, focus: [""] }];
  if (!fs.existsSync(CODEX)) {
    process.stdout.write(`(Codex pairs skipped: ${CODEX} is absent)\n`);
    return out;
  }
  const codex = JSON.parse(fs.readFileSync(CODEX, "utf8"));
  const fewer = structuredClone(codex);
  fewer.definitions.AppToolApproval.enum = fewer.definitions.AppToolApproval.enum.slice(0, -1);
  const required = structuredClone(codex);
  required.definitions.AccountLoginCompletedNotification.required = [...(required.definitions.AccountLoginCompletedNotification.required ?? []), "error"];
  out.push({ name: "Codex: enum value removed", old: CODEX, new: write("codex-fewer.json", fewer), definitions: true, focus: ["/definitions/AppToolApproval", "/definitions/AppConfig"] });
  out.push({ name: "Codex: property made required", old: CODEX, new: write("codex-required.json", required), definitions: true, focus: ["/definitions/AccountLoginCompletedNotification"] });
  return out;
}

function write(name: string, value: unknown): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

async function ours(p: Pair): Promise<string> {
  const t0 = performance.now();
  const report = await compareVersions({ old: p.old, new: p.new, definitions: p.definitions, runs: 100, seed: 1, defaultDialect: "draft-07" });
  const ws = report.targets.flatMap((t) => t.witnesses.map((w) => ({ ...w, pointer: t.pointer })));
  const byDir = (d: string) => ws.filter((w) => w.direction === d);
  const first = ws[0];
  const ms = Math.round(performance.now() - t0);
  return `readers ${byDir("readers").length}, writers ${byDir("writers").length} (targets); e.g. ${first ? `${first.direction} at ${first.pointer || "/"}: ${JSON.stringify(first.instance)}, ${first.changes.map((c) => `${c.change} ${c.pointer}`).join("; ") || "?"}` : "none"} · ${ms} ms`;
}

/**
 * The documents as an anchor reads them: rooted at the focus definition (a `$ref` beside the
 * document's definitions), and with `$schema` 2020-12 when `latest` (jsoncompat refuses
 * earlier dialects; the keywords these pairs use mean the same there).
 */
function anchorInputs(p: Pair, focus: string, latest: boolean): [string, string] {
  const read = (file: string) => {
    const doc = JSON.parse(fs.readFileSync(file, "utf8"));
    const rooted = focus === "" ? doc : { ...doc, $ref: "#" + focus };
    if (latest) rooted.$schema = "https://json-schema.org/draft/2020-12/schema";
    if (latest && rooted.definitions && !rooted.$defs) {
      rooted.$defs = rooted.definitions;
      delete rooted.definitions;
      return JSON.parse(JSON.stringify(rooted).replaceAll('"#/definitions/', '"#/$defs/'));
    }
    return rooted;
  };
  return [JSON.stringify(read(p.old)), JSON.stringify(read(p.new))];
}

async function anchors(p: Pair): Promise<void> {
  for (const focus of p.focus) {
    const at = focus || "/";
    process.stdout.write(`  jsoncompat 0.4 at ${at}:       ${await jsoncompat(anchorInputs(p, focus, true))}\n`);
    process.stdout.write(`  json-schema-diff 1.0 at ${at}: ${await jsonSchemaDiff(anchorInputs(p, focus, false))}\n`);
  }
}

async function jsoncompat([a, b]: [string, string]): Promise<string> {
  const lib = (await import("jsoncompat")) as unknown as { default: (o: { module_or_path: Uint8Array }) => Promise<unknown>; check_compat(a: string, b: string, role: string): boolean };
  // Its init fetches the .wasm by URL, which Node cannot for file: URLs: the bytes are given instead.
  await lib.default({ module_or_path: fs.readFileSync(path.join(REPO, "node_modules/jsoncompat/jsoncompat_wasm_bg.wasm")) });
  const t0 = performance.now();
  const verdict = (role: string) => {
    try {
      return lib.check_compat(a, b, role) ? "compatible" : "INCOMPATIBLE";
    } catch (e) {
      return `error: ${String(e).slice(0, 80)}`;
    }
  };
  return `deserializer ${verdict("deserializer")}, serializer ${verdict("serializer")} · ${Math.round(performance.now() - t0)} ms (whole document, no witness)`;
}

async function jsonSchemaDiff([a, b]: [string, string]): Promise<string> {
  const lib = (await import("json-schema-diff")) as unknown as { default: { diffSchemas(o: object): Promise<{ additionsFound: boolean; removalsFound: boolean }> } };
  const t0 = performance.now();
  try {
    const r = await lib.default.diffSchemas({ sourceSchema: JSON.parse(a), destinationSchema: JSON.parse(b) });
    return `additions ${r.additionsFound}, removals ${r.removalsFound} · ${Math.round(performance.now() - t0)} ms (sets, no witness)`;
  } catch (e) {
    return `error: ${String((e as Error).message ?? e).split("\n")[0]!.slice(0, 100)}`;
  }
}

for (const p of pairs()) {
  process.stdout.write(`\n## ${p.name}\n`);
  process.stdout.write(`  schema-conform compat: ${await ours(p)}\n`);
  await anchors(p);
}
