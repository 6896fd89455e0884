export { classify, disagreementKind, faultKind, oracleDisagrees, verdictKind, type ClassifyInput } from "./classify.js";
export { observeVerdict, validity } from "./observation.js";
export { collectWitnesses, type WitnessSummary } from "./witnesses.js";
