// Every query behind searching published stories: full-text search, facet counts and the checks
// that a filter names something that exists. Used by /stories, its downloads, its feeds and the API.
import { SNIPPET_START, SNIPPET_STOP, snippetHtml } from "~/domain/stories/snippet";
import { FILTER_FIELDS, type FilterField, KIND_LABELS, type StorySearch } from "~/domain/stories/story-search";
import { PERSPECTIVES, SUPPORT_ARRANGEMENTS } from "~/domain/taxonomy";

import { pool, toServiceUnavailable } from "./db/client.server";
import { listPublishedSummaries, type PostSummary } from "./posts.server";

export interface StoryHit extends PostSummary {
  /** The best passages of the body with the search words in <mark>; escaped, safe as HTML. Null without search words. */
  snippetHtml: string | null;
}

export interface FacetValue {
  /** What goes in the URL: a kind, a tag slug, a GSS code, a perspective, an arrangement, a year. */
  value: string;
  label: string;
  /** Published stories matching the search with this value chosen instead (see countFacets). */
  count: number;
}

export type StoryFacets = Record<FilterField, FacetValue[]>;

/** A page link whose cursor was damaged or belongs to another sort order: a 400, not a 500. */
export class InvalidCursor extends Error {
  constructor() {
    super("This page link is damaged: go back to the first page of results.");
  }
}

async function query<T extends Record<string, unknown>>(text: string, params: unknown[]): Promise<T[]> {
  try {
    return (await pool().query<T>(text, params)).rows;
  } catch (error) {
    throw toServiceUnavailable(error);
  }
}

/** Collects parameters and hands back their placeholders, so a clause reads as SQL. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

// Published years are counted in UK time, as public pages show months (app/domain/anonymity/byline.ts).
const YEAR_OF = `extract(year FROM p.published_at AT TIME ZONE 'Europe/London')::int`;

/** The conditions for published posts matching the search, leaving out one filter when asked. */
function conditions(search: StorySearch, params: Params, without?: FilterField): string {
  const clauses = ["p.status = 'published'"];
  if (search.q) clauses.push(`p.search_vector @@ websearch_to_tsquery('english', ${params.add(search.q)})`);
  const use = (field: FilterField) => field !== without && search[field] !== null;
  if (use("kind")) clauses.push(`p.kind = ${params.add(search.kind)}::post_kind`);
  if (use("tag")) {
    clauses.push(`p.id IN (SELECT pt.post_id FROM post_tag pt JOIN tag t ON t.id = pt.tag_id WHERE t.slug = ${params.add(search.tag)})`);
  }
  if (use("council")) clauses.push(`p.area_code = ${params.add(search.council)}`);
  if (use("region")) clauses.push(`p.area_code IN (SELECT a.code FROM area a WHERE a.region_code = ${params.add(search.region)})`);
  if (use("perspective")) clauses.push(`p.author_perspective = ${params.add(search.perspective)}::perspective`);
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
  return clauses.join(" AND ");
}

// ---- Cursors: a position in the result list that new posts cannot shift ----

type Position = { sort: "newest"; publishedAt: string; id: number } | { sort: "relevance"; rank: string; id: number };

function encodePosition(position: Position): string {
  const key = position.sort === "newest" ? position.publishedAt : position.rank;
  return Buffer.from(`${position.sort}~${key}~${position.id}`).toString("base64url");
}

