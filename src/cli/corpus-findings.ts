import { caseFromFinding, saveCase } from "../corpus/index.js";
import type { Finding } from "../run/finding.js";
import type { Target } from "../schema/target.js";

/**
 * Confirmed disagreements and adapter errors go to the corpus. The schema is named by file
 * and pointer, never copied: a corpus stays small and holds no third party's schema.
 */
const SAVED_KINDS: readonly string[] = ["false-accept", "false-reject", "format-difference", "adapter-error"];

export async function saveFindings(dir: string, findings: Finding[], targets: Target[]): Promise<void> {
  let added = 0;
  for (const f of findings) {
    if (!SAVED_KINDS.includes(f.kind)) continue;
    // By file and pointer: suite groups in different files may share one $id.
    const target = targets.find((t) => t.file === f.target.file && t.pointer === f.target.pointer);
    if (!target) continue;
    const source = { schemaRef: { file: target.file, pointer: target.pointer } };
    if ((await saveCase(dir, caseFromFinding(f, source, target.dialect))).added) added++;
  }
  process.stderr.write(`corpus: ${added} new counterexample(s) saved to ${dir}\n`);
}
