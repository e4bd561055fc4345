import { describe, expect, it } from "vitest";

import {
  compareByRisk,
  doneMessage,
  flagOutcome,
  reasonRequired,
  reasonsFor,
  shouldHide,
  silencedUntil,
  statusAfter,
  statusBefore,
  statusInWords,
  type QueueItem,
  waitedFor,
} from "./queue";

const item = (overrides: Partial<QueueItem>): QueueItem => ({
  kind: "post",
  id: 1,
  safeguardingFlags: 0,
  keptFindings: 0,
  flags: 0,
  createdAt: new Date("2026-11-01"),
  ...overrides,
});

describe("the review queue", () => {
  it("puts safeguarding first, then kept identifying details, then most flags, then oldest", () => {
    const items = [
      item({ id: 1, createdAt: new Date("2026-10-01") }),
      item({ id: 2, flags: 3 }),
      item({ id: 3, keptFindings: 2 }),
      item({ id: 4, safeguardingFlags: 1, flags: 1, createdAt: new Date("2026-11-20") }),
      item({ id: 5, createdAt: new Date("2026-09-01") }),
    ];
    expect(items.sort(compareByRisk).map((i) => i.id)).toEqual([4, 3, 2, 5, 1]);
  });

  it("says why each item is there", () => {
    expect(reasonsFor(item({ safeguardingFlags: 1, flags: 2 }))).toEqual(["safeguarding_flag", "flagged"]);
    expect(reasonsFor(item({}))).toEqual(["new_member"]);
  });

  it("needs a reason to reject or ask for changes, not to approve", () => {
    expect(reasonRequired("approve")).toBe(false);
    expect(reasonRequired("reject")).toBe(true);
    expect(reasonRequired("request_changes")).toBe(true);
    expect(statusAfter("request_changes")).toBe("changes_requested");
  });
});

describe("flags", () => {
  const member = (trust: number) => ({ flaggerTrustLevel: trust, flaggerIsModerator: false });
  it("hide content after three trusted members, or one moderator", () => {
    expect(shouldHide([member(1), member(2)])).toBe(false);
    expect(shouldHide([member(1), member(2), member(0)])).toBe(false);
    expect(shouldHide([member(1), member(2), member(1)])).toBe(true);
    expect(shouldHide([{ flaggerTrustLevel: 0, flaggerIsModerator: true }])).toBe(true);
  });

  it("are upheld by a decision against the content and dismissed otherwise", () => {
    expect(flagOutcome("remove")).toBe("upheld");
    expect(flagOutcome("reject")).toBe("upheld");
    expect(flagOutcome("dismiss_flags")).toBe("dismissed");
    expect(statusBefore("remove")).toBe("published");
    expect(statusAfter("remove")).toBe("removed");
    expect(reasonRequired("remove")).toBe(true);
    expect(statusBefore("restore")).toBe("removed");
    expect(statusAfter("restore")).toBe("published");
  });

  it("silence for a whole number of days from now", () => {
    expect(silencedUntil(3, new Date("2026-11-22T12:00:00Z")).toISOString()).toBe("2026-11-25T12:00:00.000Z");
  });
});

describe("what the queue page says", () => {
  it.each([
    ["approve", 1, 0, "The item was approved and published. The author has been told."],
    [
      "request_changes",
      1,
      0,
      "The item was sent back to the author: changes were requested. The author has been told.",
    ],
    ["reject", 3, 0, "3 items were rejected. Each author has been told."],
    ["dismiss_flags", 1, 0, "The item was kept, and its reports dismissed."],
    [
      "approve",
      2,
      1,
      "2 items were approved and published. Each author has been told. 1 item could not be: another moderator had already dealt with it, or it was not waiting for a decision.",
    ],
  ] as const)("doneMessage(%s, %i, %i)", (decision, handled, notHandled, words) => {
    expect(doneMessage(decision, handled, notHandled)).toBe(words);
  });

  it("says where an item stands in a sentence: “Changes were requested”, “It was rejected”", () => {
    expect(["changes_requested", "rejected", "removed", "pending"].map(statusInWords)).toEqual([
      "Changes were requested",
      "It was rejected",
      "It was removed by moderators",
      "It is waiting for a moderator",
    ]);
  });

  it("says how long an item has waited in days, never a time", () => {
    const now = new Date("2026-12-06T12:00:00Z");
    expect(waitedFor(new Date("2026-12-06T09:00:00Z"), now)).toBe("waiting less than a day");
    expect(waitedFor(new Date("2026-12-05T09:00:00Z"), now)).toBe("waiting 1 day");
    expect(waitedFor(new Date("2026-11-26T12:00:00Z"), now)).toBe("waiting 10 days");
  });
});
