import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { StoryList } from "~/components/story-list";
import { listPublishedPosts } from "~/server/posts.server";

export const meta: MetaFunction = () => [{ title: "Fifth Option: stories about social care, told safely" }];

export async function loader() {
  const { posts, total } = await listPublishedPosts({ perPage: 10 });
  return { posts, total };
}

export default function Home() {
  const { posts, total } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Tell the truth about social care, safely</h1>
      <p className="lead">
        Carers, disabled people and the people who plan support share what really happened with personal budgets,
        direct payments and support plans, so the next person can find their fifth option.
      </p>
      <p>Every story is anonymous by default. Nothing here tells your council who you are.</p>
      <h2>Latest stories</h2>
      {posts.length === 0 ? (
        <p>No stories have been published yet.</p>
      ) : (
        <>
          <StoryList posts={posts} />
          <p>
            <Link to="/stories">Read all {total} stories</Link>
          </p>
        </>
      )}
    </>
  );
}
