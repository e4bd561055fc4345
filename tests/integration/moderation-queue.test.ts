// The review queue at scale (docs/moderation.md): keyset pages with sealed cursors, decisions on
// several items in one POST, filters, house-rule reasons, and the audit log in plain words.
import { describe, expect, it } from "vitest";

import { pageText, send, signUpAs } from "../support/remix";
import { sql } from "../support/sql";
import { cursorReadings, cursorsIn, findTimeLeaks } from "../support/time-leaks";

const account = (role: string, trustLevel = 0) => signUpAs(role, trustLevel);

/** Pending stories straight into the database, one a minute apart going back from `daysAgo`. */
async function pendingPosts(authorId: number, titles: string[], daysAgo = 0, area: string | null = null) {
  const rows = await sql<{ id: number; created_at: Date }>(
    `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_id, author_perspective, status, area_code, created_at)
     SELECT 'story', t, '## The review' || chr(10) || chr(10) || 'Body of ' || t, '', '', $2, 'carer', 'pending', $4,
            now() - make_interval(days => $3) - make_interval(mins => n::int)
       FROM unnest($1::text[]) WITH ORDINALITY AS x(t, n)
     RETURNING id, created_at`,
    [titles, authorId, daysAgo, area],
  );
  return rows;
}

const headings = (html: string) =>
  [...html.matchAll(/<h2 id="item-[^"]*" class="queue-heading">([^<]*)<\/h2>/g)].map((m) => m[1]);
const nextLink = (html: string) =>
  /<a [^>]*href="(\/moderation\?[^"]*cursor=[^"]*)"[^>]*>Next page<\/a>/.exec(html)?.[1];

describe("the queue, a page at a time", () => {
  it("shows 20 to a page, every item once across pages, with sealed cursors that give no time away", async () => {
    const author = await account("member");
    const moderator = await account("moderator", 2);
    const titles = Array.from({ length: 45 }, (_, i) => `Paged story ${String(i).padStart(2, "0")}`);
    const made = await pendingPosts(author.id, titles, 2);
    let html = await pageText("/moderation", moderator.cookie);
    expect(html).toContain("45 waiting, most urgent first, 20 to a page.");
    const seen: string[] = [];
    const pages: string[] = [];
    for (;;) {
      pages.push(html);
      seen.push(...headings(html).filter((h): h is string => Boolean(h)));
      const next = nextLink(html);
      if (!next) break;
      html = await pageText(next.replaceAll("&amp;", "&"), moderator.cookie);
    }
    expect(pages.map((p) => headings(p).length)).toEqual([20, 20, 5]);
    expect(seen.sort()).toEqual(titles.map((t) => `Post: ${t}`).sort());
    // Oldest first among equals: the first page starts with the oldest.
    expect(headings(pages[0] ?? "")[0]).toBe("Post: Paged story 44");
    const moments = made.map((r) => r.created_at);
    for (const page of pages) {
      const cursors = cursorsIn(page);
      for (const cursor of cursors) expect(findTimeLeaks(cursorReadings(cursor), moments)).toEqual([]);
      expect(findTimeLeaks(page, moments, { allowDays: true })).toEqual([]);
    }
    expect(pages[1]).toContain(">First page</a>");
  });

  it("refuses a forged cursor, and one made for other filters, with a 400", async () => {
    const author = await account("member");
    const moderator = await account("moderator", 2);
    await pendingPosts(
      author.id,
      Array.from({ length: 21 }, (_, i) => `Forgery ${i}`),
    );
    const first = await pageText("/moderation", moderator.cookie);
    const cursor = cursorsIn(first)[0] ?? "";
    expect(cursor).not.toBe("");
    const forged = await send(`/moderation?cursor=${cursor.slice(0, -2)}AA`, { cookie: moderator.cookie });
    expect(forged.status).toBe(400);
    const elsewhere = await send(`/moderation?kind=comment&cursor=${cursor}`, { cookie: moderator.cookie });
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.text()).toContain("This page link is damaged or out of date");
  });
});

