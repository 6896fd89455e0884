import fc from "fast-check";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { isAssertedFormat } from "../../../oracle/format-policy.js";
import type { GenContext } from "../../valid/context.js";
import { breaking, schemaOf, type Mutator } from "../mutator.js";
import { FORMAT_NEAR_MISSES, GENERIC_NEAR_MISSES } from "./format-probes.js";

type FormatCheck = (s: string) => boolean;

/** The check ajv-formats runs for a format (a regex, a function, or {validate}). */
function formatCheck(name: string): FormatCheck | undefined {
  const def = (fullFormats as Record<string, unknown>)[name];
  const validate = typeof def === "object" && def !== null && !(def instanceof RegExp) && "validate" in def ? (def as { validate: unknown }).validate : def;
  if (validate instanceof RegExp) return (s) => validate.test(s);
  if (typeof validate === "function") return (s) => Boolean((validate as FormatCheck)(s));
  return undefined;
}

/** Near misses of the format that ajv-formats itself rejects, so only `format` breaks. */
export function formatNearMisses(name: string): string[] {
  const check = formatCheck(name);
  if (!check) return [];
  return [...(FORMAT_NEAR_MISSES[name] ?? []), ...GENERIC_NEAR_MISSES].filter((s) => !check(s));
}

function assertedFormat(schema: Record<string, unknown>, ctx: GenContext): string | undefined {
  const f = schema.format;
  return typeof f === "string" && isAssertedFormat(f, ctx.oracle.formats) && formatNearMisses(f).length > 0 ? f : undefined;
}

/** format: a near miss of the format, for the formats the oracle asserts. */
export const formatMutator: Mutator = {
  keyword: "format",
  appliesTo(member, site, env) {
    return typeof site.value === "string" && assertedFormat(schemaOf(member), env.ctx) !== undefined;
  },
  violate(member, _site, env) {
    const name = assertedFormat(schemaOf(member), env.ctx)!;
    return fc.constantFrom(...formatNearMisses(name)).map((s) => breaking(member, "format", s));
  },
  unbreakable(schema, _located, ctx) {
    const f = schema.format;
    if (typeof f !== "string") return "format is not a string";
    return isAssertedFormat(f, ctx.oracle.formats) ? undefined : `format "${f}" is an annotation under the "${ctx.oracle.formats}" policy`;
  },
};
