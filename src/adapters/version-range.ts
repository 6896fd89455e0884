/**
 * The few npm/PEP 440-style range forms the built-in adapters state: comparators (`>=1.2`,
 * `<9`, `=4.1.6`) joined by spaces (all must hold) and alternatives joined by `||`. Versions
 * compare by their numeric release parts; a pre-release suffix is ignored.
 */
export function satisfiesRange(version: string, range: string): boolean {
  return range.split("||").some((alternative) => alternative.trim().split(/\s+/).filter((c) => c !== "").every((c) => satisfiesComparator(version, c)));
}

function satisfiesComparator(version: string, comparator: string): boolean {
  const match = /^(>=|<=|>|<|=|==)?\s*v?(\d[\w.]*)$/.exec(comparator);
  if (!match) throw new Error(`unsupported version range "${comparator}"`);
  const order = compareVersions(version, match[2]!);
  switch (match[1] ?? "=") {
    case ">=": return order >= 0;
    case "<=": return order <= 0;
    case ">": return order > 0;
    case "<": return order < 0;
    default: return order === 0;
  }
}

/** Negative, zero or positive as `a` is older than, the same release as, or newer than `b` (missing parts are 0). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.replace(/^v/, "").split(/[-+]/)[0]!.split(".").map((p) => Number.parseInt(p, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
