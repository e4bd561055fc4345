// Every route, and who may open it. Adding a route without a line here fails the first test, so
// nobody can add a page and forget to decide who may see it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { send, signUp, signUpInRoles, uniqueClientAddress, uniqueHandle } from "../support/remix";
import { sql } from "../support/sql";
import { addPostsOneAndTwo } from "../support/stories";

// "author": signed-in members, and then only the author of the thing (tested in posting.test.ts).
type Access = "public" | "signed-out" | "member" | "author" | "moderator" | "researcher" | "admin";

const ROUTES: Record<string, { path: string; access: Access }> = {
  "$.tsx": { path: "/no-such-page", access: "public" },
  "_index.tsx": { path: "/", access: "public" },
  "about.tsx": { path: "/about", access: "public" },
  "about_.api.tsx": { path: "/about/api", access: "public" },
  "accessibility.tsx": { path: "/accessibility", access: "public" },
  "account-deleted.tsx": { path: "/account-deleted", access: "public" },
  "admin.roles.tsx": { path: "/admin/roles", access: "admin" },
  "admin.watched-words.tsx": { path: "/admin/watched-words", access: "admin" },
  "api.v1.$.ts": { path: "/api/v1/no-such-endpoint", access: "public" },
  "api.v1.councils.ts": { path: "/api/v1/councils", access: "public" },
  "api.v1.openapi[.]json.ts": { path: "/api/v1/openapi.json", access: "public" },
  "api.v1.outcomes.ts": { path: "/api/v1/outcomes", access: "public" },
  "api.v1.stories.$id.ts": { path: "/api/v1/stories/1", access: "public" },
  "api.v1.stories._index.ts": { path: "/api/v1/stories", access: "public" },
  "api.v1.tags.ts": { path: "/api/v1/tags", access: "public" },
  "collections._index.tsx": { path: "/collections", access: "public" },
  "collections.$slug.tsx": { path: "/collections/roles-sweep", access: "public" },
  "collections.$slug[.]atom.ts": { path: "/collections/roles-sweep.atom", access: "public" },
  "collections.$slug[.]pdf.ts": { path: "/collections/roles-sweep.pdf", access: "public" },
  "collections.$slug_.edit.tsx": { path: "/collections/roles-sweep/edit", access: "researcher" },
  "collections.add.tsx": { path: "/collections/add?story=1", access: "researcher" },
  "collections.consent.tsx": { path: "/collections/consent", access: "member" },
  "drafts._index.tsx": { path: "/drafts", access: "member" },
  // Action only (the autosave, the codes' download): a GET is sent on to a page, for everyone alike.
  "drafts.save.ts": { path: "/drafts/save", access: "public" },
  "recovery-codes[.]txt.ts": { path: "/recovery-codes.txt", access: "public" },
  "feeds.stories[.]atom.ts": { path: "/feeds/stories.atom", access: "public" },
  "feeds.stories[.]rss.ts": { path: "/feeds/stories.rss", access: "public" },
  "find-council.tsx": { path: "/find-council?council=Hartlepool", access: "public" },
  "flag.tsx": { path: "/flag?post=1", access: "member" },
  "following.tsx": { path: "/following", access: "member" },
  "healthz.ts": { path: "/healthz", access: "public" },
  "help.safeguarding.tsx": { path: "/help/safeguarding", access: "public" },
  "help._index.tsx": { path: "/help", access: "public" },
  "house-rules.tsx": { path: "/house-rules", access: "public" },
  "join.tsx": { path: "/join", access: "signed-out" },
  "moderation._index.tsx": { path: "/moderation", access: "moderator" },
  "moderation.edit.tsx": { path: "/moderation/edit?kind=post&id=2", access: "moderator" },
  "moderation.log.tsx": { path: "/moderation/log", access: "moderator" },
  "notifications.tsx": { path: "/notifications", access: "member" },
  "outcomes._index.tsx": { path: "/outcomes", access: "public" },
  "outcomes.$code.tsx": { path: "/outcomes/E06000001", access: "public" },
  "outcomes.about-the-data.tsx": { path: "/outcomes/about-the-data", access: "public" },
  "outcomes.data[.]csv.ts": { path: "/outcomes/data.csv", access: "public" },
  "outcomes.data[.]json.ts": { path: "/outcomes/data.json", access: "public" },
  "outcomes.datapackage[.]json.ts": { path: "/outcomes/datapackage.json", access: "public" },
  "outcomes.region.$code.tsx": { path: "/outcomes/region/E12000001", access: "public" },
  "options._index.tsx": { path: "/options", access: "public" },
  "options.$code.tsx": { path: "/options/E06000001", access: "public" },
  "privacy.tsx": { path: "/privacy", access: "public" },
  "saved.tsx": { path: "/saved", access: "member" },
  "recover.tsx": { path: "/recover", access: "signed-out" },
  "settings.api-keys.tsx": { path: "/settings/api-keys", access: "researcher" },
  "settings.researcher.tsx": { path: "/settings/researcher", access: "member" },
  "settings.data.ts": { path: "/settings/data", access: "member" },
  "settings.delete.tsx": { path: "/settings/delete", access: "member" },
  "settings._index.tsx": { path: "/settings", access: "member" },
  "sign-in.tsx": { path: "/sign-in", access: "signed-out" },
  "sign-out.tsx": { path: "/sign-out", access: "public" },
  "comments.$id.edit.tsx": { path: "/comments/1/edit", access: "author" },
  "reports._index.tsx": { path: "/reports", access: "member" },
  "reports.new.tsx": { path: "/reports/new", access: "member" },
  "reports.thanks.tsx": { path: "/reports/thanks", access: "member" },
  "stories.$id.tsx": { path: "/stories/1", access: "public" },
  "stories.$id_.edit.tsx": { path: "/stories/1/edit", access: "author" },
  "stories.$id_.history.tsx": { path: "/stories/1/history", access: "moderator" },
  "stories.export[.]csv.ts": { path: "/stories/export.csv", access: "public" },
  "stories.export[.]json.ts": { path: "/stories/export.json", access: "public" },
  "stories.export.datapackage[.]json.ts": { path: "/stories/export/datapackage.json", access: "public" },
  "stories.new.tsx": { path: "/stories/new", access: "member" },
  "stories._index.tsx": { path: "/stories", access: "public" },
  "u.$handle.tsx": { path: "/u/someone", access: "public" },
};

