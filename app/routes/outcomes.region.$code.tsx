import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { drawPlaceDashboard } from "~/components/outcomes/dashboard-markup.server";
import { PlaceNotFound, PlacePage, placePageHandle, placeTitle } from "~/components/outcomes/place-page";
import { loadPlacePageByCode } from "~/server/outcomes/pages.server";

export const handle = placePageHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => placeTitle(data, "Region");

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  loadPlacePageByCode(request, params.code, "region", drawPlaceDashboard);

export default function RegionOutcomes() {
  return <PlacePage loaded={useLoaderData<typeof loader>()} />;
}

export const ErrorBoundary = PlaceNotFound;
