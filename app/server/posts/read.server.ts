// Every query that reads posts and their comments lives here.
import { handleKey } from "~/domain/accounts/handle";
import {
  byline,
  bylinePlaceName,
  type BylineScope,
  coarseDate,
  coarseDateTime,
  publicPerspective,
  publicPlace,
} from "~/domain/anonymity/byline";
import type { PostSummary } from "~/domain/posts/post-summary";
import {
  authorMarkLabel,
  chosenFirst,
  defaultReplyMode,
  helpfulRefusal,
  answerRefusal,
  showsAuthorMark,
} from "~/domain/posts/threads";
import { REPLIES_PER_PAGE, replyHref, threadPages } from "~/domain/posts/thread-pages";
import type { Perspective } from "~/domain/taxonomy";

import { prisma, query } from "../db/client.server";

const EXCERPT_LENGTH = 220;

function excerptOf(text: string): string {
  // Only the start of a long story is flattened: its first 1,000 characters hold the excerpt unless
  // they are nearly all white space.
  const head = text.slice(0, 1_000);
  const flatHead = head.replace(/\s+/g, " ").trim();
  const flat =
    head.length < text.length && flatHead.length <= EXCERPT_LENGTH ? text.replace(/\s+/g, " ").trim() : flatHead;
  if (flat.length <= EXCERPT_LENGTH) return flat;
  return `${flat.slice(0, flat.lastIndexOf(" ", EXCERPT_LENGTH))}…`;
}

type SummaryRow = {
  id: number;
  kind: PostSummary["kind"];
  title: string;
  bodyText: string;
  displayMode: "handle" | "anonymous";
  bylineScope: BylineScope;
  authorPerspective: Parameters<typeof byline>[0]["perspective"];
  publishedAt: Date | null;
  /** When it was written: the date a post waiting for review shows its author (it has no publishing date). */
  createdAt?: Date;
  author: { handle: string } | null;
  area: { code: string; name: string; regionName: string; regionCode: string; nation: string } | null;
  tags: { tag: { slug: string; label: string } }[];
};

/**
 * What a reader sees of a post's author, place and date, honouring its byline scope and display
 * mode. The published page, lists, feeds, the API and the preview before publishing all use it.
 */
export function publicHeading(input: {
  displayMode: "handle" | "anonymous";
  bylineScope: BylineScope;
  handle: string | null;
  perspective: Perspective;
  area: SummaryRow["area"];
  date: Date;
}) {
  const place = publicPlace(input.area, input.bylineScope);
  return {
    byline: byline({
      displayMode: input.displayMode,
      handle: input.handle,
      perspective: input.perspective,
      regionName: bylinePlaceName(place),
    }),
    displayMode: input.displayMode,
    month: coarseDate(input.date),
    monthIso: coarseDateTime(input.date),
    place,
    areaName: place.council?.name ?? null,
    areaCode: place.council?.code ?? null,
    regionCode: place.region?.code ?? null,
    regionName: place.region?.name ?? null,
    perspective: publicPerspective(input.displayMode, input.perspective),
  };
}

/** How many published replies a post has, and when the newest was written. */
type Replies = { count: number; latest: Date | null };

function toSummary(row: SummaryRow, replies: Replies): PostSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    excerpt: excerptOf(row.bodyText),
    ...publicHeading({
      displayMode: row.displayMode,
      bylineScope: row.bylineScope,
      handle: row.author?.handle ?? null,
      perspective: row.authorPerspective,
      area: row.area,
      date: row.publishedAt ?? row.createdAt ?? new Date(0),
    }),
    tags: row.tags.map((t) => t.tag),
    replyCount: replies.count,
    latestReplyMonth: replies.latest ? coarseDate(replies.latest) : null,
    latestReplyMonthIso: replies.latest ? coarseDateTime(replies.latest) : null,
  };
}

