import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { StoryList } from "~/components/story-list";
import { listPublishedPosts } from "~/server/posts.server";

const PER_PAGE = 20;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data && data.page > 1 ? `Stories, page ${data.page} – Fifth Option` : "Stories – Fifth Option" },
];

const querySchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export async function loader({ request }: LoaderFunctionArgs) {
  const { page } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { posts, total } = await listPublishedPosts({ page, perPage: PER_PAGE });
  return { posts, total, page, pages: Math.max(1, Math.ceil(total / PER_PAGE)) };
}

export default function Stories() {
  const { posts, total, page, pages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Stories</h1>
      <p>
        {total} published stories, practice notes and questions, newest first.
        {pages > 1 ? ` Page ${page} of ${pages}.` : ""}
      </p>
      {posts.length === 0 ? <p>There is nothing on this page.</p> : <StoryList posts={posts} headingLevel={2} />}
      <nav aria-label="Pages" className="pagination">
        {page > 1 ? <Link to={`?page=${page - 1}`}>Newer stories</Link> : null}
        {page < pages ? <Link to={`?page=${page + 1}`}>Older stories</Link> : null}
      </nav>
    </>
  );
}
