import { beforeAll, describe, expect, it } from "vitest";

import { countFacets, findUnknownFilter, InvalidCursor, searchStories } from "~/server/posts/search.server";

import { fetchPage, pageSaying } from "../support/remix";
import { sql } from "../support/sql";
import { addStory, facetChoices, linkTo, listedStoryIds, storySearch } from "../support/stories";

const search = storySearch;

const ids: Record<string, number> = {};

beforeAll(async () => {
  ids.respiteTitle = await addStory({
    title: "Respite at last",
    body: "After two years we finally got a week of respite care for Dad.",
    tags: ["respite", "transport"],
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
    // Two reports with the same arrangement: the story still counts once under it.
    arrangements: ["commissioned", "dp_employer", "dp_employer"],
    publishedAt: "2026-05-20T09:00:00Z",
  });
  ids.noCouncil = await addStory({
    title: "Nowhere in particular",
    body: "A question about charging.",
    council: null,
    kind: "question",
    publishedAt: "2024-01-05T09:00:00Z",
  });
  ids.pending = await addStory({
    title: "Respite pending",
    body: "Respite respite respite.",
    status: "pending",
    tags: ["respite"],
  });
  ids.removed = await addStory({
    title: "Respite removed",
    body: "Respite respite respite.",
    status: "removed",
    tags: ["respite"],
    arrangements: ["dp_employer"],
  });
  ids.rejected = await addStory({
    title: "Respite rejected",
    body: "Respite.",
    status: "rejected",
    council: "W06000001",
  });
});

