/**
 * Worker for the IsolatedRunner tests. Setup payload: a multiplier (a negative one fails setup).
 * Items: numbers are multiplied; "loop" never returns; "throw" throws; "die" ends the worker.
 */
import { isolatedWorkerData, serveIsolated } from "../../src/adapters/isolation/worker-side.js";

const { greeting } = isolatedWorkerData<{ greeting: string }>();

serveIsolated<{ factor: number; sharedName?: string }, unknown, unknown>((payload, shared) => {
  if (payload.factor < 0) throw new Error("negative factor");
  const offset = payload.sharedName ? (shared.get(payload.sharedName) as number) : 0;
  return (item) => {
    if (item === "loop") for (;;);
    if (item === "throw") throw new Error("item refused");
    if (item === "die") process.exit(7);
    if (item === "greet") return greeting;
    return (item as number) * payload.factor + offset;
  };
});
