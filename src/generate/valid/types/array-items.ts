import type { Arbitrary } from "fast-check";
import type { ArrayShape, ContainsRule } from "../../../canonical/array-shape.js";
import { Unsatisfiable } from "../../../canonical/unsatisfiable.js";
import type { Json } from "../../../schema/json.js";
import type { ChildArbitrary } from "../type-generator.js";

/** Item arbitraries by position (positions past the prefix share one), with contains rules to meet or to miss. */
export class ItemArbitraries {
  private readonly built = new Map<string, Arbitrary<Json> | null>();
  /** False once a position failed without a proof (a search that found nothing): "no item" is then not proven either. */
  failuresProven = true;
  constructor(
    private readonly shape: ArrayShape,
    private readonly depth: number,
    private readonly childOf: ChildArbitrary,
  ) {}

  /** The arbitrary at `index`, also satisfying `meet` and missing `miss`; null when no item is possible. */
  at(index: number, meet: ContainsRule[] = [], miss: ContainsRule[] = []): Arbitrary<Json> | null {
    const slot = Math.min(index, this.shape.prefixLength);
    const key = `${slot}|${meet.map((c) => c.schema.pointer).join(",")}|${miss.map((c) => c.schema.pointer).join(",")}`;
    if (this.built.has(key)) return this.built.get(key)!;
    const schemas = this.shape.childFor(slot);
    let arb: Arbitrary<Json> | null = null;
    if (schemas !== "forbidden") {
      try {
        arb = this.childOf({ roots: [...schemas, ...meet.map((c) => c.schema)], nots: miss.map((c) => c.schema), decided: [] }, this.depth + 1);
      } catch (e) {
        if (!(e instanceof Unsatisfiable)) throw e;
        if (!e.proven) this.failuresProven = false;
      }
    }
    this.built.set(key, arb);
    return arb;
  }
}
