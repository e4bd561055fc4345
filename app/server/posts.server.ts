// Every query about posts and their comments lives here.
import { byline, coarseDate, coarseDateTime } from "~/domain/anonymity/byline";

import { prisma } from "./db/client.server";

export interface PostSummary {
  id: number;
  kind: "story" | "practice_note" | "question";
  title: string;
  excerpt: string;
  byline: string;
  month: string;
  monthIso: string;
  areaName: string | null;
  tags: { slug: string; label: string }[];
}

const EXCERPT_LENGTH = 220;

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  return `${flat.slice(0, flat.lastIndexOf(" ", EXCERPT_LENGTH))}…`;
}

const summarySelect = {
  id: true,
  kind: true,
  title: true,
  bodyText: true,
  displayMode: true,
  authorPerspective: true,
  publishedAt: true,
  author: { select: { handle: true } },
  area: { select: { name: true, regionName: true } },
  tags: { select: { tag: { select: { slug: true, label: true } } }, orderBy: { tag: { sortOrder: "asc" } } },
} as const;

type SummaryRow = {
  id: number;
  kind: PostSummary["kind"];
  title: string;
  bodyText: string;
  displayMode: "handle" | "anonymous";
  authorPerspective: Parameters<typeof byline>[0]["perspective"];
  publishedAt: Date | null;
  author: { handle: string } | null;
  area: { name: string; regionName: string } | null;
  tags: { tag: { slug: string; label: string } }[];
};

function toSummary(row: SummaryRow): PostSummary {
  const published = row.publishedAt ?? new Date(0);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    excerpt: excerptOf(row.bodyText),
    byline: byline({
      displayMode: row.displayMode,
      handle: row.author?.handle ?? null,
      perspective: row.authorPerspective,
      regionName: row.area?.regionName ?? null,
    }),
    month: coarseDate(published),
    monthIso: coarseDateTime(published),
    areaName: row.area?.name ?? null,
    tags: row.tags.map((t) => t.tag),
  };
}

export async function listPublishedPosts({ page, perPage }: { page: number; perPage: number }) {
  const [rows, total] = await Promise.all([
    prisma().post.findMany({
      where: { status: "published" },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: summarySelect,
    }),
    prisma().post.count({ where: { status: "published" } }),
  ]);
  return { posts: rows.map(toSummary), total };
}

export interface CommentView {
  id: number;
  html: string;
  byline: string;
  month: string;
  monthIso: string;
  replies: CommentView[];
}

export async function getPublishedPost(id: number) {
  const row = await prisma().post.findFirst({
    where: { id, status: "published" },
    select: { ...summarySelect, bodyHtml: true },
  });
  if (!row) return null;
  const comments = await prisma().comment.findMany({
    where: { postId: id, status: "published" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      parentId: true,
      bodyHtml: true,
      displayMode: true,
      authorPerspective: true,
      createdAt: true,
      author: { select: { handle: true } },
    },
  });
  const views = new Map<number, CommentView & { parentId: number | null }>();
  for (const comment of comments) {
    views.set(comment.id, {
      id: comment.id,
      parentId: comment.parentId,
      html: comment.bodyHtml,
      byline: byline({
        displayMode: comment.displayMode,
        handle: comment.author?.handle ?? null,
        perspective: comment.authorPerspective,
        // A commenter's region is unknown: the post's council says nothing about where they live.
        regionName: null,
      }),
      month: coarseDate(comment.createdAt),
      monthIso: coarseDateTime(comment.createdAt),
      replies: [],
    });
  }
  const thread: CommentView[] = [];
  for (const view of views.values()) {
    const parent = view.parentId === null ? undefined : views.get(view.parentId);
    if (parent) parent.replies.push(view);
    else if (view.parentId === null) thread.push(view);
  }
  return { post: { ...toSummary(row), html: row.bodyHtml }, comments: thread, commentCount: comments.length };
}

/** A member's public page: only what they published under their handle. */
export async function getPublicProfile(handle: string) {
  const user = await prisma().user.findUnique({ where: { handleKey: handle.trim().toLowerCase() }, select: { id: true, handle: true } });
  if (!user) return null;
  const [posts, comments] = await Promise.all([
    prisma().post.findMany({
      where: { authorId: user.id, status: "published", displayMode: "handle" },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: 50,
      select: summarySelect,
    }),
    prisma().comment.findMany({
      where: { authorId: user.id, status: "published", displayMode: "handle", post: { status: "published" } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 50,
      select: { id: true, postId: true, bodyHtml: true, createdAt: true, post: { select: { title: true } } },
    }),
  ]);
  return {
    handle: user.handle,
    posts: posts.map(toSummary),
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
