// What the public API says about a story: the fields its OpenAPI schema lists and nothing else.
// No handle and no author id, even for posts shown under a name on the site, and the month only,
// never the time (docs/architecture.md, "Anonymity rules").
import type { PostSummary } from "~/domain/posts/post-summary";

export function storyResource(story: PostSummary, origin: string) {
  return {
    id: story.id,
    kind: story.kind,
    title: story.title,
    excerpt: story.excerpt,
    url: `${origin}/stories/${story.id}`,
    tags: story.tags.map(({ slug, label }) => ({ slug, label })),
    council: story.areaCode && story.areaName ? { code: story.areaCode, name: story.areaName } : null,
    region: story.regionCode && story.regionName ? { code: story.regionCode, name: story.regionName } : null,
    perspective: story.perspective,
    month: story.monthIso,
    replyCount: story.replyCount,
    latestReplyMonth: story.latestReplyMonthIso,
  };
}

export function storyWithBodyResource(story: PostSummary & { bodyText: string; bodyHtml: string }, origin: string) {
  return { ...storyResource(story, origin), bodyText: story.bodyText, bodyHtml: story.bodyHtml };
}
