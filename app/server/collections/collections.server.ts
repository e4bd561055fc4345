// Collections in the database: curators' changes, authors' answers, and what a collection shows
// (rules: app/domain/collections/collections.ts; docs/collections.md).
import { can } from "~/domain/accounts/permissions";
import { coarseDate, coarseDateTime } from "~/domain/anonymity/byline";
import {
  citeCollection,
  COLLECTION_LICENCE,
  COLLECTION_MAX_STORIES,
  type CollectionInput,
  type CollectionStory,
  type CollectionView,
  type Consent,
  type ConsentRequest,
  consentRequestMessage,
  type CuratorItem,
  curatorConsent,
  moveInOrder,
  slugFor,
  slugSchema,
  uniqueSlug,
} from "~/domain/collections/collections";
import { Refusal } from "~/domain/forms";
import { htmlToText, renderMarkdown } from "~/domain/markdown/render";

import { getUser } from "../accounts/guards.server";
import { isUniqueViolation, prisma, query, transaction } from "../db/client.server";
import { notify } from "../notifications/notifications.server";
import { listPublishedSummaries } from "../posts/read.server";
import { publicOrigin } from "../process/env.server";

const NOT_FOUND = () => new Refusal("There is no collection at that address.", 404);

/** Published collections, newest first; curators see drafts too. */
export async function listCollections(includeDrafts: boolean) {
  const rows = await prisma().collection.findMany({
    where: includeDrafts ? {} : { status: "published" },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "first" } }, { title: "asc" }],
    select: { slug: true, title: true, status: true, publishedAt: true, introHtml: true },
  });
  return rows.map(({ publishedAt, introHtml, ...row }) => ({
    ...row,
    month: publishedAt ? coarseDate(publishedAt) : null,
    monthIso: publishedAt ? coarseDateTime(publishedAt) : null,
    introText: htmlToText(introHtml).split("\n")[0] ?? "",
  }));
}

/** For the "Add to a collection" form: every collection a curator can add to. */
export async function listCollectionChoices() {
  return prisma().collection.findMany({ orderBy: { title: "asc" }, select: { slug: true, title: true } });
}

async function findCollection(slug: string) {
  return prisma().collection.findUnique({ where: { slug } });
}

export async function requireCollection(slug: string) {
  const found = await findCollection(slug);
  if (!found) throw NOT_FOUND();
  return found;
}

