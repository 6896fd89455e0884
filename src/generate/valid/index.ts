import type { Arbitrary } from "fast-check";
import { InputError } from "../../schema/errors.js";
import type { Json } from "../../schema/json.js";
import type { Located } from "../../schema/registry.js";
import type { Target } from "../../schema/target.js";
import type { GenContext } from "./context.js";
import { validArbitraryOf } from "./dispatch.js";

export { GenContext } from "./context.js";
export { GenerationStuck } from "./bounded-filter.js";

/** The located root schema of a target. */
export function locateTarget(target: Target): Located {
  const located = target.registry.lookup(target.uri);
  if (!located) throw new InputError(target.file, target.pointer, "target not found in the registry");
  return located;
}

/** Valid payloads of a target; throws Unsatisfiable when it has none. */
export function validArbitrary(target: Target, ctx: GenContext): Arbitrary<Json> {
  return validArbitraryOf({ roots: [locateTarget(target)], nots: [], decided: [] }, ctx, 0);
}
