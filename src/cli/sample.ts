import type { ProbeMode } from "../model/probe.js";
import { jsonTextOf } from "../model/json-text.js";
import fc from "fast-check";
import { Command } from "commander";
import { GenContext, validProbedArbitrary } from "../generate/valid/index.js";
import { Oracle } from "../oracle/oracle.js";
import { OutOfTime, withinTimeLimit } from "../oracle/guard.js";
import { invalidSource } from "../run/stages.js";
import { InvalidStats } from "../generate/invalid/index.js";
import { InputError, UsageError } from "../schema/errors.js";
import type { Target } from "../schema/target.js";
import { listTargets } from "../schema/targets.js";
import { pointerToFragment } from "../schema/pointer.js";
import { useUserModules } from "../run/user-modules.js";
import { payloadShape, type PayloadSize } from "../generate/valid/options.js";
import { fillOption, sizeOption } from "./payload-size.js";
import { chooseSeed, defaultDialectOption, formatModuleOption, formatsOption, keywordOption, probesOption, loadSchemas, parseFormats, parseInteger, remotesOption } from "./common.js";

interface SampleFlags {
  invalid?: boolean;
  n: number;
  seed?: number;
  remotes: string[];
  defaultDialect: string;
  formats: string;
  probes: ProbeMode;
  keyword: string[];
  format: string[];
  size?: PayloadSize;
  fill?: number;
}

export function sampleCommand(): Command {
  return new Command("sample")
    .description("print generated payloads as NDJSON: valid ones, or with --invalid labelled invalid ones")
    .argument("<schema>", "a schema file, or file#/json/pointer for one definition of a bundle")
    .option("--invalid", "print invalid payloads with what each breaks")
    .option("-n <N>", "how many payloads", parseInteger("-n", 1), 10)
    .option("--seed <N>", "seed (default: random, printed to stderr)", parseInteger("--seed", -(2 ** 31)))
    .addOption(remotesOption())
    .addOption(defaultDialectOption())
    .addOption(formatsOption())
    .addOption(probesOption())
    .addOption(sizeOption())
    .addOption(fillOption())
    .addOption(keywordOption())
    .addOption(formatModuleOption())
    .action(async (schema: string, flags: SampleFlags) => {
      await useUserModules({ keywords: flags.keyword, formatModules: flags.format });
      process.exitCode = sample(schema, flags);
    });
}

function sample(spec: string, flags: SampleFlags): number {
  const [file, pointer = ""] = splitPointer(spec);
  const { registry, documents, skipped } = loadSchemas([file], flags);
  if (documents.length === 0 && skipped[0]) return printSkipped(skipped[0].message);
  const target = pickTarget(listTargets(documents, registry, { definitions: false })[0]!, pointer);
  const ctx = new GenContext(registry, new Oracle(registry, parseFormats(flags.formats)), { ...payloadShape(flags.size, flags.fill), probes: flags.probes });
  const seed = chooseSeed(flags.seed, "sample");
  const draw = () => (flags.invalid ? invalidLines(target, ctx, seed, flags.n) : validLines(target, ctx, seed, flags.n));
  const lines = drawnWithinLimit(target, ctx, draw);
  process.stdout.write(lines.map((l) => l + "\n").join(""));
  return 0;
}

/** A schema the oracle cannot judge (draft-03) prints no payloads: one line why, and nothing is wrong with the input. */
function printSkipped(message: string): number {
  process.stderr.write(`conform: skipped: ${message}\n`);
  return 0;
}

/** Valid payloads, each as its exact text: a probe spelled `1.0` or `-0` is printed so. */
function validLines(target: Target, ctx: GenContext, seed: number, n: number): string[] {
  return fc.sample(validProbedArbitrary(target, ctx), { seed, numRuns: n }).map((v) => jsonTextOf(v.instance, v.probes) ?? JSON.stringify(v.instance));
}

function invalidLines(target: Target, ctx: GenContext, seed: number, n: number): string[] {
  const arb = invalidSource()(target, ctx, new InvalidStats());
  if (!arb) throw new UsageError(`${target.id}: no keyword of this schema can be broken`);
  return fc.sample(arb, { seed, numRuns: n }).map((p) => JSON.stringify({ instance: p.instance, ...p.label }));
}

/** Draws under one guard with the run's per-target hard limit (the oracle's checks inside start no watchdog each); past it, one line why. */
function drawnWithinLimit(target: Target, ctx: GenContext, draw: () => string[]): string[] {
  try {
    return withinTimeLimit("drawing this target's payloads", Math.round(ctx.options.targetTimeLimitMs * 1.5) + 1_000, draw);
  } catch (e) {
    if (e instanceof OutOfTime) throw new UsageError(`${target.id}: ${e.message}`);
    throw e;
  }
}

function splitPointer(spec: string): [string, string?] {
  const i = spec.indexOf("#");
  return i < 0 ? [spec] : [spec.slice(0, i), decodeURIComponent(spec.slice(i + 1))];
}

function pickTarget(root: Target, pointer: string): Target {
  if (pointer === "") return root;
  const doc = root.registry.document(root.documentUri)!;
  const located = root.registry.locate(doc, pointer);
  if (!located) throw new InputError(root.file, pointer, "no schema at this pointer");
  const uri = `${doc.uri}#${pointerToFragment(pointer)}`;
  return { ...root, id: `${root.file}#${pointer}`, pointer, uri, schema: located.schema, dialect: located.dialect };
}
