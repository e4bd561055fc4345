import { ApiProblem, apiEndpoint, refuseWrites } from "~/server/api/endpoint.server";
import { describedByLink } from "~/domain/datapackage";
import { outcomeDownloadUrls } from "~/server/outcomes/datapackage.server";
import { outcomesBody, loadOutcomeDownload } from "~/server/outcomes/downloads.server";

// The dashboard's figures for programs: the same views, rules and withheld figures as the pages
// and the JSON download (app/server/outcomes/downloads.server.ts).
export const loader = apiEndpoint("/outcomes", { maxAgeSeconds: 300 }, async ({ request }) => {
  const download = await loadOutcomeDownload(new URL(request.url));
  if ("status" in download) {
    throw download.status === 400
      ? new ApiProblem({
          kind: "invalid-parameters",
          detail: "Some parameters are not valid: see errors for each one.",
          errors: Object.entries(download.errors).map(([parameter, detail]) => ({
            parameter: parameter === "place" ? "council" : parameter,
            detail: detail ?? "",
          })),
        })
      : new ApiProblem({ kind: "not-found", detail: download.detail });
  }
  const dataPackage = outcomeDownloadUrls(new URL(request.url)).dataPackage;
  return {
    body: { ...outcomesBody(download), datapackage: dataPackage },
    headers: { Link: describedByLink(dataPackage) },
  };
});

export const action = refuseWrites;
