// A post as every list shows it (search results, the home page, a member's page, the API): what
// its byline scope and display mode let readers see, and nothing more.
import type { PublicPlace } from "~/domain/anonymity/byline";
import type { Perspective } from "~/domain/taxonomy";

export interface PostSummary {
  id: number;
  kind: "story" | "practice_note" | "question";
  title: string;
  excerpt: string;
  byline: string;
  displayMode: "handle" | "anonymous";
  month: string;
  monthIso: string;
  /** What the post's byline scope lets readers see of its place (council, region, nation). */
  place: PublicPlace;
  // The same, flattened: null whenever the byline scope hides it.
  areaName: string | null;
  tags: { slug: string; label: string }[];
  areaCode: string | null;
  regionCode: string | null;
  regionName: string | null;
  /** The author's perspective when posting: anonymous posts only (a named post shows the handle alone). */
  perspective: Perspective | null;
  /** Published replies only (docs/peer-support.md). */
  replyCount: number;
  /** The month of the newest published reply ("November 2026"), null with none; and as YYYY-MM. */
  latestReplyMonth: string | null;
  latestReplyMonthIso: string | null;
}
