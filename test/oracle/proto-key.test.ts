import { expect } from "chai";
import { createAjv } from "../../src/oracle/ajv-factory.js";
import type { Dialect } from "../../src/schema/dialect.js";

const DIALECTS: Dialect[] = ["draft-04", "draft-06", "draft-07", "2019-09", "2020-12"];
/** JSON.parse, as the instances arrive: `{"__proto__": …}` becomes an own data property. */
const json = (text: string): unknown => JSON.parse(text);

describe("oracle: the `__proto__` key of properties", () => {
  for (const dialect of DIALECTS) {
    it(`${dialect}: applies properties.__proto__ to an own __proto__ key, and only to an own one`, () => {
      const check = createAjv(dialect, "assert").compile(json('{"properties":{"__proto__":{"type":"number"},"constructor":{"type":"number"}}}') as object);
      expect([check(json('{"__proto__":"foo"}')), check(json('{"__proto__":12}')), check({}), check(json('{"constructor":"x"}'))])
        .to.deep.equal([false, true, true, false]);
    });

    it(`${dialect}: additionalProperties does not count a __proto__ named in properties`, () => {
      const check = createAjv(dialect, "assert").compile(json('{"properties":{"__proto__":{"type":"number"}},"additionalProperties":false}') as object);
      expect([check(json('{"__proto__":1}')), check(json('{"__proto__":"x"}')), check(json('{"x":1}')), check({})]).to.deep.equal([true, false, false, true]);
    });
  }

  it("leaves the stock reading (the `ajv` adapter) as ajv ships it", () => {
    const check = createAjv("2020-12", "assert", {}, "stock").compile(json('{"properties":{"__proto__":{"type":"number"}}}') as object);
    expect(check(json('{"__proto__":"foo"}'))).to.equal(true);
  });
});
