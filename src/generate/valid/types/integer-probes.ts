import fc, { type Arbitrary } from "fast-check";
import { withinBounds, type NumericBounds } from "../../../canonical/numeric-bounds.js";
import type { ProbeMode } from "../../../model/probe.js";
import type { Json } from "../../../schema/json.js";
import { choose, chooseWeighted } from "../choice.js";
import { probesArbitrary } from "./probe-value.js";
import {
  integerOfText, integerProbeName, integerWidths, PROBE_FAMILIES, sendsTexts, sendsValues, spellingProbes, textIntegerProbes, widthEdges, writtenExactly,
  type ProbeSpec,
} from "./probes.js";

/** What the integer generator is to probe. */
export interface IntegerProbing {
  mode: ProbeMode;
  /** Draft-04: an integer is "a JSON number without a fraction or exponent part". */
  lexicalOnly: boolean;
  /** The value is also checked against negations, which see only the parsed value: no probe whose text says another number. */
  negated: boolean;
}

/**
 * The families an integer draws besides its uniform multiples, each an arbitrary: the bounds
 * themselves one step either side (plain values, not probes, in every mode), then the value
 * probes (`typed`: width limits, the formats' limits), then the text probes (`all`). Only
 * members the bounds allow: a probe outside them would be an invalid payload, and labelling
 * it by the bound is the invalid generator's work, so it is not sent here.
 */
export function integerProbeFamilies(bounds: NumericBounds, probing: IntegerProbing, ends: { lowest: number; highest: number }): Arbitrary<Json> | undefined {
  const families: Array<{ arbitrary: Arbitrary<Json>; weight: number }> = [];
  const add = (arbitrary: Arbitrary<Json>, weight = 1) => families.push({ arbitrary, weight });
  if (sendsValues(probing.mode)) {
    for (const family of PROBE_FAMILIES) {
      const specs = valueProbesWithin(family, bounds, probing.lexicalOnly, true);
      if (specs.length > 0) add(probesArbitrary(specs));
    }
    const formatEdges = integerWidths(bounds.formats).flatMap(widthEdges).filter((e) => writtenExactly(e.exact)).map((e) => Number(e.exact));
    const specs = valueProbesWithin(formatEdges, bounds, probing.lexicalOnly, false);
    if (specs.length > 0) add(probesArbitrary(specs), FORMAT_FAMILY_WEIGHT);
  }
  const edges = plainWithin([bounds.min, bounds.max, ends.lowest, ends.highest], bounds, true).filter((v) => !probing.lexicalOnly || lexicallyInteger(v));
  if (edges.length > 0) add(fc.constantFrom(...edges));
  if (sendsTexts(probing.mode)) {
    const anchor = [ends.lowest, ends.highest].find((v) => Number.isSafeInteger(v) && withinBounds(v, bounds));
    const texts = [textIntegerProbes(bounds.formats), spellingProbes((v) => withinBounds(v, bounds), anchor, probing.lexicalOnly)];
    for (const family of texts) {
      const specs = family.filter((p) => textWithin(p, bounds, probing.negated));
      if (specs.length > 0) add(probesArbitrary(specs));
    }
  }
  if (families.length === 0) return undefined;
  return families.every((f) => f.weight === 1) ? choose(families.map((f) => f.arbitrary)) : chooseWeighted(families);
}

/**
 * The format's own limits (min-1, min, max, max+1) are drawn as often as four generic
 * families: a uint16 field then shows each of its four within a hundred payloads or so.
 */
const FORMAT_FAMILY_WEIGHT = 4;

/** Each value (and one step either side, for the generic families), inside the bounds, named. */
function valueProbesWithin(family: readonly number[], bounds: NumericBounds, lexicalOnly: boolean, neighbours: boolean): ProbeSpec[] {
  const values = plainWithin(family, bounds, neighbours).filter((v) => !lexicalOnly || lexicallyInteger(v));
  return values.map((v) => ({ value: v, name: integerProbeName(JSON.stringify(v), bounds.formats) }));
}

function plainWithin(family: readonly number[], bounds: NumericBounds, neighbours: boolean): number[] {
  const inside = family.flatMap((p) => (neighbours ? [p, p + 1, p - 1] : [p])).filter((p) => Number.isInteger(p) && withinBounds(p, bounds));
  return [...new Set(inside.map((p) => (Object.is(p, -0) ? 0 : p)))];
}

/**
 * Draft-04 defines an integer lexically: "a JSON number without a fraction or exponent part".
 * Integers from 1e21 on serialise with an exponent ("1e+21"), so in draft-04 they are not
 * integers for a validator that reads the text (python-jsonschema, fastjsonschema): a
 * difference the specification allows, not a bug, so such probes are left out there.
 */
function lexicallyInteger(n: number): boolean {
  return !/[eE.]/.test(JSON.stringify(n));
}

/**
 * A text probe is sent only where the number its text spells satisfies the schema, not just
 * the double JavaScript parses: 9007199254740993 parses to 2^53, which `maximum: 2^53` allows
 * and the text does not. Such an inexact text needs no multipleOf, no negation, and bounds
 * of at most 2^53 (exact doubles, against which the text's integer is compared exactly).
 */
function textWithin(p: ProbeSpec, bounds: NumericBounds, negated: boolean): boolean {
  if (!withinBounds(p.value, bounds)) return false;
  const x = integerOfText(p.text ?? "");
  if (x === undefined || BigInt(p.value) === x) return true;
  if (negated || bounds.multipleOf.length > 0) return false;
  const lowerHolds = bounds.min === -Infinity || (Math.abs(bounds.min) <= 2 ** 53 && x > BigInt(Math.trunc(bounds.min)));
  const upperHolds = bounds.max === Infinity || (Math.abs(bounds.max) <= 2 ** 53 && x < BigInt(Math.trunc(bounds.max)));
  return lowerHolds && upperHolds;
}
