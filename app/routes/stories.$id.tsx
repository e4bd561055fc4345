import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { KIND_LABELS } from "~/components/story-list";
import type { CommentView } from "~/server/posts.server";
import { getPublishedPost } from "~/server/posts.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.post.title} – Fifth Option` : "Story not found – Fifth Option" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const id = z.coerce.number().int().positive().max(2_147_483_647).safeParse(params.id);
  const found = id.success ? await getPublishedPost(id.data) : null;
  // Pending, rejected and removed posts are indistinguishable from ones that never existed.
  if (!found) throw new Response("Not found", { status: 404 });
  return found;
}

function Comment({ comment }: { comment: CommentView }) {
  return (
    <li>
      <p className="byline">
        {comment.byline} · <time dateTime={comment.monthIso}>{comment.month}</time>
      </p>
      {/* Stored HTML was rendered from Markdown and sanitised with an allow-list when saved. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: comment.html }} />
      {comment.replies.length > 0 ? (
        <ul className="replies" aria-label="Replies">
          {comment.replies.map((reply) => (
            <Comment key={reply.id} comment={reply} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export default function Story() {
  const { post, comments, commentCount } = useLoaderData<typeof loader>();
  return (
    <article>
      <h1>{post.title}</h1>
      <p className="byline">
        {KIND_LABELS[post.kind]} by {post.byline}
        {post.areaName ? `, about ${post.areaName}` : ""} · <time dateTime={post.monthIso}>{post.month}</time>
      </p>
      {post.tags.length > 0 ? (
        <ul className="tag-list" aria-label="Tags">
          {post.tags.map((tag) => (
            <li key={tag.slug}>{tag.label}</li>
          ))}
        </ul>
      ) : null}
      <div className="prose" dangerouslySetInnerHTML={{ __html: post.html }} />
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">{commentCount === 1 ? "1 reply" : `${commentCount} replies`}</h2>
        {comments.length === 0 ? (
          <p>No replies yet.</p>
        ) : (
          <ul className="comments">
            {comments.map((comment) => (
              <Comment key={comment.id} comment={comment} />
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
