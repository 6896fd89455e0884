import { checkIsSchema } from "../oracle/meta-check.js";
import { checkReferences } from "../schema/check-refs.js";
import { checkReferenceCycles } from "../schema/check-cycles.js";
import { checkPatterns } from "../schema/check-patterns.js";
import { dialectFromName, type Dialect } from "../schema/dialect.js";
import { InputError, UsageError, type InputWarning } from "../schema/errors.js";
import { loadInputs, type Loaded, type RemoteMapping } from "../schema/load.js";
import type { SchemaDocument } from "../schema/registry.js";

/** The dialect a name means; an unknown name is bad usage. */
export function dialectNamed(name: string): Dialect {
  const d = dialectFromName(name);
  if (!d) throw new UsageError(`unknown dialect "${name}" (known: draft-04, draft-06, draft-07, 2019-09, 2020-12)`);
  return d;
}

export interface CheckedInputOptions {
  defaultDialect: Dialect;
  remotes: RemoteMapping[];
  /** Hears the warnings (a BOM, duplicate keys, ajv's leniencies) before the run, even when loading then fails. */
  onWarnings?: (warnings: InputWarning[]) => void;
}

/**
 * Loads the user's schemas and remotes and checks each document: against its meta-schema
 * (following ajv's leniency, with a warning), then its regexes and reference cycles. A bad
 * file or a bad place is collected in `errors`, and the others still run. The warnings are
 * handed to `onWarnings` once, before the check below. When no document is free of bad
 * input, the first error is thrown: there is nothing to fuzz.
 */
export function loadCheckedInputs(inputs: string[], options: CheckedInputOptions): Loaded {
  const loaded = loadInputs(inputs, { defaultDialect: options.defaultDialect, remotes: options.remotes, keepGoing: true });
  loaded.documents = loaded.documents.filter((doc) => keepIfSchema(doc, loaded));
  const seen = new Map();
  for (const doc of loaded.documents) loaded.errors.push(...checkPatterns(doc), ...checkReferenceCycles(doc, loaded.registry, seen));
  options.onWarnings?.(loaded.warnings);
  assertSomeResolvable(loaded);
  return loaded;
}

function keepIfSchema(doc: SchemaDocument, loaded: Loaded): boolean {
  try {
    checkIsSchema(doc, loaded.warnings);
    return true;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    loaded.errors.push(e);
    return false;
  }
}

/**
 * A single file that is bad input (unreadable, not a schema, a bad regex, a reference cycle,
 * an unresolvable reference) leaves nothing to fuzz: its first error is the one line the user
 * sees, at once. With more files the campaign runs, and the bad ones are recorded as targets
 * in error, one line each (nothing found elsewhere is lost, and every bad file is named).
 */
function assertSomeResolvable(loaded: Loaded): void {
  const bad = new Set(loaded.errors.map((e) => e.file));
  const problems: InputError[] = [...loaded.errors];
  let clean = 0;
  for (const doc of loaded.documents) {
    try {
      checkReferences(doc, loaded.registry);
      if (!bad.has(doc.file)) clean++;
    } catch (e) {
      problems.push(e as InputError);
    }
  }
  const files = new Set([...loaded.documents, ...loaded.errors, ...loaded.skipped].map((x) => x.file));
  if (clean === 0 && problems.length > 0 && files.size <= 1) throw problems[0];
}
