// Writing: new posts, comments and edits, each entering the moderation states (docs/architecture.md, "Moderation").
import { renderMarkdown } from "~/domain/markdown/render";
import { needsPreModeration } from "~/domain/accounts/trust";
import { type BylineScope, bylineNarrowing, type NarrowingWarning } from "~/domain/anonymity/byline";
import { type ThreadChoice, whoHearsOfReply } from "~/domain/following/following";
import type { PostInput } from "~/domain/posts/post-input";
import { replyHref } from "~/domain/posts/thread-pages";
import type { Perspective } from "~/domain/taxonomy";
import { Refusal } from "~/domain/forms";

import { isUniqueViolation, prisma, query, sqlTransaction, transaction } from "../db/client.server";
import { Prisma } from "../db/generated/client";
import { BlockedByWatchedWord, checkWatchedWords } from "../moderation/watched-words.server";
import { FOLLOW_ON_WRITE_SQL, READ_MARK_SQL } from "../following/following.server";
import { replyPageOf } from "./read.server";

/**
 * Runs the admins' watched words over each text: refuses blocked ones, applies replacements, and
 * says whether to hold the item for a moderator or report it to them. Every text anyone writes
 * goes through it (posts, replies, report comments, collections). A refusal names the blocked
 * text's field when `fields` are given ("body" otherwise).
 */
export async function screenText(
  texts: string[],
  fields: readonly string[] = [],
): Promise<{ texts: string[]; hold: boolean; flagged: string[] }> {
  const out: string[] = [];
  let hold = false;
  const flagged: string[] = [];
  for (const [index, text] of texts.entries()) {
    const result = await checkWatchedWords(text);
    if (result.blockedBy) throw new BlockedByWatchedWord(result.blockedBy, fields[index]);
    hold ||= result.hold;
    if (result.flag) flagged.push(...result.matched.filter((m) => m.action === "flag").map((m) => m.pattern));
    out.push(result.text);
  }
  return { texts: out, hold, flagged };
}

export interface Author {
  id: number;
  trustLevel: number;
  perspective: string;
}

/** 400 on the field that named something that is not there (or no longer takes replies). */
export class UnknownReference extends Refusal {
  constructor(
    public override readonly field: "area" | "tags" | "post" | "parent",
    message: string,
  ) {
    super(message, 400, field);
  }
}

/**
 * How many other members with this perspective have published anonymously about this council.
 * Only compared with a threshold (app/domain/anonymity/byline.ts), never shown.
 */
export async function countPeersInCouncil(areaCode: string, perspective: string, authorId: number): Promise<number> {
  const [row] = await query<{ n: number }>(
    `SELECT count(DISTINCT author_id)::int AS n FROM post
     WHERE area_code = $1 AND author_perspective = $2::perspective AND status = 'published' AND display_mode = 'anonymous'
       AND author_id IS NOT NULL AND author_id <> $3`,
    [areaCode, perspective, authorId],
  );
  return row?.n ?? 0;
}

/** Whether this byline could point to few people (the rule is app/domain/anonymity/byline.ts). */
export async function bylineWarning(
  author: { id: number; perspective: string },
  choice: { areaCode: string | null; displayMode: "handle" | "anonymous"; bylineScope: BylineScope },
): Promise<NarrowingWarning | null> {
  const base = {
    perspective: author.perspective as Perspective,
    displayMode: choice.displayMode,
    scope: choice.bylineScope,
    hasCouncil: choice.areaCode !== null,
  };
  // Nothing to count unless the byline names a council.
  if (!bylineNarrowing({ ...base, peersInCouncil: 0 })) return null;
  const peers = choice.areaCode ? await countPeersInCouncil(choice.areaCode, author.perspective, author.id) : null;
  return bylineNarrowing({ ...base, peersInCouncil: peers });
}

/**
 * Saves a new post. Trust level 0 waits for a moderator; others publish at once. The submission
 * key makes a double-submitted form create one post: the second gets the first's id back.
 */