const ROLE_RANK: Record<string, number> = { member: 1, researcher: 2, moderator: 2, admin: 3 };
const cookies: Record<string, string> = {};

// Pages whose loader already asks for a write permission, so a silenced member is refused the form
// itself rather than being shown a form they cannot send.
const WRITE_PAGES = new Set(["flag.tsx", "reports.new.tsx", "stories.new.tsx"]);

// Every route with an action, and what a silenced member sending it would be trying to do. WRITES
// must be refused with the silencing page; the others are not writes of content (signing in or out,
// their own settings, staff tools a member cannot reach anyway, the read-only API), each with why.
const WRITES: Record<string, { path: string; form: Record<string, string> }> = {
  "comments.$id.edit.tsx": {
    path: "/comments/{comment}/edit",
    form: { body: "Edited while silenced, long enough to be valid." },
  },
  "drafts.save.ts": {
    path: "/drafts/save",
    form: { draftKind: "story", title: "Drafted while silenced", body: "A draft kept while silenced." },
  },
  "flag.tsx": { path: "/flag?post=1", form: { reason: "spam", note: "Flagged while silenced" } },
  "reports.new.tsx": { path: "/reports/new", form: { councilCode: "E06000001" } },
  "stories.$id.tsx": {
    path: "/stories/1",
    form: { intent: "comment", body: "A comment sent while silenced, long enough." },
  },
  "stories.$id_.edit.tsx": {
    path: "/stories/{post}/edit",
    form: { title: "Edited while silenced", body: "Edited body while silenced." },
  },
  "stories.new.tsx": {
    path: "/stories/new",
    form: { title: "Posted while silenced", body: "A body posted while silenced." },
  },
};
const NOT_WRITES: Record<string, string> = {
  "admin.roles.tsx": "admin only, refused to every member above",
  "admin.watched-words.tsx": "admin only, refused to every member above",
  "api.v1.$.ts": "the API is read-only: POST is 405 for everyone",
  "api.v1.councils.ts": "the API is read-only: POST is 405 for everyone",
  "api.v1.openapi[.]json.ts": "the API is read-only: POST is 405 for everyone",
  "api.v1.outcomes.ts": "the API is read-only: POST is 405 for everyone",
  "api.v1.stories.$id.ts": "the API is read-only: POST is 405 for everyone",
  "api.v1.stories._index.ts": "the API is read-only: POST is 405 for everyone",
  "api.v1.tags.ts": "the API is read-only: POST is 405 for everyone",
  "collections._index.tsx": "curators only, refused to every member above",
  "collections.$slug_.edit.tsx": "curators only, refused to every member above",
  "collections.add.tsx": "curators only, refused to every member above",
  "collections.consent.tsx": "an author answering for their own story: silenced, they may still decline or withdraw",
  "drafts._index.tsx": "deleting their own private draft, which silencing does not touch",
  "following.tsx": "following a tag, council or thread is a private reading choice, not content",
  "join.tsx": "for signed-out visitors only",
  "moderation._index.tsx": "moderators only, refused to every member above",
  "moderation.edit.tsx": "moderators only, refused to every member above",
  "notifications.tsx": "marking their own notifications read",
  "recover.tsx": "for signed-out visitors only",
  "saved.tsx": "unsaving a post from their own private list",
  "recovery-codes[.]txt.ts": "gives back the codes it is sent as a file, and stores nothing",
  "reports._index.tsx": "withdrawing their own report takes their answers away, which silencing does not stop",
  "settings._index.tsx": "their own account settings, which silencing does not touch",
  "settings.api-keys.tsx": "researchers only, refused to members above",
  "settings.researcher.tsx": "asking the admins for a role, private to them: not content",
  "settings.delete.tsx": "leaving the site is always allowed",
  "sign-in.tsx": "for signed-out visitors only",
  "sign-out.tsx": "signing out is always allowed",
};
const silencedOwn = { post: 0, comment: 0 };

