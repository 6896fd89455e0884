import { spawn, type ChildProcess } from "node:child_process";

/** What became of one request line: the next line the harness printed, or why there is none. */
export type LineOutcome = { line: string } | { timedOut: true } | { exited: string };

export interface HarnessCommand {
  command: string;
  args: string[];
  cwd?: string;
  /** Added to this process's environment. */
  env?: Record<string, string>;
}

/** How messages are cut out of a harness's stdout and written to its stdin: one per line by default (IHOP). */
export interface Framing {
  encode(message: string): string;
  /** The whole messages at the start of `buffered`, and what is left of a message not yet complete. */
  decode(buffered: string): { messages: string[]; rest: string };
}

/** One message per line; blank lines are not messages. */
export const LINE_FRAMING: Framing = {
  encode: (message) => message + "\n",
  decode(buffered) {
    const parts = buffered.split("\n");
    const rest = parts.pop() ?? "";
    return { messages: parts.filter((line) => line.trim() !== ""), rest };
  },
};

/** How much of the harness's stderr is kept for error messages. */
const STDERR_TAIL = 4000;
/** After the harness exits, how long to wait for the rest of its stderr. */
const EXIT_SETTLE_MS = 30;

/** Process groups still alive, killed when this process exits so no harness outlives a run. */
const liveGroups = new Set<number>();
process.on("exit", killAllHarnessGroups);

/** Told the live groups after each change (the CLI posts them to the main thread, which kills them if the run hangs). */
const groupWatchers = new Set<(pgids: number[]) => void>();

/** Calls `watcher` with the pgids of every live harness, now and after each start or end of one. */
export function watchHarnessGroups(watcher: (pgids: number[]) => void): () => void {
  groupWatchers.add(watcher);
  watcher([...liveGroups]);
  return () => groupWatchers.delete(watcher);
}

/** Set once the run is stopping: no harness may start any more (a target left behind would restart one). */
let refusingNew = false;

/** Kills every harness process group still alive. */
export function killAllHarnessGroups(): void {
  for (const pid of [...liveGroups]) forgetGroup(pid);
}

/** Shutdown on a signal: kills every harness and refuses to start new ones. */
export function stopAllHarnesses(): void {
  refusingNew = true;
  killAllHarnessGroups();
}

function addGroup(pid: number): void {
  liveGroups.add(pid);
  for (const w of groupWatchers) w([...liveGroups]);
}

/** Kills the group and stops tracking it. */
function forgetGroup(pid: number): void {
  killGroup(pid);
  if (!liveGroups.delete(pid)) return;
  for (const w of groupWatchers) w([...liveGroups]);
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/**
 * One harness program speaking a line protocol on stdin/stdout. It runs in its own process
 * group (detached) so that killing it also kills what it started: `sh -c`, a Python
 * interpreter behind a wrapper script, a server it forked.
 */
export class HarnessProcess {
  readonly pid: number | undefined;
  private readonly child: ChildProcess;
  private readonly lines: string[] = [];
  private partial = "";
  private stderr = "";
  private exitDescription: string | undefined;
  private waiter: ((outcome: LineOutcome) => void) | undefined;
  private readonly exited: Promise<void>;
  /** True once the child's stdio streams have all closed. */
  private pipesClosed = false;

  constructor(
    command: HarnessCommand,
    private readonly framing: Framing = LINE_FRAMING,
  ) {
    if (refusingNew) throw new Error("conform is stopping: no harness starts any more");
    this.child = spawn(command.command, command.args, { cwd: command.cwd, env: { ...process.env, ...command.env }, detached: true, stdio: ["pipe", "pipe", "pipe"] });
    this.pid = this.child.pid;
    if (this.pid !== undefined) addGroup(this.pid);
    this.child.stdout?.setEncoding("utf8").on("data", (chunk: string) => this.onStdout(chunk));
    this.child.stderr?.setEncoding("utf8").on("data", (chunk: string) => this.onStderr(chunk));
    // A write to a harness that has died fails with EPIPE; the exit is reported instead.
    this.child.stdin?.on("error", () => undefined);
    this.child.once("close", () => (this.pipesClosed = true));
    this.exited = new Promise((resolve) => {
      this.child.on("error", (e) => this.onExit(`could not run ${command.command}: ${e.message}`, resolve));
      this.child.on("exit", (code, signal) => this.onExit(signal ? `killed by ${signal}` : `exited with code ${code}`, resolve));
    });
  }

  get alive(): boolean {
    return this.exitDescription === undefined;
  }

  /** Writes one line and waits for the next line of output, the exit, or the time limit. */
  request(line: string, timeoutMs: number): Promise<LineOutcome> {
    const answer = this.nextLine(timeoutMs);
    this.send(line);
    return answer;
  }

  /** Writes one line that expects no answer. */
  send(line: string): void {
    if (this.alive) this.child.stdin?.write(this.framing.encode(line));
  }

  /**
   * Ends stdin, gives the harness `graceMs` to exit, then kills its whole process group and
   * lets go of its pipes: a daemon that left the group (setsid) may still hold them open,
   * and an open pipe would keep this process alive for ever.
   */
  async close(graceMs: number): Promise<void> {
    this.child.stdin?.end();
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, graceMs).unref())]);
    this.kill();
    this.releasePipes();
  }

  /** Kills the whole process group at once. */
  kill(): void {
    if (this.pid === undefined) return;
    forgetGroup(this.pid);
  }

  private releasePipes(): void {
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) stream?.destroy();
    this.child.unref();
  }

  /** Waits for the next message the harness prints without writing one (a reply after a notification). */
  nextLine(timeoutMs: number): Promise<LineOutcome> {
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve({ line: queued });
    if (!this.alive) return Promise.resolve({ exited: this.exitMessage() });
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish({ timedOut: true }), timeoutMs);
      const finish = (outcome: LineOutcome): void => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(outcome);
      };
      this.waiter = finish;
    });
  }

  private onStdout(chunk: string): void {
    const { messages, rest } = this.framing.decode(this.partial + chunk);
    this.partial = rest;
    for (const line of messages) {
      if (this.waiter) this.waiter({ line });
      else this.lines.push(line);
    }
  }

  private onStderr(chunk: string): void {
    this.stderr = (this.stderr + chunk).slice(-STDERR_TAIL);
  }

  private onExit(description: string, resolve: () => void): void {
    if (this.exitDescription !== undefined) return;
    this.exitDescription = description;
    // Whatever the harness left in its group goes with it.
    if (this.pid !== undefined) forgetGroup(this.pid);
    // The rest of its stderr has come once its pipes close ('close'), which is at once unless
    // something outside the group holds them: then EXIT_SETTLE_MS at most (a fixed wait was on
    // the path of every run's end).
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      this.waiter?.({ exited: this.exitMessage() });
      this.releasePipes();
      resolve();
    };
    const timer = setTimeout(settle, EXIT_SETTLE_MS);
    if (this.pipesClosed) settle();
    else this.child.once("close", settle);
  }

  private exitMessage(): string {
    const tail = this.stderr.trim();
    return `harness ${this.exitDescription ?? "exited"}${tail === "" ? "" : `; stderr: ${tail}`}`;
  }
}
