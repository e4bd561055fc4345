// Atom and RSS feeds of the newest published stories: everything, or some tags, councils or
// support arrangements (any of each filter's values, all the filters together).
import { Feed } from "feed";

import { coarseDateTime } from "~/domain/anonymity/byline";
import {
  eitherList,
  type FeedLink,
  type FilterNames,
  isFiltered,
  NO_SEARCH,
  parseStorySearch,
  type StorySearch,
  storySearchQuery,
  valueLabel,
} from "~/domain/posts/story-search";

import { publicOrigin } from "../process/env.server";
import { listPublishedBodies } from "./read.server";
import {
  betterAddress,
  findUnknownFilter,
  nameFilters,
  nameRefusal,
  resolveFilterNames,
  searchStories,
} from "./search.server";

export type FeedFormat = "atom" | "rss";

const FORMATS = {
  atom: { name: "Atom", type: "application/atom+xml", path: "/feeds/stories.atom" },
  rss: { name: "RSS", type: "application/rss+xml", path: "/feeds/stories.rss" },
} as const;

const FEED_LENGTH = 20;

/** What a feed can follow: tags, councils and support arrangements. */
export type FeedScope = Pick<StorySearch, "tag" | "council" | "arrangement">;

/** "New stories tagged “Respite and short breaks” or “Dementia” about Hartlepool". */
function feedTitle(scope: FeedScope, names: FilterNames): string {
  const any = (field: keyof FeedScope) => eitherList(scope[field].map((value) => valueLabel(field, value, names)));
  return [
    "New stories",
    scope.tag.length ? `tagged ${eitherList(scope.tag.map((slug) => `“${valueLabel("tag", slug, names)}”`))}` : null,
    scope.arrangement.length ? `with ${any("arrangement")}` : null,
    scope.council.length ? `about ${any("council")}` : null,
  ]
    .filter(Boolean)
    .join(" ");
}

function feedQuery(scope: FeedScope): string {
  return storySearchQuery({ ...NO_SEARCH, tag: scope.tag, council: scope.council, arrangement: scope.arrangement });
}

function feedUrl(origin: string, scope: FeedScope, format: FeedFormat): string {
  return `${origin}${FORMATS[format].path}${feedQuery(scope)}`;
}

/** The feeds that follow a page's tags, councils and arrangements (other filters have no feed of their own). */
export function feedLinks(origin: string, scope: FeedScope, names: FilterNames): FeedLink[] {
  const label = feedTitle(scope, names);
  return (["atom", "rss"] as const).map((format) => ({
    label,
    format: FORMATS[format].name,
    type: FORMATS[format].type,
    href: feedUrl(origin, scope, format),
    title: `${label} – Fifth Option (${FORMATS[format].name})`,
  }));
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ESCAPES[character] ?? character);
}

/** The first day of a story's month: public output never says when in the month, or the hour. */
function firstOfMonth(monthIso: string): Date {
  return new Date(`${monthIso}-01T00:00:00Z`);
}

/** The newest published stories in a scope, as an Atom or RSS document. */
export async function buildStoryFeed(
  origin: string,
  scope: FeedScope,
  names: FilterNames,
  format: FeedFormat,
): Promise<string> {
  const { stories } = await searchStories(
    { ...NO_SEARCH, tag: scope.tag, council: scope.council, arrangement: scope.arrangement },
    { perPage: FEED_LENGTH },
  );
  const bodies = await listPublishedBodies(stories.map((story) => story.id));
  const page = `${origin}/stories${feedQuery(scope)}`;
  const feed = new Feed({
    id: page,
    link: page,
    title: `${feedTitle(scope, names)} – Fifth Option`,
    description: "Carers, disabled people and support planners on what really happened with social care.",
    language: "en-GB",
    copyright: "Stories published under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
    updated: firstOfMonth(stories[0]?.monthIso ?? coarseDateTime(new Date())),
    generator: false,
    feedLinks: { atom: feedUrl(origin, scope, "atom"), rss: feedUrl(origin, scope, "rss") },
  });
  for (const story of stories) {
    const link = `${origin}/stories/${story.id}`;
    feed.addItem({
      // Atom marks titles as HTML and readers often treat RSS titles so: a title is text, so escape it.
      title: escapeHtml(story.title),
      id: link,
      link,
      date: firstOfMonth(story.monthIso),
      published: firstOfMonth(story.monthIso),
      // The excerpt is plain text; readers treat the summary as HTML, so it is escaped here.
      description: `<p>${escapeHtml(story.excerpt)}</p>`,
      // Stored HTML was sanitised with an allow-list when the story was saved (app/domain/markdown).
      content: bodies.get(story.id) ?? undefined,
      author: [{ name: story.byline }],
      category: story.tags.map((tag) => ({ name: tag.label, term: tag.slug })),
    });
  }
  return format === "atom" ? feed.atom1() : feed.rss2();
}

function plainText(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** A feed request answered: the feed, or a plain 400/404 saying what was wrong with the address. */
export async function feedResponse(request: Request, format: FeedFormat): Promise<Response> {
  const url = new URL(request.url);
  const parsed = parseStorySearch(url.searchParams);
  if (!parsed.ok) return plainText(400, Object.values(parsed.errors).join("\n"));
  if (isFiltered({ ...parsed.search, tag: [], council: [], arrangement: [] })) {
    return plainText(
      400,
      "A feed follows every story, or some tags (?tag=respite&tag=dementia), councils (?council=E06000001) or support arrangements (?arrangement=dp_employer); other filters have no feed.",
    );
  }
  // A council's or tag's name leads to the feed's address with its code or slug; an arrangement's
  // tag to ?arrangement=, and values to their one order.
  const resolution = await resolveFilterNames(parsed.search);
  if (!resolution.ok) return plainText(400, nameRefusal(resolution));
  const elsewhere = betterAddress(url, resolution);
  if (elsewhere) return elsewhere;
  const unknown = await findUnknownFilter(parsed.search);
  if (unknown) return plainText(404, `${unknown.message} The tags and councils there are: ${publicOrigin()}/stories`);
  const names = await nameFilters(parsed.search);
  return new Response(await buildStoryFeed(publicOrigin(), parsed.search, names, format), {
    headers: { "Content-Type": `${FORMATS[format].type}; charset=utf-8`, "Cache-Control": "public, max-age=300" },
  });
}
