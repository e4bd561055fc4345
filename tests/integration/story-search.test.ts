import { beforeAll, describe, expect, it } from "vitest";

import { NO_SEARCH, type StorySearch } from "~/domain/stories/story-search";
import { countFacets, findUnknownFilter, InvalidCursor, searchStories } from "~/server/story-search.server";

import { addStory } from "../support/stories";

const search = (extra: Partial<StorySearch>): StorySearch => ({ ...NO_SEARCH, sort: extra.q ? "relevance" : "newest", ...extra });

const ids: Record<string, number> = {};

beforeAll(async () => {
  ids.respiteTitle = await addStory({
    title: "Respite at last",
    body: "After two years we finally got a week of respite care for Dad.",
    tags: ["respite"],
    arrangements: ["dp_employer"],
    publishedAt: "2026-03-10T09:00:00Z",
  });
  ids.respiteBody = await addStory({
    title: "A long wait",
    body: "The assessment took months. Respite was mentioned once and then forgotten.",
    council: "E06000002",
    perspective: "social_worker",
    kind: "practice_note",
    tags: ["assessment", "respite"],
    publishedAt: "2025-11-02T09:00:00Z",
  });
  ids.transport = await addStory({
    title: "Getting to the day centre",
    body: "Transport was cut and nobody told us.",
    council: "W06000001",
    tags: ["transport"],
    arrangements: ["commissioned", "dp_employer"],
    publishedAt: "2026-05-20T09:00:00Z",
  });
  ids.pending = await addStory({ title: "Respite pending", body: "Respite respite respite.", status: "pending" });
  ids.removed = await addStory({ title: "Respite removed", body: "Respite respite respite.", status: "removed" });
});

describe("searching stories", () => {
  it("finds published stories only, best match first, with the search words marked", async () => {
    const result = await searchStories(search({ q: "respite" }), { perPage: 10 });
    expect(result.stories.map((story) => story.id)).toEqual([ids.respiteTitle, ids.respiteBody]);
    expect(result.total).toBe(2);
    expect(result.next).toBeNull();
    expect(result.stories[1]?.snippetHtml).toContain("<mark>Respite</mark> was mentioned");
  });

  it("counts facets that ignore their own filter", async () => {
    const facets = await countFacets(search({ tag: "respite" }));
    expect(facets.tag).toEqual(
      expect.arrayContaining([
        { value: "respite", label: "Respite and short breaks", count: 2 },
        { value: "transport", label: "Transport", count: 1 },
      ]),
    );
    expect(facets.kind).toEqual(
      expect.arrayContaining([
        { value: "story", label: "Story", count: 1 },
        { value: "practice_note", label: "Practice note", count: 1 },
      ]),
    );
    expect(facets.arrangement).toEqual([{ value: "dp_employer", label: "Direct payment, employing personal assistants", count: 1 }]);
    expect(facets.year).toEqual([
      { value: "2026", label: "2026", count: 1 },
      { value: "2025", label: "2025", count: 1 },
    ]);
  });

  it("pages with a cursor", async () => {
    const first = await searchStories(search({}), { perPage: 2 });
    expect(first.stories.map((story) => story.id)).toEqual([ids.transport, ids.respiteTitle]);
    const second = await searchStories(search({}), { perPage: 2, cursor: first.next });
    expect(second.stories.map((story) => story.id)).toEqual([ids.respiteBody]);
    await expect(searchStories(search({ q: "respite" }), { perPage: 2, cursor: first.next })).rejects.toBeInstanceOf(InvalidCursor);
  });

  it("names an unknown filter", async () => {
    expect(await findUnknownFilter(search({ tag: "nope" }))).toEqual({ field: "tag", message: "There is no tag called “nope”." });
    expect(await findUnknownFilter(search({ tag: "respite", council: "E06000001", region: "S92000003" }))).toBeNull();
  });
});
