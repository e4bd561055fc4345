// Every query behind searching published stories: full-text search, facet counts and the checks
// that a filter names something that exists. Used by /stories, its downloads, its feeds and the API.
import { createHash } from "node:crypto";

import QueryStream from "pg-query-stream";

import { compareNames } from "~/domain/en-gb";
import { type BoundedCount, boundedCount, type StoryBounds, storyBounds } from "~/domain/posts/bounded-counts";
import { SNIPPET_START, SNIPPET_STOP, snippetHtml } from "~/domain/posts/snippet";
import {
  arrangementTagsMoved,
  canonicalSearch,
  defaultSort,
  type FacetValue,
  FEWEST_BEFORE_ANY_WORD,
  type FilterNames,
  FILTER_FIELDS,
  type FilterChoice,
  type FilterSuggestions,
  type FilterField,
  inCanonicalOrder,
  isAreaCode,
  isTagSlug,
  KIND_LABELS,
  type MatchReport,
  mayLoosen,
  nameKey,
  searchWords,
  type StoryFacets,
  type StorySearch,
  storySearchParams,
  UNANSWERED_LABEL,
  type WordMatch,
} from "~/domain/posts/story-search";
import { PERSPECTIVES, SUPPORT_ARRANGEMENTS, type SupportArrangement } from "~/domain/taxonomy";

import { appCursorKeys, InvalidCursor, openCursor, sealCursor } from "../http/cursors.server";
import { borrowConnection, keptAnswers, query, toServiceUnavailable } from "../db/client.server";
import { getEnv } from "../process/env.server";
import type { PostSummary } from "~/domain/posts/post-summary";

import { listPublishedSummaries, pickedWithSummaries } from "./read.server";
import { unreadCondition, unreadThreads } from "../following/following.server";

export interface StoryHit extends PostSummary {
  /** The best passages of the body with the search words in <mark>; escaped, safe as HTML. Null without search words. */
  snippetHtml: string | null;
}

export type {
  BoundedCount,
  FacetValue,
  FilterChoice,
  FilterSuggestions,
  MatchReport,
  StoryBounds,
  StoryFacets,
  WordMatch,
};

/** The bounds lists and searches are worked out with: STORY_COUNT_BOUND (10,000 unless set). */
export function configuredBounds(): StoryBounds {
  return storyBounds(getEnv().STORY_COUNT_BOUND);
}

const boundsKey = (bounds: StoryBounds) => `bounds=${bounds.count},${bounds.rank},${bounds.facets}`;

/** A query and its parameters, as run (and as the tests EXPLAIN it). */
export interface StoryQuery {
  sql: string;
  values: unknown[];
}

/**
 * How many rows match, stopping at one more than the bound: the count reads at most bound + 1
 * rows, however many match (SELECT count(*) FROM (SELECT 1 … LIMIT bound + 1)).
 */
function boundedCountQuery(where: string, values: unknown[], bound: number): StoryQuery {
  return {
    sql: `SELECT count(*)::int AS total FROM (SELECT 1 FROM post p WHERE ${where} LIMIT $${values.length + 1}) c`,
    values: [...values, bound + 1],
  };
}

async function runBoundedCount(counting: StoryQuery, bound: number): Promise<BoundedCount> {
  const [row] = await query<{ total: number }>(counting.sql, counting.values);
  return boundedCount(row?.total ?? 0, bound);
}

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

// ---- Which words must match: all of them, or (when all of them find too few) any of them ----

const ALL_WORDS: WordMatch = { mode: "all", words: [] };

/** The tsquery for the words as the match uses them. */
function tsquery(search: StorySearch, match: WordMatch, params: Params): string {
  if (match.mode === "any") return `websearch_to_tsquery('english', ${params.add(match.words.join(" or "))})`;
  return `websearch_to_tsquery('english', ${params.add(search.q)})`;
}

/** The words of a search that PostgreSQL searches for, leaving out its stop words ("my", "has", "the"). */
function meaningfulWords(q: string | null): Promise<string[]> {
  const words = searchWords(q);
  if (words.length === 0) return Promise.resolve([]);
  return unlessChanged(`words ${JSON.stringify(words)}`, async () => {
    const rows = await query<{ word: string }>(
      `SELECT w.word FROM unnest($1::text[]) WITH ORDINALITY AS w(word, n)
       WHERE numnode(plainto_tsquery('english', w.word)) > 0 ORDER BY w.n`,
      [words],
    );
    return rows.map((row) => row.word);
  });
}

/**
 * All the words, unless they are plain words (no quotes, minus signs or "or"), at least two of
 * them count, and all of them together find fewer than FEWEST_BEFORE_ANY_WORD published stories:
 * then any of them, with the stories that have all of them ranked first. Decided on the words
 * alone, whatever the filters, so a facet's count is what choosing it shows.
 */
export function matchFor(search: StorySearch): Promise<WordMatch> {
  const q = search.q;
  if (!q) return Promise.resolve(ALL_WORDS);
  return unlessChanged(`match ${q}`, async () => {
    const words = await meaningfulWords(q);
    if (!mayLoosen(q) || words.length < 2) return { mode: "all", words };
    const [row] = await query<{ found: number }>(
      `SELECT count(*)::int AS found FROM (
         SELECT 1 FROM post p WHERE p.status = 'published' AND p.search_vector @@ websearch_to_tsquery('english', $1) LIMIT $2
       ) f`,
      [q, FEWEST_BEFORE_ANY_WORD],
    );
    return { mode: (row?.found ?? 0) < FEWEST_BEFORE_ANY_WORD ? "any" : "all", words };
  });
}

