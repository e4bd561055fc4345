// What a search of published stories may ask for: the rules the /stories page, its downloads,
// its feeds and the public API share. Every view of a search has one canonical URL.
import { z } from "zod";

import { POST_KINDS, type PostKind } from "./post-input";
import { PERSPECTIVES, type Perspective, SUPPORT_ARRANGEMENTS, type SupportArrangement } from "../taxonomy";

export const QUERY_MAX = 200;

/** What each kind of post is called in lists, facets and downloads. */
export const KIND_LABELS: Record<PostKind, string> = {
  story: "Story",
  practice_note: "Practice note",
  question: "Question",
};
/** What the unanswered filter is called in facets and the filters in use. */
export const UNANSWERED_LABEL = "No reply yet";
/** Nothing was published before the site existed; a wider range only invites typos. */
export const FIRST_YEAR = 2000;

export type StorySort = "relevance" | "newest";

export interface StorySearch {
  /** Search words in websearch syntax ("direct payment" -agency or respite). */
  q: string | null;
  /** Every filter is a list, sorted and without repeats (canonicalSearch): any of its values, all filters together. */
  kind: PostKind[];
  /** Tag slugs (never a support arrangement's tag: see `arrangement`); as typed, a tag's label (or a near miss) until resolveFilterNames turns it into the slug. */
  tag: string[];
  /** ONS GSS codes of councils, e.g. E06000001; as typed, a council's name until resolveFilterNames turns it into the code. */
  council: string[];
  /** GSS codes of English regions or of Scotland (S92000003) or Wales (W92000004). */
  region: string[];
  /** The author's perspective when they posted. */
  perspective: Perspective[];
  /** Support arrangements: a story's arrangement tags and those of experience reports attached to it. */
  arrangement: SupportArrangement[];
  /** Years published. */
  year: number[];
  /** ["1"]: only posts with no published reply yet (with kind=question, the unanswered questions). */
  unanswered: "1"[];
  sort: StorySort;
}

export type StorySearchField = keyof StorySearch;
export type StorySearchErrors = Partial<Record<StorySearchField | "cursor", string>>;

