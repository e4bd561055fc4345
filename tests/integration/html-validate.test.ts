// Every page type's server-rendered HTML through html-validate (html-validate:recommended). Rules
// turned off in .config/htmlvalidate.json are the ones React's own output breaks, since JSON cannot
// carry comments: void-style (React writes <meta/>), valid-id (React's streaming boundaries use ids
// like "S:0"), attribute-boolean-style (React writes checked=""), attr-case (React writes charSet,
// dateTime, autoComplete), attribute-empty-style (React writes download=""). form-dup-name lets a
// checkbox group share its name with hidden inputs carrying earlier choices.
import { readFileSync } from "node:fs";
import path from "node:path";

import { type ConfigData, HtmlValidate } from "html-validate";
import { beforeAll, describe, expect, it } from "vitest";

import { ADMIN_PAGES, memberPages, moderatorPages } from "../support/pages";
import { send, signUp, signUpInRoles, uniqueHandle } from "../support/remix";
import { sql } from "../support/sql";
import { addPostsOneAndTwo } from "../support/stories";

const config = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "..", "..", ".config", "htmlvalidate.json"), "utf8"),
) as ConfigData;
const validator = new HtmlValidate(config);
const cookies: Record<string, string | null> = { "signed out": null };

const PAGES: Record<string, string[]> = {
  "signed out": [
    "/",
    "/join",
    "/sign-in",
    "/recover",
    "/account-deleted",
    "/help/safeguarding",
    "/help",
    "/about",
    "/about/api",
    "/privacy",
    "/house-rules",
    "/accessibility",
    "/stories/1",
    "/stories",
    "/stories?q=story",
    "/outcomes",
    "/outcomes/about-the-data",
    "/outcomes/region/E12000001",
    "/outcomes/E06000001",
    "/options",
    "/options/E06000001",
    "/collections",
    "/no-such-page",
  ],
  member: memberPages(1),
  moderator: moderatorPages(2),
  admin: ADMIN_PAGES,
  researcher: ["/settings/api-keys"],
};

beforeAll(async () => {
  await addPostsOneAndTwo();
  Object.assign(cookies, await signUpInRoles(["member", "moderator", "admin", "researcher"]));
  // The queue with both silence forms: "Silence" for a member, "Lift silence" for a silenced one
  // (shown twice: beside their post and in the list of paused members).
  const [member] = await sql<{ id: number }>(`SELECT id FROM "user" WHERE role = 'member' LIMIT 1`);
  const { handle: silenced } = await signUp(uniqueHandle("silenced"));
  const [quiet] = await sql<{ id: number }>(
    `UPDATE "user" SET silenced_until = now() + interval '3 days' WHERE handle_key = lower($1) RETURNING id`,
    [silenced],
  );
  await sql(
    `INSERT INTO post (id, kind, title, body_markdown, body_html, body_text, author_id, author_perspective, status)
     VALUES (3, 'story', 'Pending from a member', 'Body', '<p>Body</p>', 'Body', $1, 'carer', 'pending'),
            (4, 'story', 'Pending from a silenced member', 'Body', '<p>Body</p>', 'Body', $2, 'carer', 'pending')`,
    [member?.id, quiet?.id],
  );
});

describe("every page type is valid HTML", () => {
  for (const [role, paths] of Object.entries(PAGES)) {
    it(role, async () => {
      for (const url of paths) {
        const response = await send(url, { cookie: cookies[role] ?? null });
        expect([200, 404], url).toContain(response.status);
        const report = await validator.validateString(await response.text());
        const errors = report.results.flatMap((result) =>
          result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`),
        );
        expect(errors, url).toEqual([]);
      }
    });
  }
});
