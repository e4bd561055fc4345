// Every query behind searching published stories: full-text search, facet counts and the checks
// that a filter names something that exists. Used by /stories, its downloads, its feeds and the API.
import { createHash } from "node:crypto";

import QueryStream from "pg-query-stream";

import type { FilterNames } from "~/domain/posts/citation";
import { SNIPPET_START, SNIPPET_STOP, snippetHtml } from "~/domain/posts/snippet";
import {
  defaultSort,
  type FacetValue,
  FILTER_FIELDS,
  type FilterField,
  KIND_LABELS,
  type StoryFacets,
  type StorySearch,
  storySearchParams,
  UNANSWERED_LABEL,
} from "~/domain/posts/story-search";
import { PERSPECTIVES, SUPPORT_ARRANGEMENTS } from "~/domain/taxonomy";

import { type CursorKeys, cursorKeys, InvalidCursor, openCursor, sealCursor } from "../http/cursors.server";
import { borrowConnection, keptAnswers, query, toServiceUnavailable } from "../db/client.server";
import type { PostSummary } from "~/domain/posts/post-summary";

import { describeFilters, listPublishedSummaries } from "./read.server";
import { appSecret } from "../process/secrets.server";

export interface StoryHit extends PostSummary {
  /** The best passages of the body with the search words in <mark>; escaped, safe as HTML. Null without search words. */
  snippetHtml: string | null;
}

export type { FacetValue, StoryFacets };

export { InvalidCursor };

// Results are kept while nothing has been written (db/unchanged.server.ts): counting, ranking and
// faceting tens of thousands of matches takes PostgreSQL far longer than a page may take.
const unlessChanged = <T>(key: string, work: () => Promise<T>) => keptAnswers.get(`search ${key}`, work);

/** Collects parameters and hands back their placeholders, so a clause reads as SQL. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

// What readers may know of a post's author and place: a named post has no public perspective, and
// the byline scope hides the council (region scope) or the region too (nation scope).
const PUBLIC_PERSPECTIVE = "CASE WHEN p.display_mode = 'anonymous' THEN p.author_perspective::text END";

// No published reply yet: the comment index (post_id, status, created_at) answers it per post.
const UNANSWERED = `NOT EXISTS (SELECT 1 FROM comment c WHERE c.post_id = p.id AND c.status = 'published')`;

// Published years are counted in UK time, as public pages show months (app/domain/anonymity/byline.ts).
const YEAR_OF = `extract(year FROM p.published_at AT TIME ZONE 'Europe/London')::int`;

/** The conditions for published posts matching the search, leaving out one filter when asked. */
function conditions(search: StorySearch, params: Params, without?: FilterField): string {
  const clauses = ["p.status = 'published'"];
  if (search.q) clauses.push(`p.search_vector @@ websearch_to_tsquery('english', ${params.add(search.q)})`);
  const use = (field: FilterField) => field !== without && search[field] !== null;
  if (use("kind")) clauses.push(`p.kind = ${params.add(search.kind)}::post_kind`);
  if (use("tag")) {
    clauses.push(
      `p.id IN (SELECT pt.post_id FROM post_tag pt JOIN tag t ON t.id = pt.tag_id WHERE t.slug = ${params.add(search.tag)})`,
    );
  }
  // A post whose author chose a region-only or nation-only byline is never found by its council (or
  // region), and a named post never by its author's perspective: filters must not reveal what
  // the byline hides (docs/anonymity-in-posting.md).
  if (use("council")) clauses.push(`p.area_code = ${params.add(search.council)} AND p.byline_scope = 'council'`);
  if (use("region")) {
    clauses.push(
      `p.area_code IN (SELECT a.code FROM area a WHERE a.region_code = ${params.add(search.region)}) AND p.byline_scope <> 'nation'`,
    );
  }
  if (use("perspective"))
    clauses.push(
      `p.author_perspective = ${params.add(search.perspective)}::perspective AND p.display_mode = 'anonymous'`,
    );
  if (use("arrangement")) {
    clauses.push(
      `p.id IN (SELECT r.post_id FROM experience_report r WHERE r.post_id IS NOT NULL AND r.support_arrangement = ${params.add(search.arrangement)}::support_arrangement)`,
    );
  }
  if (use("year")) {
    const year = params.add(search.year);
    clauses.push(
      `p.published_at >= make_timestamptz(${year}::int, 1, 1, 0, 0, 0, 'Europe/London') AND p.published_at < make_timestamptz(${year}::int + 1, 1, 1, 0, 0, 0, 'Europe/London')`,
    );
  }
  if (use("unanswered")) clauses.push(UNANSWERED);
  return clauses.join(" AND ");
}

