import type { ValidateFunction } from "ajv";
import type { Ajv as AjvCore } from "ajv";
import type { Dialect } from "../schema/dialect.js";
import { InputError } from "../schema/errors.js";
import type { SchemaDocument, SchemaRegistry } from "../schema/registry.js";
import { createAjv } from "./ajv-factory.js";
import { specReading } from "./ref-siblings.js";
import type { FormatPolicy } from "./format-policy.js";
import { DEFAULT_CALL_LIMIT_MS, isStackOverflow, type CallLimit, type GiveUpReason, type OracleGiveUp, type OracleVerdict } from "./give-up.js";
import { guardedChecks, insideTimeLimit, OutOfTime, withinTimeLimit } from "./guard.js";

/** Generation's filters: the stage that encloses them (drawing) limits them; alone, each call has the default limit. */
const GENERATION: CallLimit = { stage: "generation" };

/** ajv cannot compile a schema that is nonetheless valid (a limit of ajv): the target is skipped, the run goes on. */
export class OracleUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OracleUnavailable";
  }
}

/** A compiled check: is this instance valid? */
export type Check = (instance: unknown) => boolean;

/** A compiled judge: the oracle's verdict on an instance, or why it gave none (recorded under `stage`). */
type Judge = (instance: unknown, stage: string) => OracleVerdict;

/**
 * The reference validator: ajv (+ ajv-formats) with the class each dialect needs.
 * One ajv per dialect holds every document of the run, so a definition compiled for one
 * target is reused by every target that refers to it; checks are cached by URI.
 *
 * The one door to ajv: every call runs under a time limit, the enclosing guard's (a stage of
 * the run, a batch) or, outside any, a watchdog of its own; when ajv gives no verdict (out of
 * time, out of stack, a crash) the reason is recorded in `giveUps`, never turned into a finding.
 */
export class Oracle {
  private readonly instances = new Map<Dialect, AjvCore>();
  /** Per ajv: how many of the registry's entries it has taken, and the documents among them (remote files are registered lazily, after an ajv exists). */
  private readonly taken = new Map<AjvCore, { entries: number; seen: Set<SchemaDocument> }>();
  private readonly judges = new Map<string, Judge>();
  private readonly checks = new Map<string, Check>();
  /** Checks whose ajv code ran out of stack: they answer "stack-overflow" at once from then on. */
  private readonly outOfStack = new Set<string>();
  /** Every time ajv gave no verdict, in order: the run reports them per target. */
  readonly giveUps: OracleGiveUp[] = [];

  constructor(
    readonly registry: SchemaRegistry,
    readonly formats: FormatPolicy = "assert",
  ) {}

  /**
   * The check for the schema at an absolute URI (a document, or a document + "#" + pointer /
   * anchor), for generation's filters: no verdict answers false (a value is never taken as
   * valid on no verdict), and running out of its own time limit throws OutOfTime.
   */
  check(uri: string, dialect: Dialect, limit: CallLimit = GENERATION): Check {
    const key = `${dialect} ${uri} ${limit.stage} ${limit.limitMs ?? ""}`;
    let check = this.checks.get(key);
    if (!check) {
      const judge = this.judgeOf(uri, dialect, limit);
      check = (instance) => this.limited(uri, limit, () => judge(instance, limit.stage)) === true;
      this.checks.set(key, check);
    }
    return check;
  }

  /**
   * The oracle's verdict on each instance, or the reason it gave none, compiled now; a call
   * stopped by its own limit throws OutOfTime (recorded), which the caller takes as no verdict.
   */
  judge(uri: string, dialect: Dialect, limit: CallLimit): (instance: unknown) => OracleVerdict {
    const judge = this.judgeOf(uri, dialect, limit);
    return (instance) => this.limited(uri, limit, () => judge(instance, limit.stage));
  }

  /**
   * The first pass: one guarded call for the whole batch (a watchdog per instance costs), each
   * instance re-run alone only when the batch runs out of time, to name the slow one.
   */
  verdicts(uri: string, dialect: Dialect, instances: unknown[], limit: Required<CallLimit>): OracleVerdict[] {
    const judge = this.judgeOf(uri, dialect, limit);
    const out = guardedChecks((instance) => judge(instance, limit.stage), instances, limit.limitMs);
    for (const v of out) if (v === "timeout") this.giveUp(uri, "timeout", limit.stage, `ajv took more than ${limit.limitMs} ms on an instance`);
    return out;
  }

  /** True once the check of this URI ran out of stack: its answers are no verdicts. */
  ranOutOfStack(uri: string): boolean {
    return this.outOfStack.has(uri);
  }

  private readonly explainers = new Map<Dialect, AjvCore>();

  /**
   * True when ajv, reporting all errors, names `keyword` failing at `instancePath`: the
   * re-check that a reduced invalid payload still breaks what its label says. No verdict
   * (out of time included) is not a confirmation: false.
   */
  explains(uri: string, dialect: Dialect, instance: unknown, keyword: string, instancePath: string, limit: CallLimit): boolean {
    return this.allErrorsOf(uri, dialect, instance, limit).some((e) => e.keyword === keyword && e.instancePath === instancePath);
  }

