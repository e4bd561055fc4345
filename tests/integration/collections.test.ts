// Collections and their booklets (docs/collections.md), through the real routes: who may curate,
// hostile input, each author's consent, and that the page, the feed and the PDF show exactly the
// stories whose authors agreed (read back with a PDF text extractor).
import { beforeAll, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";

import { findTimeLeaks } from "../support/time-leaks";
import { fetchPage, send, signUp, stripComments } from "../support/remix";
import { sql } from "../support/sql";
import { addStory } from "../support/stories";
import { addWatchedWords } from "../support/watched-words";

async function account(role = "member") {
  const created = await signUp();
  const [row] = await sql<{ id: number }>(
    `UPDATE "user" SET role = $1, trust_level = 1 WHERE handle_key = lower($2) RETURNING id`,
    [role, created.handle],
  );
  return { ...created, id: row?.id ?? 0 };
}

async function pdfText(path: string, cookie?: string): Promise<{ status: number; text: string; raw: string }> {
  const response = await send(path, { cookie: cookie ?? null });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 200) return { status: response.status, text: "", raw: "" };
  expect(response.headers.get("Content-Type")).toBe("application/pdf");
  // Read the raw bytes first: PDF.js takes the buffer it is given.
  const raw = Buffer.from(bytes).toString("latin1");
  const document = await getDocumentProxy(bytes);
  const { text } = await extractText(document, { mergePages: true });
  return { status: 200, text: text.replace(/\s+/g, " "), raw };
}

const create = (cookie: string, form: Record<string, string>) =>
  send("/collections", { form: { intent: "create", ...form }, cookie });

const edit = (slug: string, cookie: string, form: Record<string, string>) =>
  send(`/collections/${slug}/edit`, { form, cookie });

const answer = (cookie: string, collection: number, story: number, value: string, redirectTo = "") =>
  send("/collections/consent", {
    form: { collection: String(collection), story: String(story), answer: value, redirectTo },
    cookie,
  });

let curator: Awaited<ReturnType<typeof account>>;
let member: Awaited<ReturnType<typeof account>>;

beforeAll(async () => {
  curator = await account("researcher");
  member = await account();
});

describe("who may curate", () => {
  it("refuses members (403) and sends visitors to sign in, saving nothing", async () => {
    const form = { title: "Not mine to make", intro: "A member trying." };
    expect((await create(member.cookie, form)).status).toBe(403);
    const visitor = await send("/collections", { form });
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toMatch(/^\/sign-in/);
    expect(await sql(`SELECT 1 FROM collection WHERE title = $1`, [form.title])).toEqual([]);
    const listed = await fetchPage("/collections", member.cookie);
    expect(listed.html).not.toContain("Start a collection");
  });

  it("lets a researcher and a moderator start one, a draft nobody else can see", async () => {
    const moderator = await account("moderator");
    const made = await create(moderator.cookie, { title: "Moderators’ picks", intro: "Chosen by moderators." });
    expect(made.status).toBe(302);
    expect(made.headers.get("Location")).toBe("/collections/moderators-picks/edit?created=1");
    for (const path of [
      "/collections/moderators-picks",
      "/collections/moderators-picks.atom",
      "/collections/moderators-picks.pdf",
    ]) {
      expect((await send(path, { cookie: member.cookie })).status, path).toBe(404);
      expect((await send(path, { cookie: curator.cookie })).status, path).toBe(200);
    }
    expect((await fetchPage("/collections")).html).not.toContain("Moderators’ picks");
    expect((await send("/collections/moderators-picks/edit", { cookie: member.cookie })).status).toBe(403);
  });
});

