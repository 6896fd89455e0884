"""hypothesis-jsonschema on the Codex bundle, for bench/generate.ts: draws RUNS values of each
definition it supports (from_schema on the bundle with a root $ref) and prints one JSON line per
definition: {"pointer", "payloads": [...], "seconds"} or {"pointer", "error"}.

    python3 bench/hypothesis_jsonschema_rate.py BUNDLE RUNS
"""
import json
import sys
import time

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis_jsonschema import from_schema

bundle_path, runs = sys.argv[1], int(sys.argv[2])
with open(bundle_path, encoding="utf-8") as f:
    bundle = json.load(f)

for name in bundle.get("definitions", {}):
    pointer = "/definitions/" + name
    schema = {"$schema": bundle.get("$schema"), "definitions": bundle["definitions"], "$ref": "#" + pointer}
    drawn = []
    try:
        strategy = from_schema(schema)

        @settings(max_examples=runs, phases=[Phase.generate], database=None, deadline=None, suppress_health_check=list(HealthCheck))
        @given(strategy)
        def collect(value):
            drawn.append(value)

        start = time.perf_counter()
        collect()
        print(json.dumps({"pointer": pointer, "payloads": drawn, "seconds": time.perf_counter() - start}))
    except Exception as e:  # an unsupported schema: counted as a failed target
        print(json.dumps({"pointer": pointer, "error": type(e).__name__}))
    sys.stdout.flush()
