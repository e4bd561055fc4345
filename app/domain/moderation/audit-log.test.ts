import { describe, expect, it } from "vitest";

import {
  ACTION_LABELS,
  actionLabel,
  AUDIT_ACTIONS,
  AUDIT_TARGETS,
  auditTargetLink,
  auditTargetOf,
  describeChange,
  TARGET_LABELS,
  textDiff,
} from "./audit-log";

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
    ["collection.release", "Released a collection held for a watched word"],
    ["researcher_request.grant", "Other action: Researcher request grant"],
  ])("%s reads “%s”", (code, words) => {
    expect(actionLabel(code)).toBe(words);
  });

  // AUDIT_ACTIONS is the type of every action the audit writer accepts (recordAction), so this
  // walks every action the code can write.
  it.each(AUDIT_ACTIONS)("%s has words, a place in the filter and a target with a link", (action) => {
    expect(actionLabel(action)).toMatch(/^[A-Z][a-z]/);
    expect(actionLabel(action)).not.toMatch(/[._]|Other action/);
    expect(Object.keys(ACTION_LABELS)).toContain(action);
    const target = auditTargetOf(action);
    expect(AUDIT_TARGETS).toContain(target);
    const link = auditTargetLink(target, "12", {
      postOfReply: new Map([["12", 34]]),
      handleOf: new Map([["12", "kind_neighbour"]]),
    });
    expect(link.to).toMatch(/^\/[a-z]/);
    expect(link.text).toMatch(new RegExp(`^${TARGET_LABELS[target]} `));
  });

  it("no two actions share words, and a report's comment is only approved, rejected or sent back", () => {
    const labels = Object.values(ACTION_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
    expect(AUDIT_ACTIONS.filter((a) => a.startsWith("report_comment."))).toEqual([
      "report_comment.approve",
      "report_comment.reject",
      "report_comment.request_changes",
    ]);
    expect(auditTargetOf("report_comment.approve")).toBe("report");
    expect(auditTargetOf("role.change")).toBe("user");
    expect(auditTargetOf("collection.release")).toBe("collection");
  });

  it.each([
    ["post", "7", "/stories/7/history", "Post 7"],
    ["comment", "12", "/stories/34/history", "Reply 12"],
    ["comment", "99", null, "Reply 99"],
    ["user", "12", "/u/kind_neighbour", "Member kind_neighbour"],
    ["user", "99", null, "Member 99"],
    ["report", "5", "/moderation/log?target=report&targetId=5", "Experience report 5"],
    ["watched_word", "scam*", "/admin/watched-words", "Watched word “scam*”"],
    [
      "collection",
      "reviews-and-cuts-2026",
      "/collections/reviews-and-cuts-2026/edit",
      "Collection reviews-and-cuts-2026",
    ],
    ["something_old", "3", null, "Item 3"],
  ])("a %s target %s links to %s", (type, id, to, text) => {
    const lookups = { postOfReply: new Map([["12", 34]]), handleOf: new Map([["12", "kind_neighbour"]]) };
    expect(auditTargetLink(type, id, lookups)).toEqual({ to, text });
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