describe("the search contract", () => {
  it("finds published stories only, best match first, with the search words marked", async () => {
    const result = await searchStories(search({ q: "respite" }), { perPage: 10 });
    expect(result.stories.map((story) => story.id)).toEqual([ids.respiteTitle, ids.respiteBody]);
    expect(result.total).toEqual({ count: 2, moreThan: false });
    expect(result.next).toBeNull();
    expect(result.stories[1]?.snippetHtml).toContain("<mark>Respite</mark> was mentioned");
  });

  it("counts only published stories, each once per value, with each facet ignoring its own filter", async () => {
    const facets = await countFacets(search({ tag: ["respite"] }));
    const counts = (...rows: [value: string, label: string, count: number][]) =>
      rows.map(([value, label, count]) => ({ value, label, count }));
    // The tag facet counts every tag as if it were chosen instead of "respite".
    expect(facets.tag).toEqual(
      counts(
        ["respite", "Respite and short breaks", 2],
        ["transport", "Transport", 2],
        ["assessment", "Assessment and review", 1],
      ),
    );
    expect(facets.kind).toEqual(counts(["practice_note", "Practice note", 1], ["story", "Story", 1]));
    expect(facets.arrangement).toEqual(counts(["dp_employer", "Direct payment, employing personal assistants", 1]));
    expect(facets.year).toEqual(counts(["2026", "2026", 1], ["2025", "2025", 1]));
    expect(facets.perspective).toEqual(counts(["carer", "Carer", 1], ["social_worker", "Social worker", 1]));
    expect(facets.council).toEqual(counts(["E06000001", "Hartlepool", 1], ["E06000002", "Middlesbrough", 1]));
    expect(facets.region).toEqual([{ value: "E12000001", label: "North East", count: 2 }]);
  });

  it("counts a story with several reports once under each arrangement", async () => {
    const facets = await countFacets(search({}));
    expect(facets.arrangement).toEqual([
      { value: "dp_employer", label: "Direct payment, employing personal assistants", count: 2 },
      { value: "commissioned", label: "Services commissioned by the council, no personal budget", count: 1 },
    ]);
    // The story without a council counts in every facet but council and region.
    expect(facets.kind.reduce((sum, value) => sum + value.count, 0)).toBe(4);
    expect(facets.council.reduce((sum, value) => sum + value.count, 0)).toBe(3);
  });

  it("pages with a cursor, and refuses a cursor from another sort order", async () => {
    const first = await searchStories(search({}), { perPage: 2 });
    expect(first.stories.map((story) => story.id)).toEqual([ids.transport, ids.respiteTitle]);
    const second = await searchStories(search({}), { perPage: 2, cursor: first.next });
    expect(second.stories.map((story) => story.id)).toEqual([ids.respiteBody, ids.noCouncil]);
    expect(second.next).toBeNull();
    await expect(searchStories(search({ q: "respite" }), { perPage: 2, cursor: first.next })).rejects.toBeInstanceOf(
      InvalidCursor,
    );
    await expect(searchStories(search({}), { perPage: 2, cursor: "bm90LWEtY3Vyc29y" })).rejects.toBeInstanceOf(
      InvalidCursor,
    );
  });

  it("shows the same page whether it works the list out (summaries read with the page) or uses the kept answer", async () => {
    // A page size no other test asks for, so the first call works the answer out; fewer than the stories.
    const perPage = 3;
    const newest = await sql<{ id: number }>(
      `SELECT id FROM post WHERE status = 'published'
       ORDER BY date_trunc('month', published_at AT TIME ZONE 'Europe/London') DESC, id DESC LIMIT $1`,
      [2 * perPage],
    );
    expect(newest.length).toBeGreaterThan(perPage);
    const worked = await searchStories(search({}), { perPage });
    expect(worked.next).not.toBeNull();
    const kept = await searchStories(search({}), { perPage });
    expect(kept).toEqual(worked);
    const next = await searchStories(search({}), { perPage, cursor: worked.next });
    expect([...worked.stories, ...next.stories].map((story) => story.id)).toEqual(newest.map((row) => row.id));
    const bestFirst = await sql<{ id: number }>(
      `SELECT id FROM post WHERE status = 'published' AND search_vector @@ websearch_to_tsquery('english', 'respite')
       ORDER BY ts_rank_cd(search_vector, websearch_to_tsquery('english', 'respite'))::real DESC, id DESC LIMIT $1`,
      [perPage],
    );
    const respite = await searchStories(search({ q: "respite" }), { perPage: perPage + 1 });
    expect(respite.stories.slice(0, perPage).map((story) => story.id)).toEqual(bestFirst.map((row) => row.id));
    for (const q of ["respite", "respite transport"]) {
      const first = await searchStories(search({ q }), { perPage });
      expect(first.stories.length).toBeGreaterThan(0);
      expect(first.stories.every((story) => story.snippetHtml?.includes("<mark>"))).toBe(true);
      expect(await searchStories(search({ q }), { perPage })).toEqual(first);
    }
  });

  it("names a tag, council or region that does not exist", async () => {
    expect(await findUnknownFilter(search({ tag: ["nope"] }))).toEqual({
      field: "tag",
      message: "There is no tag called “nope”.",
    });
    expect(await findUnknownFilter(search({ council: ["E06999999"] }))).toMatchObject({ field: "council" });
    expect(await findUnknownFilter(search({ region: ["E12999999"] }))).toMatchObject({ field: "region" });
    expect(
      await findUnknownFilter(search({ tag: ["respite"], council: ["E06000001"], region: ["S92000003"] })),
    ).toBeNull();
  });

  it("sees a story the moment it is published, and stops counting it the moment it is removed", async () => {
    const before = await searchStories(search({ q: "kingfisher" }), { perPage: 5 });
    expect(before.total).toEqual({ count: 0, moreThan: false });
    const id = await addStory({ title: "The kingfisher walk", body: "Our PA took him to see the kingfisher." });
    expect((await searchStories(search({ q: "kingfisher" }), { perPage: 5 })).total).toEqual({
      count: 1,
      moreThan: false,
    });
    expect((await countFacets(search({ q: "kingfisher" }))).kind).toEqual([
      { value: "story", label: "Story", count: 1 },
    ]);
    await sql(`UPDATE post SET status = 'removed' WHERE id = $1`, [id]);
    expect((await searchStories(search({ q: "kingfisher" }), { perPage: 5 })).total).toEqual({
      count: 0,
      moreThan: false,
    });
    expect((await countFacets(search({ q: "kingfisher" }))).kind).toEqual([]);
  });
});

