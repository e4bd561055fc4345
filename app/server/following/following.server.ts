// Following threads, tags and councils, muting, saved posts and read marks: every query
// (rules in app/domain/following/, the why in docs/peer-support.md and decision 030).
// All of it is private to the member: nothing here is ever shown to anyone else or counted.
import { type ThreadChoice, whoHearsOfReply } from "~/domain/following/following";
import type { PostSummary } from "~/domain/posts/post-summary";
import { replyHref } from "~/domain/posts/thread-pages";
import { Refusal } from "~/domain/forms";

import { query } from "../db/client.server";
import { notifyEach } from "../notifications/notifications.server";
import { listPublishedSummaries, replyPageOf } from "../posts/read.server";

/** Something a member may follow or save only while it is published (or is their own). */
const VISIBLE_POST = `SELECT id FROM post WHERE id = $2 AND (status = 'published' OR (author_id = $1 AND status <> 'removed'))`;

/**
 * How far a thread has been read: the publication time of its newest published part. A time of
 * the content, not of the visit, so the mark says nothing about when the member was here.
 */
// Writes only when the mark moves: a reader opening a thread they have already read writes
// nothing, so PostgreSQL's snapshot stays the same and signed-out readers' kept pages stay valid
// (app/server/http/page-cache.server.ts).
export const READ_MARK_SQL = `
  INSERT INTO thread_read (user_id, post_id, seen_up_to)
  SELECT $1, mark.post_id, mark.seen_up_to
  FROM (SELECT p.id AS post_id,
               greatest(p.published_at, (SELECT max(c.published_at) FROM comment c WHERE c.post_id = p.id AND c.status = 'published')) AS seen_up_to
        FROM post p WHERE p.id = $2 AND p.status = 'published' AND p.published_at IS NOT NULL) mark
  WHERE NOT EXISTS (SELECT 1 FROM thread_read r WHERE r.user_id = $1 AND r.post_id = mark.post_id AND r.seen_up_to >= mark.seen_up_to)
  ON CONFLICT (user_id, post_id) DO UPDATE SET seen_up_to = greatest(thread_read.seen_up_to, EXCLUDED.seen_up_to)`;

/** Writing a post or reply follows its thread, unless the member already chose otherwise. */
export const FOLLOW_ON_WRITE_SQL = `INSERT INTO thread_follow (user_id, post_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`;

export class NotFollowable extends Refusal {
  constructor(message = "That is not available to follow") {
    super(message, 404);
  }
}

export async function threadState(userId: number, postId: number) {
  const [row] = await query<{ following: boolean; muted: boolean; saved: boolean }>(
    `SELECT coalesce(f.following, false) AS following, coalesce(f.muted, false) AS muted,
            EXISTS (SELECT 1 FROM saved_post s WHERE s.user_id = $1 AND s.post_id = $2) AS saved
     FROM (SELECT 1) AS one LEFT JOIN thread_follow f ON f.user_id = $1 AND f.post_id = $2`,
    [userId, postId],
  );
  return row ?? { following: false, muted: false, saved: false };
}

export async function setThreadFollowing(userId: number, postId: number, following: boolean) {
  const rows = await query(
    `INSERT INTO thread_follow (user_id, post_id, following) SELECT $1, id, $3 FROM (${VISIBLE_POST}) AS p
     ON CONFLICT (user_id, post_id) DO UPDATE SET following = EXCLUDED.following RETURNING post_id`,
    [userId, postId, following],
  );
  if (rows.length === 0) throw new NotFollowable();
}

export async function setThreadMuted(userId: number, postId: number, muted: boolean) {
  // Muting a thread one never followed leaves it unfollowed: a new row starts not following.
  const rows = await query(
    `INSERT INTO thread_follow (user_id, post_id, following, muted) SELECT $1, id, false, $3 FROM (${VISIBLE_POST}) AS p
     ON CONFLICT (user_id, post_id) DO UPDATE SET muted = EXCLUDED.muted RETURNING post_id`,
    [userId, postId, muted],
  );
  if (rows.length === 0) throw new NotFollowable();
}

