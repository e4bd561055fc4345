import type { LoaderFunctionArgs } from "@remix-run/node";

import { bookletResponse } from "~/server/collections/downloads.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  return bookletResponse(request, params.slug);
}
