import { describe, expect, it } from "vitest";

import {
  citeCollection,
  collectionInputSchema,
  collectionTextTurn,
  consentAnswerMessage,
  consentChange,
  curatorConsent,
  isShown,
  moveInOrder,
  slugFor,
  slugSchema,
  storyIdFrom,
  uniqueSlug,
} from "./collections";

describe("collections", () => {
  it.each([
    ["Reviews and cuts, 2026", "reviews-and-cuts-2026"],
    ["  Café   stories!  ", "cafe-stories"],
    ["“”…", "collection"],
    ["Consent", "consent-collection"],
    ["a".repeat(200), "a".repeat(60)],
  ])("make the address of %j", (title, slug) => {
    expect(slugFor(title)).toBe(slug);
    expect(slugSchema.safeParse(slugFor(title)).success).toBe(true);
  });

  it.each([
    ["123", 123],
    [" /stories/123 ", 123],
    ["https://fifth.example/stories/77#reply", 77],
    ["/stories/abc", null],
    ["0", null],
    ["99999999999", null],
    ["javascript:alert(1)", null],
  ])("read a story from %j", (text, id) => {
    expect(storyIdFrom(text)).toBe(id);
  });

  it("number an address already taken", () => {
    expect(uniqueSlug("cuts", new Set())).toBe("cuts");
    expect(uniqueSlug("cuts", new Set(["cuts", "cuts-2"]))).toBe("cuts-3");
  });

  it.each([
    [{ consent: "agreed", authorPresent: true, published: true }, true],
    [{ consent: "asked", authorPresent: true, published: true }, false],
    [{ consent: "declined", authorPresent: true, published: true }, false],
    [{ consent: "agreed", authorPresent: false, published: true }, false],
    [{ consent: "agreed", authorPresent: true, published: false }, false],
  ] as const)("show %j: %s", (item, shown) => {
    expect(isShown(item)).toBe(shown);
  });

  it("tell a curator an author who left declined, and nothing more", () => {
    expect(curatorConsent({ consent: "agreed", authorPresent: false })).toBe("declined");
    expect(curatorConsent({ consent: "asked", authorPresent: true })).toBe("asked");
  });

  it.each([
    ["asked", "agreed", "agreed"],
    ["asked", "declined", "declined"],
    ["agreed", "declined", "withdrawn"],
    ["declined", "agreed", "agreed"],
    ["agreed", "agreed", null],
    ["declined", "declined", null],
  ] as const)("tell the curator who asked of an answer from %s to %s as %s", (was, now, change) => {
    expect(consentChange(was, now)).toBe(change);
  });

  it("tell the curator what was answered in which collection, never which story or who", () => {
    expect(consentAnswerMessage("Reviews and cuts, 2026", "withdrawn")).toBe(
      "A story in “Reviews and cuts, 2026” was withdrawn: its author changed their mind, so it is no longer shown.",
    );
    expect(consentAnswerMessage("Reviews and cuts, 2026", "agreed")).toMatch(
      /^A story in “Reviews and cuts, 2026” was agreed/,
    );
  });

  it("move a story up and down, and not past either end", () => {
    expect(moveInOrder([1, 2, 3], 3, "up")).toEqual([1, 3, 2]);
    expect(moveInOrder([1, 2, 3], 1, "down")).toEqual([2, 1, 3]);
    expect(moveInOrder([1, 2, 3], 1, "up")).toEqual([1, 2, 3]);
    expect(moveInOrder([1, 2, 3], 3, "down")).toEqual([1, 2, 3]);
    expect(moveInOrder([1, 2, 3], 9, "up")).toEqual([1, 2, 3]);
  });

  it("refuse an empty or overlong title and introduction, with a message for each", () => {
    const result = collectionInputSchema.safeParse({ title: " ".repeat(3), intro: "word ".repeat(1001) });
    expect(result.success).toBe(false);
    const fields = result.success ? [] : result.error.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(["title", "intro"]);
    expect(collectionInputSchema.safeParse({ title: "x".repeat(121), intro: "Fine." }).success).toBe(false);
  });

  it("put the title and introduction through the identifying-details check", () => {
    const intro = "Ring Jo on 07700 900123 to join in.";
    const found = collectionTextTurn({ title: "Cuts", intro });
    expect(found.kind).toBe("check");
    const replaced = collectionTextTurn({ title: "Cuts", intro, intent: "redact-all" });
    expect(replaced.kind === "check" && replaced.texts.intro).not.toContain("07700");
    expect(collectionTextTurn({ title: "", intro }).kind).toBe("invalid");
    expect(collectionTextTurn({ title: "Cuts", intro: "Stories about reviews." })).toEqual({
      kind: "ready",
      input: { title: "Cuts", intro: "Stories about reviews." },
    });
  });

  it("cite a collection by its month and edition, never a day", () => {
    const citation = citeCollection({ title: "Cuts", version: 3, month: "December 2026", url: "https://x/c/cuts" });
    expect(citation).toBe(
      "Fifth Option (2026). Cuts [collection of stories, edition 3, December 2026]. https://x/c/cuts",
    );
  });
});