export async function createPost(
  author: Author,
  input: PostInput & { areaCode: string | null; keptFindings: unknown[] },
  submissionKey: string,
): Promise<{ id: number; status: "pending" | "published"; duplicate: boolean }> {
  const existing = await prisma().post.findUnique({
    where: { submissionKey },
    select: { id: true, status: true, authorId: true },
  });
  if (existing && existing.authorId === author.id) {
    return { id: existing.id, status: existing.status === "published" ? "published" : "pending", duplicate: true };
  }
  const tags = await prisma().tag.findMany({ where: { slug: { in: input.tags } }, select: { id: true, slug: true } });
  if (tags.length !== new Set(input.tags).size) throw new UnknownReference("tags", "Choose tags from the list");
  const screened = await screenText([input.title, input.body]);
  const [title = input.title, body = input.body] = screened.texts;
  const rendered = renderMarkdown(body);
  const status = screened.hold || needsPreModeration(author.trustLevel) ? "pending" : "published";
  const now = new Date();
  try {
    const post = await prisma().post.create({
      data: {
        kind: input.kind,
        title,
        bodyMarkdown: body,
        bodyHtml: rendered.html,
        bodyText: rendered.text,
        areaCode: input.areaCode,
        authorId: author.id,
        displayMode: input.displayMode,
        bylineScope: input.bylineScope,
        authorPerspective: author.perspective as never,
        status,
        keptFindings: input.keptFindings.length ? (input.keptFindings as never) : undefined,
        publishedAt: status === "published" ? now : null,
        submissionKey,
        tags: { create: tags.map((tag) => ({ tagId: tag.id })) },
        // Writing a post follows its thread; a published one is read up to itself.
        followers: { create: [{ userId: author.id }] },
        ...(status === "published" ? { readMarks: { create: [{ userId: author.id, seenUpTo: now }] } } : {}),
        // A "flag" watched word reports the post to moderators without holding it back.
        ...(screened.flagged.length
          ? { flags: { create: [{ reason: "other", note: `Watched words: ${screened.flagged.join(", ")}` }] } }
          : {}),
      },
      select: { id: true },
    });
    return { id: post.id, status, duplicate: false };
  } catch (error) {
    if (isUniqueViolation(error)) {
      const raced = await prisma().post.findUnique({ where: { submissionKey }, select: { id: true, status: true } });
      if (raced)
        return { id: raced.id, status: raced.status === "published" ? "published" : "pending", duplicate: true };
    }
    throw error;
  }
}