/** The filters a facet can set, in the order they are shown and written into URLs. */
export const FILTER_FIELDS = [
  "kind",
  "tag",
  "council",
  "region",
  "perspective",
  "arrangement",
  "year",
  "unanswered",
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export const NO_SEARCH: StorySearch = {
  q: null,
  kind: [],
  tag: [],
  council: [],
  region: [],
  perspective: [],
  arrangement: [],
  year: [],
  unanswered: [],
  sort: "newest",
};

/** The most values one filter may take (?tag=a&tag=b…): more is a 400, not a slow query. */
export const MOST_VALUES_PER_FILTER = 20;

const GSS_CODE = /^[ENSW]\d{8}$/;
const TAG_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Cursors are our own base64url tokens; anything else is a damaged link.
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;
// NUL cannot be stored or searched in PostgreSQL text, and no one types the others on purpose.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The longest council or tag name accepted in a filter: the longest real one is under 60 characters. */
export const FILTER_NAME_MAX = 100;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True for a council's or region's code (E06000001), false for a name typed instead. */
export function isAreaCode(value: string): boolean {
  return GSS_CODE.test(value);
}

/** True for text shaped like a tag's slug (respite); a label typed instead (Respite and short breaks) is not. */
export function isTagSlug(value: string): boolean {
  return TAG_SLUG.test(value);
}

// Words that many council names carry, or that people add to them, but that tell none apart:
// "London Borough of Havering", "Havering Council" and "havering" are one council.
const COUNCIL_WORDS =
  /\b(?:the|london|royal|metropolitan|borough|city|county|district|council|of|cyngor|comhairle|and)\b/g;

/**
 * A council's or tag's name reduced to what tells it apart, for matching what someone typed:
 * lower case, "&" as "and", punctuation as spaces, and words such as "London Borough of" or
 * "Council" left out (for councils). Never empty while the name has a letter or digit.
 */
export function nameKey(name: string, kind: "council" | "tag"): string {
  const plain = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (kind === "tag") return plain;
  const short = plain.replace(COUNCIL_WORDS, " ").replace(/\s+/g, " ").trim();
  return short || plain;
}

const listOf = (keys: readonly string[]) => `${keys.slice(0, -1).join(", ")} or ${keys.at(-1) ?? ""}`;

/** A council or tag: its code or slug, or a name to be looked up (app/server/posts/search.server.ts). */
function filterName(label: string, what: string) {
  return z
    .string()
    .transform((text) => text.trim().replace(/\s+/g, " "))
    .refine((text) => !CONTROL_CHARACTERS.test(text), `${label} cannot contain control characters.`)
    .refine((text) => text.length <= FILTER_NAME_MAX, `${label} must be ${FILTER_NAME_MAX} characters or fewer.`)
    .refine((text) => HAS_LETTER_OR_DIGIT.test(text), `${label} must be ${what}.`);
}

function schema(now: Date) {
  const lastYear = now.getUTCFullYear();
  const list = <T extends z.ZodTypeAny>(element: T) => z.array(element).optional();
  return z.object({
    q: z
      .string()
      .transform((text) => text.trim().replace(/\s+/g, " "))
      .refine((text) => !CONTROL_CHARACTERS.test(text), "Search words cannot contain control characters.")
      .refine(
        (text) => text.length <= QUERY_MAX,
        (text) => ({
          message: `Search words must be ${QUERY_MAX} characters or fewer (these are ${text.length}).`,
        }),
      )
      .optional(),
    kind: list(
      z.enum(Object.keys(POST_KINDS) as [PostKind, ...PostKind[]], {
        errorMap: () => ({ message: `Kind must be ${listOf(Object.keys(POST_KINDS))}.` }),
      }),
    ),
    tag: list(filterName("Tag", "a tag's name or short name, such as Dementia or respite")),
    council: list(
      filterName("Council", "a council's name, such as Havering, or its 9-character ONS code, such as E09000016"),
    ),
    region: list(
      z
        .string()
        .regex(
          GSS_CODE,
          "Region must be a 9-character ONS code such as E12000001 (Scotland is S92000003, Wales W92000004).",
        ),
    ),
    perspective: list(
      z.enum(Object.keys(PERSPECTIVES) as [Perspective, ...Perspective[]], {
        errorMap: () => ({ message: `Perspective must be ${listOf(Object.keys(PERSPECTIVES))}.` }),
      }),
    ),
    arrangement: list(
      z.enum(Object.keys(SUPPORT_ARRANGEMENTS) as [SupportArrangement, ...SupportArrangement[]], {
        errorMap: () => ({ message: `Arrangement must be ${listOf(Object.keys(SUPPORT_ARRANGEMENTS))}.` }),
      }),
    ),
    year: list(
      z
        .string()
        .regex(/^\d{4}$/, `Year must be a year written in four digits, between ${FIRST_YEAR} and ${lastYear}.`)
        .transform(Number)
        .refine(
          (year) => year >= FIRST_YEAR && year <= lastYear,
          `Year must be between ${FIRST_YEAR} and ${lastYear}.`,
        ),
    ),
    unanswered: list(
      z.enum(["1"], { errorMap: () => ({ message: "Unanswered must be 1 (only posts with no reply yet)." }) }),
    ),
    sort: z
      .enum(["relevance", "newest"], { errorMap: () => ({ message: "Sort must be relevance or newest." }) })
      .optional(),
    cursor: z.string().regex(CURSOR, "This page link is damaged: go back to the first page of results.").optional(),
  });
}

const SINGLE_FIELDS = ["q", "sort", "cursor"] as const;

/** What one value of a filter is called in messages: "Choose at most 20 tags". */
const PLURALS: Record<FilterField, string> = {
  kind: "kinds",
  tag: "tags",
  council: "councils",
  region: "regions",
  perspective: "perspectives",
  arrangement: "arrangements",
  year: "years",
  unanswered: "unanswered values",
};

/**
 * Reads a search from a query string. Empty parameters count as absent; anything else that is not
 * valid is an error naming the field, never silently dropped (a researcher must know their filter
 * was not applied). Unknown parameters are ignored, so links with tracking tags still work. A
 * filter given several times (?tag=a&tag=b) means any of its values; the words, the sort and the
 * cursor are one each. The result is canonical (canonicalSearch).
 */
export function parseStorySearch(
  params: URLSearchParams,
  now: Date = new Date(),
): { ok: true; search: StorySearch } | { ok: false; errors: StorySearchErrors } {
  const errors: StorySearchErrors = {};
  const raw: Record<string, string | string[]> = {};
  for (const field of SINGLE_FIELDS) {
    const values = [...new Set(params.getAll(field).filter((value) => value.trim() !== ""))];
    if (values.length > 1) errors[field] = `Choose one ${field === "q" ? "set of search words" : field} at a time.`;
    else if (values[0] !== undefined) raw[field] = values[0];
  }
  for (const field of FILTER_FIELDS) {
    const values = [...new Set(params.getAll(field).filter((value) => value.trim() !== ""))];
    if (values.length > MOST_VALUES_PER_FILTER) {
      errors[field] =
        `Choose at most ${MOST_VALUES_PER_FILTER} ${PLURALS[field]} at a time (this search has ${values.length}).`;
    } else if (values.length > 0) raw[field] = values;
  }
  const parsed = schema(now).safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as StorySearchField | "cursor";
      errors[field] ??= issue.message;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const { q, kind, tag, council, region, perspective, arrangement, year, unanswered, sort } = parsed.data;
  const words = q || null;
  if (sort === "relevance" && !words) {
    return { ok: false, errors: { sort: "Sorting by relevance needs search words: type some, or sort by newest." } };
  }
  return {
    ok: true,
    search: canonicalSearch({
      q: words,
      kind: kind ?? [],
      tag: tag ?? [],
      council: council ?? [],
      region: region ?? [],
      perspective: perspective ?? [],
      arrangement: arrangement ?? [],
      year: year ?? [],
      unanswered: unanswered ?? [],
      sort: sort ?? defaultSort(words),
    }),
  };
}

/** What was typed, parameter by parameter, every value kept (?tag=a&tag=b is two). */
export type TypedSearch = Record<string, string[]>;

/** What a query string held, for a form that must show it again. */
export function typedSearch(params: URLSearchParams): TypedSearch {
  const typed: TypedSearch = {};
  for (const [key, value] of params) if (key !== "cursor") (typed[key] ??= []).push(value);
  return typed;
}

/** A filter's values as they go into a URL: strings, sorted, each once. */
function canonicalValues<T extends string | number>(values: readonly T[]): T[] {
  const sorted = [...new Set(values)].sort((a, b) =>
    typeof a === "number" && typeof b === "number" ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
  );
  return sorted;
}

/**
 * The one form of a search: each filter's values sorted and without repeats, so ?tag=b&tag=a and
 * ?tag=a&tag=b are one list (one cursor fingerprint, one cached page, one address).
 */
export function canonicalSearch(search: StorySearch): StorySearch {
  const canonical = { ...search };
  for (const field of FILTER_FIELDS) {
    (canonical as Record<FilterField, unknown>)[field] = canonicalValues(search[field] as readonly (string | number)[]);
  }
  return canonical;
}

/** A filter's chosen values as they appear in a URL. */
export function chosenValues(search: StorySearch, field: FilterField): string[] {
  return (search[field] as readonly (string | number)[]).map(String);
}

/** How many values are chosen across every filter. */
export function countChosen(search: StorySearch): number {
  return FILTER_FIELDS.reduce((sum, field) => sum + search[field].length, 0);
}

/**
 * True when the filters of a query string are written as the search's canonical address would
 * write them (sorted, each value once). Other parameters (words, tracking tags) are not compared.
 */
export function inCanonicalOrder(params: URLSearchParams, search: StorySearch): boolean {
  return FILTER_FIELDS.every((field) => {
    const given = params.getAll(field).filter((value) => value.trim() !== "");
    const canonical = chosenValues(search, field);
    return given.length === canonical.length && given.every((value, i) => value.trim() === canonical[i]);
  });
}

/** The arrangement whose tag is this slug ("dp-employer" is dp_employer), if it is one. */
export function arrangementOfTagSlug(slug: string): SupportArrangement | undefined {
  return (Object.keys(SUPPORT_ARRANGEMENTS) as SupportArrangement[]).find(
    (key) => SUPPORT_ARRANGEMENTS[key].slug === slug,
  );
}

/**
 * Support arrangements are one facet, not also tags: the tags of the support_arrangement group
 * in `tag` move to `arrangement` (?tag=dp-employer is ?arrangement=dp_employer). `moved` says
 * whether any did, so a page can redirect to the one address.
 */
export function arrangementTagsMoved(search: StorySearch): { search: StorySearch; moved: boolean } {
  const moving = search.tag.flatMap((slug) => {
    const key = arrangementOfTagSlug(slug);
    return key ? [key] : [];
  });
  if (moving.length === 0) return { search, moved: false };
  return {
    moved: true,
    search: canonicalSearch({
      ...search,
      tag: search.tag.filter((slug) => arrangementOfTagSlug(slug) === undefined),
      arrangement: [...search.arrangement, ...moving],
    }),
  };
}

/** Where the stories with a tag are listed: an arrangement's tag leads to the arrangement facet. */
export function storiesWithTagHref(slug: string): string {
  const key = arrangementOfTagSlug(slug);
  return key ? `/stories?arrangement=${key}` : `/stories?tag=${encodeURIComponent(slug)}`;
}

/** How the search words were used: all of them (websearch syntax), or any one of them. */
export interface WordMatch {
  mode: "all" | "any";
  /** The words that counted, as typed, without stop words such as "my" or "has"; empty without search words. */
  words: string[];
}

/** What a page of results says about how the words were matched. */
export interface MatchReport extends WordMatch {
  /** With mode "any": how many of the stories (with the same filters) have all the words. */
  allWords: number | null;
  /** True when more than `allWords` have all the words: the count stopped at its bound (bounded-counts.ts). */
  allWordsMoreThan?: boolean;
}

/** A council or tag a filter can name: its code or slug, and its name. */
export interface FilterChoice {
  value: string;
  label: string;
}

/** Tags and councils whose names hold one of the search words, offered as filters. */
export interface FilterSuggestions {
  tags: FilterChoice[];
  councils: FilterChoice[];
}

/** "“mum” and “dementia”", "“a”, “b” and “c”". */
export function quotedList(words: string[]): string {
  const quoted = words.map((word) => `“${word}”`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1) ?? ""}` : (quoted[0] ?? "");
}

/** How many stories all the words must find before a search stops looking for any of them. */
export const FEWEST_BEFORE_ANY_WORD = 5;

/**
 * The words of a search, each once, without the punctuation around them, in the order typed:
 * the candidates for an any-word search and for tag and council suggestions. (PostgreSQL then
 * leaves out its stop words, such as "my" and "has".)
 */
export function searchWords(q: string | null): string[] {
  if (!q) return [];
  const words = q
    .split(" ")
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((word) => word !== "");
  const seen = new Set<string>();
  return words.filter((word) => !seen.has(word.toLowerCase()) && seen.add(word.toLowerCase()));
}

/**
 * True when the words are plain words that an any-word search may loosen. Quotes, a minus sign
 * before a word or "or" between words are someone asking for something precise: that is kept.
 */
export function mayLoosen(q: string | null): boolean {
  if (!q) return false;
  return !q.includes('"') && !q.split(" ").some((word) => word.startsWith("-") || word.toLowerCase() === "or");
}

export function defaultSort(q: string | null): StorySort {
  return q ? "relevance" : "newest";
}

/** The canonical query string of a search: fixed order, each filter's values sorted, defaults left out. */
export function storySearchParams(search: StorySearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  for (const field of FILTER_FIELDS) {
    for (const value of chosenValues(canonicalSearch(search), field)) params.append(field, value);
  }
  if (search.sort !== defaultSort(search.q)) params.set("sort", search.sort);
  return params;
}

/** "?q=…&tag=…", or "" for everything: ready to append to a path. */
export function storySearchQuery(search: StorySearch, extra: Record<string, string> = {}): string {
  const params = storySearchParams(search);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

function withValues(search: StorySearch, field: FilterField, values: string[]): StorySearch {
  return canonicalSearch({ ...search, [field]: field === "year" ? values.map(Number) : values });
}

/** The same search with one filter set to this value alone (replacing any it had). */
export function withFilter(search: StorySearch, field: FilterField, value: string): StorySearch {
  return withValues(search, field, [value]);
}

/** The same search with one more value of a filter (any of its values then matches). */
export function withValue(search: StorySearch, field: FilterField, value: string): StorySearch {
  return withValues(search, field, [...chosenValues(search, field), value]);
}

/** The same search without one value of a filter: a chip's "Remove filter" link. */
export function withoutValue(search: StorySearch, field: FilterField, value: string): StorySearch {
  return withValues(
    search,
    field,
    chosenValues(search, field).filter((chosen) => chosen !== value),
  );
}

/** The same search without one filter, or without its search words (sorting by relevance then makes no sense). */
export function withoutFilter(search: StorySearch, field: FilterField | "q"): StorySearch {
  if (field === "q") return { ...search, q: null, sort: "newest" };
  return { ...search, [field]: [] };
}

/** Names of the tags, councils and regions a search refers to, by slug or code, looked up by the caller. */
export interface FilterNames {
  tag: Record<string, string>;
  council: Record<string, string>;
  region: Record<string, string>;
}

export const NO_NAMES: FilterNames = { tag: {}, council: {}, region: {} };

/** What one chosen value is called: "Dementia", "Havering", "Carer", "No reply yet"; the value itself if unknown. */
export function valueLabel(field: FilterField, value: string, names: FilterNames): string {
  switch (field) {
    case "kind":
      return KIND_LABELS[value as PostKind] ?? value;
    case "perspective":
      return PERSPECTIVES[value as Perspective]?.label ?? value;
    case "arrangement":
      return SUPPORT_ARRANGEMENTS[value as SupportArrangement]?.label ?? value;
    case "unanswered":
      return UNANSWERED_LABEL;
    case "year":
      return value;
    default:
      return names[field][value] ?? value;
  }
}

/** "a, b or c": any of several chosen values. */
export function eitherList(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} or ${items.at(-1) ?? ""}` : (items[0] ?? "");
}

