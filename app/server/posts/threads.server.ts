// Writing the marks that make a thread useful: "This helped me" on a reply, and the reply the
// post's author chose as the one that helped most. The rules are app/domain/posts/threads.ts.
import {
  ANSWER_REFUSALS,
  answerRefusal,
  HELPFUL_REFUSALS,
  helpfulRefusal,
  type AnswerRefusal,
  type HelpfulRefusal,
} from "~/domain/posts/threads";
import { Refusal } from "~/domain/forms";

import { query } from "../db/client.server";

/** A mark the member may not make, with the reason in plain words: a refusal with its status. */
export class ThreadMarkRefused extends Refusal {
  constructor(
    public readonly reason: AnswerRefusal | HelpfulRefusal | "no-reply",
    message: string,
  ) {
    super(message, statusOf(reason));
  }
}

function statusOf(reason: AnswerRefusal | HelpfulRefusal | "no-reply"): 400 | 403 | 404 {
  if (reason === "no-reply" || reason === "other-post") return 404;
  return reason === "not-author" || reason === "own-reply" ? 403 : 400;
}

type ReplyRow = {
  id: number;
  postId: number;
  parentId: number | null;
  authorId: number | null;
  published: boolean;
  postAuthorId: number | null;
  postPublished: boolean;
};

async function findReply(commentId: number): Promise<ReplyRow | null> {
  const [row] = await query<ReplyRow>(
    `SELECT c.id, c.post_id AS "postId", c.parent_id AS "parentId", c.author_id AS "authorId",
            c.status = 'published' AS published, p.author_id AS "postAuthorId", p.status = 'published' AS "postPublished"
     FROM comment c JOIN post p ON p.id = c.post_id WHERE c.id = $1`,
    [commentId],
  );
  return row ?? null;
}

/**
 * Says a reply helped the member, or takes it back: true when it is now marked. One per member per
 * reply (the primary key), never on their own reply. No time is stored.
 */
export async function toggleHelpful(postId: number, commentId: number, userId: number): Promise<boolean> {
  const reply = await findReply(commentId);
  if (!reply || reply.postId !== postId) throw new ThreadMarkRefused("no-reply", "That reply is not available.");
  const refusal = helpfulRefusal({
    viewerId: userId,
    replyAuthorId: reply.authorId,
    replyPublished: reply.published,
    postPublished: reply.postPublished,
  });
  if (refusal) throw new ThreadMarkRefused(refusal, HELPFUL_REFUSALS[refusal]);
  const removed = await query(`DELETE FROM comment_helpful WHERE comment_id = $1 AND user_id = $2 RETURNING 1`, [
    commentId,
    userId,
  ]);
  if (removed.length > 0) return false;
  // The conditions again, in the statement itself: a reply removed or a post hidden meanwhile is not marked.
  await query(
    `INSERT INTO comment_helpful (comment_id, user_id)
     SELECT c.id, $2 FROM comment c JOIN post p ON p.id = c.post_id
     WHERE c.id = $1 AND c.status = 'published' AND p.status = 'published' AND c.author_id IS DISTINCT FROM $2
     ON CONFLICT DO NOTHING`,
    [commentId, userId],
  );
  return true;
}

/**
 * The post's author chooses the reply that helped most (replacing any earlier choice), or clears
 * the choice with null.
 */
export async function chooseAnswer(postId: number, userId: number, commentId: number | null): Promise<void> {
  if (commentId === null) {
    const cleared = await query(
      `UPDATE post SET answer_comment_id = NULL WHERE id = $1 AND author_id = $2 RETURNING 1`,
      [postId, userId],
    );
    if (cleared.length === 0) throw new ThreadMarkRefused("not-author", ANSWER_REFUSALS["not-author"]);
    return;
  }
  const reply = await findReply(commentId);
  if (!reply) throw new ThreadMarkRefused("no-reply", "That reply is not available.");
  const refusal = answerRefusal({
    viewerId: userId,
    postAuthorId: reply.postId === postId ? reply.postAuthorId : await postAuthor(postId),
    postPublished: reply.postPublished,
    reply: {
      postMatches: reply.postId === postId,
      authorId: reply.authorId,
      published: reply.published,
      topLevel: reply.parentId === null,
    },
  });
  if (refusal) throw new ThreadMarkRefused(refusal, ANSWER_REFUSALS[refusal]);
  await query(
    `UPDATE post SET answer_comment_id = $3
     WHERE id = $1 AND author_id = $2 AND status = 'published'
       AND EXISTS (SELECT 1 FROM comment c WHERE c.id = $3 AND c.post_id = $1 AND c.parent_id IS NULL AND c.status = 'published')`,
    [postId, userId, commentId],
  );
}

async function postAuthor(postId: number): Promise<number | null> {
  const [row] = await query<{ authorId: number | null }>(`SELECT author_id AS "authorId" FROM post WHERE id = $1`, [
    postId,
  ]);
  return row?.authorId ?? null;
}
