import type { Arbitrary } from "fast-check";
import { safeTest, type ObjectShape } from "../../../canonical/object-shape.js";
import { Unsatisfiable } from "../../../canonical/unsatisfiable.js";
import type { Json } from "../../../schema/json.js";
import type { ChildArbitrary } from "../type-generator.js";

/**
 * Value arbitraries per key, built once; a key whose value is unsatisfiable is unusable. Keys
 * that no `properties` names are told apart only by the patterns they match, so every free key
 * of one kind shares one arbitrary.
 */
export class ValueArbitraries {
  private readonly built = new Map<string, Arbitrary<Json> | Unsatisfiable>();
  private readonly named: Set<string>;
  constructor(
    private readonly shape: ObjectShape,
    private readonly depth: number,
    private readonly childOf: ChildArbitrary,
  ) {
    this.named = new Set([...shape.named, ...shape.required, ...shape.forbidden]);
  }

  /** The arbitrary of the value at `key`; throws Unsatisfiable when no value (or the key itself) is allowed. */
  get(key: string): Arbitrary<Json> {
    const made = this.make(key);
    if (made instanceof Unsatisfiable) throw made;
    return made;
  }

  /** Like get, but null instead of throwing. */
  tryGet(key: string): Arbitrary<Json> | null {
    const made = this.make(key);
    return made instanceof Unsatisfiable ? null : made;
  }

  private make(key: string): Arbitrary<Json> | Unsatisfiable {
    const kind = this.kindOf(key);
    const cached = this.built.get(kind);
    if (cached) return cached;
    let made: Arbitrary<Json> | Unsatisfiable;
    const schemas = this.shape.childFor(key);
    if (schemas === "forbidden") made = new Unsatisfiable(`property "${key}" is forbidden`);
    else {
      try {
        made = this.childOf({ roots: schemas, nots: [], decided: [] }, this.depth + 1);
      } catch (e) {
        if (!(e instanceof Unsatisfiable)) throw e;
        made = new Unsatisfiable(`property "${key}": ${e.reason}`);
      }
    }
    this.built.set(kind, made);
    return made;
  }

  /** A named key is its own kind; any other key's kind is the set of patterns it matches. */
  private kindOf(key: string): string {
    if (this.named.has(key)) return "=" + key;
    return "~" + this.shape.patterns.filter((p) => safeTest(p, key)).join("\u0000");
  }
}

/** Sets `key` as an own, enumerable property, also when it is "__proto__". */
export function setOwn(target: Record<string, Json>, key: string, value: Json): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
