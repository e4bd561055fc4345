// Issue 12: every text is checked on every path (edits too), kept findings are what the author was
// shown, authors can change place/tags/name after posting with history kept, byline scope hides
// the council everywhere, and a named post never shows its author's perspective.
import { describe, expect, it } from "vitest";

import { callApi } from "../support/api";
import { send, signUp, stripComments, publishThroughForm, signUpAtTrust } from "../support/remix";
import { carried, fullReport } from "../support/reports";
import { sql } from "../support/sql";

const PHONE = "07700 900123";

const member = (trustLevel = 1, perspective = "carer") => signUpAtTrust(trustLevel, perspective);

const html = (response: Response) => response.text().then(stripComments);
/** The Atom feed's entry for the story with this title ("" when there is none). */
const entryWith = (feed: string, title: string) =>
  feed
    .split("<entry>")
    .find((item) => item.includes(title))
    ?.split("</entry>")[0] ?? "";

const publish = publishThroughForm;

async function postRow(id: number) {
  const [row] = await sql<{
    title: string;
    body_markdown: string;
    kept_findings: { text: string; field: string }[] | null;
    version: number;
    area_code: string | null;
    display_mode: string;
    byline_scope: string;
  }>(
    `SELECT title, body_markdown, kept_findings, version, area_code, display_mode, byline_scope FROM post WHERE id = $1`,
    [id],
  );
  if (!row) throw new Error(`no post ${id}`);
  return row;
}

describe("editing a post goes through the identifying-details check", () => {
  it("shows a phone number added in an edit, saves nothing until the author replaces or keeps it", async () => {
    const author = await member();
    const id = await publish(author.cookie, { title: "Before", body: "Nothing to see." });
    const edit = { title: "Before", body: `Ring me on ${PHONE}.`, version: "1" };

    const shown = await send(`/stories/${id}/edit`, { form: edit, cookie: author.cookie });
    expect(shown.status).toBe(200);
    const page = await html(shown);
    expect(page).toContain("We found something that could identify someone");
    expect(page).toContain("Replace with [phone number]");
    expect(page).toContain("Keep them and save");
    expect((await postRow(id)).body_markdown).toBe("Nothing to see.");

    // "Keep" without having been shown the number (a forged or stale form) is not enough.
    const blind = await send(`/stories/${id}/edit`, { form: { ...edit, keep: "1" }, cookie: author.cookie });
    expect(blind.status).toBe(200);
    expect((await postRow(id)).version).toBe(1);

    // One click replaces it; the page shows the new text and still saves nothing.
    const replaced = await html(
      await send(`/stories/${id}/edit`, { form: { ...edit, intent: "redact:0" }, cookie: author.cookie }),
    );
    expect(replaced).toContain("Ring me on [phone number].");
    expect((await postRow(id)).version).toBe(1);

    const saved = await send(`/stories/${id}/edit`, {
      form: { ...edit, body: "Ring me on [phone number]." },
      cookie: author.cookie,
    });
    expect(saved.status).toBe(302);
    expect(await postRow(id)).toMatchObject({
      body_markdown: "Ring me on [phone number].",
      kept_findings: null,
      version: 2,
    });
  });

  it("records kept findings recomputed from the new text, and clears them when an edit removes them", async () => {
    const author = await member();
    const id = await publish(author.cookie, {
      body: "Email someone@example.com please.",
      seen: JSON.stringify(["someone@example.com"]),
    });
    expect((await postRow(id)).kept_findings?.map((f) => f.text)).toEqual(["someone@example.com"]);

    // The email goes, a phone number comes: kept findings list the phone number only.
    const kept = await send(`/stories/${id}/edit`, {
      form: { title: "A story", body: `Ring ${PHONE} please.`, version: "1", keep: "1", seen: JSON.stringify([PHONE]) },
      cookie: author.cookie,
    });
    expect(kept.status).toBe(302);
    expect((await postRow(id)).kept_findings).toEqual([
      expect.objectContaining({ text: PHONE, field: "body", kind: "phone" }),
    ]);

    // A phone number in the title is found too.
    const inTitle = await html(
      await send(`/stories/${id}/edit`, {
        form: { title: `Call ${PHONE}`, body: "Plain words.", version: "2" },
        cookie: author.cookie,
      }),
    );
    expect(inTitle).toMatch(/in your title looks like a phone number/);

    const clean = await send(`/stories/${id}/edit`, {
      form: { title: "A story", body: "Plain words.", version: "2" },
      cookie: author.cookie,
    });
    expect(clean.status).toBe(302);
    expect((await postRow(id)).kept_findings).toBeNull();
  });

  it("publishing a new post re-shows a detail added after the preview instead of recording it as kept", async () => {
    const author = await member();
    const response = await send("/stories/new", {
      form: {
        kind: "story",
        title: "Late addition",
        body: `Ring ${PHONE}.`,
        displayMode: "anonymous",
        submissionKey: crypto.randomUUID(),
        intent: "publish",
        seen: "[]",
      },
      cookie: author.cookie,
    });
    expect(response.status).toBe(200);
    expect(await html(response)).toContain("Replace with [phone number]");
    expect(await sql(`SELECT 1 FROM post WHERE title = 'Late addition'`)).toHaveLength(0);
  });
});

