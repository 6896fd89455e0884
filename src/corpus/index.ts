export type { CorpusCase, CorpusTest, Found, LoadedCase, ReplayCase, ReplayOrigin, SchemaRef, SchemaSource } from "./case.js";
export { caseFromFinding } from "./from-finding.js";
export { corpusReplayCases, groupReplayCases, loadCorpus, loadCorpusReplayCases, loadSuiteFile, resolveStoredRef } from "./load.js";
export { caseFileName, caseHash, saveCase } from "./save.js";
