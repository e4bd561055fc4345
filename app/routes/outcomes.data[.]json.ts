import type { LoaderFunctionArgs } from "@remix-run/node";

import { loadOutcomeDownload, outcomesBody } from "~/server/outcomes/downloads.server";

// /outcomes/data.json?region=E12000001: the views of a dashboard page, every figure shown or
// withheld with its reason ({"shown": false, "reason": "fewer-than-5"}).
export async function loader({ request }: LoaderFunctionArgs) {
  const download = await loadOutcomeDownload(new URL(request.url));
  if ("status" in download) {
    const problem =
      download.status === 400
        ? {
            title: "Some parameters are not valid",
            status: 400,
            errors: Object.entries(download.errors).map(([parameter, detail]) => ({ parameter, detail })),
          }
        : { title: "Not found", status: 404, detail: download.detail };
    return Response.json(problem, { status: download.status, headers: { "Content-Type": "application/problem+json" } });
  }
  return Response.json(outcomesBody(download), {
    headers: { "Content-Disposition": `attachment; filename="fifth-option-outcomes.json"` },
  });
}