describe("editing a reply goes through the same check", () => {
  it("shows the phone number, saves only once kept, and records it as kept", async () => {
    const postAuthor = await member();
    const postId = await publish(postAuthor.cookie, { title: "Somewhere to reply" });
    const author = await member();
    await send(`/stories/${postId}`, {
      form: { body: "First words.", displayMode: "anonymous", submissionKey: crypto.randomUUID() },
      cookie: author.cookie,
    });
    const [comment] = await sql<{ id: number }>(`SELECT id FROM comment WHERE post_id = $1`, [postId]);
    const form = { body: `Call me on ${PHONE}.`, version: "1" };

    const shown = await send(`/comments/${comment?.id}/edit`, { form, cookie: author.cookie });
    expect(shown.status).toBe(200);
    const page = await html(shown);
    expect(page).toContain("Your reply may contain something that could identify someone");
    expect(page).toContain("Replace with [phone number]");
    const commentRow = async () =>
      (
        await sql<{ body_markdown: string; kept_findings: { text: string }[] | null }>(
          `SELECT body_markdown, kept_findings FROM comment WHERE id = $1`,
          [comment?.id],
        )
      )[0];
    expect((await commentRow())?.body_markdown).toBe("First words.");

    const replaced = await html(
      await send(`/comments/${comment?.id}/edit`, { form: { ...form, intent: "redact-all" }, cookie: author.cookie }),
    );
    expect(replaced).toContain("Call me on [phone number].");
    expect((await commentRow())?.body_markdown).toBe("First words.");

    const kept = await send(`/comments/${comment?.id}/edit`, {
      form: { ...form, keep: "1", seen: JSON.stringify([PHONE]) },
      cookie: author.cookie,
    });
    expect(kept.status).toBe(302);
    expect(await commentRow()).toEqual({
      body_markdown: `Call me on ${PHONE}.`,
      kept_findings: [expect.objectContaining({ text: PHONE, kind: "phone" })],
    });
  });
});

describe("a moderator's edit goes through the same check", () => {
  it("does not approve text with a detail the moderator has not seen, and records what they kept", async () => {
    const author = await member(0);
    const [{ id } = { id: 0 }] = await sql<{ id: number }>(
      `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_id, author_perspective, status, kept_findings)
       SELECT 'story', 'Waiting', 'Plain.', '<p>Plain.</p>', 'Plain.', id, 'carer', 'pending', '[{"kind":"email","text":"old@example.com"}]'::jsonb
       FROM "user" WHERE handle_key = lower($1) RETURNING id`,
      [author.handle],
    );
    const moderator = await member(2);
    await sql(`UPDATE "user" SET role = 'moderator' WHERE handle_key = lower($1)`, [moderator.handle]);
    const form = { title: "Waiting", body: `Plain. Ring ${PHONE}.`, reason: "Tidied up", version: "1" };

    const shown = await send(`/moderation/edit?kind=post&id=${id}`, { form, cookie: moderator.cookie });
    expect(shown.status).toBe(200);
    expect(await html(shown)).toContain("Keep them, save and approve");
    const [pending] = await sql<{ status: string }>(`SELECT status FROM post WHERE id = $1`, [id]);
    expect(pending?.status).toBe("pending");

    const approved = await send(`/moderation/edit?kind=post&id=${id}`, {
      form: { ...form, keep: "1", seen: JSON.stringify([PHONE]) },
      cookie: moderator.cookie,
    });
    expect(approved.status).toBe(302);
    const [row] = await sql<{ status: string; kept_findings: { text: string }[] }>(
      `SELECT status, kept_findings FROM post WHERE id = $1`,
      [id],
    );
    expect(row?.status).toBe("published");
    expect(row?.kept_findings.map((f) => f.text)).toEqual([PHONE]);
  });
});

