import type { Arbitrary } from "fast-check";
import { safeTest } from "../../../canonical/applicable.js";
import type { ObjectShape } from "../../../canonical/object-shape.js";
import { Unsatisfiable, within } from "../../../canonical/unsatisfiable.js";
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
  private readonly forbiddenKinds = new Map<string, boolean>();
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

  /** True when no value may stand at `key` (decided once per kind of key). */
  forbidden(key: string): boolean {
    const kind = this.kindOf(key);
    let f = this.forbiddenKinds.get(kind);
    if (f === undefined) this.forbiddenKinds.set(kind, (f = this.shape.childFor(key) === "forbidden"));
    return f;
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
        made = within(`property "${key}"`, e);
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

/**
 * A plain object that V8 keeps as a hash table. Why: V8 gives every new sequence of keys its
 * own hidden class, so objects with drawn (random) keys each mint fresh classes, which was the
 * hottest spot of drawing; an object that lost a key other than its last stays a hash table.
 */
export function hashedObject(): Record<string, Json> {
  const out: Record<string, Json> = { a: null, b: null };
  delete out.a;
  delete out.b;
  return out;
}

/** Builds an object from values by position; absent positions are left out. */
export type ObjectBuilder = (values: Json[], present: boolean[]) => Record<string, Json>;

const builders = new Map<string, ObjectBuilder>();

/**
 * A builder specialised to one list of keys, compiled once per list. Why: one shared
 * `obj[key] = value` sees every object shape of a run and goes megamorphic, which made it the
 * hottest line of drawing; a builder with one literal store per key keeps each store
 * monomorphic (ajv compiles its validators for the same reason). Keys enter the code only as
 * JSON string literals; "__proto__" is defined as an own property.
 */
export function objectBuilder(keys: string[]): ObjectBuilder {
  const id = JSON.stringify(keys);
  let builder = builders.get(id);
  if (!builder) {
    const lines = keys.map((k, i) =>
      k === "__proto__"
        ? `if (p[${i}]) Object.defineProperty(o, "__proto__", { value: v[${i}], enumerable: true, writable: true, configurable: true });`
        : `if (p[${i}]) o[${JSON.stringify(k)}] = v[${i}];`,
    );
    builder = new Function("v", "p", `"use strict"; const o = {}; ${lines.join(" ")} return o;`) as ObjectBuilder;
    builders.set(id, builder);
  }
  return builder;
}
