import { forgetUserFormats, forgetUserKeywords, loadFormatModule, loadKeywordModule, ModuleProblem } from "../keywords/index.js";
import { UsageError } from "../schema/errors.js";

/** Users' keyword and format modules, as the library options and the CLI flags name them. */
export interface UserModules {
  /** `module:PATH` of keyword modules (`--keyword`). */
  keywords?: string[];
  /** `NAME=module:PATH` of format modules (`--format`). */
  formatModules?: string[];
}

/**
 * Registers exactly these modules for the run (those of an earlier run in this process are
 * forgotten first), before any oracle is built. A module that cannot be used is a UsageError
 * naming it: one line and exit 2 in the CLI.
 */
export async function useUserModules(modules: UserModules, cwd = process.cwd()): Promise<void> {
  forgetUserKeywords();
  forgetUserFormats();
  try {
    for (const spec of modules.keywords ?? []) await loadKeywordModule(spec, cwd);
    for (const spec of modules.formatModules ?? []) await loadFormatModule(spec, cwd);
  } catch (e) {
    if (e instanceof ModuleProblem) throw new UsageError(e.message);
    throw e;
  }
}
