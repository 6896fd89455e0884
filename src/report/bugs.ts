/**
 * The "distinct bugs" view of a random-schema run (compare/bug-groups.ts): one entry per
 * root cause, with its smallest example (schema, instance, the right verdict and every
 * adapter's), as JSON, Markdown and console lines.
 */
import type { BugGroup } from "../compare/bug-groups.js";

/** Figures of the run the view opens with. */
export interface BugRunFigures {
  seed: number;
  generated: number;
  fuzzed: number;
  dropped: Record<string, number>;
  setAside: Record<string, number>;
  timeMs: number;
}

export function bugsJson(groups: readonly BugGroup[], figures: BugRunFigures): object {
  return {
    ...figures,
    distinctBugs: groups.filter((g) => g.standing === "confirmed").length,
    oracleSuspects: groups.filter((g) => g.standing === "oracle-suspect").length,
    formatDifferences: groups.filter((g) => g.standing === "format-difference").length,
    medianShrunkKeywords: medianShrunkKeywords(groups),
    bugs: groups.map((g) => ({
      standing: g.standing, disagreement: g.disagreement, keywords: g.keywords, dialects: g.dialects, examples: g.examples.length,
      smallest: { schema: g.examples[0]!.schema, instance: g.examples[0]!.instance, valid: g.examples[0]!.valid, shrunk: g.examples[0]!.shrunk, verdicts: g.examples[0]!.observations, origin: g.examples[0]!.origin },
    })),
  };
}

/** The median count of keywords in the shrunk schemas of the groups (null: none shrunk). */
export function medianShrunkKeywords(groups: readonly BugGroup[]): number | null {
  const counts = groups.filter((g) => g.examples[0]!.shrunk).map((g) => g.keywords.length).sort((a, b) => a - b);
  if (counts.length === 0) return null;
  const mid = Math.floor(counts.length / 2);
  return counts.length % 2 === 1 ? counts[mid]! : (counts[mid - 1]! + counts[mid]!) / 2;
}

export function bugsMarkdown(groups: readonly BugGroup[], figures: BugRunFigures): string {
  const lines = [
    "# Distinct bugs (random schemas)",
    "",
    `seed ${figures.seed}; ${figures.generated} schemas generated, ${figures.fuzzed} fuzzed; ${Math.round(figures.timeMs / 1000)} s`,
    "",
  ];
  for (const [i, g] of groups.entries()) {
    const e = g.examples[0]!;
    lines.push(`## ${i + 1}. ${g.standing}: ${g.disagreement.join(", ")}`, "");
    lines.push(`keywords: ${g.keywords.join(", ") || "(none)"}; dialects: ${g.dialects.join(", ")}; examples: ${g.examples.length}${e.shrunk ? "" : " (not shrunk)"}`, "");
    lines.push("```json", JSON.stringify(e.schema), "```", "", `instance \`${JSON.stringify(e.instance)}\` is **${e.valid ? "valid" : "invalid"}**; verdicts: ${Object.entries(e.observations).map(([a, o]) => `${a} ${o}`).join(", ")}`, "");
  }
  return lines.join("\n") + "\n";
}

/** One line per group, for the console. */
export function bugsConsole(groups: readonly BugGroup[]): string {
  return groups.map((g, i) => `${i + 1}. ${g.standing} ${g.disagreement.join(" ")} [${g.keywords.join(" ")}] ${JSON.stringify(g.examples[0]!.schema).slice(0, 160)} on ${JSON.stringify(g.examples[0]!.instance).slice(0, 60)}\n`).join("");
}
