import { Command } from "commander";
import { ADAPTER_SPEC_KINDS, listAdapters } from "../adapters/spec.js";

export function adaptersCommand(): Command {
  return new Command("adapters").description("list the built-in adapters, their versions, and what to install for those not available").action(async () => {
    const rows = await listAdapters();
    const width = Math.max(...rows.map((r) => r.name.length));
    for (const r of rows) {
      const state = r.available ? `${r.version ?? "available"}${r.dialects ? `  (${r.dialects.join(", ")})` : ""}` : `not available: ${r.install ?? "see README"}`;
      process.stdout.write(`${r.name.padEnd(width)}  ${r.kind.padEnd(10)}  ${state}\n`);
    }
    const formWidth = Math.max(...ADAPTER_SPEC_KINDS.map((k) => k.form.length));
    process.stdout.write(`\nAlso (see README):\n`);
    for (const k of ADAPTER_SPEC_KINDS) process.stdout.write(`${k.form.padEnd(formWidth)}  ${k.what}\n`);
  });
}