// ---- Cursors: a position in the result list that new posts cannot shift ----
//
// Newest first means by month of publication (UK time), then by post id. Ids are random
// (the unlinkable_ids migration), so within a month the order says nothing about who posted when:
// two posts published a minute apart by one person are no more likely to sit together than any
// other two posts of that month. The cursor names the month and id of the last post shown, sealed
// (cursors.server.ts), together with a fingerprint of the search, so it only opens for that list.

// The month a post was published, in UK time, as a timestamp without time zone (first of the month).
const MONTH_OF = `date_trunc('month', p.published_at AT TIME ZONE 'Europe/London')`;
/** Newest-first order, shared by pages, feeds and downloads. */
export const NEWEST_FIRST = `${MONTH_OF} DESC, p.id DESC`;

type Position = { sort: "newest"; month: string; id: number } | { sort: "relevance"; rank: string; id: number };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
// A rank is a PostgreSQL real, kept as the text PostgreSQL gave so it compares exactly.
const RANK = /^\d+(\.\d+)?(e-?\d+)?$/;
const MAX_REAL = 3.4e38;

/** Which list a cursor belongs to: the canonical search and its sort, hashed. */
function listFingerprint(search: StorySearch): string {
  return createHash("sha256")
    .update(`${storySearchParams(search).toString()} sort=${search.sort}`)
    .digest("base64url")
    .slice(0, 11);
}

const keysFor = new WeakMap<Buffer, CursorKeys>();
async function keys(): Promise<CursorKeys> {
  const secret = await appSecret("cursor");
  let found = keysFor.get(secret);
  if (!found) {
    found = cursorKeys(secret);
    keysFor.set(secret, found);
  }
  return found;
}

async function encodePosition(search: StorySearch, position: Position): Promise<string> {
  const key = position.sort === "newest" ? position.month : position.rank;
  return sealCursor(await keys(), { l: listFingerprint(search), s: position.sort, k: key, i: position.id });
}

/** The position a cursor names, or InvalidCursor when it is damaged, forged or for another list. */
export async function decodePosition(cursor: string, search: StorySearch): Promise<Position> {
  const opened = openCursor(await keys(), cursor) as { l?: unknown; s?: unknown; k?: unknown; i?: unknown } | null;
  if (!opened || typeof opened !== "object" || opened.l !== listFingerprint(search) || opened.s !== search.sort)
    throw new InvalidCursor();
  const { k: key, i: id } = opened;
  if (typeof key !== "string" || typeof id !== "number" || !Number.isInteger(id) || id < 1 || id > 2_147_483_647)
    throw new InvalidCursor();
  if (search.sort === "newest" && MONTH.test(key)) return { sort: "newest", month: key, id };
  if (search.sort === "relevance" && RANK.test(key) && Number(key) <= MAX_REAL)
    return { sort: "relevance", rank: key, id };
  throw new InvalidCursor();
}

