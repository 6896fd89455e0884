import path from "node:path";
import { spawn } from "node:child_process";
import type { FormatPolicy } from "../../oracle/format-policy.js";
import type { HarnessCommand } from "./harness-process.js";

/** A harness shipped in adapters/python/. */
export interface PythonHarness {
  /** Spec name. */
  name: string;
  /** File under adapters/python/. */
  file: string;
  /** Python distribution whose version is reported (importlib.metadata name). */
  distribution: string;
}

export const PYTHON_HARNESSES: readonly PythonHarness[] = [
  { name: "python-jsonschema", file: "python_jsonschema.py", distribution: "jsonschema" },
  { name: "python-jsonschema-rs", file: "python_jsonschema_rs.py", distribution: "jsonschema_rs" },
  { name: "python-fastjsonschema", file: "python_fastjsonschema.py", distribution: "fastjsonschema" },
];

export const PYTHON_INSTALL_HINT = "pip install -r adapters/python/requirements.txt";

/** The interpreter: CONFORM_PYTHON when set (e.g. a virtualenv's python), else python3 on the PATH. */
export function pythonExecutable(): string {
  return process.env.CONFORM_PYTHON ?? "python3";
}

/** `python3 -u <root>/adapters/python/<file>`; the harness reads the format policy from CONFORM_FORMATS. */
export function pythonHarnessCommand(harness: PythonHarness, root: string, formats: FormatPolicy): HarnessCommand {
  return { command: pythonExecutable(), args: ["-u", path.join(root, "adapters", "python", harness.file)], env: { CONFORM_FORMATS: formats } };
}

/** Installed version of each harness's distribution (undefined when missing); all undefined without Python. */
export async function pythonDistributionVersions(): Promise<Map<string, string | undefined>> {
  const names = PYTHON_HARNESSES.map((h) => h.distribution);
  const script = [
    "import json, sys, importlib.metadata as m",
    "def v(n):",
    "    try: return m.version(n)",
    "    except Exception: return None",
    "print(json.dumps({n: v(n) for n in sys.argv[1:]}))",
  ].join("\n");
  const output = await runQuietly(pythonExecutable(), ["-c", script, ...names]);
  let versions: Record<string, string | null> = {};
  try {
    versions = JSON.parse(output ?? "{}") as Record<string, string | null>;
  } catch {
    versions = {};
  }
  return new Map(names.map((n) => [n, versions[n] ?? undefined]));
}

/** Stdout of a short command, or undefined if it cannot run or fails. */
function runQuietly(command: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (out += c));
    child.on("error", () => resolve(undefined));
    child.on("close", (code) => resolve(code === 0 ? out : undefined));
  });
}
