// How a search is put into words: the page heading, and the citation and licence that go with
// every download, so a researcher's figures can be traced back to exactly what they searched.
import { PERSPECTIVES, SUPPORT_ARRANGEMENTS } from "../taxonomy";
import type { StorySearch } from "./story-search";

export const DATA_LICENCE = {
  name: "CC BY 4.0",
  title: "Creative Commons Attribution 4.0 International",
  url: "https://creativecommons.org/licenses/by/4.0/",
} as const;

const KIND_TITLES = { story: "Stories", practice_note: "Practice notes", question: "Questions" } as const;

/** Names of the tag, council and region a search refers to, looked up by the caller. */
export interface FilterNames {
  tag: string | null;
  council: string | null;
  region: string | null;
}

/** "Questions matching “respite”, tagged “Transport”, about Hartlepool, author: carer, published in 2026". */
export function describeStorySearch(search: StorySearch, names: FilterNames): string {
  const parts = [
    search.q ? `matching “${search.q}”` : null,
    search.tag ? `tagged “${names.tag ?? search.tag}”` : null,
    search.council ? `about ${names.council ?? search.council}` : null,
    search.region ? `in ${names.region ?? search.region}` : null,
    search.perspective ? `author: ${PERSPECTIVES[search.perspective].label.toLowerCase()}` : null,
    search.arrangement ? `support: ${SUPPORT_ARRANGEMENTS[search.arrangement].label.toLowerCase()}` : null,
    search.year ? `published in ${search.year}` : null,
  ].filter(Boolean);
  const what = search.kind ? KIND_TITLES[search.kind] : "Stories";
  return parts.length ? `${what} ${parts.join(", ")}` : what;
}

/** "2026-12-01": the day a download was made, in UK time. */
export function retrievalDate(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** "Fifth Option (2026). Stories matching “respite”. Retrieved 2026-12-01 from https://…" */
export function citeStories(description: string, url: string, now: Date): string {
  const day = retrievalDate(now);
  return `Fifth Option (${day.slice(0, 4)}). ${description}. Retrieved ${day} from ${url}`;
}

export const LICENCE_NOTE = `Published by Fifth Option under the ${DATA_LICENCE.title} licence (${DATA_LICENCE.name}, ${DATA_LICENCE.url}): you may share and adapt it if you credit Fifth Option.`;