describe("an experience report's comment is checked", () => {
  it("does not save a comment whose detail the author was never shown, even from the check page", async () => {
    const { handle, cookie } = await signUp();
    const pages = fullReport({ comment: "All fine really." });
    let page = await (await send("/reports/new", { cookie })).text().then(stripComments);
    let state = carried(page);
    for (const fields of pages.slice(0, -1)) {
      page = await html(
        await send("/reports/new", {
          form: { ...fields, answers: state.answers, submissionKey: state.submissionKey, step: state.step },
          cookie,
        }),
      );
      state = carried(page);
    }
    expect(page).toContain("Check your answers");
    // The answers carried by the check page are changed to add a phone number.
    const answers = JSON.stringify({
      ...(JSON.parse(state.answers) as Record<string, string>),
      comment: `Ring ${PHONE}.`,
    });
    const sent = await send("/reports/new", {
      form: { intent: "submit", answers, submissionKey: state.submissionKey, step: "check" },
      cookie,
    });
    expect(sent.status).toBe(200);
    const shown = await html(sent);
    expect(shown).toContain("Your comment may contain something that could identify someone");
    expect(shown).toContain("Replace with [phone number]");
    expect(
      await sql(
        `SELECT 1 FROM experience_report r JOIN "user" u ON u.id = r.author_id WHERE u.handle_key = lower($1)`,
        [handle],
      ),
    ).toHaveLength(0);
  });
});

describe("changing council, tags and name after posting", () => {
  it("saves the change and keeps the earlier place, tags and byline in a revision", async () => {
    const author = await member();
    const id = await publish(author.cookie, { title: "Moving council", council: "Hartlepool", tags: ["respite"] });
    const saved = await send(`/stories/${id}/edit`, {
      form: {
        title: "Moving council",
        body: "Our review went well.",
        version: "1",
        placeFields: "1",
        council: "Blackpool",
        tags: ["assessment"],
        displayMode: "handle",
        bylineScope: "region",
      },
      cookie: author.cookie,
    });
    expect(saved.status).toBe(302);
    expect(await postRow(id)).toMatchObject({ area_code: "E06000009", display_mode: "handle", byline_scope: "region" });
    const tags = await sql<{ slug: string }>(
      `SELECT t.slug FROM post_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.post_id = $1`,
      [id],
    );
    expect(tags.map((t) => t.slug)).toEqual(["assessment"]);
    const [revision] = await sql<{
      area_code: string;
      tag_slugs: string[];
      display_mode: string;
      byline_scope: string;
    }>(`SELECT area_code, tag_slugs, display_mode, byline_scope FROM post_revision WHERE post_id = $1`, [id]);
    expect(revision).toEqual({
      area_code: "E06000001",
      tag_slugs: ["respite"],
      display_mode: "anonymous",
      byline_scope: "council",
    });

    // A moderator asked for the council to go: the author can remove it.
    const removed = await send(`/stories/${id}/edit`, {
      form: {
        title: "Moving council",
        body: "Our review went well.",
        version: "2",
        placeFields: "1",
        council: "",
        displayMode: "anonymous",
        bylineScope: "council",
      },
      cookie: author.cookie,
    });
    expect(removed.status).toBe(302);
    expect((await postRow(id)).area_code).toBeNull();
    expect(await sql(`SELECT 1 FROM post_revision WHERE post_id = $1`, [id])).toHaveLength(2);
  });
});

