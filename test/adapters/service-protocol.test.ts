import { expect } from "chai";
import { fillEnvelope } from "../../src/adapters/service/envelope.js";
import { CONTENT_LENGTH_FRAMING } from "../../src/adapters/service/framing.js";
import { readReply } from "../../src/adapters/service/jsonrpc-messages.js";
import { parseStatusSet, statusIn } from "../../src/adapters/service/options.js";
import { UsageError } from "../../src/schema/errors.js";

/** Feeds `text` to the framing in pieces of `size` characters, as stdout chunks arrive. */
function decodeInChunks(text: string, size: number): string[] {
  const messages: string[] = [];
  let rest = "";
  for (let i = 0; i < text.length; i += size) {
    const out = CONTENT_LENGTH_FRAMING.decode(rest + text.slice(i, i + size));
    messages.push(...out.messages);
    rest = out.rest;
  }
  return messages;
}

describe("service adapters: templates, framing, replies, statuses", function () {
  it("fills every placeholder of a template, keeps the template as it was, and keeps a __proto__ key as data", function () {
    const template = JSON.parse('{"a": "$payload", "b": ["$payload", 1], "__proto__": {"x": "$payload"}, "c": "$payload2"}');
    const filled = fillEnvelope(template, { n: 1 }) as Record<string, unknown>;
    expect(JSON.stringify(filled)).to.equal('{"a":{"n":1},"b":[{"n":1},1],"__proto__":{"x":{"n":1}},"c":"$payload2"}');
    expect(template.a).to.equal("$payload");
  });

  it("Content-Length framing: encodes the byte length, decodes messages split anywhere, multibyte text included", function () {
    const messages = ['{"id":1,"t":"ünï 🎉"}', '{"id":2}'];
    const wire = messages.map(CONTENT_LENGTH_FRAMING.encode).join("");
    expect(CONTENT_LENGTH_FRAMING.encode(messages[0]!)).to.match(/^Content-Length: 25\r\n\r\n/);
    for (const size of [1, 3, 7, wire.length]) expect(decodeInChunks(wire, size), `chunks of ${size}`).to.deep.equal(messages);
    expect(decodeInChunks("Content-Type: x\r\nContent-Length: 2\r\n\r\n{}", 5)).to.deep.equal(["{}"]);
  });

  it("Content-Length framing hands garbage on as a message instead of waiting for it", function () {
    expect(CONTENT_LENGTH_FRAMING.decode("this is not a header\nContent-Length: 2\r\n\r\n{}")).to.deep.equal({ messages: ["this is not a header", "{}"], rest: "" });
    expect(CONTENT_LENGTH_FRAMING.decode("X-Only: 1\r\n\r\n").messages).to.deep.equal(["X-Only: 1"]);
    expect(CONTENT_LENGTH_FRAMING.decode("Content-Len")).to.deep.equal({ messages: [], rest: "Content-Len" });
  });

  it("reads JSON-RPC replies: result accepted, -32602 rejected, other errors and malformed replies faults, notifications skipped", function () {
    expect(readReply('{"jsonrpc":"2.0","id":4,"result":null}', 4)).to.deep.equal({ verdict: { valid: true } });
    expect(readReply('{"jsonrpc":"2.0","id":4,"error":{"code":-32602,"message":"bad"}}', 4)).to.deep.equal({ verdict: { valid: false } });
    expect(readReply('{"jsonrpc":"2.0","id":4,"error":{"code":-32601,"message":"no such method"}}', 4)).to.include({ fault: "adapter-error", restart: false });
    expect(readReply('{"jsonrpc":"2.0","method":"progress","params":{}}', 4)).to.deep.equal({ ignored: true });
    expect(readReply('{"jsonrpc":"2.0","id":9,"method":"window/ask","params":{}}', 4)).to.deep.equal({ ignored: true });
    for (const garbage of ["oops", "[1]", '{"jsonrpc":"2.0","id":5,"result":1}', '{"jsonrpc":"1.0","id":4,"result":1}', '{"jsonrpc":"2.0","id":4}', '{"jsonrpc":"2.0","id":4,"error":{"code":"x"}}', '{"jsonrpc":"2.0","id":4,"result":1,"error":{"code":1}}']) {
      expect(readReply(garbage, 4), garbage).to.include({ fault: "protocol-error", restart: true });
    }
  });

  it("reads status sets: classes, codes, ranges, lists; anything else is bad usage", function () {
    const set = parseStatusSet("--http-reject", "4xx, 500-502,302");
    expect([399, 400, 499, 500, 502, 503, 302].map((s) => statusIn(set, s))).to.deep.equal([false, true, true, true, true, false, true]);
    for (const bad of ["", "6xx", "4x", "99", "500-400", "2xx;4xx", "200-700"]) expect(() => parseStatusSet("--http-accept", bad), bad).to.throw(UsageError);
  });
});
