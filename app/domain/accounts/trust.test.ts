import { describe, expect, it } from "vitest";

import { needsPreModeration, trustLevelFor } from "./trust";

const quiet = { publishedPosts: 0, publishedComments: 0, daysActive: 0, upheldFlags: 0, rejectedItems: 0 };

describe("trust levels", () => {
  it("start at 0, so a new member's posts wait for a moderator", () => {
    expect(trustLevelFor(quiet)).toBe(0);
    expect(needsPreModeration(0)).toBe(true);
  });

  it("rise to 1 after a few published items on a few different days", () => {
    expect(trustLevelFor({ ...quiet, publishedPosts: 1, publishedComments: 2, daysActive: 3 })).toBe(1);
    expect(trustLevelFor({ ...quiet, publishedPosts: 3, daysActive: 2 })).toBe(0);
    expect(needsPreModeration(1)).toBe(false);
  });

  it("rise to 2 with sustained good participation", () => {
    expect(trustLevelFor({ ...quiet, publishedPosts: 5, publishedComments: 15, daysActive: 15 })).toBe(2);
    expect(trustLevelFor({ ...quiet, publishedPosts: 5, publishedComments: 15, daysActive: 14 })).toBe(1);
  });

  it("fall back to 0 after an upheld flag or repeated rejections", () => {
    const active = { ...quiet, publishedPosts: 30, daysActive: 40 };
    expect(trustLevelFor({ ...active, upheldFlags: 1 })).toBe(0);
    expect(trustLevelFor({ ...active, rejectedItems: 2 })).toBe(0);
    expect(trustLevelFor({ ...active, rejectedItems: 1 })).toBe(2);
  });
});
