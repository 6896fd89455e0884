import path from "node:path";
import { DIALECTS, type Dialect } from "./dialects.js";
import { registerFormat, type FormatDefinition } from "./formats.js";
import { defineKeyword, type InstanceType, type Keyword, type KeywordHooks } from "./keyword.js";
import { registerKeyword } from "./registry.js";
import { importUserModule } from "./user-module.js";

/**
 * What a user's keyword module exports (default export, or an export named `keyword`): the
 * keyword's name and facts, and the hooks that make every stage honour it (see KeywordHooks).
 */
export interface KeywordModule extends KeywordHooks {
  keyword: string;
  vocabulary?: string;
  since?: Dialect;
  until?: Dialect;
  instanceType?: InstanceType;
}

/** A module path that cannot be used, with the reason (the CLI prints it on one line, exit 2). */
export class ModuleProblem extends Error {
  constructor(
    readonly spec: string,
    reason: string,
  ) {
    super(`${spec}: ${reason}`);
    this.name = "ModuleProblem";
  }
}

/** A keyword module as a registry keyword: an assertion of the user's vocabulary, with its hooks. */
export function keywordFromModule(m: KeywordModule): Keyword {
  const { keyword, vocabulary, since, until, instanceType, ...hooks } = m;
  return defineKeyword({
    name: keyword,
    vocabulary: vocabulary ?? "user",
    role: "assertion",
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    ...(instanceType ? { instanceType } : {}),
    hooks,
  });
}

/** `module:path` of `--keyword`: loads, checks and registers the keyword; returns its name. */
export async function loadKeywordModule(spec: string, cwd = process.cwd()): Promise<string> {
  const exports = await importModule(spec, cwd);
  const m = (exports.keyword && typeof exports.keyword === "object" ? exports.keyword : exports.default) as Partial<KeywordModule> | undefined;
  const problem = keywordModuleProblem(m);
  if (problem) throw new ModuleProblem(spec, problem);
  try {
    registerKeyword(keywordFromModule(m as KeywordModule));
  } catch (e) {
    throw new ModuleProblem(spec, (e as Error).message);
  }
  return (m as KeywordModule).keyword;
}

/** `name=module:path` of `--format`: the module's default export, its export named `name`, or the entry of that name in a default list. */
export async function loadFormatModule(spec: string, cwd = process.cwd()): Promise<string> {
  const eq = spec.indexOf("=");
  if (eq <= 0) throw new ModuleProblem(spec, "expected NAME=module:PATH");
  const name = spec.slice(0, eq);
  const exports = await importModule(spec.slice(eq + 1), cwd);
  const candidates = [exports[name], ...(Array.isArray(exports.default) ? exports.default : [exports.default])];
  const f = candidates.find((c): c is FormatDefinition => isObject(c) && c.name === name);
  if (!f) throw new ModuleProblem(spec, `the module exports no format named "${name}"`);
  if (f.type !== "string" && f.type !== "number") throw new ModuleProblem(spec, `format "${name}": type must be "string" or "number"`);
  if (typeof f.validate !== "function") throw new ModuleProblem(spec, `format "${name}": validate must be a function`);
  if (f.valid !== undefined && typeof f.valid !== "function") throw new ModuleProblem(spec, `format "${name}": valid must be a function of fast-check`);
  if (f.invalid !== undefined && !Array.isArray(f.invalid)) throw new ModuleProblem(spec, `format "${name}": invalid must be a list of values`);
  registerFormat(f);
  return name;
}

function keywordModuleProblem(m: Partial<KeywordModule> | undefined): string | undefined {
  if (!isObject(m)) return "the module has no default export (or export named keyword) describing a keyword";
  if (typeof m.keyword !== "string" || m.keyword === "") return "keyword must be a non-empty string";
  for (const hook of ["validate", "allowedTypes", "generate", "breaks"] as const) {
    if (m[hook] !== undefined && typeof m[hook] !== "function") return `${hook} must be a function`;
  }
  if (m.validate === undefined && m.ajvOptions === undefined) return "validate (or ajvOptions for a keyword ajv implements) is required: the oracle must be able to judge the keyword";
  for (const d of [m.since, m.until]) if (d !== undefined && !(DIALECTS as readonly string[]).includes(d)) return `unknown dialect "${d}" (one of ${DIALECTS.join(", ")})`;
  return undefined;
}

async function importModule(spec: string, cwd: string): Promise<Record<string, unknown>> {
  if (!spec.startsWith("module:")) throw new ModuleProblem(spec, "expected module:PATH");
  const file = path.resolve(cwd, spec.slice("module:".length));
  try {
    return await importUserModule(file);
  } catch (e) {
    throw new ModuleProblem(spec, `cannot load ${file}: ${(e as Error).message.split("\n")[0]}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
