import { describe, expect, it } from "vitest";

import { pageLinks, replyHref, threadPageHref, threadPages, type ThreadItem } from "./thread-pages";

const top = (id: number, status: ThreadItem["status"] = "published"): ThreadItem => ({ id, parentId: null, status });
const under = (id: number, parentId: number): ThreadItem => ({ id, parentId, status: "published" });

describe("a thread's pages", () => {
  it("puts three top-level replies a page (here), a reply to a reply on its parent's page", () => {
    const items = [top(1), top(2), under(10, 1), top(3), top(4), under(11, 4), top(5), top(6), top(7)];
    const pages = threadPages(items, null, 3);
    expect(pages.pages).toBe(3);
    expect([1, 2, 3, 4, 5, 6, 7].map(pages.pageOf)).toEqual([1, 1, 1, 2, 2, 2, 3]);
    expect(pages.pageOf(10)).toBe(1);
    expect(pages.pageOf(11)).toBe(2);
    expect(pages.pageOf(99)).toBeNull();
  });

  it("counts removed replies (they keep their place) but never the reader's own waiting ones", () => {
    const items = [top(1), top(2, "removed"), top(3, "pending"), top(4), top(5, "pending"), top(6), top(7, "pending")];
    const pages = threadPages(items, null, 2);
    expect(pages.pages).toBe(2);
    expect([1, 2, 3, 4, 5, 6, 7].map(pages.pageOf)).toEqual([1, 1, 1, 2, 2, 2, 2]);
  });

  it("shows the chosen answer on page 1 and keeps everyone else's page as it was", () => {
    const items = [top(1), top(2), top(3), under(30, 5), top(4), top(5), under(31, 5)];
    const pages = threadPages(
      items.filter((item) => item.id !== 30),
      5,
      2,
    );
    expect([1, 2, 3, 4, 5, 31].map(pages.pageOf)).toEqual([1, 1, 2, 2, 1, 1]);
    expect(pages.pages).toBe(3);
  });

  it("has one page when there are no replies", () => {
    expect(threadPages([], null).pages).toBe(1);
    expect(threadPages([top(1, "pending")], null).pageOf(1)).toBe(1);
  });
});

describe("addresses of pages and replies", () => {
  it("keeps page 1 at the thread's own address", () => {
    expect(replyHref(7, 12, 1)).toBe("/stories/7#comment-12");
    expect(replyHref(7, 12, 1, { replied: "published" })).toBe("/stories/7?replied=published#comment-12");
    expect(replyHref(7, 12, 3, { replied: "pending" })).toBe("/stories/7?reply=12&replied=pending#comment-12");
    expect(threadPageHref(7, 1)).toBe("/stories/7");
    expect(threadPageHref(7, 2)).toBe("/stories/7?page=2");
  });

  it("numbers every page of a short thread and leaves gaps in a long one", () => {
    expect(pageLinks(2, 3)).toEqual([
      { page: 1, current: false },
      { page: 2, current: true },
      { page: 3, current: false },
    ]);
    expect(pageLinks(10, 20).map((link) => link?.page ?? "…")).toEqual([1, "…", 8, 9, 10, 11, 12, "…", 20]);
    expect(pageLinks(1, 12).map((link) => link?.page ?? "…")).toEqual([1, 2, 3, "…", 12]);
  });
});
