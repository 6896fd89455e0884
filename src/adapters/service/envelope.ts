/**
 * Envelope templates: a JSON document in which every string exactly equal to `"$payload"` is
 * replaced by the payload, so a service that expects `{"order": …}` or an MCP server that
 * expects `{"name": "check", "arguments": …}` gets the payload where it reads it.
 */
import { InputError } from "../../schema/errors.js";
import { readJsonFile } from "../../schema/read-json.js";

export const PAYLOAD_PLACEHOLDER = "$payload";

/** A template holding at least one placeholder. */
export interface Envelope {
  file: string;
  template: unknown;
}

/** Reads a template file; bad JSON or a template without the placeholder is an InputError naming the file. */
export function readEnvelope(file: string): Envelope {
  const template = readJsonFile(file);
  if (!holdsPlaceholder(template)) throw new InputError(file, "", `the envelope template has no "${PAYLOAD_PLACEHOLDER}" string to replace by the payload`);
  return { file, template };
}

function holdsPlaceholder(node: unknown): boolean {
  if (node === PAYLOAD_PLACEHOLDER) return true;
  if (node === null || typeof node !== "object") return false;
  return Object.values(node).some(holdsPlaceholder);
}

/** The template with every placeholder replaced by the payload (the template itself is not changed). */
export function fillEnvelope(template: unknown, payload: unknown): unknown {
  if (template === PAYLOAD_PLACEHOLDER) return payload;
  if (Array.isArray(template)) return template.map((t) => fillEnvelope(t, payload));
  if (template === null || typeof template !== "object") return template;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(template)) Object.defineProperty(out, k, { value: fillEnvelope(v, payload), enumerable: true, writable: true, configurable: true });
  return out;
}