describe("the /stories page", () => {
  it("searches with a plain GET form that has a label, a search box and a button", async () => {
    const { status, html } = await fetchPage("/stories?q=respite");
    expect(status).toBe(200);
    expect(html).toMatch(/<form[^>]*method="get"[^>]*action="\/stories"/);
    expect(html).toMatch(/<label class="label" for="q">Search stories<\/label>/);
    expect(html).toMatch(/<input[^>]*id="q"[^>]*name="q"[^>]*type="search"[^>]*value="respite"/);
    expect(html).toMatch(/<button type="submit"[^>]*>Search<\/button>/);
    expect(html).toContain("<h1>Stories matching “respite”</h1>");
    expect(listedStoryIds(html)).toEqual([ids.respiteTitle, ids.respiteBody]);
    expect(html).toContain("2 published, best match first.");
    expect(html).toContain("week of <mark>respite</mark> care");
  });

  it("escapes a story's text and the search words: only its own marks become markup", async () => {
    await addStory({
      title: "Script kiddies <script>alert('title')</script>",
      body: `Zebracrossing <script>alert("body")</script> <img src=x onerror="alert(1)"> & "quotes" zebracrossing.`,
    });
    const { status, html } = await fetchPage(
      `/stories?q=${encodeURIComponent(`zebracrossing or <script>alert("q")</script>`)}`,
    );
    expect(status).toBe(200);
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toMatch(/<img src=x/);
    expect(html).toContain("Script kiddies &lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;");
    expect(html).toContain("Stories matching “zebracrossing or &lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt;”");
    // ts_headline leaves out whatever looks like a tag; the rest is escaped, and only its marks are markup.
    const snippet = /<p class="snippet">(.*?)<\/p>/s.exec(html)?.[1] ?? "";
    expect(snippet).toBe(
      "<mark>Zebracrossing</mark> alert(&quot;body&quot;) &amp; &quot;quotes&quot; <mark>zebracrossing</mark>",
    );
  });

  it("offers each facet value as a checkbox of a GET form that keeps the words, with the count beside it", async () => {
    const { html } = await fetchPage("/stories?q=respite");
    expect(html).toMatch(/<form method="get" action="\/stories"[^>]*class="facets"/);
    expect(html).toMatch(/class="facets".*<input type="hidden" name="q" value="respite"\/>/s);
    expect(html).toMatch(/class="facets".*<button[^>]*type="submit"[^>]*>Apply filters<\/button>/s);
    expect(facetChoices(html)).toContainEqual({
      name: "kind",
      value: "practice_note",
      label: "Practice note",
      count: 1,
      checked: false,
    });
    const narrowed = await fetchPage("/stories?q=respite&kind=practice_note");
    expect(listedStoryIds(narrowed.html)).toEqual([ids.respiteBody]);
    expect(narrowed.html).toContain("1 published, best match first.");
    // With kind chosen, the kind facet still offers the other kinds, with what they have.
    const kinds = facetChoices(narrowed.html).filter((choice) => choice.name === "kind");
    expect(kinds).toEqual([
      { name: "kind", value: "practice_note", label: "Practice note", count: 1, checked: true },
      { name: "kind", value: "story", label: "Story", count: 1, checked: false },
    ]);
  });

  it("checks every facet count against the page that value alone gives", async () => {
    const { html } = await fetchPage("/stories");
    const choices = facetChoices(html);
    expect(choices.length).toBeGreaterThan(10);
    for (const { name, value, label, count } of choices) {
      const target = await fetchPage(`/stories?${new URLSearchParams({ [name]: value })}`);
      expect(target.html, `${label}: ${name}=${value}`).toContain(`${count} published, newest first.`);
    }
  });

  it("lets each filter value and the search words be removed on their own", async () => {
    const { html } = await fetchPage("/stories?q=respite&tag=respite&year=2026");
    expect(html).toContain('<span class="visually-hidden">Tag: </span>');
    expect(linkTo(html, "Remove filter: Respite and short breaks")).toBe("/stories?q=respite&year=2026");
    expect(linkTo(html, "Remove filter: 2026")).toBe("/stories?q=respite&tag=respite");
    expect(linkTo(html, 'Remove<span class="visually-hidden"> the search words')).toBe(
      "/stories?tag=respite&year=2026",
    );
    // The search form carries the filters along, so new words keep them.
    expect(html).toContain('<input type="hidden" name="tag" value="respite"/>');
    expect(html).toContain('<input type="hidden" name="year" value="2026"/>');
  });

  it("filters by author perspective, support arrangement, year, council and region", async () => {
    expect(listedStoryIds((await fetchPage("/stories?perspective=social_worker")).html)).toEqual([ids.respiteBody]);
    expect(listedStoryIds((await fetchPage("/stories?arrangement=commissioned")).html)).toEqual([ids.transport]);
    expect(listedStoryIds((await fetchPage("/stories?year=2024")).html)).toEqual([ids.noCouncil]);
    expect(listedStoryIds((await fetchPage("/stories?region=W92000004")).html)).toEqual([ids.transport]);
    expect(listedStoryIds((await fetchPage("/stories?council=E06000002&kind=practice_note")).html)).toEqual([
      ids.respiteBody,
    ]);
  });

  it("sorts by relevance or newest", async () => {
    const relevance = await fetchPage("/stories?q=respite");
    expect(listedStoryIds(relevance.html)).toEqual([ids.respiteTitle, ids.respiteBody]);
    const newestHref = linkTo(relevance.html, "Show newest first");
    expect(newestHref).toBe("/stories?q=respite&sort=newest");
    const newest = await fetchPage(newestHref);
    expect(newest.html).toContain("2 published, newest first.");
    expect(listedStoryIds(newest.html)).toEqual([ids.respiteTitle, ids.respiteBody]);
  });

  it("pages with an Older link that keeps every filter in the address, and new stories do not shift pages", async () => {
    for (let i = 0; i < 25; i++) {
      await addStory({
        title: `Pelican crossing ${i}`,
        body: `Pelican story number ${i}.`,
        tags: ["transport"],
        publishedAt: `2026-02-${String(i + 1).padStart(2, "0")}T10:00:00Z`,
      });
    }
    const first = await fetchPage("/stories?q=pelican&tag=transport&sort=newest");
    expect(listedStoryIds(first.html)).toHaveLength(20);
    const older = linkTo(first.html, "Older stories");
    expect(older).toMatch(/^\/stories\?q=pelican&tag=transport&sort=newest&cursor=[\w-]+$/);
    const second = await fetchPage(older);
    const newcomer = await addStory({
      title: "Pelican newcomer",
      body: "Pelican.",
      tags: ["transport"],
      publishedAt: "2026-02-27T10:00:00Z",
    });
    const again = await fetchPage(older);
    // Within a month the order is random (by id), so a newcomer of the same month may land on this
    // page; nothing already listed moves, and nothing from the first page comes back.
    expect(listedStoryIds(again.html).filter((id) => id !== newcomer)).toEqual(listedStoryIds(second.html));
    expect(listedStoryIds(second.html)).toHaveLength(5);
    expect(new Set([...listedStoryIds(first.html), ...listedStoryIds(second.html)]).size).toBe(25);
    expect(second.html).toContain('href="/stories?q=pelican&amp;tag=transport&amp;sort=newest">First page</a>');

    const byRelevance = await fetchPage("/stories?q=pelican&tag=transport");
    const next = linkTo(byRelevance.html, "Next page");
    const rest = await fetchPage(next);
    expect(new Set([...listedStoryIds(byRelevance.html), ...listedStoryIds(rest.html)]).size).toBe(26);
  });

  it("refuses invalid filters with a 400 that names the field and keeps what was typed", async () => {
    const html = await pageSaying("/stories?q=respite+care&kind=poem&year=1066&tag=respite", 400, [
      "There is a problem",
      '<a href="#kind">Kind must be story, practice_note or question.</a>',
      '<a href="#year">Year must be between 2000 and',
    ]);
    expect(html).toMatch(/<input[^>]*id="q"[^>]*value="respite care"/);
    expect(html).toMatch(/<input[^>]*id="kind"[^>]*name="kind"[^>]*aria-invalid="true"[^>]*value="poem"/);
    expect(html).toMatch(/<input[^>]*id="year"[^>]*value="1066"/);
    expect(html).toContain('<input type="hidden" name="tag" value="respite"/>');
    expect(html).toContain("<title>Error: Check your search – Fifth Option</title>");
  });

  it("refuses search words that are too long, and relevance without words", async () => {
    await pageSaying(`/stories?q=${"word ".repeat(50)}`, 400, ["Search words must be 200 characters or fewer"]);
    await pageSaying("/stories?sort=relevance", 400, ["Sorting by relevance needs search words"]);
  });

  it("answers a damaged page link with a 400 and a way back to the first page", async () => {
    const html = await pageSaying("/stories?tag=respite&cursor=bm9wZQ", 400, ["This page link is damaged"]);
    expect(linkTo(html, "Go back to the first page of results")).toBe("/stories?tag=respite");
  });

  it("answers an unknown tag, council or region with a 404 that lists the real ones", async () => {
    const tag = await pageSaying("/stories?tag=no-such-tag&q=respite", 404, [
      "<h1>There is no tag called “no-such-tag”.</h1>",
      '<a data-discover="true" href="/stories?tag=respite">Respite and short breaks</a>',
    ]);
    expect(tag).toMatch(/<input[^>]*id="tag"[^>]*value="no-such-tag"/);
    await pageSaying("/stories?council=E06999999", 404, [
      '<a data-discover="true" href="/stories?council=E06000001">Hartlepool</a>',
    ]);
    await pageSaying("/stories?region=E12999999", 404, [
      '<a data-discover="true" href="/stories?region=S92000003">Scotland</a>',
    ]);
  });

  it("shows an empty state that suggests widening a search that matches nothing", async () => {
    const html = await pageSaying("/stories?q=unicorn+sanctuary&tag=respite", 200, [
      "No published stories match this search",
      "use fewer words",
    ]);
    expect(linkTo(html, "search without the words")).toBe("/stories?tag=respite");
    expect(linkTo(html, "remove the tag filter")).toBe("/stories?q=unicorn+sanctuary");
    expect(html).not.toContain("Download these stories");
  });

  it("ignores empty parameters, as a search form sends them", async () => {
    const { status, html } = await fetchPage("/stories?q=&kind=&tag=&year=");
    expect(status).toBe(200);
    expect(html).toContain("<h1>Stories</h1>");
  });

  it("offers downloads and feeds for what is shown, with the licence and a citation", async () => {
    const { html } = await fetchPage("/stories?q=respite&tag=respite");
    expect(html).toContain('<a href="/stories/export.csv?q=respite&amp;tag=respite">CSV</a>');
    expect(html).toContain('<a href="/stories/export.json?q=respite&amp;tag=respite">JSON</a>');
    expect(html).toContain(
      '<a href="https://creativecommons.org/licenses/by/4.0/">Creative Commons Attribution 4.0 International (CC BY 4.0)</a>',
    );
    expect(html).toMatch(
      /Fifth Option \(\d{4}\)\. Stories matching “respite”, tagged “Respite and short breaks”\. Retrieved \d{4}-\d\d-\d\d from http:\/\/localhost\/stories\?q=respite&amp;tag=respite/,
    );
    expect(html).toContain(
      '<link rel="alternate" type="application/atom+xml" href="http://localhost/feeds/stories.atom?tag=respite" title="New stories tagged “Respite and short breaks” – Fifth Option (Atom)"/>',
    );
    expect(html).toContain('href="http://localhost/feeds/stories.rss?tag=respite"');
  });
});
