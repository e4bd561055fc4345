// Story lists and searches count, rank and count by filter at most a bound of matches
// (app/domain/posts/bounded-counts.ts, docs/story-search.md). The bound is a parameter of the
// server functions, called here with small ones; the pages and the API of the build read
// STORY_COUNT_BOUND, set to 5 for this file before the build loads. Both sides of the bound are
// checked against real counts of stories this file inserts, and EXPLAIN shows the work is bounded
// by construction (a Limit below every aggregate and ranking), not by timing.
import { readFileSync } from "node:fs";
import path from "node:path";

import { type ConfigData, HtmlValidate } from "html-validate";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORY_COUNT_BOUND = "5";
});

import { storyBounds } from "~/domain/posts/bounded-counts";
import {
  countFacetsBounded,
  facetQueriesFor,
  matchFor,
  searchStories,
  storyPageQueries,
} from "~/server/posts/search.server";

import { callApi, walkStoryPages } from "../support/api";
import { fetchPage, send } from "../support/remix";
import { sql } from "../support/sql";
import { addStory, storySearch } from "../support/stories";

const WORD = "quokkabound";
// 12 stories with the word, one a month through 2025, some saying it more often (so ranks differ),
// four of them tagged "respite". What "the newest 5" are is read from the database, in the list's order.
const MONTHS = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];
const ids: number[] = [];

beforeAll(async () => {
  for (const [n, month] of MONTHS.entries()) {
    const repeats = Array.from({ length: 1 + (n % 4) }, () => WORD).join(" and ");
    ids.push(
      await addStory({
        title: `Story ${n + 1} about the ${WORD}`,
        body: `We talked about ${repeats} with the council in month ${n + 1}.`,
        tags: n % 3 === 0 ? ["respite"] : ["transport"],
        publishedAt: `2025-${month}-15T10:00:00Z`,
      }),
    );
  }
});

/** The matching published stories, newest first in the list's own order (month, then id). */
async function matchingNewestFirst(q = WORD): Promise<number[]> {
  const rows = await sql<{ id: number }>(
    `SELECT id FROM post WHERE status = 'published' AND search_vector @@ websearch_to_tsquery('english', $1)
     ORDER BY date_trunc('month', published_at AT TIME ZONE 'Europe/London') DESC, id DESC`,
    [q],
  );
  return rows.map((row) => row.id);
}

async function tagCounts(among: number[]): Promise<Record<string, number>> {
  const rows = await sql<{ slug: string; count: number }>(
    `SELECT t.slug, count(*)::int AS count FROM post_tag pt JOIN tag t ON t.id = pt.tag_id
     WHERE pt.post_id = ANY($1::int[]) GROUP BY t.slug`,
    [among],
  );
  return Object.fromEntries(rows.map((row) => [row.slug, row.count]));
}

const tagFacet = (facets: { tag: { value: string; count: number }[] }) =>
  Object.fromEntries(facets.tag.map((value) => [value.value, value.count]));

describe("below the bound", () => {
  it("gives exact totals and filter counts, equal to a real count, and ranks every match", async () => {
    const all = await matchingNewestFirst();
    expect(all).toHaveLength(12);
    for (const bound of [12, 100]) {
      const bounds = storyBounds(bound);
      const found = await searchStories(storySearch({ q: WORD }), { perPage: 20 }, bounds);
      expect(found.total).toEqual({ count: all.length, moreThan: false });
      expect(found.rankedAmongNewest).toBeNull();
      expect([...found.stories.map((story) => story.id)].sort()).toEqual([...all].sort());
      const { facets, countedAmongNewest } = await countFacetsBounded(storySearch({ q: WORD }), bounds);
      expect(countedAmongNewest).toBeNull();
      expect(tagFacet(facets)).toEqual(await tagCounts(all));
    }
  });
});

