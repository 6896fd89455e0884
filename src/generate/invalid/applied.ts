import { locationUri } from "../../canonical/location.js";
import type { Json } from "../../schema/json.js";
import type { Located } from "../../schema/registry.js";
import type { GenContext } from "../valid/context.js";

/**
 * A schema that applies at one instance location, with the path by which evaluation
 * reached it and what must stay true of the instance for it to keep applying.
 */
export interface Applied {
  located: Located;
  /** Evaluation path from the target root through `$ref` (JSON Schema output's keywordLocation). */
  evalPath: string;
  /** Empty for schemas every value must satisfy; anyOf/oneOf/if/dependentSchemas add one each. */
  conditions: readonly Condition[];
}

/** A fact about the instance at `path` under which a schema applies (its branch still selected). */
export interface Condition {
  path: readonly string[];
  holds(value: Json | undefined): boolean;
}

/** One location of a valid instance and every schema that applies there. */
export interface Site {
  path: string[];
  value: Json;
  /** The schemas the parent requires here (the target root, a property's or item's schemas). */
  roots: Applied[];
  /** `roots` with $ref, allOf, the matched anyOf/oneOf branches, if's branch and dependentSchemas expanded. */
  members: Applied[];
}

export type Check = (instance: Json | undefined) => boolean;

/** The oracle's check of a located schema; boolean schemas answer without ajv. */
export function checkOf(ctx: GenContext, l: Located): Check {
  if (l.schema === true) return () => true;
  if (l.schema === false) return () => false;
  const check = ctx.oracle.check(locationUri(l), l.dialect);
  return (v) => v !== undefined && check(v);
}

export function rootApplied(located: Located, evalPath = ""): Applied {
  return { located, evalPath, conditions: [] };
}