describe("what each item shows", () => {
  it("a reply with its post's title and link, the reply it answers, Markdown rendered and details marked", async () => {
    const author = await account("member", 1);
    const replier = await account("member");
    const moderator = await account("moderator", 2);
    const [post] = await sql<{ id: number }>(
      `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_id, author_perspective, status, published_at, area_code, display_mode)
       VALUES ('question', 'Has anyone had a review?', 'b', '<p>b</p>', 'b', $1, 'carer', 'published', now(), 'E06000002', 'handle') RETURNING id`,
      [author.id],
    );
    await sql(`INSERT INTO post_tag (post_id, tag_id) SELECT $1, id FROM tag ORDER BY id LIMIT 1`, [post?.id]);
    const [parent] = await sql<{ id: number }>(
      `INSERT INTO comment (post_id, author_id, author_perspective, body_markdown, body_html, status, published_at)
       VALUES ($1, $2, 'carer', 'Ours was *quick*.', '<p>Ours was <em>quick</em>.</p>', 'published', now()) RETURNING id`,
      [post?.id, author.id],
    );
    const [reply] = await sql<{ id: number }>(
      `INSERT INTO comment (post_id, parent_id, author_id, author_perspective, body_markdown, body_html, status)
       VALUES ($1, $2, $3, 'supported_person', '## The review' || chr(10) || chr(10) || 'Ring me on 07700 900123.', '', 'pending') RETURNING id`,
      [post?.id, parent?.id, replier.id],
    );
    const html = await pageText("/moderation?kind=comment", moderator.cookie);
    expect(headings(html)).toEqual(["Reply to “Has anyone had a review?”"]);
    expect(html).toMatch(new RegExp(`On the post <a [^>]*href="/stories/${post?.id}">Has anyone had a review\\?</a>`));
    expect(html).toContain("<p>Ours was <em>quick</em>.</p>");
    expect(html).toContain("<h2>The review</h2>");
    expect(html).not.toContain("## The review");
    expect(html).toContain('<mark class="finding">07700 900123</mark>');
    expect(html).toContain("<dt>Council</dt><dd>Middlesbrough</dd>");
    expect(html).toContain("anonymous: a person with support needs");
    expect(html).toContain(`id="item-comment-${reply?.id}"`);

    const posts = await pageText("/moderation?kind=post", moderator.cookie);
    expect(posts).not.toContain("Has anyone had a review?");
  });

  it("a post's council, tags and byline: named or anonymous", async () => {
    const author = await account("member");
    const moderator = await account("moderator", 2);
    const [post] = await sql<{ id: number }>(
      `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_id, author_perspective, status, area_code, display_mode)
       VALUES ('story', 'Named and tagged', 'Text', '', '', $1, 'carer', 'pending', 'E06000001', 'handle') RETURNING id`,
      [author.id],
    );
    const [tag] = await sql<{ label: string }>(
      `INSERT INTO post_tag (post_id, tag_id) SELECT $1, id FROM tag ORDER BY id LIMIT 1 RETURNING (SELECT label FROM tag ORDER BY id LIMIT 1) AS label`,
      [post?.id],
    );
    const html = await pageText("/moderation?kind=post&council=E06000001", moderator.cookie);
    expect(html).toContain("<dt>Council</dt><dd>Hartlepool</dd>");
    expect(html).toContain(`<dt>Tags</dt><dd>${tag?.label}</dd>`);
    expect(html).toContain(`under their name: ${author.handle}`);
  });
});

describe("filters", () => {
  it("by council (chosen by name), by age, by reason and by reported items", async () => {
    const author = await account("member", 1);
    const moderator = await account("moderator", 2);
    await pendingPosts(author.id, ["Filter: Hartlepool today"], 0, "E06000001");
    await pendingPosts(author.id, ["Filter: Middlesbrough a week ago"], 8, "E06000002");
    const [published] = await sql<{ id: number }>(
      `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_id, author_perspective, status, published_at)
       VALUES ('story', 'Filter: reported', 'b', '<p>b</p>', 'b', $1, 'carer', 'published', now()) RETURNING id`,
      [author.id],
    );
    const flagger = await account("member", 1);
    await send(`/flag?post=${published?.id}`, { form: { reason: "spam" }, cookie: flagger.cookie });

    const everything = await pageText("/moderation", moderator.cookie);
    expect(everything).toContain('<option value="E06000001">Hartlepool</option>');
    const hartlepool = await pageText("/moderation?council=E06000001", moderator.cookie);
    expect(headings(hartlepool)).toContain("Post: Filter: Hartlepool today");
    expect(headings(hartlepool)).not.toContain("Post: Filter: Middlesbrough a week ago");
    const old = headings(await pageText("/moderation?age=7", moderator.cookie));
    expect(old).toContain("Post: Filter: Middlesbrough a week ago");
    expect(old).not.toContain("Post: Filter: Hartlepool today");
    const reported = headings(await pageText("/moderation?kind=flagged", moderator.cookie));
    expect(reported).toEqual(["Post: Filter: reported"]);
    const byReason = headings(await pageText("/moderation?reason=flagged", moderator.cookie));
    expect(byReason).toEqual(["Post: Filter: reported"]);
    // Nonsense in the address is ignored, never a 500.
    expect(
      (await send("/moderation?council=Hartlepool&age=2&kind=x&reason=%FF", { cookie: moderator.cookie })).status,
    ).toBe(200);
  });
});

