import type { Expectation, Observation } from "../model/finding.js";
import { validity } from "./observation.js";

/**
 * Whether a disagreement on a random schema may blame the adapters that leave the oracle:
 * "confirmed", "oracle-suspect" (ajv, the oracle's engine, may be the one that is wrong), or
 * "format-difference" (it goes away once `format` is removed: which formats assert, and how
 * strictly, is the specification's option, so it blames no one; the judge decides it).
 */
export type Standing = "confirmed" | "oracle-suspect" | "format-difference";

/**
 * Keywords where stock ajv is known to depart from the specification and the oracle does not
 * correct it (README; test/oracle/known-departures.json): dynamic references and
 * unevaluated* beside anyOf/contains/if. (multipleOf and keywords beside a draft-07 `$ref`
 * are corrected in the oracle, so they need no majority.)
 */
export const AJV_DEPARTS_ON: readonly string[] = ["$dynamicRef", "$recursiveRef", "unevaluatedItems", "unevaluatedProperties"];

/**
 * The three witnesses (label by construction, oracle, adapters) and the majority:
 * - the label and the oracle part: oracle-suspect;
 * - more adapters with a verdict side against the oracle than with it: oracle-suspect;
 * - the schema uses a keyword in AJV_DEPARTS_ON: confirmed only when more adapters side
 *   with the oracle than against it (never on ajv alone);
 * - otherwise confirmed. A fault (error, timeout) is the adapter's whatever the right verdict.
 */
export function standingOf(label: Expectation, oracleValid: boolean, adapters: Record<string, Observation>, keywords: readonly string[]): Exclude<Standing, "format-difference"> {
  const oracle = validity(oracleValid);
  if (label !== oracle) return "oracle-suspect";
  const verdicts = Object.values(adapters).filter((o) => o === "valid" || o === "invalid");
  const withOracle = verdicts.filter((o) => o === oracle).length;
  const against = verdicts.length - withOracle;
  if (against > withOracle) return "oracle-suspect";
  if (against > 0 && keywords.some((k) => AJV_DEPARTS_ON.includes(k)) && withOracle <= against) return "oracle-suspect";
  return "confirmed";
}

/**
 * Instances the oracle cannot judge as the specification does: draft-04 defines integers
 * lexically (no fraction, no exponent), and a whole number at or above 1e21 is written with
 * an exponent (`1e+21`), so it is no draft-04 integer, while ajv counts it as one (the
 * generators keep draft-04 integers below 1e21 for this reason; random schemas bring such
 * numbers as bounds and enum members). A disagreement on one is oracle-suspect.
 */
export function oracleMisjudges(dialect: string, instance: unknown): boolean {
  if (dialect !== "draft-04") return false;
  if (typeof instance === "number") return Number.isInteger(instance) && Math.abs(instance) >= 1e21;
  if (Array.isArray(instance)) return instance.some((x) => oracleMisjudges(dialect, x));
  if (instance !== null && typeof instance === "object") return Object.values(instance).some((x) => oracleMisjudges(dialect, x));
  return false;
}
