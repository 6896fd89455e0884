import fc from "fast-check";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { isAssertedFormat } from "../../../oracle/format-policy.js";
import { userFormat } from "../../../keywords/formats.js";
import type { Json } from "../../../schema/json.js";
import type { GenContext } from "../../valid/context.js";
import { breaking, schemaOf, type Mutator } from "../mutator.js";
import { FORMAT_NEAR_MISSES, GENERIC_NEAR_MISSES, lenientForms } from "./format-probes.js";
import { formatArbitrary } from "../../valid/formats/index.js";
import { FORMAT_VALID_EDGES } from "../../valid/formats/edges.js";

type FormatCheck = (s: string) => boolean;

/** The check ajv-formats runs for a format (a regex, a function, or {validate}). */
function formatCheck(name: string): FormatCheck | undefined {
  const def = (fullFormats as Record<string, unknown>)[name];
  const validate = typeof def === "object" && def !== null && !(def instanceof RegExp) && "validate" in def ? (def as { validate: unknown }).validate : def;
  if (validate instanceof RegExp) return (s) => validate.test(s);
  if (typeof validate === "function") return (s) => Boolean((validate as FormatCheck)(s));
  return undefined;
}

const nearMissCache = new Map<string, string[]>();

/**
 * Near misses of the format that ajv-formats itself rejects, so only `format` breaks: the
 * format's own list, lenient forms of a few valid strings (format-probes.ts), generic ones.
 */
export function formatNearMisses(name: string): string[] {
  const cached = nearMissCache.get(name);
  if (cached) return cached;
  const check = formatCheck(name);
  if (!check) return [];
  const lenient = validSamples(name).flatMap(lenientForms);
  const misses = [...new Set([...(FORMAT_NEAR_MISSES[name] ?? []), ...lenient, ...GENERIC_NEAR_MISSES])].filter((s) => !check(s));
  nearMissCache.set(name, misses);
  return misses;
}

/** One fixed valid string of the format (seed 0) and its first edge: the bases of its lenient forms. */
function validSamples(name: string): string[] {
  const arbitrary = formatArbitrary(name);
  const drawn = arbitrary ? fc.sample(arbitrary, { numRuns: 1, seed: 0 }) : [];
  return [...drawn, ...(FORMAT_VALID_EDGES[name] ?? []).slice(0, 1)];
}

function assertedFormat(schema: Record<string, unknown>, ctx: GenContext): string | undefined {
  const f = schema.format;
  return typeof f === "string" && isAssertedFormat(f, ctx.oracle.formats) && formatNearMisses(f).length > 0 ? f : undefined;
}

/** A user's format (`--format name=module:…`): its near misses of its own type that its check rejects. */
function userNearMisses(schema: Record<string, unknown>): Json[] {
  const f = userFormat(schema.format);
  if (!f) return [];
  return (f.invalid ?? []).filter((v): v is string | number => typeof v === f.type && !safely(() => f.validate(v as string | number)));
}

function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

/** format: a near miss of the format, for the formats the oracle asserts and the user's own. */
export const formatMutator: Mutator = {
  keyword: "format",
  appliesTo(member, site, env) {
    const own = userFormat(schemaOf(member).format);
    if (own) return typeof site.value === own.type && userNearMisses(schemaOf(member)).length > 0;
    return typeof site.value === "string" && assertedFormat(schemaOf(member), env.ctx) !== undefined;
  },
  violate(member, _site, env) {
    const own = userNearMisses(schemaOf(member));
    if (own.length > 0) return fc.constantFrom(...own).map((v) => breaking(member, "format", v));
    const name = assertedFormat(schemaOf(member), env.ctx)!;
    return fc.constantFrom(...formatNearMisses(name)).map((s) => breaking(member, "format", s));
  },
  unbreakable(schema, _located, ctx) {
    const f = schema.format;
    if (typeof f !== "string") return "format is not a string";
    if (userFormat(f)) return userNearMisses(schema).length > 0 ? undefined : `the module of format "${f}" gives no near miss it rejects`;
    return isAssertedFormat(f, ctx.oracle.formats) ? undefined : `format "${f}" is an annotation under the "${ctx.oracle.formats}" policy`;
  },
};
