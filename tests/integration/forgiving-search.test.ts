// The story search forgives: too few stories with all the words gives the stories with any of
// them (and says so), tags and councils named by the words are offered as filters, and council
// and tag names (or near misses) work in filters. Data like the demo community's: 3 stories
// tagged dementia and 19 about respite, none about both.
import { beforeAll, describe, expect, it } from "vitest";

import { countFacets, lookUpName, searchStories, suggestFilters } from "~/server/posts/search.server";

import { callApi, type ProblemBody } from "../support/api";
import { fetchPage, pageSaying, send, uniqueClientAddress } from "../support/remix";
import { addStory, facetChoices, linkTo, listedStoryIds, storySearch } from "../support/stories";

const HAVERING = "E09000016";

const search = storySearch;

const ids = { dementia: [] as number[], respite: [] as number[], mumAndDementia: 0 };

beforeAll(async () => {
  ids.mumAndDementia = await addStory({
    title: "When Mum's dementia got worse",
    body: "My mum has dementia and the council took eight months to assess her.",
    tags: ["dementia"],
    council: HAVERING,
    publishedAt: "2026-04-10T09:00:00Z",
  });
  ids.dementia.push(ids.mumAndDementia);
  for (const [i, text] of ["Memory clinic at last", "Dementia café"].entries()) {
    ids.dementia.push(
      await addStory({
        title: text,
        body: `Dad's dementia diagnosis came after a long wait (${i}).`,
        tags: ["dementia"],
        publishedAt: `2026-0${i + 1}-10T09:00:00Z`,
      }),
    );
  }
  for (let i = 0; i < 19; i++) {
    ids.respite.push(
      await addStory({
        title: `Respite week ${i}`,
        // Six of them also say "care", so "respite care" finds enough with both words.
        body: i < 6 ? `A week of respite care, number ${i}.` : `Respite number ${i}, finally.`,
        tags: ["respite"],
        publishedAt: `2025-${String((i % 12) + 1).padStart(2, "0")}-05T09:00:00Z`,
      }),
    );
  }
  // A story that mentions a mum but not dementia: found by any of the words, ranked below.
  await addStory({ title: "Mum's direct payment", body: "Mum employs two personal assistants." });
});