export interface FacetValue {
  /** What goes in the URL: a kind, a tag slug, a GSS code, a perspective, an arrangement, a year. */
  value: string;
  label: string;
  /**
   * Published stories with this value that match everything else chosen: the search's other
   * filters, ignoring this facet's own choices (see countFacets).
   */
  count: number;
}

export type StoryFacets = Record<FilterField, FacetValue[]>;

/** Councils listed before a region is chosen: 200-odd links would bury the page. */
export const COUNCILS_BEFORE_REGION = 10;

/**
 * The facet values a page shows. Every chosen value is there, with a count of 0 if nothing else
 * chosen leaves it any stories (so unticking it stays possible). Until a region is chosen, only
 * the councils with most stories (and the chosen ones); choosing a region lists every council in it.
 */
export function facetsToShow(search: StorySearch, facets: StoryFacets, names: FilterNames = NO_NAMES): StoryFacets {
  const shown = { ...facets };
  for (const field of FILTER_FIELDS) {
    const missing = chosenValues(search, field).filter((value) => !facets[field].some((v) => v.value === value));
    shown[field] = [
      ...facets[field],
      ...missing.map((value) => ({ value, label: valueLabel(field, value, names), count: 0 })),
    ];
  }
  if (search.region.length > 0) return shown;
  const top = shown.council.slice(0, COUNCILS_BEFORE_REGION);
  const chosen = shown.council.filter((value) => search.council.includes(value.value) && !top.includes(value));
  return { ...shown, council: [...top, ...chosen] };
}

/** True when the search narrows anything down: not the plain newest-first list of everything. */
export function isFiltered(search: StorySearch): boolean {
  return search.q !== null || countChosen(search) > 0;
}

/** A feed of the stories a search shows, as the page links to it. */
export interface FeedLink {
  /** "New stories tagged “Respite and short breaks”", for the page. */
  label: string;
  format: string;
  type: string;
  href: string;
  title: string;
}
