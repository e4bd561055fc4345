// Several values per facet (decision 043): any of a facet's values, all facets together; one
// canonical order for addresses, cursors and cached pages; support arrangements as one facet
// (their tags and attached reports), never also tags. Pages, the API, feeds and downloads.
import { parseFeed } from "@rowanmanning/feed-parser";
import { beforeAll, describe, expect, it } from "vitest";

import { countFacets, searchStories } from "~/server/posts/search.server";

import { callApi, type ProblemBody } from "../support/api";
import { fetchPage, send } from "../support/remix";
import { addStory, facetChoices, listedStoryIds, storySearch } from "../support/stories";

const ids: Record<string, number> = {};
const HARTLEPOOL = "E06000001";
const MIDDLESBROUGH = "E06000002";
const ANGLESEY = "W06000001";

const sorted = (list: (number | undefined)[]) => list.map(Number).sort((a, b) => a - b);

beforeAll(async () => {
  ids.respiteHartlepool = await addStory({ title: "Respite in Hartlepool", tags: ["respite"], council: HARTLEPOOL });
  ids.dementiaMiddlesbrough = await addStory({
    title: "Dementia in Middlesbrough",
    tags: ["dementia"],
    council: MIDDLESBROUGH,
    publishedAt: "2025-05-10T10:00:00Z",
  });
  ids.bothAnglesey = await addStory({ title: "Both in Anglesey", tags: ["respite", "dementia"], council: ANGLESEY });
  ids.transportHartlepool = await addStory({ title: "Transport in Hartlepool", tags: ["transport"] });
  // An arrangement by its tag only, by an attached report only, and by both.
  ids.paTag = await addStory({ title: "Employing a PA", tags: ["dp-employer", "respite"], council: MIDDLESBROUGH });
  ids.paReport = await addStory({ title: "Our PA left", arrangements: ["dp_employer"], council: ANGLESEY });
  ids.isfBoth = await addStory({ title: "An ISF at last", tags: ["isf"], arrangements: ["isf"] });
});

describe("several values of one facet, in the search itself", () => {
  it("finds stories with any of a facet's values, and all of the facets together", async () => {
    const either = await searchStories(storySearch({ tag: ["dementia", "respite"] }), { perPage: 20 });
    expect(sorted(either.stories.map((story) => story.id))).toEqual(
      sorted([ids.respiteHartlepool, ids.dementiaMiddlesbrough, ids.bothAnglesey, ids.paTag]),
    );
    const across = await searchStories(storySearch({ tag: ["dementia", "respite"], council: [HARTLEPOOL, ANGLESEY] }), {
      perPage: 20,
    });
    expect(sorted(across.stories.map((story) => story.id))).toEqual(sorted([ids.respiteHartlepool, ids.bothAnglesey]));
    expect(across.total).toEqual({ count: 2, moreThan: false });
    const years = await searchStories(storySearch({ year: [2025, 2026], tag: ["dementia"] }), { perPage: 20 });
    expect(years.total).toEqual({ count: 2, moreThan: false });
  });

  it("counts each facet over the other facets' choices, ignoring its own", async () => {
    const facets = await countFacets(storySearch({ tag: ["dementia", "respite"], council: [HARTLEPOOL, ANGLESEY] }));
    // Tags: over the stories in Hartlepool or Anglesey, whatever their tags.
    expect(facets.tag).toEqual([
      { value: "respite", label: "Respite and short breaks", count: 2 },
      { value: "dementia", label: "Dementia", count: 1 },
      { value: "transport", label: "Transport", count: 1 },
    ]);
    // Councils: over the stories tagged dementia or respite, wherever they are.
    expect(facets.council).toEqual([
      { value: MIDDLESBROUGH, label: "Middlesbrough", count: 2 },
      { value: HARTLEPOOL, label: "Hartlepool", count: 1 },
      { value: ANGLESEY, label: "Isle of Anglesey", count: 1 },
    ]);
  });

  it("makes one arrangement facet of arrangement tags and attached reports, and leaves them out of the tags", async () => {
    const facets = await countFacets(storySearch({}));
    expect(facets.arrangement).toEqual([
      { value: "dp_employer", label: "Direct payment, employing personal assistants", count: 2 },
      { value: "isf", label: "Individual service fund held by a provider", count: 1 },
    ]);
    expect(facets.tag.map((tag) => tag.value)).not.toContain("dp-employer");
    expect(facets.tag.map((tag) => tag.value)).not.toContain("isf");
    const pa = await searchStories(storySearch({ arrangement: ["dp_employer", "isf"] }), { perPage: 20 });
    expect(sorted(pa.stories.map((story) => story.id))).toEqual(sorted([ids.paTag, ids.paReport, ids.isfBoth]));
  });
});