describe("several items at once", () => {
  const bulk = (cookie: string, items: string[], decision: string, extra: Record<string, string> = {}) =>
    send("/moderation", { form: { intent: "bulk", decision, item: items, ...extra }, cookie });

  it("approves the selected items in one POST, and rejects others with one house rule", async () => {
    const author = await account("member");
    const moderator = await account("moderator", 2);
    const posts = await pendingPosts(author.id, ["Bulk one", "Bulk two", "Bulk three", "Bulk four"]);
    const [a, b, c, d] = posts.map((p) => `post:${p.id}:1`);
    const approved = await bulk(moderator.cookie, [a ?? "", b ?? "", c ?? ""], "approve");
    expect(approved.status).toBe(303);
    const back = approved.headers.get("Location") ?? "";
    expect(back).toContain("done=approve&n=3");
    expect(await pageText(back, moderator.cookie)).toContain(
      "3 items were approved and published. Each author has been told.",
    );
    const statuses = await sql<{ status: string }>(`SELECT status FROM post WHERE id = ANY($1) ORDER BY title`, [
      posts.map((p) => p.id),
    ]);
    expect(statuses.map((s) => s.status).sort()).toEqual(["pending", "published", "published", "published"]);
    expect((await bulk(moderator.cookie, [d ?? ""], "reject")).status).toBe(400);
    const rejected = await bulk(moderator.cookie, [d ?? ""], "reject", { rule: "4", note: "An advert." });
    expect(rejected.status).toBe(303);
    const [log] = await sql<{ action: string; reason: string }>(
      `SELECT action, reason FROM moderation_action WHERE target_id = $1`,
      [String(posts[3]?.id)],
    );
    expect(log).toEqual({ action: "post.reject", reason: "House rule 4, “No advertising”. An advert." });
  });

  it("hostile selections: items already handled or not in the queue are a clear 4xx or a message, never a 500", async () => {
    const author = await account("member");
    const moderator = await account("moderator", 2);
    const other = await account("moderator", 2);
    const [first, second] = await pendingPosts(author.id, ["Hostile one", "Hostile two"]);
    await bulk(other.cookie, [`post:${first?.id}:1`], "approve");
    // Only items already dealt with (and one that never existed): 409, nothing changed.
    const stale = await bulk(moderator.cookie, [`post:${first?.id}:1`, "post:2147483000:1", "comment:5:1"], "approve");
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("None of the selected items was changed");
    // A mix: what could be done is done, the rest counted.
    const mixed = await bulk(moderator.cookie, [`post:${first?.id}:1`, `post:${second?.id}:1`], "approve");
    expect(mixed.status).toBe(303);
    expect(await pageText(mixed.headers.get("Location") ?? "", moderator.cookie)).toContain(
      "The item was approved and published. The author has been told. 1 item could not be: another moderator had already dealt with it, or it was not waiting for a decision.",
    );
    for (const [items, message] of [
      [[], "Select at least one item"],
      [["post:abc:1"], "could not be read"],
      [["post:1:1; DROP TABLE post"], "could not be read"],
      [Array.from({ length: 51 }, (_, i) => `post:${i + 1}:1`), "at most 50"],
    ] as [string[], string][]) {
      const refused = await bulk(moderator.cookie, items, "approve");
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain(message);
    }
    expect((await bulk(moderator.cookie, [`post:${second?.id}:2`], "publish")).status).toBe(400);
    // A moderator's own item is never decided, even when sent by hand.
    const [own] = await pendingPosts(moderator.id, ["My own, in bulk"]);
    expect((await bulk(moderator.cookie, [`post:${own?.id}:1`], "approve")).status).toBe(409);
    const [row] = await sql<{ status: string }>(`SELECT status FROM post WHERE id = $1`, [own?.id]);
    expect(row?.status).toBe("pending");
  });
});