describe("byline scope", () => {
  it("region only: the council appears nowhere, not on the page, list, feeds, API or downloads", async () => {
    const author = await member();
    const title = `Region only ${crypto.randomUUID().slice(0, 8)}`;
    const id = await publish(author.cookie, { title, council: "Hartlepool", bylineScope: "region" });

    const page = await html(await send(`/stories/${id}`));
    expect(page).toContain("a carer in the North East");
    expect(page).not.toContain("Hartlepool");

    const list = await html(await send(`/stories?q=${encodeURIComponent(title)}`));
    expect(list).toContain(title);
    expect(list).not.toContain("Hartlepool");
    const byCouncil = await html(await send("/stories?council=E06000001"));
    expect(byCouncil).not.toContain(title);
    expect(await html(await send("/stories?region=E12000001"))).toContain(title);

    const feed = await html(await send("/feeds/stories.atom"));
    expect(feed).toContain(title);
    const entry = entryWith(feed, title);
    expect(entry).toContain(title);
    expect(entry).not.toContain("Hartlepool");
    expect(await html(await send("/feeds/stories.atom?council=E06000001"))).not.toContain(title);

    const { body } = await callApi<{ council: unknown; region: { name: string } }>(`/api/v1/stories/${id}`);
    expect(body.council).toBeNull();
    expect(body.region.name).toBe("North East");

    const csv = await html(await send(`/stories/export.csv?q=${encodeURIComponent(title)}`));
    const row = csv.split("\n").find((line) => !line.startsWith("#") && line.includes(title)) ?? "";
    expect(row).toContain("North East");
    expect(row).not.toMatch(/Hartlepool|E06000001/);
  });

  it("nation only hides the region too", async () => {
    const author = await member();
    const id = await publish(author.cookie, { title: "Nation only", council: "Hartlepool", bylineScope: "nation" });
    const page = await html(await send(`/stories/${id}`));
    expect(page).toContain("a carer in England");
    expect(page).not.toMatch(/Hartlepool|North East/);
    const { body } = await callApi<{ council: unknown; region: unknown }>(`/api/v1/stories/${id}`);
    expect(body).toMatchObject({ council: null, region: null });
  });
});

describe("a named post", () => {
  it("shows the handle and never the author's perspective: page, list, feed, API, downloads, filters", async () => {
    const author = await member(1, "social_worker");
    const title = `Named ${crypto.randomUUID().slice(0, 8)}`;
    const id = await publish(author.cookie, { title, displayMode: "handle", council: "Hartlepool" });

    const page = await html(await send(`/stories/${id}`));
    expect(page).toContain(`Story by ${author.handle}, about`);
    expect(page).not.toMatch(/social worker/i);
    const list = await html(await send(`/stories?q=${encodeURIComponent(title)}`));
    const item = list.slice(list.indexOf(`>${title}</a>`), list.indexOf(`>${title}</a>`) + 600);
    expect(item).toContain(title);
    expect(item).toContain(author.handle);
    expect(item).not.toMatch(/social worker/i);
    expect(await html(await send("/stories?perspective=social_worker"))).not.toContain(title);

    const feed = await html(await send("/feeds/stories.atom"));
    const entry = entryWith(feed, title);
    expect(entry).toContain(title);
    expect(entry).toContain(author.handle);
    expect(entry).not.toMatch(/social worker/i);

    const { body } = await callApi<{ perspective: unknown }>(`/api/v1/stories/${id}`);
    expect(body.perspective).toBeNull();
    const api = await callApi<{ stories: { id: number; perspective: unknown }[] }>(
      `/api/v1/stories?q=${encodeURIComponent(title)}`,
    );
    expect(api.body.stories.find((s) => s.id === id)?.perspective).toBeNull();

    const csv = await html(await send(`/stories/export.csv?q=${encodeURIComponent(title)}`));
    const row = csv.split("\n").find((line) => !line.startsWith("#") && line.includes(title)) ?? "";
    expect(row).not.toContain("social_worker");
    const json = (await (await send(`/stories/export.json?q=${encodeURIComponent(title)}`)).json()) as {
      stories: { title: string; author_perspective: unknown }[];
    };
    expect(json.stories.find((s) => s.title === title)?.author_perspective).toBeNull();
  });
});

