/**
 * What `http:` and `jsonrpc:` adapters share: a service has its own parser, so the target's
 * schema is never sent and every target is taken (every dialect); payloads are asked one at a
 * time (concurrency 1), each within the time limit, and an answer that is no verdict is a fault.
 */
import { DIALECT_URI } from "../../schema/dialect.js";
import type { Target } from "../../schema/target.js";
import type { Adapter, Fault, Prepared, Verdict } from "../adapter.js";
import { SerialQueue } from "../serial-queue.js";

/** Every dialect: the schema is the run's business, the service judges payloads by its own rules. */
const ALL_DIALECTS = Object.values(DIALECT_URI);

const MESSAGE_LIMIT = 300;

export abstract class ServiceAdapter implements Adapter {
  readonly dialects: string[] = [...ALL_DIALECTS];
  private readonly queue = new SerialQueue();
  /** Calls are ordered by its queue. */
  readonly concurrentCalls = true;

  constructor(readonly name: string) {}

  prepare(_target: Target): Promise<Prepared> {
    return Promise.resolve({ ok: true, handle: null });
  }

  validate(_p: Prepared & { ok: true }, instances: unknown[]): Promise<Verdict[]> {
    return this.queue.run(async () => {
      const verdicts: Verdict[] = [];
      for (const instance of instances) verdicts.push(await this.ask(instance));
      return verdicts;
    });
  }

  close(): Promise<void> {
    return this.queue.run(() => this.shutdown());
  }

  /** The service's verdict on one payload; never throws (a failure is a fault verdict). */
  protected abstract ask(instance: unknown): Promise<Verdict>;

  protected abstract shutdown(): Promise<void>;

  protected fault(fault: Fault, message: string): Verdict {
    return { errored: true, fault, message: `${this.name}: ${abbreviate(message)}` };
  }
}

export function abbreviate(text: string, max = MESSAGE_LIMIT): string {
  return text.length <= max ? text : text.slice(0, max) + "…";
}
