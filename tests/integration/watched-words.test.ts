import { beforeAll, describe, expect, it } from "vitest";

import { send, signUp, stripComments } from "../support/remix";
import { sql } from "../support/sql";
import { addWatchedWords } from "../support/watched-words";

let admin: string;
let writer: string;

beforeAll(async () => {
  const a = await signUp();
  await sql(`UPDATE "user" SET role = 'admin', trust_level = 2 WHERE handle_key = lower($1)`, [a.handle]);
  admin = a.cookie;
  const w = await signUp();
  await sql(`UPDATE "user" SET trust_level = 2 WHERE handle_key = lower($1)`, [w.handle]);
  writer = w.cookie;
  await addWatchedWords(admin, [
    ["buy followers", "block", ""],
    ["scam*", "hold", ""],
    ["useless", "flag", ""],
    ["idiot*", "replace", "[unkind word]"],
    ["badname", "block", ""],
  ]);
});

const publish = (title: string, body: string) =>
  send("/stories/new", {
    form: {
      kind: "story",
      title,
      body,
      displayMode: "anonymous",
      submissionKey: crypto.randomUUID(),
      intent: "publish",
    },
    cookie: writer,
  });

describe("watched words", () => {
  it("block: the post is refused with the reason, and the text is kept", async () => {
    const response = await publish("Growing fast", "You can buy followers here.");
    expect(response.status).toBe(400);
    const html = await response.text().then(stripComments);
    expect(html).toContain("which is not allowed on Fifth Option");
    expect(html).toContain("You can buy followers here.");
    expect(await sql(`SELECT 1 FROM post WHERE title = 'Growing fast'`)).toHaveLength(0);
  });

  it("hold: even a trusted member's post waits for review", async () => {
    await publish("Held one", "I think the agency is a scammer.");
    const [row] = await sql<{ status: string }>(`SELECT status FROM post WHERE title = 'Held one'`);
    expect(row?.status).toBe("pending");
  });

  it("flag: published, and reported to the moderators", async () => {
    await publish("Flagged one", "The panel was useless.");
    const [row] = await sql<{ status: string; note: string }>(
      `SELECT p.status, f.note FROM post p JOIN flag f ON f.post_id = p.id WHERE p.title = 'Flagged one'`,
    );
    expect(row).toEqual({ status: "published", note: "Watched words: useless" });
  });

  it("replace: the word is swapped before saving", async () => {
    await publish("Replaced one", "They called him an idiot.");
    const [row] = await sql<{ body_markdown: string }>(`SELECT body_markdown FROM post WHERE title = 'Replaced one'`);
    expect(row?.body_markdown).toBe("They called him an [unkind word].");
  });

  it("apply to names at sign-up too", async () => {
    // Whole words only: "badname" inside a longer word is not matched...
    const response = await send("/join", {
      form: { handle: "thebadnamehere", password: "kettle orbit lantern nine", perspective: "carer" },
      clientAddress: "192.0.2.200",
    });
    expect(response.status).toBe(200);
    // ...but separated by underscores it is a word of its own.
    const refused = await send("/join", {
      form: { handle: "the_badname", password: "kettle orbit lantern nine", perspective: "carer" },
      clientAddress: "192.0.2.201",
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("That name is not allowed");
  });

  it("have a test box that says what a sample would do, and only admins may use the page", async () => {
    const response = await send("/admin/watched-words", {
      form: { intent: "test", sample: "What a scam, you idiot" },
      cookie: admin,
    });
    const html = await response.text().then(stripComments);
    expect(html).toContain("It would be held for a moderator.");
    expect(html).toContain("Text after replacements: What a scam, you [unkind word]");
    expect((await send("/admin/watched-words", { cookie: writer })).status).toBe(403);
    const log = await sql(`SELECT 1 FROM moderation_action WHERE action = 'watched_word.add'`);
    expect(log.length).toBeGreaterThanOrEqual(5);
  });
});
