import type { LoaderFunctionArgs } from "@remix-run/node";

import { outcomeDownloadLinks, outcomeDownloadProblem } from "~/server/outcomes/datapackage.server";
import { loadOutcomeDownload, outcomesBody } from "~/server/outcomes/downloads.server";

// /outcomes/data.json?region=E12000001: the views of a dashboard page, every figure shown or
// withheld with its reason ({"shown": false, "reason": "fewer-than-5"}).
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const download = await loadOutcomeDownload(url);
  if ("status" in download) return outcomeDownloadProblem(download);
  return Response.json(outcomesBody(download), {
    headers: {
      "Content-Disposition": `attachment; filename="fifth-option-outcomes.json"`,
      Link: outcomeDownloadLinks(url),
    },
  });
}
