import fc, { type Arbitrary } from "fast-check";
import { OutOfTime, withinTimeLimit } from "../oracle/guard.js";

/**
 * Characters that ECMA-262 regular expressions (u flag, as JSON Schema specifies and ajv
 * runs them) read differently from the engines other validators use: Python's `re`, PCRE,
 * RE2, .NET, and JavaScript without the u flag. Each says why, so a finding on a string
 * holding one of them can be read without a regex manual.
 */
export const ENGINE_SENSITIVE_CHARACTERS: ReadonlyArray<{ char: string; why: string }> = [
  { char: "\n", why: "`$` matches before a final newline in Python re, PCRE and .NET; not in ECMA-262" },
  { char: "\r", why: "`.` matches \\r in Python re and RE2; ECMA-262's `.` excludes line terminators" },
  { char: "\u2028", why: "LINE SEPARATOR: a line terminator to ECMA-262 (`.` and `$` in m mode), plain text to Python re, PCRE and RE2" },
  { char: "\u2029", why: "PARAGRAPH SEPARATOR: as U+2028" },
  { char: "\u0085", why: "NEXT LINE: whitespace to Python's `\\s` (str.isspace) and a line end to .NET and PCRE with Unicode options; neither to ECMA-262" },
  { char: "\u001c", why: "FILE SEPARATOR: `\\s` in Python re, not in ECMA-262" },
  { char: "\u000b", why: "VERTICAL TAB: `\\s` in ECMA-262 and Python, not in RE2 (`\\s` is [\\t\\n\\f\\r ])" },
  { char: "\ufeff", why: "ZERO WIDTH NO-BREAK SPACE: `\\s` in ECMA-262, not in Python re, PCRE or RE2" },
  { char: "\u00a0", why: "NO-BREAK SPACE: `\\s` in ECMA-262 and Python, not in RE2 or PCRE without UCP" },
  { char: "\u3000", why: "IDEOGRAPHIC SPACE: `\\s` in ECMA-262 and Python, not in RE2 or PCRE without UCP" },
  { char: "\u0663", why: "ARABIC-INDIC DIGIT THREE: `\\d` in Python re and .NET (Unicode digits), not in ECMA-262" },
  { char: "\uff11", why: "FULLWIDTH DIGIT ONE: `\\d` in Python re and .NET, not in ECMA-262" },
  { char: "\u00e9", why: "é: `\\w` in Python re and .NET (Unicode word characters), not in ECMA-262" },
  { char: "\u017f", why: "LATIN SMALL LONG S: `\\w` in Python re; ECMA-262 folds it to s only under the i and u flags" },
  { char: "\u212a", why: "KELVIN SIGN: `\\w` in Python re; ECMA-262 folds it to k only under the i and u flags" },
  { char: "\u{1f600}", why: "an astral character: one code point under the u flag, two UTF-16 units without it (`.`, `{n}`, `[^x]`)" },
];

/** How many leading code points a probe replaces, one at a time (the rest of a long string adds little). */
const POSITIONS = 3;

/**
 * The strings near `s` that put each sensitive character where engines differ: in place of
 * one of its first code points, at either end, or after it (a final "\n" is where `$` parts ways).
 */
export function engineVariants(s: string, char: string): string[] {
  const points = [...s];
  const replaced = points.slice(0, POSITIONS).map((_, i) => [...points.slice(0, i), char, ...points.slice(i + 1)].join(""));
  return [...new Set([s + char, char + s, ...replaced])].filter((v) => v !== s);
}

/** How long the probes of one string may take: a pattern with catastrophic backtracking gets none, never a hang. */
const PROBE_TIME_LIMIT_MS = 100;

/**
 * For each sensitive character, the first variant of `s` that `keep` says yes to: at most
 * one string per character, so the probes of a keyword stay few. Empty when the checks run
 * out of time.
 */
export function engineProbes(s: string, keep: (candidate: string) => boolean): string[] {
  const probe = (): string[] => {
    const out: string[] = [];
    for (const { char } of ENGINE_SENSITIVE_CHARACTERS) {
      const found = engineVariants(s, char).find(keep);
      if (found !== undefined) out.push(found);
    }
    return out;
  };
  // A watchdog of its own even inside a guarded draw: a catastrophic pattern (`^(a+)+$` on "aaaa…a\n")
  // must cost this probe, not the whole draw's limit.
  try {
    return withinTimeLimit("regex engine probes", PROBE_TIME_LIMIT_MS, probe);
  } catch (e) {
    if (e instanceof OutOfTime) return [];
    throw e;
  }
}

/**
 * Mixes into `arbitrary` (one draw in 24: SchemaStore workflows.json, heavy with patterns, ran past
 * its time limit at one in six) its strings with a sensitive character put in,
 * where `keep` still accepts them: strings that every ECMA-262 reading accepts and other
 * engines may not. Each such draw tries one character (drawn), so a string costs a handful
 * of checks, not one round per character; a draw with no such variant stays as drawn.
 */
export function withEngineProbes(arbitrary: Arbitrary<string>, keep: (candidate: string) => boolean): Arbitrary<string> {
  const probed = fc.tuple(arbitrary, fc.nat(ENGINE_SENSITIVE_CHARACTERS.length - 1)).map(([s, i]) => engineProbeWith(s, ENGINE_SENSITIVE_CHARACTERS[i]!.char, keep) ?? s);
  return fc.oneof({ arbitrary, weight: 23 }, { arbitrary: probed, weight: 1 });
}

/** The first variant of `s` with `char` that `keep` accepts; undefined when none does or the checks run out of time. */
function engineProbeWith(s: string, char: string, keep: (candidate: string) => boolean): string | undefined {
  try {
    return withinTimeLimit("regex engine probes", PROBE_TIME_LIMIT_MS, () => engineVariants(s, char).find(keep));
  } catch (e) {
    if (e instanceof OutOfTime) return undefined;
    throw e;
  }
}