function decodePosition(cursor: string, sort: StorySearch["sort"]): Position {
  const [kind, key = "", id = ""] = Buffer.from(cursor, "base64url").toString("utf8").split("~");
  if (kind !== sort || !/^\d{1,10}$/.test(id)) throw new InvalidCursor();
  if (kind === "newest" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(key) && !Number.isNaN(Date.parse(key))) {
    return { sort: kind, publishedAt: key, id: Number(id) };
  }
  // A rank is a PostgreSQL real, kept as the text PostgreSQL gave so it compares exactly.
  if (kind === "relevance" && /^\d+(\.\d+)?(e-?\d+)?$/.test(key)) return { sort: kind, rank: key, id: Number(id) };
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
  const position = page.cursor ? decodePosition(page.cursor, search.sort) : null;
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
      ) m ${after} ORDER BY m.rank DESC, m.id DESC LIMIT ${params.add(page.perPage + 1)}`;
  } else {
    let after = "";
    if (position?.sort === "newest") {
      after = ` AND (p.published_at, p.id) < (${params.add(position.publishedAt)}::timestamptz, ${params.add(position.id)})`;
    }
    pageSql = `SELECT p.id, to_char(p.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS key
      FROM post p WHERE ${where}${after}
      ORDER BY p.published_at DESC, p.id DESC LIMIT ${params.add(page.perPage + 1)}`;
  }
  const [rows, [counted]] = await Promise.all([
    query<{ id: number; key: string }>(pageSql, params.values),
    query<{ total: number }>(`SELECT count(*)::int AS total FROM post p WHERE ${where}`, countParams),
  ]);
  const shown = rows.slice(0, page.perPage);
  const last = shown.at(-1);
  const next =
    rows.length > page.perPage && last
      ? encodePosition(
          search.sort === "relevance" && search.q
            ? { sort: "relevance", rank: last.key, id: last.id }
            : { sort: "newest", publishedAt: last.key, id: last.id },
        )
      : null;
  const ids = shown.map((row) => row.id);
  const [summaries, snippets] = await Promise.all([listPublishedSummaries(ids), search.q ? headlines(ids, search.q) : new Map<number, string>()]);
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

/** Which filter names something that does not exist (a 404), if any. */
export async function findUnknownFilter(search: StorySearch): Promise<{ field: "tag" | "council" | "region"; message: string } | null> {
  const [row] = await query<{ tag: boolean; council: boolean; region: boolean }>(
    `SELECT
       $1::text IS NULL OR EXISTS (SELECT 1 FROM tag WHERE slug = $1) AS tag,
       $2::text IS NULL OR EXISTS (SELECT 1 FROM area WHERE code = $2) AS council,
       $3::text IS NULL OR EXISTS (SELECT 1 FROM area WHERE region_code = $3) AS region`,
    [search.tag, search.council, search.region],
  );
  if (row && !row.tag) return { field: "tag", message: `There is no tag called “${search.tag}”.` };
  if (row && !row.council) return { field: "council", message: `There is no council with the code ${search.council}.` };
  if (row && !row.region) return { field: "region", message: `There is no region with the code ${search.region}.` };
  return null;
}

const FACET_SQL: Record<FilterField, (matched: string) => string> = {
  kind: (m) => `SELECT 'kind' AS facet, m.kind::text AS value, m.kind::text AS label, count(*)::int AS count FROM ${m} m GROUP BY m.kind`,
  perspective: (m) =>
    `SELECT 'perspective', m.author_perspective::text, m.author_perspective::text, count(*)::int FROM ${m} m GROUP BY m.author_perspective`,
  year: (m) => `SELECT 'year', m.year::text, m.year::text, count(*)::int FROM ${m} m GROUP BY m.year`,
  council: (m) =>
    `SELECT 'council', a.code, a.name, count(*)::int FROM ${m} m JOIN area a ON a.code = m.area_code GROUP BY a.code, a.name`,
  region: (m) =>
    `SELECT 'region', a.region_code, a.region_name, count(*)::int FROM ${m} m JOIN area a ON a.code = m.area_code GROUP BY a.region_code, a.region_name`,
  tag: (m) =>
    `SELECT 'tag', t.slug, t.label, count(*)::int FROM ${m} m JOIN post_tag pt ON pt.post_id = m.id JOIN tag t ON t.id = pt.tag_id GROUP BY t.slug, t.label`,
  // A story can carry several reports; it counts once for each arrangement it has.
  arrangement: (m) =>
    `SELECT 'arrangement', r.support_arrangement::text, r.support_arrangement::text, count(DISTINCT m.id)::int FROM ${m} m JOIN experience_report r ON r.post_id = m.id GROUP BY r.support_arrangement`,
};

const FIXED_LABELS: Partial<Record<FilterField, Record<string, string>>> = {
  kind: KIND_LABELS,
  perspective: Object.fromEntries(Object.entries(PERSPECTIVES).map(([key, perspective]) => [key, perspective.label])),
  arrangement: Object.fromEntries(Object.entries(SUPPORT_ARRANGEMENTS).map(([key, arrangement]) => [key, arrangement.label])),
};

/**
 * How many published stories each filter value would give. Each facet ignores its own filter
 * (with tag=respite chosen, the tag facet still counts every other tag), so the count beside a
 * value is exactly what clicking it shows: the link replaces that filter and keeps the others.
 * Facets that share the same conditions are counted in one query over one scan of the matches.
 */
export async function countFacets(search: StorySearch): Promise<StoryFacets> {
  const groups = new Map<FilterField | "none", FilterField[]>();
  for (const field of FILTER_FIELDS) {
    const key = search[field] === null ? "none" : field;
    groups.set(key, [...(groups.get(key) ?? []), field]);
  }
  const results = await Promise.all(
    [...groups].map(([without, fields]) => {
      const params = new Params();
      const where = conditions(search, params, without === "none" ? undefined : without);
      return query<{ facet: FilterField; value: string; label: string; count: number }>(
        `WITH matched AS (
           SELECT p.id, p.kind, p.author_perspective, p.area_code, ${YEAR_OF} AS year FROM post p WHERE ${where}
         )
         SELECT * FROM (${fields.map((field) => FACET_SQL[field]("matched")).join("\nUNION ALL\n")}) AS f(facet, value, label, count)`,
        params.values,
      );
    }),
  );
  const facets = Object.fromEntries(FILTER_FIELDS.map((field) => [field, [] as FacetValue[]])) as StoryFacets;
  for (const row of results.flat()) {
    facets[row.facet].push({ value: row.value, label: FIXED_LABELS[row.facet]?.[row.value] ?? row.label, count: row.count });
  }
  for (const field of FILTER_FIELDS) {
    facets[field].sort((a, b) =>
      field === "year" ? Number(b.value) - Number(a.value) : b.count - a.count || a.label.localeCompare(b.label, "en-GB"),
    );
  }
  return facets;
}
