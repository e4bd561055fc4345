import type { LoaderFunctionArgs } from "@remix-run/node";

import { exportResponse } from "~/server/posts/exports.server";

export function loader({ request, context }: LoaderFunctionArgs) {
  return exportResponse(request, context.clientAddress, "json");
}
