import { expect } from "chai";
import { dialectFormatPolicy, resolveFormatPolicy } from "../../src/oracle/format-policy.js";
import { parseFormats } from "../../src/cli/common.js";
import { Oracle } from "../../src/oracle/oracle.js";
import { SchemaRegistry, type SchemaDocument } from "../../src/schema/registry.js";
import type { Dialect } from "../../src/schema/dialect.js";

function emailCheck(dialect: Dialect) {
  const registry = new SchemaRegistry();
  const doc: SchemaDocument = { uri: "https://example.com/f.json", file: "f.json", dialect, declaresDialect: true, schema: { format: "email" } };
  registry.add(doc);
  return new Oracle(registry, dialectFormatPolicy(dialect)).check(doc.uri, dialect);
}

describe("format policy per dialect", () => {
  it("asserts in draft-04/06/07 and annotates in 2019-09/2020-12 by default", () => {
    const dialects: Dialect[] = ["draft-04", "draft-06", "draft-07", "2019-09", "2020-12"];
    expect(dialects.map(dialectFormatPolicy)).to.deep.equal(["assert", "assert", "assert", "annotate", "annotate"]);
    expect(dialects.map((d) => emailCheck(d)("not an email"))).to.deep.equal([false, false, false, true, true]);
  });

  it("an explicit --formats wins over the dialect's own", () => {
    expect([resolveFormatPolicy("assert", "2020-12"), resolveFormatPolicy("annotate", "draft-07")]).to.deep.equal(["assert", "annotate"]);
    expect([parseFormats("dialect", "2020-12"), parseFormats("dialect", "draft-04"), parseFormats("assert", "2020-12")]).to.deep.equal(["annotate", "assert", "assert"]);
  });

  it("without a dialect (commands over schemas of mixed dialects) \"dialect\" keeps the assertion", () => {
    expect(parseFormats("dialect")).to.equal("assert");
  });
});
