// Collections in the database: curators' changes, authors' answers, and what a collection shows
// (rules: app/domain/collections/collections.ts; docs/collections.md).
import { can } from "~/domain/accounts/permissions";
import { coarseDate, coarseDateTime } from "~/domain/anonymity/byline";
import {
  citeCollection,
  COLLECTION_FIELDS,
  COLLECTION_LICENCE,
  COLLECTION_MAX_STORIES,
  COLLECTION_TITLE_MAX,
  type CollectionInput,
  type CollectionStory,
  type CollectionView,
  type Consent,
  consentAnswerMessage,
  consentChange,
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
import { recordAction } from "../moderation/audit.server";
import { notify, notifyModerators } from "../notifications/notifications.server";
import { listPublishedSummaries } from "../posts/read.server";
import { screenText } from "../posts/write.server";
import { publicOrigin } from "../process/env.server";

const NOT_FOUND = () => new Refusal("There is no collection at that address.", 404);

/** Published collections, newest first; curators see drafts and held ones too. */
export async function listCollections(includeDrafts: boolean) {
  const rows = await prisma().collection.findMany({
    where: includeDrafts ? {} : { status: "published", held: false },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "first" } }, { title: "asc" }],
    select: { slug: true, title: true, status: true, held: true, publishedAt: true, introHtml: true },
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

/**
 * The title and introduction through the admins' watched words, by the very function every post's
 * text goes through (screenText): a blocking word refuses the text (400 on its field, what was
 * typed kept), replacements are made, a holding word holds the collection for a moderator and a
 * flagging word tells the moderators.
 */
async function screenCollectionText(input: CollectionInput) {
  const screened = await screenText([input.title, input.intro], COLLECTION_FIELDS);
  const [title = input.title, intro = input.intro] = screened.texts;
  return { input: { title: title.slice(0, COLLECTION_TITLE_MAX), intro }, ...screened };
}

/** Moderators hear of a held or flagged collection text, by the collection's title and address. */
async function tellModerators(
  screened: { hold: boolean; flagged: string[] },
  collection: { slug: string; title: string },
  curatorId: number,
) {
  const link = `/collections/${collection.slug}/edit#held-heading`;
  if (screened.hold) {
    await notifyModerators(
      "collection.held",
      `The collection “${collection.title}” is held for review: its title or introduction has a watched word. Only curators can see it until a moderator releases it.`,
      link,
      curatorId,
    );
  } else if (screened.flagged.length) {
    await notifyModerators(
      "collection.flagged",
      `The collection “${collection.title}” has a watched word in its title or introduction (${screened.flagged.join(", ")}).`,
      `/collections/${collection.slug}/edit`,
      curatorId,
    );
  }
}

/** Starts a draft collection; `held` when a watched word holds it for a moderator. */
export async function createCollection(
  typed: CollectionInput,
  curatorId: number,
): Promise<{ slug: string; held: boolean }> {
  const screened = await screenCollectionText(typed);
  const input = screened.input;
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
          held: screened.hold,
        },
      });
      await tellModerators(screened, { slug, title: input.title }, curatorId);
      return { slug, held: screened.hold };
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

/**
 * Saves a curator's title and introduction; `held` when the collection is held for a moderator. A
 * held collection stays held until a moderator releases it, whatever the next edit says.
 */
export async function updateCollectionText(
  slug: string,
  typed: CollectionInput,
  expectedVersion: number,
  curatorId: number,
): Promise<{ held: boolean }> {
  const collection = await requireCollection(slug);
  const screened = await screenCollectionText(typed);
  const input = screened.input;
  const rendered = renderMarkdown(input.intro);
  // Conditional on the edition the curator saw, so two curators' edits never silently overwrite.
  const updated = await prisma().collection.updateMany({
    where: { id: collection.id, version: expectedVersion },
    data: {
      title: input.title,
      introMarkdown: input.intro,
      introHtml: rendered.html,
      version: { increment: 1 },
      ...(screened.hold ? { held: true } : {}),
    },
  });
  if (updated.count === 0) {
    throw new Refusal(
      "Someone changed this collection while you were editing it. Your text is below: check the page and save again.",
      409,
    );
  }
  await tellModerators(screened, { slug: collection.slug, title: input.title }, curatorId);
  return { held: collection.held || screened.hold };
}

/** A moderator lets a held collection be read again (recorded in the audit log). */
export async function releaseCollection(slug: string, moderator: { id: number; handle: string }) {
  const collection = await requireCollection(slug);
  await transaction(async (tx) => {
    const released = await tx.collection.updateMany({
      where: { id: collection.id, held: true },
      data: { held: false },
    });
    if (released.count === 0)
      throw new Refusal("This collection is not held: a moderator has already released it.", 409);
    await recordAction(
      {
        actor: moderator,
        action: "collection.release",
        targetType: "collection",
        targetId: collection.slug,
        before: { held: true },
        after: { held: false },
      },
      tx,
    );
  });
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
export async function addStory(slug: string, postId: number, curatorId: number) {
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
      data: { collectionId: collection.id, postId: post.id, position: count, askedById: curatorId },
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
  if (!collection || ((collection.status !== "published" || collection.held) && !mayCurate)) return null;
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
    held: collection.held,
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

/**
 * The author agrees, declines or withdraws; only the story's author can (checked in the query).
 * The curator who asked is told what was answered and in which collection, never by whom.
 */
export async function answerConsent(userId: number, collectionId: number, postId: number, answer: Consent) {
  // "was" is the row as it stood before this statement: the answer it replaces.
  const [row] = await query<{ was: Consent; askedById: number | null; title: string; slug: string }>(
    `UPDATE collection_item ci SET consent = $4::collection_consent
     FROM post p, collection_item was, collection c
     WHERE p.id = ci.post_id AND p.author_id = $1 AND ci.collection_id = $2 AND ci.post_id = $3
       AND was.collection_id = ci.collection_id AND was.post_id = ci.post_id AND c.id = ci.collection_id
     RETURNING was.consent AS was, ci.asked_by_id AS "askedById", c.title, c.slug`,
    [userId, collectionId, postId, answer],
  );
  if (!row) throw new Refusal("There is no such question about a story of yours.", 404);
  const change = consentChange(row.was, answer);
  if (change && row.askedById !== userId) {
    await notify(
      [row.askedById],
      "collection.answer",
      consentAnswerMessage(row.title, change),
      `/collections/${row.slug}/edit#stories-heading`,
    );
  }
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
