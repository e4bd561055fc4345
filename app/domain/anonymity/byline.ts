// How an author is shown in public. Anonymous is the default: perspective and region only.
import { PERSPECTIVES, type Perspective } from "../taxonomy";

export interface BylineInput {
  displayMode: "handle" | "anonymous";
  handle: string | null;
  perspective: Perspective;
  regionName: string | null;
}

/** "tired_but_hopeful", or "a carer in the North West"; "a former member" once an account is gone. */
export function byline({ displayMode, handle, perspective, regionName }: BylineInput): string {
  if (displayMode === "handle" && handle) return handle;
  const who = PERSPECTIVES[perspective].byline;
  if (!regionName) return who;
  // Nations read as "in Wales"; English regions as "in the North West".
  const place = ["Wales", "Scotland", "London"].includes(regionName) ? regionName : `the ${regionName}`;
  return `${who} in ${place}`;
}

const MONTH_YEAR = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "Europe/London" });

/** Public pages show month and year only, never an exact time (DESIGN: anonymity rule 3). */
export function coarseDate(date: Date): string {
  return MONTH_YEAR.format(date);
}

const YEAR_MONTH = new Intl.DateTimeFormat("en-GB", { month: "2-digit", year: "numeric", timeZone: "Europe/London" });

/** The machine-readable form of the same coarse date ("2026-11"), for <time dateTime>. */
export function coarseDateTime(date: Date): string {
  const parts = YEAR_MONTH.formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}`;
}
