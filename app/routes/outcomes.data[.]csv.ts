import type { LoaderFunctionArgs } from "@remix-run/node";

import { TIDY_COLUMNS } from "~/domain/outcomes/tidy-rows";
import { csvLines, csvNotes } from "~/server/http/csv.server";
import { loadOutcomeDownload } from "~/server/outcomes/downloads.server";

// /outcomes/data.csv?council=E06000001&from=2025-Q1: the figures of a dashboard view, one per row.
export async function loader({ request }: LoaderFunctionArgs) {
  const download = await loadOutcomeDownload(new URL(request.url));
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
  // Lines starting with # carry the title, licence and citation (which echoes the address);
  // csv-parse skips them with comment: "#". Every line, notes included, is quoted and defused.
  const notes = csvNotes([download.title, download.licence, `Cite as: ${download.citation}`]);
  const body = csvLines([[...TIDY_COLUMNS], ...download.rows.map((row) => TIDY_COLUMNS.map((column) => row[column]))]);
  return new Response(notes + body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="fifth-option-outcomes.csv"`,
    },
  });
}
