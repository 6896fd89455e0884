import { Command } from "commander";
import { ADAPTER_SPEC_KINDS, listAdapters, type AdapterListing } from "../adapters/spec.js";
import { SUPPORTED_VERSIONS } from "../adapters/inprocess/catalog.js";
import { satisfiesRange } from "../adapters/version-range.js";

export function adaptersCommand(): Command {
  return new Command("adapters").description("list the built-in adapters, their installed versions, whether each is in the range the adapter supports, and what to install for those not available").action(async () => {
    const rows = await listAdapters();
    const width = Math.max(...rows.map((r) => r.name.length));
    for (const r of rows) process.stdout.write(`${r.name.padEnd(width)}  ${r.kind.padEnd(10)}  ${stateOf(r)}\n`);
    const formWidth = Math.max(...ADAPTER_SPEC_KINDS.map((k) => k.form.length));
    process.stdout.write(`\nAlso (see README):\n`);
    for (const k of ADAPTER_SPEC_KINDS) process.stdout.write(`${k.form.padEnd(formWidth)}  ${k.what}\n`);
  });
}

/** "4.1.6, supported (>=4.0.0 <5)  (draft-04, …)", or why it cannot run and the command that fixes it. */
export function stateOf(r: AdapterListing): string {
  if (!r.available) return `not available: ${r.install ?? "see README"}`;
  const dialects = r.dialects ? `  (${r.dialects.join(", ")})` : "";
  return `${r.version ?? "available"}${rangeNote(r.name, r.version)}${dialects}`;
}

/** Whether the installed version is one the adapter is written for; an adapter out of range still runs, with this warning. */
export function rangeNote(name: string, version: string | undefined): string {
  const range = SUPPORTED_VERSIONS[name];
  if (range === undefined || version === undefined) return "";
  return satisfiesRange(version, range) ? `, in range ${range}` : `, OUT OF RANGE ${range}: results may be wrong`;
}