export async function setSaved(userId: number, postId: number, saved: boolean) {
  if (!saved) {
    await query(`DELETE FROM saved_post WHERE user_id = $1 AND post_id = $2`, [userId, postId]);
    return;
  }
  const [visible] = await query(VISIBLE_POST, [userId, postId]);
  if (!visible) throw new NotFollowable("That post is not available to save");
  await query(`INSERT INTO saved_post (user_id, post_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [userId, postId]);
}

/**
 * The first follow of a tag or council starts the "new since your last visit" mark at the newest
 * post published so far (again a time of the content), so only what comes after is new.
 */
async function startVisitMark(userId: number) {
  await query(
    `INSERT INTO following_visit (user_id, seen_up_to)
     SELECT $1, coalesce(max(published_at), 'epoch') FROM post WHERE status = 'published'
     ON CONFLICT (user_id) DO NOTHING`,
    [userId],
  );
}

export async function setTagFollowing(userId: number, slug: string, on: boolean) {
  const [tag] = await query<{ id: number }>(`SELECT id FROM tag WHERE slug = $1`, [slug]);
  if (!tag) throw new NotFollowable("That tag is not on our list");
  if (!on) {
    await query(`DELETE FROM tag_follow WHERE user_id = $1 AND tag_id = $2`, [userId, tag.id]);
    return;
  }
  await startVisitMark(userId);
  await query(`INSERT INTO tag_follow (user_id, tag_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [userId, tag.id]);
}

export async function setCouncilFollowing(userId: number, code: string, on: boolean) {
  const [area] = await query<{ code: string }>(`SELECT code FROM area WHERE code = $1`, [code]);
  if (!area) throw new NotFollowable("That council is not on our list");
  if (!on) {
    await query(`DELETE FROM council_follow WHERE user_id = $1 AND area_code = $2`, [userId, code]);
    return;
  }
  await startVisitMark(userId);
  await query(`INSERT INTO council_follow (user_id, area_code) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [userId, code]);
}

export async function isFollowingTag(userId: number, slug: string): Promise<boolean> {
  const rows = await query(
    `SELECT 1 FROM tag_follow f JOIN tag t ON t.id = f.tag_id WHERE f.user_id = $1 AND t.slug = $2`,
    [userId, slug],
  );
  return rows.length > 0;
}

export async function isFollowingCouncil(userId: number, code: string): Promise<boolean> {
  const rows = await query(`SELECT 1 FROM council_follow WHERE user_id = $1 AND area_code = $2`, [userId, code]);
  return rows.length > 0;
}

/**
 * Opening a thread: it is read up to its newest part, and the notifications about it are read.
 * Answers how far it had been read before (null if never opened), for "jump to the first new reply".
 */
export async function recordThreadOpened(userId: number, postId: number): Promise<Date | null> {
  // One statement, so one commit: the first part sees the mark as it was before this statement
  // moves it, and a data-modifying WITH runs whether or not the answer reads it. Both writes touch
  // only a published thread, so the story page may send this beside its own reads, before it
  // knows whether the thread is there (a pending, removed or missing one changes nothing).
  const [mark] = await query<{ before: Date | null }>(
    `WITH before AS (SELECT seen_up_to FROM thread_read WHERE user_id = $1 AND post_id = $2),
          moved AS (${READ_MARK_SQL}),
          told AS (UPDATE notification SET read_at = now() WHERE user_id = $1 AND post_id = $2 AND read_at IS NULL
                     AND EXISTS (SELECT 1 FROM post p WHERE p.id = $2 AND p.status = 'published'))
     SELECT (SELECT seen_up_to FROM before) AS before`,
    [userId, postId],
  );
  return mark?.before ?? null;
}

/**
 * Whether the thread `post` (an SQL expression) has replies, by someone else, published after the
 * member `user` (a parameter) last read it: the "New replies" mark.
 */
export function unreadCondition(user: string, post: string): string {
  return `EXISTS (SELECT 1 FROM thread_read r WHERE r.user_id = ${user} AND r.post_id = ${post}
    AND EXISTS (SELECT 1 FROM comment c WHERE c.post_id = r.post_id AND c.status = 'published'
                AND c.published_at > r.seen_up_to AND c.author_id IS DISTINCT FROM ${user}))`;
}

/** Which of these threads have replies, by someone else, published after the member last read them. */
export async function unreadThreads(userId: number, postIds: number[]): Promise<number[]> {
  if (postIds.length === 0) return [];
  const rows = await query<{ postId: number }>(
    `SELECT t.id AS "postId" FROM unnest($2::int[]) AS t(id) WHERE ${unreadCondition("$1::int", "t.id")}`,
    [userId, postIds],
  );
  return rows.map((r) => r.postId);
}

export interface FollowedThread {
  post: PostSummary;
  newReplies: number;
  muted: boolean;
}

/**
 * The Following page: threads followed (newest activity first, with how many replies are new to
 * the member), new posts under the tags and councils followed, and those tags and councils.
 * Showing it moves the "new since your last visit" mark up to the newest post it listed.
 */
export async function followingPage(userId: number) {
  const [threads, posts, tags, councils] = await Promise.all([
    query<{ postId: number; muted: boolean; newReplies: number }>(
      `SELECT f.post_id AS "postId", f.muted,
              (SELECT count(*)::int FROM comment c WHERE c.post_id = f.post_id AND c.status = 'published'
                 AND c.author_id IS DISTINCT FROM $1 AND (r.seen_up_to IS NULL OR c.published_at > r.seen_up_to)) AS "newReplies"
       FROM thread_follow f
       JOIN post p ON p.id = f.post_id AND p.status = 'published'
       LEFT JOIN thread_read r ON r.user_id = f.user_id AND r.post_id = f.post_id
       WHERE f.user_id = $1 AND f.following
       ORDER BY greatest(p.published_at, (SELECT max(c.published_at) FROM comment c WHERE c.post_id = p.id AND c.status = 'published')) DESC, p.id
       LIMIT 50`,
      [userId],
    ),
    // A council is matched only where the byline names it: a post shown by region or nation only
    // must not be tied to its council by turning up under it here.
    query<{ postId: number; isNew: boolean; publishedAt: Date }>(
      `SELECT p.id AS "postId", p.published_at AS "publishedAt", (v.seen_up_to IS NULL OR p.published_at > v.seen_up_to) AS "isNew"
       FROM post p LEFT JOIN following_visit v ON v.user_id = $1
       WHERE p.status = 'published' AND p.author_id IS DISTINCT FROM $1
         AND ((p.byline_scope = 'council' AND p.area_code IN (SELECT area_code FROM council_follow WHERE user_id = $1))
              OR EXISTS (SELECT 1 FROM post_tag pt JOIN tag_follow tf ON tf.tag_id = pt.tag_id AND tf.user_id = $1 WHERE pt.post_id = p.id))
       ORDER BY p.published_at DESC, p.id
       LIMIT 30`,
      [userId],
    ),
    query<{ slug: string; label: string }>(
      `SELECT t.slug, t.label FROM tag_follow f JOIN tag t ON t.id = f.tag_id WHERE f.user_id = $1 ORDER BY t.label`,
      [userId],
    ),
    query<{ code: string; name: string }>(
      `SELECT a.code, a.name FROM council_follow f JOIN area a ON a.code = f.area_code WHERE f.user_id = $1 ORDER BY a.name`,
      [userId],
    ),
  ]);
  const [threadSummaries, postSummaries, unread] = await Promise.all([
    listPublishedSummaries(threads.map((t) => t.postId)),
    listPublishedSummaries(posts.map((p) => p.postId)),
    unreadThreads(
      userId,
      posts.map((p) => p.postId),
    ),
  ]);
  const newest = posts[0]?.publishedAt;
  if (newest) {
    await query(
      `INSERT INTO following_visit (user_id, seen_up_to) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET seen_up_to = greatest(following_visit.seen_up_to, EXCLUDED.seen_up_to)`,
      [userId, newest],
    );
  }
  const threadById = new Map(threads.map((t) => [t.postId, t]));
  const isNew = new Set(posts.filter((p) => p.isNew).map((p) => p.postId));
  const unreadSet = new Set(unread);
  return {
    threads: threadSummaries.map((post) => ({
      post,
      newReplies: threadById.get(post.id)?.newReplies ?? 0,
      muted: threadById.get(post.id)?.muted ?? false,
    })),
    posts: postSummaries.map((post) => ({ post, isNew: isNew.has(post.id), unreadReplies: unreadSet.has(post.id) })),
    tags,
    councils,
  };
}

/** The Saved page: saved posts still published, newest first, with unread marks. */
export async function savedPage(userId: number) {
  const rows = await query<{ postId: number }>(
    `SELECT s.post_id AS "postId" FROM saved_post s JOIN post p ON p.id = s.post_id AND p.status = 'published'
     WHERE s.user_id = $1 ORDER BY p.published_at DESC, p.id LIMIT 200`,
    [userId],
  );
  const ids = rows.map((r) => r.postId);
  const [posts, unread] = await Promise.all([listPublishedSummaries(ids), unreadThreads(userId, ids)]);
  const unreadSet = new Set(unread);
  return posts.map((post) => ({ post, unreadReplies: unreadSet.has(post.id) }));
}

/** Everyone's standing choice about a thread, for deciding who hears of a reply. */
export async function threadChoices(postId: number): Promise<ThreadChoice[]> {
  return query<ThreadChoice>(
    `SELECT user_id AS "userId", following, muted FROM thread_follow WHERE post_id = $1 AND (following OR muted)`,
    [postId],
  );
}

/**
 * A reply published after a moderator's approval is news for the same people as a reply
 * published at once (posts/write.server.ts): the post's author, the answered commenter and the
 * thread's followers, minus the replier and anyone who muted it.
 */
export async function tellThreadOfReply(commentId: number): Promise<void> {
  const [reply] = await query<{
    postId: number;
    title: string;
    postStatus: string;
    postAuthorId: number | null;
    parentAuthorId: number | null;
    replyAuthorId: number | null;
    page: number;
  }>(
    `SELECT c.post_id AS "postId", p.title, p.status AS "postStatus", p.author_id AS "postAuthorId",
            pc.author_id AS "parentAuthorId", c.author_id AS "replyAuthorId", ${replyPageOf("c.id")} AS page
     FROM comment c JOIN post p ON p.id = c.post_id LEFT JOIN comment pc ON pc.id = c.parent_id
     WHERE c.id = $1 AND c.status = 'published'`,
    [commentId],
  );
  if (!reply || reply.postStatus !== "published") return;
  const news = whoHearsOfReply({ ...reply, choices: await threadChoices(reply.postId) });
  await notifyEach(news, "reply", replyHref(reply.postId, commentId, reply.page), reply.postId);
}

/** What "download my data" carries of all this: what was chosen, never when. */
export async function followingExport(userId: number) {
  const [threads, tags, councils, saved, read] = await Promise.all([
    query<{ postId: number; following: boolean; muted: boolean }>(
      `SELECT post_id AS "postId", following, muted FROM thread_follow WHERE user_id = $1 ORDER BY post_id`,
      [userId],
    ),
    query<{ slug: string }>(
      `SELECT t.slug FROM tag_follow f JOIN tag t ON t.id = f.tag_id WHERE f.user_id = $1 ORDER BY t.slug`,
      [userId],
    ),
    query<{ code: string }>(`SELECT area_code AS code FROM council_follow WHERE user_id = $1 ORDER BY area_code`, [
      userId,
    ]),
    query<{ postId: number }>(`SELECT post_id AS "postId" FROM saved_post WHERE user_id = $1 ORDER BY post_id`, [
      userId,
    ]),
    query<{ postId: number; readUpTo: string }>(
      `SELECT post_id AS "postId", to_char(seen_up_to AT TIME ZONE 'UTC', 'YYYY-MM') AS "readUpTo"
       FROM thread_read WHERE user_id = $1 ORDER BY post_id`,
      [userId],
    ),
  ]);
  return {
    threads,
    tagsFollowed: tags.map((t) => t.slug),
    councilsFollowed: councils.map((c) => c.code),
    savedPosts: saved.map((s) => s.postId),
    threadsRead: read,
  };
}
