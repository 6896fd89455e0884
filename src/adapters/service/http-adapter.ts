/**
 * `http:<url>`: each payload (or the payload placed into the envelope template) is sent as
 * the request body; the status says the verdict: in --http-accept accepted, in --http-reject
 * rejected. 5xx, no answer in time, a refused or dropped connection and a status in neither
 * set are faults, never verdicts.
 */
import { UsageError } from "../../schema/errors.js";
import type { Verdict } from "../adapter.js";
import { fillEnvelope } from "./envelope.js";
import { exchange, type HttpOutcome } from "./http-request.js";
import { statusIn, type HttpOptions } from "./options.js";
import { abbreviate, ServiceAdapter } from "./service-adapter.js";

export class HttpAdapter extends ServiceAdapter {
  constructor(
    name: string,
    private readonly url: URL,
    private readonly options: HttpOptions,
    private readonly timeoutMs: number,
  ) {
    super(name);
  }

  protected async ask(instance: unknown): Promise<Verdict> {
    const payload = this.options.envelope ? fillEnvelope(this.options.envelope.template, instance) : instance;
    const outcome = await exchange({ url: this.url, method: this.options.method, headers: this.options.headers, body: JSON.stringify(payload), timeoutMs: this.timeoutMs });
    return this.verdictOf(outcome);
  }

  private verdictOf(outcome: HttpOutcome): Verdict {
    if ("timedOut" in outcome) return this.fault("adapter-timeout", `no answer within ${this.timeoutMs} ms`);
    if ("failed" in outcome) return this.fault("adapter-error", `request failed: ${outcome.failed}`);
    if ("garbage" in outcome) return this.fault("protocol-error", `the answer is not HTTP: ${outcome.garbage}`);
    return this.statusVerdict(outcome.status, outcome.body);
  }

  private statusVerdict(status: number, body: string): Verdict {
    if (statusIn(this.options.accept, status)) return { valid: true };
    if (statusIn(this.options.reject, status)) return { valid: false };
    const answer = `HTTP ${status}${body.trim() === "" ? "" : `: ${abbreviate(body.trim(), 200)}`}`;
    if (status >= 500) return this.fault("adapter-error", `server error ${answer}`);
    return this.fault("protocol-error", `${answer} is neither accepted (${this.options.accept.text}) nor rejected (${this.options.reject.text})`);
  }

  protected shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** The URL of an http: spec; anything but an http(s) URL is bad usage. */
export function serviceUrl(spec: string, text: string): URL {
  const usage = (got: string): UsageError => new UsageError(`adapter "${spec}": http: needs an http:// or https:// URL (e.g. http:http://127.0.0.1:8080/validate), got "${got}"`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usage(text);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw usage(text);
  return url;
}
