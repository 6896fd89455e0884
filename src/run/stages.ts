import { computeCoverage } from "../coverage/index.js";
import { isDecimalMultiple } from "../schema/decimal.js";
import { invalidArbitrary, type InvalidPayload } from "../generate/invalid/index.js";
import type { GenContext } from "../generate/valid/context.js";
import { boundedFilter } from "../generate/valid/bounded-filter.js";
import { getAtPointer } from "../schema/pointer.js";
import { isObject } from "../schema/json.js";
import type { TargetRunStages } from "./target-run.js";

/** The invalid-payload source (src/generate/invalid), with multipleOf breaks held to decimal truth. */
export function invalidSource(): NonNullable<TargetRunStages["invalidArbitrary"]> {
  return (target, ctx, stats) => {
    const arb = invalidArbitrary(target, ctx, stats);
    return arb && boundedFilter(arb, (p) => !decimalMultipleAfterAll(p, ctx), `invalid payloads of ${target.id} (multipleOf)`, ctx.options.filterBudget);
  };
}

/** The stages every campaign runs by default: invalid generation and coverage. */
export function defaultStages(): TargetRunStages {
  return { invalidArbitrary: invalidSource(), coverage: computeCoverage };
}

/** True for a payload labelled "breaks multipleOf" whose value is a multiple in decimal arithmetic (ajv's float rule was wrong). */
function decimalMultipleAfterAll(p: InvalidPayload, ctx: GenContext): boolean {
  if (p.label.keyword !== "multipleOf") return false;
  const value = getAtPointer(p.instance, p.label.instancePath);
  const owner = ctx.registry.lookup(p.schemaLocation.replace(/\/multipleOf$/, ""));
  const divisor = owner && isObject(owner.schema) ? owner.schema.multipleOf : undefined;
  return typeof value === "number" && typeof divisor === "number" && isDecimalMultiple(value, divisor);
}

