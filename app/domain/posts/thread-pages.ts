// Long threads in pages (docs/peer-support.md#long-threads-in-pages): which replies a page of a
// thread shows, and the page a given reply is on. Plain rules; read.server.ts and the story page
// only call them.

/** Top-level replies (each with its own replies) a page shows: the first 30, the next 30... */
export const REPLIES_PER_PAGE = 30;

/** What the rules need to know of each reply the reader may see, in thread order (oldest first). */
export interface ThreadItem {
  id: number;
  parentId: number | null;
  /** Pending replies are the reader's own (nobody else sees them): they never move anyone's page. */
  status: "published" | "removed" | "pending";
}

export interface ThreadPages {
  /** How many pages the thread has (at least 1). */
  pages: number;
  /** The page a reply is on (its top-level reply's page), or null when the reader cannot see it. */
  pageOf: (id: number) => number | null;
}

/**
 * Pages are counted over the top-level replies everyone sees (published, or removed and kept in
 * place), oldest first, so a page number means the same replies to every reader and only grows
 * at the end. A reply to a reply is on its parent's page. The reader's own reply waiting for a
 * moderator goes on the page of the reply before it. The chosen answer is shown at the top of
 * page 1, so that is its page.
 */
export function threadPages(items: readonly ThreadItem[], chosenId: number | null, perPage = REPLIES_PER_PAGE) {
  const rootPage = new Map<number, number>();
  let publicRoots = 0;
  for (const item of items) {
    if (item.parentId !== null) continue;
    if (item.status === "pending") {
      rootPage.set(item.id, Math.max(1, Math.ceil(publicRoots / perPage)));
    } else {
      rootPage.set(item.id, Math.floor(publicRoots / perPage) + 1);
      publicRoots += 1;
    }
  }
  if (chosenId !== null && rootPage.has(chosenId)) rootPage.set(chosenId, 1);
  const parents = new Map(items.map((item) => [item.id, item.parentId]));
  return {
    pages: Math.max(1, Math.ceil(publicRoots / perPage)),
    pageOf: (id: number) => {
      if (!parents.has(id)) return null;
      const parentId = parents.get(id) ?? null;
      return rootPage.get(parentId ?? id) ?? null;
    },
  } satisfies ThreadPages;
}

/**
 * The address of a reply: the thread's own address when the reply is on page 1, otherwise with
 * `?reply=<id>`, which the story page turns into the reply's page when it is read (so the link
 * stays right if the thread's pages change). `#comment-<id>` takes the reader to the reply itself.
 */
export function replyHref(postId: number, commentId: number, page: number, extra: Record<string, string> = {}) {
  const params = new URLSearchParams(page > 1 ? { reply: String(commentId), ...extra } : extra).toString();
  return `/stories/${postId}${params ? `?${params}` : ""}#comment-${commentId}`;
}

/** The address of a page of a thread: page 1 is the thread's own address. */
export function threadPageHref(postId: number, page: number): string {
  return `/stories/${postId}${page > 1 ? `?page=${page}` : ""}`;
}

/**
 * The numbered page links: every page when there are a few, otherwise the first, the last and
 * the two either side of the one shown, with a gap (null) where pages are left out.
 */
export function pageLinks(page: number, pages: number): ({ page: number; current: boolean } | null)[] {
  const shown = Array.from({ length: pages }, (_, i) => i + 1).filter(
    (p) => pages <= 9 || p === 1 || p === pages || Math.abs(p - page) <= 2,
  );
  return shown.flatMap((p, i) => {
    const link = { page: p, current: p === page };
    return i > 0 && p - (shown[i - 1] ?? p) > 1 ? [null, link] : [link];
  });
}
