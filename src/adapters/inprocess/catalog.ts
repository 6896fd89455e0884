import path from "node:path";
import { ajvDefinition } from "./ajv.js";
import { cfworkerDefinition } from "./cfworker.js";
import type { InProcessDefinition } from "./engine.js";
import { hyperjumpDefinition } from "./hyperjump.js";
import { jsonschemaDefinition } from "./jsonschema.js";
import { schemasafeDefinition } from "./schemasafe.js";
import { zSchemaDefinition } from "./z-schema.js";
import { packageRoot } from "../package-root.js";

/** The built-in JavaScript validators, by spec name. Importing this loads none of the libraries. */
export const IN_PROCESS_DEFINITIONS: readonly InProcessDefinition[] = [
  ajvDefinition,
  cfworkerDefinition,
  hyperjumpDefinition,
  schemasafeDefinition,
  zSchemaDefinition,
  jsonschemaDefinition,
];

export function inProcessDefinition(name: string): InProcessDefinition | undefined {
  return IN_PROCESS_DEFINITIONS.find((d) => d.name === name);
}

/**
 * The versions each built-in adapter is written and tested for, by spec name (npm ranges for
 * the JavaScript validators, which are optional peer dependencies except ajv, the oracle's own;
 * PEP 440-style for the Python distributions, as adapters/python/requirements.txt pins them).
 * `conform adapters` shows whether the installed version is in range.
 */
export const SUPPORTED_VERSIONS: Readonly<Record<string, string>> = {
  ajv: ">=8.0.0 <9",
  cfworker: ">=4.0.0 <5",
  hyperjump: ">=1.0.0 <2",
  schemasafe: ">=1.0.0 <2",
  "z-schema": ">=6.0.0 <13",
  jsonschema: ">=1.4.0 <2",
  "python-jsonschema": ">=4.18 <5",
  "python-jsonschema-rs": ">=0.20 <1",
  "python-fastjsonschema": ">=2.19 <3",
};

/**
 * The command that makes an optional peer visible to this schema-conform: peers load by Node's
 * resolution from schema-conform's own folder, so a global install (…/lib/node_modules/schema-conform)
 * needs a global peer beside it, and a project's install a peer in that project.
 */
export function npmInstallHint(packageName: string, root: string = packageRoot()): string {
  const parent = path.dirname(root);
  const globalInstall = path.basename(parent) === "node_modules" && (path.basename(path.dirname(parent)) === "lib" || process.platform === "win32");
  return globalInstall ? `npm install -g ${packageName}` : `npm install ${packageName}`;
}
