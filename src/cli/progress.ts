import type { ProgressCounts } from "../run/progress-counts.js";

type OnTarget = (done: number, total: number, id: string, sofar?: ProgressCounts) => void;

/** Seconds between plain progress lines off a terminal (CONFORM_PROGRESS_SECONDS changes it; 0 turns them off). */
const PLAIN_EVERY_S = Number(process.env.CONFORM_PROGRESS_SECONDS ?? 5);

/**
 * Progress on stderr. On a terminal, one live line: targets done/total, payloads, payloads/s,
 * findings so far, the target just done. Off a terminal (CI logs), a plain line every few
 * seconds and none for a run shorter than that, so short runs and tests stay quiet.
 */
export function progressPrinter(stream: NodeJS.WriteStream, now: () => number = () => performance.now(), everySeconds = PLAIN_EVERY_S): OnTarget | undefined {
  const started = now();
  if (!stream.isTTY) return plainLines(stream, now, started, everySeconds);
  return (done, total, id, sofar) => {
    const label = id.length > 50 ? "…" + id.slice(-49) : id;
    stream.write(`\r\x1b[K${progressText(done, total, sofar, now() - started)} ${label}`);
    if (done === total) stream.write("\r\x1b[K");
  };
}

function plainLines(stream: NodeJS.WriteStream, now: () => number, started: number, everySeconds: number): OnTarget | undefined {
  if (!(everySeconds > 0)) return undefined;
  let last = started;
  return (done, total, _id, sofar) => {
    const t = now();
    if (t - last < everySeconds * 1000 || done === total) return;
    last = t;
    stream.write(`conform: ${progressText(done, total, sofar, t - started)}\n`);
  };
}

/** "[12/44] 1,320 payloads · 410/s · 2 findings · 3.2 s" */
export function progressText(done: number, total: number, sofar: ProgressCounts | undefined, elapsedMs: number): string {
  const parts = [`[${done}/${total}]`];
  if (sofar) {
    const rate = elapsedMs > 0 ? Math.round((sofar.payloads * 1000) / elapsedMs) : 0;
    parts.push(`${sofar.payloads.toLocaleString("en")} payloads · ${rate.toLocaleString("en")}/s · ${sofar.findings} finding${sofar.findings === 1 ? "" : "s"}`);
  }
  parts.push(`${(elapsedMs / 1000).toFixed(1)} s`);
  return parts.join(" · ").replace("] ·", "]");
}
