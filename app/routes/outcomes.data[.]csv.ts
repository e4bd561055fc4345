import type { LoaderFunctionArgs } from "@remix-run/node";

import { TIDY_COLUMNS } from "~/domain/outcomes/tidy-rows";
import { csvLines } from "~/server/http/csv.server";
import { outcomeDownloadLinks } from "~/server/outcomes/datapackage.server";
import { loadOutcomeDownload } from "~/server/outcomes/downloads.server";

// /outcomes/data.csv?council=E06000001&from=2025-Q1: the figures of a dashboard view, one per row.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const download = await loadOutcomeDownload(url);
  if ("status" in download) {
    const text =
      download.status === 400
        ? Object.entries(download.errors)
            .map(([field, message]) => `${field}: ${message}`)
            .join("\n")
        : download.detail;
    return new Response(`${text}\n`, {
      status: download.status,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  // One table with a header row, every cell quoted and defused; the title, licence and citation
  // are in the data package the Link header names (/outcomes/datapackage.json, same filters).
  const body = csvLines([[...TIDY_COLUMNS], ...download.rows.map((row) => TIDY_COLUMNS.map((column) => row[column]))]);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="fifth-option-outcomes.csv"`,
      Link: outcomeDownloadLinks(url),
    },
  });
}
