/**
 * How JSON-RPC messages travel over a server's stdio: one per line (MCP, the Codex
 * app-server) or behind a `Content-Length` header (LSP). Either one is a Framing of the
 * harness process (subprocess/harness-process.ts), which does the rest.
 */
import { LINE_FRAMING, type Framing } from "../subprocess/harness-process.js";

export const FRAMINGS = ["lines", "content-length"] as const;
export type FramingName = (typeof FRAMINGS)[number];

const HEADER_END = "\r\n\r\n";

/**
 * LSP's base protocol: `Content-Length: N` (other headers ignored), a blank line, then N bytes
 * of UTF-8. A header block without a length, or a line that is no header, is passed on as a
 * message of its own, so garbage is read as garbage instead of waited on until the time limit.
 */
export const CONTENT_LENGTH_FRAMING: Framing = {
  encode: (message) => `Content-Length: ${Buffer.byteLength(message, "utf8")}${HEADER_END}${message}`,
  decode(buffered) {
    const messages: string[] = [];
    let rest = buffered;
    for (;;) {
      const next = nextMessage(rest);
      if (next === undefined) return { messages, rest };
      messages.push(next.message);
      rest = next.rest;
    }
  },
};

function nextMessage(buffered: string): { message: string; rest: string } | undefined {
  const trimmed = buffered.replace(/^(\r?\n)+/, "");
  const garbage = leadingGarbage(trimmed);
  if (garbage) return garbage;
  const end = trimmed.indexOf(HEADER_END);
  if (end < 0) return undefined;
  const header = trimmed.slice(0, end);
  const length = /^content-length:[ \t]*(\d+)[ \t]*$/im.exec(header);
  if (!length) return { message: header, rest: trimmed.slice(end + HEADER_END.length) };
  const body = Buffer.from(trimmed.slice(end + HEADER_END.length), "utf8");
  const size = Number(length[1]);
  if (body.length < size) return undefined;
  return { message: body.subarray(0, size).toString("utf8"), rest: body.subarray(size).toString("utf8") };
}

/** A complete first line that is not a `Name: value` header is garbage, handed on as it is. */
function leadingGarbage(buffered: string): { message: string; rest: string } | undefined {
  const newline = buffered.indexOf("\n");
  if (newline < 0) return undefined;
  const line = buffered.slice(0, newline).replace(/\r$/, "");
  if (/^[!#$%&'*+.^_`|~0-9A-Za-z-]+:/.test(line)) return undefined;
  return { message: line, rest: buffered.slice(newline + 1) };
}

export function framingNamed(name: FramingName): Framing {
  return name === "content-length" ? CONTENT_LENGTH_FRAMING : LINE_FRAMING;
}
