// The outcome download's data package and Link header: the licence, citation and columns of
// /outcomes/data.csv with the same filters, which is itself one table with a header row.
import { dataLinks, dataPackage, outcomeFields } from "~/domain/datapackage";
import { TIDY_COLUMNS } from "~/domain/outcomes/tidy-rows";

import { publicOrigin } from "../process/env.server";
import { type DownloadProblem, loadOutcomeDownload } from "./downloads.server";

/** The addresses of a view's CSV and data package: the same filters as `url`. */
export function outcomeDownloadUrls(url: URL) {
  return {
    csv: `${publicOrigin()}/outcomes/data.csv${url.search}`,
    dataPackage: `${publicOrigin()}/outcomes/datapackage.json${url.search}`,
  };
}

/** The Link header of a CSV or JSON download of the view at `url`. */
export function outcomeDownloadLinks(url: URL): string {
  return dataLinks(outcomeDownloadUrls(url).dataPackage);
}

/** /outcomes/datapackage.json?council=…: the package, or why not (the same refusals as the CSV). */
export async function loadOutcomeDataPackage(url: URL) {
  const urls = outcomeDownloadUrls(url);
  // The citation names the CSV's address, as the CSV's own notes used to.
  const download = await loadOutcomeDownload(new URL(urls.csv));
  if ("status" in download) return download satisfies DownloadProblem;
  return dataPackage({
    name: "fifth-option-outcomes",
    title: download.title,
    description: `${download.title}: one figure per row. Counts are perturbed and rounded to 5, and small groups are withheld (the value says why): ${publicOrigin()}/outcomes/about-the-data.`,
    csvUrl: urls.csv,
    homepage: `${publicOrigin()}/outcomes`,
    fields: outcomeFields(TIDY_COLUMNS),
    citation: download.citation,
  });
}

/** A refused JSON download or data package: an RFC 9457 problem naming each parameter that is wrong. */
export function outcomeDownloadProblem(download: DownloadProblem): Response {
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
