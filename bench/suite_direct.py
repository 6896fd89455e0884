"""The official suite straight through one Python library (bench/suite-direct.ts runs it).

Usage: suite_direct.py SUITE FOLDER LIBRARY assert|annotate  ->  JSON {counts, unsuccessful} on stdout.
Each library is called as its documentation shows; the suite's remotes are given by their
http://localhost:1234/ URLs through the library's own registry or handler mechanism.
"""
import json
import os
import sys

suite, folder, library, formats = sys.argv[1:5]
ASSERT = formats == "assert"
DRAFT = {"draft4": "4", "draft7": "7", "draft2020-12": "2020-12"}[folder]

remotes = {}
root = os.path.join(suite, "remotes")
for base, _dirs, files in os.walk(root):
    top = os.path.relpath(base, root).split(os.sep)[0]
    if (top.startswith("draft") or top == "v1") and top != folder:
        continue  # another dialect's remotes: a user of this dialect would not register them
    for name in files:
        if name.endswith(".json"):
            path = os.path.join(base, name)
            with open(path, encoding="utf-8") as f:
                remotes["http://localhost:1234/" + os.path.relpath(path, root).replace(os.sep, "/")] = json.load(f)


def python_jsonschema():
    import jsonschema
    import referencing
    import referencing.jsonschema
    cls = {"4": jsonschema.Draft4Validator, "7": jsonschema.Draft7Validator, "2020-12": jsonschema.Draft202012Validator}[DRAFT]
    spec = referencing.jsonschema.specification_with(cls.META_SCHEMA["$schema"] if "$schema" in cls.META_SCHEMA else cls.META_SCHEMA.get("id"))
    registry = referencing.Registry().with_resources(
        (uri, referencing.Resource.from_contents(schema, default_specification=spec)) for uri, schema in remotes.items())

    def compile_(schema):
        v = cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER if ASSERT else None)
        return v.is_valid
    return compile_


def python_jsonschema_rs():
    import jsonschema_rs
    cls = {"4": jsonschema_rs.Draft4Validator, "7": jsonschema_rs.Draft7Validator, "2020-12": jsonschema_rs.Draft202012Validator}[DRAFT]

    def retrieve(uri):
        if uri in remotes:
            return remotes[uri]
        raise ValueError("not a suite remote: " + uri)

    def compile_(schema):
        return cls(schema, retriever=retrieve, validate_formats=ASSERT).is_valid
    return compile_


def python_fastjsonschema():
    import fastjsonschema
    handlers = {"http": lambda uri: remotes[uri]}
    # fastjsonschema reads the draft from $schema only (draft-07 without it), so the schema declares it, as a user would.
    declared = {"4": "http://json-schema.org/draft-04/schema#", "7": "http://json-schema.org/draft-07/schema#"}.get(DRAFT)
    if declared is None:
        return None  # it implements drafts 4, 6 and 7 only

    def compile_(schema):
        if isinstance(schema, dict) and "$schema" not in schema:
            schema = {"$schema": declared, **schema}
        return fastjsonschema.compile(schema, handlers=handlers, use_formats=ASSERT)

    def compile_checked(schema):
        validate = compile_(schema)

        def is_valid(instance):
            try:
                validate(instance)
                return True
            except fastjsonschema.JsonSchemaValueException:
                return False
        return is_valid
    return compile_checked


compile_for = {"jsonschema": python_jsonschema, "jsonschema_rs": python_jsonschema_rs, "fastjsonschema": python_fastjsonschema}[library]()
counts = {"passed": 0, "failed": 0, "errored": 0, "skipped": 0}
UNSUPPORTED = object()
unsuccessful = []
tests_dir = os.path.join(suite, "tests", folder)
for file in sorted(n for n in os.listdir(tests_dir) if n.endswith(".json")):
    with open(os.path.join(tests_dir, file), encoding="utf-8") as f:
        groups = json.load(f)
    for group in groups:
        try:
            check, error = (compile_for(group["schema"]), "") if compile_for else (UNSUPPORTED, "dialect not supported")
        except Exception as e:  # the library cannot take the schema
            check, error = None, f"{type(e).__name__}: {e}"[:200]
        for test in group["tests"]:
            message = error
            if check is UNSUPPORTED:
                outcome = "skipped"
            elif check is None:
                outcome = "errored"
            else:
                try:
                    outcome = "passed" if bool(check(test["data"])) == test["valid"] else "failed"
                except Exception as e:
                    outcome, message = "errored", f"{type(e).__name__}: {e}"[:200]
            counts[outcome] += 1
            if outcome != "passed":
                entry = {"file": file, "group": group["description"], "test": test["description"], "outcome": outcome}
                if message:
                    entry["message"] = message
                unsuccessful.append(entry)
json.dump({"counts": counts, "unsuccessful": unsuccessful}, sys.stdout)
