import type { Adapter } from "../../adapters/adapter.js";
import { GenContext } from "../../generate/valid/index.js";
import { Oracle } from "../../oracle/oracle.js";
import type { SchemaRegistry } from "../../schema/registry.js";
import type { Target } from "../../schema/target.js";
import { roundSeed, type WorkUnit } from "../budget.js";
import { FormatTwins } from "../format-twins.js";
import type { CampaignOptions } from "../options.js";
import { runTarget, type AdapterTally, type CampaignState, type TargetRunResult, type TargetRunStages } from "../target-run.js";
import { settle, type Settled, type TargetExecutor } from "./executor.js";

/**
 * Rounds of targets in this thread: one oracle and one generation context for all of them
 * (a definition shared by many targets is compiled and built once), the adapters given.
 */
export class InProcessExecutor implements TargetExecutor {
  readonly tallies = new Map<Adapter, AdapterTally>();
  private readonly ctx: GenContext;
  private readonly state: CampaignState;

  constructor(
    registry: SchemaRegistry,
    private readonly adapters: Adapter[],
    private readonly options: CampaignOptions,
    private readonly stages: TargetRunStages,
  ) {
    this.ctx = new GenContext(registry, new Oracle(registry, options.formats), { ...options.generate, ...(options.probes ? { probes: options.probes } : {}) });
    const twins = options.formatBlind && options.formats === "assert" ? new FormatTwins(options.formatBlind) : undefined;
    this.state = { tallies: this.tallies, twins, prepared: new Map() };
  }

  run(unit: WorkUnit, target: Target): Promise<Settled<TargetRunResult>> {
    const options = { ...this.options, seed: roundSeed(this.options.seed, unit.round), runs: unit.runs };
    return settle(runTarget(target, this.adapters, this.ctx, options, this.stages, this.state));
  }

  async close(): Promise<void> {
    await this.state.twins?.close();
  }
}
