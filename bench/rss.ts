import { spawn } from "node:child_process";
import fs from "node:fs";

/** RSS in MB of a running process (every thread), or undefined once it is gone. */
export function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface SampledRun {
  wallMs: number;
  peakMb: number;
  code: number | null;
  /** [minutes since start, MB] every `everyMs`. */
  samples: Array<[number, number]>;
  stdout: string;
}

/** Runs a command, sampling its RSS every `everyMs` (/proc: Linux only; elsewhere the peak reads 0). */
export async function runSampled(command: string, args: string[], everyMs = 200): Promise<SampledRun> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "ignore"] });
  let stdout = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  const samples: Array<[number, number]> = [];
  const timer = setInterval(() => {
    const mb = rssMb(child.pid!);
    if (mb !== undefined) samples.push([(performance.now() - started) / 60_000, mb]);
  }, everyMs);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(timer);
  return { wallMs: performance.now() - started, peakMb: Math.max(0, ...samples.map(([, mb]) => mb)), code, samples, stdout };
}
