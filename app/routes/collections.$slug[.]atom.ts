import type { LoaderFunctionArgs } from "@remix-run/node";

import { collectionFeedResponse } from "~/server/collections/downloads.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  return collectionFeedResponse(request, params.slug);
}
