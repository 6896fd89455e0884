import { expect } from "chai";
import { reachesDynamicReference, startScope } from "../../src/canonical/dynamic-scope.js";
import { locationKey } from "../../src/canonical/location.js";
import { resolveReference } from "../../src/canonical/references.js";
import { child } from "../../src/canonical/location.js";
import { located } from "./helpers.js";

describe("dynamic scope", function () {
  const tree = { $id: "https://example.com/tree.json", $dynamicAnchor: "node", type: "object", properties: { children: { type: "array", items: { $dynamicRef: "#node" } } } };
  const strict = { $id: "https://example.com/strict.json", $dynamicAnchor: "node", $ref: "tree.json", unevaluatedProperties: false };

  it("$dynamicRef resolves to the outermost $dynamicAnchor of its name in scope", function () {
    const { registry, at } = located(strict, "2020-12", "", [{ uri: "https://example.com/tree.json", schema: tree }]);
    expect(reachesDynamicReference(at, registry)).to.equal(true);
    const root = startScope(at);
    const treeRoot = resolveReference(root, registry)!;
    expect(treeRoot.scope).to.deep.equal(["https://example.com/strict.json", "https://example.com/tree.json"]);
    const items = child(treeRoot, registry, "properties", "children", "items")!;
    expect(resolveReference(items, registry, "$dynamicRef")!.document.uri).to.equal("https://example.com/strict.json");
    // Without a scope (the tree on its own), it resolves statically.
    const alone = registry.lookup("https://example.com/tree.json#/properties/children/items")!;
    expect(resolveReference(alone, registry, "$dynamicRef")!.document.uri).to.equal("https://example.com/tree.json");
  });

  it("the scope is part of a location's key only where it is tracked", function () {
    const { registry, at } = located(strict, "2020-12", "", [{ uri: "https://example.com/tree.json", schema: tree }]);
    expect(locationKey(at)).to.equal("https://example.com/strict.json#");
    expect(locationKey(startScope(at))).to.contain("@");
    expect(reachesDynamicReference(located({ type: "string" }).at, located({ type: "string" }).registry)).to.equal(false);
    void registry;
  });

  it("$recursiveRef goes to the outermost resource with $recursiveAnchor: true (2019-09)", function () {
    const base = { $id: "https://example.com/base.json", $recursiveAnchor: true, properties: { next: { $recursiveRef: "#" } } };
    const outer = { $id: "https://example.com/outer.json", $recursiveAnchor: true, $ref: "base.json", required: ["x"] };
    const { registry, at } = located(outer, "2019-09", "", [{ uri: "https://example.com/base.json", schema: base }]);
    const baseRoot = resolveReference(startScope(at), registry)!;
    const next = child(baseRoot, registry, "properties", "next")!;
    expect(resolveReference(next, registry, "$recursiveRef")!.document.uri).to.equal("https://example.com/outer.json");
  });
});