describe("hostile and mistaken input", () => {
  it("answers each with a clear 4xx that keeps what was typed, never a 500", async () => {
    const intro = "Stories about what happened at review time, kept here as typed.";
    const empty = await create(curator.cookie, { title: "   ", intro });
    expect(empty.status).toBe(400);
    const emptyHtml = stripComments(await empty.text());
    expect(emptyHtml).toContain("Enter a title");
    expect(emptyHtml).toContain(intro);

    const long = await create(curator.cookie, { title: "x".repeat(500), intro: "\u0000<script>alert(1)</script>" });
    expect(long.status).toBe(400);
    expect(await long.text()).not.toContain("<script>alert(1)");

    const notAForm = await send("/collections", {
      method: "POST",
      cookie: curator.cookie,
      headers: { "Content-Type": "application/json" },
    });
    expect(notAForm.status).toBe(415);

    await create(curator.cookie, { title: "Hostile input", intro: "For the hostile tests." });
    const typed = "not a story at all";
    const bad = await edit("hostile-input", curator.cookie, { intent: "add", story: typed });
    expect(bad.status).toBe(400);
    expect(stripComments(await bad.text())).toContain(typed);
    const missing = await edit("hostile-input", curator.cookie, { intent: "add", story: "2147483647" });
    expect(missing.status).toBe(404);
    const pending = await addStory({ title: "Still waiting", status: "pending" });
    expect((await edit("hostile-input", curator.cookie, { intent: "add", story: String(pending) })).status).toBe(404);
    const published = await addStory({ title: "Added twice" });
    expect(
      (await edit("hostile-input", curator.cookie, { intent: "add", story: `/stories/${published}` })).status,
    ).toBe(302);
    const twice = await edit("hostile-input", curator.cookie, { intent: "add", story: String(published) });
    expect(twice.status).toBe(409);
    expect((await edit("hostile-input", curator.cookie, { intent: "remove", story: "-1" })).status).toBe(400);
    expect((await edit("hostile-input", curator.cookie, { intent: "explode" })).status).toBe(400);
    const stale = await edit("hostile-input", curator.cookie, { intent: "save", title: "New", intro, version: "1" });
    expect(stale.status).toBe(409);
    expect(stripComments(await stale.text())).toContain(intro);

    for (const path of [
      "/collections/..%2F..%2Fetc",
      "/collections/%00",
      `/collections/${"a".repeat(500)}`,
      "/collections/NOPE.pdf",
    ]) {
      expect((await send(path)).status, path).toBe(404);
    }
    expect((await answer(member.cookie, 1, 1, "maybe")).status).toBe(400);
    expect((await answer(member.cookie, 1, 2147483647, "agreed")).status).toBe(404);
    // Someone else's story: refused by the permission check, and nothing changes.
    expect((await answer(member.cookie, 1, published, "agreed")).status).toBe(403);
  });

  it("puts the title and introduction through the identifying-details check", async () => {
    const intro = "Ring Sam on 07700 900123 to take part.";
    const found = await create(curator.cookie, { title: "Checked", intro });
    expect(found.status).toBe(200);
    expect(stripComments(await found.text())).toContain("Replace with");
    expect(await sql(`SELECT 1 FROM collection WHERE title = 'Checked'`)).toEqual([]);
    const replaced = await create(curator.cookie, { title: "Checked", intro, intent: "redact-all" });
    const html = stripComments(await replaced.text());
    expect(html).not.toContain("07700 900123");
    const introAfter = /name="intro"[^>]*>([^<]*)</.exec(html)?.[1] ?? "";
    expect(introAfter).toContain("Ring");
    const saved = await create(curator.cookie, { title: "Checked", intro: introAfter.replaceAll("&#x27;", "'") });
    expect(saved.status).toBe(302);
    const [row] = await sql<{ intro_markdown: string }>(`SELECT intro_markdown FROM collection WHERE slug = 'checked'`);
    expect(row?.intro_markdown).not.toContain("07700");
  });
});