describe("searching for any of the words when all of them find too few", () => {
  it("finds the stories with any of the words, those with all of them first, and says which words counted", async () => {
    const result = await searchStories(search({ q: "my mum has dementia" }), { perPage: 20 });
    expect(result.match).toEqual({ mode: "any", words: ["mum", "dementia"], allWords: 1 });
    expect(result.stories[0]?.id).toBe(ids.mumAndDementia);
    expect(result.total).toEqual({ count: 4, moreThan: false });
    expect(result.stories.map((story) => story.id)).toEqual(expect.arrayContaining(ids.dementia));
  });

  it("says so on the page: no story has both words, so these have either", async () => {
    const html = await pageSaying("/stories?q=dementia+respite", 200, [
      "No stories contain all of “dementia” and “respite”.",
      "Showing stories with any of these words, best match first.",
      "22 published, best match first.",
    ]);
    expect(listedStoryIds(html)).toHaveLength(20);
  });

  it("says how many had all the words when some did", async () => {
    const { html } = await fetchPage("/stories?q=my+mum+has+dementia");
    expect(html).toContain("Only 1 story contains all of “mum” and “dementia”.");
    expect(html).toContain("Showing stories with any of these words, those with all of them first.");
    expect(listedStoryIds(html)[0]).toBe(ids.mumAndDementia);
  });

  it("pages through the any-word list with its cursor, each story once", async () => {
    const first = await fetchPage("/stories?q=dementia+respite");
    const next = linkTo(first.html, "Next page");
    expect(next).toMatch(/^\/stories\?q=dementia\+respite&cursor=[\w-]+$/);
    const second = await fetchPage(next);
    expect(second.status).toBe(200);
    expect(second.html).toContain("No stories contain all of “dementia” and “respite”.");
    expect(listedStoryIds(second.html)).toHaveLength(2);
    expect(new Set([...listedStoryIds(first.html), ...listedStoryIds(second.html)])).toEqual(
      new Set([...ids.dementia, ...ids.respite]),
    );
    const newest = await fetchPage("/stories?q=dementia+respite&sort=newest");
    expect(newest.html).toContain("Showing stories with any of these words.");
    const older = await fetchPage(linkTo(newest.html, "Older stories"));
    expect(new Set([...listedStoryIds(newest.html), ...listedStoryIds(older.html)]).size).toBe(22);
  });

  it("keeps all the words when they find enough, when only one word counts, and when the words are precise", async () => {
    const enough = await searchStories(search({ q: "respite care" }), { perPage: 20 });
    expect(enough.match.mode).toBe("all");
    expect(enough.total).toEqual({ count: 6, moreThan: false });
    // "my" and "has" are stop words: one word counts, so there is nothing to loosen.
    const one = await searchStories(search({ q: "my dementia has" }), { perPage: 20 });
    expect(one.match).toEqual({ mode: "all", words: ["dementia"], allWords: null });
    expect(one.total).toEqual({ count: 3, moreThan: false });
    const quoted = await fetchPage(`/stories?q=${encodeURIComponent('"dementia respite"')}`);
    expect(quoted.html).toContain("No published stories match this search");
    expect(quoted.html).not.toContain("Showing stories with any");
    const minus = await searchStories(search({ q: "dementia -mum" }), { perPage: 20 });
    expect(minus.match.mode).toBe("all");
    expect(minus.total).toEqual({ count: 2, moreThan: false });
  });

  it("counts facets over the same stories the page lists", async () => {
    const { html } = await fetchPage("/stories?q=dementia+respite");
    expect(facetChoices(html)).toContainEqual({
      name: "tag",
      value: "dementia",
      label: "Dementia",
      count: 3,
      checked: false,
    });
    expect((await fetchPage("/stories?q=dementia+respite&tag=dementia")).html).toContain(
      "3 published, best match first.",
    );
  });

  it("counts the facets of a search for any of the words in the statements that read those matches", async () => {
    // The tags count every story with any of the words (the three about dementia, the one about a
    // mum has no tag); "still waiting for a reply" counts among the stories with all of them (one).
    const facets = await countFacets(search({ q: "my mum has dementia" }));
    expect(facets.tag).toEqual([{ value: "dementia", label: "Dementia", count: 3 }]);
    expect(facets.unanswered).toEqual([{ value: "1", label: "No reply yet", count: 1 }]);
    expect(facets.kind.reduce((sum, value) => sum + value.count, 0)).toBe(4);
  });
});

describe("tags and councils named by the search words", () => {
  it("suggests the Dementia tag and Havering, as links that apply them", async () => {
    expect(await suggestFilters(search({ q: "my mum has dementia in havering" }))).toEqual({
      tags: [{ value: "dementia", label: "Dementia" }],
      councils: [{ value: HAVERING, label: "Havering" }],
    });
    const { html } = await fetchPage("/stories?q=my+mum+has+dementia");
    expect(linkTo(html, "Only stories tagged “Dementia”")).toBe("/stories?q=my+mum+has+dementia&tag=dementia");
    const havering = await fetchPage("/stories?q=respite+havering");
    expect(linkTo(havering.html, "Only stories about Havering")).toBe(
      `/stories?q=respite+havering&council=${HAVERING}`,
    );
  });

  it("does not suggest a filter already chosen", async () => {
    expect((await suggestFilters(search({ q: "dementia", tag: ["dementia"] }))).tags).toEqual([]);
  });
});