  /**
   * Every ajv error of an instance (none when it is valid, or when ajv gives no verdict: then
   * the give-up is recorded). Refs are inlined in this ajv, so a schemaPath inside a referenced
   * definition names it from the document root (`#/definitions/AuthMode/oneOf`), not from the
   * definition (`#/oneOf`).
   */
  allErrorsOf(uri: string, dialect: Dialect, instance: unknown, limit: CallLimit = { stage: "messages" }): NonNullable<ValidateFunction["errors"]> {
    let ajv = this.explainers.get(dialect);
    if (!ajv) {
      ajv = createAjv(dialect, this.formats, { allErrors: true, inlineRefs: true });
      this.addDocuments(ajv, dialect);
      this.explainers.set(dialect, ajv);
    }
    const explainer = ajv;
    try {
      return this.limited(uri, limit, () => {
        const validate = explainer.getSchema(uri);
        if (!validate || validate(instance)) return [];
        return validate.errors ?? [];
      });
    } catch (e) {
      if (!(e instanceof OutOfTime)) this.giveUp(uri, isStackOverflow(e) ? "stack-overflow" : "crash", limit.stage, (e as Error).message);
      return [];
    }
  }

  /** The ajv errors of a failed check of `uri`, for messages; null when there are none or ajv gave no verdict. */
  errorsOf(uri: string, dialect: Dialect, instance: unknown, limit: CallLimit = { stage: "messages" }): ValidateFunction["errors"] {
    try {
      return this.limited(uri, limit, () => {
        const validate = this.ajvFor(dialect).getSchema(uri);
        if (!validate) return null;
        validate(instance);
        return validate.errors;
      });
    } catch (e) {
      if (!(e instanceof OutOfTime)) this.giveUp(uri, isStackOverflow(e) ? "stack-overflow" : "crash", limit.stage, (e as Error).message);
      return null;
    }
  }

  /**
   * Runs an ajv call under the enclosing guard's limit, or its own when there is none; its own
   * limit running out is recorded and thrown as OutOfTime (the caller's "no verdict").
   */
  private limited<T>(uri: string, limit: CallLimit, task: () => T): T {
    if (insideTimeLimit()) return task();
    try {
      return withinTimeLimit(`the oracle (ajv) in ${limit.stage}`, limit.limitMs ?? DEFAULT_CALL_LIMIT_MS, task);
    } catch (e) {
      if (e instanceof OutOfTime) this.giveUp(uri, "timeout", limit.stage, e.message);
      throw e;
    }
  }

  /** Records a give-up; the same one again right after (a filter asking on and on) is recorded once. */
  private giveUp(uri: string, reason: GiveUpReason, stage: string, message: string): void {
    const last = this.giveUps.at(-1);
    if (last && last.uri === uri && last.reason === reason && last.stage === stage && last.message === message) return;
    this.giveUps.push({ uri, reason, stage, message });
  }

  /** The compiled judge of a URI, compiled once (under the call's limit: ajv compiles on first use). */
  private judgeOf(uri: string, dialect: Dialect, limit: CallLimit): Judge {
    const key = dialect + " " + uri;
    let judge = this.judges.get(key);
    if (!judge) {
      judge = this.limited(uri, { ...limit, stage: `compiling for ${limit.stage}` }, () => this.compile(uri, dialect));
      this.judges.set(key, judge);
    }
    return judge;
  }

  private compile(uri: string, dialect: Dialect): Judge {
    const ajv = this.ajvFor(dialect);
    let validate: ValidateFunction | undefined;
    try {
      validate = ajv.getSchema(uri);
    } catch (e) {
      throw this.compileError(uri, e as Error);
    }
    if (!validate) throw this.compileError(uri, new Error("schema not found"));
    const fn = validate;
    return (instance, stage) => {
      if (this.outOfStack.has(uri)) return "stack-overflow";
      try {
        return fn(instance) as boolean;
      } catch (e) {
        // Out of stack is no verdict (ajv recurses without end on some $dynamicRef subschemas, and
        // deep instances overflow): remembered, so each later call answers at once instead of
        // recursing to the limit again, and `ranOutOfStack` lets the run refuse to judge the target.
        const reason = isStackOverflow(e) ? "stack-overflow" : "crash";
        if (reason === "stack-overflow") this.outOfStack.add(uri);
        this.giveUp(uri, reason, stage, (e as Error).message);
        return reason;
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
    // The registry resolves it, ajv does not: a document of another dialect family (one ajv holds
    // one dialect: the suite's optional/cross-draft.json), or a pointer into a document ajv knows
    // under another URI only (a file whose $id another file keeps). The input is not bad; the
    // oracle cannot judge the target.
    if (missing && elsewhere) {
      const why = doc && elsewhere.dialect !== doc.dialect ? `into a ${elsewhere.dialect} document from a ${doc.dialect} one` : "(ajv knows that document under another URI only)";
      return new OracleUnavailable(`${file}${pointer.startsWith("/") ? "#" + pointer : ""}: the oracle (ajv) cannot follow $ref "${missing}" ${why}`);
    }
    if (missing) return new InputError(file, pointer.startsWith("/") ? pointer : "", `cannot resolve $ref "${missing}"`);
    return new OracleUnavailable(`${file}${pointer.startsWith("/") ? "#" + pointer : ""}: the oracle (ajv) cannot compile this schema: ${e.message}`);
  }

  private ajvFor(dialect: Dialect): AjvCore {
    let ajv = this.instances.get(dialect);
    if (!ajv) {
      ajv = createAjv(dialect, this.formats);
      this.instances.set(dialect, ajv);
    }
    if (this.taken.get(ajv)?.entries !== this.registry.documents.size) this.addDocuments(ajv, dialect);
    return ajv;
  }

  /** Every document of this dialect, and every document that does not name one, is known to this ajv (those registered since it last looked, in order). */
  private addDocuments(ajv: AjvCore, dialect: Dialect): void {
    const taken = this.taken.get(ajv) ?? { entries: 0, seen: new Set<SchemaDocument>() };
    this.taken.set(ajv, taken);
    const seen = taken.seen;
    let index = 0;
    for (const [uri, doc] of this.registry.documents) {
      if (index++ < taken.entries) continue;
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
    taken.entries = this.registry.documents.size;
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
