// Collections: published stories gathered by a curator into a titled collection with an
// introduction, shown as a page, a feed and a printable booklet (docs/collections.md). The rules
// here are the ones every door shares: what a collection's text may be, its address, which
// stories are shown, what a curator may know, and how it is cited.
import { z } from "zod";

import { checkTexts, type Located } from "../anonymity/redaction";
import type { FieldErrors } from "../forms";
import { DATA_LICENCE } from "../licence";
import { countWords } from "../posts/post-input";

export const COLLECTION_TITLE_MAX = 120;
export const COLLECTION_INTRO_MAX_WORDS = 1_000;
/** More stories than any printed booklet needs; keeps one page and one PDF a sensible size. */
export const COLLECTION_MAX_STORIES = 60;

export const collectionInputSchema = z.object({
  title: z
    .string({ required_error: "Enter a title" })
    .transform((value) => value.replace(/\s+/g, " ").trim())
    .refine((value) => value.length > 0, "Enter a title")
    .refine(
      (value) => value.length <= COLLECTION_TITLE_MAX,
      `Keep the title to ${COLLECTION_TITLE_MAX} characters or fewer`,
    ),
  intro: z
    .string({ required_error: "Write an introduction" })
    .transform((value) => value.replace(/\r\n/g, "\n").trim())
    .refine((value) => value.length > 0, "Write an introduction")
    .refine(
      (value) => countWords(value) <= COLLECTION_INTRO_MAX_WORDS,
      `Keep the introduction to ${COLLECTION_INTRO_MAX_WORDS.toLocaleString("en-GB")} words or fewer`,
    ),
});
export type CollectionInput = z.infer<typeof collectionInputSchema>;

export const COLLECTION_FIELDS = ["title", "intro"] as const;

/** One turn of a curator's form: refused, shown what the identifying-details check found, or ready to save. */
export type CollectionTextTurn =
  | { kind: "invalid"; errors: FieldErrors }
  | { kind: "check"; texts: CollectionInput; findings: Located<"title" | "intro">[] }
  | { kind: "ready"; input: CollectionInput };

/**
 * The title and introduction go through the same identifying-details check as every other text
 * (checkTexts): each finding is shown with its "Replace" button, and saved only once kept.
 */
export function collectionTextTurn(values: Partial<Record<string, string>>): CollectionTextTurn {
  const parsed = collectionInputSchema.safeParse({ title: values.title ?? "", intro: values.intro ?? "" });
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { kind: "invalid", errors };
  }
  const check = checkTexts(parsed.data, COLLECTION_FIELDS, {
    intent: values.intent,
    seen: values.seen,
    keep: values.keep === "1",
  });
  if (!check.ready) return { kind: "check", texts: check.texts, findings: check.findings };
  return { kind: "ready", input: check.texts };
}

// Paths under /collections/ that are pages of their own, so no collection may take them as its slug.
const RESERVED_SLUGS = new Set(["add", "consent", "new"]);
const SLUG_MAX = 60;

/** "Reviews and cuts, 2026" → "reviews-and-cuts-2026"; never empty, never a reserved path. */
export function slugFor(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, "");
  if (!base) return "collection";
  return RESERVED_SLUGS.has(base) ? `${base}-collection` : base;
}

/** The slug with a number added when it is already taken: "reviews-and-cuts-2026-2". */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export const slugSchema = z
  .string()
  .max(SLUG_MAX + 12)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export type Consent = "asked" | "agreed" | "declined";

/** What a curator is told of an author's answer: the answer, in words, and nothing about who. */
export const CONSENT_LABELS: Record<Consent, string> = {
  asked: "Asked, no answer yet",
  agreed: "Agreed",
  declined: "Declined",
};

/**
 * Whether a story in a collection is shown (on the page, in the feed and in the booklet): its
 * author agreed, still has an account to withdraw from, and it is still published.
 */
export function isShown(item: { consent: Consent; authorPresent: boolean; published: boolean }): boolean {
  return item.consent === "agreed" && item.authorPresent && item.published;
}

/**
 * The answer a curator sees: an author who has left can no longer agree or withdraw, so their
 * story counts as declined (the curator is not told they left).
 */
export function curatorConsent(item: { consent: Consent; authorPresent: boolean }): Consent {
  return item.authorPresent ? item.consent : "declined";
}

