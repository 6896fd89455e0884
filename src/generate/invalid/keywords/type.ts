import { uniqueJson } from "../../../canonical/json-equal.js";
import fc from "fast-check";
import type { JsonType } from "../../../canonical/canon.js";
import { typeOfValue } from "../../../canonical/types.js";
import type { Json } from "../../../schema/json.js";
import { typesWidened } from "../../../canonical/canonicalise.js";
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

/** The types `type` allows, as the keywords beside it widen them (OpenAPI's nullable: src/keywords/openapi/). */
function allowedTypes(member: Applied): JsonType[] | undefined {
  const types = typesOf(schemaOf(member).type);
  return types && typesWidened(member.located, types);
}

/** type: the value replaced by its twin of a type not listed (1.5 for an integer, "1" for 1, null for anything). */
export const typeMutator: Mutator = {
  keyword: "type",
  appliesTo(member) {
    const types = allowedTypes(member);
    return types !== undefined && PLAIN.some((v) => !typeAllows(types, v));
  },
  violate(member, site) {
    const types = allowedTypes(member)!;
    const candidates = uniqueJson([...otherTypeTwins(site.value), ...PLAIN]).filter((v) => !typeAllows(types, v));
    return fc.constantFrom(...candidates).map((v) => breaking(member, "type", v));
  },
  unbreakable(schema, located) {
    const types = allowedTypes({ located, evalPath: "", conditions: [] });
    if (types === undefined) return "type is not a type name or a list of them";
    return PLAIN.every((v) => typeAllows(types, v)) ? "type lists every JSON type" : undefined;
  },
};
