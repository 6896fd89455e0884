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

/** How much of the harness's stderr is kept for error messages. */
const STDERR_TAIL = 4000;
/** After the harness exits, how long to wait for the rest of its stderr. */
const EXIT_SETTLE_MS = 30;

/** Process groups still alive, killed when this process exits so no harness outlives a run. */
const liveGroups = new Set<number>();
process.on("exit", () => {
  for (const pid of liveGroups) killGroup(pid);
});

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

  constructor(command: HarnessCommand) {
    this.child = spawn(command.command, command.args, { cwd: command.cwd, env: { ...process.env, ...command.env }, detached: true, stdio: ["pipe", "pipe", "pipe"] });
    this.pid = this.child.pid;
    if (this.pid !== undefined) liveGroups.add(this.pid);
    this.child.stdout?.setEncoding("utf8").on("data", (chunk: string) => this.onStdout(chunk));
    this.child.stderr?.setEncoding("utf8").on("data", (chunk: string) => this.onStderr(chunk));
    // A write to a harness that has died fails with EPIPE; the exit is reported instead.
    this.child.stdin?.on("error", () => undefined);
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
    if (this.alive) this.child.stdin?.write(line + "\n");
  }

  /** Ends stdin, gives the harness `graceMs` to exit, then kills its whole process group. */
  async close(graceMs: number): Promise<void> {
    this.child.stdin?.end();
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, graceMs).unref())]);
    this.kill();
  }

  /** Kills the whole process group at once. */
  kill(): void {
    if (this.pid === undefined) return;
    killGroup(this.pid);
    liveGroups.delete(this.pid);
  }

  private nextLine(timeoutMs: number): Promise<LineOutcome> {
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
    const parts = (this.partial + chunk).split("\n");
    this.partial = parts.pop() ?? "";
    for (const line of parts) {
      if (line.trim() === "") continue;
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
    if (this.pid !== undefined) {
      // Whatever the harness left in its group goes with it.
      killGroup(this.pid);
      liveGroups.delete(this.pid);
    }
    setTimeout(() => {
      this.waiter?.({ exited: this.exitMessage() });
      resolve();
    }, EXIT_SETTLE_MS);
  }

  private exitMessage(): string {
    const tail = this.stderr.trim();
    return `harness ${this.exitDescription ?? "exited"}${tail === "" ? "" : `; stderr: ${tail}`}`;
  }
}