/** The order after moving one story up or down; unchanged at either end or for an unknown story. */
export function moveInOrder<T>(order: readonly T[], item: T, direction: "up" | "down"): T[] {
  const from = order.indexOf(item);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= order.length) return [...order];
  const next = [...order];
  [next[from], next[to]] = [next[to] as T, next[from] as T];
  return next;
}

/** "123", "/stories/123" or "https://…/stories/123#reply" → 123; anything else → null. */
export function storyIdFrom(text: string): number | null {
  const match = /^(?:\d+|(?:https?:\/\/[^/\s]+)?\/stories\/(\d+)(?:[?#]\S*)?)$/.exec(text.trim());
  if (!match) return null;
  const id = Number(match[1] ?? text.trim());
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
}

/** The consent form's answer. */
export const consentAnswerSchema = z.enum(["agreed", "declined"], {
  errorMap: () => ({ message: "Choose whether your story may be included" }),
});

/** The message in the author's notifications: it names the story and the collection. */
export function consentRequestMessage(storyTitle: string, collectionTitle: string): string {
  return `May your story “${storyTitle}” be included in the collection “${collectionTitle}”? You can agree, decline, or change your mind at any time.`;
}

/** What curators are told of a collection a watched word holds (its page and its edit page). */
export const HELD_NOTICE =
  "Its title or introduction has a word the moderators watch for, so only curators can see it until a moderator releases it.";

/** What an author's answer did, as the curator who asked is told it; null when nothing changed. */
export type ConsentChange = "agreed" | "declined" | "withdrawn";

export function consentChange(was: Consent, now: Consent): ConsentChange | null {
  if (was === now || now === "asked") return null;
  if (now === "agreed") return "agreed";
  return was === "agreed" ? "withdrawn" : "declined";
}

const CHANGE_WORDS: Record<ConsentChange, string> = {
  agreed: "agreed: its author said yes, so it is shown",
  declined: "declined: its author said no, so it is not shown",
  withdrawn: "withdrawn: its author changed their mind, so it is no longer shown",
};

/**
 * The message the curator who asked is sent: it names the collection and what was answered, never
 * the story or its author (the edit page shows which story, without who wrote it).
 */
export function consentAnswerMessage(collectionTitle: string, change: ConsentChange): string {
  return `A story in “${collectionTitle}” was ${CHANGE_WORDS[change]}.`;
}

/**
 * "Fifth Option (2026). Reviews and cuts, 2026 [collection of stories, edition 3, December 2026].
 * https://…/collections/reviews-and-cuts-2026": the same words on the page and in the booklet,
 * with a month, never a day.
 */
export function citeCollection(input: { title: string; version: number; month: string; url: string }): string {
  const year = /\d{4}/.exec(input.month)?.[0] ?? "";
  return `Fifth Option (${year}). ${input.title} [collection of stories, edition ${input.version}, ${input.month}]. ${input.url}`;
}

export const COLLECTION_LICENCE = `The stories in this collection are published by Fifth Option under the ${DATA_LICENCE.title} licence (${DATA_LICENCE.name}, ${DATA_LICENCE.url}): you may share and adapt them if you credit Fifth Option and the collection.`;

/** One story as the page and the booklet show it: nothing the story's own page does not show. */
export interface CollectionStory {
  id: number;
  title: string;
  byline: string;
  month: string;
  monthIso: string;
  /** Sanitised HTML, for the page and the feed. */
  html: string;
  /** Plain text, one paragraph a line, for the booklet. */
  text: string;
}

/** A published (or, for curators, draft) collection with the stories it shows. */
export interface CollectionView {
  slug: string;
  title: string;
  introHtml: string;
  introText: string;
  status: "draft" | "published";
  /** Held for a moderator by a watched word: only curators see it. */
  held: boolean;
  version: number;
  month: string;
  monthIso: string;
  url: string;
  citation: string;
  licence: string;
  stories: CollectionStory[];
}

/** A story in a collection as its curator sees it on the edit page. */
export interface CuratorItem {
  postId: number;
  title: string;
  consent: Consent;
  published: boolean;
}

/** A question put to an author about one of their stories (their notifications, story page and settings). */
export interface ConsentRequest {
  collectionId: number;
  collectionTitle: string;
  collectionSlug: string;
  collectionPublished: boolean;
  postId: number;
  postTitle: string;
  consent: Consent;
}

/** "agreed" etc. in the author's own words. */
export function consentStateForAuthor(consent: Consent): string {
  if (consent === "agreed") return "You agreed: your story is included.";
  if (consent === "declined") return "You declined: your story is not included.";
  return "You have not answered yet: your story is not included until you agree.";
}
