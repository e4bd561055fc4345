// Published stories written straight into this test file's database, with what search and its
// facets look at: kind, council, author's perspective, tags, attached experience reports, month.
import { NO_SEARCH, type StorySearch } from "~/domain/posts/story-search";

import { sql } from "./sql";

export interface StoryFixture {
  title: string;
  body?: string;
  kind?: "story" | "practice_note" | "question";
  council?: string | null;
  perspective?: string;
  publishedAt?: string;
  status?: "published" | "pending" | "removed" | "rejected";
  tags?: string[];
  arrangements?: string[];
  displayMode?: "handle" | "anonymous";
  bodyHtml?: string;
}

export async function addStory(story: StoryFixture): Promise<number> {
  const body = story.body ?? `${story.title}. What happened next surprised everyone.`;
  const status = story.status ?? "published";
  const [row] = await sql<{ id: number }>(
    `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at, area_code, display_mode)
     VALUES ($1, $2, $3, $4, $3, $5, $6, $7, $8, $9) RETURNING id`,
    [
      story.kind ?? "story",
      story.title,
      body,
      story.bodyHtml ?? `<p>${body.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")}</p>`,
      story.perspective ?? "carer",
      status,
      status === "pending" ? null : (story.publishedAt ?? "2026-06-15T10:30:00Z"),
      story.council === undefined ? "E06000001" : story.council,
      story.displayMode ?? "anonymous",
    ],
  );
  const id = row?.id ?? 0;
  if (story.tags?.length) {
    await sql(`INSERT INTO post_tag (post_id, tag_id) SELECT $1, id FROM tag WHERE slug = ANY($2::text[])`, [
      id,
      story.tags,
    ]);
  }
  for (const arrangement of story.arrangements ?? []) {
    await sql(
      `INSERT INTO experience_report (post_id, area_code, quarter_start, perspective, support_arrangement, client_group, plan_lead, budget_change)
       VALUES ($1, 'E06000001', '2026-04-01', 'carer', $2, 'autism', 'self_led', 'same')`,
      [id, arrangement],
    );
  }
  return id;
}

/** Post 1 (published) and post 2 (pending), for sweeps whose addresses name a post that must exist. */
export async function addPostsOneAndTwo(): Promise<void> {
  await sql(
    `INSERT INTO post (id, kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at)
     VALUES (1, 'story', 'A story', 'Body', '<p>Body</p>', 'Body', 'carer', 'published', now()),
            (2, 'story', 'Pending', 'Body', '<p>Body</p>', 'Body', 'carer', 'pending', null)`,
  );
}

/** A story search with only these filters: by relevance when there are words, otherwise newest first. */
export const storySearch = (extra: Partial<StorySearch>): StorySearch => ({
  ...NO_SEARCH,
  sort: extra.q ? "relevance" : "newest",
  ...extra,
});

/** One checkbox of the /stories facets form, as the server drew it. */
export interface FacetChoice {
  name: string;
  value: string;
  label: string;
  count: number;
  checked: boolean;
}

/** Every facet checkbox on a /stories page, in page order: "Dementia (3)", ticked or not. */
export function facetChoices(html: string): FacetChoice[] {
  const form = /<form[^>]*class="facets"[^>]*>(.*?)<\/form>/s.exec(html)?.[1] ?? "";
  return [
    ...form.matchAll(
      /<input class="checkbox__input"[^>]*name="([a-z]+)" type="checkbox"([^>]*) value="([^"]+)"[^>]*\/><label[^>]*>(.*?) \((\d+)\)<\/label>/g,
    ),
  ].map(([, name = "", ticked = "", value = "", label = "", count = "0"]) => ({
    name,
    value,
    label,
    count: Number(count),
    checked: ticked.includes("checked"),
  }));
}

/** Story ids in the order a results page lists them. */
export const listedStoryIds = (html: string) =>
  [...html.matchAll(/<h2><a [^>]*href="\/stories\/(\d+)"/g)].map((m) => Number(m[1]));

/** The href of the link whose text starts with the given words. */
export function linkTo(html: string, text: string): string {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const href = new RegExp(`<a [^>]*href="([^"]+)"[^>]*>${escaped}`).exec(html)?.[1];
  if (!href) throw new Error(`no link “${text}”`);
  return href.replaceAll("&amp;", "&");
}
