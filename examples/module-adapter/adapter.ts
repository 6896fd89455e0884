/**
 * Plugs parseUser into schema-conform: `--adapter module:examples/module-adapter/adapter.ts`.
 * Outside this repository, import the types from "schema-conform" instead of ../../src.
 */
import type { Adapter, Prepared, Verdict } from "../../src/adapters/adapter.js";
import type { Target } from "../../src/schema/target.js";
import { parseUser, UserParseError } from "./user-parser.js";

const USER_SCHEMA_ID = "https://example.com/schemas/user.json";

const adapter: Adapter = {
  name: "user-parser",
  version: "1.0.0",
  dialects: ["https://json-schema.org/draft/2020-12/schema"],

  async prepare(target: Target): Promise<Prepared> {
    // The parser implements one schema only; every other target is not its business.
    if (target.uri !== USER_SCHEMA_ID) return { ok: false, skipped: true, message: `user-parser only implements ${USER_SCHEMA_ID}` };
    return { ok: true, handle: null };
  },

  async validate(_p, instances: unknown[]): Promise<Verdict[]> {
    return instances.map((instance) => {
      try {
        parseUser(instance);
        return { valid: true };
      } catch (e) {
        // A parse error is the parser saying "invalid"; anything else is a bug in it.
        if (e instanceof UserParseError) return { valid: false };
        return { errored: true, message: String(e) };
      }
    });
  },

  async close() {},
};

export default adapter;