// ts_headline's own options: two passages of about 15-35 words around the search words.
const HEADLINE_OPTIONS = `StartSel=${SNIPPET_START}, StopSel=${SNIPPET_STOP}, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * One page of published stories matching a search, best match (ts_rank_cd) or newest first, with
 * a cursor for the next page. Snippets are built only for the page shown.
 */
export async function searchStories(
  search: StorySearch,
  page: { cursor?: string | null; perPage: number },
): Promise<{ stories: StoryHit[]; total: number; next: string | null }> {
  const position = page.cursor ? await decodePosition(page.cursor, search) : null;
  const key = `search ${storySearchParams(search).toString()} sort=${search.sort} cursor=${page.cursor ?? ""} per=${page.perPage}`;
  return unlessChanged(key, () => findStories(search, position, page.perPage));
}

async function findStories(search: StorySearch, position: Position | null, perPage: number) {
  const params = new Params();
  const where = conditions(search, params);
  const countParams = params.values.slice();
  let pageSql: string;
  if (search.sort === "relevance" && search.q) {
    const words = params.add(search.q);
    let after = "";
    if (position?.sort === "relevance") {
      const rank = params.add(position.rank);
      after = `WHERE m.rank < ${rank}::real OR (m.rank = ${rank}::real AND m.id < ${params.add(position.id)})`;
    }
    pageSql = `SELECT m.id, m.rank::text AS key FROM (
        SELECT p.id, ts_rank_cd(p.search_vector, websearch_to_tsquery('english', ${words})) AS rank
        FROM post p WHERE ${where}
      ) m ${after} ORDER BY m.rank DESC, m.id DESC LIMIT ${params.add(perPage + 1)}`;
  } else {
    let after = "";
    if (position?.sort === "newest") {
      after = ` AND (${MONTH_OF}, p.id) < (to_date(${params.add(position.month)}, 'YYYY-MM')::timestamp, ${params.add(position.id)})`;
    }
    pageSql = `SELECT p.id, to_char(${MONTH_OF}, 'YYYY-MM') AS key
      FROM post p WHERE ${where}${after}
      ORDER BY ${NEWEST_FIRST} LIMIT ${params.add(perPage + 1)}`;
  }
  const [rows, [counted]] = await Promise.all([
    query<{ id: number; key: string }>(pageSql, params.values),
    query<{ total: number }>(`SELECT count(*)::int AS total FROM post p WHERE ${where}`, countParams),
  ]);
  const shown = rows.slice(0, perPage);
  const last = shown.at(-1);
  const next =
    rows.length > perPage && last
      ? await encodePosition(
          search,
          search.sort === "relevance" && search.q
            ? { sort: "relevance", rank: last.key, id: last.id }
            : { sort: "newest", month: last.key, id: last.id },
        )
      : null;
  const ids = shown.map((row) => row.id);
  const [summaries, snippets] = await Promise.all([
    listPublishedSummaries(ids),
    search.q ? headlines(ids, search.q) : new Map<number, string>(),
  ]);
  return {
    stories: summaries.map((summary) => ({ ...summary, snippetHtml: snippets.get(summary.id) ?? null })),
    total: counted?.total ?? 0,
    next,
  };
}

async function headlines(ids: number[], words: string): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await query<{ id: number; headline: string }>(
    `SELECT p.id, ts_headline('english', translate(p.body_text, $3, ''), websearch_to_tsquery('english', $2), $4) AS headline
     FROM post p WHERE p.id = ANY($1::int[])`,
    [ids, words, `${SNIPPET_START}${SNIPPET_STOP}`, HEADLINE_OPTIONS],
  );
  return new Map(rows.map((row) => [row.id, snippetHtml(row.headline)]));
}

/** One published story as downloads give it: no handle, no author id, no time finer than the month. */
export interface StoryExportRow {
  id: number;
  kind: string;
  title: string;
  body_text: string;
  tags: string[];
  council_code: string | null;
  council_name: string | null;
  region: string | null;
  author_perspective: string | null;
  month: string;
}

/**
 * Every published story matching a search, read through a cursor a few hundred rows at a time, so
 * an export of the whole site takes constant memory. Stops (and frees its connection) as soon as
 * the reader stops.
 */
export async function* publishedStoryRows(search: StorySearch): AsyncGenerator<StoryExportRow> {
  const params = new Params();
  const where = conditions(search, params);
  const order =
    search.sort === "relevance" && search.q
      ? `ts_rank_cd(p.search_vector, websearch_to_tsquery('english', ${params.add(search.q)})) DESC, p.id DESC`
      : NEWEST_FIRST;
  const sql = `SELECT p.id, p.kind::text AS kind, p.title, p.body_text,
      ARRAY(SELECT t.slug FROM post_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.post_id = p.id ORDER BY t."group", t.sort_order) AS tags,
      CASE WHEN p.byline_scope = 'council' THEN a.code END AS council_code,
      CASE WHEN p.byline_scope = 'council' THEN a.name END AS council_name,
      CASE WHEN p.byline_scope <> 'nation' THEN a.region_name END AS region,
      ${PUBLIC_PERSPECTIVE} AS author_perspective,
      to_char(p.published_at AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month
    FROM post p LEFT JOIN area a ON a.code = p.area_code
    WHERE ${where} ORDER BY ${order}`;
  const client = await borrowConnection();
  let failed: Error | undefined;
  try {
    for await (const row of client.query(new QueryStream(sql, params.values, { batchSize: 500 })))
      yield row as StoryExportRow;
  } catch (error) {
    failed = error instanceof Error ? error : new Error(String(error));
    throw toServiceUnavailable(error);
  } finally {
    // A connection that failed mid-stream is thrown away rather than handed to the next request.
    client.release(failed);
  }
}

/** The names of the tag, council and region a search refers to (null for any that does not exist). */
export function nameFilters(search: StorySearch): Promise<FilterNames> {
  return unlessChanged(
    `names tag=${search.tag ?? ""} council=${search.council ?? ""} region=${search.region ?? ""}`,
    () => describeFilters(search),
  );
}

/** Which filter names something that does not exist (a 404), if any. */
export async function findUnknownFilter(
  search: StorySearch,
): Promise<{ field: "tag" | "council" | "region"; message: string } | null> {
  const names = await nameFilters(search);
  if (search.tag && !names.tag) return { field: "tag", message: `There is no tag called “${search.tag}”.` };
  if (search.council && !names.council)
    return { field: "council", message: `There is no council with the code ${search.council}.` };
  if (search.region && !names.region)
    return { field: "region", message: `There is no region with the code ${search.region}.` };
  return null;
}

/** Every tag, council or region there is, for a page that has to say "try one of these". */
export async function listFilterChoices(
  field: "tag" | "council" | "region",
): Promise<{ value: string; label: string }[]> {
  const sql = {
    tag: `SELECT slug AS value, label FROM tag ORDER BY "group", sort_order, label`,
    council: `SELECT code AS value, name AS label FROM area ORDER BY name`,
    region: `SELECT DISTINCT region_code AS value, region_name AS label FROM area ORDER BY region_name`,
  }[field];
  return query<{ value: string; label: string }>(sql, []);
}

const FIXED_LABELS: Partial<Record<FilterField, Record<string, string>>> = {
  kind: KIND_LABELS,
  unanswered: { "1": UNANSWERED_LABEL },
  perspective: Object.fromEntries(Object.entries(PERSPECTIVES).map(([key, perspective]) => [key, perspective.label])),
  arrangement: Object.fromEntries(
    Object.entries(SUPPORT_ARRANGEMENTS).map(([key, arrangement]) => [key, arrangement.label]),
  ),
};

type FacetRow = { facet: FilterField; value: string | null; label: string | null; count: number };

// Columns of the post itself (and its council's region), counted in one scan with GROUPING SETS.
const POST_COLUMNS: Partial<Record<FilterField, { value: string; label: string }>> = {
  kind: { value: "p.kind::text", label: "p.kind::text" },
  perspective: { value: PUBLIC_PERSPECTIVE, label: PUBLIC_PERSPECTIVE },
  council: {
    value: "CASE WHEN p.byline_scope = 'council' THEN a.code END",
    label: "CASE WHEN p.byline_scope = 'council' THEN a.name END",
  },
  region: {
    value: "CASE WHEN p.byline_scope <> 'nation' THEN a.region_code END",
    label: "CASE WHEN p.byline_scope <> 'nation' THEN a.region_name END",
  },
  year: { value: `${YEAR_OF}::text`, label: `${YEAR_OF}::text` },
};

function facetQueries(
  search: StorySearch,
  without: FilterField | undefined,
  fields: FilterField[],
): Promise<FacetRow[]>[] {
  const queries: Promise<FacetRow[]>[] = [];
  const columns = fields.flatMap((field) => {
    const column = POST_COLUMNS[field];
    return column ? [{ field, ...column }] : [];
  });
  if (columns.length > 0) {
    const params = new Params();
    const where = conditions(search, params, without);
    const facet = `CASE ${columns.map((c) => `WHEN GROUPING(${c.value}) = 0 THEN '${c.field}'`).join(" ")} END`;
    const pick = (part: "value" | "label") =>
      `COALESCE(${columns.map((c) => `CASE WHEN GROUPING(${c.value}) = 0 THEN ${c[part]} END`).join(", ")})`;
    queries.push(
      query<FacetRow>(
        `SELECT ${facet} AS facet, ${pick("value")} AS value, ${pick("label")} AS label, count(*)::int AS count
         FROM post p LEFT JOIN area a ON a.code = p.area_code WHERE ${where}
         GROUP BY GROUPING SETS (${columns.map((c) => `(${c.value}, ${c.label})`).join(", ")})`,
        params.values,
      ),
    );
  }
  if (fields.includes("tag")) {
    const params = new Params();
    queries.push(
      query<FacetRow>(
        `SELECT 'tag' AS facet, t.slug AS value, t.label, count(*)::int AS count
         FROM post p JOIN post_tag pt ON pt.post_id = p.id JOIN tag t ON t.id = pt.tag_id
         WHERE ${conditions(search, params, without)} GROUP BY t.slug, t.label`,
        params.values,
      ),
    );
  }
  if (fields.includes("unanswered")) {
    const params = new Params();
    // One value: the posts still waiting for a reply (none shown when every post has one).
    queries.push(
      query<FacetRow>(
        `SELECT 'unanswered' AS facet, '1' AS value, '1' AS label, count(*)::int AS count
         FROM post p WHERE ${conditions(search, params, without)} AND ${UNANSWERED} HAVING count(*) > 0`,
        params.values,
      ),
    );
  }
  if (fields.includes("arrangement")) {
    const params = new Params();
    // A story can carry several reports: it counts once for each arrangement it has.
    queries.push(
      query<FacetRow>(
        `SELECT 'arrangement' AS facet, r.support_arrangement::text AS value, r.support_arrangement::text AS label, count(DISTINCT p.id)::int AS count
         FROM post p JOIN experience_report r ON r.post_id = p.id
         WHERE ${conditions(search, params, without)} GROUP BY r.support_arrangement`,
        params.values,
      ),
    );
  }
  return queries;
}

/**
 * How many published stories each filter value would give. Each facet ignores its own filter
 * (with tag=respite chosen, the tag facet still counts every other tag), so the count beside a
 * value is exactly what clicking it shows: the link replaces that filter and keeps the others.
 * Facets that share the same conditions are counted together: the post's own columns in one scan
 * (GROUPING SETS), tags and attached reports in one join each.
 */
export async function countFacets(search: StorySearch): Promise<StoryFacets> {
  return unlessChanged(`facets ${storySearchParams({ ...search, sort: defaultSort(search.q) }).toString()}`, () =>
    workOutFacets(search),
  );
}

async function workOutFacets(search: StorySearch): Promise<StoryFacets> {
  const groups = new Map<FilterField | "none", FilterField[]>();
  for (const field of FILTER_FIELDS) {
    const key = search[field] === null ? "none" : field;
    groups.set(key, [...(groups.get(key) ?? []), field]);
  }
  const results = await Promise.all(
    [...groups].flatMap(([without, fields]) => facetQueries(search, without === "none" ? undefined : without, fields)),
  );
  const facets = Object.fromEntries(FILTER_FIELDS.map((field) => [field, [] as FacetValue[]])) as StoryFacets;
  for (const { facet, value, label, count } of results.flat()) {
    // Stories without a council have no council or region to count under.
    if (value === null) continue;
    facets[facet].push({ value, label: FIXED_LABELS[facet]?.[value] ?? label ?? value, count });
  }
  for (const field of FILTER_FIELDS) {
    facets[field].sort((a, b) =>
      field === "year"
        ? Number(b.value) - Number(a.value)
        : b.count - a.count || a.label.localeCompare(b.label, "en-GB"),
    );
  }
  return facets;
}
