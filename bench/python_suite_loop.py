"""The direct loop `conform suite` is measured against, for a Python harness's library.

Compiles each group of one dialect's suite files with the harness's compile_case (the case's
registry holds the suite's remotes only when the group refers outside itself) and validates
its tests. Prints {"tests", "agreed", "seconds"}; seconds include reading the files.

    python3 bench/python_suite_loop.py MODULE SUITE_DIR FOLDER DIALECT_URI
"""
import importlib
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "adapters", "python"))

module, suite, folder, dialect = sys.argv[1:5]
start = time.perf_counter()
compile_case = importlib.import_module(module).compile_case
remotes = {}
root = os.path.join(suite, "remotes")
for here, _, files in os.walk(root):
    for name in files:
        if name.endswith(".json"):
            path = os.path.join(here, name)
            with open(path, encoding="utf-8") as f:
                remotes["http://localhost:1234/" + os.path.relpath(path, root).replace(os.sep, "/")] = json.load(f)


def compiled(schema):
    uri = "https://schema-conform.invalid/loop/schema.json"
    for registry in ({uri: schema}, {uri: schema, **remotes}):
        try:
            return compile_case(schema, registry, dialect)
        except Exception:
            continue
    return None


tests = agreed = 0
directory = os.path.join(suite, "tests", folder)
for name in sorted(n for n in os.listdir(directory) if n.endswith(".json")):
    with open(os.path.join(directory, name), encoding="utf-8") as f:
        groups = json.load(f)
    for group in groups:
        check = compiled(group["schema"])
        for test in group["tests"]:
            tests += 1
            try:
                if check is not None and check(test["data"]) == test["valid"]:
                    agreed += 1
            except Exception:
                pass
print(json.dumps({"tests": tests, "agreed": agreed, "seconds": time.perf_counter() - start}))
