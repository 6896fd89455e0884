import fc, { type Arbitrary } from "fast-check";
import type { Json } from "../../../schema/json.js";
import { hashedObject, objectBuilder, setOwn, type ObjectBuilder } from "./object-values.js";

type Random = Parameters<Arbitrary<Json>["generate"]>[0];
type Value<T> = ReturnType<Arbitrary<T>["generate"]>;

/** One key of a record: its value arbitrary, and how often it is present (1 when required). */
export interface RecordField {
  key: string;
  arbitrary: Arbitrary<Json>;
  /** Always present; optional keys are present now and then (see RecordArbitrary). */
  required: boolean;
}

/** How often optional keys are present: a mean count per object, or (the bias knob) a fixed probability. */
export interface Presence {
  optionalKeys: number;
  fill?: number;
}

/**
 * Presence odds out of 64. By default about `optionalKeys` per object (each present at most one
 * time in two, at least one time in 64): a floor of one in eight drew some 40 of renovate's 300
 * optional keys per object, at every level, which made payloads of megabytes. A fill is taken
 * as asked (1: every optional key).
 */
function presentIn64(optional: number, presence: Presence): number {
  if (presence.fill !== undefined) return Math.round(presence.fill * 64);
  return Math.max(1, Math.min(32, Math.round((presence.optionalKeys * 64) / Math.max(1, optional))));
}

interface RecordContext {
  present: boolean[];
  contexts: unknown[];
}

/**
 * Plain JSON objects from a fixed list of keys, in one pass (fast-check's record goes
 * through tuple, option and map, and makes half its objects with a null prototype, which
 * ajv's deep equality cannot compare). Optional keys are present with a probability that
 * falls as their number grows, so that schemas with dozens of optional properties (a
 * meta-schema) give objects of a readable size while each key is still seen present and
 * absent within a hundred draws. Shrinking first drops optional keys, then shrinks values:
 * every shrink is again a value the same fields allow.
 */
export class RecordArbitrary extends fc.Arbitrary<Json> {
  /** Presence odds of an optional key: present when nextInt(1, den) <= num. */
  private readonly num: number;
  private readonly den: number;
  private readonly build: ObjectBuilder | undefined;

  /** `hashed`: the keys were drawn (random), so objects are built as hash tables (see hashedObject). */
  constructor(
    private readonly fields: RecordField[],
    private readonly hashed = false,
    presence: Presence = { optionalKeys: 4 },
  ) {
    super();
    const optional = fields.filter((f) => !f.required).length;
    this.den = 64;
    this.num = presentIn64(optional, presence);
    this.build = hashed ? undefined : objectBuilder(fields.map((f) => f.key));
  }

  generate(mrng: Random, biasFactor: number | undefined): Value<Json> {
    const n = this.fields.length;
    const present: boolean[] = new Array(n);
    const contexts: unknown[] = new Array(n);
    const values: Json[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const f = this.fields[i]!;
      const here = f.required || mrng.nextInt(1, this.den) <= this.num;
      present[i] = here;
      if (!here) continue;
      const v = f.arbitrary.generate(mrng, biasFactor);
      values[i] = v.value;
      contexts[i] = v.context;
    }
    return new fc.Value(this.assemble(values, present), { present, contexts } satisfies RecordContext);
  }

  private assemble(values: Json[], present: boolean[]): Json {
    if (this.build) return this.build(values, present);
    const out = hashedObject();
    this.fields.forEach((f, i) => present[i] && setOwn(out, f.key, values[i]!));
    return out;
  }

  canShrinkWithoutContext(_value: unknown): _value is Json {
    return false;
  }

  shrink(value: Json, context: unknown): fc.Stream<Value<Json>> {
    const c = context as RecordContext | undefined;
    if (!c) return fc.Stream.nil();
    const obj = value as Record<string, Json>;
    const drops = fc.Stream.of(...this.fields.map((f, i) => [f, i] as const).filter(([f, i]) => !f.required && c.present[i])).map(([, i]) => this.without(obj, c, i));
    const inner = this.fields.map((f, i) => () => (c.present[i] ? f.arbitrary.shrink(obj[f.key]!, c.contexts[i]).map((v) => this.replaced(obj, c, i, v)) : fc.Stream.nil<Value<Json>>()));
    return drops.join(...inner.map((make) => lazy(make)));
  }

  private without(obj: Record<string, Json>, c: RecordContext, index: number): Value<Json> {
    const out = this.hashed ? hashedObject() : {};
    for (const k of Object.keys(obj)) if (k !== this.fields[index]!.key) setOwn(out, k, obj[k]!);
    const present = [...c.present];
    present[index] = false;
    const contexts = [...c.contexts];
    contexts[index] = undefined;
    return new fc.Value(out, { present, contexts });
  }

  private replaced(obj: Record<string, Json>, c: RecordContext, index: number, v: Value<Json>): Value<Json> {
    const out = this.hashed ? hashedObject() : {};
    for (const k of Object.keys(obj)) setOwn(out, k, obj[k]!);
    setOwn(out, this.fields[index]!.key, v.value);
    const contexts = [...c.contexts];
    contexts[index] = v.context;
    return new fc.Value(out, { present: c.present, contexts });
  }
}

/** A stream built only when reached (shrink trees are explored lazily). */
function lazy<T>(make: () => fc.Stream<T>): IterableIterator<T> {
  let it: Iterator<T> | undefined;
  const iterator: IterableIterator<T> = {
    next: () => (it ??= make()[Symbol.iterator]()).next(),
    [Symbol.iterator]: () => iterator,
  };
  return iterator;
}