describe("a named post with a wider byline", () => {
  it("names the region instead of the council, and still no perspective", async () => {
    const author = await member(1, "support_planner");
    const id = await publish(author.cookie, {
      title: "Named, region only",
      displayMode: "handle",
      council: "Hartlepool",
      bylineScope: "region",
    });
    const page = await html(await send(`/stories/${id}`));
    expect(page).toContain(`Story by ${author.handle}, about a council in the North East`);
    expect(page).not.toMatch(/Hartlepool|support planner/i);
  });
});

describe("the byline narrowing warning", () => {
  /** The new-story form asking for a preview of an anonymous post. */
  const anonymousPreview = (fields: { kind: string; title: string; body: string; council: string }) => ({
    ...fields,
    displayMode: "anonymous",
    submissionKey: crypto.randomUUID(),
    intent: "preview",
  });

  it("warns a planner naming a council in the preview, and the region-only button clears it", async () => {
    const planner = await member(1, "support_planner");
    const form = anonymousPreview({
      kind: "practice_note",
      title: "Panel practice",
      body: "How panels decide.",
      council: "Blackpool",
    });
    const warned = await html(await send("/stories/new", { form, cookie: planner.cookie }));
    expect(warned).toContain("Your byline could point to a few people");
    expect(warned).toContain("Show only the region");
    expect(warned).toContain("about <a");

    const region = await html(
      await send("/stories/new", { form: { ...form, bylineScope: "region" }, cookie: planner.cookie }),
    );
    expect(region).not.toContain("Your byline could point to a few people");
    expect(region).toContain("Practice note by a support planner in the North West");
    expect(
      region.slice(region.indexOf('id="preview-heading"'), region.indexOf("<form", region.indexOf('class="preview"'))),
    ).not.toContain("Blackpool");
  });

  it("warns a carer when few carers have written about that council, without a number, and not once many have", async () => {
    const carer = await member(1, "carer");
    const form = anonymousPreview({ kind: "story", title: "Our review", body: "It went fine.", council: "Rutland" });
    const few = await html(await send("/stories/new", { form, cookie: carer.cookie }));
    expect(few).toContain("Few members who describe themselves as a carer have written about this council");
    for (let i = 0; i < 10; i += 1) {
      await sql(
        `WITH u AS (INSERT INTO "user" (handle, handle_key, password_hash, perspective) VALUES ($1, $1, 'x', 'carer') RETURNING id)
         INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_id, author_perspective, status, published_at, area_code)
         SELECT 'story', 't', 'b', '<p>b</p>', 'b', u.id, 'carer', 'published', now(), 'E06000017' FROM u`,
        [`rutland_carer_${i}_${crypto.randomUUID().slice(0, 6)}`],
      );
    }
    const many = await html(await send("/stories/new", { form, cookie: carer.cookie }));
    expect(many).not.toContain("Your byline could point to a few people");
  });

  it("shows on the edit page too", async () => {
    const planner = await member(1, "social_worker");
    const id = await publish(planner.cookie, { kind: "practice_note", title: "Edit me", council: "Blackpool" });
    const page = await html(await send(`/stories/${id}/edit`, { cookie: planner.cookie }));
    expect(page).toContain("Your byline could point to a few people");
    const scoped = await html(
      await send(`/stories/${id}/edit`, {
        form: {
          title: "Edit me",
          body: "Our review went well.",
          version: "1",
          placeFields: "1",
          council: "Blackpool",
          displayMode: "anonymous",
          bylineScope: "nation",
          intent: "check",
        },
        cookie: planner.cookie,
      }),
    );
    expect(scoped).not.toContain("Your byline could point to a few people");
    expect(scoped).toContain("by a social worker in England");
    expect((await postRow(id)).byline_scope).toBe("council");
  });
});
