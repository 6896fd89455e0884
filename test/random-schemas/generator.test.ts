import { expect } from "chai";
import fc from "fast-check";
import { randomDocumentArbitrary } from "../../src/generate/schema/random-schema.js";
import { keywordsWithRandom, isKeywordOf } from "../../src/keywords/registry.js";
import { assertIsSchema } from "../../src/oracle/meta-check.js";
import { Oracle } from "../../src/oracle/oracle.js";
import { validArbitrary } from "../../src/run/arbitraries.js";
import { drawRandomSchemas, randomDocument, registryOf, unusableReason } from "../../src/run/random/documents.js";
import { DIALECTS, type Dialect } from "../../src/schema/dialect.js";
import type { JsonSchema } from "../../src/schema/json.js";
import { keywordSignature } from "../../src/compare/bug-groups.js";
import { forEachSeed } from "../helpers/seeds.js";

const PER_SEED = 40;

describe("random schemas: generation", () => {
  for (const dialect of DIALECTS) {
    it(`every ${dialect} document is a valid schema of its dialect (meta-schema, strict)`, () => {
      forEachSeed([1, 2, 3], (seed) => {
        for (const [i, schema] of drawRandomSchemas(dialect, PER_SEED, seed).entries()) {
          expect(() => assertIsSchema(randomDocument(schema as JsonSchema, dialect, String(i))), JSON.stringify(schema)).not.to.throw();
        }
      });
    });
  }

  it("uses only keywords of its dialect, and every keyword with a random fact shows up over a few hundred schemas", () => {
    for (const dialect of DIALECTS) {
      const seen = new Set<string>();
      for (const schema of drawRandomSchemas(dialect, 300, 7)) for (const k of keywordSignature(schema as JsonSchema, dialect)) seen.add(k);
      for (const k of seen) expect(isKeywordOf(k, dialect), `${k} in ${dialect}`).to.equal(true);
      const expected = keywordsWithRandom().filter((k) => isKeywordOf(k.name, dialect)).map((k) => k.name);
      expect(expected.filter((k) => !seen.has(k)), dialect).to.deep.equal([]);
    }
  });

  it("draws the same schemas for the same seed", () => {
    expect(fc.sample(randomDocumentArbitrary("2020-12"), { seed: 5, numRuns: 5 })).to.deep.equal(fc.sample(randomDocumentArbitrary("2020-12"), { seed: 5, numRuns: 5 }));
  });

  it("writes `__proto__` and `constructor` as own property names somewhere in a few hundred schemas", () => {
    const text = drawRandomSchemas("2020-12", 300, 11).map((s) => JSON.stringify(s)).join("\n");
    expect(text).to.contain('"__proto__":');
    expect(text).to.contain('"constructor"');
  });
});

describe("random schemas: satisfiable by construction or labelled", () => {
  const dialects: Dialect[] = ["draft-07", "2020-12"];
  for (const dialect of dialects) {
    it(`${dialect}: every valid instance drawn is valid under the oracle; a schema with none is labelled unsatisfiable`, function () {
      this.timeout(600_000);
      forEachSeed([1, 2], (seed) => {
        const docs = drawRandomSchemas(dialect, 15, seed).map((s, i) => randomDocument(s as JsonSchema, dialect, String(i)));
        const registry = registryOf(docs);
        const oracle = new Oracle(registry, "assert");
        let drawn = 0;
        for (const doc of docs) {
          if (unusableReason(doc, registry, "assert", oracle) !== undefined) continue;
          let arbitrary;
          try {
            arbitrary = validArbitrary(doc.schema, { defaultDialect: dialect });
            for (const value of fc.sample(arbitrary, { seed, numRuns: 5 })) {
              expect(oracle.check(doc.uri, dialect)(value), `${JSON.stringify(value)} on ${JSON.stringify(doc.schema)}`).to.equal(true);
              drawn++;
            }
          } catch (e) {
            // Labelled: Unsatisfiable (proven or "generation gave up"), never a value claimed valid.
            expect((e as Error).name, (e as Error).message).to.match(/Unsatisfiable|NothingFound|Generation|OutOfTime/);
          }
        }
        expect(drawn).to.be.greaterThan(0);
      });
    });
  }
});
