import { caseFromFinding, saveCase } from "../corpus/index.js";
import type { Finding } from "../run/finding.js";
import type { Target } from "../schema/target.js";

/**
 * Confirmed disagreements and adapter errors go to the corpus. The schema is named by file
 * and pointer, never copied: a corpus stays small and holds no third party's schema.
 */
const SAVED_KINDS: readonly string[] = ["false-accept", "false-reject", "format-difference", "adapter-error"];

/**
 * Saves each target's findings as soon as the target is done (the campaign's onTargetDone),
 * so an interrupted or crashed run keeps every counterexample already shrunk.
 */
export class CorpusWriter {
  private added = 0;

  constructor(readonly dir: string) {}

  /** A case that cannot be written (a full disk) is one line on stderr; the run and the other cases go on. */
  async save(target: Target, findings: Finding[]): Promise<void> {
    for (const f of findings) {
      if (!SAVED_KINDS.includes(f.kind)) continue;
      const source = { schemaRef: { file: target.file, pointer: target.pointer } };
      try {
        if ((await saveCase(this.dir, caseFromFinding(f, source, target.dialect))).added) this.added++;
      } catch (e) {
        process.stderr.write(`conform: corpus: a ${f.kind} case of ${target.id} not saved to ${this.dir}: ${(e as Error)?.message ?? String(e)}\n`);
      }
    }
  }

  /** One line on stderr: how many new cases this run saved. */
  printSummary(): void {
    process.stderr.write(`corpus: ${this.added} new counterexample(s) saved to ${this.dir}\n`);
  }
}
