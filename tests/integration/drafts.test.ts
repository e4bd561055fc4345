// Drafts of stories and replies: saved without JavaScript through each form's own "Save draft"
// button and by the autosave endpoint, listed, continued, deleted, gone once published, limited in
// size and number, private to their author, deleted with the account and in "download my data".
// Also the recovery codes' text-file download.
import { describe, expect, it } from "vitest";

import { DRAFT_MAX_PER_MEMBER } from "../../app/domain/drafts/drafts";
import { GOOD_PASSWORD, send, signUp, stripComments, signUpAtTrust } from "../support/remix";
import { carried, fullReport } from "../support/reports";
import { sql } from "../support/sql";
import { addStory } from "../support/stories";

const member = (trustLevel = 1) => signUpAtTrust(trustLevel);

const story = (extra: Record<string, string | string[]> = {}) => ({
  kind: "question",
  title: "Half-written question about respite",
  body: "We were told respite would be reviewed after six weeks but",
  council: "Hartlepool",
  displayMode: "anonymous",
  bylineScope: "region",
  tags: ["respite"],
  submissionKey: crypto.randomUUID(),
  ...extra,
});

const draftIdFrom = (response: Response) =>
  Number(/[?&]draft=(\d+)/.exec(response.headers.get("Location") ?? "")?.[1] ?? Number.NaN);

async function draftsOf(userId: number) {
  return sql<{ id: number; kind: string; label: string; fields: Record<string, unknown> }>(
    `SELECT id, kind, label, fields FROM draft WHERE user_id = $1 ORDER BY id`,
    [userId],
  );
}

describe("a story draft without JavaScript", () => {
  it("is saved by the form's Save draft button, listed, and continues filled in", async () => {
    const author = await member();
    const saved = await send("/stories/new", { form: { ...story(), intent: "draft" }, cookie: author.cookie });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toMatch(/^\/stories\/new\?draft=\d+&saved=1$/);
    const id = draftIdFrom(saved);
    const [row] = await draftsOf(author.id);
    expect(row?.id).toBe(id);
    expect(row?.kind).toBe("story");
    expect(row?.label).toBe("Half-written question about respite");
    expect(row?.fields).not.toHaveProperty("submissionKey");
    expect(row?.fields).not.toHaveProperty("intent");

    const form = stripComments(
      await (await send(saved.headers.get("Location") ?? "", { cookie: author.cookie })).text(),
    );
    expect(form).toContain("Draft saved.");
    expect(form).toContain('value="Half-written question about respite"');
    expect(form).toContain("reviewed after six weeks but</textarea>");
    expect(form).toMatch(/name="draftId" value="\d+"/);
    expect(form).toContain(`value="${id}"`);
    const checked = (value: string) =>
      (form.match(/<input[^>]*>/g) ?? []).some((tag) => tag.includes(`value="${value}"`) && tag.includes("checked"));
    expect(checked("question")).toBe(true);
    expect(checked("story")).toBe(false);
    expect(checked("respite")).toBe(true);
    expect(form).toContain('value="Hartlepool"');

    const list = stripComments(await (await send("/drafts", { cookie: author.cookie })).text());
    expect(list).toContain("Half-written question about respite");
    expect(list).toContain(`href="/stories/new?draft=${id}"`);
    expect(list).toContain("Story · saved");
    // Saved as a day, never a time.
    expect(list).not.toMatch(/\b\d{1,2}:\d{2}\b/);

    // Saving again keeps one draft and updates it.
    const again = await send("/stories/new", {
      form: { ...story({ title: "A better title" }), draftId: String(id), intent: "draft" },
      cookie: author.cookie,
    });
    expect(draftIdFrom(again)).toBe(id);
    expect((await draftsOf(author.id)).map((d) => d.label)).toEqual(["A better title"]);
  });

  it("is deleted when the story is published from it", async () => {
    const author = await member();
    const id = draftIdFrom(
      await send("/stories/new", { form: { ...story(), intent: "draft" }, cookie: author.cookie }),
    );
    const published = await send("/stories/new", {
      form: { ...story({ body: "Finished: respite was reviewed and kept." }), draftId: String(id), intent: "publish" },
      cookie: author.cookie,
    });
    expect(published.status).toBe(302);
    expect(published.headers.get("Location")).toMatch(/^\/stories\/\d+\?posted=1$/);
    expect(await draftsOf(author.id)).toEqual([]);
  });

  it("refuses an empty form with a clear 400 and saves nothing", async () => {
    const author = await member();
    const response = await send("/stories/new", {
      form: { ...story({ title: "", body: "" }), intent: "draft" },
      cookie: author.cookie,
    });
    expect(response.status).toBe(400);
    expect(stripComments(await response.text())).toContain("There is nothing to save yet");
    expect(await draftsOf(author.id)).toEqual([]);
  });

  it("refuses a draft that is too long with a 413, keeping the text", async () => {
    const author = await member();
    const response = await send("/stories/new", {
      form: { ...story({ body: `Too long ${"word ".repeat(9_000)}` }), intent: "draft" },
      cookie: author.cookie,
    });
    expect(response.status).toBe(413);
    const html = stripComments(await response.text());
    expect(html).toContain("That draft is too long to save");
    expect(html).toContain("Too long word word");
    expect(await draftsOf(author.id)).toEqual([]);
  });
});

