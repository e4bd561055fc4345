import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";

import { TIDY_COLUMNS } from "~/domain/outcomes/tidy-rows";
import { loadOutcomeDownload } from "~/server/outcome-downloads.server";

// /outcomes/data.csv?council=E06000001&from=2025-Q1: the figures of a dashboard view, one per row.
export async function loader({ request }: LoaderFunctionArgs) {
  const download = await loadOutcomeDownload(new URL(request.url));
  if ("status" in download) {
    const text = download.status === 400 ? Object.entries(download.errors).map(([field, message]) => `${field}: ${message}`).join("\n") : download.detail;
    return new Response(`${text}\n`, { status: download.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  // Lines starting with # carry the licence and citation; csv-parse skips them with comment: "#".
  const preamble = `# ${download.title}\n# ${download.licence}\n# Cite as: ${download.citation}\n`;
  const body = stringify(download.rows, { header: true, columns: [...TIDY_COLUMNS] });
  return new Response(preamble + body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="fifth-option-outcomes.csv"`,
    },
  });
}
