// Threads that help: what a reply shows of its place in the conversation (the answer the asker
// chose, "this helped me", the author's own replies), and who may mark what. Plain rules; the
// data layer (app/server/posts/) and the story page only call them. docs/peer-support.md.
import { formatCount } from "../en-gb";
import type { PostKind } from "./post-input";

export type DisplayMode = "handle" | "anonymous";

/**
 * Whether a reply written by the post's own author may say so ("Asked this question").
 *
 * The mark ties the reply to the post. That is harmless only when both are shown the same way:
 * an anonymous post with an anonymous reply (nobody is named), or a named post with a named reply
 * (the name is on both already). An anonymous post with a reply under the member's name would
 * name the anonymous author; a named post with an anonymous reply would name the anonymous
 * reply's author. Either way: no mark.
 */
export function showsAuthorMark(input: {
  byPostAuthor: boolean;
  postDisplayMode: DisplayMode;
  replyDisplayMode: DisplayMode;
}): boolean {
  return input.byPostAuthor && input.postDisplayMode === input.replyDisplayMode;
}

/** The words of that mark, by the kind of post. */
export function authorMarkLabel(kind: PostKind): string {
  if (kind === "question") return "Asked this question";
  if (kind === "practice_note") return "Wrote this practice note";
  return "Shared this story";
}

/** The words shown on the reply the author chose, by the kind of post. */
export function chosenAnswerLabel(kind: PostKind): string {
  if (kind === "question") return "Chosen as the answer by the person who asked";
  if (kind === "practice_note") return "Chosen as most helpful by the person who wrote this note";
  return "Chosen as most helpful by the person who shared this story";
}

/** "Helped 3 people": a count only, never who. */
export function helpedLabel(count: number): string | null {
  if (count <= 0) return null;
  return count === 1 ? "Helped 1 person" : `Helped ${formatCount(count)} people`;
}

/** What a reader's "This helped me" would do, or why it is not offered. */
export type HelpfulRefusal = "own-reply" | "not-published";

/** A member may say a published reply helped them, but not about their own reply. */
export function helpfulRefusal(input: {
  viewerId: number;
  replyAuthorId: number | null;
  replyPublished: boolean;
  postPublished: boolean;
}): HelpfulRefusal | null {
  if (!input.replyPublished || !input.postPublished) return "not-published";
  if (input.replyAuthorId !== null && input.replyAuthorId === input.viewerId) return "own-reply";
  return null;
}

export type AnswerRefusal = "not-author" | "not-published" | "not-top-level" | "own-reply" | "other-post";

/**
 * Only the post's author chooses the reply that helped most: a published, top-level reply to
 * their own published post, written by someone else. (Choosing a reply to a reply would move it
 * away from what it answers; choosing your own reply says nothing.)
 */
export function answerRefusal(input: {
  viewerId: number;
  postAuthorId: number | null;
  postPublished: boolean;
  reply: { postMatches: boolean; authorId: number | null; published: boolean; topLevel: boolean };
}): AnswerRefusal | null {
  if (input.postAuthorId === null || input.postAuthorId !== input.viewerId) return "not-author";
  if (!input.reply.postMatches) return "other-post";
  if (!input.postPublished || !input.reply.published) return "not-published";
  if (!input.reply.topLevel) return "not-top-level";
  if (input.reply.authorId !== null && input.reply.authorId === input.viewerId) return "own-reply";
  return null;
}

export const ANSWER_REFUSALS: Record<AnswerRefusal, string> = {
  "not-author": "Only the person who shared this post can choose the reply that helped most.",
  "other-post": "That reply is not under this post.",
  "not-published": "That reply is not published, so it cannot be chosen.",
  "not-top-level": "Choose a reply to the post itself, not a reply to a reply.",
  "own-reply": "You cannot choose your own reply.",
};

export const HELPFUL_REFUSALS: Record<HelpfulRefusal, string> = {
  "own-reply": "You cannot mark your own reply as helpful.",
  "not-published": "That reply is not published, so it cannot be marked.",
};

/** The thread with the chosen reply (and its own replies) first; the rest keep their order. */
export function chosenFirst<T extends { id: number }>(replies: T[], chosenId: number | null): T[] {
  if (chosenId === null) return replies;
  const chosen = replies.find((reply) => reply.id === chosenId);
  return chosen ? [chosen, ...replies.filter((reply) => reply !== chosen)] : replies;
}

/**
 * How a reply form starts. The author of an anonymous post replying in its thread starts
 * anonymous, so their reply can carry the author's mark without naming them.
 */
export function defaultReplyMode(input: { viewerIsPostAuthor: boolean; postDisplayMode: DisplayMode }): DisplayMode {
  return input.viewerIsPostAuthor ? input.postDisplayMode : "anonymous";
}

/** "3 replies, the latest in November 2026", or "No replies yet": what a list says of a thread. */
export function replySummary(count: number, latestMonth: string | null): string {
  if (count <= 0) return "No replies yet";
  const replies = count === 1 ? "1 reply" : `${formatCount(count)} replies`;
  return latestMonth ? `${replies}, the latest in ${latestMonth}` : replies;
}
