// The loader the council and region pages share: the place's dashboard for the filters in the
// address, or a 400 naming the fields that are wrong (the form shows them with what was typed).
import { data } from "@remix-run/node";

import {
  defaultPeriod,
  EARLIEST_QUARTER,
  outcomeFilterParams,
  OUTCOME_FILTER_FIELDS,
  parseOutcomeFilters,
  type OutcomeFilters,
} from "~/domain/outcomes/outcome-filters";
import { outcomeBreadcrumbs, storiesForFigures, type PlaceLink } from "~/domain/outcomes/links";
import { comparedFigures } from "~/domain/outcomes/outcome-view";
import type { DashboardData, PlacePageData } from "~/domain/outcomes/place-page";
import { periodLabel, quarterChoices, quarterCode } from "~/domain/outcomes/quarters";

import { keptDrawings } from "../db/client.server";
import {
  findCouncil,
  findRegion,
  firstReportedQuarter,
  loadPlaceDashboard,
  type Place,
  type PlaceDashboard,
} from "./figures.server";

/**
 * What every outcomes page's filter form needs besides the address: the quarters to choose from
 * (from the first quarter with reports, or the default period's start if earlier, to the current
 * one) and the period shown, as codes; a 400 keeps the typed values instead.
 */
export async function periodChoices(today: Date, filters?: OutcomeFilters) {
  const period = defaultPeriod(today);
  const first = (await firstReportedQuarter()) ?? period.from;
  const start = [first, period.from].sort()[0] ?? period.from;
  return {
    quarters: quarterChoices(start < EARLIEST_QUARTER ? EARLIEST_QUARTER : start, period.to),
    period: { from: quarterCode(filters?.from ?? period.from), to: quarterCode(filters?.to ?? period.to) },
  };
}

/** The address's filters as typed (what the form shows back), and the parsed filters or their errors. */
export function readOutcomeFilters(url: URL, today: Date) {
  const values = Object.fromEntries(
    OUTCOME_FILTER_FIELDS.map((f) => [f, url.searchParams.get(f) ?? ""]).filter(([, v]) => v),
  );
  return { values, parsed: parseOutcomeFilters(url.searchParams, today) };
}

/** Draws a dashboard as HTML: the page's own component, handed in by its route (components are not ours to import). */
export type DrawDashboard = (data: DashboardData, stories: PlaceLink | null) => string;

/** A council's or a region's outcomes page by its code: a 404 for a code that names none. */
export async function loadPlacePageByCode(
  request: Request,
  code: string | undefined,
  level: "council" | "region",
  draw: DrawDashboard,
) {
  const wanted = code ?? "";
  const find = level === "council" ? findCouncil : findRegion;
  const place = /^[ENSW]\d{8}$/.test(wanted) ? await find(wanted) : null;
  if (!place) throw new Response(`We have no ${level} with the code “${wanted.slice(0, 20)}”.`, { status: 404 });
  return loadPlacePage(request, place, level, draw);
}

/** Loads a place's dashboard for the filters in the address; a 400 with the fields named when they are wrong. */
export async function loadPlacePage(
  request: Request,
  place: Place,
  placeParameter: "council" | "region",
  draw: DrawDashboard,
) {
  const url = new URL(request.url);
  const today = new Date();
  const { values, parsed } = readOutcomeFilters(url, today);
  const heading = {
    name: place.name,
    level: place.level,
    regionCode: place.regionCode,
    regionName: place.regionName,
    nation: place.nation,
  };
  const crumbs = outcomeBreadcrumbs(heading, "");
  if (!parsed.ok)
    return data(
      {
        heading,
        values,
        errors: parsed.errors,
        dashboardMarkup: null,
        query: "",
        downloadQuery: "",
        period: "",
        crumbs,
        choices: await periodChoices(today),
      } satisfies PlacePageData,
      { status: 400 },
    );
  const { filters } = parsed;
  const stories = storiesForFigures(place, filters);
  // Drawn once for each version of the figures (the key's "outcomes" topic) and kept, for every
  // reader, members included: charts built element by element were most of a member's dashboard's
  // cost (docs/benchmarks/2026-12-07-drawn-once.md).
  const dashboardMarkup = await keptDrawings.get(
    `outcomes drawn ${place.level} ${place.code} ${JSON.stringify(filters)}`,
    async () => draw(dashboardData(await loadPlaceDashboard(place, filters)), stories),
  );
  const query = outcomeFilterParams(filters, today).toString();
  return data({
    heading,
    values,
    errors: null,
    dashboardMarkup,
    query,
    downloadQuery: new URLSearchParams([[placeParameter, place.code], ...new URLSearchParams(query)]).toString(),
    period: periodLabel(parsed.filters.from, parsed.filters.to),
    crumbs: outcomeBreadcrumbs(heading, query),
    choices: await periodChoices(today, parsed.filters),
  } satisfies PlacePageData);
}

/** What the dashboard shows: a few figures of each place it compares with (downloads have them all). */
function dashboardData(dashboard: PlaceDashboard): DashboardData {
  return {
    ...dashboard,
    comparisons: dashboard.comparisons.map((c) => ({ label: c.label, view: comparedFigures(c.view) })),
    byPlanLead: dashboard.byPlanLead.map((l) => ({ lead: l.lead, label: l.label, view: comparedFigures(l.view) })),
  };
}
