"""IHOP v1 harness for jsonschema-rs (Rust, via its Python bindings), with a Registry built from the case's registry.

The retriever refuses every URI, so nothing outside the registry is ever fetched.
"""
import importlib.metadata

import jsonschema_rs

from ihop import ASSERT_FORMATS, implementation, serve

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
    """The registry of every document jsonschema-rs accepts.

    A run's registry holds every document loaded (all of the suite's remotes, for one), and
    jsonschema-rs refuses a whole Registry when one unrelated document is not to its liking
    (a remote of another dialect with clashing nested ids): that document is left out, so
    the target is judged on its own references only.
    """
    try:
        return jsonschema_rs.Registry(items, draft=draft, retriever=refuse_retrieval)
    except ValueError:
        usable = [item for item in items if accepts(item, draft)]
        return jsonschema_rs.Registry(usable, draft=draft, retriever=refuse_retrieval)


def accepts(item, draft):
    try:
        jsonschema_rs.Registry([item], draft=draft, retriever=refuse_retrieval)
        return True
    except ValueError:
        return False


def compile_case(schema, registry, dialect):
    draft, cls = DRAFTS[dialect]
    resources = build_registry(list(registry.items()), draft)
    validator = cls(schema, registry=resources, retriever=refuse_retrieval, validate_formats=ASSERT_FORMATS)
    return validator.is_valid


if __name__ == "__main__":
    serve(
        implementation(
            "jsonschema-rs",
            importlib.metadata.version("jsonschema_rs"),
            list(DRAFTS),
            "https://github.com/Stranger6667/jsonschema",
            "https://github.com/Stranger6667/jsonschema",
        ),
        compile_case,
    )
