import { mergeCommand } from "./merge.js";
import { diffCommand } from "./diff.js";
import { compatCommand } from "./compat.js";
import { Command, CommanderError } from "commander";
import { createRequire } from "node:module";
import { Unsatisfiable } from "../canonical/unsatisfiable.js";
import { InputError, UsageError } from "../schema/errors.js";
import { adaptersCommand } from "./adapters.js";
import { fuzzCommand } from "./fuzz.js";
import { replayCommand } from "./replay.js";
import { sampleCommand } from "./sample.js";
import { suiteCommand } from "./suite.js";
import { beginRun } from "./stop.js";
import { withServiceOptions } from "./common.js";

const version = (createRequire(import.meta.url)("../../../package.json") as { version: string }).version;

const EXIT_STATUS_HELP = `
Exit status:
  0    nothing found, and every target was tested
  1    disagreements or adapter faults found
  2    bad usage or bad input (one line naming the file and JSON pointer)
  3    internal error (a bug of conform; --verbose prints the stack trace)
  4    some target could not be tested (error, skipped by the oracle, unsatisfiable),
       or an adapter could not start
  130  interrupted by SIGINT, 143 by SIGTERM (fuzz and suite --fuzz still print the
       summary and write every report, marked "interrupted", and the corpus)
When several apply: 130/143, then 2, then 1, then 4.`;

function program(): Command {
  const p = new Command("conform")
    .description("conformance and fuzzing harness for JSON Schema")
    .version(version)
    .option("--verbose", "print stack traces of errors")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText("after", EXIT_STATUS_HELP);
  for (const c of [fuzzCommand(), sampleCommand(), replayCommand(), suiteCommand(), compatCommand(), mergeCommand(), diffCommand(), adaptersCommand()]) {
    p.addCommand(withServiceOptions(c).exitOverride());
  }
  return p;
}

/** Runs the CLI; bad usage and bad input are one line on stderr and exit status 2. */
export async function main(argv: string[]): Promise<number> {
  const verbose = argv.includes("--verbose");
  beginRun();
  try {
    await program().parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    return reportError(e, verbose);
  }
}

function reportError(e: unknown, verbose: boolean): number {
  if (e instanceof CommanderError) {
    return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help" ? 0 : 2;
  }
  if (e instanceof InputError || e instanceof UsageError || e instanceof Unsatisfiable) {
    process.stderr.write(`conform: ${e.message}\n`);
    if (verbose) process.stderr.write(`${e.stack}\n`);
    return 2;
  }
  process.stderr.write(`conform: internal error: ${(e as Error)?.message ?? String(e)}${isStackOverflow(e) ? STACK_HINT : ""}\n`);
  if (verbose) process.stderr.write(`${(e as Error)?.stack}\n`);
  else process.stderr.write("conform: run again with --verbose for the stack trace, and please report it\n");
  return 3;
}

const STACK_HINT = " (a schema or $ref chain deeper than this thread's stack; CONFORM_STACK_MB=256 gives it more)";

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && e.message.includes("call stack");
}
