import { Link } from "@remix-run/react";

import { KIND_LABELS } from "~/domain/stories/story-search";
import type { PostSummary } from "~/server/posts.server";

export function StoryList({ posts, headingLevel = 3 }: { posts: PostSummary[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="story-list">
      {posts.map((post) => (
        <li key={post.id}>
          <Heading>
            <Link to={`/stories/${post.id}`}>{post.title}</Link>
          </Heading>
          <p className="byline">
            {KIND_LABELS[post.kind]} by {post.byline}
            {post.areaName ? `, about ${post.areaName}` : ""} · <time dateTime={post.monthIso}>{post.month}</time>
          </p>
          <p>{post.excerpt}</p>
        </li>
      ))}
    </ul>
  );
}

