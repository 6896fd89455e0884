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

/** The near misses of `s` the pattern rejects: the plain ones, and one per engine-sensitive character. */
interface Failing {
  plain: string[];
  engines: string[];
}

function failing(pattern: unknown, s: string, withEngines = true): Failing {
  const none = { plain: [], engines: [] };
  const regex = compile(pattern);
  if (!regex || tooSlow.has(regex.source)) return none;
  try {
    const rejected = (p: string) => !regex.test(p);
    return withinTimeLimit(`pattern ${JSON.stringify(pattern)}`, PROBE_TIME_LIMIT_MS, () => {
      const plain = [...new Set(probes(s))].filter(rejected);
      return { plain, engines: withEngines || plain.length === 0 ? engineProbes(s, rejected).filter((p) => !plain.includes(p)) : [] };
    });
  } catch (e) {
    if (!(e instanceof OutOfTime)) throw e;
    tooSlow.add(regex.source);
    return none;
  }
}

const count = (f: Failing) => f.plain.length + f.engines.length;

/**
 * The final newline one draw in four (`$` matches before it in Python's re, PCRE, .NET and Go:
 * the difference most engines share), the other plain near misses half the draws, the
 * engine-sensitive ones the rest, so none crowds out the others.
 */
function drawFailing(f: Failing, s: string): fc.Arbitrary<string> {
  const newline = f.plain.includes(s + "\n") ? [s + "\n"] : [];
  const others = f.plain.filter((p) => p !== s + "\n");
  const parts = [
    ...(newline.length > 0 ? [{ arbitrary: fc.constant(newline[0]!), weight: 1 }] : []),
    ...(others.length > 0 ? [{ arbitrary: fc.constantFrom(...others), weight: 2 }] : []),
    ...(f.engines.length > 0 ? [{ arbitrary: fc.constantFrom(...f.engines), weight: 1 }] : []),
  ];
  return fc.oneof(...parts);
}

/**
 * pattern: a string next to the valid one that the regex (u flag, unanchored, as ajv runs it)
 * rejects, among them one per character other regex engines read differently (regex-engines.ts).
 */
export const patternMutator: Mutator = {
  keyword: "pattern",
  appliesTo(member, site) {
    // Whether some near miss fails is all this asks: the engine probes only when no plain one does.
    return typeof site.value === "string" && count(failing(schemaOf(member).pattern, site.value, false)) > 0;
  },
  violate(member, site) {
    // Probes that ran out of time since appliesTo (a loaded machine) leave none: this draw finds nothing.
    const strings = failing(schemaOf(member).pattern, site.value as string);
    return count(strings) === 0 ? fc.constant(null) : drawFailing(strings, site.value as string).map((s) => breaking(member, "pattern", s));
  },
  unbreakable(schema) {
    const regex = compile(schema.pattern);
    if (regex === undefined) return "pattern is not an ECMA-262 regular expression under the u flag";
    if (tooSlow.has(regex.source)) return `testing strings against this pattern took more than ${PROBE_TIME_LIMIT_MS} ms (catastrophic backtracking): not probed`;
    return count(failing(schema.pattern, "a")) === 0 && count(failing(schema.pattern, "")) === 0 ? "no probe string fails the pattern (it matches nearly anything)" : undefined;
  },
};
