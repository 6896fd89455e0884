import type { Adapter } from "../../src/adapters/adapter.js";
import { simpleTarget, SUITE_DIALECT, suiteGroups } from "./targets.js";

/** One suite test on which the adapter did not give the expected verdict. */
export interface Disagreement {
  file: string;
  group: string;
  test: string;
  expected: boolean;
  actual: unknown;
}

/**
 * Runs every group of the named suite files through the adapter (one prepare and one batch per
 * group) and lists where its verdict differs from the suite's.
 */
export async function suiteDisagreements(adapter: Adapter, folder: string, files: string[]): Promise<Disagreement[]> {
  const dialect = SUITE_DIALECT[folder];
  if (!dialect) throw new Error(`no dialect for suite folder ${folder}`);
  const out: Disagreement[] = [];
  for (const file of files) {
    for (const [i, group] of suiteGroups(folder, file).entries()) {
      const target = simpleTarget(group.schema, dialect, `https://conform.test/${folder}/${file}/${i}.json`);
      const prepared = await adapter.prepare(target);
      if (!prepared.ok) {
        out.push({ file, group: group.description, test: "(prepare)", expected: true, actual: prepared });
        continue;
      }
      const verdicts = await adapter.validate(prepared, group.tests.map((t) => t.data));
      group.tests.forEach((t, j) => {
        const v = verdicts[j];
        if (!v || !("valid" in v) || v.valid !== t.valid) out.push({ file, group: group.description, test: t.description, expected: t.valid, actual: v });
      });
    }
  }
  return out;
}
