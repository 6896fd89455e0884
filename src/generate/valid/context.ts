import type { Arbitrary } from "fast-check";
import type { Canon, CanonInput } from "../../canonical/canon.js";
import { canonicalise, canonKey } from "../../canonical/canonicalise.js";
import { locationUri } from "../../canonical/location.js";
import { Unsatisfiable } from "../../canonical/unsatisfiable.js";
import type { Json } from "../../schema/json.js";
import type { Located, SchemaRegistry } from "../../schema/registry.js";
import type { Check, Oracle } from "../../oracle/oracle.js";
import { GenerationTimeout, type Clock } from "./bounded-filter.js";
import { plainOf } from "./types/probe-value.js";
import { DEFAULT_GENERATE_OPTIONS, type GenerateOptions } from "./options.js";

type Memo<T> = Map<string, T | Unsatisfiable>;

/**
 * Shared state of generation for one run: the registry, the oracle (used only where a
 * constraint cannot be built, as a bounded filter), memo tables so a schema reached from
 * many targets is canonicalised and turned into an arbitrary once per depth level, and the
 * clock of the current target's time limit.
 */
export class GenContext implements Clock {
  readonly options: GenerateOptions;
  private readonly canons: Memo<Canon> = new Map();
  private readonly arbitraries: Memo<Arbitrary<Json>> = new Map();
  private readonly building = new Set<string>();
  /** Counts cycles cut; an Unsatisfiable that saw a cut depends on its ancestors and is not remembered. */
  private cuts = 0;
  private deadline = Infinity;

  constructor(
    readonly registry: SchemaRegistry,
    readonly oracle: Oracle,
    options: Partial<GenerateOptions> = {},
  ) {
    this.options = { ...DEFAULT_GENERATE_OPTIONS, ...options };
  }

  /** Starts the time limit of building a target's arbitrary; the target's arbitrary restarts it at each draw (lazy choices build while drawing). */
  beginTarget(): void {
    this.deadline = performance.now() + this.options.targetTimeLimitMs;
  }

  /** Throws GenerationTimeout once building the current target is past its time limit. */
  checkTime(what: string): void {
    if (performance.now() > this.deadline) throw new GenerationTimeout(what, this.options.targetTimeLimitMs);
  }

  canon(input: CanonInput): Canon {
    return remember(this.canons, canonKey(input), () => true, () => canonicalise(input, this.registry));
  }

  /** The oracle's check of one located schema; it judges a value's probes by their parsed values. */
  check(l: Located): Check {
    const check = this.oracle.check(locationUri(l), l.dialect);
    return (value) => check(plainOf(value as Json));
  }

  /** Builds (once per depth level) the arbitrary of a canonical input; cycles at the depth cap are unsatisfiable. */
  arbitrary(input: CanonInput, depth: number, build: (canon: Canon, depth: number) => Arbitrary<Json>): Arbitrary<Json> {
    const level = Math.min(depth, this.options.maxDepth);
    const key = canonKey(input) + "@" + level;
    if (this.building.has(key)) {
      this.cuts++;
      throw new Unsatisfiable(`the schema at ${input.roots.map((r) => r.pointer || "/").join(", ")} requires itself without end (required properties or minItems through a $ref cycle)`);
    }
    const cutsBefore = this.cuts;
    return remember(this.arbitraries, key, () => cutsBefore === this.cuts, () => {
      this.building.add(key);
      try {
        this.checkTime("building the arbitrary");
        return build(this.canon(input), depth);
      } finally {
        this.building.delete(key);
      }
    });
  }

  /**
   * After the watchdog stopped a build mid-way (no `finally` runs under termination), the
   * keys it was building would read as cycles for every later target: forget them.
   */
  recoverFromInterruption(): void {
    this.building.clear();
  }

  /** True once containers should only hold what is required. */
  minimal(depth: number): boolean {
    return depth >= this.options.maxDepth;
  }
}

function remember<T>(memo: Memo<T>, key: string, mayRememberFailure: () => boolean, make: () => T): T {
  const hit = memo.get(key);
  if (hit instanceof Unsatisfiable) throw hit;
  if (hit !== undefined) return hit;
  try {
    const made = make();
    memo.set(key, made);
    return made;
  } catch (e) {
    if (e instanceof Unsatisfiable && mayRememberFailure()) memo.set(key, e);
    throw e;
  }
}
