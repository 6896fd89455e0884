import { caseFromFinding, saveCase, type SchemaSource } from "../corpus/index.js";
import { isObject, type JsonSchema } from "../schema/json.js";
import type { Finding } from "../model/finding.js";
import type { Target } from "../schema/target.js";

/**
 * Confirmed disagreements and adapter errors go to the corpus. A case carries its schema when
 * the target is a whole document of at most 64 KB whose references all stay inside it, so
 * the corpus replays anywhere (a bare clone); a definition of a bundle, a large document or
 * one that refers to others is named by file and pointer instead, so a corpus stays small.
 * A flaky fault (no payload reproduces it) is reported, never saved.
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
      if (!SAVED_KINDS.includes(f.kind) || f.instance === null || f.instance === undefined) continue;
      const source = sourceOf(target);
      try {
        if ((await saveCase(this.dir, caseFromFinding(f, source, target.dialect))).added) this.added++;
      } catch (e) {
        process.stderr.write(`conform: corpus: a ${f.kind} case of ${target.id} not saved to ${this.dir}: ${(e as Error)?.message ?? String(e)}\n`);
      }
    }
  }

  /** How many new cases this run saved. */
  savedCount(): number {
    return this.added;
  }

  /** One line on stderr: how many new cases this run saved. */
  printSummary(): void {
    process.stderr.write(`corpus: ${this.added} new counterexample(s) saved to ${this.dir}\n`);
  }
}

const EMBED_LIMIT = 64 * 1024;

/** The target's own schema when it can travel alone, else its file and pointer. */
export function sourceOf(target: Target): SchemaSource {
  if (target.pointer === "" && selfContained(target.schema) && JSON.stringify(target.schema).length <= EMBED_LIMIT) return { schema: target.schema };
  return { schemaRef: { file: target.file, pointer: target.pointer } };
}

/** True when every reference in the schema is a fragment of the schema itself (`#…`). */
function selfContained(schema: JsonSchema): boolean {
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        if ((key === "$ref" || key === "$dynamicRef" || key === "$recursiveRef") && typeof value === "string" && !value.startsWith("#")) return false;
        if (typeof value === "object" && value !== null) stack.push(value);
      }
    }
  }
  return true;
}
