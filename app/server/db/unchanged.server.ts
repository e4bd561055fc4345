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
import { LRUCache } from "lru-cache";

export type VersionReader = () => Promise<string>;

/** Roughly how much memory an answer holds: the length of its JSON (a kept answer is plain data). */
export function answerSize(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 1;
  } catch {
    return 1_000;
  }
}

interface Kept {
  version: string;
  value: Promise<unknown>;
  /** answerSize() of the value once it has arrived; 1 while it is worked out. */
  size: number;
}

/**
 * A bounded set of answers, each used only while the version it was worked out at is current.
 * Bounded both in number and in size (the JSON length of the answers, about a third of what they
 * hold on the heap), least recently used out first: a few large answers, such as dashboards, must
 * not fill a process's memory.
 */
export class KeptWhileUnchanged {
  private readonly kept: LRUCache<string, Kept>;

  constructor(
    /** The version an answer depends on, by its key (a snapshot, or the generations of its topics: changes.server.ts). */
    private readonly version: (key: string) => Promise<string>,
    limit = 500,
    maxSize = 12_000_000,
  ) {
    this.kept = new LRUCache<string, Kept>({ max: limit, maxSize, sizeCalculation: (entry) => entry.size });
  }

  /** How many answers are kept, and their size. */
  get usage(): { answers: number; size: number } {
    return { answers: this.kept.size, size: this.kept.calculatedSize };
  }

  /** The answer kept for this key if nothing it depends on has been written since; otherwise works it out (once, however many ask at the same time). */
  async get<T>(key: string, work: () => Promise<T>): Promise<T> {
    const version = await this.version(key);
    const hit = this.kept.get(key);
    if (hit && hit.version === version) return hit.value as Promise<T>;
    const value = work();
    this.kept.set(key, { version, value, size: 1 });
    const stillKept = () => this.kept.peek(key)?.value === value;
    value.then(
      // Counted at its real size once it has arrived, dropping older answers if need be.
      (answer) => stillKept() && this.kept.set(key, { version, value, size: answerSize(answer) }),
      () => stillKept() && this.kept.delete(key),
    );
    return value;
  }
}
