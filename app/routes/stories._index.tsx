import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { ErrorSummary } from "~/components/forms";
import { StoryList } from "~/components/story-list";
import {
  ActiveFilters,
  FacetLists,
  FeedLinks,
  feedMeta,
  FilterDisclosure,
  FilterSuggestionLinks,
  NameSuggestions,
  NoMatches,
  SearchForm,
  StoryDownloads,
  WordMatchNote,
} from "~/components/story-search";
import { citeAs } from "~/domain/licence";
import { figuresForStories } from "~/domain/outcomes/links";
import { atSentenceStart, countPhrase, rankedAmongNewestNote } from "~/domain/posts/bounded-counts";
import { describeStorySearch } from "~/domain/posts/citation";
import {
  facetsToShow,
  isFiltered,
  parseStorySearch,
  type StorySearch,
  storySearchParams,
  storySearchQuery,
  typedSearch,
} from "~/domain/posts/story-search";
import { getUser } from "~/server/accounts/guards.server";
import { isFollowingCouncil, isFollowingTag } from "~/server/following/following.server";
import { publicOrigin } from "~/server/process/env.server";
import { feedLinks } from "~/server/posts/feeds.server";
import {
  betterAddress,
  countFacetsBounded,
  findUnknownFilter,
  InvalidCursor,
  listFilterChoices,
  nameFilters,
  resolveFilterNames,
  searchStories,
  suggestFilters,
} from "~/server/posts/search.server";

const PER_PAGE = 20;

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: "Stories – Fifth Option" }];
  const title =
    page.state === "invalid" || page.state === "unknown-name"
      ? `Error: ${page.heading}`
      : page.state === "unknown"
        ? `Not found: ${page.heading}`
        : `${page.heading}${page.cursor ? ", more" : ""}`;
  return [{ title: `${title} – Fifth Option` }, ...(page.state === "found" ? feedMeta(page.feeds) : [])];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // What was typed goes back into the form, whatever happens to it.
  const typed = typedSearch(url.searchParams);
  const parsed = parseStorySearch(url.searchParams);
  if (!parsed.ok) {
    return data(
      { state: "invalid" as const, heading: "Check your search", errors: parsed.errors, typed },
      { status: 400 },
    );
  }
  // A council's or tag's name (council=Havering, tag=demntia) leads to the address with its code.
  const names = await resolveFilterNames(parsed.search);
  if (!names.ok) {
    return data(
      {
        state: "unknown-name" as const,
        heading: "Check your search",
        errors: { [names.field]: names.message },
        field: names.field,
        refused: names.typed,
        suggestions: names.suggestions,
        search: parsed.search,
        typed,
      },
      { status: 400 },
    );
  }
  // Names lead to codes (302); an arrangement's tag to ?arrangement= and values to their one order (308).
  const elsewhere = betterAddress(url, names);
  if (elsewhere) throw elsewhere;
  const { search } = names;
  const unknown = await findUnknownFilter(search);
  if (unknown) {
    const choices = await listFilterChoices(unknown.field);
    return data({ state: "unknown" as const, heading: unknown.message, ...unknown, choices, typed }, { status: 404 });
  }
  const cursor = url.searchParams.get("cursor") || null;
  try {
    const user = await getUser(request);
    const [{ newRepliesFor, ...results }, facets, names, suggestions, following] = await Promise.all([
      searchStories(search, { cursor, perPage: PER_PAGE, reader: user?.id ?? null }),
      countFacetsBounded(search),
      nameFilters(search),
      suggestFilters(search),
      user ? followedFilters(user.id, search) : null,
    ]);
    const heading = describeStorySearch(search, names);
    return {
      member: following && {
        marks: Object.fromEntries(newRepliesFor.map((id) => [id, "New replies"])),
        ...following,
      },
      state: "found" as const,
      heading,
      search,
      names,
      suggestions,
      typed: typedSearch(storySearchParams(search)),
      cursor,
      ...results,
      facets: facetsToShow(search, facets.facets, names),
      countedAmongNewest: facets.countedAmongNewest,
      filtered: isFiltered(search),
      citation: citeAs(heading, `${publicOrigin()}/stories${storySearchQuery(search)}`, new Date()),
      feeds: feedLinks(publicOrigin(), search, names),
      figures: figuresForStories(
        url.searchParams,
        { council: Object.values(names.council), region: Object.values(names.region) },
        new Date(),
      ),
    };
  } catch (error) {
    if (!(error instanceof InvalidCursor)) throw error;
    return data(
      { state: "invalid" as const, heading: "Check your search", errors: { cursor: error.message }, typed },
      { status: 400 },
    );
  }
}

/**
 * For a signed-in member: whether they follow the tag or council the list is filtered by (when it
 * is filtered by one of each at most); which listed threads have replies they have not seen comes
 * with the page (searchStories). Private, and never in a cached page (members' requests carry a
 * cookie, which the page cache never serves or keeps).
 */
async function followedFilters(userId: number, chosen: StorySearch) {
  const search = followable(chosen);
  const [tag, council] = await Promise.all([
    search.tag ? isFollowingTag(userId, search.tag) : null,
    search.council ? isFollowingCouncil(userId, search.council) : null,
  ]);
  return { tag, council };
}

