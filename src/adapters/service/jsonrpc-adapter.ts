/**
 * `jsonrpc:<command line>`: a JSON-RPC 2.0 server on stdio (MCP, LSP, the Codex app-server),
 * started in its own process group as exec: harnesses are. Each payload (or the payload placed
 * into the params template) is the params of one request to --jsonrpc-method: a result is
 * accepted, error -32602 rejected, anything else a fault. Notifications and the server's own
 * requests are skipped; a crash, a hang or garbage kills the server, and the next payload
 * starts it again.
 */
import type { Verdict } from "../adapter.js";
import { HarnessProcess, type HarnessCommand } from "../subprocess/harness-process.js";
import { fillEnvelope } from "./envelope.js";
import { framingNamed } from "./framing.js";
import { isStructured, readReply, requestMessage } from "./jsonrpc-messages.js";
import type { JsonRpcOptions } from "./options.js";
import { ServiceAdapter } from "./service-adapter.js";

/** How long the server may take to exit once its stdin is closed, before its group is killed. */
const STOP_GRACE_MS = 1000;

export class JsonRpcAdapter extends ServiceAdapter {
  private process: HarnessProcess | undefined;
  private id = 0;

  constructor(
    name: string,
    private readonly command: HarnessCommand,
    private readonly method: string,
    private readonly options: JsonRpcOptions,
    private readonly timeoutMs: number,
  ) {
    super(name);
  }

  /** The pid of the running server, if one runs (for tests). */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  protected async ask(instance: unknown): Promise<Verdict> {
    const params = this.options.params ? fillEnvelope(this.options.params.template, instance) : instance;
    if (!isStructured(params)) return { skipped: true, message: `JSON-RPC params must be an object or an array; give --jsonrpc-params a template to send this payload` };
    const id = ++this.id;
    const server = this.running();
    const deadline = Date.now() + this.timeoutMs;
    let outcome = await server.request(requestMessage(id, this.method, params), this.timeoutMs);
    for (;;) {
      if ("timedOut" in outcome) return this.failed("adapter-timeout", `no answer within ${this.timeoutMs} ms`);
      if ("exited" in outcome) return this.failed("adapter-error", outcome.exited.replace(/^harness/, "the server"));
      const reading = readReply(outcome.line, id);
      if ("verdict" in reading) return reading.verdict;
      if ("fault" in reading) return reading.restart ? this.failed(reading.fault, reading.message) : this.fault(reading.fault, reading.message);
      outcome = await server.nextLine(Math.max(0, deadline - Date.now()));
    }
  }

  protected async shutdown(): Promise<void> {
    const server = this.process;
    this.process = undefined;
    await server?.close(STOP_GRACE_MS);
  }

  private running(): HarnessProcess {
    if (!this.process?.alive) this.process = new HarnessProcess(this.command, framingNamed(this.options.framing));
    return this.process;
  }

  /** A fault after which the server is not trusted: killed, started again for the next payload. */
  private failed(...args: Parameters<ServiceAdapter["fault"]>): Verdict {
    this.process?.kill();
    this.process = undefined;
    return this.fault(...args);
  }
}
