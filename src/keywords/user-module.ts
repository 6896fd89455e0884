import path from "node:path";
import { pathToFileURL } from "node:url";

/** File extensions loaded as TypeScript (through tsx), so a team's own .ts code plugs in without a build. */
export const TYPESCRIPT_EXTENSIONS = [".ts", ".mts", ".cts"];

/** Imports a user's module (adapter, keyword, format): JavaScript directly, TypeScript through tsx. Throws what loading throws. */
export async function importUserModule(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  if (TYPESCRIPT_EXTENSIONS.includes(path.extname(file))) {
    const { tsImport } = await import("tsx/esm/api");
    return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
  }
  return (await import(url)) as Record<string, unknown>;
}
