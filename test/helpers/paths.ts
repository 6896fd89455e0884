import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (tests run from dist/test/..., sources live beside). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const SHARED = path.resolve(REPO_ROOT, "../shared");
export const CODEX_BUNDLE = path.join(SHARED, "corpus/codex-app-server-protocol/codex_app_server_protocol.v2.schemas.json");
export const SUITE = path.join(SHARED, "json-schema-test-suite");
export const EXAMPLES = path.join(REPO_ROOT, "schema/examples");
export const BIN = path.join(REPO_ROOT, "bin/conform.js");
