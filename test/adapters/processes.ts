import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";

/** True while the process exists and is not a zombie (an unreaped dead process still answers kill 0). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/** Waits (up to `ms`) for the process to be gone; returns whether it is. */
export async function waitUntilGone(pid: number, ms = 3000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return !isRunning(pid);
}

/**
 * A loopback HTTP server that serves a schema at every path and counts requests: a validator
 * that tried to fetch a `$ref` would show up in `requests`.
 */
export async function schemaServer(): Promise<{ base: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? "");
    res.setHeader("content-type", "application/schema+json");
    res.end(JSON.stringify({ type: "string" }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((r) => server.close(() => r())) };
}
