import { dialectFromUri, DIALECT_URI } from "../../schema/dialect.js";
import type { JsonSchema } from "../../schema/json.js";
import type { Target } from "../../schema/target.js";
import type { Adapter, Prepared, Verdict } from "../adapter.js";
import { SerialQueue } from "../serial-queue.js";
import { bowtieCase, runUrisIn } from "./bowtie-case.js";
import { HarnessProcess, type HarnessCommand, type LineOutcome } from "./harness-process.js";
import { lineWithTexts } from "./raw-text.js";
import { RunPipeline, type PipelinedOutcome } from "./run-pipeline.js";
import {
  dialectRequest, faultVerdicts, readDialectReply, readRunReply, readStartReply, runRequest, startRequest, stopRequest,
  type Implementation, type ReplyFault,
} from "./ihop.js";

export interface IhopOptions {
  /** Time limit of each request (start, dialect, run), in milliseconds. */
  timeoutMs: number;
  /** How long a harness may take to exit after `stop` before its process group is killed. */
  stopGraceMs?: number;
}

/** What prepare hands to validate: everything a `run` request needs. */
interface IhopHandle {
  description: string;
  dialect: string;
  /** The case as Bowtie shapes it (bowtie-case.ts). */
  schema: JsonSchema;
  registry: Record<string, JsonSchema>;
}

type Step<T> = { ok: true; value: T } | ({ ok: false } & ReplyFault);

/**
 * A harness program speaking IHOP v1. Every fault (crash, hang, garbage, wrong seq or count)
 * becomes a verdict for the instances of that request; the harness is then killed and started
 * again (start + dialect) on the next request, so one bad answer never stops a run.
 */
export class IhopAdapter implements Adapter {
  readonly dialects: string[];
  readonly version?: string;
  /** The running harness and its runs in flight; undefined until started again after a fault. */
  private pipeline: RunPipeline | undefined;
  private currentDialect: string | undefined;
  private seq = 0;
  /** Calls are ordered by its queue (runs are pipelined: run-pipeline.ts). */
  readonly concurrentCalls = true;
  private readonly queue = new SerialQueue();

  private constructor(
    readonly name: string,
    private readonly command: HarnessCommand,
    private readonly options: IhopOptions,
    readonly implementation: Implementation,
    process: HarnessProcess,
  ) {
    this.dialects = implementation.dialects;
    this.version = typeof implementation.version === "string" ? implementation.version : undefined;
    this.pipeline = new RunPipeline(process, options.timeoutMs);
  }

  /** Starts the harness and reads what it implements; throws if it cannot start. */
  static async start(name: string, command: HarnessCommand, options: IhopOptions): Promise<IhopAdapter> {
    const process = new HarnessProcess(command);
    const started = await startHandshake(process, options.timeoutMs);
    if (!started.ok) {
      process.kill();
      throw new Error(`${name}: ${started.message}`);
    }
    return new IhopAdapter(name, command, options, started.value, process);
  }

  /** The pid of the running harness (for tests and diagnostics). */
  get pid(): number | undefined {
    return this.pipeline?.process.pid;
  }

  prepare(target: Target): Promise<Prepared> {
    return this.queue.run(async () => {
      const dialect = this.harnessDialect(target);
      if (dialect === undefined) return { ok: false, skipped: true, message: `${this.name} does not list ${DIALECT_URI[target.dialect]}` };
      const selected = await this.selectDialect(dialect);
      if (!selected.ok) return { ok: false, errored: true, fault: selected.fault, message: selected.message };
      if (!selected.value) return { ok: false, skipped: true, message: `${this.name} refused dialect ${dialect}` };
      const handle: IhopHandle = { description: target.description ?? target.id, dialect, ...bowtieCase(target) };
      return { ok: true, handle };
    });
  }

  /**
   * The run request is written in turn (the queue) and its answer awaited outside the queue, so
   * the next batch can be written while the harness works on this one (run-pipeline.ts). A
   * batch the harness never reached because an earlier one faulted is written again.
   */
  async validate(p: Prepared & { ok: true }, instances: unknown[], texts?: ReadonlyArray<string | undefined>): Promise<Verdict[]> {
    const handle = p.handle as IhopHandle;
    for (;;) {
      const sent = await this.queue.run(async () => {
        const selected = await this.selectDialect(handle.dialect);
        if (!selected.ok) return { verdicts: faultVerdicts(selected, instances.length) };
        if (!selected.value) return { verdicts: instances.map(() => ({ skipped: true as const, message: `${this.name} refused dialect ${handle.dialect}` })) };
        return this.sendRun(handle, instances, texts);
      });
      if ("verdicts" in sent) return sent.verdicts;
      const outcome = await sent.answer;
      if (outcome === "resend") continue;
      if (!("line" in outcome)) return faultVerdicts(this.lineFault(outcome, sent.pipeline), instances.length);
      const reply = readRunReply(outcome.line, sent.seq, instances.length);
      if (reply.restart) this.discard(sent.pipeline);
      return reply.verdicts.map(withRunUris);
    }
  }

