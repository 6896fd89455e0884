/** Why the oracle gave no verdict: it ran out of time, out of stack, or ajv threw. */
export type GiveUpReason = "timeout" | "stack-overflow" | "crash";

/** The oracle's answer on one instance: valid, invalid, or the reason it gave none. */
export type OracleVerdict = boolean | GiveUpReason;

/** One time the oracle gave no verdict: on which schema, why, and in which stage of the run. */
export interface OracleGiveUp {
  uri: string;
  reason: GiveUpReason;
  stage: string;
  message: string;
}

/** Where and how long an oracle call may run: the stage names the caller in a give-up record. */
export interface CallLimit {
  stage: string;
  /** The call's own time limit when no enclosing guard limits it already. */
  limitMs?: number;
}

/** The limit of an oracle call that names none. */
export const DEFAULT_CALL_LIMIT_MS = 10_000;

export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** A one-line summary of the give-ups of one target, for its report entry; undefined when there were none. */
export function giveUpNote(giveUps: OracleGiveUp[]): string | undefined {
  if (giveUps.length === 0) return undefined;
  const first = giveUps[0]!;
  const more = giveUps.length > 1 ? ` (and ${giveUps.length - 1} more)` : "";
  return `the oracle (ajv) gave no verdict ${giveUps.length} time(s), each answer left out: first ${first.reason} in ${first.stage} on ${first.uri}: ${first.message}${more}`;
}
