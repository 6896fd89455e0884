import type { ValidateFunction } from "ajv";
import type { Ajv as AjvCore } from "ajv";
import type { Dialect } from "../schema/dialect.js";
import { InputError } from "../schema/errors.js";
import type { SchemaDocument, SchemaRegistry } from "../schema/registry.js";
import { createAjv } from "./ajv-factory.js";
import { specReading } from "./ref-siblings.js";
import type { FormatPolicy } from "./format-policy.js";

/** ajv cannot compile a schema that is nonetheless valid (a limit of ajv): the target is skipped, the run goes on. */
export class OracleUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OracleUnavailable";
  }
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** A compiled check: is this instance valid? */
export type Check = (instance: unknown) => boolean;

/**
 * The reference validator: ajv (+ ajv-formats) with the class each dialect needs.
 * One ajv per dialect holds every document of the run, so a definition compiled for one
 * target is reused by every target that refers to it; checks are cached by URI.
 */
export class Oracle {
  private readonly instances = new Map<Dialect, AjvCore>();
  private readonly checks = new Map<string, Check>();
  /** Checks whose ajv code ran out of stack: they answer "invalid" at once from then on. */
  private readonly outOfStack = new Set<string>();
  /** Instances on which ajv threw instead of answering (an ajv bug, reported by the run). */
  readonly crashes: Array<{ uri: string; message: string }> = [];

  constructor(
    readonly registry: SchemaRegistry,
    readonly formats: FormatPolicy = "assert",
  ) {}

  /** The check for the schema at an absolute URI (a document, or a document + "#" + pointer / anchor). */
  check(uri: string, dialect: Dialect): Check {
    const key = dialect + " " + uri;
    let check = this.checks.get(key);
    if (!check) {
      check = this.compile(uri, dialect);
      this.checks.set(key, check);
    }
    return check;
  }

  /** True once the check of this URI ran out of stack: its answers are no verdicts. */
  ranOutOfStack(uri: string): boolean {
    return this.outOfStack.has(uri);
  }

  private readonly explainers = new Map<Dialect, AjvCore>();

  /**
   * True when ajv, reporting all errors, names `keyword` failing at `instancePath`: the
   * re-check that a reduced invalid payload still breaks what its label says.
   */
  explains(uri: string, dialect: Dialect, instance: unknown, keyword: string, instancePath: string): boolean {
    return this.allErrorsOf(uri, dialect, instance).some((e) => e.keyword === keyword && e.instancePath === instancePath);
  }

  /**
   * Every ajv error of an instance (none when it is valid or ajv throws). Refs are inlined in
   * this ajv, so a schemaPath inside a referenced definition names it from the document root
   * (`#/definitions/AuthMode/oneOf`), not from the definition (`#/oneOf`).
   */
  allErrorsOf(uri: string, dialect: Dialect, instance: unknown): NonNullable<ValidateFunction["errors"]> {
    let ajv = this.explainers.get(dialect);
    if (!ajv) {
      ajv = createAjv(dialect, this.formats, { allErrors: true, inlineRefs: true });
      this.addDocuments(ajv, dialect);
      this.explainers.set(dialect, ajv);
    }
    try {
      const validate = ajv.getSchema(uri);
      if (!validate || validate(instance)) return [];
      return validate.errors ?? [];
    } catch {
      return [];
    }
  }

  /** The ajv errors of the last failed check of `uri`, for messages. */
  errorsOf(uri: string, dialect: Dialect, instance: unknown): ValidateFunction["errors"] {
    const validate = this.ajvFor(dialect).getSchema(uri);
    if (!validate) return null;
    validate(instance);
    return validate.errors;
  }

  private compile(uri: string, dialect: Dialect): Check {
    const ajv = this.ajvFor(dialect);
    let validate: ValidateFunction | undefined;
    try {
      validate = ajv.getSchema(uri);
    } catch (e) {
      throw this.compileError(uri, e as Error);
    }
    if (!validate) throw this.compileError(uri, new Error("schema not found"));
    const fn = validate;
    return (instance) => {
      if (this.outOfStack.has(uri)) return false;
      try {
        return fn(instance) as boolean;
      } catch (e) {
        // Out of stack is no verdict (ajv recurses without end on some $dynamicRef subschemas, and
        // deep instances overflow): remembered, so each later call answers at once instead of
        // recursing to the limit again, and `ranOutOfStack` lets the run refuse to judge the target.
        if (isStackOverflow(e)) this.outOfStack.add(uri);
        this.crashes.push({ uri, message: (e as Error).message });
        return false;
      }
    };
  }

  /** A missing $ref is bad input; anything else ajv cannot compile is a limit of the oracle, not of the schema. */
  private compileError(uri: string, e: Error): InputError | OracleUnavailable {
    const doc = this.registry.document(uri);
    const pointer = decodeURIComponent(uri.includes("#") ? uri.slice(uri.indexOf("#") + 1) : "");
    const missing = (e as Error & { missingRef?: string }).missingRef;
    const file = doc?.file ?? uri;
    const elsewhere = missing ? this.registry.document(missing.replace(/#.*$/, "")) : undefined;
    // A document the registry holds in another dialect family (the suite's optional/cross-draft.json):
    // one ajv holds one dialect, so the oracle cannot judge the target; the input is not bad.
    if (missing && elsewhere) return new OracleUnavailable(`${file}${pointer.startsWith("/") ? "#" + pointer : ""}: the oracle (ajv) cannot follow $ref "${missing}" into a ${elsewhere.dialect} document from a ${doc?.dialect ?? "different"} one`);
    if (missing) return new InputError(file, pointer.startsWith("/") ? pointer : "", `cannot resolve $ref "${missing}"`);
    return new OracleUnavailable(`${file}${pointer.startsWith("/") ? "#" + pointer : ""}: the oracle (ajv) cannot compile this schema: ${e.message}`);
  }

  private ajvFor(dialect: Dialect): AjvCore {
    let ajv = this.instances.get(dialect);
    if (!ajv) {
      ajv = createAjv(dialect, this.formats);
      this.addDocuments(ajv, dialect);
      this.instances.set(dialect, ajv);
    }
    return ajv;
  }

  /** Every document of this dialect, and every document that does not name one, is known to this ajv. */
  private addDocuments(ajv: AjvCore, dialect: Dialect): void {
    const seen = new Set<SchemaDocument>();
    for (const [uri, doc] of this.registry.documents) {
      if (doc.declaresDialect && !sameFamily(doc.dialect, dialect)) continue;
      if (seen.has(doc) && uri !== doc.uri) {
        addAlias(ajv, doc, uri);
        continue;
      }
      seen.add(doc);
      try {
        ajv.addSchema(specReading(doc.schema, doc.dialect) as object, doc.uri);
      } catch {
        // An `$id` already registered by another document: the first one loaded wins.
      }
    }
  }
}

/** A document known by a second URI (its file URI beside its `$id`, a remote's retrieval URI). */
function addAlias(ajv: AjvCore, doc: SchemaDocument, uri: string): void {
  try {
    ajv.addSchema({ $ref: doc.uri } as object, uri);
  } catch {
    // Already known under that URI.
  }
}

function sameFamily(a: Dialect, b: Dialect): boolean {
  const family = (d: Dialect) => (d === "draft-06" || d === "draft-07" ? "draft-06/07" : d);
  return family(a) === family(b);
}
