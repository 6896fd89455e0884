import fc from "fast-check";
import { OutOfTime, withinTimeLimit } from "../../../oracle/guard.js";
import { breaking, schemaOf, type Mutator } from "../mutator.js";
import { engineProbes } from "../../regex-engines.js";

/** Strings near `s` that trip patterns: a trailing newline (JavaScript's `$` does not match before it, Python's does), edges, case, odd characters. */
function probes(s: string): string[] {
  const points = [...s];
  return [
    s + "\n", "", " " + s, s + " ", s.toUpperCase(), s.toLowerCase(), points.reverse().join(""),
    [...s].slice(1).join(""), s + "!", "!", "\u0000", "\u{1F600}", "é", "0", "a", s.repeat(2), "-" + s,
  ];
}

function compile(pattern: unknown): RegExp | undefined {
  if (typeof pattern !== "string") return undefined;
  try {
    return new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
}

/** How long the probes of one string may take: a pattern with catastrophic backtracking gets no probes, never a hang. */
const PROBE_TIME_LIMIT_MS = 250;

/** Patterns that once ran past the probe limit: not probed again (each try would cost the whole limit). */
const tooSlow = new Set<string>();

function failing(pattern: unknown, s: string): string[] {
  const regex = compile(pattern);
  if (!regex || tooSlow.has(regex.source)) return [];
  try {
    const rejected = (p: string) => !regex.test(p);
    return withinTimeLimit(`pattern ${JSON.stringify(pattern)}`, PROBE_TIME_LIMIT_MS, () => [...new Set([...probes(s).filter(rejected), ...engineProbes(s, rejected)])]);
  } catch (e) {
    if (!(e instanceof OutOfTime)) throw e;
    tooSlow.add(regex.source);
    return [];
  }
}

/**
 * pattern: a string next to the valid one that the regex (u flag, unanchored, as ajv runs it)
 * rejects, among them one per character other regex engines read differently (regex-engines.ts).
 */
export const patternMutator: Mutator = {
  keyword: "pattern",
  appliesTo(member, site) {
    return typeof site.value === "string" && failing(schemaOf(member).pattern, site.value).length > 0;
  },
  violate(member, site) {
    // Probes that ran out of time since appliesTo (a loaded machine) leave none: this draw finds nothing.
    const strings = failing(schemaOf(member).pattern, site.value as string);
    return strings.length === 0 ? fc.constant(null) : fc.constantFrom(...strings).map((s) => breaking(member, "pattern", s));
  },
  unbreakable(schema) {
    const regex = compile(schema.pattern);
    if (regex === undefined) return "pattern is not an ECMA-262 regular expression under the u flag";
    if (tooSlow.has(regex.source)) return `testing strings against this pattern took more than ${PROBE_TIME_LIMIT_MS} ms (catastrophic backtracking): not probed`;
    return failing(schema.pattern, "a").length === 0 && failing(schema.pattern, "").length === 0 ? "no probe string fails the pattern (it matches nearly anything)" : undefined;
  },
};
