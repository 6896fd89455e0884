/**
 * Loopback services for the http: and jsonrpc: adapter tests: the Python examples started on
 * an ephemeral port, and Node HTTP servers that misbehave on cue.
 */
import { expect } from "chai";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import type { Verdict } from "../../src/adapters/adapter.js";
import { REPO_ROOT } from "../helpers/paths.js";

export const EXAMPLES_DIR = path.join(REPO_ROOT, "examples/services");
export const FAULTY_JSONRPC = path.join(REPO_ROOT, "test/fixtures/services/faulty-jsonrpc.mjs");

/** A schema the faulty servers judge correctly when they answer: valid exactly when `ok` is true. */
export const OK_SCHEMA = { $schema: "https://json-schema.org/draft/2020-12/schema", type: "object", required: ["ok"], properties: { ok: { const: true } } };

/** A file in a fresh temporary folder holding `json`; returns its path. */
export function tempJsonFile(name: string, json: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "conform-services-")), name);
  fs.writeFileSync(file, JSON.stringify(json));
  return file;
}

/** The fault of an errored verdict (the assertion fails on any other verdict). */
export function faultOf(v: Verdict): { fault?: string; message: string } {
  expect(v, JSON.stringify(v)).to.have.property("errored", true);
  return v as { fault?: string; message: string };
}

export interface RunningService {
  url: string;
  close(): Promise<void>;
}

/** Starts examples/services/strict-http.py on port 0 and reads the URL it prints. */
export function startStrictHttp(args: string[] = []): Promise<RunningService> {
  const child = spawn("python3", [path.join(EXAMPLES_DIR, "strict-http.py"), "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`strict-http.py exited with ${code} before listening`)));
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const url = /listening on (\S+)/.exec(out)?.[1];
      if (url) resolve({ url, close: () => stopChild(child) });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/** How a faulty HTTP server answers: `ok` answers 200 to `{"ok": true}` and 422 to anything else. */
export type HttpBehaviour = "ok" | "hang" | "server-error" | { crashAfter: number } | { hangAfter: number };

/** What reached a faulty server, request by request. */
export interface Received {
  method: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A loopback HTTP server; `received` lists what reached it. */
export async function faultyHttpServer(behaviour: HttpBehaviour): Promise<RunningService & { received: Received[] }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8").on("data", (c: string) => (body += c));
    req.on("end", () => {
      received.push({ method: req.method ?? "", headers: req.headers, body });
      const served = received.length;
      if (typeof behaviour === "object" && "crashAfter" in behaviour && served > behaviour.crashAfter) return crash();
      if (behaviour === "hang" || (typeof behaviour === "object" && "hangAfter" in behaviour && served > behaviour.hangAfter)) return;
      if (behaviour === "server-error") return void res.writeHead(503).end("database locked");
      res.writeHead(isOk(body) ? 200 : 422).end();
    });
  });
  const crash = (): void => {
    server.close();
    server.closeAllConnections();
  };
  const url = `http://127.0.0.1:${await listen(server)}/orders`;
  return { url, received, close: () => closeServer(server) };
}

function isOk(body: string): boolean {
  try {
    return (JSON.parse(body) as { ok?: unknown })?.ok === true;
  } catch {
    return false;
  }
}

/** A TCP server that answers every connection with bytes that are not HTTP. */
export async function garbageServer(): Promise<RunningService> {
  const server = net.createServer((socket) => {
    socket.on("data", () => socket.end("this is not HTTP at all\r\n\r\n"));
    socket.on("error", () => undefined);
  });
  const url = `http://127.0.0.1:${await listen(server)}/orders`;
  return { url, close: () => closeServer(server) };
}

/** A URL nothing listens on: a port taken and let go again. */
export async function refusedUrl(): Promise<string> {
  const server = net.createServer();
  const port = await listen(server);
  await closeServer(server);
  return `http://127.0.0.1:${port}/orders`;
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

function closeServer(server: net.Server): Promise<void> {
  if (server instanceof http.Server) server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
