import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { StoryList } from "~/components/story-list";
import { FeedLinks, feedMeta } from "~/components/story-search";
import { NO_SEARCH } from "~/domain/posts/story-search";
import { publicOrigin } from "~/server/process/env.server";
import { feedLinks } from "~/server/posts/feeds.server";
import { searchStories } from "~/server/posts/search.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: "Fifth Option: stories about social care, told safely" },
  ...feedMeta(data?.feeds ?? []),
];

const EVERYTHING = { tag: null, council: null, region: null };

export async function loader() {
  const { stories: posts, total } = await searchStories(NO_SEARCH, { perPage: 10 });
  return { posts, total, feeds: feedLinks(publicOrigin(), EVERYTHING, EVERYTHING) };
}

export default function Home() {
  const { posts, total, feeds } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Tell the truth about social care, safely</h1>
      <p className="lead">
        Carers, disabled people and the people who plan support share what really happened with personal budgets, direct
        payments and support plans, so the next person can find their fifth option.
      </p>
      <p>Every story is anonymous by default. Nothing here tells your council who you are.</p>
      <aside className="help-block" aria-labelledby="help-now-heading">
        <h2 id="help-now-heading">Need help now?</h2>
        <p>
          If someone is in danger, call <a href="tel:999">999</a>. If you are struggling, Samaritans answer any time on{" "}
          <a href="tel:116123">116&nbsp;123</a>. If caring has broken down,{" "}
          <Link to="/help">see who to call today</Link>: carers&apos;, dementia, older people&apos;s and domestic abuse
          helplines, and what the council has to do.
        </p>
      </aside>
      <h2>Latest stories</h2>
      {posts.length === 0 ? (
        <p>No stories have been published yet.</p>
      ) : (
        <>
          <StoryList posts={posts} />
          <p>
            <Link to="/stories">Read and search all {total.toLocaleString("en-GB")} stories</Link>
          </p>
          <FeedLinks feeds={feeds} />
        </>
      )}
    </>
  );
}
