// How a search is put into words: the page heading and the description in every download's
// citation (../licence.ts), so a researcher's figures can be traced back to what they searched.
import { PERSPECTIVES, SUPPORT_ARRANGEMENTS } from "../taxonomy";
import { eitherList, type FilterNames, type StorySearch } from "./story-search";

export type { FilterNames };

const KIND_TITLES = { story: "Stories", practice_note: "Practice notes", question: "Questions" } as const;

/** "A, b and c". */
function joinWith(items: string[], last: string): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")}${last}${items.at(-1) ?? ""}` : (items[0] ?? "");
}

/**
 * "Questions matching “respite”, tagged “Transport” or “Dementia”, about Hartlepool, author: carer,
 * published in 2026". Several values of one filter are joined with "or": any of them matches.
 */

export function describeStorySearch(search: StorySearch, names: FilterNames): string {
  const any = <T extends string>(values: readonly T[], say: (value: T) => string) =>
    values.length ? eitherList(values.map(say)) : null;
  const parts = [
    search.q ? `matching “${search.q}”` : null,
    search.tag.length ? `tagged ${any(search.tag, (slug) => `“${names.tag[slug] ?? slug}”`)}` : null,
    search.council.length ? `about ${any(search.council, (code) => names.council[code] ?? code)}` : null,
    search.region.length ? `in ${any(search.region, (code) => names.region[code] ?? code)}` : null,
    search.perspective.length
      ? `author: ${any(search.perspective, (key) => PERSPECTIVES[key].label.toLowerCase())}`
      : null,
    search.arrangement.length
      ? `support: ${any(search.arrangement, (key) => SUPPORT_ARRANGEMENTS[key].label.toLowerCase())}`
      : null,
    search.year.length ? `published in ${any(search.year.map(String), (year) => year)}` : null,
    search.unanswered.length ? "with no reply yet" : null,
  ].filter(Boolean);
  const kinds = search.kind.map((kind) => KIND_TITLES[kind]);
  const [first, ...others] = kinds;
  const what = first ? joinWith([first, ...others.map((title) => title.toLowerCase())], " and ") : "Stories";
  return parts.length ? `${what} ${parts.join(", ")}` : what;
}
