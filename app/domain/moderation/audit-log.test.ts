import { describe, expect, it } from "vitest";

import { ACTION_LABELS, actionLabel, describeChange, textDiff } from "./audit-log";

describe("the audit log's words", () => {
  it.each([
    ["post.request_changes", "Asked for changes to a post"],
    ["comment.remove", "Removed a reply"],
    ["report_comment.approve", "Approved an experience report's comment"],
    ["post.edit_approve", "Edited a post, then approved it"],
    ["post.hide", "Hid a post after members' reports, until a moderator decides"],
    ["user.unsilence", "Lifted a pause on a member's posting early"],
    ["role.change", "Changed a member's role"],
    ["watched_word.add", "Added a watched word"],
    ["researcher_request.grant", "Other action: Researcher request grant"],
  ])("%s reads “%s”", (code, words) => {
    expect(actionLabel(code)).toBe(words);
  });

  it("every action the site records has words, and none is a code", () => {
    const recorded = ["post", "comment"].flatMap((kind) =>
      ["approve", "reject", "request_changes", "remove", "dismiss_flags", "restore", "hide", "edit_approve"].map(
        (verb) => `${kind}.${verb}`,
      ),
    );
    for (const code of [...recorded, "report_comment.reject", "user.silence", "watched_word.remove"]) {
      expect(ACTION_LABELS[code], code).toMatch(/^[A-Z][a-z]/);
      expect(ACTION_LABELS[code]).not.toMatch(/[._]/);
    }
    expect(ACTION_LABELS["report_comment.remove"]).toBeUndefined();
  });

  it("shows a before and after in words: statuses, days not times, and nothing for empty", () => {
    expect(describeChange({ status: "pending" }, { status: "changes_requested" })).toEqual([
      { label: "Status", before: "waiting for a moderator", after: "changes requested", diff: null },
    ]);
    expect(describeChange(null, { silencedUntil: "2026-12-09T14:03:22.120Z", days: 3 })).toEqual([
      { label: "Posting paused until", before: "not paused", after: "2026-12-09", diff: null },
      { label: "For how many days", before: null, after: "3", diff: null },
    ]);
    expect(describeChange({ nested: { a: 1 } }, null)).toEqual([
      { label: "Nested", before: "(not shown)", after: null, diff: null },
    ]);
  });

  it("shows a moderator's edit as the words taken out and put in", () => {
    expect(textDiff("Call Mrs Okafor on Tuesday.", "Call [name] on Tuesday.")).toEqual([
      { text: "Call ", change: null },
      { text: "Mrs Okafor", change: "removed" },
      { text: "[name]", change: "added" },
      { text: " on Tuesday.", change: null },
    ]);
    const [row] = describeChange({ body: "a b" }, { body: "a c" });
    expect(row?.diff?.filter((p) => p.change).map((p) => [p.change, p.text])).toEqual([
      ["removed", "b"],
      ["added", "c"],
    ]);
  });
});
