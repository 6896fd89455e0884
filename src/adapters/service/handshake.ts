/**
 * `--jsonrpc-init FILE`: the messages a JSON-RPC server needs after each start before it takes
 * calls (MCP's and LSP's `initialize` then `initialized`, the Codex app-server's likewise).
 * The file is a JSON array of `{"method": NAME, "params"?: VALUE, "notification"?: true}`.
 */
import { InputError } from "../../schema/errors.js";
import { readJsonFile } from "../../schema/read-json.js";

export interface HandshakeStep {
  method: string;
  params?: unknown;
  /** Sent without an id, and no reply awaited. */
  notification: boolean;
}

export function readHandshake(file: string): HandshakeStep[] {
  const steps = readJsonFile(file);
  if (!Array.isArray(steps)) throw new InputError(file, "", 'the handshake is a JSON array of {"method", "params"?, "notification"?}');
  return steps.map((step, i) => readStep(file, `/${i}`, step));
}

function readStep(file: string, pointer: string, step: unknown): HandshakeStep {
  if (step === null || typeof step !== "object" || Array.isArray(step)) throw new InputError(file, pointer, 'a handshake step is an object {"method", "params"?, "notification"?}');
  const { method, params, notification } = step as Record<string, unknown>;
  if (typeof method !== "string" || method === "") throw new InputError(file, `${pointer}/method`, "needs a method name");
  if (notification !== undefined && typeof notification !== "boolean") throw new InputError(file, `${pointer}/notification`, "is true or false");
  const extra = Object.keys(step).find((k) => !["method", "params", "notification"].includes(k));
  if (extra !== undefined) throw new InputError(file, `${pointer}/${extra}`, 'unknown member of a handshake step (method, params, notification)');
  return { method, ...(params === undefined ? {} : { params }), notification: notification === true };
}
