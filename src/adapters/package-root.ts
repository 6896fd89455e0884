import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_NAME = "schema-conform";

/**
 * The folder of schema-conform's own package.json, found from this file's location, so that
 * shipped files (adapters/python/) are found whatever the cwd and whether we run from src/ or dist/.
 */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && readJson(manifest)?.name === PACKAGE_NAME) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package root above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/**
 * The installed version of an npm package, or undefined when it is not installed. Read from
 * node_modules directly: some packages do not export their package.json.
 */
export function installedPackageVersion(packageName: string): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = readJson(path.join(dir, "node_modules", packageName, "package.json"));
    if (manifest && typeof manifest.version === "string") return manifest.version;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
