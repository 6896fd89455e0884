import type { Adapter } from "../adapters/adapter.js";

/**
 * Lazily made copies of adapters with no format asserted, one per adapter, closed at the
 * end of the campaign. A disagreement that such a copy does not share comes from `format`
 * alone and is reported as format-difference (DESIGN.md: never mixed into false-accept/reject).
 */
export class FormatTwins {
  private readonly made = new Map<Adapter, Promise<Adapter | undefined>>();

  constructor(private readonly make: (adapter: Adapter) => Promise<Adapter | undefined>) {}

  twinOf(adapter: Adapter): Promise<Adapter | undefined> {
    let twin = this.made.get(adapter);
    if (!twin) {
      twin = this.make(adapter).catch(() => undefined);
      this.made.set(adapter, twin);
    }
    return twin;
  }

  async close(): Promise<void> {
    const twins = await Promise.all(this.made.values());
    await Promise.allSettled(twins.filter((t): t is Adapter => t !== undefined).map((t) => t.close()));
  }
}
