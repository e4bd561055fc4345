// Answers kept while what they show is unchanged. Counting, ranking and aggregating take PostgreSQL
// far longer than a page may take, and the same questions come back again and again (links are
// shared, feeds are polled, everyone opens the home page). So answers are kept per app instance,
// but used only while the version they were worked out at is current: the generations of the
// topics they show (db/changes.server.ts: search answers change with posts, the dashboard's with
// experience reports), moved on by every write committed to those topics on any instance. A kept
// count is never a stale count, and anyone who has just published sees their post at once.
//
// Used by search (posts/search.server.ts) and the outcomes dashboard (outcomes/figures.server.ts),
// through keptAnswers (db/client.server.ts).
export type VersionReader = () => Promise<string>;

/** A bounded set of answers, each used only while the version it was worked out at is current. */
export class KeptWhileUnchanged {
  private readonly kept = new Map<string, { version: string; value: Promise<unknown> }>();

  constructor(
    /** The version an answer depends on, by its key (a snapshot, or the generations of its topics: changes.server.ts). */
    private readonly version: (key: string) => Promise<string>,
    private readonly limit = 500,
  ) {}

  /** The answer kept for this key if nothing it depends on has been written since; otherwise works it out (once, however many ask at the same time). */
  async get<T>(key: string, work: () => Promise<T>): Promise<T> {
    const version = await this.version(key);
    const hit = this.kept.get(key);
    this.kept.delete(key);
    if (hit && hit.version === version) {
      this.kept.set(key, hit); // most recently used goes last
      return hit.value as Promise<T>;
    }
    const value = work();
    this.kept.set(key, { version, value });
    const oldest = this.kept.keys().next().value;
    if (this.kept.size > this.limit && oldest !== undefined) this.kept.delete(oldest);
    value.catch(() => {
      if (this.kept.get(key)?.value === value) this.kept.delete(key);
    });
    return value;
  }
}