describe("the /stories page with several values", () => {
  it("ticks the chosen values, lists exactly their stories, and names them in the heading, title and citation", async () => {
    const { status, html } = await fetchPage("/stories?tag=dementia&tag=respite");
    expect(status).toBe(200);
    expect(sorted(listedStoryIds(html))).toEqual(
      sorted([ids.respiteHartlepool, ids.dementiaMiddlesbrough, ids.bothAnglesey, ids.paTag]),
    );
    expect(html).toContain("<h1>Stories tagged “Dementia” or “Respite and short breaks”</h1>");
    expect(html).toContain("<title>Stories tagged “Dementia” or “Respite and short breaks” – Fifth Option</title>");
    expect(html).toMatch(/Stories tagged “Dementia” or “Respite and short breaks”\. Retrieved/);
    const ticked = facetChoices(html).filter((choice) => choice.checked);
    expect(ticked.map((choice) => `${choice.name}=${choice.value}`)).toEqual(["tag=respite", "tag=dementia"]);
    expect(html).toContain("Filter (2 chosen)");
  });

  it("shows each chosen value as a chip whose link removes that value alone", async () => {
    const { html } = await fetchPage(`/stories?tag=dementia&tag=respite&council=${HARTLEPOOL}`);
    const chip = /<a [^>]*href="([^"]+)"[^>]*>Remove filter: (?:<!-- -->)?([^<]+)<\/a>/g;
    const chips = Object.fromEntries(
      [...html.matchAll(chip)].map(([, href = "", label = ""]) => [label, href.replaceAll("&amp;", "&")]),
    );
    expect(chips).toEqual({
      Dementia: `/stories?tag=respite&council=${HARTLEPOOL}`,
      "Respite and short breaks": `/stories?tag=dementia&council=${HARTLEPOOL}`,
      Hartlepool: "/stories?tag=dementia&tag=respite",
    });
  });

  it("keeps a chosen value that nothing else leaves any stories, so it can be unticked", async () => {
    const { html } = await fetchPage(`/stories?tag=transport&council=${ANGLESEY}`);
    expect(facetChoices(html)).toContainEqual({
      name: "tag",
      value: "transport",
      label: "Transport",
      count: 0,
      checked: true,
    });
  });

  it("sends values in another order, or repeated, to the one address (a permanent redirect)", async () => {
    const moved = await fetchPage("/stories?tag=respite&tag=dementia&tag=respite&utm_source=x");
    expect(moved.status).toBe(308);
    expect(moved.location).toBe("/stories?tag=dementia&tag=respite");
  });

  it("pages through several values with a cursor that survives the values being reordered", async () => {
    for (let i = 0; i < 22; i++) {
      await addStory({
        title: `Kestrel ${i}`,
        tags: [i % 2 ? "respite" : "dementia"],
        publishedAt: `2024-03-${String(i + 1).padStart(2, "0")}T10:00:00Z`,
      });
    }
    const first = await fetchPage("/stories?tag=dementia&tag=respite");
    expect(listedStoryIds(first.html)).toHaveLength(20);
    const older = /href="([^"]+)">Older stories/.exec(first.html)?.[1]?.replaceAll("&amp;", "&") ?? "";
    expect(older).toMatch(/^\/stories\?tag=dementia&tag=respite&cursor=[\w-]+$/);
    const second = await fetchPage(older);
    expect(new Set([...listedStoryIds(first.html), ...listedStoryIds(second.html)]).size).toBe(26);
    // The same cursor with the values the other way round: redirected to the one address, cursor kept.
    const cursor = new URL(older, "http://localhost").searchParams.get("cursor") ?? "";
    const reordered = await fetchPage(`/stories?tag=respite&tag=dementia&cursor=${cursor}`);
    expect(reordered.status).toBe(308);
    expect(reordered.location).toBe(older);
    // The cursor belongs to its list: with one of the tags only, it is refused.
    expect((await fetchPage(`/stories?tag=respite&cursor=${cursor}`)).status).toBe(400);
  });

  it("sends an arrangement's tag to the arrangement facet, keeping the other filters", async () => {
    const moved = await fetchPage(`/stories?tag=dp-employer&tag=respite&council=${MIDDLESBROUGH}`);
    expect(moved.status).toBe(308);
    expect(moved.location).toBe(`/stories?tag=respite&council=${MIDDLESBROUGH}&arrangement=dp_employer`);
    const { html } = await fetchPage("/stories?arrangement=dp_employer&arrangement=isf");
    expect(sorted(listedStoryIds(html))).toEqual(sorted([ids.paTag, ids.paReport, ids.isfBoth]));
    expect(html).toContain(
      "<h1>Stories support: direct payment, employing personal assistants or individual service fund held by a provider</h1>",
    );
  });

  it("links a story's arrangement tag to the arrangement facet, and its other tags to the tag facet", async () => {
    const { html } = await fetchPage(`/stories/${ids.paTag}`);
    expect(html).toContain('href="/stories?arrangement=dp_employer"');
    expect(html).toContain('href="/stories?tag=respite"');
    expect(html).not.toContain('href="/stories?tag=dp-employer"');
  });

  it("refuses 100 values, bad values among good ones and two sets of words with a 400 that keeps what was typed", async () => {
    const many = await fetchPage(`/stories?${Array.from({ length: 100 }, (_, i) => `tag=t${i}`).join("&")}`);
    expect(many.status).toBe(400);
    expect(many.html).toContain("Choose at most 20 tags at a time (this search has 100).");
    // Several typed values come back as ticked boxes, to untick.
    expect(many.html).toMatch(
      /<input class="checkbox__input" id="tag" name="tag" type="checkbox" checked="" value="t0"\/>/,
    );
    expect(many.html).toContain('value="t99"');
    for (const [path, status, says] of [
      ["/stories?kind=story&kind=poem", 400, "Kind must be story, practice_note or question."],
      ["/stories?q=respite&q=dementia", 400, "Choose one set of search words at a time."],
      ["/stories?tag=no-such-tag&tag=respite", 404, "There is no tag called “no-such-tag”."],
      ["/stories?tag=constructor", 404, "There is no tag called “constructor”."],
      ["/stories?tag=has-own-property&tag=respite", 404, "There is no tag called “has-own-property”."],
    ] as const) {
      const answer = await fetchPage(path);
      expect([answer.status, answer.html.includes(says)], path).toEqual([status, true]);
    }
    // Two sets of words come back as one, to be corrected.
    expect((await fetchPage("/stories?q=respite&q=dementia")).html).toMatch(
      /<input[^>]*id="q"[^>]*value="respite dementia"/,
    );
  });
});

