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
  kind: PostKind | null;
  /** Tag slug; as typed, a tag's label (or a near miss) until resolveFilterNames turns it into the slug. */
  tag: string | null;
  /** ONS GSS code of a council, e.g. E06000001; as typed, a council's name until resolveFilterNames turns it into the code. */
  council: string | null;
  /** GSS code of an English region or of Scotland (S92000003) or Wales (W92000004). */
  region: string | null;
  /** The author's perspective when they posted. */
  perspective: Perspective | null;
  /** The support arrangement of an experience report attached to the story. */
  arrangement: SupportArrangement | null;
  /** Year published. */
  year: number | null;
  /** "1": only posts with no published reply yet (with kind=question, the unanswered questions). */
  unanswered: "1" | null;
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
  kind: null,
  tag: null,
  council: null,
  region: null,
  perspective: null,
  arrangement: null,
  year: null,
  unanswered: null,
  sort: "newest",
};

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
    .refine((text) => HAS_LETTER_OR_DIGIT.test(text), `${label} must be ${what}.`)
    .optional();
}

function schema(now: Date) {
  const lastYear = now.getUTCFullYear();
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
    kind: z
      .enum(Object.keys(POST_KINDS) as [PostKind, ...PostKind[]], {
        errorMap: () => ({ message: `Kind must be ${listOf(Object.keys(POST_KINDS))}.` }),
      })
      .optional(),
    tag: filterName("Tag", "a tag's name or short name, such as Dementia or respite"),
    council: filterName(
      "Council",
      "a council's name, such as Havering, or its 9-character ONS code, such as E09000016",
    ),
    region: z
      .string()
      .regex(
        GSS_CODE,
        "Region must be a 9-character ONS code such as E12000001 (Scotland is S92000003, Wales W92000004).",
      )
      .optional(),
    perspective: z
      .enum(Object.keys(PERSPECTIVES) as [Perspective, ...Perspective[]], {
        errorMap: () => ({ message: `Perspective must be ${listOf(Object.keys(PERSPECTIVES))}.` }),
      })
      .optional(),
    arrangement: z
      .enum(Object.keys(SUPPORT_ARRANGEMENTS) as [SupportArrangement, ...SupportArrangement[]], {
        errorMap: () => ({ message: `Arrangement must be ${listOf(Object.keys(SUPPORT_ARRANGEMENTS))}.` }),
      })
      .optional(),
    year: z
      .string()
      .regex(/^\d{4}$/, `Year must be a year written in four digits, between ${FIRST_YEAR} and ${lastYear}.`)
      .transform(Number)
      .refine((year) => year >= FIRST_YEAR && year <= lastYear, `Year must be between ${FIRST_YEAR} and ${lastYear}.`)
      .optional(),
    unanswered: z
      .enum(["1"], { errorMap: () => ({ message: "Unanswered must be 1 (only posts with no reply yet)." }) })
      .optional(),
    sort: z
      .enum(["relevance", "newest"], { errorMap: () => ({ message: "Sort must be relevance or newest." }) })
      .optional(),
    cursor: z.string().regex(CURSOR, "This page link is damaged: go back to the first page of results.").optional(),
  });
}

const FIELDS = ["q", ...FILTER_FIELDS, "sort", "cursor"] as const;

/**
 * Reads a search from a query string. Empty parameters count as absent; anything else that is not
 * valid is an error naming the field, never silently dropped (a researcher must know their filter
 * was not applied). Unknown parameters are ignored, so links with tracking tags still work.
 */
export function parseStorySearch(
  params: URLSearchParams,
  now: Date = new Date(),
): { ok: true; search: StorySearch } | { ok: false; errors: StorySearchErrors } {
  const errors: StorySearchErrors = {};
  const raw: Record<string, string> = {};
  for (const field of FIELDS) {
    const values = [...new Set(params.getAll(field).filter((value) => value.trim() !== ""))];
    if (values.length > 1) errors[field] = `Choose one ${field === "q" ? "set of search words" : field} at a time.`;
    else if (values[0] !== undefined) raw[field] = values[0];
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
    search: {
      q: words,
      kind: kind ?? null,
      tag: tag ?? null,
      council: council ?? null,
      region: region ?? null,
      perspective: perspective ?? null,
      arrangement: arrangement ?? null,
      year: year ?? null,
      unanswered: unanswered ?? null,
      sort: sort ?? defaultSort(words),
    },
  };
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

/** The canonical query string of a search: fixed order, defaults left out. */
export function storySearchParams(search: StorySearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  for (const field of FILTER_FIELDS) {
    const value = search[field];
    if (value !== null) params.set(field, String(value));
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

/** The same search with one filter set (or replaced) to a value as it appears in a URL or a facet. */
export function withFilter(search: StorySearch, field: FilterField, value: string): StorySearch {
  return { ...search, [field]: field === "year" ? Number(value) : value };
}

/** The same search without one filter, or without its search words (sorting by relevance then makes no sense). */
export function withoutFilter(search: StorySearch, field: FilterField | "q"): StorySearch {
  if (field === "q") return { ...search, q: null, sort: "newest" };
  return { ...search, [field]: null };
}

export interface FacetValue {
  /** What goes in the URL: a kind, a tag slug, a GSS code, a perspective, an arrangement, a year. */
  value: string;
  label: string;
  /** Published stories matching the search with this value chosen instead (see countFacets). */
  count: number;
}

export type StoryFacets = Record<FilterField, FacetValue[]>;

/** Councils listed before a region is chosen: 200-odd links would bury the page. */
export const COUNCILS_BEFORE_REGION = 10;

/**
 * The facet values a page shows. Until a region is chosen, only the councils with most stories
 * (and the chosen one); choosing a region, with its count beside it, lists every council in it.
 */
export function facetsToShow(search: StorySearch, facets: StoryFacets): StoryFacets {
  if (search.region) return facets;
  const top = facets.council.slice(0, COUNCILS_BEFORE_REGION);
  const chosen = facets.council.find((value) => value.value === search.council);
  return { ...facets, council: chosen && !top.includes(chosen) ? [...top, chosen] : top };
}

/** True when the search narrows anything down: not the plain newest-first list of everything. */
export function isFiltered(search: StorySearch): boolean {
  return search.q !== null || FILTER_FIELDS.some((field) => search[field] !== null);
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
