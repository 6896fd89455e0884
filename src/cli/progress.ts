import type { ProgressCounts } from "../run/progress-counts.js";

type OnTarget = (done: number, total: number, id: string, sofar?: ProgressCounts) => void;

/** Seconds between plain progress lines off a terminal (CONFORM_PROGRESS_SECONDS changes it; 0 turns them off). */
const PLAIN_EVERY_S = Number(process.env.CONFORM_PROGRESS_SECONDS ?? 5);

/** What the progress printer is told besides its stream. */
export interface ProgressOptions {
  /** Clock, ms (tests give their own). */
  now?: () => number;
  /** Seconds between plain lines off a terminal; 0 turns them off. */
  everySeconds?: number;
  /** The run's time budget, ms (`--duration`): the line says the time left. */
  budgetMs?: number;
  /** `--quiet`: no progress at all. */
  quiet?: boolean;
}

/**
 * Progress on stderr. On a terminal, one live line: targets done/total, payloads, payloads/s,
 * findings so far, time left under a budget, the target just done. Off a terminal (CI logs), a
 * plain line every few seconds and none for a run shorter than that, so short runs and tests
 * stay quiet. With a budget, rounds after every target's first keep the line going.
 */
export function progressPrinter(stream: NodeJS.WriteStream, options: ProgressOptions = {}): OnTarget | undefined {
  if (options.quiet) return undefined;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const text = (done: number, total: number, sofar: ProgressCounts | undefined) => progressText(done, total, sofar, now() - started, options.budgetMs);
  if (!stream.isTTY) return plainLines(stream, now, started, options.everySeconds ?? PLAIN_EVERY_S, text, options.budgetMs !== undefined);
  return (done, total, id, sofar) => {
    const label = id.length > 50 ? "…" + id.slice(-49) : id;
    stream.write(`\r\x1b[K${text(done, total, sofar)} ${label}`);
    if (done === total && (options.budgetMs === undefined || now() - started >= options.budgetMs)) stream.write("\r\x1b[K");
  };
}

function plainLines(stream: NodeJS.WriteStream, now: () => number, started: number, everySeconds: number, text: (done: number, total: number, sofar: ProgressCounts | undefined) => string, budgeted: boolean): OnTarget | undefined {
  if (!(everySeconds > 0)) return undefined;
  let last = started;
  return (done, total, _id, sofar) => {
    const t = now();
    // Without a budget the run ends with its last target: no line for it (the summary follows).
    if (t - last < everySeconds * 1000 || (done === total && !budgeted)) return;
    last = t;
    stream.write(`conform: ${text(done, total, sofar)}\n`);
  };
}

/** "[12/44] 1,320 payloads · 410/s · 2 findings · 3.2 s", and "· 57 s left" under a budget. */
export function progressText(done: number, total: number, sofar: ProgressCounts | undefined, elapsedMs: number, budgetMs?: number): string {
  const parts = [`[${done}/${total}]`];
  if (sofar) {
    const rate = elapsedMs > 0 ? Math.round((sofar.payloads * 1000) / elapsedMs) : 0;
    parts.push(`${sofar.payloads.toLocaleString("en")} payloads · ${rate.toLocaleString("en")}/s · ${sofar.findings} finding${sofar.findings === 1 ? "" : "s"}`);
  }
  parts.push(`${(elapsedMs / 1000).toFixed(1)} s`);
  if (budgetMs !== undefined) parts.push(`${Math.max(0, Math.ceil((budgetMs - elapsedMs) / 1000))} s left`);
  return parts.join(" · ").replace("] ·", "]");
}
