import type { Arbitrary } from "fast-check";
import { invalidArbitrary as invalidOf, InvalidStats } from "../generate/invalid/index.js";
import { GenContext } from "../generate/valid/context.js";
import { asReported, validArbitrary as validOf } from "../generate/valid/index.js";
import type { FormatPolicy } from "../oracle/format-policy.js";
import { payloadShape, type PayloadSize } from "../generate/valid/options.js";
import type { ProbeMode } from "../model/probe.js";
import { Oracle } from "../oracle/oracle.js";
import { dialectFromUri, type Dialect } from "../schema/dialect.js";
import { InputError, UsageError } from "../schema/errors.js";
import { isObject, type Json, type JsonSchema } from "../schema/json.js";
import { loadInputs, type RemoteMapping } from "../schema/load.js";
import type { SchemaDocument } from "../schema/registry.js";
import type { Target } from "../schema/target.js";
import { listTargets } from "../schema/targets.js";
import { pointerToFragment } from "../schema/pointer.js";
import { loadCheckedInputs } from "./inputs.js";

/** Where the arbitraries' schema comes from and how it is read. */
export interface ArbitraryOptions {
  /** A definition of the document (`/definitions/User`) instead of its root. */
  pointer?: string;
  /** Dialect of a schema without `$schema`; default 2020-12. */
  defaultDialect?: Dialect;
  /** Default "assert". */
  formats?: FormatPolicy;
  remotes?: RemoteMapping[];
  /** Payload size (fast-check's scale); default "medium". */
  size?: PayloadSize;
  /** The bias knob, 0..1: share of optional properties present and how far array lengths lean to their longest. */
  fill?: number;
  /** Typed-consumer probes in valid values (`--probes`): "none", "typed" (default) or "all" (spellings are lost in a parsed value: `1.0` is 1). */
  probes?: ProbeMode;
}

/** An invalid value and what it breaks, by construction (the oracle confirms it invalid). */
export interface InvalidValue {
  instance: Json;
  keyword: string;
  schemaPath: string;
  instancePath: string;
}

/**
 * fast-check arbitraries of valid values of a schema (a file path, or a schema object), for
 * users' own property tests: the same generators `conform fuzz` uses, seeds and paths
 * replaying as in fast-check. Every value is valid under the oracle (ajv).
 */
export function validArbitrary(schema: string | JsonSchema, options: ArbitraryOptions = {}): Arbitrary<Json> {
  const { target, ctx } = targetOf(schema, options);
  try {
    return validOf(target, ctx);
  } catch (e) {
    throw asReported(e);
  }
}

/** Arbitraries of invalid values, each breaking one named keyword (undefined: nothing in the schema can be broken). */
export function invalidArbitrary(schema: string | JsonSchema, options: ArbitraryOptions = {}): Arbitrary<InvalidValue> | undefined {
  const { target, ctx } = targetOf(schema, options);
  const arbitrary = invalidOf(target, ctx, new InvalidStats());
  return arbitrary?.map((p) => ({ instance: p.instance, keyword: p.label.keyword, schemaPath: p.label.schemaPath, instancePath: p.label.instancePath }));
}

let inline = 0;

function targetOf(schema: string | JsonSchema, options: ArbitraryOptions): { target: Target; ctx: GenContext } {
  const defaultDialect = options.defaultDialect ?? "2020-12";
  const loaded = typeof schema === "string"
    ? loadCheckedInputs([schema], { defaultDialect, remotes: options.remotes ?? [] })
    : withInlineDocument(schema, defaultDialect, options.remotes ?? []);
  const root = listTargets(loaded.documents.slice(0, 1), loaded.registry, { definitions: false })[0];
  if (!root) throw new UsageError(`${typeof schema === "string" ? schema : "the schema"}: no schema to draw from`);
  const target = options.pointer ? atPointer(root, options.pointer) : root;
  return { target, ctx: new GenContext(loaded.registry, new Oracle(loaded.registry, options.formats ?? "assert"), { ...payloadShape(options.size, options.fill), ...(options.probes ? { probes: options.probes } : {}) }) };
}

function withInlineDocument(schema: JsonSchema, defaultDialect: Dialect, remotes: RemoteMapping[]) {
  const loaded = loadInputs([], { defaultDialect, remotes });
  const declared = isObject(schema) && typeof schema.$schema === "string" ? dialectFromUri(schema.$schema) : undefined;
  const dialect = declared ?? defaultDialect;
  const id = isObject(schema) ? schema[dialect === "draft-04" ? "id" : "$id"] : undefined;
  const uri = typeof id === "string" && /^[a-z][a-z0-9+.-]*:/i.test(id) ? id.replace(/#$/, "") : `https://schema-conform.invalid/arbitrary/${++inline}/schema.json`;
  const doc: SchemaDocument = { uri, file: "(schema object)", dialect, declaresDialect: declared !== undefined, schema };
  loaded.registry.add(doc);
  loaded.documents = [doc];
  return loaded;
}

function atPointer(root: Target, pointer: string): Target {
  const doc = root.registry.document(root.documentUri)!;
  const located = root.registry.locate(doc, pointer);
  if (!located) throw new InputError(root.file, pointer, "no schema at this pointer");
  return { ...root, id: `${root.file}#${pointer}`, pointer, uri: `${doc.uri}#${pointerToFragment(pointer)}`, dialect: located.dialect, schema: located.schema };
}
