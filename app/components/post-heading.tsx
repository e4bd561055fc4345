// A post's byline, place, date and tags, exactly as readers see them. The published page, story
// lists and the preview before publishing all render this, so the preview is the published page.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

import { aboutPlace, type PublicPlace } from "~/domain/anonymity/byline";
import { KIND_LABELS, storiesWithTagHref } from "~/domain/posts/story-search";

export interface PostHeadingView {
  kind: keyof typeof KIND_LABELS;
  byline: string;
  displayMode: "handle" | "anonymous";
  place: PublicPlace;
  month: string;
  monthIso: string;
  tags: { slug: string; label: string }[];
}

/**
 * "Story by a carer in the North West, about Blackpool · March 2026". With a region-only or
 * nation-only byline the council is left out; a named post, whose byline is the handle alone,
 * says which region or nation instead ("about a council in the North West").
 */
export function PostByline({
  post,
  linkCouncil = true,
}: {
  post: Omit<PostHeadingView, "tags">;
  linkCouncil?: boolean;
}) {
  const about = aboutPlace(post.place, post.displayMode);
  return (
    <p className="byline">
      {KIND_LABELS[post.kind]} by {post.byline}
      {about && "council" in about ? (
        <>
          , about{" "}
          {linkCouncil ? (
            <Link to={`/stories?council=${about.council.code}`}>{about.council.name}</Link>
          ) : (
            about.council.name
          )}
        </>
      ) : about ? (
        `, about ${about.text}`
      ) : null}{" "}
      · <time dateTime={post.monthIso}>{post.month}</time>
    </p>
  );
}

export function PostTags({ tags }: { tags: PostHeadingView["tags"] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag.slug}>
          <Link to={storiesWithTagHref(tag.slug)}>{tag.label}</Link>
        </li>
      ))}
    </ul>
  );
}

/** Title, byline and tags: the top of a post's page and of its preview. */
export function PostHeading({
  post,
  title,
  headingLevel = 1,
  children,
}: {
  post: PostHeadingView;
  title: string;
  headingLevel?: 1 | 3;
  children?: ReactNode;
}) {
  const Heading = headingLevel === 1 ? "h1" : "h3";
  return (
    <>
      <Heading>{title}</Heading>
      <PostByline post={post} />
      {children}
      <PostTags tags={post.tags} />
    </>
  );
}
