import { refHidesSiblings } from "../keywords/dialects.js";
import { dialectFromUri, idKeyword, type Dialect } from "./dialect.js";
import { InputError } from "./errors.js";
import { isObject, type JsonSchema } from "./json.js";
import { metaSchemaFamilyOf } from "./meta-schemas.js";
import { fragmentToPointer, getAtPointer, joinPointer } from "./pointer.js";
import { directSubschemas } from "./subschemas.js";
import { fragmentOf, normaliseUri, resolveUri, stripFragment } from "./uri.js";

/** Documents registered only when first needed: by the URI they are served at, or all at once. Each returns true when it registered something. */
export interface LazyDocuments {
  readServedAt(normalisedUri: string): boolean;
  readAll(): boolean;
}

/** A whole JSON document loaded in this run. */
export interface SchemaDocument {
  /** The URI the document was retrieved as (its `$id` if it has one, else its file URI or remote URI). */
  uri: string;
  /** Path on disk. */
  file: string;
  dialect: Dialect;
  /** True when the document names its dialect with `$schema`. */
  declaresDialect: boolean;
  schema: JsonSchema;
}

/** A schema found somewhere in a document, with what is needed to resolve refs inside it. */
export interface Located {
  schema: JsonSchema;
  /** The base URI that relative refs inside `schema` resolve against. */
  base: string;
  document: SchemaDocument;
  /** Pointer of `schema` inside its document. */
  pointer: string;
  dialect: Dialect;
  /**
   * The dynamic scope: base URIs of the schema resources entered on the way here, outermost
   * first, each once. Set only when the registry holds `$dynamicRef`/`$recursiveRef`, because
   * only they read it (and a scope in every memo key would defeat sharing).
   */
  scope?: readonly string[];
}

/**
 * Every document of the run and every schema resource (`$id`) and anchor in them.
 * Lookups never touch the network: what is not registered does not exist.
 */
export class SchemaRegistry {
  readonly documents = new Map<string, SchemaDocument>();
  private readonly resources = new Map<string, { document: SchemaDocument; pointer: string; dialect: Dialect }>();
  private readonly anchors = new Map<string, { document: SchemaDocument; pointer: string; dialect: Dialect; dynamic: boolean }>();
  /** `$dynamicAnchor`s (and 2019-09 `$recursiveAnchor: true` as the empty name) only: plain `$anchor`s never take part in dynamic resolution. */
  private readonly dynamicAnchors = new Map<string, { document: SchemaDocument; pointer: string }>();
  private dynamicReferences = false;
  private readonly located = new Map<SchemaDocument, Map<string, Located | undefined>>();
  /** Documents read on first need (remote folders, load.ts): asked on a miss before anything is called absent. */
  private lazy?: LazyDocuments;

  /** Sets where documents not yet read come from (see LazyDocuments). */
  readLazilyFrom(source: LazyDocuments): void {
    this.lazy = source;
  }

  /** True once a document with `$dynamicRef` or `$recursiveRef` is registered: generation must then track dynamic scope. */
  get hasDynamicReferences(): boolean {
    return this.dynamicReferences;
  }

  /** Registers a document under `doc.uri` and under every `$id` and anchor inside it. */
  add(doc: SchemaDocument, alsoAs: string[] = []): void {
    for (const uri of [doc.uri, ...alsoAs]) {
      const key = normaliseUri(uri);
      if (!this.documents.has(key)) this.documents.set(key, doc);
      if (!this.resources.has(key)) this.resources.set(key, { document: doc, pointer: "", dialect: doc.dialect });
    }
    this.indexResources(doc, doc.schema, doc.uri, "", doc.dialect);
  }

  /** The document of a URI, if loaded. */
  document(uri: string): SchemaDocument | undefined {
    const key = normaliseUri(stripFragment(uri));
    return this.documents.get(key) ?? (this.lazy?.readServedAt(key) ? this.documents.get(key) : undefined);
  }

