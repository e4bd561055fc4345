import { describe, expect, it } from "vitest";

import { answerTopics, pageTopics } from "./page-topics.server";

describe("page topics", () => {
  it("name each kind of page's topics, and nothing for a page nobody classified", () => {
    const cases: [string, string[] | null][] = [
      ["/stories/123456", ["post:123456"]],
      ["/stories/123456/history", ["post:123456"]],
      ["/stories/123456/edit", null],
      ["/", ["posts", "replies"]],
      ["/stories", ["posts", "replies"]],
      ["/u/someone", ["posts", "replies"]],
      ["/outcomes", ["figures"]],
      ["/outcomes/E09000002", ["figures"]],
      ["/outcomes/region/E12000007", ["figures"]],
      ["/outcomes/data.csv", null],
      ["/outcomes/about-the-data", ["figures"]],
      ["/about", []],
      ["/help/safeguarding", []],
      ["/collections", null],
      ["/options/E09000002", null],
      ["/house-rules", null],
    ];
    for (const [path, topics] of cases) expect(pageTopics(path), path).toEqual(topics);
  });

  it("tie search answers to posts and dashboard answers to figures, anything else to every write", () => {
    expect(answerTopics("search {}")).toEqual(["posts"]);
    expect(answerTopics("outcomes nation")).toEqual(["figures"]);
    expect(answerTopics("something new")).toBeNull();
  });
});
