import { Link } from "@remix-run/react";

import { PostByline } from "~/components/post-heading";
import type { PostSummary } from "~/domain/posts/post-summary";
import { replySummary } from "~/domain/posts/threads";

/** "3 replies, the latest in November 2026": published replies only, the month and nothing finer. */
function ReplyLine({ post }: { post: PostSummary }) {
  if (post.replyCount === 0 || !post.latestReplyMonth || !post.latestReplyMonthIso)
    return <p className="reply-line">{replySummary(0, null)}</p>;
  const replies = replySummary(post.replyCount, null);
  return (
    <p className="reply-line">
      {replies}, the latest in <time dateTime={post.latestReplyMonthIso}>{post.latestReplyMonth}</time>
    </p>
  );
}

/** A post as listed: with a search snippet (escaped, words in <mark>) when it was found by searching. */
type Listed = PostSummary & { snippetHtml?: string | null };

/**
 * `marks`: a signed-in member's private marks by post id ("New", "2 new replies"), shown before
 * the title so they are read first.
 */
export function StoryList({
  posts,
  headingLevel = 3,
  marks,
}: {
  posts: Listed[];
  headingLevel?: 2 | 3 | 4;
  marks?: Record<number, string>;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ul className="story-list">
      {posts.map((post) => (
        <li key={post.id}>
          <Heading>
            {marks?.[post.id] ? (
              <>
                <span className="unread-mark">{marks[post.id]}</span>{" "}
              </>
            ) : null}
            <Link to={`/stories/${post.id}`}>{post.title}</Link>
          </Heading>
          <PostByline post={post} linkCouncil={false} />
          <ReplyLine post={post} />
          {/* snippetHtml is escaped text with only our own <mark>s (app/domain/posts/snippet.ts). */}
          {post.snippetHtml ? (
            <p className="snippet" dangerouslySetInnerHTML={{ __html: post.snippetHtml }} />
          ) : (
            <p>{post.excerpt}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