// A story's support arrangements, one row each: its tags of the support_arrangement group and the
// arrangements of experience reports attached to it (docs/story-search.md, "One facet for support
// arrangements"). The tag's slug becomes the arrangement's key through the taxonomy's own table.
function storyArrangements(params: Params): string {
  const keys = Object.keys(SUPPORT_ARRANGEMENTS) as SupportArrangement[];
  return `(SELECT r.post_id, r.support_arrangement::text AS arrangement FROM experience_report r WHERE r.post_id IS NOT NULL
     UNION
     SELECT pt.post_id, m.arrangement FROM post_tag pt
       JOIN tag t ON t.id = pt.tag_id AND t."group" = 'support_arrangement'
       JOIN unnest(${params.add(keys)}::text[], ${params.add(keys.map((key) => SUPPORT_ARRANGEMENTS[key].slug))}::text[]) AS m(arrangement, slug) ON m.slug = t.slug)`;
}

/** Published years are whole UK calendar years: any of the chosen ones, each a range the index can use. */
function yearsClause(years: number[], params: Params): string {
  const ranges = years.map((value) => {
    const year = params.add(value);
    return `(p.published_at >= make_timestamptz(${year}::int, 1, 1, 0, 0, 0, 'Europe/London') AND p.published_at < make_timestamptz(${year}::int + 1, 1, 1, 0, 0, 0, 'Europe/London'))`;
  });
  return ranges.length === 1 ? (ranges[0] ?? "") : `(${ranges.join(" OR ")})`;
}

/**
 * The conditions for published posts matching the search, leaving out one filter when asked.
 * Within a filter any of its values matches (= ANY); the filters together must all match.
 */
