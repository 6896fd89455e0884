import type { HarnessProcess, LineOutcome } from "./harness-process.js";

/** An answer, or "resend": the harness was given up before it answered (a request before this one faulted). */
export type PipelinedOutcome = LineOutcome | "resend";

interface Entry {
  resolve: (outcome: PipelinedOutcome) => void;
}

/**
 * Requests written to one harness before the earlier ones are answered (a harness reads its
 * stdin in order and answers in order, IHOP's `seq` checks it): `conform suite` writes the
 * next groups' runs while the harness works, instead of waiting a round trip per group.
 *
 * The answers are read in order. Each one has the time limit from when its turn comes (the
 * one before it answered), so a request waiting behind others is never timed out for their
 * work. When an answer is missing (a crash, a hang) or the caller gives the harness up
 * (`abandon`, after a garbage answer), the request whose turn it was has that fault, and
 * every request behind it is told "resend": the harness died before reaching them, so they
 * are asked again of the next harness and no fault is pinned on them.
 */
export class RunPipeline {
  private readonly waiting: Entry[] = [];
  private reading = false;
  private givenUp = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    readonly process: HarnessProcess,
    private readonly timeoutMs: number,
  ) {}

  /** Writes `line` now and resolves with its answer in turn. */
  send(line: string): Promise<PipelinedOutcome> {
    if (this.givenUp) return Promise.resolve("resend");
    const answer = new Promise<PipelinedOutcome>((resolve) => this.waiting.push({ resolve }));
    this.process.send(line);
    if (!this.reading) void this.read();
    return answer;
  }

  /** Resolves once no request is waiting for its answer (before a request outside the pipeline, such as `dialect` or `stop`). */
  idle(): Promise<void> {
    if (this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** True once the harness is given up: nothing more is written to it. */
  get abandoned(): boolean {
    return this.givenUp;
  }

  /** The harness is given up: every request still waiting is to be resent. */
  abandon(): void {
    this.givenUp = true;
    this.resendAll();
  }

  private async read(): Promise<void> {
    this.reading = true;
    while (this.waiting.length > 0 && !this.givenUp) {
      const outcome = await this.process.nextLine(this.timeoutMs);
      if (this.givenUp) break;
      this.waiting.shift()!.resolve(outcome);
      if (!("line" in outcome)) this.abandon();
    }
    this.reading = false;
    for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private resendAll(): void {
    for (const e of this.waiting.splice(0)) e.resolve("resend");
    for (const wake of this.idleWaiters.splice(0)) wake();
  }
}