  /** The located schema a (possibly relative) ref names, seen from `from`. Throws InputError when absent. */
  resolve(from: Located, ref: string, refPointer: string): Located {
    const absolute = resolveUri(from.base, ref);
    const found = this.lookup(absolute);
    if (!found) {
      throw new InputError(from.document.file, refPointer, `cannot resolve $ref "${ref}" (${absolute}); remote schemas come only from --remotes URI=DIR`);
    }
    return found;
  }

  /** The schema at an absolute URI (resource, resource + pointer fragment, or resource + anchor). */
  lookup(absolute: string): Located | undefined {
    const fragment = fragmentOf(absolute);
    const resourceUri = normaliseUri(stripFragment(absolute));
    if (fragment !== "" && !fragment.startsWith("/")) {
      const key = resourceUri + "#" + decodeURIComponent(fragment);
      const a = this.anchors.get(key) ?? (this.readOnMiss(resourceUri) ? this.anchors.get(key) : undefined);
      return a && this.locate(a.document, a.pointer);
    }
    const resource = this.resources.get(resourceUri) ?? this.servedLazily(resourceUri) ?? this.metaSchemaResource(resourceUri) ?? (this.lazy?.readAll() ? this.resources.get(resourceUri) : undefined);
    if (!resource) return undefined;
    const pointer = resource.pointer + fragmentToPointer(fragment);
    return this.locate(resource.document, pointer);
  }

  /** The resource once the lazy document served at that URI is read, if one is. */
  private servedLazily(resourceUri: string): { document: SchemaDocument; pointer: string; dialect: Dialect } | undefined {
    return this.lazy?.readServedAt(resourceUri) ? this.resources.get(resourceUri) : undefined;
  }

  /** On a miss: the lazy document served at the URI, else (an `$id` that is not where its file is served) every lazy document. */
  private readOnMiss(resourceUri: string): boolean {
    if (!this.lazy) return false;
    return this.lazy.readServedAt(resourceUri) || this.lazy.readAll();
  }

  /**
   * A dialect's meta-schema, registered on first use from the copies ajv ships: documents the
   * run loaded come first (they may shadow one), and a run that never names one never holds it.
   */
  private metaSchemaResource(resourceUri: string): { document: SchemaDocument; pointer: string; dialect: Dialect } | undefined {
    const family = metaSchemaFamilyOf(resourceUri);
    if (!family) return undefined;
    for (const doc of family) if (!this.documents.has(doc.uri)) this.add(doc);
    return this.resources.get(resourceUri);
  }

  /** The `$dynamicAnchor` of that name in the resource, if any. */
  dynamicAnchor(resourceUri: string, name: string): Located | undefined {
    const a = this.dynamicAnchors.get(normaliseUri(resourceUri) + "#" + name);
    return a && this.locate(a.document, a.pointer);
  }

  /** A schema at `pointer` of `document`, with its base URI computed from the `$id`s on the way (remembered: generation asks again and again). */
  locate(document: SchemaDocument, pointer: string): Located | undefined {
    let byPointer = this.located.get(document);
    if (!byPointer) this.located.set(document, (byPointer = new Map()));
    if (byPointer.has(pointer)) return byPointer.get(pointer);
    const schema = getAtPointer(document.schema, pointer);
    let found: Located | undefined;
    if (typeof schema === "boolean" || isObject(schema)) {
      const { base, dialect } = this.baseAt(document, pointer);
      found = { schema: schema as JsonSchema, base, document, pointer, dialect };
    }
    byPointer.set(pointer, found);
    return found;
  }

  /** Whole-registry view for adapters: URI → schema of every document. */
  asRecord(): Record<string, JsonSchema> {
    const out: Record<string, JsonSchema> = {};
    for (const [uri, doc] of this.documents) out[uri] = doc.schema;
    return out;
  }