describe("the API, feeds and downloads with several values", () => {
  it("API: accepts lists, describes them in `filters`, and pages with them", async () => {
    const { response, body } = await callApi<{
      total: number;
      citation: string;
      filters: { tag: { slug: string }[]; council: unknown[]; arrangement: { key: string; label: string }[] };
      next: { url: string } | null;
    }>("/api/v1/stories?tag=respite&tag=dementia&tag=dp-employer&limit=2");
    expect(response.status).toBe(200);
    expect(body.filters.tag.map((tag) => tag.slug)).toEqual(["dementia", "respite"]);
    expect(body.filters.arrangement).toEqual([
      { key: "dp_employer", label: "Direct payment, employing personal assistants" },
    ]);
    // Tagged dementia or respite, and with a direct payment for PAs.
    expect(body.total).toBe(1);
    expect(body.citation).toContain("tagged “Dementia” or “Respite and short breaks”, support: direct payment");
    const both = await callApi<{ total: number; next: { url: string } | null }>(
      "/api/v1/stories?tag=respite&tag=dementia&limit=2",
    );
    expect(both.body.next?.url).toMatch(
      /^http:\/\/localhost\/api\/v1\/stories\?tag=dementia&tag=respite&limit=2&cursor=/,
    );
  });

  it("API: refuses 100 values and two limits with a 400, and an unknown value with a 404", async () => {
    const many = await callApi<ProblemBody>(
      `/api/v1/stories?${Array.from({ length: 100 }, (_, i) => `council=E0600${String(i).padStart(4, "0")}`).join("&")}`,
    );
    expect(many.response.status).toBe(400);
    expect(many.body.errors).toEqual([
      { parameter: "council", detail: "Choose at most 20 councils at a time (this search has 100)." },
    ]);
    expect((await callApi<ProblemBody>("/api/v1/stories?limit=2&limit=3")).response.status).toBe(400);
    expect((await callApi<ProblemBody>("/api/v1/stories?q=a&q=b")).response.status).toBe(400);
    expect((await callApi<ProblemBody>("/api/v1/stories?region=E12000001&region=E12999999")).response.status).toBe(404);
  });

  it("feeds: follow several tags, councils and arrangements, and name them all", async () => {
    const response = await send(`/feeds/stories.atom?tag=dementia&tag=respite&council=${ANGLESEY}`);
    expect(response.status).toBe(200);
    const parsed = parseFeed(await response.text());
    expect(parsed.title).toBe(
      "New stories tagged “Dementia” or “Respite and short breaks” about Isle of Anglesey – Fifth Option",
    );
    expect(parsed.items.map((item) => item.title)).toEqual(["Both in Anglesey"]);
    const arrangement = parseFeed(await (await send("/feeds/stories.atom?arrangement=isf")).text());
    expect(arrangement.title).toBe("New stories with Individual service fund held by a provider – Fifth Option");
    const reordered = await send("/feeds/stories.rss?tag=respite&tag=dementia");
    expect(reordered.status).toBe(308);
    expect(reordered.headers.get("Location")).toBe("/feeds/stories.rss?tag=dementia&tag=respite");
    const byTag = await send("/feeds/stories.atom?tag=isf");
    expect(byTag.status).toBe(308);
    expect(byTag.headers.get("Location")).toBe("/feeds/stories.atom?arrangement=isf");
    const many = await send(`/feeds/stories.atom?${Array.from({ length: 21 }, (_, i) => `tag=t${i}`).join("&")}`);
    expect(many.status).toBe(400);
  });

  it("downloads: hold exactly the stories of several values, and cite them", async () => {
    const csv = await send(`/stories/export.csv?tag=dementia&tag=respite&council=${MIDDLESBROUGH}&council=${ANGLESEY}`);
    expect(csv.status).toBe(200);
    const rows = (await csv.text()).trim().split("\n").slice(1);
    // Dementia in Middlesbrough, Both in Anglesey, and Employing a PA (respite, Middlesbrough).
    expect(rows).toHaveLength(3);
    const datapackage = await send(`/stories/export/datapackage.json?tag=dementia&tag=respite`);
    const described = (await datapackage.json()) as { description?: string; title?: string };
    expect(JSON.stringify(described)).toContain("tagged “Dementia” or “Respite and short breaks”");
    const hostile = await send(
      `/stories/export.csv?${Array.from({ length: 100 }, () => "year=2026").join("&")}&kind=x`,
    );
    expect(hostile.status).toBe(400);
  });
});
