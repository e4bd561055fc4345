import { z } from "zod";

import { pageSize, readParameters } from "~/domain/api/parameters";
import { invalidParameters, type ParameterError } from "~/domain/api/problems";
import { describedByLink } from "~/domain/datapackage";
import { LICENCE_LINE } from "~/domain/licence";
import { parseStorySearch, storySearchParams } from "~/domain/posts/story-search";
import { SUPPORT_ARRANGEMENTS } from "~/domain/taxonomy";
import { ApiProblem, apiEndpoint, refuseWrites } from "~/server/api/endpoint.server";
import { storyResource } from "~/server/api/resources.server";
import { citeStorySearch, storyDataPackageUrl } from "~/server/posts/exports.server";
import {
  findUnknownFilter,
  InvalidCursor,
  nameFilters,
  nameRefusal,
  resolveFilterNames,
  searchStories,
  suggestFilters,
} from "~/server/posts/search.server";

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
  // A council's or tag's name is looked up and used, without a redirect; `filters` says what was
  // used. A support arrangement's tag (tag=dp-employer) is read as arrangement=dp_employer.
  const names = await resolveFilterNames(parsed.search);
  if (!names.ok) {
    throw new ApiProblem(invalidParameters([{ parameter: names.field, detail: nameRefusal(names) }]));
  }
  const { search } = names;
  const { limit } = page.values;
  const unknown = await findUnknownFilter(search);
  if (unknown)
    throw new ApiProblem({
      kind: "not-found",
      detail: unknown.message,
      errors: [{ parameter: unknown.field, detail: unknown.message }],
    });

  const cursor = query.getAll("cursor").find((value) => value.trim() !== "") ?? null;
  const [found, filterNames, suggestions] = await Promise.all([
    searchStories(search, { cursor, perPage: limit }).catch((error: unknown) => {
      if (error instanceof InvalidCursor)
        throw new ApiProblem(invalidParameters([{ parameter: "cursor", detail: error.message }]));
      throw error;
    }),
    nameFilters(search),
    suggestFilters(search),
  ]);
  const given = (field: "tag" | "council", value: string) =>
    names.resolved.find((name) => name.field === field && name.value === value)?.typed ?? null;

  let next: { cursor: string; url: string } | null = null;
  const headers: Record<string, string> = {};
  if (found.next) {
    const params = storySearchParams(search);
    if (query.has("limit")) params.set("limit", String(limit));
    params.set("cursor", found.next);
    next = { cursor: found.next, url: `${origin}/api/v1/stories?${params}` };
    headers.Link = `<${next.url}>; rel="next"`;
  }
  headers.Link = [headers.Link, describedByLink(storyDataPackageUrl(search))].filter(Boolean).join(", ");
  return {
    body: {
      licence: LICENCE_LINE,
      citation: citeStorySearch(search, filterNames, new Date()),
      datapackage: storyDataPackageUrl(search),
      stories: found.stories.map((story) => storyResource(story, origin)),
      // Exact up to the bound; above it `total` is the bound and `totalIsLowerBound` says "more than".
      total: found.total.count,
      totalIsLowerBound: found.total.moreThan,
      rankedAmongNewest: found.rankedAmongNewest,
      limit,
      next,
      match: {
        mode: found.match.mode,
        words: found.match.words,
        allWords: found.match.allWords,
        allWordsIsLowerBound: found.match.allWordsMoreThan === true,
      },
      filters: {
        council: search.council.map((code) => ({
          code,
          name: filterNames.council[code] ?? code,
          given: given("council", code),
        })),
        tag: search.tag.map((slug) => ({ slug, label: filterNames.tag[slug] ?? slug, given: given("tag", slug) })),
        arrangement: search.arrangement.map((key) => ({ key, label: SUPPORT_ARRANGEMENTS[key].label })),
      },
      suggestions: {
        tags: suggestions.tags.map((choice) => ({ slug: choice.value, label: choice.label })),
        councils: suggestions.councils.map((choice) => ({ code: choice.value, name: choice.label })),
      },
    },
    headers,
  };
});

export const action = refuseWrites;
