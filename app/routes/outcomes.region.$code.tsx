import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { drawPlaceDashboard } from "~/components/outcomes/dashboard-markup.server";
import { hasDrawing, PlaceNotFound, PlacePage, placeTitle } from "~/components/outcomes/place-page";
import { loadPlacePageByCode } from "~/server/outcomes/pages.server";

// With its dashboard, a document: HTML drawn once for every reader, with nothing to hydrate
// (root.tsx). A refused filter's page keeps its scripts, so its error summary takes focus.
export const handle = { scripts: (data: unknown) => !hasDrawing(data) };

export const meta: MetaFunction<typeof loader> = ({ data }) => placeTitle(data, "Region");

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  loadPlacePageByCode(request, params.code, "region", drawPlaceDashboard);

export default function RegionOutcomes() {
  return <PlacePage loaded={useLoaderData<typeof loader>()} />;
}

export const ErrorBoundary = PlaceNotFound;