describe("after a decision", () => {
  it("the notice and focus sit where the item was: redirect to the same page, the next item's place, #done", async () => {
    const author = await account("member");
    const moderator = await account("moderator", 2);
    const [first, second] = await pendingPosts(author.id, ["Where one", "Where two"], 40);
    const response = await send("/moderation?age=30", {
      form: { kind: "post", id: String(first?.id), version: "1", decision: "approve", at: `item-post-${second?.id}` },
      cookie: moderator.cookie,
    });
    expect(response.status).toBe(303);
    const location = response.headers.get("Location") ?? "";
    expect(location).toBe(`/moderation?age=30&done=approve&n=1&at=item-post-${second?.id}#done`);
    const html = await pageText(location, moderator.cookie);
    const at = html.indexOf(`id="item-post-${second?.id}"`);
    const notice = html.indexOf('id="done"');
    expect(at).toBeGreaterThan(-1);
    expect(notice).toBeGreaterThan(at);
    expect(notice).toBeLessThan(html.indexOf(`id="item-post-${second?.id}-heading"`));
    expect(html.slice(notice - 80, notice + 200)).toContain('role="status"');
  });
});

describe("the audit log in plain words", () => {
  it("labels every action, shows an edit as a word diff with linked targets, and filters by who, what, target and date", async () => {
    const author = await account("member");
    const moderator = await account("moderator", 2);
    const [post] = await pendingPosts(author.id, ["Logged edit"]);
    await sql(`UPDATE post SET body_markdown = 'Call Mrs Okafor on Tuesday.' WHERE id = $1`, [post?.id]);
    await send(`/moderation/edit?kind=post&id=${post?.id}`, {
      form: { version: "1", title: "Logged edit", body: "Call [name] on Tuesday.", reason: "Removed a name." },
      cookie: moderator.cookie,
    });
    await send("/moderation", {
      form: {
        intent: "silence",
        userId: String(author.id),
        days: "3",
        silenceReason: "Cooling off.",
        itemKey: "post-1",
      },
      cookie: moderator.cookie,
    });
    const log = await pageText(`/moderation/log?who=${moderator.handle}`, moderator.cookie);
    expect(log).toContain("<td>Edited a post, then approved it</td>");
    expect(log).toContain("<td>Paused a member&#x27;s posting</td>");
    expect(log).toMatch(/<del>Mrs Okafor<\/del>/);
    expect(log).toMatch(/<ins>\[name\]<\/ins>/);
    expect(log).toMatch(new RegExp(`<a [^>]*href="/stories/${post?.id}/history">Post ${post?.id}</a>`));
    expect(log).toMatch(new RegExp(`<a [^>]*href="/u/${author.handle}">Member ${author.handle}</a>`));
    expect(log).toContain("Posting paused until: not paused → ");
    expect(log).not.toMatch(/post\.edit_approve<|user\.silence<|\{&quot;|\{"body"/);
    expect(findTimeLeaks(log, [new Date()], { allowDays: true })).toEqual([]);

    const onlyEdits = await pageText("/moderation/log?action=post.edit_approve", moderator.cookie);
    expect(onlyEdits).toContain("<td>Edited a post, then approved it</td>");
    expect(onlyEdits).not.toContain("<td>Paused a member&#x27;s posting</td>");
    const byTarget = await pageText(`/moderation/log?target=user&targetId=${author.id}`, moderator.cookie);
    expect(byTarget).toContain("<td>Paused a member&#x27;s posting</td>");
    expect(byTarget).not.toContain("<td>Edited a post");
    const month = new Date().toISOString().slice(0, 7);
    expect(await pageText(`/moderation/log?who=${moderator.handle}&month=${month}`, moderator.cookie)).toContain(
      "<td>Edited a post, then approved it</td>",
    );
    const lastYear = await pageText(
      `/moderation/log?who=${moderator.handle}&from=2020-01-01&to=2020-12-31`,
      moderator.cookie,
    );
    expect(lastYear).toContain("No actions recorded that match these filters.");
    expect(
      (await send("/moderation/log?from=2026-02-31&month=13&before=-1", { cookie: moderator.cookie })).status,
    ).toBe(200);
  });
});

describe("the house rules", () => {
  it("are a public page of numbered rules, linked from the footer, the join page and the posting forms", async () => {
    const page = await pageText("/house-rules");
    expect(page).toContain("<h1>House rules</h1>");
    expect(page).toContain('id="rule-2"');
    expect(page).toContain("Keep other people unidentifiable");
    expect(page).toMatch(/<footer[\s\S]*href="\/house-rules"/);
    expect(await pageText("/join")).toMatch(/<main[\s\S]*href="\/house-rules"[\s\S]*<\/main>/);
    const member = await account("member", 1);
    expect(await pageText("/stories/new", member.cookie)).toMatch(/<main[\s\S]*href="\/house-rules"[\s\S]*<\/main>/);
  });
});
