import { spawn } from "node:child_process";
import { execFileSync } from "node:child_process";
import { BIN, REPO_ROOT } from "../helpers/paths.js";

export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
  /** From the signal sent to the end of the process, ms (0 when none was sent). */
  elapsedAfterSignalMs: number;
}

export interface RunOptions {
  /** The process is killed (and the test fails) after this long. */
  timeoutMs: number;
  env?: Record<string, string>;
  /** Sends `name` `afterMs` after `when()` first holds (polled every 50 ms). */
  signal?: { name: NodeJS.Signals; when: () => boolean; afterMs: number };
}

/** Runs bin/conform.js as a real process, optionally signalling it mid-run. */
export function runConform(args: string[], options: RunOptions): Promise<Finished> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
  child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
  let signalledAt = 0;
  const poll = options.signal ? setInterval(() => {
    if (!options.signal!.when()) return;
    clearInterval(poll);
    setTimeout(() => {
      signalledAt = performance.now();
      child.kill(options.signal!.name);
    }, options.signal!.afterMs);
  }, 50) : undefined;
  return new Promise((resolve, reject) => {
    const limit = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`conform ${args.join(" ")} did not exit within ${options.timeoutMs} ms; stderr: ${stderr}`));
    }, options.timeoutMs);
    child.on("close", (status) => {
      clearTimeout(limit);
      clearInterval(poll);
      resolve({ status, stdout, stderr, elapsedAfterSignalMs: signalledAt === 0 ? 0 : performance.now() - signalledAt });
    });
  });
}

/** Resolves once `pid` no longer runs (gone, or a zombie awaiting its reaper); rejects after `withinMs`. */
export async function processGone(pid: number, withinMs: number): Promise<void> {
  const deadline = performance.now() + withinMs;
  while (performance.now() < deadline) {
    if (!running(pid)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`process ${pid} still runs ${withinMs} ms after conform exited`);
}

function running(pid: number): boolean {
  try {
    const state = execFileSync("ps", ["-o", "stat=", "-p", String(pid)], { encoding: "utf8" }).trim();
    return state !== "" && !state.startsWith("Z");
  } catch {
    return false; // ps exits 1 when no such process
  }
}
