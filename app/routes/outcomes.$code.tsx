import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";

import { drawPlaceDashboard } from "~/components/outcomes/dashboard-markup.server";
import { PlaceNotFound, PlacePage, placePageHandle, placeTitle } from "~/components/outcomes/place-page";
import { loadPlacePageByCode } from "~/server/outcomes/pages.server";

export const handle = placePageHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => placeTitle(data, "Council");

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  loadPlacePageByCode(request, params.code, "council", drawPlaceDashboard);

export default function CouncilOutcomes() {
  const loaded = useLoaderData<typeof loader>();
  const { code } = useParams();
  return (
    <PlacePage
      loaded={loaded}
      related={
        <p>
          <Link to={`/options/${code}`}>Your options in {loaded.heading.name}</Link>: each way of arranging support,
          side by side, with its stories.
        </p>
      }
    />
  );
}

export const ErrorBoundary = PlaceNotFound;
