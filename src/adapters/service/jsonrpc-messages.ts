/**
 * JSON-RPC 2.0 as the jsonrpc: adapter speaks it: the request for one payload, and how a reply
 * reads as a verdict. Pure functions; the server process is handled in jsonrpc-adapter.ts.
 */
import type { Fault } from "../adapter.js";
import { abbreviate } from "./service-adapter.js";

/** JSON-RPC 2.0's "Invalid params": the server's parser refused the payload. */
export const INVALID_PARAMS = -32602;

export function requestMessage(id: number, method: string, params: unknown): string {
  return JSON.stringify({ jsonrpc: "2.0", id, method, ...(params === undefined ? {} : { params }) });
}

export function notificationMessage(method: string, params: unknown): string {
  return JSON.stringify({ jsonrpc: "2.0", method, ...(params === undefined ? {} : { params }) });
}

/** Params must be structured (JSON-RPC 2.0 §4.2): a scalar payload needs a template to travel. */
export function isStructured(params: unknown): boolean {
  return params !== null && typeof params === "object";
}

/** What one message from the server means for the request `id` waiting for it. */
export type ReplyReading =
  | { verdict: { valid: boolean } }
  | { fault: Fault; message: string; restart: boolean }
  /** A notification, a request of the server's own, or a reply to another id: read the next message. */
  | { ignored: true };

export function readReply(text: string, id: number): ReplyReading {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return garbage(`the server printed non-JSON: ${abbreviate(text)}`);
  }
  if (message === null || typeof message !== "object" || Array.isArray(message)) return garbage(`the server printed a non-object: ${abbreviate(text)}`);
  const m = message as Record<string, unknown>;
  if ("method" in m) return { ignored: true };
  if (m.id !== id) return typeof m.id === "number" && m.id < id ? { ignored: true } : garbage(`the server answered id ${abbreviate(JSON.stringify(m.id) ?? "none")} to request id ${id}`);
  if (m.jsonrpc !== "2.0") return garbage(`the reply is not JSON-RPC 2.0: ${abbreviate(text)}`);
  if ("result" in m && !("error" in m)) return { verdict: { valid: true } };
  if ("error" in m && !("result" in m)) return errorReading(m.error, text);
  return garbage(`the reply has neither a result nor an error, or both: ${abbreviate(text)}`);
}

/** -32602 is a rejection; any other well-formed error is the server failing, not a verdict. */
function errorReading(error: unknown, text: string): ReplyReading {
  const code = error !== null && typeof error === "object" ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== "number" || !Number.isInteger(code)) return garbage(`the error has no integer code: ${abbreviate(text)}`);
  if (code === INVALID_PARAMS) return { verdict: { valid: false } };
  const said = (error as { message?: unknown }).message;
  return { fault: "adapter-error", message: `the server answered error ${code}${typeof said === "string" ? `: ${abbreviate(said, 200)}` : ""}`, restart: false };
}

function garbage(message: string): ReplyReading {
  return { fault: "protocol-error", message, restart: true };
}