beforeAll(async () => {
  // Post 1 (published) and post 2 (pending), for the routes that need them to exist.
  await addPostsOneAndTwo();
  await sql(
    `INSERT INTO collection (slug, title, intro_markdown, intro_html, status, published_at)
     VALUES ('roles-sweep', 'Roles sweep', 'Intro', '<p>Intro</p>', 'published', now())`,
  );
  Object.assign(cookies, await signUpInRoles(["member", "moderator", "researcher", "admin"]));
  // A member a moderator has paused for a week, with a story and a comment of their own to edit.
  const { handle, cookie } = await signUp(uniqueHandle("silenced"));
  cookies.silenced = cookie;
  const [silenced] = await sql<{ id: number }>(
    `UPDATE "user" SET silenced_until = now() + interval '7 days' WHERE handle_key = lower($1) RETURNING id`,
    [handle],
  );
  const [post] = await sql<{ id: number }>(
    `INSERT INTO post (id, kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at, author_id)
     VALUES (3, 'story', 'Mine', 'Body', '<p>Body</p>', 'Body', 'carer', 'published', now(), $1) RETURNING id`,
    [silenced?.id],
  );
  const [comment] = await sql<{ id: number }>(
    `INSERT INTO comment (post_id, author_id, author_perspective, body_markdown, body_html, status, published_at)
     VALUES (1, $1, 'carer', 'Mine', '<p>Mine</p>', 'published', now()) RETURNING id`,
    [silenced?.id],
  );
  silencedOwn.post = post?.id ?? 0;
  silencedOwn.comment = comment?.id ?? 0;
});

function allowed(access: Access, role: string | null): boolean {
  if (access === "public") return true;
  if (access === "signed-out") return role === null;
  if (role === null) return false;
  if (access === "member") return true;
  if (access === "admin") return role === "admin";
  // Moderators and admins may moderate; researchers, moderators and admins may research.
  if (access === "moderator") return role === "moderator" || role === "admin";
  if (access === "researcher") return role === "researcher" || role === "moderator" || role === "admin";
  return (ROLE_RANK[role] ?? 0) >= (ROLE_RANK[access] ?? 99);
}

