// The loader the council and region pages share: the place's dashboard for the filters in the
// address, or a 400 naming the fields that are wrong (the form shows them with what was typed).
import { data } from "@remix-run/node";

import { outcomeFilterParams, OUTCOME_FILTER_FIELDS, parseOutcomeFilters } from "~/domain/outcomes/outcome-filters";
import { comparedFigures } from "~/domain/outcomes/outcome-view";
import type { DashboardData, PlacePageData } from "~/domain/outcomes/place-page";
import { quarterLabel } from "~/domain/outcomes/quarters";

import { loadPlaceDashboard, type Place } from "./figures.server";

/** Loads a place's dashboard for the filters in the address; a 400 with the fields named when they are wrong. */
export async function loadPlacePage(request: Request, place: Place, placeParameter: "council" | "region") {
  const url = new URL(request.url);
  const today = new Date();
  const values = Object.fromEntries(
    OUTCOME_FILTER_FIELDS.map((f) => [f, url.searchParams.get(f) ?? ""]).filter(([, v]) => v),
  );
  const heading = {
    name: place.name,
    level: place.level,
    regionCode: place.regionCode,
    regionName: place.regionName,
    nation: place.nation,
  };
  const parsed = parseOutcomeFilters(url.searchParams, today);
  if (!parsed.ok)
    return data(
      {
        heading,
        values,
        errors: parsed.errors,
        dashboard: null,
        query: "",
        downloadQuery: "",
        period: "",
      } satisfies PlacePageData,
      { status: 400 },
    );
  const dashboard = await loadPlaceDashboard(place, parsed.filters);
  const query = outcomeFilterParams(parsed.filters, today).toString();
  return data({
    heading,
    values,
    errors: null,
    // The page shows a few figures of each place it compares with; downloads have them all.
    dashboard: {
      ...dashboard,
      comparisons: dashboard.comparisons.map((c) => ({ label: c.label, view: comparedFigures(c.view) })),
      byPlanLead: dashboard.byPlanLead.map((l) => ({ lead: l.lead, label: l.label, view: comparedFigures(l.view) })),
    } satisfies DashboardData,
    query,
    downloadQuery: new URLSearchParams([[placeParameter, place.code], ...new URLSearchParams(query)]).toString(),
    period: `${quarterLabel(parsed.filters.from)} to ${quarterLabel(parsed.filters.to)}`,
  } satisfies PlacePageData);
}