/** A reply to a published post, optionally to one of its top-level comments (one level only). */
export async function createComment(
  author: Author,
  input: {
    postId: number;
    parentId: number | null;
    body: string;
    displayMode: "handle" | "anonymous";
    keptFindings: unknown[];
  },
  submissionKey: string,
): Promise<{ id: number; status: "pending" | "published"; duplicate: boolean }> {
  // Independent lookups, asked at once: a retried submission, the post, the reply being answered.
  // Hand-written SQL here and below: replying is the commonest write, and Prisma's per-query
  // and interactive-transaction overhead was most of its cost.
  const [[existing], [post], [parent]] = await Promise.all([
    query<{ id: number; status: string; authorId: number | null }>(
      `SELECT id, status, author_id AS "authorId" FROM comment WHERE submission_key = $1::uuid`,
      [submissionKey],
    ),
    query<{ id: number; authorId: number | null; title: string }>(
      `SELECT id, author_id AS "authorId", title FROM post WHERE id = $1 AND status = 'published'`,
      [input.postId],
    ),
    input.parentId === null
      ? Promise.resolve([])
      : query<{ id: number; authorId: number | null }>(
          `SELECT id, author_id AS "authorId" FROM comment WHERE id = $1 AND post_id = $2 AND parent_id IS NULL AND status = 'published'`,
          [input.parentId, input.postId],
        ),
  ]);
  if (existing && existing.authorId === author.id) {
    return { id: existing.id, status: existing.status === "published" ? "published" : "pending", duplicate: true };
  }
  if (!post) throw new UnknownReference("post", "You can only reply to a published post");
  if (input.parentId !== null && !parent)
    throw new UnknownReference("parent", "That reply is no longer there to answer");
  const parentAuthorId = parent?.authorId ?? null;
  const screened = await screenText([input.body]);
  const body = screened.texts[0] ?? input.body;
  const status = screened.hold || needsPreModeration(author.trustLevel) ? "pending" : "published";
  try {
    // The reply and the notifications it sends are saved together: if the database drops out
    // part-way, nothing is saved, so the "not saved, try again" answer is true and a retry saves it once.
    const id = await sqlTransaction(async (tx) => {
      const created = await tx.query<{ id: number }>(
        `INSERT INTO comment (post_id, parent_id, author_id, display_mode, author_perspective, body_markdown, body_html,
                              status, kept_findings, published_at, submission_key)
         VALUES ($1, $2, $3, $4::display_mode, $5::perspective, $6, $7, $8::moderation_status, $9::jsonb,
                 CASE WHEN $8 = 'published' THEN now() END, $10::uuid)
         RETURNING id`,
        [
          input.postId,
          input.parentId,
          author.id,
          input.displayMode,
          author.perspective,
          body,
          renderMarkdown(body).html,
          status,
          input.keptFindings.length ? JSON.stringify(input.keptFindings) : null,
          submissionKey,
        ],
      );
      const commentId = created.rows[0]?.id ?? 0;
      if (screened.flagged.length) {
        await tx.query(`INSERT INTO flag (comment_id, reason, note) VALUES ($1, 'other', $2)`, [
          commentId,
          `Watched words: ${screened.flagged.join(", ")}`,
        ]);
      }
      if (status !== "published") {
        // Replying follows the thread (unless the member chose otherwise before).
        await tx.query(FOLLOW_ON_WRITE_SQL, [author.id, input.postId]);
        return commentId;
      }
      // One round trip for what follows from a published reply: the replier follows the thread
      // (unless they chose otherwise before) and has read it up to their own reply; and the reply's
      // page and who chose to follow or mute the thread are read for the notifications. The
      // choices cannot include the follow this statement adds, which is the replier's own, and
      // nobody is told of their own reply.
      const [after] = (
        await tx.query<{ page: number; choices: ThreadChoice[] }>(
          `WITH follow AS (${FOLLOW_ON_WRITE_SQL}), mark AS (${READ_MARK_SQL})
           SELECT ${replyPageOf("$3")} AS page,
             coalesce((SELECT json_agg(json_build_object('userId', f.user_id, 'following', f.following, 'muted', f.muted))
                       FROM thread_follow f WHERE f.post_id = $2 AND (f.following OR f.muted)), '[]') AS choices`,
          [author.id, input.postId, commentId],
        )
      ).rows;
      const link = replyHref(input.postId, commentId, after?.page ?? 1);
      const told = whoHearsOfReply({
        title: post.title,
        replyAuthorId: author.id,
        postAuthorId: post.authorId,
        parentAuthorId,
        choices: after?.choices ?? [],
      });
      if (told.length) {
        await tx.query(
          `INSERT INTO notification (user_id, kind, message, link, post_id) SELECT u, 'reply', m, $3, $4 FROM unnest($1::int[], $2::text[]) AS t(u, m)`,
          [told.map((n) => n.userId), told.map((n) => n.message), link, input.postId],
        );
      }
      return commentId;
    });
    return { id, status, duplicate: false };
  } catch (error) {
    if (isUniqueViolation(error)) {
      const [raced] = await query<{ id: number; status: string }>(
        `SELECT id, status FROM comment WHERE submission_key = $1::uuid`,
        [submissionKey],
      );
      if (raced)
        return { id: raced.id, status: raced.status === "published" ? "published" : "pending", duplicate: true };
    }
    throw error;
  }
}

/** "I have experienced this too": one per member per post; pressing again takes it back. */
export async function toggleReaction(postId: number, userId: number): Promise<boolean> {
  const post = await prisma().post.findFirst({ where: { id: postId, status: "published" }, select: { id: true } });
  if (!post) throw new UnknownReference("post", "That post is not available");
  const removed = await prisma().postReaction.deleteMany({ where: { postId, userId } });
  if (removed.count > 0) return false;
  await prisma().postReaction.createMany({ data: [{ postId, userId }], skipDuplicates: true });
  return true;
}