describe("above the bound", () => {
  it("says “more than” the bound, never a made-up exact figure, and counts filters among the newest only", async () => {
    const all = await matchingNewestFirst();
    const newest = all.slice(0, 5);
    const bounds = storyBounds(5);
    const found = await searchStories(storySearch({ q: WORD }), { perPage: 3 }, bounds);
    expect(found.total).toEqual({ count: 5, moreThan: true });
    expect(found.rankedAmongNewest).toBe(5);
    const byNewest = await searchStories(storySearch({ q: WORD, sort: "newest" }), { perPage: 3 }, bounds);
    expect(byNewest.total).toEqual({ count: 5, moreThan: true });
    expect(byNewest.rankedAmongNewest).toBeNull();
    expect(byNewest.stories.map((story) => story.id)).toEqual(all.slice(0, 3));

    const { facets, countedAmongNewest } = await countFacetsBounded(storySearch({ q: WORD }), bounds);
    expect(countedAmongNewest).toBe(5);
    expect(tagFacet(facets)).toEqual(await tagCounts(newest));

    // One past the bound: still "more than", never 12 or 11.
    const eleven = await searchStories(storySearch({ q: WORD }), { perPage: 3 }, storyBounds(11));
    expect(eleven.total).toEqual({ count: 11, moreThan: true });
  });

  it("says so on the page, in words, and stays exact for a narrower search (STORY_COUNT_BOUND=5)", async () => {
    const page = await fetchPage(`/stories?q=${WORD}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain("More than 5 published, best match first.");
    expect(page.html).toContain("these are the best matches among the newest 5.");
    expect(page.html).toContain("counts only the newest 5 of them, so choosing it may show more.");
    expect(page.html).not.toMatch(/\b1[12] published/);
    // The notes are valid HTML, as every page is (tests/integration/html-validate.test.ts).
    const config = JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, "..", "..", ".config", "htmlvalidate.json"), "utf8"),
    ) as ConfigData;
    const report = await new HtmlValidate(config).validateString(page.html);
    const errors = report.results.flatMap((result) =>
      result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`),
    );
    expect(errors).toEqual([]);

    const newest = await fetchPage(`/stories?q=${WORD}&sort=newest`);
    expect(newest.html).toContain("More than 5 published, newest first.");
    expect(newest.html).not.toContain("best matches among the newest");

    // Four stories are tagged "respite": below the bound, exact and with no notes.
    const narrow = await fetchPage(`/stories?q=${WORD}&tag=respite`);
    expect(narrow.html).toContain("4 published, best match first.");
    expect(narrow.html).not.toContain("More than");
    expect(narrow.html).not.toContain("best matches among the newest");
  });

  it("keeps the API's total backward compatible: exact below the bound, flagged as a lower bound above it", async () => {
    const wide = await callApi<{ total: number; totalIsLowerBound: boolean; rankedAmongNewest: number | null }>(
      `/api/v1/stories?q=${WORD}`,
    );
    expect(wide.body).toMatchObject({ total: 5, totalIsLowerBound: true, rankedAmongNewest: 5 });
    const narrow = await callApi<{ total: number; totalIsLowerBound: boolean; rankedAmongNewest: number | null }>(
      `/api/v1/stories?q=${WORD}&tag=respite`,
    );
    expect(narrow.body).toMatchObject({ total: 4, totalIsLowerBound: false, rankedAmongNewest: null });
  });

  it("never bounds downloads: the CSV holds every matching story", async () => {
    const response = await send(`/stories/export.csv?q=${WORD}&sort=newest`);
    expect(response.status).toBe(200);
    const csv = await response.text();
    const listed = [...csv.matchAll(/^(\d+),/gm)].map((match) => Number(match[1]));
    expect([...listed].sort()).toEqual([...(await matchingNewestFirst())].sort());
  });
});

describe("walking every page of a bounded best-match search", () => {
  it("gives each of the newest matches once, best first, even when a story is published between pages", async () => {
    const newest = (await matchingNewestFirst()).slice(0, 5);
    let added: number | null = null;
    const walked = await walkStoryPages(`/api/v1/stories?q=${WORD}&limit=2`, {
      maxPages: 10,
      between: async (page) => {
        if (page === 1)
          added = await addStory({
            title: `A later ${WORD}`,
            body: `Only once: ${WORD}.`,
            publishedAt: "2026-01-15T10:00:00Z",
          });
      },
    });
    expect(new Set(walked).size).toBe(walked.length);
    // Every story the first page ranked is there once; the one published since may join, nothing else.
    for (const id of newest) expect(walked.filter((seen) => seen === id)).toHaveLength(1);
    expect(walked.filter((id) => !newest.includes(id))).toEqual(walked.includes(added ?? 0) ? [added] : []);
    await sql(`UPDATE post SET status = 'removed' WHERE id = $1`, [added]);
  });

  it("walks every match once when the bound is not reached, and only the newest when it is", async () => {
    const all = await matchingNewestFirst();
    for (const [bound, expected] of [
      [100, all],
      [5, all.slice(0, 5)],
    ] as const) {
      const seen: number[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 20; page++) {
        const found = await searchStories(storySearch({ q: WORD }), { perPage: 2, cursor }, storyBounds(bound));
        seen.push(...found.stories.map((story) => story.id));
        cursor = found.next;
        if (!cursor) break;
      }
      expect(new Set(seen).size, `bound ${bound}`).toBe(seen.length);
      expect([...seen].sort(), `bound ${bound}`).toEqual([...expected].sort());
    }
  });
});

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Subplan Name"?: string;
  "CTE Name"?: string;
  Plans?: PlanNode[];
};

function findNode(node: PlanNode, test: (node: PlanNode) => boolean): PlanNode | undefined {
  if (test(node)) return node;
  for (const child of node.Plans ?? []) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}

const postScans = (node: PlanNode): number =>
  (node["Relation Name"] === "post" ? 1 : 0) + (node.Plans ?? []).reduce((sum, child) => sum + postScans(child), 0);

