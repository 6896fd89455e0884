import type { ProbeMark } from "./probe.js";

/**
 * The exact JSON text of an instance whose probes carry their own spelling: JSON.stringify,
 * except that at each marked pointer the mark's text is written. Undefined when no mark has
 * a text (JSON.stringify is then the exact text).
 */
export function jsonTextOf(instance: unknown, marks: readonly ProbeMark[] | undefined): string | undefined {
  const texts = new Map<string, string>();
  for (const m of marks ?? []) if (m.text !== undefined) texts.set(m.instancePath, m.text);
  if (texts.size === 0) return undefined;
  return write(instance, "", texts);
}

function write(value: unknown, at: string, texts: Map<string, string>): string {
  const own = texts.get(at);
  if (own !== undefined) return own;
  if (Array.isArray(value)) return `[${value.map((v, i) => write(v, `${at}/${i}`, texts)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}:${write(v, `${at}/${escapeToken(k)}`, texts)}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}

function escapeToken(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