export async function getPostForEditing(id: number) {
  const post = await prisma().post.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      title: true,
      bodyMarkdown: true,
      authorId: true,
      status: true,
      version: true,
      displayMode: true,
      bylineScope: true,
      publishedAt: true,
      area: { select: { code: true, name: true, regionCode: true, regionName: true, nation: true } },
      tags: { select: { tag: { select: { slug: true } } } },
    },
  });
  return post ? { ...post, tags: post.tags.map((t) => t.tag.slug) } : null;
}

/** The place, tags and byline an author may change after posting. */
export interface PostPlaceChange {
  areaCode: string | null;
  tags: string[];
  displayMode: "handle" | "anonymous";
  bylineScope: BylineScope;
}

/** Stored kept findings: recomputed from the saved text each time, so an empty list clears them. */
function keptColumn(kept: unknown[]) {
  return kept.length ? (kept as never) : Prisma.DbNull;
}

/** 409: the post or reply changed since the form was opened (another tab, a moderator's edit). */
export class StaleEdit extends Refusal {
  constructor(what: "post" | "reply") {
    super(
      what === "post"
        ? "This post changed since you opened it. Copy your text, reload the page and try again."
        : "This reply changed since you opened it. Copy your text, reload and try again.",
      409,
    );
  }
}

/**
 * An author's edit. The previous version (text, council, tags and byline) is kept: moderators
 * see the history. A published post edited by a trust-level-0 author goes back to review.
 * `version` guards against a stale form (StaleEdit). Kept findings are replaced by those of the new text.
 */
export async function editPost(
  author: Author,
  input: { id: number; title: string; body: string; version: number; keptFindings: unknown[]; place?: PostPlaceChange },
): Promise<{ status: string }> {
  return transaction(async (tx) => {
    const current = await tx.post.findUnique({
      where: { id: input.id },
      select: { ...REVISED_FIELDS, status: true, version: true, authorId: true },
    });
    if (!current || current.authorId !== author.id || current.status === "removed")
      throw new UnknownReference("post", "That post cannot be edited");
    if (current.version !== input.version) throw new StaleEdit("post");
    const place = input.place;
    const tags = place ? await tx.tag.findMany({ where: { slug: { in: place.tags } }, select: { id: true } }) : [];
    if (place && tags.length !== new Set(place.tags).size)
      throw new UnknownReference("tags", "Choose tags from the list");
    await tx.postRevision.create({ data: revisionOf(input.id, current, author.id, "Edited by the author") });
    if (place) {
      await tx.postTag.deleteMany({ where: { postId: input.id } });
      if (tags.length) await tx.postTag.createMany({ data: tags.map((tag) => ({ postId: input.id, tagId: tag.id })) });
    }
    const screened = await screenText([input.title, input.body]);
    const [title = input.title, body = input.body] = screened.texts;
    const rendered = renderMarkdown(body);
    const backToReview = current.status === "published" && (screened.hold || needsPreModeration(author.trustLevel));
    const status = backToReview ? "pending" : current.status === "changes_requested" ? "pending" : current.status;
    await tx.post.update({
      where: { id: input.id },
      data: {
        title,
        bodyMarkdown: body,
        bodyHtml: rendered.html,
        bodyText: rendered.text,
        status,
        keptFindings: keptColumn(input.keptFindings),
        ...(place ? { areaCode: place.areaCode, displayMode: place.displayMode, bylineScope: place.bylineScope } : {}),
        version: { increment: 1 },
      },
    });
    return { status };
  });
}

export async function getCommentForEditing(id: number) {
  return prisma().comment.findUnique({
    where: { id },
    select: { id: true, postId: true, bodyMarkdown: true, authorId: true, status: true, version: true },
  });
}

