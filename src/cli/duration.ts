import { UsageError } from "../schema/errors.js";

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/**
 * A time budget as people write it: `90s`, `5m`, `1h`, `500ms`, `1.5m`, or parts together
 * (`1h30m`), in milliseconds. A bare number is refused: `--timeout` takes milliseconds and
 * `timeout(1)` seconds, so `60` alone would be read wrongly by someone.
 */
export function parseDuration(text: string, flag = "--duration"): number {
  const trimmed = text.trim();
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  const consumed = parts.map((p) => p[0]).join("");
  if (parts.length === 0 || consumed !== trimmed) {
    const hint = /^\d+(\.\d+)?$/.test(trimmed) ? ` (a unit is needed: ${trimmed}s, ${trimmed}m…)` : "";
    throw new UsageError(`${flag} takes a time such as 90s, 5m, 1h or 1h30m, got "${text}"${hint}`);
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2]!]!, 0);
  if (ms <= 0) throw new UsageError(`${flag} must be longer than 0, got "${text}"`);
  return Math.round(ms);
}

/** How a budget is shown back: 90 s, 5 min, 1.5 h. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  if (ms < 7_200_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
