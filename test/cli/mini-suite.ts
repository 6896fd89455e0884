import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Two groups of two tests each, laid out as a JSON-Schema-Test-Suite checkout (tests/draft7/, remotes/). */
export const MINI_SUITE_FILE = [
  {
    description: "integers",
    schema: { $schema: "http://json-schema.org/draft-07/schema#", type: "integer" },
    tests: [{ description: "one", data: 1, valid: true }, { description: "a string", data: "a", valid: false }],
  },
  {
    description: "short strings",
    schema: { $schema: "http://json-schema.org/draft-07/schema#", maxLength: 2 },
    tests: [{ description: "ab", data: "ab", valid: true }, { description: "abc", data: "abc", valid: false }],
  },
];

const DRAFT7 = "http://json-schema.org/draft-07/schema#";

/** Module adapters named `name`, each answering the mini suite its own way (ESM source). */
export const MINI_ADAPTERS = {
  /** Says every instance is valid: fails "integers / a string" and "short strings / abc". */
  lenient: (name: string) => adapterSource(name, [DRAFT7], "{ ok: true, handle: () => true }"),
  /** Right on both groups. */
  correct: (name: string) => adapterSource(name, [DRAFT7], "{ ok: true, handle: target.schema.type === 'integer' ? Number.isInteger : (x) => typeof x !== 'string' || x.length <= target.schema.maxLength }"),
  /** Claims draft-07 and compiles nothing. */
  compilesNothing: (name: string) => adapterSource(name, [DRAFT7], "{ ok: false, skipped: true, message: 'cannot compile' }"),
  /** Claims no dialect and skips everything. */
  claimsNothing: (name: string) => adapterSource(name, [], "{ ok: false, skipped: true, message: 'dialect not supported' }"),
};

function adapterSource(name: string, dialects: string[], prepared: string): string {
  return `export default {
  name: ${JSON.stringify(name)},
  dialects: ${JSON.stringify(dialects)},
  async prepare(target) { return ${prepared}; },
  async validate(prepared, instances) { return instances.map((i) => ({ valid: Boolean(prepared.handle(i)) })); },
  async close() {},
};
`;
}

export interface MiniSuite {
  dir: string;
  suite: string;
  /** Writes a module adapter and returns its spec. */
  adapter(file: string, source: string): string;
  /** Writes a known-failures list folder holding `<adapter>.json` and returns the folder. */
  knownFailures(adapter: string, failures: object[]): string;
  remove(): void;
}

export function makeMiniSuite(): MiniSuite {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conform-mini-suite-"));
  const suite = path.join(dir, "suite");
  fs.mkdirSync(path.join(suite, "tests", "draft7"), { recursive: true });
  fs.mkdirSync(path.join(suite, "remotes"));
  fs.writeFileSync(path.join(suite, "tests", "draft7", "mini.json"), JSON.stringify(MINI_SUITE_FILE, null, 2));
  return {
    dir,
    suite,
    adapter(file, source) {
      const at = path.join(dir, file);
      fs.writeFileSync(at, source);
      return `module:${at}`;
    },
    knownFailures(adapter, failures) {
      const folder = fs.mkdtempSync(path.join(dir, "known-"));
      fs.writeFileSync(path.join(folder, `${adapter}.json`), JSON.stringify({ failures }));
      return folder;
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
