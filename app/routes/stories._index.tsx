import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { StoryList } from "~/components/story-list";
import { describeFilters, listPublishedPosts } from "~/server/posts.server";

const PER_PAGE = 20;

const KIND_TITLES = { story: "Stories", practice_note: "Practice notes", question: "Questions" } as const;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.heading}${data.before ? ", older" : ""} – Fifth Option` : "Stories – Fifth Option" }];

const querySchema = z.object({
  kind: z.enum(["story", "practice_note", "question"]).optional().catch(undefined),
  council: z.string().regex(/^[ENSW]\d{8}$/).optional().catch(undefined),
  region: z.string().regex(/^[ENSW]\d{8}$/).optional().catch(undefined),
  tag: z.string().regex(/^[a-z0-9-]{1,60}$/).optional().catch(undefined),
  before: z.string().max(100).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { before, ...filters } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [{ posts, total, next }, names] = await Promise.all([
    listPublishedPosts({ filters, before, perPage: PER_PAGE }),
    describeFilters(filters),
  ]);
  const parts = [
    names.tag ? `tagged “${names.tag}”` : null,
    names.council ? `about ${names.council}` : null,
    names.region ? `in ${names.region}` : null,
  ].filter(Boolean);
  const heading = `${filters.kind ? KIND_TITLES[filters.kind] : "Stories"}${parts.length ? ` ${parts.join(", ")}` : ""}`;
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
  return { posts, total, next, before: before ?? null, heading, query: query.toString(), filtered: query.size > 0 };
}

export default function Stories() {
  const { posts, total, next, before, heading, query, filtered } = useLoaderData<typeof loader>();
  const withQuery = (extra: Record<string, string>) => {
    const params = new URLSearchParams(query);
    for (const [key, value] of Object.entries(extra)) params.set(key, value);
    const text = params.toString();
    return text ? `?${text}` : "?";
  };
  return (
    <>
      <h1>{heading}</h1>
      <p>
        {total} published, newest first.{" "}
        {filtered ? <Link to="/stories">Show everything</Link> : null}
      </p>
      <nav aria-label="Kinds of post" className="pagination">
        <Link to="/stories?kind=story">Stories</Link>
        <Link to="/stories?kind=practice_note">Practice notes</Link>
        <Link to="/stories?kind=question">Questions</Link>
      </nav>
      {posts.length === 0 ? <p>There is nothing here yet.</p> : <StoryList posts={posts} headingLevel={2} />}
      <nav aria-label="Pages" className="pagination">
        {before ? <Link to={query ? `?${query}` : "/stories"}>Newest</Link> : null}
        {next ? <Link to={withQuery({ before: next })}>Older</Link> : null}
      </nav>
    </>
  );
}
