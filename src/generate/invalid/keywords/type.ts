import { jsonEqual, uniqueJson } from "../../../canonical/json-equal.js";
import fc from "fast-check";
import type { JsonType } from "../../../canonical/canon.js";
import { typeOfValue } from "../../../canonical/types.js";
import type { Dialect } from "../../../schema/dialect.js";
import type { Json } from "../../../schema/json.js";
import { typesWidened } from "../../../canonical/canonicalise.js";
import { isAppliedIn } from "../../../keywords/registry.js";
import type { Applied } from "../applied.js";
import { breaking, schemaOf, type Mutator } from "../mutator.js";
import { otherTypeTwins } from "./near-miss.js";

const ALL: readonly JsonType[] = ["null", "boolean", "integer", "number", "string", "array", "object"];
/** One plain value of every type, for when no twin of the current value fits. */
const PLAIN: readonly Json[] = [null, true, 0, 0.5, "", "0", [], {}];

/** The types a `type` keyword allows ("any" of draft-03 and unknown names aside); undefined when malformed. */
export function typesOf(type: unknown): JsonType[] | undefined {
  const list = typeof type === "string" ? [type] : Array.isArray(type) ? type : undefined;
  if (!list || !list.every((t) => typeof t === "string")) return undefined;
  return list.filter((t): t is JsonType => (ALL as readonly string[]).includes(t));
}

export function typeAllows(types: readonly JsonType[], v: Json): boolean {
  const t = typeOfValue(v);
  return types.includes(t) || (t === "integer" && types.includes("number"));
}

/** The types `type` allows, as the keywords beside it widen them (OpenAPI's nullable: src/keywords/openapi/); undefined when malformed or absent. */
export function typesAllowedAt(located: Pick<Applied["located"], "schema" | "dialect">): JsonType[] | undefined {
  const types = typesOf((located.schema as Record<string, unknown>).type);
  return types && typesWidened(located, types);
}

function allowedTypes(member: Applied): JsonType[] | undefined {
  return typesAllowedAt(member.located);
}

/** The values an enum or const beside `type` allows (both: those in both); undefined when there is neither. */
function listedValues(schema: Record<string, unknown>, dialect: Dialect): Json[] | undefined {
  const fromEnum = Array.isArray(schema.enum) ? (schema.enum as Json[]) : undefined;
  if (!("const" in schema) || !isAppliedIn("const", dialect)) return fromEnum;
  const c = schema.const as Json;
  return fromEnum === undefined || fromEnum.some((v) => jsonEqual(v, c)) ? [c] : [];
}

/** type: the value replaced by its twin of a type not listed (1.5 for an integer, "1" for 1, null for anything). */
export const typeMutator: Mutator = {
  keyword: "type",
  appliesTo(member) {
    const types = allowedTypes(member);
    return types !== undefined && (listedValues(schemaOf(member), member.located.dialect) ?? PLAIN).some((v) => !typeAllows(types, v));
  },
  violate(member, site) {
    const schema = schemaOf(member);
    const types = allowedTypes(member)!;
    const listed = listedValues(schema, member.located.dialect);
    const sources = listed ?? [...otherTypeTwins(site.value), ...PLAIN];
    const candidates = uniqueJson(sources).filter((v) => !typeAllows(types, v));
    return candidates.length === 0 ? fc.constant(null) : fc.constantFrom(...candidates).map((v) => breaking(member, "type", v));
  },
  unbreakable(schema, located) {
    const types = allowedTypes({ located, evalPath: "", conditions: [] });
    if (types === undefined) return "type is not a type name or a list of them";
    if (PLAIN.every((v) => typeAllows(types, v))) return "type lists every JSON type";
    const listed = listedValues(schema, located.dialect);
    return listed && listed.every((v) => typeAllows(types, v)) ? "every value enum/const allows is of the type, so a value of another type breaks enum/const too" : undefined;
  },
};
