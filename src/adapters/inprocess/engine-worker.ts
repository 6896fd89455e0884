/** Worker entry for in-process adapters: loads one validator library and compiles targets with it. */
import { isolatedWorkerData, serveIsolated } from "../isolation/worker-side.js";
import { inProcessDefinition } from "./catalog.js";
import type { CompileRequest, EngineDocument, EngineOptions } from "./engine.js";

export interface EngineWorkerData {
  adapter: string;
  options: EngineOptions;
}

/** A compile request as it travels: the documents come once per worker, as a shared value named `registryName`. */
export type EngineSetup = Omit<CompileRequest, "documents">;

const data = isolatedWorkerData<EngineWorkerData>();
const definition = inProcessDefinition(data.adapter);
if (!definition) throw new Error(`unknown in-process adapter ${data.adapter}`);
const engine = await definition.load(data.options);

serveIsolated<EngineSetup, unknown, boolean>((setup, shared) => {
  const documents = shared.get(setup.registryName) as EngineDocument[] | undefined;
  if (!documents) throw new Error(`registry ${setup.registryName} was not sent to the worker`);
  return engine.compile({ ...setup, documents });
});
