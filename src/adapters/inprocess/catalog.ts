import { ajvDefinition } from "./ajv.js";
import { cfworkerDefinition } from "./cfworker.js";
import type { InProcessDefinition } from "./engine.js";
import { hyperjumpDefinition } from "./hyperjump.js";
import { jsonschemaDefinition } from "./jsonschema.js";
import { schemasafeDefinition } from "./schemasafe.js";
import { zSchemaDefinition } from "./z-schema.js";

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
