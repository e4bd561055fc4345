// A member's own posts and replies that nobody else can see yet: waiting for a moderator, or sent
// back with a request for changes. Only ever asked for the signed-in member's own id.
import { coarseDate, coarseDateTime } from "~/domain/anonymity/byline";
import { replyHref } from "~/domain/posts/thread-pages";

import { query } from "../db/client.server";
import { replyPageOf } from "./read.server";

export interface OwnWaitingItem {
  type: "post" | "reply";
  id: number;
  postId: number;
  title: string;
  status: "pending" | "changes_requested";
  link: string;
  /** The month the author wrote it (a post waiting for review has no publishing date yet). */
  month: string;
  monthIso: string;
}

export async function listOwnWaiting(userId: number): Promise<OwnWaitingItem[]> {
  const rows = await query<{
    type: "post" | "reply";
    id: number;
    postId: number;
    title: string;
    status: "pending" | "changes_requested";
    createdAt: Date;
    page: number | null;
  }>(
    `SELECT 'post' AS type, p.id, p.id AS "postId", p.title, p.status::text AS status, p.created_at AS "createdAt",
            NULL::int AS page
       FROM post p WHERE p.author_id = $1 AND p.status IN ('pending', 'changes_requested')
     UNION ALL
     SELECT 'reply', c.id, c.post_id, p.title, c.status::text, c.created_at, ${replyPageOf("c.id")}
       FROM comment c JOIN post p ON p.id = c.post_id
      WHERE c.author_id = $1 AND c.status = 'pending' AND p.status = 'published'
     ORDER BY "createdAt" DESC, id DESC
     LIMIT 100`,
    [userId],
  );
  return rows.map((row) => ({
    type: row.type,
    id: row.id,
    postId: row.postId,
    title: row.title,
    status: row.status,
    link: row.type === "post" ? `/stories/${row.id}` : replyHref(row.postId, row.id, row.page ?? 1),
    month: coarseDate(row.createdAt),
    monthIso: coarseDateTime(row.createdAt),
  }));
}
