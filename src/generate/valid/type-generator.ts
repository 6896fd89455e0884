import type { Arbitrary } from "fast-check";
import type { Canon, CanonInput, JsonType } from "../../canonical/canon.js";
import type { Json } from "../../schema/json.js";
import type { GenContext } from "./context.js";

/** What a type module built: the arbitrary, and whether it is exact (needs no oracle filter). */
export interface Built {
  arbitrary: Arbitrary<Json>;
  exact: boolean;
}

/** How a type module asks for the arbitrary of a child schema (a property value, an item). */
export type ChildArbitrary = (input: CanonInput, depth: number) => Arbitrary<Json>;

/** One JSON type: builds values of that type satisfying the canon's keywords for it. Throws Unsatisfiable. */
export interface TypeGenerator {
  type: JsonType;
  build(canon: Canon, ctx: GenContext, depth: number, childOf: ChildArbitrary): Built;
}
