import type { Adapter } from "../adapters/adapter.js";
import { Oracle } from "../oracle/oracle.js";
import { withinTimeLimit } from "../oracle/guard.js";
import type { Json } from "../schema/json.js";
import type { Target } from "../schema/target.js";
import type { Finding } from "../model/finding.js";
import type { FormatTwins } from "./format-twins.js";
import { FormatProbe } from "./format-only.js";

/** The format-blind oracle's limit per instance (compile included); past it, the finding keeps its kind. */
const FORMAT_BLIND_TIME_LIMIT_MS = 10_000;

/** What telling format differences apart needs, shared across the targets of one registry. */
export interface FormatSeparation {
  /** Format-blind copies of the adapters, when the caller can make them (format policy "assert" only). */
  twins?: FormatTwins;
  /** The oracle asserting no format, made when first needed (one per registry). */
  annotating?: Oracle;
}

/**
 * Disagreements that come from `format` alone become format-difference (asserting format
 * is optional): a false accept of a payload that is valid once no format is asserted, and
 * a false reject that the FormatProbe calls format-only (any adapter kind, format-only.ts).
 */
export async function separateFormatDifferences(findings: Finding[], target: Target, adapters: Adapter[], state: FormatSeparation, probe = new FormatProbe(target, state.twins)): Promise<void> {
  for (const f of findings) {
    const formatOnly =
      f.kind === "false-accept" ? validWithoutFormats(f.instance as Json, target, state) :
      f.kind === "false-reject" ? await rejectIsFormatOnly(f, adapters, probe) : false;
    if (formatOnly) {
      f.message = f.kind === "false-accept" ? "the payload is invalid only by format" : `${f.adapter} accepts once no format is asserted, and a format applies to a value of the payload`;
      f.kind = "format-difference";
    }
  }
}

function validWithoutFormats(instance: Json, target: Target, state: FormatSeparation): boolean {
  state.annotating ??= new Oracle(target.registry, "annotate");
  try {
    const annotating = state.annotating;
    return withinTimeLimit("the format-blind oracle", FORMAT_BLIND_TIME_LIMIT_MS, () => annotating.check(target.uri, target.dialect)(instance));
  } catch {
    return false;
  }
}

async function rejectIsFormatOnly(f: Finding, adapters: Adapter[], probe: FormatProbe): Promise<boolean> {
  const subject = adapters.find((a) => a.name === f.adapter);
  if (!subject) return false;
  const [formatOnly] = await probe.rejectsAreFormatOnly(subject, [f.instance as Json], [f.text]);
  return formatOnly === true;
}
