// What the council and region pages share: the page frame, and the page shown for an unknown
// code (a 404 that helps rather than a dead end). Their data is app/domain/outcomes/place-page.ts.
import type { ReactNode } from "react";

import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

import { Breadcrumbs } from "~/components/links-nav";
import { OutcomeFilterForm } from "~/components/outcome-filters";
import { inPlace, regionWithArticle } from "~/domain/geography";
import type { PlacePageData } from "~/domain/outcomes/place-page";

import { DownloadLinks } from "./download-links";

/** The page's title, "Error: " first when a filter was refused; or the title of its 404. */
export function placeTitle(
  data: { errors?: unknown; heading: { name: string; level: "area" | "region" | "nation" } } | undefined,
  kind: "Council" | "Region",
) {
  return [
    {
      title: data
        ? `${data.errors ? "Error: " : ""}Outcomes ${inPlace(data.heading)} – Fifth Option`
        : `${kind} not found – Fifth Option`,
    },
  ];
}

/** Whether a place page's data holds its drawn dashboard (not a refused filter's page). */
function hasDrawing(data: unknown): boolean {
  return typeof data === "object" && data !== null && "dashboardMarkup" in data && data.dashboardMarkup !== null;
}

/**
 * The council and region routes' `handle`: with its dashboard, the page is a document, HTML drawn
 * once for every reader with nothing to hydrate (root.tsx); a refused filter's page keeps its
 * scripts, so its error summary takes focus.
 */
export const placePageHandle = { scripts: (data: unknown) => !hasDrawing(data) };

/** `related`: links shown under the introduction (a council's page links to its options). */
export function PlacePage({ loaded, related }: { loaded: PlacePageData; related?: ReactNode }) {
  const { heading, values, errors, dashboardMarkup, downloadQuery, period, crumbs, choices } = loaded;
  return (
    <>
      <Breadcrumbs crumbs={crumbs} />
      <h1>Outcomes {inPlace(heading)}</h1>
      {dashboardMarkup !== null ? (
        <p className="lead">
          What members&apos; experience reports about{" "}
          {heading.level === "area" ? heading.name : regionWithArticle(heading.name)} add up to, {period}.{" "}
          <Link to="/outcomes/about-the-data">About the data</Link>.
        </p>
      ) : null}
      {related}
      <OutcomeFilterForm values={values} errors={errors ?? undefined} choices={choices} />
      {dashboardMarkup !== null ? (
        <>
          {/* Drawn by React on the server from the figures (dashboard-markup.server.tsx), escaped as any page is. */}
          <div className="place-dashboard" dangerouslySetInnerHTML={{ __html: dashboardMarkup }} />
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
