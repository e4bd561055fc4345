import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { StoryList } from "~/components/story-list";
import { getPublicProfile } from "~/server/posts/read.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.handle} – Fifth Option` : "Member not found – Fifth Option" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const profile = params.handle ? await getPublicProfile(params.handle) : null;
  if (!profile) throw new Response("Not found", { status: 404 });
  return profile;
}

// Only what the person published under their name: anonymous posts never appear here.
export default function Profile() {
  const { handle, posts, comments } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{handle}</h1>
      <h2>Posts</h2>
      {posts.length === 0 ? <p>{handle} has not published anything under this name.</p> : <StoryList posts={posts} />}
      <h2>Replies</h2>
      {comments.length === 0 ? (
        <p>No replies published under this name.</p>
      ) : (
        <ul className="story-list">
          {comments.map((comment) => (
            <li key={comment.id}>
              <p className="byline">
                On <Link to={`/stories/${comment.postId}`}>{comment.postTitle}</Link> ·{" "}
                <time dateTime={comment.monthIso}>{comment.month}</time>
              </p>
              <div className="prose" dangerouslySetInnerHTML={{ __html: comment.html }} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
