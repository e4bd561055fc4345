// What the council and region pages share: reading the address, the page frame, and the page
// shown for an unknown code (a 404 that helps rather than a dead end).
import { data } from "@remix-run/node";
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

import { OutcomeFilterForm } from "~/components/outcome-filters";
import { outcomeFilterParams, OUTCOME_FILTER_FIELDS, parseOutcomeFilters } from "~/domain/outcomes/outcome-filters";
import { quarterLabel } from "~/domain/outcomes/quarters";
import { loadPlaceDashboard, type Place } from "~/server/outcomes.server";

import { DownloadLinks } from "./download-links";
import { PlaceDashboard, type DashboardData } from "./place-dashboard";

/** Loads a place's dashboard for the filters in the address; a 400 with the fields named when they are wrong. */
export async function loadPlacePage(request: Request, place: Place, placeParameter: "council" | "region") {
  const url = new URL(request.url);
  const today = new Date();
  const values = Object.fromEntries(OUTCOME_FILTER_FIELDS.map((f) => [f, url.searchParams.get(f) ?? ""]).filter(([, v]) => v));
  const heading = { name: place.name, level: place.level, regionCode: place.regionCode, regionName: place.regionName, nation: place.nation };
  const parsed = parseOutcomeFilters(url.searchParams, today);
  if (!parsed.ok) return data({ heading, values, errors: parsed.errors, dashboard: null, query: "", downloadQuery: "", period: "" }, { status: 400 });
  const dashboard = await loadPlaceDashboard(place, parsed.filters);
  const query = outcomeFilterParams(parsed.filters, today).toString();
  return data({
    heading,
    values,
    errors: null,
    dashboard: dashboard satisfies DashboardData,
    query,
    downloadQuery: new URLSearchParams([[placeParameter, place.code], ...new URLSearchParams(query)]).toString(),
    period: `${quarterLabel(parsed.filters.from)} to ${quarterLabel(parsed.filters.to)}`,
  });
}

type PlacePageData = Awaited<ReturnType<typeof loadPlacePage>>["data"];

export function PlacePage({ loaded }: { loaded: PlacePageData }) {
  const { heading, values, errors, dashboard, query, downloadQuery, period } = loaded;
  const withQuery = (path: string) => (query ? `${path}?${query}` : path);
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          <li>
            <Link to={withQuery("/outcomes")}>Outcomes</Link>
          </li>
          {heading.level === "area" && heading.regionName !== heading.nation ? (
            <li>
              <Link to={withQuery(`/outcomes/region/${heading.regionCode}`)}>{heading.regionName}</Link>
            </li>
          ) : null}
        </ol>
      </nav>
      <h1>Outcomes in {heading.name}</h1>
      {dashboard ? (
        <p className="lead">
          What members&apos; experience reports about {heading.name} add up to, {period}.{" "}
          <Link to="/outcomes/about-the-data">About the data</Link>.
        </p>
      ) : null}
      <OutcomeFilterForm values={values} errors={errors ?? undefined} />
      {dashboard ? (
        <>
          <PlaceDashboard data={dashboard} />
          <DownloadLinks query={downloadQuery} />
        </>
      ) : null}
    </>
  );
}

/** An unknown council or region code: say so, and show where to find the right one. */
export function PlaceNotFound() {
  const error = useRouteError();
  if (!isRouteErrorResponse(error) || error.status !== 404) throw error;
  return (
    <>
      <h1>We could not find that place</h1>
      <p>{typeof error.data === "string" ? error.data : "There is no council or region with that code."}</p>
      <p>
        Find it in the <Link to="/outcomes#councils">list of every council</Link> or the{" "}
        <Link to="/outcomes#regions">list of regions</Link>. Council codes look like E06000001.
      </p>
    </>
  );
}
