// Every route, and who may open it. Adding a route without a line here fails the first test, so
// nobody can add a page and forget to decide who may see it.
import { readdirSync } from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { send, signUp, uniqueHandle } from "../support/remix";
import { sql } from "../support/sql";

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
  "feeds.stories[.]atom.ts": { path: "/feeds/stories.atom", access: "public" },
  "feeds.stories[.]rss.ts": { path: "/feeds/stories.rss", access: "public" },
  "flag.tsx": { path: "/flag?post=1", access: "member" },
  "healthz.ts": { path: "/healthz", access: "public" },
  "help.safeguarding.tsx": { path: "/help/safeguarding", access: "public" },
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
  "outcomes.region.$code.tsx": { path: "/outcomes/region/E12000001", access: "public" },
  "privacy.tsx": { path: "/privacy", access: "public" },
  "recover.tsx": { path: "/recover", access: "signed-out" },
  "settings.api-keys.tsx": { path: "/settings/api-keys", access: "researcher" },
  "settings.data.ts": { path: "/settings/data", access: "member" },
  "settings.delete.tsx": { path: "/settings/delete", access: "member" },
  "settings._index.tsx": { path: "/settings", access: "member" },
  "sign-in.tsx": { path: "/sign-in", access: "signed-out" },
  "sign-out.tsx": { path: "/sign-out", access: "public" },
  "comments.$id.edit.tsx": { path: "/comments/1/edit", access: "author" },
  "reports.new.tsx": { path: "/reports/new", access: "member" },
  "reports.thanks.tsx": { path: "/reports/thanks", access: "member" },
  "stories.$id.tsx": { path: "/stories/1", access: "public" },
  "stories.$id_.edit.tsx": { path: "/stories/1/edit", access: "author" },
  "stories.$id_.history.tsx": { path: "/stories/1/history", access: "moderator" },
  "stories.export[.]csv.ts": { path: "/stories/export.csv", access: "public" },
  "stories.export[.]json.ts": { path: "/stories/export.json", access: "public" },
  "stories.new.tsx": { path: "/stories/new", access: "member" },
  "stories._index.tsx": { path: "/stories", access: "public" },
  "u.$handle.tsx": { path: "/u/someone", access: "public" },
};

const ROLE_RANK: Record<string, number> = { member: 1, researcher: 2, moderator: 2, admin: 3 };
const cookies: Record<string, string> = {};

beforeAll(async () => {
  // Post 1 (published) and post 2 (pending), for the routes that need them to exist.
  await sql(
    `INSERT INTO post (id, kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at)
     VALUES (1, 'story', 'A story', 'Body', '<p>Body</p>', 'Body', 'carer', 'published', now()),
            (2, 'story', 'Pending', 'Body', '<p>Body</p>', 'Body', 'carer', 'pending', null)`,
  );
  for (const role of ["member", "moderator", "researcher", "admin"]) {
    const { handle, cookie } = await signUp(uniqueHandle(role));
    await sql(`UPDATE "user" SET role = $1 WHERE handle_key = lower($2)`, [role, handle]);
    cookies[role] = cookie;
  }
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
    const files = readdirSync(path.resolve(import.meta.dirname, "..", "..", "app", "routes")).filter((f) => !f.includes(".test."));
    expect(files.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  for (const [file, { path: url, access }] of Object.entries(ROUTES)) {
    if (access === "public" || access === "author") continue;
    it(`${file} (${url}) is for ${access}`, async () => {
      for (const role of [null, "member", "researcher", "moderator", "admin"]) {
        const response = await send(url, { cookie: role ? cookies[role] : null });
        const status = response.status;
        if (allowed(access, role)) {
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

  it("refuses actions as well as pages: a member cannot change roles", async () => {
    const { handle } = await signUp();
    const [target] = await sql<{ id: number }>(`SELECT id FROM "user" WHERE handle_key = lower($1)`, [handle]);
    const response = await send("/admin/roles", { form: { userId: String(target?.id), role: "admin" }, cookie: cookies.member });
    expect(response.status).toBe(403);
    const [row] = await sql<{ role: string }>(`SELECT role FROM "user" WHERE id = $1`, [target?.id]);
    expect(row?.role).toBe("member");
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
    const response = await send("/admin/roles", { form: { userId: String(me?.id), role: "member" }, cookie: cookies.admin });
    expect(response.status).toBe(403);
  });
});