describe("watched words", () => {
  // The words posts are screened with, added as an admin adds them; each test's collection is its own.
  beforeAll(async () => {
    const admin = await account("admin");
    await addWatchedWords(admin.cookie, [
      ["grift*", "block", ""],
      ["swindle*", "hold", ""],
      ["shambolic", "flag", ""],
      ["numpty", "replace", "[unkind word]"],
    ]);
  });

  it.each([
    ["title", { title: "Grifters at the panel", intro: "What the panel did." }],
    ["intro", { title: "Panels, 2026", intro: "A story of **grifting** at review time." }],
  ])(
    "block: refuses a word in the %s on that field, keeping what was typed, and saves nothing",
    async (field, form) => {
      const refused = await create(curator.cookie, form);
      expect(refused.status).toBe(400);
      const html = stripComments(await refused.text());
      expect(html).toContain("which is not allowed on Fifth Option");
      expect(html).toContain(`href="#${field}"`);
      expect(html).toContain(form.intro);
      expect(await sql(`SELECT 1 FROM collection WHERE title = $1`, [form.title])).toEqual([]);
      // The same on an edit, with the typed text kept.
      await create(curator.cookie, { title: `Blocked on edit, ${field}`, intro: "Fine so far." });
      const slug = `blocked-on-edit-${field}`;
      const editRefused = await edit(slug, curator.cookie, { intent: "save", version: "1", ...form });
      expect(editRefused.status).toBe(400);
      expect(stripComments(await editRefused.text())).toContain(form.title);
      const [kept] = await sql<{ intro_markdown: string }>(`SELECT intro_markdown FROM collection WHERE slug = $1`, [
        slug,
      ]);
      expect(kept?.intro_markdown).toBe("Fine so far.");
    },
  );

  it("hold: only curators see it until a moderator releases it, and moderators are told", async () => {
    const moderator = await account("moderator");
    const made = await create(curator.cookie, { title: "Care firms", intro: "Was the agency a swindler?" });
    expect(made.headers.get("Location")).toBe("/collections/care-firms/edit?held=1");
    expect((await fetchPage("/collections/care-firms/edit?held=1", curator.cookie)).html).toContain(
      "held for a moderator",
    );
    await edit("care-firms", curator.cookie, { intent: "publish" });
    for (const path of ["/collections/care-firms", "/collections/care-firms.atom", "/collections/care-firms.pdf"]) {
      expect((await send(path, { cookie: member.cookie })).status, path).toBe(404);
      expect((await send(path)).status, path).toBe(404);
    }
    expect((await fetchPage("/collections")).html).not.toContain("Care firms");
    const curatorView = await fetchPage("/collections/care-firms", curator.cookie);
    expect(curatorView.status).toBe(200);
    expect(curatorView.html).toContain("Held for a moderator.");
    const [told] = await sql<{ message: string; link: string }>(
      `SELECT message, link FROM notification WHERE user_id = $1 AND kind = 'collection.held'`,
      [moderator.id],
    );
    expect(told?.message).toContain("“Care firms” is held for review");
    expect(told?.link).toBe("/collections/care-firms/edit#held-heading");
    // An edit without the word keeps it held; a researcher cannot release it.
    const version = String(
      (await sql<{ version: number }>(`SELECT version FROM collection WHERE slug = 'care-firms'`))[0]?.version,
    );
    const edited = await edit("care-firms", curator.cookie, {
      intent: "save",
      version,
      title: "Care firms",
      intro: "Was the agency fair?",
    });
    expect(edited.headers.get("Location")).toBe("/collections/care-firms/edit?held=1");
    expect((await edit("care-firms", curator.cookie, { intent: "release" })).status).toBe(403);
    expect((await send("/collections/care-firms")).status).toBe(404);
    // A moderator releases it, once; the audit log says so in words, linking to the collection.
    const released = await edit("care-firms", moderator.cookie, { intent: "release" });
    expect(released.headers.get("Location")).toBe("/collections/care-firms/edit?released=1");
    expect((await edit("care-firms", moderator.cookie, { intent: "release" })).status).toBe(409);
    expect((await send("/collections/care-firms")).status).toBe(200);
    expect((await fetchPage("/collections")).html).toContain("Care firms");
    const log = await fetchPage("/moderation/log?action=collection.release", moderator.cookie);
    expect(log.html).toContain("Released a collection held for a watched word");
    expect(log.html).toContain('href="/collections/care-firms/edit"');
  });

  it("flag: saved as usual, and the moderators are told of the word; replace: the word is swapped", async () => {
    const moderator = await account("moderator");
    const made = await create(curator.cookie, { title: "A shambolic year", intro: "The numpty at the council." });
    expect(made.headers.get("Location")).toBe("/collections/a-shambolic-year/edit?created=1");
    const [row] = await sql<{ held: boolean; intro_markdown: string }>(
      `SELECT held, intro_markdown FROM collection WHERE slug = 'a-shambolic-year'`,
    );
    expect(row).toEqual({ held: false, intro_markdown: "The [unkind word] at the council." });
    const [told] = await sql<{ message: string }>(
      `SELECT message FROM notification WHERE user_id = $1 AND kind = 'collection.flagged'`,
      [moderator.id],
    );
    expect(told?.message).toContain("(shambolic)");
  });
});

