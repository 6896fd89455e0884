import type { Target } from "../schema/target.js";

/** One share of a run's targets: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses "i/n" (1 ≤ i ≤ n); undefined when the text is not a shard. */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * A target's expected cost: the size of its schema text, with a floor, since every target pays
 * for its payloads whatever its size. A bundle's definitions that refer to large siblings are
 * underestimated; the estimate only needs to be stable and roughly monotone.
 */
export function expectedCost(target: Target): number {
  return 2_000 + Math.min(JSON.stringify(target.schema).length, 200_000);
}

/**
 * The targets of one shard. Every shard computes the same assignment from the same target
 * list: targets by expected cost, largest first (ties by id), each to the shard with the least
 * cost so far (ties: lowest index). So shards are balanced by cost, not only by count, and
 * together hold every target exactly once. Per-target seeds do not depend on the shard, so a
 * target draws the same payloads sharded or not.
 */
export function targetsOfShard(targets: readonly Target[], shard: Shard): Target[] {
  const loads = new Array<number>(shard.count).fill(0);
  const owner = new Map<Target, number>();
  const ordered = [...targets].sort((a, b) => expectedCost(b) - expectedCost(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const t of ordered) {
    let best = 0;
    for (let i = 1; i < loads.length; i++) if (loads[i]! < loads[best]!) best = i;
    loads[best]! += expectedCost(t);
    owner.set(t, best);
  }
  return targets.filter((t) => owner.get(t) === shard.index - 1);
}