  private baseAt(document: SchemaDocument, pointer: string): { base: string; dialect: Dialect } {
    let base = document.uri;
    let dialect = document.dialect;
    let node: unknown = document.schema;
    const visit = (n: unknown): void => {
      if (!isObject(n)) return;
      dialect = nestedDialect(n, dialect);
      const id = effectiveId(n, dialect);
      if (id === undefined) return;
      const isLegacyAnchor = id.startsWith("#") && (dialect === "draft-04" || dialect === "draft-06" || dialect === "draft-07");
      if (!isLegacyAnchor) base = stripFragment(resolveUri(base, id));
    };
    visit(node);
    for (const token of pointer === "" ? [] : pointer.slice(1).split("/")) {
      node = getAtPointer(node, "/" + token);
      visit(node);
    }
    return { base, dialect };
  }

  private indexResources(doc: SchemaDocument, schema: JsonSchema, base: string, pointer: string, dialect: Dialect): void {
    if (!isObject(schema)) return;
    dialect = nestedDialect(schema, dialect);
    const id = effectiveId(schema, dialect);
    if (id !== undefined) {
      const resolved = resolveUri(base, id);
      if (id.startsWith("#") && (dialect === "draft-04" || dialect === "draft-06" || dialect === "draft-07")) {
        this.setAnchor(resolved, doc, pointer, dialect, false);
      } else {
        base = stripFragment(resolved);
        if (!this.resources.has(base)) this.resources.set(base, { document: doc, pointer, dialect });
      }
    }
    for (const key of ["$anchor", "$dynamicAnchor"] as const) {
      const a = schema[key];
      if (typeof a === "string") this.setAnchor(base + "#" + a, doc, pointer, dialect, key === "$dynamicAnchor");
    }
    if (typeof schema.$dynamicAnchor === "string") this.setDynamicAnchor(base, schema.$dynamicAnchor, doc, pointer);
    if (typeof schema.$recursiveAnchor === "boolean" && schema.$recursiveAnchor) {
      this.setAnchor(base + "#", doc, pointer, dialect, true);
      this.setDynamicAnchor(base, "", doc, pointer);
    }
    if (typeof schema.$dynamicRef === "string" || typeof schema.$recursiveRef === "string") this.dynamicReferences = true;
    for (const sub of directSubschemas(schema)) {
      this.indexResources(doc, sub.schema, base, joinPointer(pointer, ...sub.tokens), dialect);
    }
  }

  private setDynamicAnchor(base: string, name: string, document: SchemaDocument, pointer: string): void {
    const key = normaliseUri(stripFragment(base)) + "#" + name;
    if (!this.dynamicAnchors.has(key)) this.dynamicAnchors.set(key, { document, pointer });
  }

  private setAnchor(uri: string, document: SchemaDocument, pointer: string, dialect: Dialect, dynamic: boolean): void {
    const key = normaliseUri(stripFragment(uri)) + "#" + fragmentOf(uri);
    const existing = this.anchors.get(key);
    if (!existing) this.anchors.set(key, { document, pointer, dialect, dynamic });
    else if (dynamic && !existing.dynamic && existing.pointer === pointer) existing.dynamic = true;
  }
}

/** The identifier of a schema object; in draft-07 and earlier an `$id` beside `$ref` is ignored, as every keyword there is. */
function effectiveId(node: Record<string, unknown>, dialect: Dialect): string | undefined {
  const id = node[idKeyword(dialect)];
  if (typeof id !== "string") return undefined;
  return refHidesSiblings(dialect) && typeof node.$ref === "string" ? undefined : id;
}

/** A nested `$schema` beside an `$id` starts a resource of another dialect; elsewhere it is ignored. */
function nestedDialect(node: Record<string, unknown>, current: Dialect): Dialect {
  const s = node.$schema;
  if (typeof s !== "string") return current;
  if (node.$id === undefined && node.id === undefined) return current;
  return dialectFromUri(s) ?? current;
}
