// A place's dashboard drawn as HTML once for each version of its figures, and kept with them
// (app/server/outcomes/pages.server.ts): its charts are hundreds of SVG elements, and drawing them
// for every member who opens the page was most of that page's cost. The page that shows it sends
// no scripts (the outcomes routes' `handle`), so the markup is never hydrated; a page reached by a
// client-side navigation shows the same markup from the loader.
import { renderToStaticMarkup } from "react-dom/server";

import type { PlaceLink } from "~/domain/outcomes/links";
import type { DashboardData } from "~/domain/outcomes/place-page";

import { PlaceDashboard } from "./place-dashboard";

export function drawPlaceDashboard(data: DashboardData, stories: PlaceLink | null): string {
  // The charts' ids (useId) are unique within this drawing; the prefix keeps them apart from any
  // id the page around it makes.
  return renderToStaticMarkup(<PlaceDashboard data={data} stories={stories} />, { identifierPrefix: "dashboard-" });
}
