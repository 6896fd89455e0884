import fs from "node:fs";
import path from "node:path";

/**
 * The stages of src/, earliest first: a file may import from its own stage or an earlier
 * one, never from a later one. The keyword registry sits below schema: loading, resolving and
 * checking documents ask it where subschemas are and which keywords a dialect has. The library entry points sit on top of all of them.
 */
export const STAGE_ORDER = ["model", "keywords", "schema", "oracle", "canonical", "generate", "coverage", "adapters", "compare", "report", "corpus", "run", "cli"] as const;
const TOP = "library";

/** An import between two files of src/ (paths relative to src/, with `/`). */
export interface ImportArrow {
  from: string;
  to: string;
}

/** The stage a file of src/ belongs to: its first folder, or the library for a file directly in src/. */
export function stageOf(file: string): string {
  const slash = file.indexOf("/");
  return slash < 0 ? TOP : file.slice(0, slash);
}

/** Rank of a stage; an unknown folder ranks undefined, so a new folder must be placed in the order. */
function rankOf(stage: string): number | undefined {
  if (stage === TOP) return STAGE_ORDER.length;
  const i = (STAGE_ORDER as readonly string[]).indexOf(stage);
  return i < 0 ? undefined : i;
}

/** Every arrow from an earlier stage to a later one, and every file of a folder that has no place in the order, as one line each. */
export function backwardArrows(arrows: ImportArrow[]): string[] {
  const out: string[] = [];
  for (const { from, to } of arrows) {
    const a = stageOf(from);
    const b = stageOf(to);
    const ra = rankOf(a);
    const rb = rankOf(b);
    if (ra === undefined || rb === undefined) out.push(`${from} → ${to}: folder ${ra === undefined ? a : b} has no place in the stage order`);
    else if (rb > ra) out.push(`${from} → ${to}: ${a} comes before ${b}`);
  }
  return out;
}

/** Relative specifiers of a TypeScript source: `import … from`, `export … from`, bare `import "…"` and `import("…")` types. */
export function relativeSpecifiers(source: string): string[] {
  const patterns = [/\b(?:import|export)\s[^;"'`]*?\bfrom\s*["'](\.[^"']+)["']/g, /\bimport\s*["'](\.[^"']+)["']/g, /\bimport\s*\(\s*["'](\.[^"']+)["']\s*\)/g];
  return patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]!));
}

/** The import arrows between the TypeScript files under `srcDir` (a missing folder simply has none). */
export function importArrows(srcDir: string): ImportArrow[] {
  const arrows: ImportArrow[] = [];
  for (const file of tsFiles(srcDir)) {
    const from = path.relative(srcDir, file).split(path.sep).join("/");
    for (const spec of relativeSpecifiers(fs.readFileSync(file, "utf8"))) {
      const target = path.resolve(path.dirname(file), spec.replace(/\.js$/, ".ts"));
      arrows.push({ from, to: path.relative(srcDir, target).split(path.sep).join("/") });
    }
  }
  return arrows;
}

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full);
    return e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}