describe("council and tag names in filters", () => {
  it("sends a council's name, however written, to the address with its code", async () => {
    for (const name of ["Havering", "havering", "London Borough of Havering", "Havering Council", "Haverng"]) {
      const answer = await fetchPage(`/stories?council=${encodeURIComponent(name)}&q=respite`);
      expect(answer.status, name).toBe(302);
      expect(answer.location, name).toBe(`/stories?q=respite&council=${HAVERING}`);
    }
  });

  it("sends a tag's label, or a near miss of its name, to the address with its slug", async () => {
    const cases: [string, string][] = [
      ["Dementia", "dementia"],
      ["demntia", "dementia"],
      ["Respite and short breaks", "respite"],
      ["respite and short-breaks", "respite"],
    ];
    for (const [typed, slug] of cases) {
      const answer = await fetchPage(`/stories?tag=${encodeURIComponent(typed)}`);
      expect(answer.status, typed).toBe(302);
      expect(answer.location, typed).toBe(`/stories?tag=${slug}`);
    }
    expect(await lookUpName("council", "Haverng")).toEqual({
      found: { value: HAVERING, label: "Havering" },
      close: true,
    });
  });

  it("refuses a name like nothing with a 400 that keeps what was typed", async () => {
    const { status, html } = await fetchPage("/stories?council=Narnia&q=respite");
    expect(status).toBe(400);
    expect(html).toContain("No council is called “Narnia”");
    expect(html).toMatch(/<input[^>]*id="council"[^>]*aria-invalid="true"[^>]*value="Narnia"/);
    expect(html).toMatch(/<input[^>]*id="q"[^>]*value="respite"/);
    expect(linkTo(html, "Search without the council “Narnia”")).toBe("/stories?q=respite");
    expect(html).toContain("<title>Error: Check your search – Fifth Option</title>");
  });

  it("refuses a name like several councils equally, offering each", async () => {
    const { status, html } = await fetchPage("/stories?council=Kingston");
    expect(status).toBe(400);
    expect(html).toContain("No council is called “Kingston”. Choose one of the names below");
    expect(linkTo(html, "Kingston upon Hull")).toBe("/stories?council=E06000010");
    expect(linkTo(html, "Kingston upon Thames")).toBe("/stories?council=E09000021");
  });

  it("does the same for downloads, which hold what the page shows", async () => {
    const named = await send("/stories/export.csv?council=London%20Borough%20of%20Havering", {
      clientAddress: uniqueClientAddress(),
    });
    expect(named.status).toBe(302);
    expect(named.headers.get("Location")).toBe(`/stories/export.csv?council=${HAVERING}`);
    const json = await send("/stories/export.json?q=dementia+respite", { clientAddress: uniqueClientAddress() });
    const body = (await json.json()) as { stories: { title: string }[] };
    expect(body.stories).toHaveLength(22);
  });

  it("still answers a code that names nothing with a 404", async () => {
    expect((await fetchPage("/stories?council=E09999999")).status).toBe(404);
  });
});

interface StoryPage {
  stories: { id: number }[];
  total: number;
  next: { cursor: string; url: string } | null;
  match: { mode: string; words: string[]; allWords: number | null; allWordsIsLowerBound: boolean };
  filters: { council: { code: string; name: string; given: string | null }[]; tag: unknown[] };
  suggestions: { tags: { slug: string; label: string }[]; councils: { code: string; name: string }[] };
}

describe("the API", () => {
  it("says when it searched for any of the words, and pages through them", async () => {
    const { body } = await callApi<StoryPage>("/api/v1/stories?q=dementia+respite&limit=15");
    expect(body.match).toEqual({
      mode: "any",
      words: ["dementia", "respite"],
      allWords: 0,
      allWordsIsLowerBound: false,
    });
    expect(body.total).toBe(22);
    expect(body.suggestions.tags).toEqual(
      expect.arrayContaining([
        { slug: "dementia", label: "Dementia" },
        { slug: "respite", label: "Respite and short breaks" },
      ]),
    );
    const rest = await callApi<StoryPage>(body.next?.url.replace("http://localhost", "") ?? "");
    expect(rest.body.stories).toHaveLength(7);
    expect(new Set([...body.stories, ...rest.body.stories].map((story) => story.id)).size).toBe(22);
  });

  it("uses a council's name, misspelt or not, and says which council it used", async () => {
    const { response, body } = await callApi<StoryPage>("/api/v1/stories?council=Haverng");
    expect(response.status).toBe(200);
    expect(body.filters.council).toEqual([{ code: HAVERING, name: "Havering", given: "Haverng" }]);
    expect(body.stories.map((story) => story.id)).toEqual([ids.mumAndDementia]);
    const byCode = await callApi<StoryPage>(`/api/v1/stories?council=${HAVERING}`);
    expect(byCode.body.filters.council).toEqual([{ code: HAVERING, name: "Havering", given: null }]);
  });

  it("refuses a name like nothing, or like several councils, listing the closest", async () => {
    const { response, body } = await callApi<ProblemBody>("/api/v1/stories?council=Kingston");
    expect(response.status).toBe(400);
    expect(body.errors?.[0]?.parameter).toBe("council");
    expect(body.errors?.[0]?.detail).toContain("Kingston upon Hull (E06000010)");
    expect(body.errors?.[0]?.detail).toContain("Kingston upon Thames (E09000021)");
  });
});