describe("consent", () => {
  const slug = "reviews-and-cuts-2026";
  let collectionId = 0;
  const stories: Record<string, { id: number; author: Awaited<ReturnType<typeof account>> }> = {};

  beforeAll(async () => {
    const made = await create(curator.cookie, {
      title: "Reviews and cuts, 2026",
      intro: "Stories told by people whose **support was reviewed** this year.",
    });
    expect(made.status).toBe(302);
    const [row] = await sql<{ id: number }>(`SELECT id FROM collection WHERE slug = $1`, [slug]);
    collectionId = row?.id ?? 0;
    // Six stories by six authors: each will answer (or be removed) differently.
    for (const name of ["agreed", "named", "declined", "withdrawn", "departed", "removed", "unanswered"]) {
      const author = await account();
      const id = await addStory({
        title: `The ${name} story`,
        body: `What happened to the ${name} author at review.`,
        displayMode: name === "named" ? "handle" : "anonymous",
        publishedAt: "2026-03-17T09:41:00Z",
      });
      await sql(`UPDATE post SET author_id = $1 WHERE id = $2`, [author.id, id]);
      stories[name] = { id, author };
      const added = await edit(slug, curator.cookie, { intent: "add", story: String(id) });
      expect(added.status).toBe(302);
    }
    await edit(slug, curator.cookie, { intent: "publish" });
  });

  it("asks each author in their notifications, naming the story and the collection", async () => {
    const author = stories.agreed?.author;
    const [note] = await sql<{ message: string; link: string; kind: string }>(
      `SELECT message, link, kind FROM notification WHERE user_id = $1 AND kind = 'collection.consent'`,
      [author?.id],
    );
    expect(note?.message).toContain("The agreed story");
    expect(note?.message).toContain("Reviews and cuts, 2026");
    expect(note?.link).toBe(`/collections/consent#consent-${collectionId}-${stories.agreed?.id}`);
    expect(note?.message).not.toContain(curator.handle);
    const notifications = await fetchPage("/notifications", author?.cookie);
    expect(notifications.html).toContain(`href="/collections/consent#consent-${collectionId}-${stories.agreed?.id}"`);
    const consentPage = await fetchPage("/collections/consent", author?.cookie);
    expect(consentPage.html).toContain("The agreed story");
    expect(consentPage.html).toContain("Yes, include it");
    // Nothing is shown until an author agrees.
    expect((await fetchPage(`/collections/${slug}`)).html).not.toContain("The agreed story");
  });

  it("shows only stories whose authors agreed, in the page, the feed and the PDF", async () => {
    const { agreed, named, declined, withdrawn, departed, removed } = stories;
    // From the consent page, from the story page, and a decline.
    const fromConsent = await answer(agreed!.author.cookie, collectionId, agreed!.id, "agreed", "/collections/consent");
    expect(fromConsent.headers.get("Location")).toBe("/collections/consent?answered=agreed");
    const storyPage = await fetchPage(`/stories/${named!.id}`, named!.author.cookie);
    expect(storyPage.html).toContain('id="collections"');
    const fromStory = await answer(
      named!.author.cookie,
      collectionId,
      named!.id,
      "agreed",
      `/stories/${named!.id}#collections`,
    );
    expect(fromStory.headers.get("Location")).toBe(`/stories/${named!.id}?answered=agreed#collections`);
    await answer(declined!.author.cookie, collectionId, declined!.id, "declined");
    // Agreed, then withdrawn later.
    await answer(withdrawn!.author.cookie, collectionId, withdrawn!.id, "agreed");
    await answer(withdrawn!.author.cookie, collectionId, withdrawn!.id, "declined");
    // Agreed, then the account was deleted keeping the posts (the author link becomes null).
    await answer(departed!.author.cookie, collectionId, departed!.id, "agreed");
    await sql(`DELETE FROM "user" WHERE id = $1`, [departed!.author.id]);
    // Agreed, then removed by moderators.
    await answer(removed!.author.cookie, collectionId, removed!.id, "agreed");
    await sql(`UPDATE post SET status = 'removed' WHERE id = $1`, [removed!.id]);

    const shownTitles = ["The agreed story", "The named story"];
    const hiddenTitles = [
      "The declined story",
      "The withdrawn story",
      "The departed story",
      "The removed story",
      "The unanswered story",
    ];

    const web = await fetchPage(`/collections/${slug}`);
    expect(web.status).toBe(200);
    const feed = await send(`/collections/${slug}.atom`);
    expect(feed.headers.get("Content-Type")).toContain("application/atom+xml");
    const feedText = await feed.text();
    const pdf = await pdfText(`/collections/${slug}.pdf`);
    expect(pdf.status).toBe(200);
    for (const text of [web.html, feedText, pdf.text]) {
      for (const title of shownTitles) expect(text).toContain(title);
      for (const title of hiddenTitles) expect(text).not.toContain(title);
      expect(text).toContain("a carer in the North East");
      expect(text).toContain(named!.author.handle);
    }
    // The booklet: title, contents, each story with its byline and month, the licence and citation.
    expect(pdf.text).toContain("Reviews and cuts, 2026");
    expect(pdf.text).toContain("Contents");
    expect(pdf.text).toContain("1. The agreed story, a carer in the North East, March 2026");
    expect(pdf.text).toContain(`2. The named story, ${named!.author.handle}, March 2026`);
    expect(pdf.text).toContain("Creative Commons Attribution 4.0 International");
    expect(pdf.text).toMatch(
      /Fifth Option \(20\d\d\)\. Reviews and cuts, 2026 \[collection of stories, edition \d+, \w+ 20\d\d\]/,
    );
    expect(pdf.text).toContain("support was reviewed");
    // Never an exact time: not in the page, the feed, the PDF's text or its metadata.
    const moment = new Date("2026-03-17T09:41:00Z");
    expect(findTimeLeaks(web.html, [moment])).toEqual([]);
    expect(findTimeLeaks(feedText, [moment])).toEqual([]);
    expect(findTimeLeaks(pdf.text, [moment])).toEqual([]);
    // The file's own dates (creation, modification) are the first of a month at midnight.
    const fileDates = [...pdf.raw.matchAll(/\(D:(\d{14})Z?\)/g)].map((match) => match[1]);
    expect(fileDates.length).toBeGreaterThan(0);
    for (const date of fileDates) expect(date).toMatch(/^\d{6}01000000$/);

    // The curator who asked is told of each answer: which collection and what, never which story or who.
    const told = await sql<{ message: string; link: string; post_id: number | null }>(
      `SELECT message, link, post_id FROM notification WHERE user_id = $1 AND kind = 'collection.answer' ORDER BY id`,
      [curator.id],
    );
    const said = (what: string) =>
      told.filter((n) => n.message.startsWith(`A story in “Reviews and cuts, 2026” was ${what}:`));
    expect(said("agreed")).toHaveLength(5);
    expect(said("declined")).toHaveLength(1);
    expect(said("withdrawn")).toHaveLength(1);
    expect(told).toHaveLength(7);
    for (const note of told) {
      expect(note.link).toBe(`/collections/${slug}/edit#stories-heading`);
      expect(note.post_id).toBeNull();
      for (const { id, author } of Object.values(stories)) {
        expect(note.message).not.toContain(author.handle);
        expect(note.message).not.toContain(String(id));
      }
      expect(note.message).not.toMatch(/The \w+ story/);
    }
    // Answering the same again tells nobody anything new.
    await answer(named!.author.cookie, collectionId, named!.id, "agreed");
    expect(
      await sql(`SELECT 1 FROM notification WHERE user_id = $1 AND kind = 'collection.answer'`, [curator.id]),
    ).toHaveLength(7);
    const notifications = await fetchPage("/notifications", curator.cookie);
    expect(notifications.html).toContain("A story in “Reviews and cuts, 2026” was withdrawn");
    expect(findTimeLeaks(notifications.html, [new Date()])).toEqual([]);

    // The curator sees each answer and never an anonymous author's name.
    const editPage = await fetchPage(`/collections/${slug}/edit`, curator.cookie);
    for (const label of ["Agreed", "Declined", "Asked, no answer yet"]) expect(editPage.html).toContain(label);
    expect(editPage.html).not.toContain(agreed!.author.handle);
    expect(editPage.html).not.toContain(declined!.author.handle);
  });

  it("lets an author withdraw at any time, and the story vanishes from all three at once", async () => {
    const { agreed } = stories;
    const before = await pdfText(`/collections/${slug}.pdf`);
    expect(before.text).toContain("The agreed story");
    const withdrawn = await answer(agreed!.author.cookie, collectionId, agreed!.id, "declined", "/settings");
    expect(withdrawn.headers.get("Location")).toBe("/settings?answered=declined");
    expect((await fetchPage(`/collections/${slug}`)).html).not.toContain("The agreed story");
    expect(await (await send(`/collections/${slug}.atom`)).text()).not.toContain("The agreed story");
    expect((await pdfText(`/collections/${slug}.pdf`)).text).not.toContain("The agreed story");
    // Settings lead to the same choices.
    expect((await fetchPage("/settings", agreed!.author.cookie)).html).toContain('href="/collections/consent"');
  });

  it("keeps the curator's order, and a removed story leaves the collection", async () => {
    const { agreed, named } = stories;
    await answer(agreed!.author.cookie, collectionId, agreed!.id, "agreed");
    await edit(slug, curator.cookie, { intent: "up", story: String(named!.id) });
    const moved = await pdfText(`/collections/${slug}.pdf`);
    expect(moved.text.indexOf("1. The named story")).toBeGreaterThan(-1);
    expect(moved.text).toContain("2. The agreed story");
    await edit(slug, curator.cookie, { intent: "remove", story: String(named!.id) });
    expect((await fetchPage(`/collections/${slug}`)).html).not.toContain("The named story");
    expect((await fetchPage(`/collections/${slug}/edit`, curator.cookie)).html).not.toContain("The named story");
  });
});
