import { z } from "zod";

import { pageSize, readParameters } from "~/domain/api/parameters";
import { invalidParameters, type ParameterError } from "~/domain/api/problems";
import { parseStorySearch, storySearchParams } from "~/domain/posts/story-search";
import { ApiProblem, apiEndpoint, refuseWrites } from "~/server/api/endpoint.server";
import { storyResource } from "~/server/api/resources.server";
import { findUnknownFilter, InvalidCursor, searchStories } from "~/server/posts/search.server";

const paging = z.object({ limit: pageSize });

// The stories page's own search (app/domain/posts/story-search.ts), with a page size.
export const loader = apiEndpoint("/stories", { maxAgeSeconds: 60 }, async ({ query, origin }) => {
  const parsed = parseStorySearch(query);
  const page = readParameters(query, paging);
  if (!parsed.ok || !page.ok) {
    const errors: ParameterError[] = [
      ...(parsed.ok
        ? []
        : Object.entries(parsed.errors).map(([parameter, detail]) => ({ parameter, detail: detail ?? "" }))),
      ...(page.ok ? [] : page.errors),
    ];
    throw new ApiProblem(invalidParameters(errors));
  }
  const { search } = parsed;
  const { limit } = page.values;
  const unknown = await findUnknownFilter(search);
  if (unknown)
    throw new ApiProblem({
      kind: "not-found",
      detail: unknown.message,
      errors: [{ parameter: unknown.field, detail: unknown.message }],
    });

  const cursor = query.getAll("cursor").find((value) => value.trim() !== "") ?? null;
  const found = await searchStories(search, { cursor, perPage: limit }).catch((error: unknown) => {
    if (error instanceof InvalidCursor)
      throw new ApiProblem(invalidParameters([{ parameter: "cursor", detail: error.message }]));
    throw error;
  });

  let next: { cursor: string; url: string } | null = null;
  const headers: Record<string, string> = {};
  if (found.next) {
    const params = storySearchParams(search);
    if (query.has("limit")) params.set("limit", String(limit));
    params.set("cursor", found.next);
    next = { cursor: found.next, url: `${origin}/api/v1/stories?${params}` };
    headers.Link = `<${next.url}>; rel="next"`;
  }
  return {
    body: { stories: found.stories.map((story) => storyResource(story, origin)), total: found.total, limit, next },
    headers,
  };
});

export const action = refuseWrites;