describe("a reply draft", () => {
  it("is saved without JavaScript, continues in the thread, and goes when the reply is posted", async () => {
    const author = await member();
    const storyId = await addStory({ title: "A story to answer later" });
    const saved = await send(`/stories/${storyId}`, {
      form: { body: "I will write more about our appeal tonight", displayMode: "anonymous", intent: "draft" },
      cookie: author.cookie,
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toMatch(new RegExp(`^/stories/${storyId}\\?draft=\\d+&saved=1#reply$`));
    const id = draftIdFrom(saved);
    const page = stripComments(
      await (await send(`/stories/${storyId}?draft=${id}&saved=1`, { cookie: author.cookie })).text(),
    );
    expect(page).toContain("I will write more about our appeal tonight</textarea>");
    expect(page).toContain("Draft saved.");

    const list = stripComments(await (await send("/drafts", { cookie: author.cookie })).text());
    expect(list).toContain(`href="/stories/${storyId}?draft=${id}#reply"`);
    expect(list).toContain("Reply · saved");

    // Nobody else sees it, in the page or its data, even with its address.
    const other = await member();
    for (const cookie of [null, other.cookie]) {
      const text = await (await send(`/stories/${storyId}.data?draft=${id}`, { cookie })).text();
      expect(text).not.toContain("write more about our appeal");
      const html = await (await send(`/stories/${storyId}?draft=${id}`, { cookie })).text();
      expect(html).not.toContain("write more about our appeal");
    }

    const posted = await send(`/stories/${storyId}`, {
      form: {
        body: "Our appeal worked in the end.",
        displayMode: "anonymous",
        draftId: String(id),
        submissionKey: crypto.randomUUID(),
      },
      cookie: author.cookie,
    });
    expect(posted.headers.get("Location")).toMatch(/replied=published/);
    expect(await draftsOf(author.id)).toEqual([]);
  });

  it("is refused for a post nobody can reply to", async () => {
    const author = await member();
    const pending = await addStory({ title: "Not published", status: "pending" });
    const response = await send("/drafts/save", {
      form: { draftKind: "reply", draftPostId: String(pending), body: "A reply to nothing" },
      cookie: author.cookie,
    });
    expect(response.status).toBe(404);
    expect(await draftsOf(author.id)).toEqual([]);
  });
});

describe("autosave (/drafts/save)", () => {
  it("saves, then updates the same draft, and answers with its id", async () => {
    const author = await member();
    const first = await send("/drafts/save", {
      form: { draftKind: "story", ...story(), draftId: "" },
      cookie: author.cookie,
    });
    expect(first.status).toBe(200);
    expect(first.headers.get("Cache-Control")).toContain("no-store");
    const { draftId, message } = (await first.json()) as { draftId: number; message: string };
    expect(message).toBe("Draft saved.");
    const second = await send("/drafts/save", {
      form: { draftKind: "story", ...story({ title: "Typed a little more" }), draftId: String(draftId) },
      cookie: author.cookie,
    });
    expect(((await second.json()) as { draftId: number }).draftId).toBe(draftId);
    expect((await draftsOf(author.id)).map((d) => d.label)).toEqual(["Typed a little more"]);

    // An empty form is not worth a draft; an unknown kind is a clear 400; signed out goes to sign in.
    const empty = await send("/drafts/save", { form: { draftKind: "story", title: " " }, cookie: author.cookie });
    expect(((await empty.json()) as { draftId: number | null }).draftId).toBeNull();
    const wrong = await send("/drafts/save", { form: { draftKind: "poem", title: "x" }, cookie: author.cookie });
    expect(wrong.status).toBe(400);
    expect((await send("/drafts/save", { form: { draftKind: "story", title: "x" } })).status).toBe(302);
    expect(await draftsOf(author.id)).toHaveLength(1);
  });

  it("never changes someone else's draft: their id makes a new draft of your own", async () => {
    const owner = await member();
    const intruder = await member();
    const id = draftIdFrom(await send("/stories/new", { form: { ...story(), intent: "draft" }, cookie: owner.cookie }));
    const response = await send("/drafts/save", {
      form: { draftKind: "story", title: "Overwritten?", body: "No.", draftId: String(id) },
      cookie: intruder.cookie,
    });
    expect(((await response.json()) as { draftId: number }).draftId).not.toBe(id);
    expect((await draftsOf(owner.id)).map((d) => d.label)).toEqual(["Half-written question about respite"]);
    // Nor can they open it or delete it.
    const opened = stripComments(await (await send(`/stories/new?draft=${id}`, { cookie: intruder.cookie })).text());
    expect(opened).not.toContain("Half-written question");
    expect(opened).toContain("That draft is no longer there");
    const deleted = await send("/drafts", { form: { intent: "delete", draftId: String(id) }, cookie: intruder.cookie });
    expect(deleted.status).toBe(404);
    expect(await draftsOf(owner.id)).toHaveLength(1);
  });

  it(`keeps at most ${DRAFT_MAX_PER_MEMBER} drafts per member, with a clear 409`, async () => {
    const author = await member();
    await sql(
      `INSERT INTO draft (user_id, kind, fields, label)
       SELECT $1, 'story', '{"title":"Old"}', 'Old' FROM generate_series(1, $2)`,
      [author.id, DRAFT_MAX_PER_MEMBER],
    );
    const api = await send("/drafts/save", { form: { draftKind: "story", title: "One more" }, cookie: author.cookie });
    expect(api.status).toBe(409);
    expect(((await api.json()) as { message: string }).message).toContain(`${DRAFT_MAX_PER_MEMBER} drafts`);
    const form = await send("/stories/new", { form: { ...story(), intent: "draft" }, cookie: author.cookie });
    expect(form.status).toBe(409);
    const html = stripComments(await form.text());
    expect(html).toContain("Delete one you no longer need");
    expect(html).toContain("Half-written question about respite");
    expect(await draftsOf(author.id)).toHaveLength(DRAFT_MAX_PER_MEMBER);
  });

  it("is refused to a silenced member, like the forms themselves", async () => {
    const author = await member();
    await sql(`UPDATE "user" SET silenced_until = now() + interval '3 days' WHERE id = $1`, [author.id]);
    const response = await send("/drafts/save", { form: { draftKind: "story", title: "x" }, cookie: author.cookie });
    expect(response.status).toBe(403);
    expect(await draftsOf(author.id)).toEqual([]);
  });
});

describe("an experience report's draft", () => {
  it("keeps the answers so far and the step, continues there, and goes once the report is sent", async () => {
    const author = await member();
    const pages = fullReport();
    let state = carried(stripComments(await (await send("/reports/new", { cookie: author.cookie })).text()));
    for (const fields of pages.slice(0, 4)) {
      const next = await send("/reports/new", { form: { ...fields, ...state }, cookie: author.cookie });
      state = carried(stripComments(await next.text()));
    }
    expect(state.step).toBe("supportArrangement");
    // Answered on the page, not yet sent: "Save and come back later".
    const saved = await send("/reports/new", {
      form: { ...state, supportArrangement: "dp_employer", intent: "draft" },
      cookie: author.cookie,
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toMatch(/^\/reports\/new\?draft=\d+&saved=1$/);
    const id = draftIdFrom(saved);
    const [row] = await draftsOf(author.id);
    expect(row?.kind).toBe("report");
    expect(row?.label).toBe("Experience report about Hartlepool");
    expect(row?.fields.step).toBe("supportArrangement");
    expect(JSON.parse(String(row?.fields.answers))).toMatchObject({
      council: "Hartlepool",
      clientGroup: "physical_disability",
      supportArrangement: "dp_employer",
    });

    const continued = stripComments(
      await (await send(saved.headers.get("Location") ?? "", { cookie: author.cookie })).text(),
    );
    expect(continued).toContain("How is your support arranged today?");
    expect(continued).toContain("Draft saved.");
    state = carried(continued);
    expect(state.step).toBe("supportArrangement");
    let last: Response | undefined;
    for (const fields of pages.slice(4)) {
      last = await send(`/reports/new?draft=${id}`, {
        form: { ...fields, ...state, draftId: String(id) },
        cookie: author.cookie,
      });
      if (last.status === 302) break;
      state = carried(stripComments(await last.text()));
    }
    expect(last?.headers.get("Location")).toMatch(/^\/reports\/thanks/);
    expect(await draftsOf(author.id)).toEqual([]);
    expect(await sql(`SELECT 1 FROM experience_report WHERE author_id = $1`, [author.id])).toHaveLength(1);
  });
});

describe("deleting a draft", () => {
  it("asks first, then deletes it for good", async () => {
    const author = await member();
    const id = draftIdFrom(
      await send("/stories/new", { form: { ...story(), intent: "draft" }, cookie: author.cookie }),
    );
    const asked = stripComments(await (await send(`/drafts?delete=${id}`, { cookie: author.cookie })).text());
    expect(asked).toContain("Delete this draft for good?");
    expect(await draftsOf(author.id)).toHaveLength(1);
    const done = await send("/drafts", { form: { intent: "delete", draftId: String(id) }, cookie: author.cookie });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/drafts?deleted=1");
    expect(await draftsOf(author.id)).toEqual([]);
    const again = await send("/drafts", { form: { intent: "delete", draftId: String(id) }, cookie: author.cookie });
    expect(again.status).toBe(404);
    const nonsense = await send("/drafts", { form: { intent: "delete", draftId: "x" }, cookie: author.cookie });
    expect(nonsense.status).toBe(400);
  });
});

describe("drafts are private", () => {
  it("never appear in search, lists, feeds, the API or exports", async () => {
    const author = await member();
    await send("/stories/new", {
      form: { ...story({ title: "Zanzibarish draft words", body: "Quokkaesque body text" }), intent: "draft" },
      cookie: author.cookie,
    });
    expect(await draftsOf(author.id)).toHaveLength(1);
    for (const url of [
      "/stories?q=Zanzibarish",
      "/stories",
      "/api/v1/stories?q=Zanzibarish",
      "/feeds/stories.atom",
      "/stories/export.json?q=Zanzibarish",
      `/u/${author.handle}`,
    ]) {
      const text = await (await send(url, { cookie: null })).text();
      // A search page repeats the words searched for, so look for the rest of the title and the body.
      expect(text, url).not.toContain("Zanzibarish draft words");
      expect(text, url).not.toContain("Quokkaesque");
    }
    const searched = await (await send("/stories?q=Quokkaesque")).text();
    expect(searched).not.toContain("Zanzibarish");
  });

  it("are in the member's own data download, and are deleted with their account", async () => {
    const author = await member();
    await send("/stories/new", { form: { ...story(), intent: "draft" }, cookie: author.cookie });
    const download = (await (await send("/settings/data", { cookie: author.cookie })).json()) as {
      drafts: { kind: string; label: string; fields: { body: string } }[];
    };
    expect(download.drafts).toHaveLength(1);
    expect(download.drafts[0]?.kind).toBe("story");
    expect(download.drafts[0]?.fields.body).toContain("reviewed after six weeks");

    const gone = await send("/settings/delete", {
      form: { content: "detach", password: GOOD_PASSWORD },
      cookie: author.cookie,
    });
    expect(gone.status).toBe(302);
    expect(await draftsOf(author.id)).toEqual([]);
  });
});

describe("the recovery codes' text file", () => {
  it("returns the codes sent back from the page as a private attachment, and nothing else", async () => {
    const { cookie, codes } = await signUp();
    expect(codes).toHaveLength(10);
    const response = await send("/recovery-codes.txt", { form: { code: codes }, cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="fifth-option-recovery-codes.txt"');
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const text = await response.text();
    for (const code of codes) expect(text.split("\r\n")).toContain(code);

    // Nothing is kept to fetch them again: a GET has nothing to give, and anything else is refused.
    const get = await send("/recovery-codes.txt", { cookie });
    expect(get.status).toBe(302);
    const forged = await send("/recovery-codes.txt", { form: { code: ["<script>", ...codes.slice(1)] }, cookie });
    expect(forged.status).toBe(400);
    expect(await forged.text()).not.toContain("<script>");
    expect((await send("/recovery-codes.txt", { form: { code: codes } })).status).toBe(302);
  });

  it("is offered under the codes, one whole code per line, with print instructions", async () => {
    const { html, codes } = await signUp();
    const page = stripComments(html);
    expect(page).toContain('action="/recovery-codes.txt"');
    expect(page).toContain("Download as a text file");
    expect(page).toContain("use your browser’s Print command");
    for (const code of codes) expect(page).toContain(`<input type="hidden" name="code" value="${code}"/>`);
  });
});
