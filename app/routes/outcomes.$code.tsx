import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";

import { inPlace } from "~/domain/geography";
import { PlaceNotFound, PlacePage } from "~/components/outcomes/place-page";
import { loadPlacePage } from "~/server/outcomes/pages.server";
import { findCouncil } from "~/server/outcomes/figures.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.errors ? "Error: " : ""}Outcomes ${inPlace(data.heading)} – Fifth Option`
      : "Council not found – Fifth Option",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const council = /^[ENSW]\d{8}$/.test(code) ? await findCouncil(code) : null;
  if (!council) throw new Response(`We have no council with the code “${code.slice(0, 20)}”.`, { status: 404 });
  return loadPlacePage(request, council, "council");
}

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
