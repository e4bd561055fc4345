// How an author and a post's place are shown in public. Anonymous is the default: perspective and
// region only. The rules are described for people in docs/anonymity-in-posting.md.
import { regionWithArticle } from "../geography";
import { PERSPECTIVES, type Perspective } from "../taxonomy";

/**
 * How much of a post's place its byline shows: the council (and its region), the region only, or
 * the nation only. The author chooses; every public view (pages, lists, feeds, API, downloads)
 * honours it through publicPlace().
 */
export const BYLINE_SCOPES = ["council", "region", "nation"] as const;
export type BylineScope = (typeof BYLINE_SCOPES)[number];

export function isBylineScope(value: unknown): value is BylineScope {
  return typeof value === "string" && (BYLINE_SCOPES as readonly string[]).includes(value);
}

export interface Area {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  nation: string;
}

/** The parts of a post's place a reader may see; anything hidden is null. */
export interface PublicPlace {
  council: { code: string; name: string } | null;
  region: { code: string; name: string } | null;
  nation: string | null;
}

export function publicPlace(area: Area | null, scope: BylineScope): PublicPlace {
  if (!area) return { council: null, region: null, nation: null };
  return {
    council: scope === "council" ? { code: area.code, name: area.name } : null,
    region: scope === "nation" ? null : { code: area.regionCode, name: area.regionName },
    nation: area.nation,
  };
}

/** The place an anonymous byline names: the region when it may be shown, else the nation. */
export function bylinePlaceName(place: PublicPlace): string | null {
  return place.region?.name ?? place.nation;
}

export interface BylineInput {
  displayMode: "handle" | "anonymous";
  handle: string | null;
  perspective: Perspective;
  /** The region (or nation) the byline may name; see bylinePlaceName(). */
  regionName: string | null;
}

const FORMER_MEMBER = "a former member";

/**
 * "tired_but_hopeful" for a post under a name (the handle only: never the perspective, so a named
 * post cannot be matched to the same account's anonymous ones); "a carer in the North West" for an
 * anonymous one; "a former member" for a named post whose account is gone.
 */
export function byline({ displayMode, handle, perspective, regionName }: BylineInput): string {
  if (displayMode === "handle") return handle ?? FORMER_MEMBER;
  const who = PERSPECTIVES[perspective].byline;
  if (!regionName) return who;
  return `${who} in ${placeName(regionName)}`;
}

/** Nations read as "in Wales"; English regions as "in the North West" (but "in Yorkshire and The Humber"). */
export function placeName(regionOrNation: string): string {
  return regionWithArticle(regionOrNation);
}

/**
 * What follows the byline: the council when it may be shown ("about Blackpool"); for a named post
 * with a wider scope, whose byline names no place, the region or nation ("about a council in the
 * North West"); otherwise nothing (an anonymous byline already names the region or nation).
 */
export function aboutPlace(
  place: PublicPlace,
  displayMode: "handle" | "anonymous",
): { council: { code: string; name: string } } | { text: string } | null {
  if (place.council) return { council: place.council };
  const wider = bylinePlaceName(place);
  if (displayMode === "handle" && wider) return { text: `a council in ${placeName(wider)}` };
  return null;
}

/** The perspective a reader may be told: only an anonymous post's. */
export function publicPerspective(displayMode: "handle" | "anonymous", perspective: Perspective): Perspective | null {
  return displayMode === "anonymous" ? perspective : null;
}

/** Perspectives of people paid to work in social care: a council may well know who they are. */
export const PROFESSIONAL_PERSPECTIVES: ReadonlySet<Perspective> = new Set<Perspective>([
  "support_planner",
  "social_worker",
  "provider_staff",
]);

/** Fewer published authors than this with the same perspective about a council is "few". */
export const FEW_PEERS = 10;

export interface NarrowingInput {
  perspective: Perspective;
  displayMode: "handle" | "anonymous";
  scope: BylineScope;
  /** Whether the post names a council at all. */
  hasCouncil: boolean;
  /**
   * How many other members with this perspective have published about this council (null when
   * unknown). Only compared with FEW_PEERS, never shown.
   */
  peersInCouncil: number | null;
}

export type NarrowingReason = "works_in_care" | "few_peers";

export interface NarrowingWarning {
  reasons: NarrowingReason[];
  /** The wider scopes the author is offered in one click. */
  offer: BylineScope[];
  message: string;
}

/**
 * Says when a byline that names a council could point to few people:
 * - the author works in social care (planner, social worker, provider staff) and names a council:
 *   the council that employs or commissions them is the reader best placed to tell who wrote it,
 *   whether the post is anonymous or under a name;
 * - the post is anonymous and fewer than FEW_PEERS other members with the same perspective have
 *   published about that council, so "a carer … about that council" is a small group.
 * A region-only or nation-only byline (or no council) never warns.
 */
export function bylineNarrowing(input: NarrowingInput): NarrowingWarning | null {
  if (!input.hasCouncil || input.scope !== "council") return null;
  const reasons: NarrowingReason[] = [];
  if (PROFESSIONAL_PERSPECTIVES.has(input.perspective)) reasons.push("works_in_care");
  if (input.displayMode === "anonymous" && input.peersInCouncil !== null && input.peersInCouncil < FEW_PEERS)
    reasons.push("few_peers");
  if (reasons.length === 0) return null;
  return { reasons, offer: ["region", "nation"], message: narrowingMessage(input.perspective, reasons) };
}

function narrowingMessage(perspective: Perspective, reasons: NarrowingReason[]): string {
  const who = PERSPECTIVES[perspective].byline;
  const parts: string[] = [];
  if (reasons.includes("works_in_care")) {
    parts.push(
      `Naming the council you write about, as ${who}, could let people there, your employer among them, work out who wrote this.`,
    );
  }
  if (reasons.includes("few_peers")) {
    parts.push(
      `Few members who describe themselves as ${who} have written about this council, so the byline could point to a handful of people.`,
    );
  }
  parts.push("You can show only the region, or only the nation, instead.");
  return parts.join(" ");
}

const MONTH_YEAR = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "Europe/London" });

/** Public pages show month and year only, never an exact time. */
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
