// What "Your options" shows of each option's figures in a council, its region and its nation.
// Every number comes from the outcomes module's views (app/domain/outcomes), already through
// disclosure control; this module only chooses which places may be shown, and takes the stricter
// of the two ways the dashboard can withhold an option: its own filtered view, and its count in the
// place's breakdown of arrangements (where secondary suppression protects the other options).
import type { CategoryFigure, DomainFigures, OutcomeView, Spread } from "../outcomes/outcome-view";
import type { Figure, NetScore } from "../outcomes/figures";
import type { BoundedCount } from "../posts/bounded-counts";
import type { PostSummary } from "../posts/post-summary";
import type { SupportArrangement } from "../taxonomy";
import type { ExplainerPart } from "./options";

/** The outcome areas whose net scores each option shows, in this order. */
export const OPTION_DOMAINS = ["quality-of-life", "control-support", "carer-sustain"] as const;

export type PlaceLevel = "area" | "region" | "nation";

/** One place's figures for one option (or for every arrangement together). */
export interface OptionPlaceFigures {
  level: PlaceLevel;
  name: string;
  /** Reports describing the option there: shown, perturbed and rounded to 5. */
  reports: number;
  nets: { slug: string; label: string; net: Figure<NetScore> }[];
  /** Pence an hour. */
  hourlyRate: Figure<Spread>;
  /** What happened to budgets at review, as shares of the option's reports. */
  budgetChanges: CategoryFigure[];
}

export interface OptionFigures {
  /** The places shown, narrowest first: the council when it has enough reports, its region, the nation. */
  places: OptionPlaceFigures[];
  /** Places with too few reports of this option to show: named, with no figure. */
  tooFew: { level: PlaceLevel; name: string }[];
}

/** A place's view of every report, and its view of the reports about one option. */
export interface PlaceViews {
  level: PlaceLevel;
  name: string;
  all: OutcomeView;
  option: OutcomeView;
}

function netsOf(domains: readonly DomainFigures[]): OptionPlaceFigures["nets"] {
  return OPTION_DOMAINS.flatMap((slug) => {
    const domain = domains.find((d) => d.slug === slug);
    return domain ? [{ slug, label: domain.label, net: domain.net }] : [];
  });
}

/** A place's figures from one view, or null when the view's own count is withheld. */
export function placeFigures(level: PlaceLevel, name: string, view: OutcomeView): OptionPlaceFigures | null {
  if (!view.reports.shown) return null;
  return {
    level,
    name,
    reports: view.reports.value,
    nets: netsOf(view.domains),
    hourlyRate: view.hourlyRate,
    budgetChanges: view.budgetChanges.categories,
  };
}

/**
 * An option's figures in each place. A place is shown only when the option's own view is shown
 * and the option's count in the place's breakdown of arrangements is shown too (the same cell, so
 * the same value); otherwise it is named as having too few reports, and nothing of it is shown.
 */
export function optionFigures(arrangement: SupportArrangement, places: readonly PlaceViews[]): OptionFigures {
  const result: OptionFigures = { places: [], tooFew: [] };
  for (const place of places) {
    const inBreakdown = place.all.supportArrangements.categories.find((c) => c.key === arrangement)?.count;
    const figures = inBreakdown?.shown ? placeFigures(place.level, place.name, place.option) : null;
    if (figures) result.places.push(figures);
    else result.tooFew.push({ level: place.level, name: place.name });
  }
  return result;
}

/** Stories found for an option, in the narrowest place that has enough of them. */
export interface OptionStories {
  /** Where they are from: the council, its region, or anywhere. */
  scope: "council" | "region" | "anywhere";
  placeName: string | null;
  stories: PostSummary[];
  /** Counted up to a bound: "more than" beyond it (app/domain/posts/bounded-counts.ts). */
  total: BoundedCount;
  /** The story search that lists them all. */
  href: string;
}

export interface OptionSection {
  arrangement: SupportArrangement;
  anchor: string;
  name: string;
  /** Each part of the explainer as sanitised HTML. */
  explainer: Record<ExplainerPart, string>;
  figures: OptionFigures;
  stories: OptionStories;
}

export interface FifthOptionSection {
  id: string;
  name: string;
  summaryHtml: string;
  stories: OptionStories;
}

/** Everything /options/<council code> shows. */
export interface CouncilOptionsPage {
  council: { code: string; name: string; regionName: string; nation: string };
  /** The period the figures cover, in the dashboard's words. */
  period: string;
  /** Every arrangement together, in the same places: the baseline each option is compared with. */
  everyone: OptionFigures;
  options: OptionSection[];
  fifthOptions: FifthOptionSection[];
}

/** Every arrangement together in each place, named as too few where the place's count is withheld. */
export function everyoneFigures(places: readonly Omit<PlaceViews, "option">[]): OptionFigures {
  const result: OptionFigures = { places: [], tooFew: [] };
  for (const place of places) {
    const figures = placeFigures(place.level, place.name, place.all);
    if (figures) result.places.push(figures);
    else result.tooFew.push({ level: place.level, name: place.name });
  }
  return result;
}
