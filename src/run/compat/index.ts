import fc from "fast-check";
import { GenContext } from "../../generate/valid/context.js";
import { asReported, validArbitrary } from "../../generate/valid/index.js";
import type { FormatPolicy } from "../../oracle/format-policy.js";
import { Oracle } from "../../oracle/oracle.js";
import type { Dialect } from "../../schema/dialect.js";
import type { Json } from "../../schema/json.js";
import type { Loaded, RemoteMapping } from "../../schema/load.js";
import type { Target } from "../../schema/target.js";
import { listTargets } from "../../schema/targets.js";
import { loadCheckedInputs } from "../inputs.js";
import { reduceJson } from "../reduce.js";
import { changesOnPath, schemaDiff, type SchemaChange } from "./schema-diff.js";

export interface CompatOptions {
  old: string;
  new: string;
  /** Every entry of definitions/$defs is a target, matched between the versions by pointer. */
  definitions?: boolean;
  /** Valid payloads drawn per version and target; default 200. */
  runs?: number;
  seed?: number;
  defaultDialect?: Dialect;
  formats?: FormatPolicy;
  remotes?: RemoteMapping[];
}

/**
 * readers: the new version accepts what the old rejects — old readers break on new writers' messages.
 * writers: the old version accepts what the new rejects — new readers break on old writers' messages.
 */
export type BreakDirection = "readers" | "writers";

export interface CompatWitness {
  direction: BreakDirection;
  /** The shrunk instance: valid under one version, invalid under the other (re-checked after shrinking). */
  instance: Json;
  /** Where the rejecting version says no: keyword and schema path (ajv's). */
  rejectedBy: Array<{ keyword: string; schemaPath: string }>;
  /** The schema changes on that failing path (pointers into the documents, old and new values). */
  changes: SchemaChange[];
}

export interface CompatTarget {
  pointer: string;
  /** Payloads drawn from each version (0 when it could not be generated: see note). */
  drawn: { old: number; new: number };
  witnesses: CompatWitness[];
  notes: string[];
}

export interface CompatReport {
  old: string;
  new: string;
  seed: number;
  runs: number;
  targets: CompatTarget[];
  /** Target pointers present in one version only. */
  onlyIn: { old: string[]; new: string[] };
}

interface Side {
  loaded: Loaded;
  targets: Map<string, Target>;
  ctx: GenContext;
}

/**
 * `conform compat OLD NEW`: draws valid payloads of each version and checks them against the
 * other, both ways, target by target (matched by pointer). A witness is shrunk by fast-check,
 * then reduced as JSON, and re-checked with both oracles. It samples: where nothing is found
 * the report says how many payloads were drawn, never that the versions are compatible.
 */
export async function compareVersions(options: CompatOptions): Promise<CompatReport> {
  const runs = options.runs ?? 200;
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const oldSide = sideOf(options.old, options);
  const newSide = sideOf(options.new, options);
  const changes = schemaDiff(oldSide.loaded.documents[0]!.schema as Json, newSide.loaded.documents[0]!.schema as Json);
  const targets: CompatTarget[] = [];
  for (const [pointer, oldTarget] of oldSide.targets) {
    const newTarget = newSide.targets.get(pointer);
    if (newTarget) targets.push(await compareTarget(pointer, { side: oldSide, target: oldTarget }, { side: newSide, target: newTarget }, changes, runs, seed));
  }
  return {
    old: options.old,
    new: options.new,
    seed,
    runs,
    targets,
    onlyIn: { old: [...oldSide.targets.keys()].filter((p) => !newSide.targets.has(p)), new: [...newSide.targets.keys()].filter((p) => !oldSide.targets.has(p)) },
  };
}

function sideOf(file: string, options: CompatOptions): Side {
  const loaded = loadCheckedInputs([file], { defaultDialect: options.defaultDialect ?? "2020-12", remotes: options.remotes ?? [] });
  const targets = listTargets(loaded.documents.slice(0, 1), loaded.registry, { definitions: options.definitions === true });
  return { loaded, targets: new Map(targets.map((t) => [t.pointer, t])), ctx: new GenContext(loaded.registry, new Oracle(loaded.registry, options.formats ?? "assert")) };
}

interface Version {
  side: Side;
  target: Target;
}

async function compareTarget(pointer: string, oldV: Version, newV: Version, changes: SchemaChange[], runs: number, seed: number): Promise<CompatTarget> {
  const result: CompatTarget = { pointer, drawn: { old: 0, new: 0 }, witnesses: [], notes: [] };
  for (const [direction, writer, reader] of [["readers", newV, oldV], ["writers", oldV, newV]] as const) {
    const drawnKey = writer === newV ? "new" : "old";
    const found = await witnessOf(writer, reader, runs, seed);
    if ("note" in found) {
      result.notes.push(`${drawnKey} version: ${found.note}`);
      continue;
    }
    result.drawn[drawnKey] = found.drawn;
    if (found.instance === undefined) continue;
    const rejectedBy = rejections(reader, found.instance);
    // ajv names a keyword of the target itself from the target (`/enum` of a definition), one
    // reached through an inlined $ref from the document root: both readings are tried.
    const failingPaths = rejectedBy.flatMap((r) => [r.schemaPath, pointer + r.schemaPath]);
    result.witnesses.push({ direction, instance: found.instance, rejectedBy, changes: changesOnPath(changes, failingPaths) });
  }
  return result;
}

/** The first valid payload of `writer` that `reader` rejects, shrunk; or how many were drawn without one. */
async function witnessOf(writer: Version, reader: Version, runs: number, seed: number): Promise<{ drawn: number; instance?: Json } | { note: string }> {
  let arbitrary;
  try {
    arbitrary = validArbitrary(writer.target, writer.side.ctx);
  } catch (e) {
    return { note: `no valid payloads: ${(asReported(e) as Error).message}` };
  }
  const writes = writer.side.ctx.oracle.check(writer.target.uri, writer.target.dialect);
  const reads = reader.side.ctx.oracle.check(reader.target.uri, reader.target.dialect);
  const breaks = (v: Json) => writes(v) && !reads(v);
  const outcome = fc.check(fc.property(arbitrary, (v) => !breaks(v)), { seed, numRuns: runs });
  if (!outcome.failed || !outcome.counterexample) return { drawn: outcome.numRuns };
  const shrunk = outcome.counterexample[0] as Json;
  const reduced = await reduceJson(shrunk, async (v) => breaks(v), null);
  // Re-checked with both oracles: a witness that does not hold is never reported.
  return { drawn: outcome.numRuns, instance: breaks(reduced) ? reduced : breaks(shrunk) ? shrunk : undefined };
}

/** Where the rejecting version says no: every ajv error (keyword and schema path, fragment form). */
function rejections(reader: Version, instance: Json): Array<{ keyword: string; schemaPath: string }> {
  const errors = reader.side.ctx.oracle.allErrorsOf(reader.target.uri, reader.target.dialect, instance);
  const seen = new Set<string>();
  return errors
    .map((e) => ({ keyword: e.keyword, schemaPath: decodeURIComponent(e.schemaPath.replace(/^#/, "")) }))
    .filter((r) => (seen.has(r.schemaPath) ? false : (seen.add(r.schemaPath), true)));
}
