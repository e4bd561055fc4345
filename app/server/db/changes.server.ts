// What has been written since, topic by topic (decision 039, docs/page-cache.md). Triggers note
// each write's topics in page_change ("post:<id>", "posts", "figures", or "site" for anything not
// classified: the page_changes migration). Each app process follows that table: on a request it
// asks PostgreSQL, in one small query shared by the requests arriving together, for its current
// snapshot and the topics of the rows committed since the snapshot it saw last, and moves those
// topics' generations on. A kept page or answer remembers the generations of the topics it shows
// and is used only while they are unchanged: a reply retires its own story and the lists, not every
// dashboard, and a sign-in or a rate-limit row retires nothing.
//
// It never depends on timing: a row is seen by the first sync whose snapshot shows it committed,
// and every sync starts after the request that asks for it arrived, so a request always sees every
// write committed before it came.
import type pg from "pg";

import { oncePerRequest } from "../http/request-scope.server";

/** "site" is part of every topic set: what nobody classified retires everything. */
export const SITE_TOPIC = "site";

/** Generations of the topics a kept thing shows, as one comparable string; null topics = any change at all. */
export type TopicVersionReader = (topics: readonly string[] | null) => Promise<string>;

const SYNC_SQL = `
  SELECT pg_current_snapshot()::text AS at,
         coalesce((SELECT array_agg(DISTINCT topic) FROM page_change
                   WHERE $1::text IS NOT NULL
                     AND xact >= pg_snapshot_xmin($1::pg_snapshot)::text::bigint
                     AND NOT pg_visible_in_snapshot(xact::text::xid8, $1::pg_snapshot)), '{}') AS topics`;

export class ChangeFollower {
  private seenAt: string | null = null;
  private readonly generations = new Map<string, number>();
  /** Moves on with every change of any topic. */
  private everything = 0;
  /** Bumped when the follower lost track (a failed sync after an earlier one): all kept things go. */
  private epoch = 0;
  private asked: Promise<void> | null = null;
  private syncedAtMs = 0;

  constructor(private readonly pool: () => pg.Pool) {}

  /**
   * Brings the generations up to date with every write committed before now (shared by callers
   * arriving together). Within one reading request the first sync serves every later question: it
   * began after the request arrived, which is all a request is promised (http/request-scope.server.ts).
   */
  sync(): Promise<void> {
    return oncePerRequest("changes sync", () => this.syncNow());
  }

  private syncNow(): Promise<void> {
    this.asked ??= new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      this.asked = null;
      const result = await this.pool().query<{ at: string; topics: string[] }>(SYNC_SQL, [this.seenAt]);
      const row = result.rows[0];
      if (!row) throw new Error("no snapshot");
      // After a long quiet spell, page_change rows older than a day may be gone: start afresh.
      if (this.seenAt === null || Date.now() - this.syncedAtMs > FORGET_AFTER_MS) this.epoch += 1;
      this.seenAt = row.at;
      this.syncedAtMs = Date.now();
      if (row.topics.length > 0) this.everything += 1;
      for (const topic of row.topics) this.generations.set(topic, (this.generations.get(topic) ?? 0) + 1);
    });
    return this.asked;
  }

  /** The current version of these topics (with "site"), after a sync; null = any topic at all. */
  versionOf: TopicVersionReader = async (topics) => {
    await this.sync();
    if (topics === null) return `${this.epoch}/*${this.everything}`;
    const names = [SITE_TOPIC, ...topics.filter((t) => t !== SITE_TOPIC)];
    return `${this.epoch}/${names.map((t) => `${t}=${this.generations.get(t) ?? 0}`).join(",")}`;
  };
}

const FORGET_AFTER_MS = 3_600_000;

declare global {
  // One follower per process, shared by the page cache (main.ts) and the Remix build's kept answers.
  var __fifthOptionChanges: { versionOf: TopicVersionReader } | undefined;
}

/** This process's follower (made on first use, with this pool). */
export function changeFollower(pool: () => pg.Pool): { versionOf: TopicVersionReader } {
  globalThis.__fifthOptionChanges ??= new ChangeFollower(pool);
  return globalThis.__fifthOptionChanges;
}

/** The page_change rows no kept page can still need (they are read only for writes since a recent snapshot). */
export const FORGET_OLD_CHANGES_SQL = `DELETE FROM page_change WHERE at < now() - interval '1 day'`;