/** Published posts by id, in the order given (search ranks them; this fills in what a list shows). */
export async function listPublishedSummaries(ids: number[]): Promise<PostSummary[]> {
  if (ids.length === 0) return [];
  const rows = await summaryRows(`p.id = ANY($1::int[]) AND p.status = 'published'`, [ids]);
  const byId = new Map(rows.map((row) => [row.id, toSummary(row, repliesOf(row))]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * What a summary shows of a post, its author's handle, its council and its tags, in one query (a
 * reader's page lists up to three sets of these, and Prisma's relation loading asked five queries
 * for each set).
 */
const SUMMARY_COLUMNS = `p.id, p.kind, p.title, p.body_text AS "bodyText", p.display_mode AS "displayMode",
  p.byline_scope AS "bylineScope", p.author_perspective AS "authorPerspective", p.published_at AS "publishedAt",
  CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('handle', u.handle) END AS author,
  CASE WHEN a.code IS NULL THEN NULL
       ELSE json_build_object('code', a.code, 'name', a.name, 'regionName', a.region_name, 'regionCode', a.region_code, 'nation', a.nation) END AS area,
  coalesce((SELECT json_agg(json_build_object('tag', json_build_object('slug', t.slug, 'label', t.label)) ORDER BY t.sort_order, t.id)
            FROM post_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.post_id = p.id), '[]') AS tags`;
const SUMMARY_FROM = `FROM post p LEFT JOIN "user" u ON u.id = p.author_id LEFT JOIN area a ON a.code = p.area_code`;

type CountedRow = SummaryRow & { replyCount: number; latestReply: Date | null };

const repliesOf = (row: CountedRow): Replies => ({ count: row.replyCount, latest: row.latestReply });

/**
 * The rows a query picks (each names a post by its id), in the query's own order (`order`, over
 * its columns), each with the summary of its post when published: a list's page and what it shows
 * in one round trip. `columns` adds to what is read of each post, with `values` as the parameters
 * after the query's own.
 */
export async function pickedWithSummaries<Picked extends { id: number }, Extra extends object = object>(
  picking: { sql: string; values: unknown[]; order: string },
  more: { columns?: string; values?: unknown[] } = {},
): Promise<{ picked: Picked; summary: PostSummary; extra: Extra }[]> {
  const rows = await summaryRows<Extra & { picked: Picked & { n: number } }>(
    `p.id IN (SELECT k.id FROM picked k) AND p.status = 'published'`,
    [...picking.values, ...(more.values ?? [])],
    {
      with: `picked AS MATERIALIZED (SELECT x.*, row_number() OVER (ORDER BY ${picking.order}) AS n FROM (${picking.sql}) x)`,
      columns: `, (SELECT to_jsonb(k) FROM picked k WHERE k.id = p.id) AS picked${more.columns ?? ""}`,
    },
  );
  return rows
    .sort((a, b) => a.picked.n - b.picked.n)
    .map((row) => ({ picked: row.picked, summary: toSummary(row, repliesOf(row)), extra: row }));
}

/**
 * Summary rows of the posts `where` picks, each with its published replies counted (the comment
 * index (post_id, status, created_at) answers each count). `columns` adds to what is read, `tail`
 * orders and limits, `with` names a WITH query `where` may use.
 */
function summaryRows<Extra extends object = object>(
  where: string,
  params: unknown[],
  more: { columns?: string; tail?: string; with?: string } = {},
) {
  return query<CountedRow & Extra>(
    `${more.with ? `WITH ${more.with} ` : ""}SELECT ${SUMMARY_COLUMNS}${more.columns ?? ""}, r.count AS "replyCount", r.latest AS "latestReply"
     ${SUMMARY_FROM}
     CROSS JOIN LATERAL (SELECT count(*)::int AS count, max(c.created_at) AS latest
                         FROM comment c WHERE c.post_id = p.id AND c.status = 'published') r
     WHERE ${where} ${more.tail ?? ""}`,
    params,
  );
}

/** The stored, sanitised HTML of published posts, for feeds. */
export async function listPublishedBodies(ids: number[]): Promise<Map<number, string>> {
  const rows = await prisma().post.findMany({
    where: { id: { in: ids }, status: "published" },
    select: { id: true, bodyHtml: true },
  });
  return new Map(rows.map((row) => [row.id, row.bodyHtml]));
}

/** One published post with its body, without replies or reactions: for the public API. */
export async function getPublishedPost(id: number) {
  const [row] = await summaryRows<{ bodyHtml: string }>(`p.id = $1 AND p.status = 'published'`, [id], {
    columns: `, p.body_html AS "bodyHtml"`,
  });
  return row ? { ...toSummary(row, repliesOf(row)), bodyText: row.bodyText, bodyHtml: row.bodyHtml } : null;
}

export interface CommentView {
  id: number;
  isMine: boolean;
  removed: boolean;
  /** The viewer's own reply, waiting for a moderator: shown to them alone. */
  pending: boolean;
  html: string;
  byline: string;
  month: string;
  monthIso: string;
  replies: CommentView[];
  /** "This helped me": how many members said so (never who), and whether the viewer did. */
  helped: number;
  helpedByMe: boolean;
  /** Whether the viewer may say it helped them (signed in, not their own reply). */
  canMarkHelpful: boolean;
  /** "Asked this question" on a reply by the post's author, only where it names nobody (domain/posts/threads.ts). */
  authorMark: string | null;
  /** The reply the post's author chose as the one that helped most. */
  chosen: boolean;
  /** Whether the viewer (the post's author) may choose it. */
  canChoose: boolean;
}

/** Which page of a thread to show: a page number, or the page that holds a reply. */
export type ThreadPageWanted = { page: number } | { reply: number };

/** Every reply a reader may see, without its text: what paging and the read marks need. */
type ThreadRow = {
  id: number;
  parentId: number | null;
  status: "published" | "removed" | "pending";
  createdAt: Date;
  publishedAt: Date | null;
  authorId: number | null;
};

/** A reply's text, byline and "this helped" counts, for the replies a story page shows ($2: the reader, or null). */
interface ReplyText {
  id: number;
  bodyHtml: string;
  displayMode: "handle" | "anonymous";
  authorPerspective: SummaryRow["authorPerspective"];
  handle: string | null;
  helped: number;
  helpedByMe: boolean;
}

const REPLY_TEXT_SQL = `
  SELECT c.id, c.body_html AS "bodyHtml", c.display_mode AS "displayMode", c.author_perspective AS "authorPerspective", u.handle,
         (SELECT count(*) FROM comment_helpful h WHERE h.comment_id = c.id)::int AS helped,
         EXISTS (SELECT 1 FROM comment_helpful h WHERE h.comment_id = c.id AND h.user_id = $2) AS "helpedByMe"
  FROM comment c LEFT JOIN "user" u ON u.id = c.author_id`;

// Removed replies keep their place in the thread, so the replies to them still make sense.
// The viewer's own replies waiting for a moderator are there too, for them alone.
const THREAD_SQL = `
  SELECT c.id, c.parent_id AS "parentId", c.status, c.created_at AS "createdAt", c.published_at AS "publishedAt",
         c.author_id AS "authorId"
  FROM comment c
  WHERE c.post_id = $1
    AND (c.status IN ('published', 'removed') OR ($2::int IS NOT NULL AND c.status = 'pending' AND c.author_id = $2))
  ORDER BY c.created_at, c.id`;

/**
 * At least the page a reply is on, as an SQL expression over the reply's id (a count over the
 * comment index): the page counted from the top-level replies everyone sees before the reply's own
 * top-level reply. It can only be too high (a chosen answer, or the reader's own waiting reply, may
 * be shown earlier), so it only decides whether a link needs `?reply=`, which the story page
 * resolves exactly (replyHref). Inside a transaction it sees the reply not yet committed.
 */
export const replyPageOf = (replyId: string) => `
  (SELECT (count(t.id) / ${REPLIES_PER_PAGE})::int + 1
   FROM comment r LEFT JOIN comment t
     ON t.post_id = r.post_id AND t.parent_id IS NULL AND t.status IN ('published', 'removed')
    AND (t.created_at, t.id) < (r.created_at, r.id)
   WHERE r.id = (SELECT coalesce(parent_id, id) FROM comment WHERE id = ${replyId}))`;

const REPLY_PAGE_SQL = `SELECT ${replyPageOf("$1")} AS page`;

/** The address of a reply, with `?reply=` only when it may be beyond page 1 (and any extra parameters). */
export async function replyAddress(postId: number, commentId: number, extra: Record<string, string> = {}) {
  const [row] = await query<{ page: number }>(REPLY_PAGE_SQL, [commentId]);
  return replyHref(postId, commentId, row?.page ?? 1, extra);
}

/** The chosen reply counts only while it is published and answers the post itself. */
function chosenReplyId(rows: ThreadRow[], post: { authorId: number | null; answerCommentId: number | null } | null) {
  if (!post || post.answerCommentId === null) return null;
  const chosen = rows.find((c) => c.id === post.answerCommentId);
  return chosen &&
    chosen.status === "published" &&
    chosen.parentId === null &&
    (post.authorId === null || chosen.authorId !== post.authorId)
    ? chosen.id
    : null;
}

/**
 * A post as a reader may see it: published posts for everyone, and an author's own post in any
 * state (so they can see it waiting for review). Long threads come a page at a time
 * (domain/posts/thread-pages.ts): every visible reply's place is read (a few small columns), then
 * the text and marks of the replies on the page shown only.
 */
export async function getPostForReader(id: number, viewerId: number | null, wanted: ThreadPageWanted = { page: 1 }) {
  // The post, the thread's shape, the reactions and the likely replies' texts at once: the page waits
  // for a single round trip (and a second only for texts it did not guess).
  const [[row], rows, [reactions], likelyTexts] = await Promise.all([
    query<
      SummaryRow & {
        bodyHtml: string;
        status: "pending" | "published" | "changes_requested" | "rejected" | "removed";
        authorId: number | null;
        moderationNote: string | null;
        answerCommentId: number | null;
      }
    >(
      `SELECT ${SUMMARY_COLUMNS}, p.answer_comment_id AS "answerCommentId", p.created_at AS "createdAt", p.body_html AS "bodyHtml",
              p.status, p.author_id AS "authorId", p.moderation_note AS "moderationNote"
       ${SUMMARY_FROM}
       WHERE p.id = $1 AND (p.status = 'published' OR ($2::int IS NOT NULL AND p.author_id = $2 AND p.status <> 'removed'))`,
      [id, viewerId],
    ),
    query<ThreadRow>(THREAD_SQL, [id, viewerId]),
    query<{ count: number; mine: number }>(
      `SELECT count(*)::int AS count, count(*) FILTER (WHERE user_id = $2)::int AS mine FROM post_reaction WHERE post_id = $1`,
      [id, viewerId],
    ),
    // The texts of the replies the page will most likely show come in the same round trip, so the
    // page need not wait for one more answer once it knows which it shows: every reply of a thread
    // that fits on one page; on a longer thread's first page, its first top-level replies and the
    // replies to them. Any reply shown that is not among these (a deeper reply, the chosen answer,
    // the reader's own waiting reply, a later page) has its text read below.
    query<ReplyText>(
      `WITH first_top AS (
         SELECT t.id FROM comment t
         WHERE $4 AND t.post_id = $1 AND t.parent_id IS NULL AND t.status IN ('published', 'removed')
         ORDER BY t.created_at, t.id LIMIT $3)
       ${REPLY_TEXT_SQL}
       WHERE c.post_id = $1
         AND ((SELECT count(*) FROM comment x WHERE x.post_id = $1) <= $3
              OR c.id IN (SELECT id FROM first_top) OR c.parent_id IN (SELECT id FROM first_top))`,
      [id, viewerId, REPLIES_PER_PAGE, "page" in wanted && wanted.page === 1],
    ),
  ]);
  if (!row) return null;
  const published = rows.filter((c) => c.status === "published");
  const postPublished = row.status === "published";
  const chosenId = chosenReplyId(rows, row);
  const paging = threadPages(rows, chosenId);
  const page = Math.min(
    paging.pages,
    "reply" in wanted ? (paging.pageOf(wanted.reply) ?? 1) : Math.max(1, Math.floor(wanted.page)),
  );
  const onPage = rows.filter((c) => paging.pageOf(c.id) === page);
  const textOf = new Map(likelyTexts.map((text) => [text.id, text]));
  const missing = onPage.filter((c) => !textOf.has(c.id)).map((c) => c.id);
  if (missing.length > 0) {
    for (const text of await query<ReplyText>(`${REPLY_TEXT_SQL} WHERE c.id = ANY($1::int[])`, [missing, viewerId]))
      textOf.set(text.id, text);
  }
  const authorMark = authorMarkLabel(row.kind);
  const views = new Map<number, CommentView & { parentId: number | null }>();
  for (const comment of onPage) {
    const text = textOf.get(comment.id);
    if (!text) continue;
    const isPublished = comment.status === "published";
    views.set(comment.id, {
      id: comment.id,
      isMine: viewerId !== null && comment.authorId === viewerId && isPublished,
      removed: comment.status === "removed",
      pending: comment.status === "pending",
      parentId: comment.parentId,
      html: comment.status === "removed" ? "<p>This reply was removed by moderators.</p>" : text.bodyHtml,
      byline: byline({
        displayMode: text.displayMode,
        handle: text.handle,
        perspective: text.authorPerspective,
        // A commenter's region is unknown: the post's council says nothing about where they live.
        regionName: null,
      }),
      month: coarseDate(comment.createdAt),
      monthIso: coarseDateTime(comment.createdAt),
      replies: [],
      helped: isPublished ? text.helped : 0,
      helpedByMe: isPublished && text.helpedByMe,
      canMarkHelpful:
        viewerId !== null &&
        helpfulRefusal({
          viewerId,
          replyAuthorId: comment.authorId,
          replyPublished: isPublished,
          postPublished,
        }) === null,
      authorMark:
        isPublished &&
        showsAuthorMark({
          byPostAuthor: row.authorId !== null && comment.authorId === row.authorId,
          postDisplayMode: row.displayMode,
          replyDisplayMode: text.displayMode,
        })
          ? authorMark
          : null,
      chosen: comment.id === chosenId,
      canChoose:
        viewerId !== null &&
        answerRefusal({
          viewerId,
          postAuthorId: row.authorId,
          postPublished,
          reply: {
            postMatches: true,
            authorId: comment.authorId,
            published: isPublished,
            topLevel: comment.parentId === null,
          },
        }) === null,
    });
  }
  const thread: CommentView[] = [];
  for (const view of views.values()) {
    const parent = view.parentId === null ? undefined : views.get(view.parentId);
    if (parent) parent.replies.push(view);
    else if (view.parentId === null) thread.push(view);
  }
  return {
    post: {
      ...toSummary(row, { count: published.length, latest: published.at(-1)?.createdAt ?? null }),
      html: row.bodyHtml,
      status: row.status,
      isAuthor: viewerId !== null && row.authorId === viewerId,
      // The moderator's reason is for the author's eyes only.
      moderationNote: viewerId !== null && row.authorId === viewerId ? row.moderationNote : null,
    },
    comments: chosenFirst(thread, chosenId),
    commentCount: published.length,
    chosenId,
    /** The page shown, how many there are, and where the chosen answer is when it is not on this page. */
    paging: { page, pages: paging.pages },
    /** The first reply by someone else published after a read mark (for "jump to the first new reply"). */
    firstNewAfter: (seenUpTo: Date | null) => {
      if (seenUpTo === null) return null;
      const first = published.find(
        (c) => c.publishedAt !== null && c.publishedAt > seenUpTo && (viewerId === null || c.authorId !== viewerId),
      );
      return first ? { id: first.id, page: paging.pageOf(first.id) ?? 1 } : null;
    },
    replyMode: defaultReplyMode({
      viewerIsPostAuthor: viewerId !== null && row.authorId === viewerId,
      postDisplayMode: row.displayMode,
    }),
    reactions: { count: reactions?.count ?? 0, mine: (reactions?.mine ?? 0) > 0 },
  };
}

/**
 * A member's public page: only what they published under their handle. Null when there is nothing
 * (the page is then the same 404 as for a handle no one has), so the address does not confirm
 * that an account exists, nor that someone who posts only anonymously is a member.
 */
export async function getPublicProfile(handle: string) {
  const user = await prisma().user.findUnique({
    where: { handleKey: handleKey(handle) },
    select: { id: true, handle: true },
  });
  // The same queries either way (no account has id 0), so an unknown handle is no quicker to answer.
  const authorId = user?.id ?? 0;
  const [posts, comments] = await Promise.all([
    summaryRows(`p.author_id = $1 AND p.status = 'published' AND p.display_mode = 'handle'`, [authorId], {
      tail: "ORDER BY p.published_at DESC, p.id DESC LIMIT 50",
    }),
    prisma().comment.findMany({
      where: { authorId, status: "published", displayMode: "handle", post: { status: "published" } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 50,
      select: { id: true, postId: true, bodyHtml: true, createdAt: true, post: { select: { title: true } } },
    }),
  ]);
  if (!user || (posts.length === 0 && comments.length === 0)) return null;
  return {
    handle: user.handle,
    posts: posts.map((post) => toSummary(post, repliesOf(post))),
    comments: comments.map((c) => ({
      id: c.id,
      postId: c.postId,
      postTitle: c.post.title,
      html: c.bodyHtml,
      month: coarseDate(c.createdAt),
      monthIso: coarseDateTime(c.createdAt),
    })),
  };
}

/** Every version of a post and of its replies, with the details their authors chose to keep: for moderators. */
export async function getPostHistory(id: number) {
  const post = await prisma().post.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      bodyMarkdown: true,
      status: true,
      authorId: true,
      keptFindings: true,
      updatedAt: true,
      version: true,
      revisions: {
        orderBy: { id: "desc" },
        select: {
          id: true,
          title: true,
          bodyMarkdown: true,
          areaCode: true,
          tagSlugs: true,
          displayMode: true,
          bylineScope: true,
          reason: true,
          createdAt: true,
          editedBy: { select: { handle: true } },
        },
      },
      comments: {
        where: { revisions: { some: {} } },
        orderBy: { id: "asc" },
        select: {
          id: true,
          bodyMarkdown: true,
          keptFindings: true,
          revisions: {
            orderBy: { id: "desc" },
            select: { id: true, bodyMarkdown: true, reason: true, createdAt: true },
          },
        },
      },
    },
  });
  if (!post) return null;
  const removedReplies = await prisma().comment.findMany({
    where: { postId: id, status: "removed" },
    orderBy: { id: "asc" },
    select: { id: true, bodyMarkdown: true, version: true, moderationNote: true },
  });
  return { ...post, removedReplies };
}

/**
 * The heading a post will have once published (byline, place, tags, this month), for the preview
 * before publishing and the edit page: the same publicHeading() the published page uses.
 */
export async function previewHeading(input: {
  kind: PostSummary["kind"];
  displayMode: "handle" | "anonymous";
  bylineScope: BylineScope;
  handle: string;
  perspective: Perspective;
  area: SummaryRow["area"];
  tags: string[];
  date?: Date;
}) {
  const tags = input.tags.length
    ? await prisma().tag.findMany({
        where: { slug: { in: input.tags } },
        orderBy: { sortOrder: "asc" },
        select: { slug: true, label: true },
      })
    : [];
  return {
    kind: input.kind,
    ...publicHeading({ ...input, date: input.date ?? new Date() }),
    tags,
  };
}