function conditions(search: StorySearch, params: Params, without?: FilterField, match: WordMatch = ALL_WORDS): string {
  const clauses = ["p.status = 'published'"];
  if (search.q) clauses.push(`p.search_vector @@ ${tsquery(search, match, params)}`);
  const use = (field: FilterField) => field !== without && search[field].length > 0;
  if (use("kind")) clauses.push(`p.kind = ANY(${params.add(search.kind)}::post_kind[])`);
  if (use("tag")) {
    clauses.push(
      `p.id IN (SELECT pt.post_id FROM post_tag pt JOIN tag t ON t.id = pt.tag_id WHERE t.slug = ANY(${params.add(search.tag)}::text[]))`,
    );
  }
  // A post whose author chose a region-only or nation-only byline is never found by its council (or
  // region), and a named post never by its author's perspective: filters must not reveal what
  // the byline hides (docs/anonymity-in-posting.md).
  if (use("council"))
    clauses.push(`p.area_code = ANY(${params.add(search.council)}::text[]) AND p.byline_scope = 'council'`);
  if (use("region")) {
    clauses.push(
      `p.area_code IN (SELECT a.code FROM area a WHERE a.region_code = ANY(${params.add(search.region)}::text[])) AND p.byline_scope <> 'nation'`,
    );
  }
  if (use("perspective"))
    clauses.push(
      `p.author_perspective = ANY(${params.add(search.perspective)}::perspective[]) AND p.display_mode = 'anonymous'`,
    );
  if (use("arrangement")) {
    clauses.push(
      `p.id IN (SELECT s.post_id FROM ${storyArrangements(params)} s WHERE s.arrangement = ANY(${params.add(search.arrangement)}::text[]))`,
    );
  }
  if (use("year")) clauses.push(yearsClause(search.year, params));
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

/**
 * Where best-match order stops: the oldest of the matches ranked (month and id, in newest-first
 * order), fixed by the first page so the next pages rank the same stories; and whether older
 * matches were left out (more than the bound matched).
 */
interface RankEdge {
  month: string;
  id: number;
  truncated: boolean;
}

type Position = (
  { sort: "newest"; month: string; id: number } | { sort: "relevance"; rank: string; id: number; edge?: RankEdge }
) & {
  /** Whether the list was of stories with any of the words (a fallback) or all of them. */
  mode: WordMatch["mode"];
};

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

const keys = appCursorKeys;

async function encodePosition(search: StorySearch, position: Position): Promise<string> {
  const key = position.sort === "newest" ? position.month : position.rank;
  return sealCursor(await keys(), {
    l: listFingerprint(search),
    s: position.sort,
    k: key,
    i: position.id,
    ...(position.mode === "any" ? { m: "any" } : {}),
    ...(position.sort === "relevance" && position.edge
      ? { e: [position.edge.month, position.edge.id, position.edge.truncated ? 1 : 0] }
      : {}),
  });
}

/** The position a cursor names, or InvalidCursor when it is damaged, forged or for another list. */
export async function decodePosition(cursor: string, search: StorySearch): Promise<Position> {
  const opened = openCursor(await keys(), cursor) as {
    l?: unknown;
    s?: unknown;
    k?: unknown;
    i?: unknown;
    m?: unknown;
    e?: unknown;
  } | null;
  if (!opened || typeof opened !== "object" || opened.l !== listFingerprint(search) || opened.s !== search.sort)
    throw new InvalidCursor();
  const { k: key, i: id } = opened;
  if (typeof key !== "string" || typeof id !== "number" || !Number.isInteger(id) || id < 1 || id > 2_147_483_647)
    throw new InvalidCursor();
  if (opened.m !== undefined && (opened.m !== "any" || !search.q)) throw new InvalidCursor();
  // A list keeps the mode its first page had, even if stories published since would change it.
  const mode = opened.m === "any" ? "any" : "all";
  if (search.sort === "newest" && MONTH.test(key)) return { sort: "newest", month: key, id, mode };
  if (search.sort === "relevance" && RANK.test(key) && Number(key) <= MAX_REAL) {
    if (opened.e === undefined) return { sort: "relevance", rank: key, id, mode };
    return { sort: "relevance", rank: key, id, mode, edge: openEdge(opened.e) };
  }
  throw new InvalidCursor();
}

function openEdge(edge: unknown): RankEdge {
  if (!Array.isArray(edge) || edge.length !== 3) throw new InvalidCursor();
  const [month, id, truncated] = edge as unknown[];
  if (typeof month !== "string" || !MONTH.test(month)) throw new InvalidCursor();
  if (typeof id !== "number" || !Number.isInteger(id) || id < 1 || id > 2_147_483_647) throw new InvalidCursor();
  if (truncated !== 0 && truncated !== 1) throw new InvalidCursor();
  return { month, id, truncated: truncated === 1 };
}

// ts_headline's own options: two passages of about 15-35 words around the search words.
const HEADLINE_OPTIONS = `StartSel=${SNIPPET_START}, StopSel=${SNIPPET_STOP}, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;

/** One page of a list or search. */
export interface StoryPage {
  stories: StoryHit[];
  /** Matching stories on every page together: exact up to the count bound, "more than" it beyond. */
  total: BoundedCount;
  next: string | null;
  match: MatchReport;
  /** Best-match order ranked only the newest this many matches (more matched); null when every match was ranked. */
  rankedAmongNewest: number | null;
  /** For a signed-in reader: which stories on the page have replies they have not seen (following.server.ts). */
  newRepliesFor: number[];
}

/**
 * One page of published stories matching a search, best match (ts_rank_cd) or newest first, with
 * a cursor for the next page. Snippets are built only for the page shown. When all the words find
 * too few stories, any of them (matchFor), and the answer says so. The total is counted up to
 * bounds.count, and best-match order ranks at most the newest bounds.rank matches
 * (app/domain/posts/bounded-counts.ts), so a page counts and ranks a bounded number of stories
 * however many match.
 */
export async function searchStories(
  search: StorySearch,
  page: { cursor?: string | null; perPage: number; reader?: number | null },
  bounds: StoryBounds = configuredBounds(),
): Promise<StoryPage> {
  const position = page.cursor ? await decodePosition(page.cursor, search) : null;
  const key = `search ${storySearchParams(search).toString()} sort=${search.sort} cursor=${page.cursor ?? ""} per=${page.perPage} ${boundsKey(bounds)}`;
  // The kept answer holds which stories, in what order, and their snippets; what each story shows
  // (reply counts above all) is read for every page, so a reply that changes no list leaves the
  // kept answer in use (the comment triggers note "posts" only for a first or last reply). The
  // request that works the answer out reads the summaries with the page, in the same round trip;
  // they are handed to it alone and never kept.
  const worked: { summaries?: Map<number, PostSummary>; unread?: number[] } = {};
  const { ids, snippets, ...found } = await unlessChanged(key, async () => {
    const match = await matchFor(search);
    const { summaries, unread, ...answer } = await findStories(
      search,
      position,
      page.perPage,
      position ? { ...match, mode: position.mode } : match,
      bounds,
      page.reader ?? null,
    );
    Object.assign(worked, { summaries, unread });
    return answer;
  });
  const fresh = worked.summaries;
  // A member's "new replies" marks are read with the page when this request worked it out, else
  // beside the stories, not after them: one wait fewer.
  const [summaries, newRepliesFor] = await Promise.all([
    fresh ? ids.flatMap((id) => fresh.get(id) ?? []) : listPublishedSummaries(ids),
    worked.unread ?? (page.reader ? unreadThreads(page.reader, ids) : []),
  ]);
  return {
    ...found,
    stories: summaries.map((summary) => ({ ...summary, snippetHtml: snippets.get(summary.id) ?? null })),
    newRepliesFor,
  };
}

/** How well a post matches: ts_rank_cd for all the words; for any of them, those with all first. */
function rankSql(search: StorySearch, match: WordMatch, params: Params): string {
  if (match.mode === "any") {
    return `(ts_rank(p.search_vector, ${tsquery(search, match, params)}, 32) + CASE WHEN p.search_vector @@ ${tsquery(search, ALL_WORDS, params)} THEN 1::real ELSE 0::real END)`;
  }
  return `ts_rank_cd(p.search_vector, ${tsquery(search, match, params)})`;
}

type PageRow = { id: number; key: string; edge_month?: string; edge_id?: number; truncated?: boolean };

/**
 * The queries behind one page: the page itself, the bounded total and (for the any-word fallback)
 * the bounded count of stories with all the words. Exported for the tests, which EXPLAIN them.
 */
export function storyPageQueries(
  search: StorySearch,
  position: Position | null,
  perPage: number,
  match: WordMatch,
  bounds: StoryBounds,
): { page: StoryQuery & { order: string }; total: StoryQuery; allWords: StoryQuery | null } {
  const params = new Params();
  const where = conditions(search, params, undefined, match);
  const total = boundedCountQuery(where, params.values.slice(), bounds.count);
  let pageSql: string;
  if (search.sort === "relevance" && search.q) {
    // Best match first ranks the newest bounds.rank matches (read newest first, by
    // post_published_newest_idx where the planner likes it), not every match. The first page fixes
    // the oldest one ranked (the edge); the next pages rank everything from the edge on, so they
    // rank the same stories (and any published since, up to as many again) and never skip or
    // repeat one.
    const edge = position?.sort === "relevance" ? position.edge : undefined;
    const from = edge
      ? ` AND (${MONTH_OF}, p.id) >= (to_date(${params.add(edge.month)}, 'YYYY-MM')::timestamp, ${params.add(edge.id)})`
      : "";
    const fetched = params.add(edge ? 2 * bounds.rank : bounds.rank + 1);
    const ranked = params.add(edge ? 2 * bounds.rank : bounds.rank);
    const rankOf = rankSql(search, match, params);
    let after = "";
    if (position?.sort === "relevance") {
      const rank = params.add(position.rank);
      after = `WHERE m.rank < ${rank}::real OR (m.rank = ${rank}::real AND m.id < ${params.add(position.id)})`;
    }
    pageSql = `WITH newest AS MATERIALIZED (
        SELECT p.id, ${MONTH_OF} AS month, p.search_vector FROM post p WHERE ${where}${from}
        ORDER BY ${NEWEST_FIRST} LIMIT ${fetched}
      ), numbered AS (
        SELECT n.id, n.month, n.search_vector, row_number() OVER (ORDER BY n.month DESC, n.id DESC) AS rn,
          count(*) OVER () AS size
        FROM newest n
      ), edge AS (
        SELECT to_char(e.month, 'YYYY-MM') AS month, e.id, e.size > ${ranked} AS truncated
        FROM numbered e WHERE e.rn <= ${ranked} ORDER BY e.rn DESC LIMIT 1
      )
      SELECT m.id, m.rank::text AS key, edge.month AS edge_month, edge.id AS edge_id, edge.truncated
      FROM (SELECT p.id, ${rankOf}::real AS rank FROM numbered p WHERE p.rn <= ${ranked}) m CROSS JOIN edge
      ${after} ORDER BY m.rank DESC, m.id DESC LIMIT ${params.add(perPage + 1)}`;
  } else {
    let after = "";
    if (position?.sort === "newest") {
      after = ` AND (${MONTH_OF}, p.id) < (to_date(${params.add(position.month)}, 'YYYY-MM')::timestamp, ${params.add(position.id)})`;
    }
    pageSql = `SELECT p.id, to_char(${MONTH_OF}, 'YYYY-MM') AS key
      FROM post p WHERE ${where}${after}
      ORDER BY ${NEWEST_FIRST} LIMIT ${params.add(perPage + 1)}`;
  }
  let allWords: StoryQuery | null = null;
  if (match.mode === "any") {
    const allParams = new Params();
    allWords = boundedCountQuery(conditions(search, allParams), allParams.values, bounds.count);
  }
  // The page's own order, over its rows' columns (a rank is a real, carried as its exact text).
  const order = search.sort === "relevance" && search.q ? "key::real DESC, id DESC" : "key DESC, id DESC";
  return { page: { sql: pageSql, values: params.values, order }, total, allWords };
}

async function findStories(
  search: StorySearch,
  position: Position | null,
  perPage: number,
  match: WordMatch,
  bounds: StoryBounds,
  reader: number | null,
) {
  const queries = storyPageQueries(search, position, perPage, match, bounds);
  const words = search.q ? (match.mode === "any" ? match.words.join(" or ") : search.q) : null;
  const [picked, total, allWords] = await Promise.all([
    pickedWithSummaries<PageRow, { headline: string | null; unread: boolean }>(
      queries.page,
      shownColumns(words, reader, queries.page.values.length),
    ),
    runBoundedCount(queries.total, bounds.count),
    queries.allWords ? runBoundedCount(queries.allWords, bounds.count) : null,
  ]);
  const rows = picked.map((row) => row.picked);
  const shown = rows.slice(0, perPage);
  const last = shown.at(-1);
  const relevance = search.sort === "relevance" && search.q;
  // The edge the first page fixed travels in the cursor; a first page's comes from its query.
  const first = rows[0];
  const edge: RankEdge | undefined =
    position?.sort === "relevance" && position.edge
      ? position.edge
      : relevance && first?.edge_month && first.edge_id
        ? { month: first.edge_month, id: first.edge_id, truncated: first.truncated === true }
        : undefined;
  const next =
    rows.length > perPage && last
      ? await encodePosition(
          search,
          relevance
            ? { sort: "relevance", rank: last.key, id: last.id, mode: match.mode, ...(edge ? { edge } : {}) }
            : { sort: "newest", month: last.key, id: last.id, mode: match.mode },
        )
      : null;
  const onPage = picked.slice(0, perPage);
  const snippets = new Map<number, string>();
  for (const { picked: row, extra } of onPage)
    if (extra.headline !== null) snippets.set(row.id, snippetHtml(extra.headline));
  return {
    ids: shown.map((row) => row.id),
    snippets,
    summaries: new Map(onPage.map(({ picked: row, summary }) => [row.id, summary])),
    // For the reader who asked, never kept: which stories on the page have replies new to them.
    unread: reader === null ? undefined : onPage.filter(({ extra }) => extra.unread).map(({ picked: row }) => row.id),
    total,
    next,
    rankedAmongNewest: relevance && edge?.truncated ? bounds.rank : null,
    match: {
      ...match,
      allWords: allWords ? allWords.count : null,
      ...(allWords?.moreThan ? { allWordsMoreThan: true } : {}),
    },
  };
}

/**
 * What is read with each story on a page besides its summary: a search's snippet (none without
 * search words), and for a signed-in reader whether it has replies new to them.
 */
function shownColumns(
  words: string | null,
  reader: number | null,
  before: number,
): { columns: string; values: unknown[] } {
  const values: unknown[] = [];
  const add = (value: unknown) => `$${before + values.push(value)}`;
  const headline =
    words === null
      ? "NULL::text"
      : `ts_headline('english', translate(p.body_text, ${add(`${SNIPPET_START}${SNIPPET_STOP}`)}, ''), websearch_to_tsquery('english', ${add(words)}), ${add(HEADLINE_OPTIONS)})`;
  const unread = reader === null ? "false" : unreadCondition(`${add(reader)}::int`, "p.id");
  return { columns: `, ${headline} AS headline, ${unread} AS unread`, values };
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
  // A download holds what the page shows, the any-word fallback included.
  const match = await matchFor(search);
  const params = new Params();
  const where = conditions(search, params, undefined, match);
  const order =
    search.sort === "relevance" && search.q ? `${rankSql(search, match, params)} DESC, p.id DESC` : NEWEST_FIRST;
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

/**
 * What is made from a list of choices (listFilterChoices), made once from each reading of it: a
 * write that retires the list retires what was made from it too.
 */
function fromEachReading<T>(make: (choices: FilterChoice[]) => T): (choices: FilterChoice[]) => T {
  const made = new WeakMap<FilterChoice[], T>();
  return (choices) => {
    let found = made.get(choices);
    if (found === undefined) {
      found = make(choices);
      made.set(choices, found);
    }
    return found;
  };
}

/** A list of choices by slug or code. */
const byValue = fromEachReading((choices) => new Map(choices.map((choice) => [choice.value, choice.label])));

/**
 * The names of the tags, councils and regions a search refers to, by slug or code (none for those
 * that do not exist). Looked up in every name there is, read once and kept (listFilterChoices), so
 * naming a search's filters costs no query of its own and a filtered list or API call does not
 * wait for one more answer before it can start its search.
 */
export async function nameFilters(search: StorySearch): Promise<FilterNames> {
  const named = async (field: keyof FilterNames): Promise<Record<string, string>> => {
    const all = byValue(await listFilterChoices(field));
    return Object.fromEntries(
      search[field].flatMap((value) => {
        const name = all.get(value);
        return name === undefined ? [] : [[value, name]];
      }),
    );
  };
  const [tag, council, region] = await Promise.all([named("tag"), named("council"), named("region")]);
  return { tag, council, region };
}

/** Which filter value names something that does not exist (a 404), if any: the first one. */
export async function findUnknownFilter(
  search: StorySearch,
): Promise<{ field: "tag" | "council" | "region"; message: string } | null> {
  const names = await nameFilters(search);
  // Own entries only: "?tag=constructor" names no tag, whatever a plain object inherits.
  const tag = search.tag.find((slug) => !Object.hasOwn(names.tag, slug));
  if (tag !== undefined) return { field: "tag", message: `There is no tag called “${tag}”.` };
  const council = search.council.find((code) => !Object.hasOwn(names.council, code));
  if (council !== undefined) return { field: "council", message: `There is no council with the code ${council}.` };
  const region = search.region.find((code) => !Object.hasOwn(names.region, code));
  if (region !== undefined) return { field: "region", message: `There is no region with the code ${region}.` };
  return null;
}

const CHOICES_SQL = {
  tag: `SELECT slug AS value, label FROM tag ORDER BY "group", sort_order, label`,
  council: `SELECT code AS value, name AS label FROM area ORDER BY name`,
  region: `SELECT DISTINCT region_code AS value, region_name AS label FROM area ORDER BY region_name`,
};

/**
 * Every tag, council or region there is, in the order a page lists them (a few hundred rows), kept
 * while nothing is written: for a page that has to say "try one of these", for naming filters and
 * for reading a name typed in place of a code.
 */
export function listFilterChoices(field: keyof typeof CHOICES_SQL): Promise<FilterChoice[]> {
  return unlessChanged(`choices ${field}`, () => query<FilterChoice>(CHOICES_SQL[field]));
}

const FIXED_LABELS: Partial<Record<FilterField, Record<string, string>>> = {
  kind: KIND_LABELS,
  unanswered: { "1": UNANSWERED_LABEL },
  perspective: Object.fromEntries(Object.entries(PERSPECTIVES).map(([key, perspective]) => [key, perspective.label])),
  arrangement: Object.fromEntries(
    Object.entries(SUPPORT_ARRANGEMENTS).map(([key, arrangement]) => [key, arrangement.label]),
  ),
};

type FacetRow = { facet: FilterField | typeof MATCHED; value: string | null; label: string | null; count: number };

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

/**
 * One facet statement, kept like the answers it is part of, by its SQL and parameters: many lists
 * ask the same one (every council's list counts councils over the whole site, every tag's list
 * counts tags), so it is worked out once for all of them (decision 044).
 */
function keptFacetStatement(statement: StoryQuery): Promise<FacetRow[]> {
  return unlessChanged(`facet statement ${queryKey(statement)}`, () =>
    query<FacetRow>(statement.sql, statement.values),
  );
}

function queryKey({ sql, values }: StoryQuery): string {
  return createHash("sha256")
    .update(JSON.stringify([sql, values]))
    .digest("base64url");
}

// The row of a facet statement that says how many stories matched, up to one more than the bound.
const MATCHED = "matched";

/**
 * One statement for the facets that share their conditions: the matching stories are read once,
 * newest first and at most one more than `bound` of them (m), and every facet counts the newest
 * `bound` of those (p); a row of its own says how many m held, so the page knows whether the numbers
 * count only the newest (decision 052). Each facet is one branch of a UNION ALL over p: the post's
 * own columns in one pass (GROUPING SETS), tags, the stories still waiting for a reply, and support
 * arrangements (a story can have several: it counts once under each).
 */
function facetStatement(
  search: StorySearch,
  without: FilterField | undefined,
  fields: FilterField[],
  match: WordMatch,
  bound: number,
): StoryQuery {
  const params = new Params();
  const where = conditions(search, params, without, match);
  const fetched = params.add(bound + 1);
  const counted = params.add(bound);
  const branches: string[] = [];
  const columns = fields.flatMap((field) => {
    const column = POST_COLUMNS[field];
    return column ? [{ field, ...column }] : [];
  });
  if (columns.length > 0) {
    const facet = `CASE ${columns.map((c) => `WHEN GROUPING(${c.value}) = 0 THEN '${c.field}'`).join(" ")} END`;
    const pick = (part: "value" | "label") =>
      `COALESCE(${columns.map((c) => `CASE WHEN GROUPING(${c.value}) = 0 THEN ${c[part]} END`).join(", ")})`;
    branches.push(`SELECT ${facet} AS facet, ${pick("value")} AS value, ${pick("label")} AS label, count(*)::int AS count
       FROM p LEFT JOIN area a ON a.code = p.area_code
       GROUP BY GROUPING SETS (${columns.map((c) => `(${c.value}, ${c.label})`).join(", ")})`);
  }
  if (fields.includes("tag")) {
    branches.push(`SELECT 'tag' AS facet, t.slug AS value, t.label, count(*)::int AS count
       FROM p JOIN post_tag pt ON pt.post_id = p.id JOIN tag t ON t.id = pt.tag_id AND t."group" <> 'support_arrangement'
       GROUP BY t.slug, t.label`);
  }
  // One value: the posts still waiting for a reply (none shown when every post has one).
  if (fields.includes("unanswered")) {
    branches.push(
      `SELECT 'unanswered' AS facet, '1' AS value, '1' AS label, count(*)::int AS count FROM p WHERE ${UNANSWERED} HAVING count(*) > 0`,
    );
  }
  if (fields.includes("arrangement")) {
    branches.push(`SELECT 'arrangement' AS facet, s.arrangement AS value, s.arrangement AS label, count(DISTINCT p.id)::int AS count
       FROM p JOIN ${storyArrangements(params)} s ON s.post_id = p.id
       GROUP BY s.arrangement`);
  }
  branches.push(`SELECT '${MATCHED}' AS facet, NULL AS value, NULL AS label, count(*)::int AS count FROM m`);
  return {
    sql: `WITH m AS MATERIALIZED (
        SELECT p.id, p.kind, p.display_mode, p.author_perspective, p.byline_scope, p.area_code, p.published_at,
          ${MONTH_OF} AS month
        FROM post p WHERE ${where} ORDER BY ${NEWEST_FIRST} LIMIT ${fetched}
      ), p AS MATERIALIZED (SELECT * FROM m ORDER BY m.month DESC, m.id DESC LIMIT ${counted})
      ${branches.join("\n      UNION ALL ")}`,
    values: params.values,
  };
}

/**
 * The facet statements a search runs: one for the facets of the filters not chosen, and one for
 * each chosen filter (its own facet ignores its own choices). The "still waiting for a reply"
 * facet counts among stories with all the words, so when any word matched it has its own.
 */
function facetStatements(search: StorySearch, match: WordMatch, bound: number): StoryQuery[] {
  return facetGroups(search).flatMap(([without, fields]) => {
    if (match.mode === "all" || !fields.includes("unanswered"))
      return [facetStatement(search, without, fields, match, bound)];
    const others = fields.filter((field) => field !== "unanswered");
    return [
      ...(others.length > 0 ? [facetStatement(search, without, others, match, bound)] : []),
      facetStatement(search, without, ["unanswered"], ALL_WORDS, bound),
    ];
  });
}

/** The numbers beside the filters, and whether any of them counted only the newest matches. */
export interface CountedFacets {
  facets: StoryFacets;
  /** Some numbers count only the newest this many of more matching stories; null when every number is exact. */
  countedAmongNewest: number | null;
}

/**
 * How many published stories have each filter value and match everything else chosen. Each facet
 * ignores its own choices (with tag=respite chosen, the tag facet still counts every other tag),
 * so with one value chosen per facet the count beside another value is what choosing it alone
 * would show, and ticking it adds at most that many stories (any of a facet's values matches).
 * Facets that share the same conditions are counted together: the post's own columns in one scan
 * (GROUPING SETS), tags and attached reports in one join each. Each counts among the newest
 * bounds.facets matching stories at most (app/domain/posts/bounded-counts.ts): exact below that,
 * and `countedAmongNewest` says when it was not.
 */
export async function countFacets(search: StorySearch, bounds: StoryBounds = configuredBounds()): Promise<StoryFacets> {
  return (await countFacetsBounded(search, bounds)).facets;
}

export function countFacetsBounded(
  search: StorySearch,
  bounds: StoryBounds = configuredBounds(),
): Promise<CountedFacets> {
  return unlessChanged(
    `facets ${storySearchParams({ ...search, sort: defaultSort(search.q) }).toString()} ${boundsKey(bounds)}`,
    () => workOutFacets(search, bounds),
  );
}

/** Every facet statement a search runs: for the tests, which EXPLAIN them. */
export async function facetQueriesFor(search: StorySearch, bounds: StoryBounds): Promise<StoryQuery[]> {
  return facetStatements(search, await matchFor(search), bounds.facets);
}

function facetGroups(search: StorySearch): [FilterField | undefined, FilterField[]][] {
  const groups = new Map<FilterField | "none", FilterField[]>();
  for (const field of FILTER_FIELDS) {
    const key = search[field].length === 0 ? "none" : field;
    groups.set(key, [...(groups.get(key) ?? []), field]);
  }
  return [...groups].map(([without, fields]) => [without === "none" ? undefined : without, fields]);
}

async function workOutFacets(search: StorySearch, bounds: StoryBounds): Promise<CountedFacets> {
  const statements = facetStatements(search, await matchFor(search), bounds.facets);
  const results = await Promise.all(statements.map(keptFacetStatement));
  const facets = Object.fromEntries(FILTER_FIELDS.map((field) => [field, [] as FacetValue[]])) as StoryFacets;
  let countedAmongNewest: number | null = null;
  for (const { facet, value, label, count } of results.flat()) {
    if (facet === MATCHED) {
      if (boundedCount(count, bounds.facets).moreThan) countedAmongNewest = bounds.facets;
      continue;
    }
    // Stories without a council have no council or region to count under.
    if (value === null) continue;
    facets[facet].push({ value, label: FIXED_LABELS[facet]?.[value] ?? label ?? value, count });
  }
  for (const field of FILTER_FIELDS) {
    facets[field].sort((a, b) =>
      field === "year" ? Number(b.value) - Number(a.value) : b.count - a.count || compareNames(a.label, b.label),
    );
  }
  return { facets, countedAmongNewest };
}

// ---- Names in filters, and tags and councils suggested by the search words ----

type NamedField = "council" | "tag";

// A close match is accepted alone only at or above this trigram similarity ("Haverng" is 0.55
// from "Havering"); below it, down to SUGGEST_FROM, names are only offered as suggestions.
const ACCEPT_FROM = 0.5;
const SUGGEST_FROM = 0.3;
// A search word suggests a tag or council whose name holds a word this close to it (strict_word_similarity).
const SUGGEST_FOR_WORD_FROM = 0.75;
const SHORTEST_SUGGESTING_WORD = 4;

const withKeys = (field: NamedField) =>
  fromEachReading((choices) => choices.map((choice) => ({ ...choice, key: nameKey(choice.label, field) })));
const keyedChoices = { council: withKeys("council"), tag: withKeys("tag") };

/** Every council or tag with the key its name is matched by (nameKey), made once from each reading of the list. */
async function namedChoices(field: NamedField): Promise<(FilterChoice & { key: string })[]> {
  return keyedChoices[field](await listFilterChoices(field));
}

/**
 * The councils or tags whose names are like what was typed, best first, by pg_trgm: the
 * greater of similarity and word_similarity, so "Haverng" finds Havering and "respite" finds
 * "Respite and short breaks".
 */
async function likeNames(field: NamedField, typed: string): Promise<(FilterChoice & { score: number })[]> {
  const choices = await namedChoices(field);
  const key = nameKey(typed, field);
  const rows = await query<{ n: number; score: number }>(
    `SELECT c.n::int AS n, greatest(similarity($1, c.key), word_similarity($1, c.key)) AS score
     FROM unnest($2::text[]) WITH ORDINALITY AS c(key, n)
     WHERE greatest(similarity($1, c.key), word_similarity($1, c.key)) >= $3
     ORDER BY score DESC, c.n LIMIT 6`,
    [key, choices.map((choice) => choice.key), SUGGEST_FROM],
  );
  return rows.flatMap((row) => {
    const choice = choices[row.n - 1];
    return choice ? [{ value: choice.value, label: choice.label, score: row.score }] : [];
  });
}

export type NameLookup = { found: FilterChoice; close: boolean } | { found: null; suggestions: FilterChoice[] };

/**
 * The council or tag a name stands for: its code or slug, its name in any case, with or without
 * "London Borough of" or "Council", or a small misspelling of it (one clear best match).
 * Otherwise the closest names, as suggestions.
 */
export async function lookUpName(field: NamedField, typed: string): Promise<NameLookup> {
  const choices = await namedChoices(field);
  const lower = typed.toLowerCase();
  const key = nameKey(typed, field);
  const exact = choices.filter((choice) => choice.value.toLowerCase() === lower || choice.key === key);
  if (exact.length === 1 && exact[0]) return { found: { value: exact[0].value, label: exact[0].label }, close: false };
  const like = await likeNames(field, typed);
  const [best, second] = like;
  if (exact.length === 0 && best && best.score >= ACCEPT_FROM && (!second || second.score < best.score))
    return { found: { value: best.value, label: best.label }, close: true };
  const suggestions = exact.length > 1 ? exact : like;
  return { found: null, suggestions: suggestions.map(({ value, label }) => ({ value, label })) };
}

/** A council or tag name that was turned into its code or slug. */
export interface ResolvedName {
  field: NamedField;
  typed: string;
  value: string;
  label: string;
  /** True when the name was a near miss rather than the name itself. */
  close: boolean;
}

export type FilterResolution =
  | {
      ok: true;
      search: StorySearch;
      resolved: ResolvedName[];
      /** True when a support arrangement's tag was given as a tag (?tag=dp-employer) and moved to `arrangement`. */
      moved: boolean;
    }
  | { ok: false; field: NamedField; typed: string; message: string; suggestions: FilterChoice[] };

/**
 * Turns council and tag names in a search into codes and slugs, value by value. A code or slug is
 * left as it is (findUnknownFilter answers one that does not exist), and so is a slug-shaped word
 * that is like no tag; a name like nothing, or like several things equally, is refused with the
 * closest names. Support arrangements' tags then move to the arrangement filter.
 */
export async function resolveFilterNames(search: StorySearch): Promise<FilterResolution> {
  const resolved: ResolvedName[] = [];
  const values: Record<NamedField, string[]> = { tag: [], council: [] };
  for (const field of ["tag", "council"] as const) {
    for (const typed of search[field]) {
      const value = await resolveName(field, typed);
      if (value.ok === false) return value;
      if (value.resolved) resolved.push(value.resolved);
      values[field].push(value.resolved?.value ?? typed);
    }
  }
  const { search: moved, moved: wasMoved } = arrangementTagsMoved(canonicalSearch({ ...search, ...values }));
  return { ok: true, search: moved, resolved, moved: wasMoved };
}

async function resolveName(
  field: NamedField,
  typed: string,
): Promise<Extract<FilterResolution, { ok: false }> | { ok: true; resolved: ResolvedName | null }> {
  if (field === "council" && isAreaCode(typed)) return { ok: true, resolved: null };
  if (field === "tag" && isTagSlug(typed) && (await namedChoices("tag")).some((tag) => tag.value === typed))
    return { ok: true, resolved: null };
  const lookup = await lookUpName(field, typed);
  if (lookup.found) return { ok: true, resolved: { field, typed, ...lookup.found, close: lookup.close } };
  if (field === "tag" && isTagSlug(typed) && lookup.suggestions.length === 0) return { ok: true, resolved: null };
  const what = field === "council" ? "council" : "tag";
  const message =
    lookup.suggestions.length > 0
      ? `No ${what} is called “${typed}”. Choose one of the names below, or check the spelling.`
      : `No ${what} is called “${typed}”, or anything close to it. Check the spelling, or choose from the list.`;
  return { ok: false, field, typed, message, suggestions: lookup.suggestions };
}

/**
 * Where a page, feed or download whose address is not the search's own should go instead: names
 * turned into codes and slugs (302: names and spellings are not permanent addresses), or a
 * support arrangement's tag moved to `arrangement=` and the values put in their one order (308:
 * permanent). Null when the address is already the search's own.
 */
export function betterAddress(url: URL, resolution: Extract<FilterResolution, { ok: true }>): Response | null {
  if (resolution.resolved.length > 0) return redirectTo(url, resolution.search, 302);
  if (resolution.moved || !inCanonicalOrder(url.searchParams, resolution.search))
    return redirectTo(url, resolution.search, 308);
  return null;
}

/** Tags and councils whose names hold one of the search words (or a near miss of one), not already chosen. */
export async function suggestFilters(search: StorySearch): Promise<FilterSuggestions> {
  const words = (await meaningfulWords(search.q)).filter((word) => word.length >= SHORTEST_SUGGESTING_WORD);
  if (words.length === 0) return { tags: [], councils: [] };
  return unlessChanged(
    `suggest ${JSON.stringify(words)} tag=${search.tag.join(",")} council=${search.council.join(",")}`,
    async () => {
      const pick = async (field: NamedField) => {
        const choices = await namedChoices(field);
        const rows = await query<{ n: number }>(
          `SELECT c.n::int AS n FROM unnest($2::text[]) WITH ORDINALITY AS c(key, n)
         CROSS JOIN unnest($1::text[]) AS w(word)
         GROUP BY c.n HAVING max(strict_word_similarity(lower(w.word), c.key)) >= $3
         ORDER BY max(strict_word_similarity(lower(w.word), c.key)) DESC, c.n LIMIT 3`,
          [words, choices.map((choice) => choice.key), SUGGEST_FOR_WORD_FROM],
        );
        return rows.flatMap((row) => {
          const choice = choices[row.n - 1];
          return choice && !search[field].includes(choice.value) ? [{ value: choice.value, label: choice.label }] : [];
        });
      };
      const [tags, councils] = await Promise.all([pick("tag"), pick("council")]);
      return { tags, councils };
    },
  );
}

/** A refused name in words, with the closest names and their codes: for plain-text answers and the API. */
export function nameRefusal(refusal: Extract<FilterResolution, { ok: false }>): string {
  const close = refusal.suggestions.map((choice) => `${choice.label} (${choice.value})`).join(", ");
  return close ? `${refusal.message} Closest: ${close}.` : refusal.message;
}

/** A redirect to the same path with the search's canonical query (names turned into codes and slugs); the cursor is kept. */
export function redirectTo(url: URL, search: StorySearch, status = 302): Response {
  const params = storySearchParams(search);
  const cursor = url.searchParams.get("cursor");
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return new Response(null, { status, headers: { Location: `${url.pathname}${query ? `?${query}` : ""}` } });
}
