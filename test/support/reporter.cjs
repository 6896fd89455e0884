// mocha's dot reporter, plus the plain closing line "N passed, N failed, N skipped" that CI reads.
// Above it, once each, the reasons tests were skipped for want of ../shared (test/helpers/paths.ts
// pushes them into the array at the global symbol below), and the fresh seed of the property tests
// (test/helpers/seeds.ts) so that any run can be replayed.
"use strict";
const Mocha = require("mocha");
const { Dot } = Mocha.reporters;
const { EVENT_RUN_END } = Mocha.Runner.constants;

const SKIP_REASONS = Symbol.for("schema-conform.skip-reasons");
const FRESH_SEED = Symbol.for("schema-conform.fresh-seed");

class DotWithTotals extends Dot {
  constructor(runner, options) {
    super(runner, options);
    const reasons = (globalThis[SKIP_REASONS] = []);
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats ?? {};
      for (const line of reasons) process.stdout.write(`${line}\n`);
      const seed = globalThis[FRESH_SEED];
      if (seed !== undefined) process.stdout.write(`property tests ran on their fixed seeds and fresh seed ${seed} (CONFORM_TEST_SEED=${seed} replays it)\n`);
      process.stdout.write(`${s.passes ?? 0} passed, ${s.failures ?? 0} failed, ${s.pending ?? 0} skipped\n`);
    });
  }
}

module.exports = DotWithTotals;
