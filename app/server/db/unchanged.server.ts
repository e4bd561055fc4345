// Answers kept while the database is unchanged. Counting, ranking and aggregating take PostgreSQL
// far longer than a page may take, and the same questions come back again and again (links are
// shared, feeds are polled, everyone opens the home page). So answers are kept per app instance,
// but used only while PostgreSQL's snapshot is the same as when they were worked out: no
// transaction that writes has begun or ended since, so the database would give exactly the same
// answer. A kept count is never a stale count, and anyone who has just published sees their post
// at once, on every instance. (Background work such as checkpoints and hint bits assigns no
// transaction id and leaves the snapshot alone; any write does not.)
//
// Used by search (posts/search.server.ts), the outcomes dashboard (outcomes/figures.server.ts) and the
// page cache for signed-out readers (page-cache.server.ts).
import type pg from "pg";

export type VersionReader = () => Promise<string>;

/**
 * PostgreSQL's current snapshot ("xmin:xmax:transactions in progress"), read through `pool`.
 * Calls made before the query goes out share it (a page asks several times, and so do requests
 * arriving together): it is still read after each of them began.
 */
export function snapshotReader(pool: () => pg.Pool): VersionReader {
  let asked: Promise<string> | null = null;
  return () => {
    asked ??= new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      asked = null;
      const result = await pool().query<{ version: string }>(`SELECT pg_current_snapshot()::text AS version`);
      return result.rows[0]?.version ?? "";
    });
    return asked;
  };
}

/** A bounded set of answers, each used only while the version it was worked out at is current. */
export class KeptWhileUnchanged {
  private readonly kept = new Map<string, { version: string; value: Promise<unknown> }>();

  constructor(
    private readonly version: VersionReader,
    private readonly limit = 500,
  ) {}

  /** The answer kept for this key if nothing has been written since; otherwise works it out (once, however many ask at the same time). */
  async get<T>(key: string, work: () => Promise<T>): Promise<T> {
    const version = await this.version();
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