/**
 * Every scan of the post table has a Limit above it, and some aggregate or ranking has a Limit below
 * it (`everyAggregateOverLimit`: every aggregate of stories has). A scan of a WITH query (CTE Scan)
 * reads what that query's own plan gave, so it is below a Limit when that plan is.
 */
function boundedPlan(plan: PlanNode): {
  postScansUnderLimit: boolean[];
  aggregateOverLimit: boolean;
  everyAggregateOverLimit: boolean;
} {
  const postScansUnderLimit: boolean[] = [];
  let aggregateOverLimit = false;
  let everyAggregateOverLimit = true;
  const ctes = new Map<string, PlanNode>();
  const collect = (node: PlanNode) => {
    const name = /^CTE (.+)$/.exec(node["Subplan Name"] ?? "")?.[1];
    if (name) ctes.set(name, node);
    for (const child of node.Plans ?? []) collect(child);
  };
  collect(plan);
  // Whether a node, its children or the WITH query it scans (and theirs) pass the test.
  const anyBelow = (node: PlanNode, test: (node: PlanNode) => boolean): boolean => {
    const cte = node["Node Type"] === "CTE Scan" ? ctes.get(node["CTE Name"] ?? "") : undefined;
    return (
      test(node) ||
      (cte !== undefined && anyBelow(cte, test)) ||
      (node.Plans ?? []).some((child) => anyBelow(child, test))
    );
  };
  const hasLimit = (node: PlanNode) => anyBelow(node, (n) => n["Node Type"] === "Limit");
  const readsPost = (node: PlanNode) => anyBelow(node, (n) => n["Relation Name"] === "post");
  const walk = (node: PlanNode, underLimit: boolean) => {
    const limited = underLimit || node["Node Type"] === "Limit";
    if (node["Relation Name"] === "post") postScansUnderLimit.push(limited);
    if (node["Node Type"] === "Aggregate") {
      const overLimit = (node.Plans ?? []).some((child) => hasLimit(child));
      aggregateOverLimit ||= overLimit;
      // An aggregate of other tables only (the union of arrangements' sources) counts no stories.
      if (readsPost(node)) everyAggregateOverLimit &&= overLimit;
    } else if (node["Node Type"] === "WindowAgg" && (node.Plans ?? []).some((child) => hasLimit(child)))
      aggregateOverLimit = true;
    for (const child of node.Plans ?? []) walk(child, limited);
  };
  walk(plan, false);
  return { postScansUnderLimit, aggregateOverLimit, everyAggregateOverLimit };
}

async function explain(query: { sql: string; values: unknown[] }): Promise<PlanNode> {
  const [row] = await sql<{ "QUERY PLAN": { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${query.sql}`, query.values);
  const plan = row?.["QUERY PLAN"][0]?.Plan;
  if (!plan) throw new Error("no plan");
  return plan;
}

describe("the work is bounded by construction", () => {
  const searches = [
    storySearch({ q: WORD }),
    storySearch({ q: WORD, sort: "newest" }),
    storySearch({ tag: ["respite"] }),
    storySearch({ tag: ["respite"], council: ["E06000002"], unanswered: ["1"] }),
    storySearch({}),
  ];

  it("counts totals and ranks over a LIMITed subquery: EXPLAIN shows a Limit below the aggregate", async () => {
    const bounds = storyBounds(10_000);
    for (const search of searches) {
      const queries = storyPageQueries(search, null, 20, await matchFor(search), bounds);
      const total = boundedPlan(await explain(queries.total));
      expect(total.aggregateOverLimit, JSON.stringify(search)).toBe(true);
      expect(total.postScansUnderLimit.length).toBeGreaterThan(0);
      expect(total.postScansUnderLimit.every(Boolean), JSON.stringify(search)).toBe(true);
      const pagePlan = await explain(queries.page);
      expect(boundedPlan(pagePlan).postScansUnderLimit.every(Boolean), JSON.stringify(search)).toBe(true);
      if (search.q && search.sort === "relevance") {
        // Ranking reads only the CTE of the newest matches, whose plan is a Limit over every scan of post.
        const newest = findNode(pagePlan, (node) => node["Subplan Name"] === "CTE newest");
        expect(newest?.["Node Type"]).toBe("Limit");
        expect(postScans(newest as PlanNode)).toBe(postScans(pagePlan));
        expect(postScans(pagePlan)).toBeGreaterThan(0);
      }
    }
  });

  it("counts every filter's values among a LIMITed subquery of the newest matches", async () => {
    for (const search of searches) {
      const queries = await facetQueriesFor(search, storyBounds(10_000));
      expect(queries.length).toBeGreaterThan(0);
      for (const query of queries) {
        const plan = boundedPlan(await explain(query));
        // Every facet's count, not only the count of the matches, reads a bounded set.
        expect(plan.everyAggregateOverLimit, query.sql).toBe(true);
        expect(plan.postScansUnderLimit.length, query.sql).toBeGreaterThan(0);
        expect(plan.postScansUnderLimit.every(Boolean), query.sql).toBe(true);
      }
    }
  });
});
