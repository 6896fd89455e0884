import fs from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { loadSuiteFile, type ReplayCase } from "../../src/corpus/index.js";
import { targetOf } from "../../src/run/replay.js";
import { remoteDocuments } from "../../src/cli/common.js";
import { Oracle, OracleUnavailable } from "../../src/oracle/oracle.js";
import { dialectFormatPolicy } from "../../src/oracle/format-policy.js";
import type { Dialect } from "../../src/schema/dialect.js";
import { REPO_ROOT, SUITE, SHARED_SUITE, needsShared } from "../helpers/paths.js";

const FOLDERS: Record<Dialect, string> = {
  "draft-04": "draft4", "draft-06": "draft6", "draft-07": "draft7", "2019-09": "draft2019-09", "2020-12": "draft2020-12",
};

/** The checked list: key "<dialect> <file>#<test pointer>", the test's description and why the oracle departs. */
const KNOWN_FILE = path.join(REPO_ROOT, "test/oracle/known-departures.json");
type Known = Record<string, { test: string; reason: string }>;

/** Every required test (tests/<dialect>/*.json, not optional/) on which the oracle, by the dialect's own format policy, departs from `valid`. */
async function departures(dialect: Dialect): Promise<Map<string, string>> {
  const dir = path.join(SUITE, "tests", FOLDERS[dialect]);
  const remotes = remoteDocuments([`http://localhost:1234/=${path.join(SUITE, "remotes")}`], dialect);
  const out = new Map<string, string>();
  for (const file of fs.readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
    const cases = await loadSuiteFile(path.join(dir, file), dialect);
    for (const group of groupsOf(cases)) {
      const target = targetOf(group[0]!, { formats: dialectFormatPolicy(dialect), defaultDialect: dialect, remotes, command: "suite" });
      let check: ((v: unknown) => boolean) | undefined;
      try {
        check = new Oracle(target.registry, dialectFormatPolicy(dialect)).check(target.uri, target.dialect);
      } catch (e) {
        if (!(e instanceof OracleUnavailable)) throw e;
      }
      for (const c of group) {
        if (check && check(c.data) === c.valid) continue;
        out.set(`${dialect} ${file}#${c.origin.pointer}`, check ? c.description : `${c.description} (ajv cannot compile the schema)`);
      }
    }
  }
  return out;
}

function groupsOf(cases: ReplayCase[]): ReplayCase[][] {
  const groups = new Map<string, ReplayCase[]>();
  for (const c of cases) groups.set(c.origin.groupPointer, [...(groups.get(c.origin.groupPointer) ?? []), c]);
  return [...groups.values()];
}

describe("oracle over the official suite's required tests", function () {
  this.timeout(300_000);
  const known = JSON.parse(fs.readFileSync(KNOWN_FILE, "utf8")) as Known;

  it("every departure is listed with its reason", () => {
    for (const [key, entry] of Object.entries(known)) expect(entry.reason.trim(), key).to.not.equal("");
  });

  for (const dialect of Object.keys(FOLDERS) as Dialect[]) {
    it(`${dialect}: departs only where test/oracle/known-departures.json says, and every entry still departs`, async function () {
      needsShared(this, SHARED_SUITE);
      const found = await departures(dialect);
      if (process.env.CONFORM_PRINT_DEPARTURES) process.stdout.write(JSON.stringify(Object.fromEntries(found), null, 1) + "\n");
      const listed = Object.keys(known).filter((k) => k.startsWith(dialect + " "));
      expect([...found.keys()].filter((k) => !(k in known)), "new departures").to.deep.equal([]);
      expect(listed.filter((k) => !found.has(k)), "stale entries").to.deep.equal([]);
    });
  }
});
