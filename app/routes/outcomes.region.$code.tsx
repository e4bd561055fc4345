import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { inPlace } from "~/domain/geography";
import { PlaceNotFound, PlacePage } from "~/components/outcomes/place-page";
import { loadPlacePage } from "~/server/outcomes/pages.server";
import { findRegion } from "~/server/outcomes/figures.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.errors ? "Error: " : ""}Outcomes ${inPlace(data.heading)} – Fifth Option`
      : "Region not found – Fifth Option",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const region = /^[ENSW]\d{8}$/.test(code) ? await findRegion(code) : null;
  if (!region) throw new Response(`We have no region with the code “${code.slice(0, 20)}”.`, { status: 404 });
  return loadPlacePage(request, region, "region");
}

export default function RegionOutcomes() {
  return <PlacePage loaded={useLoaderData<typeof loader>()} />;
}

export const ErrorBoundary = PlaceNotFound;
