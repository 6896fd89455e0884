"""A harness's validator (adapters/python/<module>.py, its compile_case), called in a plain loop.

Reads {"module", "schema", "registry", "dialect", "instances", "rounds"} as JSON on stdin and
prints {"validations", "seconds"}: the baseline that bench/adapters.ts compares the subprocess
client with, for the same library.
"""
import importlib
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "adapters", "python"))

job = json.load(sys.stdin)
compile_case = importlib.import_module(job["module"]).compile_case
check = compile_case(job["schema"], job["registry"], job["dialect"])
instances = job["instances"]
start = time.perf_counter()
for _ in range(job["rounds"]):
    for instance in instances:
        check(instance)
seconds = time.perf_counter() - start
print(json.dumps({"validations": job["rounds"] * len(instances), "seconds": seconds}))
