"""IHOP v1 harness for fastjsonschema (draft-04, -06, -07), resolving references from the case's registry.

fastjsonschema fetches any URI scheme it has no handler for; the handler table below claims
every scheme, so references are answered from the registry or refused, never fetched.
"""
from urllib.parse import urldefrag, urljoin

import fastjsonschema

from ihop import distribution_version, ASSERT_FORMATS, implementation, serve

DIALECTS = [
    "http://json-schema.org/draft-07/schema#",
    "http://json-schema.org/draft-06/schema#",
    "http://json-schema.org/draft-04/schema#",
]


def index_embedded(node, base, index):
    """Registers every subschema that has its own absolute $id (draft-04: id) under that URI."""
    if isinstance(node, list):
        for item in node:
            index_embedded(item, base, index)
        return
    if not isinstance(node, dict):
        return
    own = node.get("$id", node.get("id"))
    if isinstance(own, str) and not own.startswith("#"):
        base = urldefrag(urljoin(base, own))[0]
        index.setdefault(base, node)
    for key, value in node.items():
        if key not in ("enum", "const", "examples", "default"):
            index_embedded(value, base, index)


class RegistryHandlers(dict):
    """A handler for every URI scheme: looks the document up in the registry."""

    def __init__(self, registry, schema):
        super().__init__()
        self.registry = {}
        for uri, doc in registry.items():
            self.registry[uri.rstrip("#")] = doc
        # fastjsonschema finds an embedded $id only after walking the document that holds it,
        # which a retrieved document is not; so embedded resources are indexed here, and those of
        # the case's schema too: a case sends it inline, never again in the registry.
        for uri, doc in registry.items():
            index_embedded(doc, uri.rstrip("#"), self.registry)
        index_embedded(schema, "", self.registry)

    def __contains__(self, scheme):
        return True

    def __getitem__(self, scheme):
        return self.lookup

    def get(self, scheme, default=None):
        return self.lookup

    def lookup(self, uri):
        key = uri.split("#", 1)[0]
        if key not in self.registry:
            raise LookupError(f"{uri} is not in the registry (schema-conform never fetches schemas)")
        return self.registry[key]


def compile_case(schema, registry, dialect):
    # fastjsonschema picks its draft from the root's $schema; beside $ref it changes no validation.
    root = {"$schema": dialect, **schema} if isinstance(schema, dict) else schema
    validate = fastjsonschema.compile(root, handlers=RegistryHandlers(registry, schema), use_default=False, use_formats=ASSERT_FORMATS)

    def check(instance):
        try:
            validate(instance)
            return True
        except fastjsonschema.JsonSchemaValueException:
            return False

    return check


if __name__ == "__main__":
    serve(
        implementation(
            "fastjsonschema",
            distribution_version("fastjsonschema", fastjsonschema),
            DIALECTS,
            "https://horejsek.github.io/python-fastjsonschema/",
            "https://github.com/horejsek/python-fastjsonschema",
        ),
        compile_case,
    )
