import fc from "fast-check";
import { breaking, schemaOf, type Mutator } from "../mutator.js";

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

function failing(pattern: unknown, s: string): string[] {
  const regex = compile(pattern);
  return regex ? [...new Set(probes(s))].filter((p) => !regex.test(p)) : [];
}

/** pattern: a string next to the valid one that the regex (u flag, unanchored, as ajv runs it) rejects. */
export const patternMutator: Mutator = {
  keyword: "pattern",
  appliesTo(member, site) {
    return typeof site.value === "string" && failing(schemaOf(member).pattern, site.value).length > 0;
  },
  violate(member, site) {
    return fc.constantFrom(...failing(schemaOf(member).pattern, site.value as string)).map((s) => breaking(member, "pattern", s));
  },
  unbreakable(schema) {
    if (compile(schema.pattern) === undefined) return "pattern is not an ECMA-262 regular expression under the u flag";
    return failing(schema.pattern, "a").length === 0 && failing(schema.pattern, "").length === 0 ? "no probe string fails the pattern (it matches nearly anything)" : undefined;
  },
};
