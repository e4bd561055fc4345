// A reply is saved together with the notification it sends, inside one transaction. When the
// database connection dies part-way, nothing is saved, the member is told so with a 503 (never a
// 500), and their retry with the same form saves the reply once. The load test found both
// failures: a 503 "not saved" for a reply that was saved, and a 500 from the transaction itself.
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { send, signUp, stripComments } from "../support/remix";
import { sql } from "../support/sql";

async function trustedMember() {
  const account = await signUp();
  await sql(`UPDATE "user" SET trust_level = 2 WHERE handle_key = lower($1)`, [account.handle]);
  return account;
}

let author: Awaited<ReturnType<typeof trustedMember>>;
let replier: Awaited<ReturnType<typeof trustedMember>>;
let postId: number;

beforeAll(async () => {
  author = await trustedMember();
  replier = await trustedMember();
  const [post] = await sql<{ id: number }>(
    `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_id, author_perspective, status, published_at)
     SELECT 'story', 'Waiting for a review', 'Body', '<p>Body</p>', 'Body', id, 'carer', 'published', now()
     FROM "user" WHERE handle_key = lower($1) RETURNING id`,
    [author.handle],
  );
  postId = post?.id ?? 0;
  // The connection that runs this trigger is cut off, as when PostgreSQL restarts mid-request.
  await sql(`CREATE FUNCTION cut_connection() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NULL; END $$`);
});

afterEach(async () => {
  await sql(`DROP TRIGGER IF EXISTS cut_connection ON notification`);
  await sql(`DROP TRIGGER IF EXISTS cut_connection ON comment`);
});

async function replyTwice(body: string) {
  const form = { submissionKey: crypto.randomUUID(), body, displayMode: "anonymous" };
  const failed = await send(`/stories/${postId}`, { form, cookie: replier.cookie });
  const html = stripComments(await failed.text());
  const savedDuringFailure = await sql(`SELECT 1 FROM comment WHERE submission_key = $1`, [form.submissionKey]);
  await sql(`DROP TRIGGER IF EXISTS cut_connection ON notification`);
  await sql(`DROP TRIGGER IF EXISTS cut_connection ON comment`);
  const retried = await send(`/stories/${postId}`, { form, cookie: replier.cookie });
  const savedAfterRetry = await sql(`SELECT 1 FROM comment WHERE submission_key = $1`, [form.submissionKey]);
  return { failed, html, savedDuringFailure, retried, savedAfterRetry };
}

describe("the database connection dying while a reply is saved", () => {
  it("while the notification is written: nothing saved, a 503 that says so, then saved once on retry", async () => {
    await sql(
      `CREATE TRIGGER cut_connection BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION cut_connection()`,
    );
    const body = "The same happened to us at the annual review.";
    const { failed, html, savedDuringFailure, retried, savedAfterRetry } = await replyTwice(body);
    expect(failed.status).toBe(503);
    expect(html).toContain("Your reply has not been saved");
    expect(html).toContain(body);
    expect(savedDuringFailure).toHaveLength(0);
    expect(retried.status).toBe(302);
    expect(savedAfterRetry).toHaveLength(1);
    const told = await sql(
      `SELECT 1 FROM notification n JOIN "user" u ON u.id = n.user_id WHERE u.handle_key = lower($1)`,
      [author.handle],
    );
    expect(told).toHaveLength(1);
  });

  it("at commit: a 503, not a 500, and nothing saved", async () => {
    await sql(`CREATE CONSTRAINT TRIGGER cut_connection AFTER INSERT ON comment DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION cut_connection()`);
    const { failed, html, savedDuringFailure, retried, savedAfterRetry } = await replyTwice(
      "We asked for the decision in writing.",
    );
    expect(failed.status).toBe(503);
    expect(html).toContain("Your reply has not been saved");
    expect(savedDuringFailure).toHaveLength(0);
    expect(retried.status).toBe(302);
    expect(savedAfterRetry).toHaveLength(1);
  });
});
