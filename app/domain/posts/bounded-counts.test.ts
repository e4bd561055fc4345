import { describe, expect, it } from "vitest";

import {
  allInWords,
  allInWordsAtStart,
  atLeast,
  boundedCount,
  countFigure,
  countInWords,
  countPhrase,
  facetsAmongNewestNote,
  rankedAmongNewestNote,
  STORY_BOUND,
  STORY_BOUNDS,
  storyBounds,
} from "./bounded-counts";

describe("a count that stops at a bound", () => {
  it("is exact up to the bound and a lower bound just past it, never that one-more figure", () => {
    expect(boundedCount(0, 3)).toEqual({ count: 0, moreThan: false });
    expect(boundedCount(3, 3)).toEqual({ count: 3, moreThan: false });
    // The query counts at most bound + 1 rows: 4 of a bound of 3 means "more than 3".
    expect(boundedCount(4, 3)).toEqual({ count: 3, moreThan: true });
    expect(boundedCount(10_001, STORY_BOUND)).toEqual({ count: 10_000, moreThan: true });
  });

  it("says an exact count as a number and a bounded one as “more than”", () => {
    expect(countInWords({ count: 1, moreThan: false }, "story", "stories")).toBe("1 story");
    expect(countInWords({ count: 2345, moreThan: false }, "story", "stories")).toBe("2,345 stories");
    expect(countInWords({ count: 10_000, moreThan: true }, "story", "stories")).toBe("more than 10,000 stories");
    // "More than 1" is still many.
    expect(countInWords({ count: 1, moreThan: true }, "story", "stories")).toBe("more than 1 stories");
    expect(countPhrase({ count: 10_000, moreThan: true })).toBe("more than 10,000");
    expect(countPhrase({ count: 9_999, moreThan: false })).toBe("9,999");
    expect(countFigure({ count: 10_000, moreThan: true })).toBe("10,000+");
    expect(countFigure({ count: 12, moreThan: false })).toBe("12");
  });

  it("links to a whole list with “all” only when the count is exact", () => {
    expect(allInWords({ count: 12, moreThan: false }, "question", "questions")).toBe("all 12 questions");
    expect(allInWords({ count: 10_000, moreThan: true }, "question", "questions")).toBe("more than 10,000 questions");
    expect(allInWordsAtStart({ count: 10_000, moreThan: true }, "post", "posts")).toBe("More than 10,000 posts");
    expect(allInWordsAtStart({ count: 1, moreThan: false }, "post", "posts")).toBe("All 1 post");
  });

  it("answers “at least this many?” from a bounded count", () => {
    expect(atLeast({ count: 2, moreThan: false }, 3)).toBe(false);
    expect(atLeast({ count: 3, moreThan: false }, 3)).toBe(true);
    // More than 2 is at least 3, but not necessarily 4.
    expect(atLeast({ count: 2, moreThan: true }, 3)).toBe(true);
    expect(atLeast({ count: 2, moreThan: true }, 4)).toBe(false);
  });
});

describe("the bounds", () => {
  it("are one figure, 10,000, unless a setting asks for another", () => {
    expect(STORY_BOUNDS).toEqual({ count: 10_000, rank: 10_000, facets: 10_000 });
    expect(storyBounds()).toEqual(STORY_BOUNDS);
    expect(storyBounds(3)).toEqual({ count: 3, rank: 3, facets: 3 });
    expect(() => storyBounds(0)).toThrow(RangeError);
    expect(() => storyBounds(2.5)).toThrow(RangeError);
  });

  it("are said in plain words where they changed what is shown", () => {
    expect(rankedAmongNewestNote(10_000)).toMatch(
      /^More than 10,000 stories match, so these are the best matches among the newest 10,000\./,
    );
    expect(facetsAmongNewestNote(10_000)).toContain("counts only the newest 10,000 of them");
  });
});
