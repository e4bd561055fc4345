// Downloads of the published stories matching a search, as CSV or JSON, streamed row by row. The
// CSV is one table with a header row; its licence, citation and column descriptions are in the data
// package beside it (/stories/export/datapackage.json with the same filters) and in its Link header.
import { dataLinks, dataPackage, STORY_FIELDS } from "~/domain/datapackage";
import { citeAs, DATA_LICENCE, retrievalDate } from "~/domain/licence";
import { describeStorySearch, type FilterNames } from "~/domain/posts/citation";
import { parseStorySearch, type StorySearch, storySearchQuery } from "~/domain/posts/story-search";

import { type CsvCell, csvLines } from "../http/csv.server";
import { publicOrigin } from "../process/env.server";
import { clientKey, consume, RATE_LIMITS, RateLimited } from "../http/rate-limit.server";
import {
  betterAddress,
  findUnknownFilter,
  nameFilters,
  nameRefusal,
  publishedStoryRows,
  resolveFilterNames,
  type StoryExportRow,
} from "./search.server";

export type ExportFormat = "csv" | "json";

const EXPORT_COLUMNS = STORY_FIELDS.map((field) => field.name) satisfies readonly (keyof StoryExportRow)[];

// Rows are stringified a few hundred at a time: far fewer calls than one per row, still small.
const BATCH = 250;

// Text that a spreadsheet would run as a formula is defused in CSV (./csv.server.ts); the JSON
// keeps the text exactly as written.
function csvCells(row: StoryExportRow): CsvCell[] {
  return EXPORT_COLUMNS.map((column) => (column === "tags" ? row.tags.join("; ") : row[column]));
}

async function* csvChunks(rows: AsyncIterable<StoryExportRow>): AsyncGenerator<string> {
  yield csvLines([[...EXPORT_COLUMNS]]);
  let batch: CsvCell[][] = [];
  for await (const row of rows) {
    batch.push(csvCells(row));
    if (batch.length === BATCH) {
      yield csvLines(batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield csvLines(batch);
}

async function* jsonChunks(
  rows: AsyncIterable<StoryExportRow>,
  citation: string,
  retrieved: string,
  dataPackageUrl: string,
): AsyncGenerator<string> {
  const head = {
    licence: { name: DATA_LICENCE.name, title: DATA_LICENCE.title, url: DATA_LICENCE.url },
    citation,
    retrieved,
    datapackage: dataPackageUrl,
  };
  yield `${JSON.stringify(head).slice(0, -1)},"stories":[`;
  let first = true;
  for await (const row of rows) {
    yield `${first ? "" : ","}\n${JSON.stringify(Object.fromEntries(EXPORT_COLUMNS.map((column) => [column, row[column]])))}`;
    first = false;
  }
  yield "\n]}\n";
}

/** A byte stream that pulls the next chunk only when asked, and stops the query if the client goes away. */
function streamOf(chunks: AsyncGenerator<string>, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  // The HTTP adapter keeps reading after a client disconnects; the request's signal says it has.
  signal.addEventListener("abort", () => void chunks.return(undefined), { once: true });
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

// Each download holds a database connection for as long as the client takes to read it, so only a
// few run at once per app instance; the rest of the site keeps the other connections.
const MOST_AT_ONCE = 3;
let running = 0;

async function* counted(chunks: AsyncGenerator<string>): AsyncGenerator<string> {
  try {
    yield* chunks;
  } finally {
    running -= 1;
  }
}

function plainText(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...headers } });
}

/** The download's search, checked: names lead to the address with codes, unknown codes are a 404. */
async function checkedSearch(request: Request): Promise<{ search: StorySearch } | { refusal: Response }> {
  const url = new URL(request.url);
  const parsed = parseStorySearch(url.searchParams);
  if (!parsed.ok) return { refusal: plainText(400, Object.values(parsed.errors).join("\n")) };
  const { search } = parsed;
  // A council's or tag's name leads to the download's address with its code or slug; an
  // arrangement's tag to ?arrangement=, and values to their one order.
  const resolution = await resolveFilterNames(search);
  if (!resolution.ok) return { refusal: plainText(400, nameRefusal(resolution)) };
  const elsewhere = betterAddress(url, resolution);
  if (elsewhere) return { refusal: elsewhere };
  const unknown = await findUnknownFilter(search);
  if (unknown)
    return {
      refusal: plainText(404, `${unknown.message} The tags, councils and regions there are: ${publicOrigin()}/stories`),
    };
  return { search };
}

/** "https://…/stories/export/datapackage.json?tag=respite": the data package of a search's downloads. */
export function storyDataPackageUrl(search: StorySearch): string {
  return `${publicOrigin()}/stories/export/datapackage.json${storySearchQuery(search)}`;
}

/** How to cite a search, given the names of its filters (`nameFilters`). */
export function citeStorySearch(search: StorySearch, names: FilterNames, now: Date): string {
  return citeAs(describeStorySearch(search, names), `${publicOrigin()}/stories${storySearchQuery(search)}`, now);
}

async function storyCitation(search: StorySearch, now: Date): Promise<string> {
  return citeStorySearch(search, await nameFilters(search), now);
}

/** /stories/export/datapackage.json?…: the licence, citation and columns of the CSV with the same filters. */
export async function storyDataPackageResponse(request: Request): Promise<Response> {
  const checked = await checkedSearch(request);
  if ("refusal" in checked) return checked.refusal;
  const { search } = checked;
  const citation = await storyCitation(search, new Date());
  const body = dataPackage({
    name: "fifth-option-stories",
    title: "Fifth Option stories",
    description:
      "Published stories, practice notes and questions matching a search, one row each. Dates are months on purpose: exact times are never published. Text that begins with =, +, - or @ (other than a plain number) starts with an apostrophe, so spreadsheets do not run it as a formula.",
    csvUrl: `${publicOrigin()}/stories/export.csv${storySearchQuery(search)}`,
    homepage: `${publicOrigin()}/stories${storySearchQuery(search)}`,
    fields: STORY_FIELDS,
    primaryKey: "id",
    citation,
  });
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      Link: dataLinks(null),
      "Cache-Control": "no-store",
    },
  });
}

