/** What a run has done so far, for progress lines. */
export interface ProgressCounts {
  payloads: number;
  findings: number;
}
