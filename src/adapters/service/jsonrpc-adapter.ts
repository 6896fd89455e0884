/**
 * `jsonrpc:<command line>`: a JSON-RPC 2.0 server on stdio (MCP, LSP, the Codex app-server),
 * started in its own process group as exec: harnesses are. Each payload (or the payload placed
 * into the params template) is the params of one request to --jsonrpc-method: a result is
 * accepted, error -32602 rejected, anything else a fault. After each start the --jsonrpc-init
 * handshake is sent (MCP's, LSP's `initialize`). Notifications and the server's own requests are skipped; a crash, a hang or garbage kills the server, and the next payload
 * starts it again.
 */
import type { Verdict } from "../adapter.js";
import { HarnessProcess, type HarnessCommand, type LineOutcome } from "../subprocess/harness-process.js";
import { fillEnvelope } from "./envelope.js";
import { framingNamed } from "./framing.js";
import { isStructured, notificationMessage, readReply, requestMessage, type ReplyReading } from "./jsonrpc-messages.js";
import type { JsonRpcOptions } from "./options.js";
import { ServiceAdapter } from "./service-adapter.js";

/** What became of one call: a reply read (never an ignored one), or no reply. */
type Answer = Exclude<ReplyReading, { ignored: true }> | Exclude<LineOutcome, { line: string }>;

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
    if (!this.process?.alive) {
      const refused = await this.start();
      if (refused) return refused;
    }
    return this.verdictOf(await this.call(this.method, params), "");
  }

  /** Starts the server and sends the --jsonrpc-init handshake; a fault verdict when the server does not take it. */
  private async start(): Promise<Verdict | undefined> {
    this.process = new HarnessProcess(this.command, framingNamed(this.options.framing));
    for (const step of this.options.handshake) {
      if (step.notification) {
        this.process.send(notificationMessage(step.method, step.params));
        continue;
      }
      const verdict = this.verdictOf(await this.call(step.method, step.params), `${step.method} (--jsonrpc-init): `);
      // A server left half-initialised is not used again, whatever the fault.
      if ("errored" in verdict) {
        this.discard();
        return verdict;
      }
      if ("valid" in verdict && !verdict.valid) return this.failed("adapter-error", `${step.method} (--jsonrpc-init) was refused with error -32602`);
    }
    return undefined;
  }

  /** Sends one request and waits for its reply, past notifications and the server's own requests, within one time limit. */
  private async call(method: string, params: unknown): Promise<Answer> {
    const server = this.process as HarnessProcess;
    const id = ++this.id;
    const deadline = Date.now() + this.timeoutMs;
    let outcome = await server.request(requestMessage(id, method, params), this.timeoutMs);
    for (;;) {
      if (!("line" in outcome)) return outcome;
      const reading = readReply(outcome.line, id);
      if (!("ignored" in reading)) return reading;
      outcome = await server.nextLine(Math.max(0, deadline - Date.now()));
    }
  }

  private verdictOf(answer: Answer, context: string): Verdict {
    if ("timedOut" in answer) return this.failed("adapter-timeout", `${context}no answer within ${this.timeoutMs} ms`);
    if ("exited" in answer) return this.failed("adapter-error", context + answer.exited.replace(/^harness/, "the server"));
    if ("verdict" in answer) return answer.verdict;
    return answer.restart ? this.failed(answer.fault, context + answer.message) : this.fault(answer.fault, context + answer.message);
  }

  protected async shutdown(): Promise<void> {
    const server = this.process;
    this.process = undefined;
    await server?.close(STOP_GRACE_MS);
  }

  /** A fault after which the server is not trusted: killed, started again for the next payload. */
  private failed(...args: Parameters<ServiceAdapter["fault"]>): Verdict {
    this.discard();
    return this.fault(...args);
  }

  private discard(): void {
    this.process?.kill();
    this.process = undefined;
  }
}
