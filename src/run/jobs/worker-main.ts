/**
 * A job worker: plans the same campaign as the main thread (the same inputs give the same
 * targets in the same order), starts its own oracle, generation context and adapters (its own
 * harness processes), and runs the rounds the main thread sends, one at a time.
 */
import { parentPort, workerData } from "node:worker_threads";
import { stopAllHarnesses, watchHarnessGroups } from "../../adapters/subprocess/harness-process.js";
import { payloadShape } from "../../generate/valid/options.js";
import { closeAll, createAdapters, formatBlindOf } from "../adapter-set.js";
import { planFuzz } from "../fuzz.js";
import { DEFAULT_CAMPAIGN_OPTIONS } from "../options.js";
import { defaultStages } from "../stages.js";
import { UnstartedAdapter } from "../unstarted-adapter.js";
import { useUserModules } from "../user-modules.js";
import { carry } from "./carried-error.js";
import { InProcessExecutor } from "./in-process.js";
import { DEFAULT_PROBE_MODE } from "../../model/probe.js";
import type { FromJobWorker, JobWorkerData, ToJobWorker } from "./messages.js";

const port = parentPort!;
const post = (m: FromJobWorker): void => port.postMessage(m);
const { options } = workerData as JobWorkerData;

watchHarnessGroups((pgids) => post({ type: "pgids", pgids }));

try {
  await useUserModules(options);
  const plan = planFuzz(options);
  const formats = options.formats ?? DEFAULT_CAMPAIGN_OPTIONS.formats;
  const timeoutMs = options.timeoutMs ?? DEFAULT_CAMPAIGN_OPTIONS.timeoutMs;
  const adapters = await createAdapters(options.adapters, timeoutMs, formats, options.services);
  const campaign = {
    ...DEFAULT_CAMPAIGN_OPTIONS, runs: options.runs ?? DEFAULT_CAMPAIGN_OPTIONS.runs, seed: options.seed, formats, timeoutMs,
    formatBlind: formatBlindOf(timeoutMs), generate: payloadShape(options.size, options.fill), probes: options.probes ?? DEFAULT_PROBE_MODE,
  };
  const executor = new InProcessExecutor(plan.loaded.registry, adapters, campaign, defaultStages());
  const byId = new Map(plan.targets.map((t) => [t.id, t]));
  post({ type: "ready", adapters: adapters.map((a) => ({ name: a.name, ...(a.version ? { version: a.version } : {}), dialects: a.dialects, ...(a instanceof UnstartedAdapter ? { unstarted: a.reason } : {}) })) });
  port.on("message", (m: ToJobWorker) => {
    if (m.type === "stop") return stopAllHarnesses();
    if (m.type === "close") return void executor.close().then(() => closeAll(adapters)).finally(() => post({ type: "closed" }));
    const target = byId.get(m.targetId);
    if (!target) return post({ type: "done", unit: m.unit, error: { name: "Error", message: `the job worker has no target ${m.targetId}` }, tallies: [] });
    void executor.run(m.unit, target).then((outcome) => {
      const tallies = adapters.map((a) => ({ checked: executor.tallies.get(a)?.checked ?? 0, skipped: executor.tallies.get(a)?.skipped ?? 0 }));
      post(outcome.ok ? { type: "done", unit: m.unit, result: outcome.value, tallies } : { type: "done", unit: m.unit, error: carry(outcome.error), tallies });
    });
  });
} catch (e) {
  post({ type: "failed-to-start", error: carry(e) });
}
