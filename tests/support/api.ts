// Calls the public API through the production build; every answer is checked against the OpenAPI
// document (tests/support/openapi.ts).
import { expect } from "vitest";

import { checkAgainstDocument } from "./openapi";
import { send, type SendOptions, uniqueClientAddress } from "./remix";

export interface ApiOptions extends Pick<SendOptions, "clientAddress" | "method"> {
  /** Sent as "Authorization: Bearer <key>". */
  key?: string;
  /** A raw Authorization header, for testing malformed ones. */
  authorization?: string;
}

/** One API request, its answer checked against the document; the body is returned parsed. */
export async function callApi<Body = Record<string, unknown>>(
  pathAndQuery: string,
  options: ApiOptions = {},
): Promise<{ response: Response; body: Body }> {
  const authorization = options.authorization ?? (options.key ? `Bearer ${options.key}` : undefined);
  const response = await send(pathAndQuery, {
    method: options.method,
    // Each call from its own client unless asked, so rate limits only bite where a test wants them.
    clientAddress: options.clientAddress ?? uniqueClientAddress(),
    headers: authorization ? { Authorization: authorization } : {},
  });
  const pathname = new URL(pathAndQuery, "http://localhost").pathname;
  const body = (await checkAgainstDocument(pathname, response, { head: options.method === "HEAD" })) as Body;
  return { response, body };
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { parameter: string; detail: string }[];
}

/**
 * Follows next.url from a first page of /api/v1/stories to the last: every page a 200 whose Link
 * header names the next page first (none on the last), at most `maxPages` of them; `between` runs after
 * each page. Returns the ids listed, in order.
 */
export async function walkStoryPages(
  first: string,
  { maxPages, between }: { maxPages: number; between?: (page: number) => Promise<void> },
): Promise<number[]> {
  type StoryPage = { stories: { id: number }[]; next: { url: string } | null };
  const ids: number[] = [];
  let url: string | null = first;
  for (let page = 1; url; page++) {
    const { response, body }: { response: Response; body: StoryPage } = await callApi<StoryPage>(url);
    expect(response.status, url).toBe(200);
    ids.push(...body.stories.map((story) => story.id));
    // The next page first (none on the last), then the data package and the licence.
    const link = response.headers.get("Link") ?? "";
    if (body.next) expect(link.startsWith(`<${body.next.url}>; rel="next", `)).toBe(true);
    else expect(link).not.toContain('rel="next"');
    expect(link).toContain('rel="describedby"');
    url = body.next ? body.next.url.replace("http://localhost", "") : null;
    await between?.(page);
    expect(page).toBeLessThanOrEqual(maxPages);
  }
  return ids;
}
