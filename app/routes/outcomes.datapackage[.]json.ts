import type { LoaderFunctionArgs } from "@remix-run/node";

import { dataLinks } from "~/domain/datapackage";
import { loadOutcomeDataPackage, outcomeDownloadProblem } from "~/server/outcomes/datapackage.server";

// /outcomes/datapackage.json?council=E06000001: the licence, citation and columns of /outcomes/data.csv?council=E06000001.
export async function loader({ request }: LoaderFunctionArgs) {
  const found = await loadOutcomeDataPackage(new URL(request.url));
  if ("status" in found) return outcomeDownloadProblem(found);
  return new Response(JSON.stringify(found, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", Link: dataLinks(null) },
  });
}