  close(): Promise<void> {
    return this.queue.run(async () => {
      const pipeline = this.pipeline;
      this.pipeline = undefined;
      if (!pipeline) return;
      await pipeline.idle();
      pipeline.process.send(stopRequest());
      await pipeline.process.close(this.options.stopGraceMs ?? 2000);
    });
  }

  /** Writes one `run` request for the batch (an instance with an exact text, a probe's spelling, is written as that text); its answer comes in turn. */
  private sendRun(handle: IhopHandle, instances: unknown[], texts: ReadonlyArray<string | undefined> | undefined): { seq: number; pipeline: RunPipeline; answer: Promise<PipelinedOutcome> } {
    const seq = ++this.seq;
    const registry = Object.keys(handle.registry).length > 0 ? { registry: handle.registry } : {};
    const request = lineWithTexts(instances, texts, (written) => {
      const tests = written.map((instance, i) => ({ description: `instance ${i}`, instance }));
      return runRequest(seq, { description: handle.description, schema: handle.schema, ...registry, tests });
    });
    const pipeline = this.pipeline as RunPipeline;
    return { seq, pipeline, answer: pipeline.send(request) };
  }

  /** The harness's own spelling of the target's dialect, if it lists that dialect. */
  private harnessDialect(target: Target): string | undefined {
    return this.dialects.find((d) => dialectFromUri(d) === target.dialect);
  }

  /** Makes sure a harness is running and set to `dialect`; restarts it (start + dialect) after a fault. */
  private async selectDialect(dialect: string): Promise<Step<boolean>> {
    // A harness that stopped answering (its reader saw the crash first) is replaced at once.
    if (this.pipeline?.abandoned) this.discard(this.pipeline);
    if (!this.pipeline) {
      const process = new HarnessProcess(this.command);
      const started = await startHandshake(process, this.options.timeoutMs);
      if (!started.ok) {
        process.kill();
        return started;
      }
      this.pipeline = new RunPipeline(process, this.options.timeoutMs);
      this.currentDialect = undefined;
    }
    if (this.currentDialect === dialect) return { ok: true, value: true };
    const pipeline = this.pipeline;
    // `dialect` is answered outside the pipeline: the runs in flight come first.
    await pipeline.idle();
    const outcome = await pipeline.process.request(dialectRequest(dialect), this.options.timeoutMs);
    if (!("line" in outcome)) return { ok: false, ...this.lineFault(outcome, pipeline) };
    const reply = readDialectReply(outcome.line);
    if (!reply.ok) this.discard(pipeline);
    else if (reply.value) this.currentDialect = dialect;
    return reply;
  }

  /** A missing answer is a fault, and the harness is no longer trusted. */
  private lineFault(outcome: Exclude<LineOutcome, { line: string }>, pipeline: RunPipeline): ReplyFault {
    this.discard(pipeline);
    if ("timedOut" in outcome) return { fault: "adapter-timeout", message: `${this.name} did not answer within ${this.options.timeoutMs} ms` };
    return { fault: "adapter-error", message: `${this.name}: ${outcome.exited}` };
  }

  /** Gives up the harness of `pipeline` (unless a new one already replaced it): killed, its waiting runs resent to the next one. */
  private discard(pipeline: RunPipeline): void {
    pipeline.abandon();
    pipeline.process.kill();
    if (this.pipeline !== pipeline) return;
    this.pipeline = undefined;
    this.currentDialect = undefined;
  }
}

async function startHandshake(process: HarnessProcess, timeoutMs: number): Promise<Step<Implementation>> {
  const outcome = await process.request(startRequest(), timeoutMs);
  if ("timedOut" in outcome) return { ok: false, fault: "adapter-timeout", message: `harness did not answer start within ${timeoutMs} ms` };
  if ("exited" in outcome) return { ok: false, fault: "adapter-error", message: outcome.exited };
  return readStartReply(outcome.line);
}

/** A harness's message names the URIs of the case; the user knows the files. */
function withRunUris(verdict: Verdict): Verdict {
  return "errored" in verdict ? { ...verdict, message: runUrisIn(verdict.message) } : verdict;
}
