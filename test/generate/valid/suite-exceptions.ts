/**
 * The named exceptions to "every payload valid under ajv" and "every satisfiable group
 * produces payloads". Each names a suite group; the soundness test fails when an entry goes
 * stale (the exception is no longer needed) or its evidence no longer holds.
 */
export interface SuiteException {
  /** "draft2020-12/unevaluatedItems.json#8". */
  group: string;
  /**
   * - ajv-rejects-valid: ajv rejects instances the suite says are valid; our payloads are
   *   valid by the specification and ajv rejects some of them (evidence: ajv fails one of the group's own tests).
   * - ajv-cannot-compile: ajv throws compiling the group's schema, so no payload can be judged.
   * - nothing-valid-to-ajv: ajv rejects every value the schema admits, so the last-resort
   *   check of a dynamic-scope target leaves nothing (a completeness exception).
   */
  kind: "ajv-rejects-valid" | "ajv-cannot-compile" | "nothing-valid-to-ajv";
  reason: string;
}

const CANNOT_COMPILE_RECURSION = "ajv overflows its stack resolving relative $ids under nested $defs";
const DYNAMIC_REF_NON_FRAGMENT = 'ajv only supports "$dynamicRef" with a bare fragment ("#name")';
const IF_ANNOTATIONS = "ajv ignores annotations of an `if` that passed when there is no then/else";
const NESTED_ITEMS = "ajv does not let `items` inside an anyOf branch evaluate items for unevaluatedItems";
const IF_THEN_MISSING = "ajv drops the annotations of `if` when `then` is absent";
const DYNAMIC_SCOPE = "ajv resolves this $dynamicRef to the wrong dynamic anchor and rejects every valid instance";

export const SUITE_EXCEPTIONS: readonly SuiteException[] = [
  { group: "draft2019-09/ref.json#15", kind: "ajv-cannot-compile", reason: CANNOT_COMPILE_RECURSION },
  { group: "draft2019-09/ref.json#16", kind: "ajv-cannot-compile", reason: CANNOT_COMPILE_RECURSION },
  { group: "draft2019-09/ref.json#28", kind: "ajv-cannot-compile", reason: CANNOT_COMPILE_RECURSION },
  { group: "draft2020-12/ref.json#15", kind: "ajv-cannot-compile", reason: CANNOT_COMPILE_RECURSION },
  { group: "draft2020-12/ref.json#16", kind: "ajv-cannot-compile", reason: CANNOT_COMPILE_RECURSION },
  { group: "draft2020-12/ref.json#28", kind: "ajv-cannot-compile", reason: CANNOT_COMPILE_RECURSION },
  { group: "draft2020-12/dynamicRef.json#9", kind: "ajv-cannot-compile", reason: DYNAMIC_REF_NON_FRAGMENT },
  { group: "draft2020-12/dynamicRef.json#10", kind: "ajv-cannot-compile", reason: DYNAMIC_REF_NON_FRAGMENT },
  { group: "draft2020-12/dynamicRef.json#12", kind: "ajv-cannot-compile", reason: DYNAMIC_REF_NON_FRAGMENT },
  { group: "draft2019-09/unevaluatedItems.json#9", kind: "ajv-rejects-valid", reason: NESTED_ITEMS },
  { group: "draft2020-12/unevaluatedItems.json#8", kind: "ajv-rejects-valid", reason: NESTED_ITEMS },
  { group: "draft2019-09/unevaluatedItems.json#24", kind: "ajv-rejects-valid", reason: IF_ANNOTATIONS },
  { group: "draft2020-12/unevaluatedItems.json#27", kind: "ajv-rejects-valid", reason: IF_ANNOTATIONS },
  { group: "draft2019-09/unevaluatedProperties.json#39", kind: "ajv-rejects-valid", reason: IF_ANNOTATIONS },
  { group: "draft2020-12/unevaluatedProperties.json#39", kind: "ajv-rejects-valid", reason: IF_ANNOTATIONS },
  { group: "draft2019-09/unevaluatedProperties.json#15", kind: "ajv-rejects-valid", reason: IF_THEN_MISSING },
  { group: "draft2020-12/unevaluatedProperties.json#15", kind: "ajv-rejects-valid", reason: IF_THEN_MISSING },
  { group: "draft2020-12/dynamicRef.json#17", kind: "nothing-valid-to-ajv", reason: DYNAMIC_SCOPE },
  { group: "draft2020-12/dynamicRef.json#20", kind: "nothing-valid-to-ajv", reason: DYNAMIC_SCOPE },
  { group: "draft2020-12/unevaluatedItems.json#18", kind: "nothing-valid-to-ajv", reason: DYNAMIC_SCOPE },
  { group: "draft2020-12/unevaluatedProperties.json#21", kind: "nothing-valid-to-ajv", reason: DYNAMIC_SCOPE },
];
