import { referencesOf } from "../keywords/registry.js";
import { walkSchemas } from "../schema/check-refs.js";
import { allMetaSchemaDocuments } from "../schema/meta-schemas.js";
import { SchemaRegistry, type SchemaDocument } from "../schema/registry.js";
import { resolveUri } from "../schema/uri.js";

/**
 * The documents every replayed case may refer to (--remotes, the dialects' meta-schemas),
 * indexed once in a shared registry; each case's own registry takes from it only the
 * documents its `$ref`s and `$schema`s reach (transitively), when the case is built. Before, every case's
 * registry held every remote and meta-schema, and each was indexed, added to a new ajv and
 * sent to every adapter's worker per case: most of `conform suite`'s time.
 */
export class SharedDocuments {
  private readonly shared = new SchemaRegistry();
  private readonly aliases = new Map<SchemaDocument, string[]>();

  constructor(remotes: Array<{ doc: SchemaDocument; alsoAs: string[] }>) {
    for (const r of remotes) {
      this.shared.add(r.doc, r.alsoAs);
      this.aliases.set(r.doc, [...(this.aliases.get(r.doc) ?? []), ...r.alsoAs]);
    }
    for (const meta of allMetaSchemaDocuments()) if (!this.shared.document(meta.uri)) this.shared.add(meta);
  }

  /**
   * Registers `doc` with every shared document its references reach, and theirs: the remotes
   * before it and in the remotes' order (a validator may need a custom meta-schema registered
   * before the schema that names it), the meta-schemas after it, as when all were added.
   */
  register(registry: SchemaRegistry, doc: SchemaDocument): void {
    const reached = this.reachedFrom(doc);
    const order = [...this.aliases.keys()];
    const remotes = reached.filter((d) => this.aliases.has(d)).sort((a, b) => order.indexOf(a) - order.indexOf(b));
    for (const r of remotes) registry.add(r, this.aliases.get(r)!);
    registry.add(doc);
    for (const meta of reached) if (!this.aliases.has(meta) && !registry.document(meta.uri)) registry.add(meta);
  }

  /** The shared documents `doc` reaches through `$ref`s and `$schema`, transitively, in the order met. */
  private reachedFrom(doc: SchemaDocument): SchemaDocument[] {
    const scratch = new SchemaRegistry();
    scratch.add(doc);
    const reached: SchemaDocument[] = [];
    const queue = [doc];
    while (queue.length > 0) {
      const current = queue.pop()!;
      walkSchemas(current, (schema, pointer, dialect) => {
        // `$schema` too: a custom meta-schema (its $vocabulary) changes how a validator reads the case.
        const refs = [...referencesOf(dialect), "$schema"].filter((k) => typeof schema[k] === "string");
        if (refs.length === 0) return;
        const base = scratch.locate(current, pointer)?.base ?? current.uri;
        for (const k of refs) {
          const uri = resolveUri(base, schema[k] as string);
          const found = this.shared.lookup(uri)?.document;
          if (!found || found === doc || reached.includes(found) || scratch.document(found.uri) === doc) continue;
          reached.push(found);
          scratch.add(found, this.aliases.get(found) ?? []);
          queue.push(found);
        }
      });
    }
    return reached;
  }
}
