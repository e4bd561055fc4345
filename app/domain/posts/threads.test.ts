import { describe, expect, it } from "vitest";

import * as threadRules from "./threads";

describe("the author's mark on their own replies", () => {
  // By the post's author or not, how the post and the reply are shown, and whether the mark shows:
  // only when the reply is shown the same way as the post, so it never ties a name to an
  // anonymous post nor an anonymous reply to a named post, and never on someone else's reply.
  it.each([
    [true, "anonymous", "anonymous", true],
    [true, "handle", "handle", true],
    [true, "anonymous", "handle", false],
    [true, "handle", "anonymous", false],
    [false, "anonymous", "anonymous", false],
  ] as const)("by the author %s, post %s, reply %s: %s", (byPostAuthor, postDisplayMode, replyDisplayMode, shown) => {
    expect(threadRules.showsAuthorMark({ byPostAuthor, postDisplayMode, replyDisplayMode })).toBe(shown);
  });

  it("names the kind of post", () => {
    expect(threadRules.authorMarkLabel("question")).toBe("Asked this question");
    expect(threadRules.authorMarkLabel("story")).toBe("Shared this story");
  });
});

describe("the reply form's starting byline", () => {
  it("follows the post for its author, and is anonymous for everyone else", () => {
    expect(threadRules.defaultReplyMode({ viewerIsPostAuthor: true, postDisplayMode: "anonymous" })).toBe("anonymous");
    expect(threadRules.defaultReplyMode({ viewerIsPostAuthor: true, postDisplayMode: "handle" })).toBe("handle");
    expect(threadRules.defaultReplyMode({ viewerIsPostAuthor: false, postDisplayMode: "handle" })).toBe("anonymous");
  });
});

describe("this helped me", () => {
  const base = { viewerId: 1, replyAuthorId: 2, replyPublished: true, postPublished: true };
  it("is for published replies by someone else", () => {
    expect(threadRules.helpfulRefusal(base)).toBeNull();
    expect(threadRules.helpfulRefusal({ ...base, replyAuthorId: null })).toBeNull();
    expect(threadRules.helpfulRefusal({ ...base, replyAuthorId: 1 })).toBe("own-reply");
    expect(threadRules.helpfulRefusal({ ...base, replyPublished: false })).toBe("not-published");
    expect(threadRules.helpfulRefusal({ ...base, postPublished: false })).toBe("not-published");
  });

  it("is shown as a count only", () => {
    expect(threadRules.helpedLabel(0)).toBeNull();
    expect(threadRules.helpedLabel(1)).toBe("Helped 1 person");
    expect(threadRules.helpedLabel(1200)).toBe("Helped 1,200 people");
  });
});

describe("choosing the reply that helped most", () => {
  const reply = { postMatches: true, authorId: 2, published: true, topLevel: true };
  const base = { viewerId: 1, postAuthorId: 1, postPublished: true, reply };
  it("is for the post's author, on a published top-level reply by someone else", () => {
    expect(threadRules.answerRefusal(base)).toBeNull();
    expect(threadRules.answerRefusal({ ...base, viewerId: 3 })).toBe("not-author");
    expect(threadRules.answerRefusal({ ...base, postAuthorId: null })).toBe("not-author");
    expect(threadRules.answerRefusal({ ...base, reply: { ...reply, postMatches: false } })).toBe("other-post");
    expect(threadRules.answerRefusal({ ...base, reply: { ...reply, published: false } })).toBe("not-published");
    expect(threadRules.answerRefusal({ ...base, postPublished: false })).toBe("not-published");
    expect(threadRules.answerRefusal({ ...base, reply: { ...reply, topLevel: false } })).toBe("not-top-level");
    expect(threadRules.answerRefusal({ ...base, reply: { ...reply, authorId: 1 } })).toBe("own-reply");
  });

  it("puts the chosen reply first and keeps the others in order", () => {
    const replies = [{ id: 5 }, { id: 9 }, { id: 7 }];
    expect(threadRules.chosenFirst(replies, 7).map((r) => r.id)).toEqual([7, 5, 9]);
    expect(threadRules.chosenFirst(replies, null).map((r) => r.id)).toEqual([5, 9, 7]);
    expect(threadRules.chosenFirst(replies, 42).map((r) => r.id)).toEqual([5, 9, 7]);
  });
});

describe("what a list says of a thread", () => {
  it("counts replies and names the latest month", () => {
    expect(threadRules.replySummary(0, null)).toBe("No replies yet");
    expect(threadRules.replySummary(1, "November 2026")).toBe("1 reply, the latest in November 2026");
    expect(threadRules.replySummary(3, "November 2026")).toBe("3 replies, the latest in November 2026");
  });
});
