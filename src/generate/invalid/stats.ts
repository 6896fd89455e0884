/**
 * Mutator precision: how many raw invalid payloads the oracle confirmed invalid, and which
 * keywords' payloads it accepted (each such payload was dropped before use).
 */
export class InvalidStats {
  /** Raw payloads checked by the oracle. */
  checked = 0;
  /** Raw payloads the oracle confirmed invalid. */
  confirmed = 0;
  /** Raw payloads the oracle accepted: a mutator's imprecision, dropped. */
  accepted = 0;
  readonly acceptedByKeyword = new Map<string, number>();

  record(keyword: string, invalid: boolean): void {
    this.checked++;
    if (invalid) {
      this.confirmed++;
      return;
    }
    this.accepted++;
    this.acceptedByKeyword.set(keyword, (this.acceptedByKeyword.get(keyword) ?? 0) + 1);
  }

  /** Share of checked raw payloads the oracle confirmed invalid (1 when none was checked). */
  precision(): number {
    return this.checked === 0 ? 1 : this.confirmed / this.checked;
  }

  reset(): void {
    this.checked = this.confirmed = this.accepted = 0;
    this.acceptedByKeyword.clear();
  }
}

/** The process-wide counter invalidArbitrary records into unless given its own. */
export const invalidStats = new InvalidStats();