/** A download request answered: the file, or a plain 400, 404, 429 or 503 saying why not. */
export async function exportResponse(
  request: Request,
  clientAddress: string | undefined,
  format: ExportFormat,
): Promise<Response> {
  const checked = await checkedSearch(request);
  if ("refusal" in checked) return checked.refusal;
  const { search } = checked;
  if (running >= MOST_AT_ONCE)
    return plainText(503, "Other downloads are running. Try again in a minute.", { "Retry-After": "60" });
  // Reserved before anything is awaited, so no more than MOST_AT_ONCE can ever start.
  running += 1;
  let streaming = false;
  try {
    await consume("exportsPerClient", await clientKey(clientAddress));
    const now = new Date();
    const citation = await storyCitation(search, now);
    const retrieved = retrievalDate(now);
    const rows = publishedStoryRows(search);
    const chunks = counted(
      format === "csv" ? csvChunks(rows) : jsonChunks(rows, citation, retrieved, storyDataPackageUrl(search)),
    );
    streaming = true;
    return new Response(streamOf(chunks, request.signal), {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="fifth-option-stories-${retrieved}.${format}"`,
        "Cache-Control": "no-store",
        Link: dataLinks(storyDataPackageUrl(search)),
      },
    });
  } catch (error) {
    if (!(error instanceof RateLimited)) throw error;
    const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
    return plainText(
      429,
      `You have downloaded ${RATE_LIMITS.exportsPerClient.points} files in the last hour, the most there can be. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
      { "Retry-After": String(error.retryAfterSeconds) },
    );
  } finally {
    // Once streaming, the stream gives its place back when it ends or the client goes.
    if (!streaming) running -= 1;
  }
}
