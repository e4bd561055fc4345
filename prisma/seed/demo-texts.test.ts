import { describe, expect, it } from "vitest";

import { parseDemoLists, parseDemoMembers, parseDemoPosts } from "./demo-texts";

const FILE = `# Some stories

Text before the first post is the file's own introduction.

## A first story
story | by someone | named | E06000001 | 3 months ago | tags: respite, employer | arrangement: dp_employer

The first paragraph.

### A heading in the story

- and a list

### Reply | by helper | 2 days later | helped 3
A practical answer.

### Reply to above | by someone | named
Thank you.

### Reply | by other | waiting | flag: spam, An advert
Buy my thing.

## A question with no council
question | by asker | 14 months ago | tags: charging | arrangement: waiting | waiting | flag: other

Is this right?
`;

describe("parseDemoPosts", () => {
  const [story, question] = parseDemoPosts(FILE, "test.md");

  it("reads each post's title, metadata and body, headings and lists included", () => {
    expect(story).toMatchObject({ at: "test.md:5", kind: "story", title: "A first story", author: "someone" });
    expect(story).toMatchObject({ displayMode: "handle", areaCode: "E06000001", monthsAgo: 3, status: "published" });
    expect(story).toMatchObject({ tags: ["respite", "employer"], arrangement: "dp_employer", flag: null });
    expect(story?.body).toBe("The first paragraph.\n\n### A heading in the story\n\n- and a list");
    expect(question).toMatchObject({ kind: "question", displayMode: "anonymous", areaCode: null, monthsAgo: 14 });
    expect(question).toMatchObject({
      status: "pending",
      flag: { reason: "other", note: null },
      body: "Is this right?",
    });
    expect(question?.replies).toEqual([]);
  });

  it("reads replies, replies to a reply, and their marks", () => {
    expect(story?.replies).toHaveLength(2);
    const [answer, advert] = story?.replies ?? [];
    expect(answer).toMatchObject({
      author: "helper",
      displayMode: "anonymous",
      daysLater: 2,
      helped: 3,
      chosen: false,
    });
    expect(answer).toMatchObject({ status: "published", body: "A practical answer." });
    expect(answer?.replies).toMatchObject([
      { author: "someone", displayMode: "handle", daysLater: null, body: "Thank you." },
    ]);
    expect(advert).toMatchObject({ status: "pending", flag: { reason: "spam", note: "An advert" }, replies: [] });
  });

  it.each([
    ["an unknown field", "story | by a | 1 month ago | arrangement: isf | loudly", 'test.md:2: unknown field "loudly"'],
    ["an unknown tag", "story | by a | 1 month ago | arrangement: isf | tags: nonsense", 'unknown tag "nonsense"'],
    ["an unknown arrangement", "story | by a | 1 month ago | arrangement: magic", 'unknown arrangement "magic"'],
    ["no author", "story | 1 month ago | arrangement: isf", "no author"],
  ])("refuses %s, saying where", (_, meta, message) => {
    expect(() => parseDemoPosts(`## T\n${meta}\n\nBody.\n`, "test.md")).toThrow(message);
  });

  it("refuses an empty body, a reply to above with nothing above, and a chosen reply to a reply", () => {
    const meta = "question | by a | 1 month ago | arrangement: isf";
    expect(() => parseDemoPosts("## T\nstory | by a | arrangement: isf\n\nB.\n", "t.md")).toThrow("t.md:2: no date");
    expect(() => parseDemoPosts("## T\ndiary | by a\n\nB.\n", "t.md")).toThrow("starts with the kind, not");
    expect(() => parseDemoPosts(`## T\n${meta}\n\n### Reply | by b\nHi.\n`, "t.md")).toThrow("t.md:1: no text");
    expect(() => parseDemoPosts(`## T\n${meta}\n\nQ?\n\n### Reply to above | by b\nHi.\n`, "t.md")).toThrow(
      "t.md:6: a reply to above with no reply above it",
    );
    expect(() =>
      parseDemoPosts(`## T\n${meta}\n\nQ?\n\n### Reply | by b\nA.\n\n### Reply to above | by c | chosen\nB.\n`, "t.md"),
    ).toThrow("only a reply to the post itself can be chosen");
  });
});

describe("parseDemoMembers", () => {
  it("reads the table's rows in order, an empty group as none", () => {
    const table = `Intro.

| handle | perspective | role | trust | group | activity |
| --- | --- | --- | --- | --- | --- |
| first | carer | member | 2 | dementia | 1.5 |
| second | social_worker | moderator | 0 | | 0.3 |
`;
    expect(parseDemoMembers(table)).toEqual([
      { handle: "first", perspective: "carer", role: "member", trustLevel: 2, group: "dementia", activity: 1.5 },
      { handle: "second", perspective: "social_worker", role: "moderator", trustLevel: 0, group: null, activity: 0.3 },
    ]);
  });

  it("refuses a table with other columns", () => {
    expect(() => parseDemoMembers("| handle | role |\n| --- | --- |\n| a | member |\n")).toThrow("columns");
  });
});

describe("parseDemoLists", () => {
  it("reads each heading's items", () => {
    expect(parseDemoLists("# Title\n\n## general\n- One.\n- Two.\n\n## isf\n- Three.\n")).toEqual({
      general: ["One.", "Two."],
      isf: ["Three."],
    });
  });
});
