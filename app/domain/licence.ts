// The terms every download, feed and API answer carries, stories and outcomes alike, and the
// citation line that lets a researcher's figures be traced back to what they downloaded.

export const DATA_LICENCE = {
  name: "CC BY 4.0",
  title: "Creative Commons Attribution 4.0 International",
  url: "https://creativecommons.org/licenses/by/4.0/",
} as const;

/** The licence in one line, for files and answers that carry it as text. */
export const LICENCE_LINE = `Licence: ${DATA_LICENCE.title} (${DATA_LICENCE.name}), ${DATA_LICENCE.url}. You may share and adapt the data for any purpose if you credit Fifth Option.`;

export const LICENCE_NOTE = `Published by Fifth Option under the ${DATA_LICENCE.title} licence (${DATA_LICENCE.name}, ${DATA_LICENCE.url}): you may share and adapt it if you credit Fifth Option.`;

/** How to cite a view, in words, for pages that explain it before anything is downloaded. */
export const CITATION_FORM = "Fifth Option (year). What you downloaded. Retrieved (date) from (its address).";

/** "2026-12-01": the day a download was made, in UK time. */
export function retrievalDate(now: Date): string {
  return ISO_DAY_IN_LONDON.format(now);
}

// Made once: building an Intl formatter costs more than the rest of a citation (one per list page).
const ISO_DAY_IN_LONDON = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** "Fifth Option (2026). Stories matching “respite”. Retrieved 2026-12-01 from https://…" */
export function citeAs(description: string, url: string, now: Date): string {
  const day = retrievalDate(now);
  return `Fifth Option (${day.slice(0, 4)}). ${description}. Retrieved ${day} from ${url}`;
}
