import path from "node:path";
import { pathToFileURL } from "node:url";

/** File extensions loaded as TypeScript (through tsx, else Node's type stripping), so a team's own .ts code plugs in without a build. */
export const TYPESCRIPT_EXTENSIONS = [".ts", ".mts", ".cts"];

/** Imports a user's module (adapter, keyword, format): JavaScript directly, TypeScript through tsx when installed, else Node's own type stripping. Throws what loading throws. */
export async function importUserModule(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  if (TYPESCRIPT_EXTENSIONS.includes(path.extname(file))) {
    const tsx = await import("tsx/esm/api").catch(() => undefined);
    if (tsx) return (await tsx.tsImport(url, import.meta.url)) as Record<string, unknown>;
    if (!nodeStripsTypes()) throw new Error(`${file}: TypeScript needs tsx on Node ${process.versions.node}: npm install tsx (npm install -g tsx beside a global conform), or Node 22.18 or later, whose own type stripping loads it`);
  }
  return (await import(url)) as Record<string, unknown>;
}

/**
 * tsx is an optional peer dependency (12 MB with esbuild): without it, a .ts module loads with
 * Node's own type stripping where Node has it on (22.18+, 23.6+; 22.6+ with --experimental-strip-types).
 */
function nodeStripsTypes(): boolean {
  return Boolean((process.features as { typescript?: string | false }).typescript);
}
