import { describe, expect, it } from "vitest";

import * as draftRules from "./drafts";

describe("what a draft keeps", () => {
  it("keeps a story's fields and tags, never intents, keys or passwords", () => {
    const values = {
      kind: "story",
      title: "A title",
      body: "Some words",
      intent: "draft",
      submissionKey: "0b7c",
      draftId: "12",
      seen: "[]",
      password: "secret",
      somethingElse: "x",
    };
    const fields = draftRules.draftFieldsFrom("story", values, (key) => (key === "tags" ? ["respite", "carers"] : []));
    expect(fields).toEqual({ kind: "story", title: "A title", body: "Some words" });
    expect(
      draftRules.draftFieldsFrom("story", { ...values, tags: "respite" }, () => ["respite", "carers"]).tags,
    ).toEqual(["respite", "carers"]);
  });

  it("keeps a reply's body, name choice and the reply it answers", () => {
    expect(
      draftRules.draftFieldsFrom("reply", { body: "Hi", displayMode: "handle", parentId: "4", title: "no" }),
    ).toEqual({
      body: "Hi",
      displayMode: "handle",
      parentId: "4",
    });
  });

  it("keeps a report's answers by their names, but not odd names or keys", () => {
    expect(
      draftRules.draftFieldsFrom("report", { step: "rates", councilCode: "E06000001", "<b>": "x", submissionKey: "k" }),
    ).toEqual({ step: "rates", councilCode: "E06000001" });
  });

  it("refuses a draft that is too long, with a 413 saying so", () => {
    const tooLong = () => draftRules.draftFieldsFrom("story", { body: "x".repeat(draftRules.DRAFT_MAX_CHARS + 1) });
    expect(tooLong).toThrow(draftRules.DraftProblem);
    expect(tooLong).toThrow(/too long to save/);
    try {
      tooLong();
    } catch (error) {
      expect((error as draftRules.DraftProblem).status).toBe(413);
    }
    expect(() =>
      draftRules.draftFieldsFrom("story", { body: "x".repeat(draftRules.DRAFT_MAX_CHARS - 10) }),
    ).not.toThrow();
  });

  it("knows an empty form is not worth keeping", () => {
    expect(draftRules.hasWords({ title: " ", body: "", kind: "story" })).toBe(false);
    expect(draftRules.hasWords({ whatHappened: "We" })).toBe(true);
  });
});

describe("how a draft is listed", () => {
  it("by its title, or its first eight words, or what it is", () => {
    expect(draftRules.draftLabel("story", { title: "  Our   review ", body: "x" })).toBe("Our review");
    expect(draftRules.draftLabel("reply", { body: "one two three four five six seven eight nine ten" })).toBe(
      "one two three four five six seven eight…",
    );
    expect(draftRules.draftLabel("story", {})).toBe("Untitled story");
    expect(draftRules.draftLabel("story", { title: "x".repeat(300) })).toHaveLength(120);
  });

  it("saved on a day in London, never a time", () => {
    const lateEvening = new Date("2026-06-30T23:30:00Z"); // already 1 July in London (BST)
    expect(draftRules.savedDay(lateEvening)).toBe("1 July 2026");
    expect(draftRules.savedDayIso(lateEvening)).toBe("2026-07-01");
  });

  it("continues in the form it came from", () => {
    expect(draftRules.continueLink({ id: 7, kind: "story", postId: null })).toBe("/stories/new?draft=7");
    expect(draftRules.continueLink({ id: 7, kind: "reply", postId: 99 })).toBe("/stories/99?draft=7#reply");
    expect(draftRules.continueLink({ id: 7, kind: "report", postId: null })).toBe("/reports/new?draft=7");
  });

  it("fills the form back in, tags as a list", () => {
    expect(draftRules.draftValues({ title: "T", tags: ["a", "b"] })).toEqual({
      values: { title: "T" },
      tags: ["a", "b"],
    });
  });

  it("reads ids strictly", () => {
    expect(draftRules.parseDraftId("12")).toBe(12);
    for (const bad of [null, "", "0", "-1", "1.5", "12abc", "99999999999", "2147483648"]) {
      expect(draftRules.parseDraftId(bad)).toBeNull();
    }
  });
});
