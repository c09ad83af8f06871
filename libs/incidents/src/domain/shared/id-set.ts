/**
 * An immutable set of ids that grows by one in O(1). A case's state records every evidence, correspondence and
 * hearing id it has seen (to refuse one recorded twice); copying an object of 10,000 ids on each of 10,000 events
 * made loading such a case quadratic — 45 s for one command (issue #15, found by the long-stream test on a busy machine).
 *
 * Versions share one append-only log and the index of each id's first place in it; a version sees the log up to its
 * own length, so an older version never sees what a newer one added. Adding to an older version (a fold that forks)
 * copies what that version sees, so every version stays what it was.
 */
export class IdSet {
  static readonly empty = new IdSet([], new Map(), 0);

  private constructor(
    private readonly log: string[],
    private readonly firstAt: Map<string, number>,
    readonly size: number,
  ) {}

  has(id: string): boolean {
    const at = this.firstAt.get(id);
    return at !== undefined && at < this.size;
  }

  with(id: string): IdSet {
    if (this.has(id)) return this;
    if (this.size > 0 && this.size === this.log.length) {
      this.log.push(id);
      this.firstAt.set(id, this.size);
      return new IdSet(this.log, this.firstAt, this.size + 1);
    }
    // The empty set (shared by every fold) and older versions start a log of their own.
    const log = [...this.log.slice(0, this.size), id];
    return new IdSet(log, new Map(log.map((known, at) => [known, at])), log.length);
  }
}
