// The dashboard as downloads (CSV and JSON) and as the API's outcomes resource: the same views
// the pages show, chosen by the same address parameters.
import { citeAs, LICENCE_LINE } from "~/domain/licence";
import { parseOutcomeFilters, type OutcomeFilterField, type OutcomeFilters } from "~/domain/outcomes/outcome-filters";
import { quarterCode } from "~/domain/outcomes/quarters";
import { NATIONS, type Nation } from "~/domain/taxonomy";
import { councilRows, outcomeViewRows, placeTableRows, type TidyRow } from "~/domain/outcomes/tidy-rows";

import { findCouncil, findRegion, loadOverview, loadPlaceDashboard, nationPlace, type Place } from "./figures.server";

export type DownloadProblem =
  { status: 400; errors: Partial<Record<OutcomeFilterField | "place", string>> } | { status: 404; detail: string };

export interface OutcomeDownload {
  title: string;
  licence: string;
  citation: string;
  filters: OutcomeFilters;
  rows: TidyRow[];
  /** The views themselves, for JSON: every figure shown or withheld with its reason. */
  views: unknown;
}

const PLACE_PARAMETERS = ["council", "region", "nation"] as const;

/** Reads which place and slice to download; `null` place means the overview of every nation. */
export async function loadOutcomeDownload(url: URL, today = new Date()): Promise<OutcomeDownload | DownloadProblem> {
  const given = PLACE_PARAMETERS.filter((name) => url.searchParams.get(name));
  if (given.length > 1) return { status: 400, errors: { place: "Give one of council, region or nation, not several" } };
  const parsed = parseOutcomeFilters(url.searchParams, today);
  if (!parsed.ok) return { status: 400, errors: parsed.errors };
  const filters = parsed.filters;
  const address = url.toString();

  let place: Place | null = null;
  const council = url.searchParams.get("council");
  const region = url.searchParams.get("region");
  const nation = url.searchParams.get("nation");
  if (council) {
    place = /^[ENSW]\d{8}$/.test(council) ? await findCouncil(council) : null;
    if (!place)
      return {
        status: 404,
        detail: `There is no council with the code "${council.slice(0, 20)}". The API's councils list has every code.`,
      };
  } else if (region) {
    place = /^[ENSW]\d{8}$/.test(region) ? await findRegion(region) : null;
    if (!place) return { status: 404, detail: `There is no region with the code "${region.slice(0, 20)}".` };
  } else if (nation) {
    if (!(NATIONS as readonly string[]).includes(nation))
      return { status: 400, errors: { place: `Choose England, Scotland or Wales as the nation` } };
    place = nationPlace(nation as Nation);
  }

  if (!place) {
    const overview = await loadOverview(filters);
    const title = "Outcomes by nation and council";
    return {
      title,
      licence: LICENCE_LINE,
      citation: citeAs(title, address, today),
      filters,
      rows: overview.flatMap((n) => [
        ...outcomeViewRows({ code: n.nation, name: n.nation }, n.view),
        ...placeTableRows(n.table),
      ]),
      views: overview.map((n) => ({ nation: n.nation, outcomes: n.view, councils: n.table })),
    };
  }
  const dashboard = await loadPlaceDashboard(place, filters);
  const title = `Outcomes in ${place.name}`;
  return {
    title,
    licence: LICENCE_LINE,
    citation: citeAs(title, address, today),
    filters,
    rows: [
      ...outcomeViewRows(place, dashboard.view),
      ...dashboard.comparisons.flatMap((c) => outcomeViewRows({ code: c.label, name: c.label }, c.view)),
      ...dashboard.byPlanLead.flatMap((l) =>
        outcomeViewRows({ code: `${place.code}:${l.lead}`, name: `${place.name}, plan led by: ${l.label}` }, l.view),
      ),
      ...dashboard.councils.flatMap(councilRows),
    ],
    views: {
      place: { level: place.level, code: place.code, name: place.name },
      outcomes: dashboard.view,
      comparisons: dashboard.comparisons.map((c) => ({ place: c.label, outcomes: c.view })),
      byPlanLead: dashboard.byPlanLead.map((l) => ({ lead: l.lead, label: l.label, outcomes: l.view })),
      councils: dashboard.councils,
    },
  };
}

/** The JSON body of a download and of the API's outcomes resource. */
export function outcomesBody(download: OutcomeDownload) {
  const { filters } = download;
  return {
    title: download.title,
    licence: download.licence,
    citation: download.citation,
    period: { from: quarterCode(filters.from), to: quarterCode(filters.to) },
    filters: {
      perspective: filters.perspective,
      arrangement: filters.arrangement,
      client: filters.client,
      lead: filters.lead,
    },
    views: download.views,
  };
}
