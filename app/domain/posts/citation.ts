// How a search is put into words: the page heading and the description in every download's
// citation (../licence.ts), so a researcher's figures can be traced back to what they searched.
import { PERSPECTIVES, SUPPORT_ARRANGEMENTS } from "../taxonomy";
import type { StorySearch } from "./story-search";

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
    search.unanswered ? "with no reply yet" : null,
  ].filter(Boolean);
  const what = search.kind ? KIND_TITLES[search.kind] : "Stories";
  return parts.length ? `${what} ${parts.join(", ")}` : what;
}
