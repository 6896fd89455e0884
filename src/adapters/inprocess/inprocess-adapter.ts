import { DIALECT_URI, type Dialect } from "../../schema/dialect.js";
import type { Target } from "../../schema/target.js";
import type { FormatPolicy } from "../../oracle/format-policy.js";
import type { Adapter, Prepared, Verdict } from "../adapter.js";
import { IsolatedRunner, type ItemOutcome } from "../isolation/isolated-runner.js";
import { registryDocuments, registryName } from "../registry-documents.js";
import type { EngineSetup, EngineWorkerData } from "./engine-worker.js";
import type { InProcessDefinition } from "./engine.js";

export interface InProcessOptions {
  /** Time limit of one compile, and of each instance of a batch, in milliseconds. */
  timeoutMs: number;
  formats: FormatPolicy;
  /** Version of the library, reported beside its name. */
  version?: string;
}

const ENGINE_WORKER = new URL("./engine-worker.js", import.meta.url);

/** A JavaScript validator run in a worker thread, so that a runaway validation can be stopped. */
export class InProcessAdapter implements Adapter {
  readonly name: string;
  readonly version?: string;
  readonly dialects: string[];
  /** Calls are ordered by its queue (the worker runs one at a time). */
  readonly concurrentCalls = true;
  /** The dialects of the installed release. */
  private readonly supported: readonly Dialect[];
  private readonly runner: IsolatedRunner<EngineSetup, unknown, boolean>;
  /** Registries already handed to the runner: each is copied to a worker once, not once per target. */
  private readonly sharedRegistries = new Set<string>();

  constructor(definition: InProcessDefinition, options: InProcessOptions) {
    this.name = definition.name;
    this.version = options.version;
    this.supported = (options.version && definition.dialectsOf?.(options.version)) || definition.dialects;
    this.dialects = this.supported.map((d) => DIALECT_URI[d]);
    const workerData: EngineWorkerData = { adapter: definition.name, options: { formats: options.formats } };
    this.runner = new IsolatedRunner({ workerUrl: ENGINE_WORKER, workerData, timeoutMs: options.timeoutMs });
    // The library loads in its worker while the run reads its schemas (a tenth of `conform suite`).
    this.runner.warm();
  }

  async prepare(target: Target): Promise<Prepared> {
    if (!this.supported.includes(target.dialect)) {
      return { ok: false, skipped: true, message: `${this.name} does not support ${DIALECT_URI[target.dialect]}` };
    }
    const name = registryName(target.registry);
    if (!this.sharedRegistries.has(name)) {
      this.runner.share(name, registryDocuments(target.registry));
      this.sharedRegistries.add(name);
    }
    const setup = await this.runner.setup({ registryName: name, uri: target.uri, dialect: target.dialect }, [name]);
    if (setup.ok) return { ok: true, handle: setup.key };
    if ("timedOut" in setup) return { ok: false, errored: true, fault: "adapter-timeout", message: `${this.name} took too long to compile ${target.id}` };
    return { ok: false, skipped: true, message: `${this.name} cannot compile ${target.id}: ${setup.error}` };
  }

  async validate(p: Prepared & { ok: true }, instances: unknown[]): Promise<Verdict[]> {
    const outcomes = await this.runner.run(p.handle as number, instances);
    return outcomes.map((o) => this.verdictOf(o));
  }

  close(): Promise<void> {
    return this.runner.close();
  }

  private verdictOf(outcome: ItemOutcome<boolean>): Verdict {
    if (outcome.ok) return { valid: outcome.value };
    if ("timedOut" in outcome) return { errored: true, fault: "adapter-timeout", message: `${this.name} did not finish within the time limit` };
    return { errored: true, fault: "adapter-error", message: `${this.name} threw: ${outcome.error}` };
  }
}
