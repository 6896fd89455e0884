"""IHOP v1 harness for jsonschema-rs (Rust, via its Python bindings), with a Registry built from the case's registry.

The retriever refuses every URI, so nothing outside the registry is ever fetched.
"""

import jsonschema_rs

from ihop import distribution_version, ASSERT_FORMATS, implementation, serve

DRAFTS = {
    "https://json-schema.org/draft/2020-12/schema": (jsonschema_rs.Draft202012, jsonschema_rs.Draft202012Validator),
    "https://json-schema.org/draft/2019-09/schema": (jsonschema_rs.Draft201909, jsonschema_rs.Draft201909Validator),
    "http://json-schema.org/draft-07/schema#": (jsonschema_rs.Draft7, jsonschema_rs.Draft7Validator),
    "http://json-schema.org/draft-06/schema#": (jsonschema_rs.Draft6, jsonschema_rs.Draft6Validator),
    "http://json-schema.org/draft-04/schema#": (jsonschema_rs.Draft4, jsonschema_rs.Draft4Validator),
}


def refuse_retrieval(uri):
    raise LookupError(f"{uri} is not in the registry (schema-conform never fetches schemas)")


def build_registry(items, draft):
    """The registry of every document whose references jsonschema-rs can follow.

    A run's registry holds every document loaded (all of the suite's remotes, for one), and
    jsonschema-rs refuses a whole Registry when one document refers to a resource that is not
    there (a 2019-09 remote read under draft-07 rules names ids that do not exist then). Such
    documents, and those that need them, are left out: the target is judged on its own
    references, and a reference of its own that cannot be followed still fails as before.
    """
    try:
        return jsonschema_rs.Registry(items, draft=draft, retriever=refuse_retrieval)
    except ValueError:
        pass
    needs = {uri: asked_for([(uri, doc)], draft) for uri, doc in items}
    usable = {uri: doc for uri, doc in items if needs[uri] is not None}
    while True:
        missing = asked_for(list(usable.items()), draft) or set()
        broken = [uri for uri in usable if needs[uri] & missing]
        if not broken:
            return jsonschema_rs.Registry(list(usable.items()), draft=draft, retriever=refuse_retrieval)
        for uri in broken:
            del usable[uri]


def asked_for(items, draft):
    """The resources these documents refer to and do not hold, or None when jsonschema-rs refuses them anyway."""
    asked = set()

    def record(wanted):
        asked.add(wanted.split("#", 1)[0])
        return {}

    try:
        jsonschema_rs.Registry(items, draft=draft, retriever=record)
    except ValueError:
        return None
    return asked


def compile_case(schema, registry, dialect):
    draft, cls = DRAFTS[dialect]
    resources = build_registry(list(registry.items()), draft)
    validator = cls(schema, registry=resources, retriever=refuse_retrieval, validate_formats=ASSERT_FORMATS)
    return validator.is_valid


if __name__ == "__main__":
    serve(
        implementation(
            "jsonschema-rs",
            distribution_version("jsonschema_rs", jsonschema_rs),
            list(DRAFTS),
            "https://github.com/Stranger6667/jsonschema",
            "https://github.com/Stranger6667/jsonschema",
        ),
        compile_case,
    )
