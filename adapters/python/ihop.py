"""A minimal Bowtie IHOP v1 server shared by the harnesses in this folder.

Each harness supplies its implementation metadata and a `compile_case(schema, registry,
dialect)` that returns a function instance -> bool. One JSON request per line on stdin, one
JSON reply per line on stdout, flushed at once (the client waits on each line).
"""
import json
import os
import platform
import sys
import traceback

# Formats are assertions unless the client says otherwise (CONFORM_FORMATS=annotate), like
# schema-conform's in-process adapters.
ASSERT_FORMATS = os.environ.get("CONFORM_FORMATS", "assert") != "annotate"


def implementation(name, version, dialects, homepage, source):
    return {
        "language": "python",
        "name": name,
        "version": version,
        "dialects": dialects,
        "homepage": homepage,
        "issues": source + "/issues",
        "source": source,
        "language_version": platform.python_version(),
        "os": platform.system(),
        "os_version": platform.release(),
    }


def _reply(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def _context(error):
    return {"message": f"{type(error).__name__}: {error}", "traceback": traceback.format_exc()}


def _run(request, dialect, compile_case):
    seq = request["seq"]
    case = request["case"]
    try:
        check = compile_case(case["schema"], case.get("registry") or {}, dialect)
    except Exception as error:  # noqa: BLE001 - any failure to compile is this case's error
        return {"seq": seq, "errored": True, "context": _context(error)}
    results = []
    for test in case["tests"]:
        try:
            results.append({"valid": bool(check(test["instance"]))})
        except Exception as error:  # noqa: BLE001 - a crash on one instance is that instance's error
            results.append({"errored": True, "context": _context(error)})
    return {"seq": seq, "results": results}


def serve(info, compile_case):
    """Answers IHOP requests until stop or end of input."""
    dialect = None
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        cmd = request.get("cmd")
        if cmd == "start":
            _reply({"version": 1, "implementation": info})
        elif cmd == "dialect":
            ok = request["dialect"] in info["dialects"]
            if ok:
                dialect = request["dialect"]
            _reply({"ok": ok})
        elif cmd == "run":
            _reply(_run(request, dialect, compile_case))
        elif cmd == "stop":
            return
        else:
            _reply({"errored": True, "context": {"message": f"unknown command {cmd!r}"}})