/** The one tag and one council a list is filtered by, if it is filtered by exactly one of them. */
function followable(search: StorySearch): { tag: string | null; council: string | null } {
  const one = (values: string[]) => (values.length === 1 ? (values[0] ?? null) : null);
  return { tag: one(search.tag), council: one(search.council) };
}

/** Follow or stop following the tag or council the list is filtered by: plain POST forms. */
function FollowFilters({
  search,
  names,
  following,
  back,
}: {
  search: { tag: string | null; council: string | null };
  names: { tag: string | null; council: string | null };
  following: { tag: boolean | null; council: boolean | null };
  back: string;
}) {
  const choices = [
    search.tag && names.tag && following.tag !== null
      ? { field: "tag", value: search.tag, name: `the tag “${names.tag}”`, on: following.tag }
      : null,
    search.council && names.council && following.council !== null
      ? { field: "council", value: search.council, name: names.council, on: following.council }
      : null,
  ].flatMap((c) => (c ? [c] : []));
  if (choices.length === 0) return null;
  return (
    <div className="thread-choices">
      {choices.map((c) => (
        <Form method="post" action="/following" key={c.field} className="inline-form">
          <input type="hidden" name="intent" value={`${c.on ? "unfollow" : "follow"}-${c.field}`} />
          <input type="hidden" name={c.field} value={c.value} />
          <input type="hidden" name="redirectTo" value={back} />
          <button type="submit" className="button button--secondary">
            {c.on ? `Following ${c.name}: stop following` : `Follow ${c.name}`}
          </button>
        </Form>
      ))}
    </div>
  );
}

export default function Stories() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{page.heading}</h1>
      {page.state === "invalid" || page.state === "unknown-name" ? <ErrorSummary errors={page.errors} /> : null}
      <SearchForm
        values={page.typed}
        errors={
          page.state === "invalid" || page.state === "unknown-name"
            ? page.errors
            : page.state === "unknown"
              ? { [page.field]: page.message }
              : {}
        }
      />
      {page.state === "unknown-name" ? (
        <NameSuggestions search={page.search} field={page.field} typed={page.refused} suggestions={page.suggestions} />
      ) : null}
      {page.state === "invalid" && page.errors.cursor ? (
        <p id="cursor">
          <Link
            to={`/stories?${new URLSearchParams(Object.entries(page.typed).flatMap(([key, values]) => values.map((value) => [key, value])))}`}
          >
            Go back to the first page of results
          </Link>
        </p>
      ) : null}
      {page.state === "unknown" ? (
        <>
          <p>
            The link may be old, or mistyped. <Link to="/stories">Show every story</Link>, or choose one of these:
          </p>
          <ul className="choice-list">
            {page.choices.map((choice) => (
              <li key={choice.value}>
                <Link to={`/stories?${page.field}=${choice.value}`}>{choice.label}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {page.state === "found" ? (
        <div className="search-layout">
          <FilterDisclosure search={page.search}>
            <FacetLists search={page.search} facets={page.facets} countedAmongNewest={page.countedAmongNewest} />
          </FilterDisclosure>
          <div className="search-layout__results">
            <ActiveFilters search={page.search} names={page.names} />
            {page.figures ? (
              <p className="figures-link">
                <Link to={page.figures.href}>{page.figures.text}</Link>
              </p>
            ) : null}
            {page.member ? (
              <FollowFilters
                search={followable(page.search)}
                names={{
                  tag: page.names.tag[followable(page.search).tag ?? ""] ?? null,
                  council: page.names.council[followable(page.search).council ?? ""] ?? null,
                }}
                following={page.member}
                back={`/stories${storySearchQuery(page.search)}`}
              />
            ) : null}
            <WordMatchNote search={page.search} match={page.match} total={page.total.count} />
            <FilterSuggestionLinks search={page.search} suggestions={page.suggestions} />
            {page.total.count === 0 ? (
              <NoMatches search={page.search} />
            ) : (
              <>
                <p>
                  {atSentenceStart(countPhrase(page.total))} published,{" "}
                  {page.search.sort === "relevance" ? "best match first" : "newest first"}.{" "}
                  {page.search.q ? (
                    <Link
                      to={`/stories${storySearchQuery({ ...page.search, sort: page.search.sort === "relevance" ? "newest" : "relevance" })}`}
                    >
                      {page.search.sort === "relevance" ? "Show newest first" : "Show best match first"}
                    </Link>
                  ) : null}
                  {!page.search.q && page.filtered ? <Link to="/stories">Show everything</Link> : null}
                </p>
                {page.rankedAmongNewest !== null && page.search.sort === "relevance" ? (
                  <p className="ranked-among-newest" role="note">
                    {rankedAmongNewestNote(page.rankedAmongNewest)}
                  </p>
                ) : null}
                <StoryList posts={page.stories} headingLevel={2} marks={page.member?.marks} />
              </>
            )}
            <nav aria-label="Pages" className="pagination">
              {page.cursor ? <Link to={`/stories${storySearchQuery(page.search)}`}>First page</Link> : null}
              {page.next ? (
                <Link to={`/stories${storySearchQuery(page.search, { cursor: page.next })}`}>
                  {page.search.sort === "newest" ? "Older stories" : "Next page"}
                </Link>
              ) : null}
            </nav>
            {page.total.count > 0 ? <StoryDownloads search={page.search} citation={page.citation} /> : null}
            <FeedLinks feeds={page.feeds} />
          </div>
        </div>
      ) : null}
    </>
  );
}
