import type { Arbitrary } from "fast-check";
import { safeTest } from "../../../canonical/applicable.js";
import type { ObjectShape } from "../../../canonical/object-shape.js";
import { Unsatisfiable } from "../../../canonical/unsatisfiable.js";
import type { Json } from "../../../schema/json.js";
import { boundedFilter, someOfSamplePasses } from "../bounded-filter.js";
import { choose } from "../choice.js";
import type { GenContext } from "../context.js";
import { freeText } from "../text.js";
import type { ChildArbitrary } from "../type-generator.js";
import { relaxedPatternArbitrary } from "./pattern.js";
import { withEngineProbes } from "../../regex-engines.js";
import type { ValueArbitraries } from "./object-values.js";

/**
 * Free keys that crash ajv's deep equality (fast-deep-equal calls an own `valueOf`/`toString`)
 * whenever the object meets enum, const or uniqueItems: such a payload is not one ajv accepts.
 */
const AJV_HAZARD_KEYS = new Set(["valueOf", "toString"]);

/** Which keys an object will have: the required ones (with their dependencies), the optional named ones, a source of extra keys. */
export interface KeyPlan {
  required: string[];
  optional: string[];
  /** Keys beyond the named ones that the schema allows, or undefined when none can be drawn. */
  extras: Arbitrary<string> | undefined;
}

/** A key is usable when no member forbids it and every propertyNames schema accepts it. */
export function keyFilter(shape: ObjectShape, ctx: GenContext, values?: ValueArbitraries): (key: string) => boolean {
  const checks = shape.propertyNames.map((l) => ctx.check(l));
  const forbidden = values ? (key: string) => values.forbidden(key) : (key: string) => shape.childFor(key) === "forbidden";
  return (key) => !forbidden(key) && checks.every((c) => c(key));
}

export function planKeys(shape: ObjectShape, ctx: GenContext, values: ValueArbitraries, childOf: ChildArbitrary, depth: number): KeyPlan {
  const keyOk = keyFilter(shape, ctx, values);
  const usable = (k: string) => keyOk(k) && values.tryGet(k) !== null;
  const required = closeDependencies(shape.required, shape);
  for (const k of required) {
    if (!keyOk(k)) throw new Unsatisfiable(`required property "${k}" is forbidden`);
    values.get(k);
  }
  if (required.length > shape.maxProperties) throw new Unsatisfiable("more required properties than maxProperties");
  const optional = shape.named.filter((k) => !required.includes(k) && usable(k) && closeDependencies([k], shape).every(usable));
  const extras = extraKeys(shape, ctx, usable, childOf, depth, new Set([...required, ...shape.named]));
  return { required, optional, extras };
}

/** Keys plus every key their dependentRequired entries pull in, transitively. */
export function closeDependencies(keys: string[], shape: ObjectShape): string[] {
  const out = [...keys];
  for (let i = 0; i < out.length; i++) {
    for (const dep of shape.dependentRequired.get(out[i]!) ?? []) if (!out.includes(dep)) out.push(dep);
  }
  return out;
}

/**
 * Keys beyond the named ones: drawn from the propertyNames schema when there is one (valid
 * names by construction), else from each patternProperties regex and, where any key is
 * allowed, from free text. A source whose keys are almost never usable is dropped (probed
 * once, with a fixed seed) rather than left to stall a filter.
 */
function extraKeys(shape: ObjectShape, ctx: GenContext, usable: (k: string) => boolean, childOf: ChildArbitrary, depth: number, named: Set<string>): Arbitrary<string> | undefined {
  const sources: Arbitrary<string>[] = [];
  if (shape.propertyNames.length > 0) {
    const names = propertyNameArbitrary(shape, childOf, depth);
    if (names) sources.push(names);
  } else {
    for (const p of shape.patterns) {
      const arb = relaxedPatternArbitrary(p, 0, 24);
      if (arb) sources.push(withEngineProbes(arb, (k) => safeTest(p, k)));
    }
    if (shape.anyKeyAllowed) sources.push(freeText(0, 12));
  }
  if (sources.length === 0) return undefined;
  const mayMatchPatternOnly = !shape.anyKeyAllowed;
  const accept = (k: string) =>
    !named.has(k) && !AJV_HAZARD_KEYS.has(k) && (!mayMatchPatternOnly || shape.patterns.some((p) => safeTest(p, k))) && usable(k);
  const source = choose(sources);
  // Free text where any key is allowed is almost always usable; only narrower sources are probed.
  const narrow = shape.propertyNames.length > 0 || !shape.anyKeyAllowed;
  if (narrow && !probe(source, accept)) return undefined;
  return boundedFilter(source, accept, "extra property names", ctx.options.filterBudget, ctx);
}

/** Strings valid against every propertyNames schema, built by the string generator itself. */
function propertyNameArbitrary(shape: ObjectShape, childOf: ChildArbitrary, depth: number): Arbitrary<string> | undefined {
  try {
    return childOf({ roots: shape.propertyNames, nots: [], decided: [], types: ["string"] }, depth + 1) as Arbitrary<Json> as Arbitrary<string>;
  } catch (e) {
    if (e instanceof Unsatisfiable) return undefined;
    throw e;
  }
}

/** True when some of the first draws (fixed seed) pass: the source can feed its filter. */
function probe(source: Arbitrary<string>, accept: (k: string) => boolean): boolean {
  try {
    return someOfSamplePasses(source, accept, 40, 1);
  } catch {
    return false;
  }
}
