import type { Located } from "../schema/registry.js";

/**
 * No instance satisfies the schema (or this branch of it): said explicitly, never by hanging.
 * `proven` is false when the claim rests on a search that found nothing (a filter's probe, a
 * size not attempted) rather than on a contradiction between keywords: such a failure sets a
 * branch aside like a proof does, but a target is never called unsatisfiable because of it.
 */
export class Unsatisfiable extends Error {
  constructor(
    readonly reason: string,
    readonly proven = true,
  ) {
    // Without a proof the message does not say "unsatisfiable" (the CLI prints the message).
    super(proven ? `unsatisfiable: ${reason}` : `no value found: ${reason}`);
    this.name = "Unsatisfiable";
  }
}

/**
 * No instance was found where a negation or an inexact construction needed a check: every
 * candidate of a fixed-seed probe failed it. Not a proof; a branch in this state is set aside
 * like an unsatisfiable one, and a target in this state produces nothing.
 */
export class NothingFound extends Unsatisfiable {
  constructor(reason: string) {
    super(reason, false);
    this.name = "NothingFound";
  }
}

/** The failure of a whole made of parts that all failed: a proof only when every part's failure is one. */
export function everyPartFailed(reason: string, parts: readonly Unsatisfiable[]): Unsatisfiable {
  return new Unsatisfiable(reason, parts.every((p) => p.proven));
}

/** A failure seen from its container: the same proof (or lack of one), the reason prefixed. */
export function within(prefix: string, e: Unsatisfiable): Unsatisfiable {
  return new Unsatisfiable(`${prefix}: ${e.reason}`, e.proven);
}

/** Where keywords are written among the members, for reasons: `minLength at /a, maxLength at /b`. */
export function keywordSites(members: readonly Located[], ...keywords: string[]): string {
  const sites: string[] = [];
  for (const m of members) {
    if (typeof m.schema !== "object" || m.schema === null) continue;
    for (const k of keywords) if (k in m.schema) sites.push(`${k} at ${m.pointer || "/"}`);
  }
  return sites.join(", ") || keywords.join("/");
}

/** The reasons of failed parts, each cut short: nested choices would otherwise repeat them at every level. */
export function briefly(failures: readonly Unsatisfiable[]): string {
  return failures.map((f) => (f.reason.length > 300 ? f.reason.slice(0, 300) + "…" : f.reason)).join("; ");
}