export async function createCollection(input: CollectionInput, curatorId: number): Promise<string> {
  const rendered = renderMarkdown(input.intro);
  const base = slugFor(input.title);
  // Two curators choosing the same title at once: the second takes the next number.
  for (let attempt = 0; attempt < 5; attempt++) {
    const taken = await prisma().collection.findMany({
      where: { slug: { startsWith: base } },
      select: { slug: true },
    });
    const slug = uniqueSlug(base, new Set(taken.map((row) => row.slug)));
    try {
      await prisma().collection.create({
        data: {
          slug,
          title: input.title,
          introMarkdown: input.intro,
          introHtml: rendered.html,
          createdById: curatorId,
        },
      });
      return slug;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Refusal("Another collection was just given that title. Please try again.", 409);
}

/** A curator's change: bumps the edition, so the booklet and its citation name the new one. */
async function bump(collectionId: number) {
  await prisma().collection.update({ where: { id: collectionId }, data: { version: { increment: 1 } } });
}

export async function updateCollectionText(slug: string, input: CollectionInput, expectedVersion: number) {
  const collection = await requireCollection(slug);
  const rendered = renderMarkdown(input.intro);
  // Conditional on the edition the curator saw, so two curators' edits never silently overwrite.
  const updated = await prisma().collection.updateMany({
    where: { id: collection.id, version: expectedVersion },
    data: { title: input.title, introMarkdown: input.intro, introHtml: rendered.html, version: { increment: 1 } },
  });
  if (updated.count === 0) {
    throw new Refusal(
      "Someone changed this collection while you were editing it. Your text is below: check the page and save again.",
      409,
    );
  }
}

export async function setCollectionPublished(slug: string, published: boolean) {
  const collection = await requireCollection(slug);
  await prisma().collection.update({
    where: { id: collection.id },
    data: {
      status: published ? "published" : "draft",
      // The month it first went out stays its month.
      publishedAt: published ? (collection.publishedAt ?? new Date()) : collection.publishedAt,
      version: { increment: 1 },
    },
  });
}

/**
 * Adds a published story and asks its author, in their notifications, whether it may be included.
 * The question names the story and the collection; the curator is never told who was asked.
 */
export async function addStory(slug: string, postId: number) {
  const collection = await requireCollection(slug);
  const post = await prisma().post.findFirst({
    where: { id: postId, status: "published" },
    select: { id: true, title: true, authorId: true },
  });
  if (!post) throw new Refusal("There is no published story with that number.", 404, "story");
  const count = await prisma().collectionItem.count({ where: { collectionId: collection.id } });
  if (count >= COLLECTION_MAX_STORIES) {
    throw new Refusal(`A collection holds at most ${COLLECTION_MAX_STORIES} stories.`, 409, "story");
  }
  try {
    await prisma().collectionItem.create({
      data: { collectionId: collection.id, postId: post.id, position: count },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Refusal("That story is already in this collection.", 409, "story");
    throw error;
  }
  await bump(collection.id);
  await notify(
    [post.authorId],
    "collection.consent",
    consentRequestMessage(post.title, collection.title),
    `/collections/consent#consent-${collection.id}-${post.id}`,
  );
}

export async function removeStory(slug: string, postId: number) {
  const collection = await requireCollection(slug);
  await prisma().collectionItem.deleteMany({ where: { collectionId: collection.id, postId } });
  await bump(collection.id);
}

export async function moveStory(slug: string, postId: number, direction: "up" | "down") {
  const collection = await requireCollection(slug);
  await transaction(async (tx) => {
    const items = await tx.collectionItem.findMany({
      where: { collectionId: collection.id },
      orderBy: [{ position: "asc" }, { postId: "asc" }],
      select: { postId: true },
    });
    const order = moveInOrder(
      items.map((item) => item.postId),
      postId,
      direction,
    );
    for (const [position, id] of order.entries()) {
      await tx.collectionItem.update({
        where: { collectionId_postId: { collectionId: collection.id, postId: id } },
        data: { position },
      });
    }
  });
  await bump(collection.id);
}

/** The stories on a curator's edit page: title and the author's answer, never who the author is. */
export async function curatorItems(collectionId: number): Promise<CuratorItem[]> {
  const rows = await query<{ postId: number; title: string; consent: Consent; authorPresent: boolean; status: string }>(
    `SELECT ci.post_id AS "postId", p.title, ci.consent, p.author_id IS NOT NULL AS "authorPresent", p.status::text AS status
     FROM collection_item ci JOIN post p ON p.id = ci.post_id
     WHERE ci.collection_id = $1 ORDER BY ci.position, ci.post_id`,
    [collectionId],
  );
  return rows.map((row) => ({
    postId: row.postId,
    title: row.title,
    consent: curatorConsent(row),
    published: row.status === "published",
  }));
}

/** The ids of the stories a collection shows, in order (the rule: isShown in the domain). */
async function shownStoryIds(collectionId: number): Promise<number[]> {
  const rows = await query<{ postId: number }>(
    `SELECT ci.post_id AS "postId"
     FROM collection_item ci JOIN post p ON p.id = ci.post_id
     WHERE ci.collection_id = $1 AND ci.consent = 'agreed' AND p.status = 'published' AND p.author_id IS NOT NULL
     ORDER BY ci.position, ci.post_id`,
    [collectionId],
  );
  return rows.map((row) => row.postId);
}

/**
 * A collection as the page, the feed and the booklet show it: only stories whose authors agreed,
 * each with the byline and month of its own page. Drafts only when the reader may curate.
 */
export async function getCollectionView(slug: string, mayCurate: boolean): Promise<CollectionView | null> {
  const collection = await findCollection(slug);
  if (!collection || (collection.status !== "published" && !mayCurate)) return null;
  const ids = await shownStoryIds(collection.id);
  const [summaries, bodies] = await Promise.all([
    listPublishedSummaries(ids),
    prisma().post.findMany({ where: { id: { in: ids } }, select: { id: true, bodyHtml: true, bodyText: true } }),
  ]);
  const bodyOf = new Map(bodies.map((body) => [body.id, body]));
  const stories: CollectionStory[] = summaries.map((summary) => ({
    id: summary.id,
    title: summary.title,
    byline: summary.byline,
    month: summary.month,
    monthIso: summary.monthIso,
    html: bodyOf.get(summary.id)?.bodyHtml ?? "",
    text: bodyOf.get(summary.id)?.bodyText ?? "",
  }));
  const date = collection.publishedAt ?? collection.createdAt;
  const url = `${publicOrigin()}/collections/${collection.slug}`;
  const month = coarseDate(date);
  return {
    slug: collection.slug,
    title: collection.title,
    introHtml: collection.introHtml,
    introText: htmlToText(collection.introHtml),
    status: collection.status,
    version: collection.version,
    month,
    monthIso: coarseDateTime(date),
    url,
    citation: citeCollection({ title: collection.title, version: collection.version, month, url }),
    licence: COLLECTION_LICENCE,
    stories,
  };
}

/** The questions put to a member about their own stories: all of them, or one story's. */
export async function consentRequests(userId: number, postId?: number): Promise<ConsentRequest[]> {
  return query<ConsentRequest>(
    `SELECT c.id AS "collectionId", c.title AS "collectionTitle", c.slug AS "collectionSlug",
            c.status = 'published' AS "collectionPublished", p.id AS "postId", p.title AS "postTitle", ci.consent
     FROM collection_item ci JOIN post p ON p.id = ci.post_id JOIN collection c ON c.id = ci.collection_id
     WHERE p.author_id = $1 AND ($2::int IS NULL OR p.id = $2)
     ORDER BY c.title, p.title`,
    [userId, postId ?? null],
  );
}

/** The author agrees, declines or withdraws; only the story's author can (checked in the query). */
export async function answerConsent(userId: number, collectionId: number, postId: number, answer: Consent) {
  const rows = await query<{ postId: number }>(
    `UPDATE collection_item ci SET consent = $4::collection_consent
     FROM post p WHERE p.id = ci.post_id AND p.author_id = $1 AND ci.collection_id = $2 AND ci.post_id = $3
     RETURNING ci.post_id AS "postId"`,
    [userId, collectionId, postId, answer],
  );
  if (rows.length === 0) throw new Refusal("There is no such question about a story of yours.", 404);
}

/** The collection at an address, as this request's reader may see it, or a 404 (drafts: curators only). */
export async function readableCollection(request: Request, rawSlug: string | undefined) {
  const slug = slugSchema.safeParse(rawSlug);
  const user = await getUser(request);
  const mayCurate = can(user, "collection:curate");
  const collection = slug.success ? await getCollectionView(slug.data, mayCurate) : null;
  if (!collection) throw new Response("Not found", { status: 404 });
  return { collection, mayCurate };
}

/** Who wrote a published or unpublished story, for the permission check on answering for it. */
export async function storyAuthor(postId: number): Promise<{ authorId: number | null } | null> {
  return prisma().post.findUnique({ where: { id: postId }, select: { authorId: true } });
}
