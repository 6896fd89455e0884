import type { RunReport } from "../model/report.js";

/**
 * The JSON report (a contract, described by schema/report.schema.json): two-space
 * indented, object keys sorted at every depth, so that the same report always gives
 * the same bytes and two reports diff cleanly. Array order is the run's and is kept.
 */
export function renderJson(report: RunReport): string {
  return JSON.stringify(sortKeys(report), null, 2) + "\n";
}

/** A copy of a JSON value with every object's keys in code-unit order. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  const sorted = {};
  for (const key of Object.keys(value).sort()) {
    // defineProperty, not assignment: an instance may carry a "__proto__" key, which
    // assignment would turn into the copy's prototype instead of a property.
    Object.defineProperty(sorted, key, {
      value: sortKeys((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return sorted;
}
