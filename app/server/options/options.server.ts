// "Your options" per council (docs/options.md): each way of arranging support, with its figures
// from the outcomes module (the dashboard's own views and disclosure control, nothing computed
// here) and the stories about it, found with the story search.
import { renderMarkdown } from "~/domain/markdown/render";
import {
  type CouncilOptionsPage,
  everyoneFigures,
  type FifthOptionSection,
  optionFigures,
  type OptionSection,
  type OptionStories,
  type PlaceViews,
} from "~/domain/options/option-figures";
import {
  EXPLAINER_PARTS,
  type ExplainerPart,
  FIFTH_OPTIONS,
  type FifthOptionFinder,
  optionAnchor,
  SUPPORT_OPTIONS,
} from "~/domain/options/options";
import { defaultPeriod, type OutcomeFilters } from "~/domain/outcomes/outcome-filters";
import { quarterLabel } from "~/domain/outcomes/quarters";
import { atLeast } from "~/domain/posts/bounded-counts";
import { NO_SEARCH, type StorySearch, storySearchQuery } from "~/domain/posts/story-search";
import type { SupportArrangement } from "~/domain/taxonomy";

import { loadArrangementViews, loadPlaceViews, type Place } from "../outcomes/figures.server";
import { searchStories } from "../posts/search.server";

/** Stories listed under each option; fewer than this in the council, and the region's are shown. */
export const STORIES_PER_OPTION = 3;

type Where = { council: string[] } | { region: string[] } | Record<string, never>;

/**
 * The one call into the story search. An arrangement finds the stories with its tag or an
 * attached experience report about it (the search's one arrangement facet).
 */
function findStories(about: FifthOptionFinder, where: Where, perPage: number) {
  const search: StorySearch = {
    ...NO_SEARCH,
    ...where,
    arrangement: "arrangement" in about ? [about.arrangement] : [],
    tag: "tag" in about ? [about.tag] : [],
    q: "q" in about ? about.q : null,
  };
  return searchStories(search, { perPage }).then((found) => ({
    ...found,
    href: `/stories${storySearchQuery(search)}`,
  }));
}

/** Stories about something in the council; if it has too few, in its region; if none there, anywhere. */
export async function storiesAbout(about: FifthOptionFinder, council: Place): Promise<OptionStories> {
  const scopes: { scope: OptionStories["scope"]; placeName: string | null; where: Where }[] = [
    { scope: "council", placeName: council.name, where: { council: [council.code] } },
    { scope: "region", placeName: council.regionName, where: { region: [council.regionCode] } },
    { scope: "anywhere", placeName: null, where: {} },
  ];
  let found: OptionStories | null = null;
  for (const { scope, placeName, where } of scopes) {
    const { stories, total, href } = await findStories(about, where, STORIES_PER_OPTION);
    found = { scope, placeName, stories, total, href };
    if (atLeast(total, scope === "council" ? STORIES_PER_OPTION : 1)) return found;
  }
  return found as OptionStories;
}

const rendered = new Map<string, string>();
/** Explainers are fixed content: rendered once per process. */
function html(markdown: string): string {
  let found = rendered.get(markdown);
  if (found === undefined) {
    found = renderMarkdown(markdown).html;
    rendered.set(markdown, found);
  }
  return found;
}

function explainerHtml(explainer: Record<ExplainerPart, string>): Record<ExplainerPart, string> {
  return Object.fromEntries(
    (Object.keys(EXPLAINER_PARTS) as ExplainerPart[]).map((part) => [part, html(explainer[part])]),
  ) as Record<ExplainerPart, string>;
}

/** Every option's explainer, for the page before a council is chosen. */
export function optionExplainers() {
  return SUPPORT_OPTIONS.map((option) => ({
    arrangement: option.arrangement,
    anchor: optionAnchor(option.arrangement),
    name: option.name,
    explainer: explainerHtml(option.explainer),
  }));
}

/** The dashboard's filters for the default period, for every report or for one arrangement. */
function filtersFor(today: Date, arrangement: SupportArrangement | null): OutcomeFilters {
  return { ...defaultPeriod(today), perspective: null, arrangement, client: null, lead: null };
}

/** The place's views and its wider places' (region, nation), by level, as the dashboard builds them. */
function byLevel(council: Place, { view, comparisons }: Awaited<ReturnType<typeof loadPlaceViews>>) {
  // Scotland and Wales are one region: their only comparison is the nation.
  const levels = council.regionName !== council.nation ? (["region", "nation"] as const) : (["nation"] as const);
  return [
    { level: "area" as const, name: council.name, view },
    ...comparisons.map((c, i) => ({ level: levels[i] ?? ("nation" as const), name: c.label, view: c.view })),
  ];
}

export async function loadCouncilOptions(council: Place, today = new Date()): Promise<CouncilOptionsPage> {
  // Every report, and each option's arrangement: the dashboard's views with arrangement=<key>,
  // worked out for all the options together (loadArrangementViews) rather than view by view.
  const [everyView, optionViews] = await Promise.all([
    loadPlaceViews(council, filtersFor(today, null)),
    loadArrangementViews(
      council,
      filtersFor(today, null),
      SUPPORT_OPTIONS.map((option) => option.arrangement),
    ),
  ]);
  const all = byLevel(council, everyView);
  const perOption = SUPPORT_OPTIONS.map((option) => {
    const views = optionViews.get(option.arrangement);
    return views ? byLevel(council, views) : [];
  });
  const options = await Promise.all(
    SUPPORT_OPTIONS.map(async (option, i): Promise<OptionSection> => {
      const places: PlaceViews[] = all.map((place, p) => ({
        level: place.level,
        name: place.name,
        all: place.view,
        option: perOption[i]?.[p]?.view ?? place.view,
      }));
      return {
        arrangement: option.arrangement,
        anchor: optionAnchor(option.arrangement),
        name: option.name,
        explainer: explainerHtml(option.explainer),
        figures: optionFigures(option.arrangement, places),
        stories: await storiesAbout({ arrangement: option.arrangement }, council),
      };
    }),
  );
  const fifthOptions = await Promise.all(
    FIFTH_OPTIONS.map(async (fifth): Promise<FifthOptionSection> => ({
      id: fifth.id,
      name: fifth.name,
      summaryHtml: html(fifth.summary),
      stories: await storiesAbout(fifth.find, council),
    })),
  );
  const { from, to } = defaultPeriod(today);
  return {
    council: { code: council.code, name: council.name, regionName: council.regionName, nation: council.nation },
    period: `${quarterLabel(from)} to ${quarterLabel(to)}`,
    everyone: everyoneFigures(all.map((place) => ({ level: place.level, name: place.name, all: place.view }))),
    options,
    fifthOptions,
  };
}
