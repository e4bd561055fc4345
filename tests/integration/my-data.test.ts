import { describe, expect, it } from "vitest";

import { GOOD_PASSWORD, send, signUp } from "../support/remix";
import { sql } from "../support/sql";

async function userIdOf(handle: string) {
  const [row] = await sql<{ id: number }>(`SELECT id FROM "user" WHERE handle_key = lower($1)`, [handle]);
  if (!row) throw new Error("no such user");
  return row.id;
}

async function publishPost(authorId: number, title: string, displayMode: "handle" | "anonymous") {
  const [row] = await sql<{ id: number }>(
    `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_id, display_mode, author_perspective,
                       status, published_at, area_code)
     VALUES ('story', $1, 'Body text', '<p>Body text</p>', 'Body text', $2, $3, 'carer', 'published', now(), 'E06000001')
     RETURNING id`,
    [title, authorId, displayMode],
  );
  return row?.id ?? 0;
}

describe("a person's own data", () => {
  it("downloads as JSON with everything they wrote", async () => {
    const { handle, cookie } = await signUp();
    const id = await userIdOf(handle);
    await publishPost(id, "Our first year of direct payments", "anonymous");
    const response = await send("/settings/data", { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toContain("attachment");
    const body = await response.json();
    expect(body.account.handle).toBe(handle);
    expect(body.posts.map((p: { title: string }) => p.title)).toEqual(["Our first year of direct payments"]);
    expect(body).not.toHaveProperty("account.passwordHash");
    expect(JSON.stringify(body)).not.toContain("argon2");
  });

  it("includes their private marks: the posts they have experienced too and the replies that helped them", async () => {
    const writer = await signUp();
    const reader = await signUp();
    const postId = await publishPost(await userIdOf(writer.handle), "A thread with a good reply", "anonymous");
    const readerId = await userIdOf(reader.handle);
    const [reply] = await sql<{ id: number }>(
      `INSERT INTO comment (post_id, author_id, body_markdown, body_html, display_mode, author_perspective, status, published_at)
       VALUES ($1, $2, 'Try the carers centre.', '<p>Try the carers centre.</p>', 'anonymous', 'carer', 'published', now())
       RETURNING id`,
      [postId, await userIdOf(writer.handle)],
    );
    await sql(`INSERT INTO post_reaction (post_id, user_id) VALUES ($1, $2)`, [postId, readerId]);
    await sql(`INSERT INTO comment_helpful (comment_id, user_id) VALUES ($1, $2)`, [reply?.id, readerId]);
    const body = await (await send("/settings/data", { cookie: reader.cookie })).json();
    expect(body.experiencedThisToo).toEqual([postId]);
    expect(body.repliesThatHelped).toEqual([reply?.id]);
    const writersBody = await (await send("/settings/data", { cookie: writer.cookie })).json();
    expect(writersBody.experiencedThisToo).toEqual([]);
    expect(writersBody.repliesThatHelped).toEqual([]);
  });

  it("includes their answers to collections and their requests for the researcher role", async () => {
    const { handle, cookie } = await signUp();
    const id = await userIdOf(handle);
    const postId = await publishPost(id, "Our review, in a booklet", "anonymous");
    const [collection] = await sql<{ id: number }>(
      `INSERT INTO collection (slug, title, intro_markdown, intro_html, updated_at)
       VALUES ('my-data-' || floor(random() * 1e9)::text, 'Reviews and cuts', 'Intro', '<p>Intro</p>', now()) RETURNING id`,
    );
    await sql(
      `INSERT INTO collection_item (collection_id, post_id, position, consent) VALUES ($1, $2, 1, 'declined')`,
      [collection?.id, postId],
    );
    await sql(`INSERT INTO researcher_request (user_id, research, data_use, open_user_id) VALUES ($1, $2, $3, $1)`, [
      id,
      "Waiting times for assessments",
      "Aggregated only",
    ]);
    const body = await (await send("/settings/data", { cookie })).json();
    expect(body.posts[0].collections).toEqual([
      expect.objectContaining({ title: "Reviews and cuts", consent: "declined" }),
    ]);
    expect(body.researcherRoleRequests).toEqual([
      expect.objectContaining({ research: "Waiting times for assessments", status: "open" }),
    ]);
  });

  it("is not downloadable without signing in", async () => {
    const response = await send("/settings/data");
    expect(response.status).toBe(302);
  });
});

describe("deleting an account", () => {
  it("can keep the posts, detached from any identity and shown anonymously", async () => {
    const { handle, cookie } = await signUp();
    const id = await userIdOf(handle);
    const postId = await publishPost(id, "Keep this one", "handle");
    const response = await send("/settings/delete", { form: { content: "detach", password: GOOD_PASSWORD }, cookie });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/account-deleted");
    expect(response.headers.get("Set-Cookie")).toContain("Max-Age=0");
    expect(await sql(`SELECT 1 FROM "user" WHERE id = $1`, [id])).toHaveLength(0);
    expect(await sql(`SELECT 1 FROM session WHERE user_id = $1`, [id])).toHaveLength(0);
    const [post] = await sql<{ author_id: number | null; display_mode: string; status: string }>(
      `SELECT author_id, display_mode, status FROM post WHERE id = $1`,
      [postId],
    );
    expect(post).toEqual({ author_id: null, display_mode: "anonymous", status: "published" });
    const page = await (await send(`/stories/${postId}`)).text();
    expect(page).not.toContain(handle);
    expect(page).toContain("a carer in the North East");
  });

  it("can delete the posts too, all in one go", async () => {
    const { handle, cookie } = await signUp();
    const id = await userIdOf(handle);
    const postId = await publishPost(id, "Delete this one", "anonymous");
    await send("/settings/delete", { form: { content: "delete", password: GOOD_PASSWORD }, cookie });
    expect(await sql(`SELECT 1 FROM post WHERE id = $1`, [postId])).toHaveLength(0);
    expect(await sql(`SELECT 1 FROM "user" WHERE id = $1`, [id])).toHaveLength(0);
  });

  it("asks for the password and a choice, keeping the choice when refused", async () => {
    const { handle, cookie } = await signUp();
    const response = await send("/settings/delete", {
      form: { content: "detach", password: "wrong password here" },
      cookie,
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Your password is not right");
    expect(html).toMatch(/<input[^>]*checked=""[^>]*value="detach"/);
    const noChoice = await send("/settings/delete", { form: { password: GOOD_PASSWORD }, cookie });
    expect(await noChoice.text()).toContain("Choose what should happen");
    expect(await userIdOf(handle)).toBeGreaterThan(0);
  });
});

describe("public profiles", () => {
  it("show only what was published under the handle, never anonymous posts", async () => {
    const { handle } = await signUp();
    const id = await userIdOf(handle);
    await publishPost(id, "Signed with my name", "handle");
    await publishPost(id, "Posted anonymously", "anonymous");
    const response = await send(`/u/${handle}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Signed with my name");
    expect(html).not.toContain("Posted anonymously");
  });

  it("are 404 for unknown handles", async () => {
    expect((await send("/u/nobody_by_this_name")).status).toBe(404);
  });
});