export async function editComment(
  author: Author,
  input: { id: number; body: string; version: number; keptFindings: unknown[] },
): Promise<{ status: string; postId: number }> {
  return transaction(async (tx) => {
    const current = await tx.comment.findUnique({
      where: { id: input.id },
      select: { bodyMarkdown: true, status: true, version: true, authorId: true, postId: true },
    });
    if (!current || current.authorId !== author.id || current.status === "removed")
      throw new UnknownReference("post", "That reply cannot be edited");
    if (current.version !== input.version) throw new StaleEdit("reply");
    await tx.commentRevision.create({
      data: {
        commentId: input.id,
        bodyMarkdown: current.bodyMarkdown,
        editedById: author.id,
        reason: "Edited by the author",
      },
    });
    const screened = await screenText([input.body]);
    const body = screened.texts[0] ?? input.body;
    const backToReview = current.status === "published" && (screened.hold || needsPreModeration(author.trustLevel));
    const status = backToReview || current.status === "changes_requested" ? "pending" : current.status;
    await tx.comment.update({
      where: { id: input.id },
      data: {
        bodyMarkdown: body,
        bodyHtml: renderMarkdown(body).html,
        status,
        keptFindings: keptColumn(input.keptFindings),
        version: { increment: 1 },
      },
    });
    return { status, postId: current.postId };
  });
}

/**
 * Renders every post and comment again from its Markdown, after the rendering rules change.
 * Works in batches by id so it runs in constant memory on any number of rows.
 */
export async function rerenderAllContent(
  batchSize = 500,
): Promise<{ posts: number; comments: number; changed: number }> {
  const select = { id: true, bodyMarkdown: true, bodyHtml: true } as const;
  const page = (after: number) => ({
    where: { id: { gt: after } },
    orderBy: { id: "asc" as const },
    take: batchSize,
    select,
  });
  const posts = await rerenderInBatches(
    (after) => prisma().post.findMany(page(after)),
    (id, rendered) =>
      prisma().post.update({ where: { id }, data: { bodyHtml: rendered.html, bodyText: rendered.text } }),
  );
  const comments = await rerenderInBatches(
    (after) => prisma().comment.findMany(page(after)),
    (id, rendered) => prisma().comment.update({ where: { id }, data: { bodyHtml: rendered.html } }),
  );
  return { posts: posts.read, comments: comments.read, changed: posts.changed + comments.changed };
}

/** Reads rows in id order, a batch at a time, and saves each whose stored HTML differs from a fresh render. */
async function rerenderInBatches(
  read: (after: number) => Promise<{ id: number; bodyMarkdown: string; bodyHtml: string }[]>,
  save: (id: number, rendered: ReturnType<typeof renderMarkdown>) => Promise<unknown>,
): Promise<{ read: number; changed: number }> {
  let count = 0;
  let changed = 0;
  for (let after = 0; ;) {
    const batch = await read(after);
    if (batch.length === 0) return { read: count, changed };
    for (const row of batch) {
      const rendered = renderMarkdown(row.bodyMarkdown);
      if (rendered.html !== row.bodyHtml) {
        await save(row.id, rendered);
        changed += 1;
      }
    }
    count += batch.length;
    after = batch.at(-1)?.id ?? after;
  }
}

/** What `revisionOf` reads of the post being replaced: select these (and whatever else the edit needs). */
export const REVISED_FIELDS = {
  title: true,
  bodyMarkdown: true,
  areaCode: true,
  displayMode: true,
  bylineScope: true,
  tags: { select: { tag: { select: { slug: true } } } },
} as const;

/** What a post's revision keeps of the version being replaced: text, place, tags and byline, by whom and why. */
export function revisionOf(
  postId: number,
  current: {
    title: string;
    bodyMarkdown: string;
    areaCode: string | null;
    tags: { tag: { slug: string } }[];
    displayMode: "handle" | "anonymous";
    bylineScope: BylineScope;
  },
  editedById: number,
  reason: string,
) {
  return {
    postId,
    title: current.title,
    bodyMarkdown: current.bodyMarkdown,
    areaCode: current.areaCode,
    tagSlugs: current.tags.map((t) => t.tag.slug).sort(),
    displayMode: current.displayMode,
    bylineScope: current.bylineScope,
    editedById,
    reason,
  };
}
