import { describe, expect, it } from "vitest";

import { citeAs, retrievalDate } from "../licence";
import { describeStorySearch } from "./citation";
import { NO_NAMES, NO_SEARCH } from "./story-search";

const NONE = NO_NAMES;

describe("describing a search in words", () => {
  it("says plainly what was searched for", () => {
    expect(describeStorySearch(NO_SEARCH, NONE)).toBe("Stories");
    expect(
      describeStorySearch(
        {
          ...NO_SEARCH,
          q: "respite",
          kind: ["question"],
          tag: ["transport"],
          council: ["E06000001"],
          perspective: ["carer"],
          arrangement: ["dp_employer"],
          year: [2026],
        },
        { ...NONE, tag: { transport: "Transport" }, council: { E06000001: "Hartlepool" } },
      ),
    ).toBe(
      "Questions matching “respite”, tagged “Transport”, about Hartlepool, author: carer, support: direct payment, employing personal assistants, published in 2026",
    );
    expect(
      describeStorySearch({ ...NO_SEARCH, region: ["W92000004"] }, { ...NONE, region: { W92000004: "Wales" } }),
    ).toBe("Stories in Wales");
  });

  it("joins several values of one filter with “or”, and kinds with “and”", () => {
    expect(
      describeStorySearch(
        {
          ...NO_SEARCH,
          kind: ["practice_note", "question"],
          tag: ["capacity", "dementia"],
          council: ["E06000001", "E09000016"],
          year: [2025, 2026],
        },
        {
          ...NONE,
          tag: { dementia: "Dementia", capacity: "Capacity" },
          council: { E06000001: "Hartlepool", E09000016: "Havering" },
        },
      ),
    ).toBe(
      "Practice notes and questions tagged “Capacity” or “Dementia”, about Hartlepool or Havering, published in 2025 or 2026",
    );
  });
});

describe("citations", () => {
  it("give the year, the search, the day retrieved and the address", () => {
    expect(
      citeAs("Stories in Wales", "https://example.org/stories?region=W92000004", new Date("2026-12-01T23:30:00Z")),
    ).toBe(
      "Fifth Option (2026). Stories in Wales. Retrieved 2026-12-01 from https://example.org/stories?region=W92000004",
    );
  });

  it("date a download by the UK calendar", () => {
    expect(retrievalDate(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
  });
});
