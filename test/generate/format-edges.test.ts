import { expect } from "chai";
import type { Json } from "../../src/schema/json.js";
import { FORMAT_VALID_EDGES } from "../../src/generate/valid/formats/edges.js";
import { formatCheck } from "../../src/generate/valid/formats/index.js";
import { invalidPayloads, withKeyword } from "./invalid/helpers.js";
import { validPayloads } from "./valid/helpers.js";

const strings = (xs: Json[]) => xs.filter((x): x is string => typeof x === "string");

describe("format edges and parser leniencies", function () {
  this.timeout(120_000);

  it("every listed valid edge is one ajv-formats accepts (an edge it rejects would be dropped silently)", function () {
    const rejected = Object.entries(FORMAT_VALID_EDGES).flatMap(([format, edges]) => edges.filter((s) => !formatCheck(format)(s)).map((s) => `${format}: ${JSON.stringify(s)}`));
    expect(rejected).to.deep.equal([]);
  });

  it("valid side: edge forms strict parsers reject appear (compressed and IPv4-embedded IPv6, the nil UUID), all valid under ajv", function () {
    const ipv6 = strings(validPayloads({ type: "string", format: "ipv6" }, "draft-07", 100));
    expect(ipv6.filter((s) => FORMAT_VALID_EDGES.ipv6!.includes(s)).length, "ipv6 edges").to.be.at.least(2);
    const uuid = strings(validPayloads({ type: "string", format: "uuid" }, "draft-07", 100));
    expect(uuid).to.include("00000000-0000-0000-0000-000000000000");
  });

  it("invalid side: lenient forms of valid strings (padded, a final newline, a trailing character), each rejected by ajv", function () {
    for (const format of ["date", "ipv4", "uuid"]) {
      const xs = strings(withKeyword(invalidPayloads({ type: "string", format }, "draft-07"), "format").map((p) => p.instance));
      const check = formatCheck(format);
      expect(xs.some((s) => s !== s.trim() && check(s.trim())), `${format}: whitespace around a valid value`).to.equal(true);
      expect(xs.some((s) => check(s.slice(0, -1)) && !/\s$/.test(s)), `${format}: a valid value with a trailing character`).to.equal(true);
    }
  });
});
