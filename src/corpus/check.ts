import { dialectFromName, type Dialect } from "../schema/dialect.js";
import { InputError } from "../schema/errors.js";
import { isObject, type JsonObject, type JsonSchema } from "../schema/json.js";
import { getAtPointer, joinPointer } from "../schema/pointer.js";
import type { ProbeMark } from "../model/probe.js";
import { FINDING_KINDS, type FindingKind } from "../model/finding.js";
import type { CorpusCase, CorpusTest, Found, SchemaRef, SchemaSource } from "./case.js";

/**
 * Shape checks of corpus and suite files. Each throws an InputError naming the file
 * and the JSON pointer of the offending value, so a hand-edited corpus file that
 * breaks is found at once.
 */
export class ShapeChecker {
  constructor(readonly file: string) {}

  fail(pointer: string, reason: string): never {
    throw new InputError(this.file, pointer, reason);
  }

  object(value: unknown, pointer: string): JsonObject {
    return isObject(value) ? value : this.fail(pointer, "must be an object");
  }

  array(value: unknown, pointer: string): unknown[] {
    return Array.isArray(value) ? value : this.fail(pointer, "must be an array");
  }

  string(value: unknown, pointer: string): string {
    return typeof value === "string" ? value : this.fail(pointer, "must be a string");
  }

  boolean(value: unknown, pointer: string): boolean {
    return typeof value === "boolean" ? value : this.fail(pointer, "must be a boolean");
  }

  integer(value: unknown, pointer: string): number {
    return Number.isInteger(value) ? (value as number) : this.fail(pointer, "must be an integer");
  }

  nullableString(value: unknown, pointer: string): string | null {
    return value === null ? null : this.string(value, pointer);
  }

  /** An optional member: absent stays undefined. */
  optional<T>(owner: JsonObject, key: string, pointer: string, read: (value: unknown, pointer: string) => T): T | undefined {
    return Object.prototype.hasOwnProperty.call(owner, key) ? read(owner[key], joinPointer(pointer, key)) : undefined;
  }

  required(owner: JsonObject, key: string, pointer: string): unknown {
    return Object.prototype.hasOwnProperty.call(owner, key) ? owner[key] : this.fail(pointer, `missing "${key}"`);
  }

  schema(value: unknown, pointer: string): JsonSchema {
    return isObject(value) || typeof value === "boolean" ? value : this.fail(pointer, "must be a schema (an object or a boolean)");
  }

  /** A case's `schema` or `schemaRef`: exactly one of the two. */
  schemaSource(owner: JsonObject, pointer: string): SchemaSource {
    const hasSchema = Object.prototype.hasOwnProperty.call(owner, "schema");
    const hasRef = Object.prototype.hasOwnProperty.call(owner, "schemaRef");
    if (hasSchema && hasRef) this.fail(pointer, 'has both "schema" and "schemaRef"; keep one');
    if (hasRef) return { schemaRef: this.schemaRef(owner.schemaRef, joinPointer(pointer, "schemaRef")) };
    return { schema: this.schema(this.required(owner, "schema", pointer), joinPointer(pointer, "schema")) };
  }

  schemaRef(value: unknown, pointer: string): SchemaRef {
    const ref = this.object(value, pointer);
    return {
      file: this.string(this.required(ref, "file", pointer), joinPointer(pointer, "file")),
      pointer: this.string(this.required(ref, "pointer", pointer), joinPointer(pointer, "pointer")),
    };
  }

  test(value: unknown, pointer: string): CorpusTest {
    const test = this.object(value, pointer);
    const data = this.required(test, "data", pointer);
    const probes = this.optional(test, "probes", pointer, (v, at) => this.probes(v, at, data));
    return {
      description: this.string(this.required(test, "description", pointer), joinPointer(pointer, "description")),
      data,
      valid: this.boolean(this.required(test, "valid", pointer), joinPointer(pointer, "valid")),
      ...(probes ? { probes } : {}),
    };
  }

  /** A test's probe marks; a mark's text must parse to the number `data` holds at its pointer, so a replay sends what was found. */
  probes(value: unknown, pointer: string, data: unknown): ProbeMark[] {
    return this.array(value, pointer).map((item, index) => {
      const at = joinPointer(pointer, index);
      const mark = this.object(item, at);
      const instancePath = this.string(this.required(mark, "instancePath", at), joinPointer(at, "instancePath"));
      const text = this.optional(mark, "text", at, (v, p) => this.string(v, p));
      if (text !== undefined && parsedNumber(text) !== getAtPointer(data, instancePath)) {
        this.fail(joinPointer(at, "text"), `${JSON.stringify(text)} is not the number data holds at ${instancePath || "the root"}`);
      }
      return { probe: this.string(this.required(mark, "probe", at), joinPointer(at, "probe")), instancePath, ...(text !== undefined ? { text } : {}) };
    });
  }

  tests(value: unknown, pointer: string): CorpusTest[] {
    return this.array(value, pointer).map((test, index) => this.test(test, joinPointer(pointer, index)));
  }

  kind(value: unknown, pointer: string): FindingKind {
    const kind = this.string(value, pointer);
    return (FINDING_KINDS as readonly string[]).includes(kind)
      ? (kind as FindingKind)
      : this.fail(pointer, `unknown kind "${kind}", expected one of ${FINDING_KINDS.join(", ")}`);
  }

  dialect(value: unknown, pointer: string): Dialect {
    const name = this.string(value, pointer);
    return dialectFromName(name) ?? this.fail(pointer, `unknown dialect "${name}"`);
  }

  found(value: unknown, pointer: string): Found {
    const found = this.object(value, pointer);
    const at = (key: string): string => joinPointer(pointer, key);
    const result: Found = {
      adapter: this.string(this.required(found, "adapter", pointer), at("adapter")),
      kind: this.kind(this.required(found, "kind", pointer), at("kind")),
      keyword: this.nullableString(this.required(found, "keyword", pointer), at("keyword")),
      seed: this.integer(this.required(found, "seed", pointer), at("seed")),
    };
    for (const key of ["schemaPath", "instancePath", "path"] as const) {
      const optional = this.optional(found, key, pointer, (v, p) => this.nullableString(v, p));
      if (optional !== undefined) result[key] = optional;
    }
    return result;
  }

  /** A whole corpus file: one case object. */
  corpusCase(value: unknown): CorpusCase {
    const root = this.object(value, "");
    const dialect = this.optional(root, "dialect", "", (v, p) => this.dialect(v, p));
    return {
      description: this.string(this.required(root, "description", ""), "/description"),
      ...(dialect === undefined ? {} : { dialect }),
      ...this.schemaSource(root, ""),
      tests: this.tests(this.required(root, "tests", ""), "/tests"),
      found: this.found(this.required(root, "found", ""), "/found"),
    };
  }
}

/** The number a JSON text spells, or undefined when it is not one. */
function parsedNumber(text: string): number | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "number" ? v : undefined;
  } catch {
    return undefined;
  }
}
