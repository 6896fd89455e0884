/**
 * One HTTP exchange with node:http(s): a fresh connection per request (a service restarted
 * between two payloads leaves no stale keep-alive socket), a deadline over the whole exchange,
 * and every way it can end told apart: a status, no answer in time, a refused or dropped
 * connection, bytes that are not HTTP.
 */
import http from "node:http";
import https from "node:https";

export type HttpOutcome =
  | { status: number; body: string }
  | { timedOut: true }
  /** Connection refused, reset or closed before a response: the service is down or crashed. */
  | { failed: string }
  /** The response is not HTTP. */
  | { garbage: string };

export interface HttpExchange {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

const BODY_KEPT = 2000;

export function exchange(e: HttpExchange): Promise<HttpOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: HttpOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(outcome);
    };
    const client = e.url.protocol === "https:" ? https : http;
    const headers = { ...e.headers, "content-length": String(Buffer.byteLength(e.body, "utf8")) };
    const request = client.request(e.url, { method: e.method, headers, agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body = (body + chunk).slice(0, BODY_KEPT)));
      response.on("end", () => finish({ status: response.statusCode ?? 0, body }));
      response.on("error", (err) => finish(failure(err)));
    });
    const timer = setTimeout(() => finish({ timedOut: true }), e.timeoutMs);
    request.on("error", (err) => finish(failure(err)));
    request.end(e.body);
  });
}

/** node's HTTP parser names its errors HPE_*: the bytes were not an HTTP response. */
function failure(err: Error & { code?: string }): HttpOutcome {
  const code = err.code ?? "";
  if (code.startsWith("HPE_")) return { garbage: `${err.message} (${code})` };
  return { failed: code === "" ? err.message : `${err.message} (${code})` };
}
