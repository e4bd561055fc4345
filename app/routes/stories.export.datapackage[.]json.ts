import type { LoaderFunctionArgs } from "@remix-run/node";

import { storyDataPackageResponse } from "~/server/posts/exports.server";

// /stories/export/datapackage.json?tag=respite: the licence, citation and columns of /stories/export.csv?tag=respite.
export function loader({ request }: LoaderFunctionArgs) {
  return storyDataPackageResponse(request);
}
