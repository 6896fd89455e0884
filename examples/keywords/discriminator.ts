/**
 * OpenAPI's `discriminator` beside `oneOf`, as a keyword module:
 * `conform fuzz pets.json --keyword module:examples/keywords/discriminator.ts`.
 * The tag property picks the branch. ajv implements it (option `discriminator`), so the module
 * only asks the oracle for that option: the oracle then judges as an OpenAPI validator does
 * (and refuses, as "cannot compile", a schema whose tag is not required and pinned by every
 * branch), and valid payloads carry a branch's tag.
 *
 * It has no `breaks` hook on purpose: ajv demands the tag be required and each branch pin it,
 * so every payload that breaks discriminator (no tag, an unknown tag, a tag that is not a
 * string) breaks `required` or `oneOf` beside it too, and an invalid payload must break its
 * keyword alone. Those keywords' own mutators send such payloads; coverage lists
 * discriminator as never broken, with that reason.
 * Outside this repository, import the type from "schema-conform" instead of ../../src.
 */
import type { KeywordModule } from "../../src/keywords/index.js";

const discriminator: KeywordModule = {
  keyword: "discriminator",
  vocabulary: "openapi",
  instanceType: "object",
  ajvOptions: { discriminator: true },
};

export default discriminator;