describe("who may open each route", () => {
  it("lists every route file", () => {
    const files = readdirSync(path.resolve(import.meta.dirname, "..", "..", "app", "routes")).filter(
      (f) => !f.includes(".test."),
    );
    expect(files.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  for (const [file, { path: url, access }] of Object.entries(ROUTES)) {
    if (access === "public" || access === "author") continue;
    it(`${file} (${url}) is for ${access}`, async () => {
      for (const role of [null, "member", "silenced", "researcher", "moderator", "admin"]) {
        const response = await send(url, { cookie: role ? cookies[role] : null });
        const status = response.status;
        if (role === "silenced" && WRITE_PAGES.has(file)) {
          expect(status, "a silenced member is refused a form they cannot send").toBe(403);
          expect(await response.text()).toContain("paused your posting");
        } else if (allowed(access, role === "silenced" ? "member" : role)) {
          expect(status, `${role ?? "signed out"} should be let in`).toBe(200);
        } else if (role === null) {
          expect(status, "signed out should be sent to sign in").toBe(302);
          expect(response.headers.get("Location")).toMatch(/^\/sign-in/);
        } else if (access === "signed-out") {
          expect(status, `${role} is already signed in`).toBe(302);
        } else {
          expect(status, `${role} should be refused`).toBe(403);
        }
      }
    });
  }

  it("lets a silenced member read every public page a member can", async () => {
    for (const [file, { path: url, access }] of Object.entries(ROUTES)) {
      if (access !== "public") continue;
      // Each from its own address: downloads are rate limited per client, which is not what this checks.
      const asMember = await send(url, { cookie: cookies.member, clientAddress: uniqueClientAddress() });
      const asSilenced = await send(url, { cookie: cookies.silenced, clientAddress: uniqueClientAddress() });
      // Read both bodies: a download counts as running until its stream is read to the end.
      await Promise.all([asMember.text(), asSilenced.text()]);
      expect(asSilenced.status, file).toBe(asMember.status);
    }
  });

  it("refuses actions as well as pages: a member cannot change roles", async () => {
    const { handle } = await signUp();
    const [target] = await sql<{ id: number }>(`SELECT id FROM "user" WHERE handle_key = lower($1)`, [handle]);
    const response = await send("/admin/roles", {
      form: { userId: String(target?.id), role: "admin" },
      cookie: cookies.member,
    });
    expect(response.status).toBe(403);
    const [row] = await sql<{ role: string }>(`SELECT role FROM "user" WHERE id = $1`, [target?.id]);
    expect(row?.role).toBe("member");
  });
});

describe("a silenced member can read but not write", () => {
  it("lists every route with an action", () => {
    const dir = path.resolve(import.meta.dirname, "..", "..", "app", "routes");
    const withAction = readdirSync(dir).filter((f) =>
      /export (async function|const|function) action\b/.test(readFileSync(path.join(dir, f), "utf8")),
    );
    expect(withAction.sort()).toEqual([...Object.keys(WRITES), ...Object.keys(NOT_WRITES)].sort());
  });

  for (const [file, entry] of Object.entries(WRITES)) {
    it(`${file} refuses a silenced member with a clear 403 and changes nothing`, async () => {
      const count = `SELECT (SELECT count(*) FROM post)::int + (SELECT count(*) FROM comment)::int + (SELECT count(*) FROM flag)::int
        + (SELECT count(*) FROM experience_report)::int + (SELECT count(*) FROM post_revision)::int + (SELECT count(*) FROM comment_revision)::int AS n`;
      const [before] = await sql<{ n: number }>(count);
      const url = entry.path
        .replace("{post}", String(silencedOwn.post))
        .replace("{comment}", String(silencedOwn.comment));
      const response = await send(url, { form: entry.form, cookie: cookies.silenced });
      expect(response.status).toBe(403);
      expect(await response.text()).toContain("paused your posting");
      const [after] = await sql<{ n: number }>(count);
      expect(after?.n).toBe(before?.n);
    });
  }

  it("refuses a silenced member's reaction", async () => {
    const response = await send("/stories/1", { form: { intent: "react" }, cookie: cookies.silenced });
    expect(response.status).toBe(403);
    expect(await sql(`SELECT 1 FROM post_reaction WHERE post_id = 1`)).toEqual([]);
  });
});

describe("changing roles", () => {
  it("is recorded in the audit log with who, what, and why", async () => {
    const { handle } = await signUp();
    const [target] = await sql<{ id: number }>(`SELECT id FROM "user" WHERE handle_key = lower($1)`, [handle]);
    const response = await send("/admin/roles", {
      form: { userId: String(target?.id), role: "moderator", reason: "Volunteered at the meet-up" },
      cookie: cookies.admin,
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`${handle} is now a moderator`);
    const [entry] = await sql<{ action: string; target_id: string; reason: string; before: unknown; after: unknown }>(
      `SELECT action, target_id, reason, before, after FROM moderation_action WHERE target_type = 'user' AND target_id = $1`,
      [String(target?.id)],
    );
    expect(entry).toMatchObject({
      action: "role.change",
      reason: "Volunteered at the meet-up",
      before: { role: "member" },
      after: { role: "moderator" },
    });
  });

  it("does not let an admin remove their own admin role", async () => {
    const [me] = await sql<{ id: number }>(`SELECT id FROM "user" WHERE role = 'admin' LIMIT 1`);
    const response = await send("/admin/roles", {
      form: { userId: String(me?.id), role: "member" },
      cookie: cookies.admin,
    });
    expect(response.status).toBe(403);
  });
});
