"""A minimal Bowtie IHOP v1 server shared by the harnesses in this folder.

Each harness supplies its implementation metadata and a `compile_case(schema, registry,
dialect)` that returns a function instance -> bool. One JSON request per line on stdin, one
JSON reply per line on stdout, flushed at once (the client waits on each line).
"""
import json
import os
import sys
import traceback
from collections import OrderedDict

try:  # orjson decodes a run's line several times faster; json stays the reference reading
    import orjson
except ImportError:  # pragma: no cover - requirements.txt installs it
    orjson = None

# Formats are assertions unless the client says otherwise (CONFORM_FORMATS=annotate), like
# schema-conform's in-process adapters.
ASSERT_FORMATS = os.environ.get("CONFORM_FORMATS", "assert") != "annotate"


def distribution_version(distribution, module):
    """The installed version of `distribution`, whose import package is `module`: read from the
    name of its .dist-info folder beside the package (importlib.metadata, the fallback, costs a
    tenth of a harness's start), e.g. site-packages/jsonschema_rs-0.58.0.dist-info."""
    prefix = distribution.replace("-", "_").lower() + "-"
    module_file = getattr(module, "__file__", None)
    if module_file:
        try:
            for name in os.listdir(os.path.dirname(os.path.dirname(os.path.abspath(module_file)))):
                if name.lower().startswith(prefix) and name.endswith(".dist-info"):
                    return name[len(prefix):-len(".dist-info")]
        except OSError:
            pass
    import importlib.metadata

    return importlib.metadata.version(distribution)


def implementation(name, version, dialects, homepage, source):
    uname = os.uname()
    return {
        "language": "python",
        "name": name,
        "version": version,
        "dialects": dialects,
        "homepage": homepage,
        "issues": source + "/issues",
        "source": source,
        "language_version": "%d.%d.%d" % sys.version_info[:3],
        "os": uname.sysname,
        "os_version": uname.release,
    }


# A run of 19 digits may be an integer past 64 bits, which orjson reads as a float where json
# keeps an int (a draft-04 validator must see the difference): such lines go to json. Every
# digit is mapped to "0" to look for the run (a regex scan cost more than orjson saved).
_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")
_LONG_RUN = "0" * 19


def decode(line):
    """A request line exactly as json.loads reads it, through orjson when that reads it the same:
    not for long digit runs (above), and json also takes what orjson refuses."""
    if orjson is not None and _LONG_RUN not in line.translate(_DIGITS_TO_ZERO):
        try:
            return orjson.loads(line)
        except orjson.JSONDecodeError:
            pass
    return json.loads(line)


def encode(obj):
    """One reply line; json writes what orjson refuses (a lone surrogate in an error message)."""
    if orjson is not None:
        try:
            return orjson.dumps(obj).decode()
        except TypeError:  # orjson.JSONEncodeError
            pass
    return json.dumps(obj)


def _reply(obj):
    sys.stdout.write(encode(obj) + "\n")
    sys.stdout.flush()


def _context(error):
    return {"message": f"{type(error).__name__}: {error}", "traceback": traceback.format_exc()}


class CompiledCases:
    """The last few compiled cases, by content: a client sends the same schema and registry in
    every run for one target (a batch, then one instance per shrinking step), and compiling
    the registry each time cost more than validating (jsonschema-rs: ×13 over a plain loop)."""

    def __init__(self, compile_case, size=16):
        self.compile_case = compile_case
        self.size = size
        self.compiled = OrderedDict()

    def get(self, schema, registry, dialect):
        key = json.dumps([dialect, schema, registry], separators=(",", ":"))
        check = self.compiled.get(key)
        if check is None:
            check = self.compile_case(schema, registry, dialect)
            self.compiled[key] = check
            if len(self.compiled) > self.size:
                self.compiled.popitem(last=False)
        else:
            self.compiled.move_to_end(key)
        return check


def _run(request, dialect, cases):
    seq = request["seq"]
    case = request["case"]
    try:
        check = cases.get(case["schema"], case.get("registry") or {}, dialect)
    except Exception as error:  # noqa: BLE001 - any failure to compile is this case's error
        return {"seq": seq, "errored": True, "context": _context(error)}
    instances = [test["instance"] for test in case["tests"]]
    try:  # the common case in one pass; validators are pure, so a crash just means one at a time
        return {"seq": seq, "results": [_VALID if check(i) else _INVALID for i in instances]}
    except Exception:  # noqa: BLE001 - answered below, instance by instance
        pass
    results = []
    for instance in instances:
        try:
            results.append(_VALID if check(instance) else _INVALID)
        except Exception as error:  # noqa: BLE001 - a crash on one instance is that instance's error
            results.append({"errored": True, "context": _context(error)})
    return {"seq": seq, "results": results}


_VALID = {"valid": True}
_INVALID = {"valid": False}


def serve(info, compile_case):
    """Answers IHOP requests until stop or end of input."""
    dialect = None
    cases = CompiledCases(compile_case)
    for line in sys.stdin:
        if not line.strip():
            continue
        request = decode(line)
        cmd = request.get("cmd")
        if cmd == "start":
            _reply({"version": 1, "implementation": info})
        elif cmd == "dialect":
            ok = request["dialect"] in info["dialects"]
            if ok:
                dialect = request["dialect"]
            _reply({"ok": ok})
        elif cmd == "run":
            _reply(_run(request, dialect, cases))
        elif cmd == "stop":
            # Nothing to clean up, and tearing the interpreter down took longer than the run's last case.
            sys.stdout.flush()
            os._exit(0)
        else:
            _reply({"errored": True, "context": {"message": f"unknown command {cmd!r}"}})
