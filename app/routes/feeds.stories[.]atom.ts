import type { LoaderFunctionArgs } from "@remix-run/node";

import { feedResponse } from "~/server/posts/feeds.server";

export function loader({ request }: LoaderFunctionArgs) {
  return feedResponse(request, "atom");
}
