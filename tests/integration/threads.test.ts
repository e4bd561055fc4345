// Threads that help (docs/peer-support.md): reply counts and the latest reply's month in lists,
// the unanswered filter, "This helped me", the reply the asker chose, and the author's mark on
// their own replies, which must never tie a member's name to an anonymous post.
import { beforeAll, describe, expect, it } from "vitest";

import { NO_SEARCH } from "~/domain/posts/story-search";
import { searchStories } from "~/server/posts/search.server";

import { callApi } from "../support/api";
import { fetchPage, send, stripComments, publishThroughForm, signUpAtTrust } from "../support/remix";
import { sql } from "../support/sql";
import { addStory, facetChoices } from "../support/stories";

type Account = Awaited<ReturnType<typeof signUpAtTrust>>;

const member = (trustLevel = 1, perspective = "carer") => signUpAtTrust(trustLevel, perspective);

const html = (response: Response) => response.text().then(stripComments);

const publish = (cookie: string, fields: Record<string, string>) =>
  publishThroughForm(cookie, {
    kind: "question",
    title: "How do I ask for a review?",
    body: "Our budget stopped covering the hours we need.",
    ...fields,
  });

async function reply(
  cookie: string,
  postId: number,
  body: string,
  displayMode: "anonymous" | "handle" = "anonymous",
  parentId?: number,
): Promise<number> {
  const response = await send(`/stories/${postId}`, {
    form: {
      body,
      displayMode,
      submissionKey: crypto.randomUUID(),
      ...(parentId ? { parentId: String(parentId) } : {}),
    },
    cookie,
  });
  expect(response.status).toBe(302);
  return Number(/#comment-(\d+)/.exec(response.headers.get("Location") ?? "")?.[1]);
}

const mark = (cookie: string | null, postId: number, intent: string, commentId?: number) =>
  send(`/stories/${postId}`, {
    form: { intent, ...(commentId ? { commentId: String(commentId) } : {}) },
    cookie,
  });

/** The thread of a story page: its replies, without the reply form or the page's data. */
function threadOf(page: string): string {
  const end = page.indexOf('id="reply-heading"');
  return end < 0 ? (page.split("<script")[0] ?? page) : page.slice(0, end);
}

/** The <li> of one reply in a story page, up to the next reply's (a reply's own replies included). */
function replyItem(whole: string, commentId: number): string {
  const page = threadOf(whole);
  const start = page.indexOf(`<li id="comment-${commentId}"`);
  if (start < 0) throw new Error(`no reply ${commentId} on the page`);
  const next = page.indexOf(`<li id="comment-`, start + 1);
  return page.slice(start, next < 0 ? undefined : next);
}

const replyOrder = (page: string) => [...page.matchAll(/<li id="comment-(\d+)"/g)].map((m) => Number(m[1]));

async function addComment(
  postId: number,
  createdAt: string,
  status: "published" | "pending" | "removed" = "published",
): Promise<number> {
  const [row] = await sql<{ id: number }>(
    `INSERT INTO comment (post_id, author_perspective, body_markdown, body_html, status, created_at, published_at)
     VALUES ($1, 'carer', 'A reply', '<p>A reply</p>', $2::moderation_status, $3, $4) RETURNING id`,
    [postId, status, createdAt, status === "published" ? createdAt : null],
  );
  return row?.id ?? 0;
}

/**
 * The loader data behind /<page>.data, decoded: Remix's single fetch sends it as turbo-stream, a
 * flat JSON array in which objects name their keys and values by position ("_3": 4), -5 is null and
 * -7 undefined. Enough of it for plain objects, arrays and primitives, which is all this page has.
 */
function singleFetchData(text: string): Record<string, unknown> {
  const flat = JSON.parse(text.split("\n")[0] ?? "[]") as unknown[];
  const at = (index: number): unknown => {
    if (index === -5) return null;
    if (index < 0) return undefined;
    const value = flat[index];
    if (Array.isArray(value)) return value.map((item) => at(item as number));
    if (value && typeof value === "object")
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [flat[Number(key.slice(1))] as string, at(item as number)]),
      );
    return value;
  };
  return at(0) as Record<string, unknown>;
}

/** Each list item, API story or feed entry that shows the title: from its opening to its end. */
function itemsShowing(text: string, title: string): string[] {
  const items: string[] = [];
  for (const match of text.matchAll(new RegExp(title, "g"))) {
    const at = match.index ?? 0;
    const start = Math.max(
      text.lastIndexOf("<li", at),
      text.lastIndexOf("<entry", at),
      text.lastIndexOf("<item", at),
      text.lastIndexOf('{"id"', at),
    );
    const ends = ["</li>", "</entry>", "</item>", '"month"']
      .map((end) => text.indexOf(end, at))
      .filter((index) => index >= 0);
    items.push(text.slice(Math.max(0, start), ends.length ? Math.min(...ends) : undefined));
  }
  return items;
}

describe("reply counts and the latest reply's month in lists", () => {
  let busy: number;
  let quiet: number;

  beforeAll(async () => {
    busy = await addStory({ title: "Counting replies in a busy thread", publishedAt: "2026-01-10T10:00:00Z" });
    quiet = await addStory({ title: "Counting replies in a quiet thread", publishedAt: "2026-01-11T10:00:00Z" });
    await addComment(busy, "2026-02-03T10:00:00Z");
    await addComment(busy, "2026-04-20T10:00:00Z");
    // Neither waiting nor removed replies count, nor do they move the latest month.
    await addComment(busy, "2026-05-01T10:00:00Z", "pending");
    await addComment(busy, "2026-06-01T10:00:00Z", "removed");
    await addComment(quiet, "2026-07-01T10:00:00Z", "pending");
  });

  it("counts published replies only, with the month of the newest", async () => {
    const { stories } = await searchStories(
      { ...NO_SEARCH, q: "counting replies", sort: "relevance" },
      { perPage: 10 },
    );
    const byId = new Map(stories.map((story) => [story.id, story]));
    expect(byId.get(busy)).toMatchObject({
      replyCount: 2,
      latestReplyMonth: "April 2026",
      latestReplyMonthIso: "2026-04",
    });
    expect(byId.get(quiet)).toMatchObject({ replyCount: 0, latestReplyMonth: null, latestReplyMonthIso: null });
  });

  it("shows them on /stories, the home page and in the API", async () => {
    const list = await html(await send("/stories?q=counting+replies"));
    expect(list).toContain('2 replies, the latest in <time dateTime="2026-04">April 2026</time>');
    expect(list).toContain("No replies yet");

    const api = await callApi<{ stories: { id: number; replyCount: number; latestReplyMonth: string | null }[] }>(
      "/api/v1/stories?q=counting+replies",
    );
    expect(api.response.status).toBe(200);
    const fromApi = new Map(api.body.stories.map((story) => [story.id, story]));
    expect(fromApi.get(busy)).toMatchObject({ replyCount: 2, latestReplyMonth: "2026-04" });
    expect(fromApi.get(quiet)).toMatchObject({ replyCount: 0, latestReplyMonth: null });

    const one = await callApi<{ replyCount: number; latestReplyMonth: string | null }>(`/api/v1/stories/${busy}`);
    expect(one.body).toMatchObject({ replyCount: 2, latestReplyMonth: "2026-04" });
  });
});

describe("the unanswered filter", () => {
  let waiting: number;
  let waitingOnModerator: number;
  let answered: number;
  let storyWithoutReplies: number;

  beforeAll(async () => {
    const body = "Unanswered filter checks: who pays for transport?";
    waiting = await addStory({ title: "Unanswered one", kind: "question", body });
    waitingOnModerator = await addStory({ title: "Unanswered two", kind: "question", body });
    answered = await addStory({ title: "Answered one", kind: "question", body });
    storyWithoutReplies = await addStory({ title: "A story nobody answered", kind: "story", body });
    await addComment(answered, "2026-06-20T10:00:00Z");
    await addComment(waitingOnModerator, "2026-06-20T10:00:00Z", "pending");
  });

  it("lists only posts with no published reply, and combines with the kind", async () => {
    const words = "q=unanswered+filter+checks";
    const questions = await html(await send(`/stories?${words}&kind=question&unanswered=1`));
    expect(questions).toContain(`/stories/${waiting}"`);
    expect(questions).toContain(`/stories/${waitingOnModerator}"`);
    expect(questions).not.toContain(`/stories/${answered}"`);
    expect(questions).not.toContain(`/stories/${storyWithoutReplies}"`);
    expect(questions).toContain("Questions matching “unanswered filter checks”, with no reply yet");
    // Shown among the filters in use, with a link that takes it away.
    expect(questions).toMatch(
      /<a [^>]*href="\/stories\?q=unanswered\+filter\+checks&amp;kind=question"[^>]*>Remove filter: No reply yet/,
    );

    const everything = await html(await send(`/stories?${words}&unanswered=1`));
    expect(everything).toContain(`/stories/${storyWithoutReplies}"`);
    expect(everything).not.toContain(`/stories/${answered}"`);
  });

  it("is a facet whose count is what choosing it shows", async () => {
    const page = await html(await send("/stories?q=unanswered+filter+checks"));
    expect(facetChoices(page)).toContainEqual({
      name: "unanswered",
      value: "1",
      label: "No reply yet",
      count: 3,
      checked: false,
    });
    expect(await html(await send("/stories?q=unanswered+filter+checks&unanswered=1"))).toContain("3 published");
  });

  it("works in the API, and a wrong value is a clear 400", async () => {
    const api = await callApi<{ stories: { id: number }[]; total: number }>(
      "/api/v1/stories?q=unanswered+filter+checks&kind=question&unanswered=1",
    );
    expect(api.response.status).toBe(200);
    expect(api.body.stories.map((story) => story.id).sort()).toEqual([waiting, waitingOnModerator].sort());

    const wrong = await send("/stories?unanswered=yes&q=kept+words");
    expect(wrong.status).toBe(400);
    const page = await html(wrong);
    expect(page).toContain("Unanswered must be 1");
    expect(page).toContain('value="kept words"');
    expect((await callApi("/api/v1/stories?unanswered=yes")).response.status).toBe(400);
  });
});

describe("this helped me", () => {
  let asker: Account, helper: Account, reader: Account;
  let postId: number, replyId: number;

  beforeAll(async () => {
    [asker, helper, reader] = await Promise.all([member(), member(), member()]);
    postId = await publish(asker.cookie, { title: "Helped counts question" });
    replyId = await reply(helper.cookie, postId, "Ask the council for a review in writing.");
  });

  const helpedRows = async () =>
    (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM comment_helpful WHERE comment_id = $1`, [replyId]))[0]?.n;

  it("counts each member once, toggles off again, and shows the count and never who", async () => {
    expect((await mark(reader.cookie, postId, "helpful", replyId)).status).toBe(302);
    expect((await mark(asker.cookie, postId, "helpful", replyId)).status).toBe(302);
    expect(await helpedRows()).toBe(2);

    const page = await html(await send(`/stories/${postId}`));
    const item = replyItem(page, replyId);
    expect(item).toContain("Helped 2 people");
    expect(page).not.toContain(reader.handle);
    expect(page).not.toContain(asker.handle);

    // Pressing again takes it back: one per member per reply.
    expect((await mark(reader.cookie, postId, "helpful", replyId)).status).toBe(302);
    expect(await helpedRows()).toBe(1);
    expect(replyItem(await html(await send(`/stories/${postId}`)), replyId)).toContain("Helped 1 person");

    // The button says what the member has done, for them alone.
    const asAsker = await html(await send(`/stories/${postId}`, { cookie: asker.cookie }));
    expect(replyItem(asAsker, replyId)).toMatch(/aria-pressed="true"[^>]*>This helped me \(press to undo\)/);
  });

  it("is refused on your own reply, and for visitors, with nothing stored", async () => {
    const before = await helpedRows();
    const own = await mark(helper.cookie, postId, "helpful", replyId);
    expect(own.status).toBe(403);
    expect(await html(own)).toContain("You cannot mark your own reply as helpful.");
    const ownPage = await html(await send(`/stories/${postId}`, { cookie: helper.cookie }));
    expect(replyItem(ownPage, replyId)).not.toContain("This helped me");

    const visitor = await mark(null, postId, "helpful", replyId);
    expect([302, 401, 403]).toContain(visitor.status);
    expect(visitor.headers.get("Location") ?? "").not.toContain(`/stories/${postId}#`);
    expect(await helpedRows()).toBe(before);
  });

  it("refuses a reply of another post and a missing reply id", async () => {
    const other = await addStory({ title: "Another post" });
    const wrongPost = await mark(reader.cookie, other, "helpful", replyId);
    expect(wrongPost.status).toBe(404);
    const missing = await mark(reader.cookie, postId, "helpful");
    expect(missing.status).toBe(400);
  });
});

describe("the reply the asker chose", () => {
  let asker: Account, first: Account, second: Account;
  let postId: number, firstReply: number, secondReply: number, nested: number, askersOwn: number;

  beforeAll(async () => {
    [asker, first, second] = await Promise.all([member(), member(), member()]);
    postId = await publish(asker.cookie, { title: "Chosen answer question" });
    firstReply = await reply(first.cookie, postId, "First reply: phone the duty team.");
    secondReply = await reply(second.cookie, postId, "Second reply: write to the complaints team.");
    nested = await reply(first.cookie, postId, "A reply to the second reply.", "anonymous", secondReply);
    askersOwn = await reply(asker.cookie, postId, "Thank you both.");
  });

  const chosen = async () =>
    (await sql<{ id: number | null }>(`SELECT answer_comment_id AS id FROM post WHERE id = $1`, [postId]))[0]?.id;

  it("only the asker chooses, and the choice is shown first with its mark", async () => {
    const notAsker = await mark(first.cookie, postId, "answer", secondReply);
    expect(notAsker.status).toBe(403);
    expect(await chosen()).toBeNull();

    expect((await mark(asker.cookie, postId, "answer", secondReply)).status).toBe(302);
    expect(await chosen()).toBe(secondReply);
    const page = await html(await send(`/stories/${postId}`));
    expect(replyOrder(page).slice(0, 2)).toEqual([secondReply, nested]);
    expect(replyItem(page, secondReply)).toContain("Chosen as the answer by the person who asked");
    expect(replyItem(page, firstReply)).not.toContain("Chosen as the answer");
    // Only the asker sees the buttons.
    expect(page).not.toContain("Choose as the reply that helped most");
    const asAsker = await html(await send(`/stories/${postId}`, { cookie: asker.cookie }));
    expect(replyItem(asAsker, secondReply)).toContain("Clear my choice");
    expect(replyItem(asAsker, firstReply)).toContain("Choose as the reply that helped most");
    expect(replyItem(asAsker, askersOwn)).not.toContain("Choose as the reply");
  });

  it("can be changed and cleared, never to the asker's own reply or a reply to a reply", async () => {
    expect((await mark(asker.cookie, postId, "answer", askersOwn)).status).toBe(403);
    expect((await mark(asker.cookie, postId, "answer", nested)).status).toBe(400);
    expect(await chosen()).toBe(secondReply);

    expect((await mark(asker.cookie, postId, "answer", firstReply)).status).toBe(302);
    expect(await chosen()).toBe(firstReply);
    expect(replyOrder(await html(await send(`/stories/${postId}`)))[0]).toBe(firstReply);

    expect((await mark(first.cookie, postId, "clear-answer")).status).toBe(403);
    expect(await chosen()).toBe(firstReply);
    expect((await mark(asker.cookie, postId, "clear-answer")).status).toBe(302);
    expect(await chosen()).toBeNull();
    expect(await html(await send(`/stories/${postId}`))).not.toContain("Chosen as the answer");
  });

  it("is not shown while the chosen reply is not published", async () => {
    expect((await mark(asker.cookie, postId, "answer", secondReply)).status).toBe(302);
    await sql(`UPDATE comment SET status = 'removed' WHERE id = $1`, [secondReply]);
    const page = await html(await send(`/stories/${postId}`));
    expect(page).not.toContain("Chosen as the answer");
    expect(replyOrder(page)[0]).toBe(firstReply);
    await sql(`UPDATE comment SET status = 'published' WHERE id = $1`, [secondReply]);
  });
});

describe("marks on replies by the person who shared the post", () => {
  let author: Account;
  let other: Account;
  let anonymousPost: number;
  let namedPost: number;
  let anonymousReply: number;
  let namedReply: number;
  let othersReply: number;
  let anonymousReplyOnNamed: number;
  let namedReplyOnNamed: number;
  const title = "Author marks anonymous question";

  beforeAll(async () => {
    [author, other] = await Promise.all([member(), member()]);
    anonymousPost = await publish(author.cookie, { title, displayMode: "anonymous" });
    anonymousReply = await reply(author.cookie, anonymousPost, "Update from me: it worked.", "anonymous");
    namedReply = await reply(author.cookie, anonymousPost, "Another thought, under my name.", "handle");
    othersReply = await reply(other.cookie, anonymousPost, "Glad it worked.", "anonymous");
    namedPost = await publish(author.cookie, {
      title: "Author marks named story",
      kind: "story",
      displayMode: "handle",
    });
    anonymousReplyOnNamed = await reply(author.cookie, namedPost, "An anonymous aside.", "anonymous");
    namedReplyOnNamed = await reply(author.cookie, namedPost, "A named follow-up.", "handle");
  });

  it("marks the author's anonymous reply on their anonymous post, and nothing else", async () => {
    const page = await html(await send(`/stories/${anonymousPost}`));
    expect(replyItem(page, anonymousReply)).toContain("Asked this question");
    expect(replyItem(page, othersReply)).not.toContain("Asked this question");
    const named = replyItem(page, namedReply);
    expect(named).toContain(author.handle);
    expect(named).not.toContain("Asked this question");
    expect(threadOf(page).match(/Asked this question/g)).toHaveLength(1);
  });

  it("marks the author's named reply on their named post, never their anonymous one", async () => {
    const page = await html(await send(`/stories/${namedPost}`));
    expect(replyItem(page, namedReplyOnNamed)).toContain("Shared this story");
    expect(replyItem(page, anonymousReplyOnNamed)).not.toContain("Shared this story");
  });

  it("starts the author's reply form anonymous on an anonymous post, and says why", async () => {
    const asAuthor = await html(await send(`/stories/${anonymousPost}`, { cookie: author.cookie }));
    expect(asAuthor).toContain('type="radio" checked="" value="anonymous"');
    expect(asAuthor).toContain("You shared this post anonymously");
    const onNamed = await html(await send(`/stories/${namedPost}`, { cookie: author.cookie }));
    expect(onNamed).toContain('type="radio" checked="" value="handle"');
  });

  it("no page, loader data, API answer or feed links the author's name to the anonymous post", async () => {
    const outputs: Record<string, string> = {
      page: await html(await send(`/stories/${anonymousPost}`)),
      loaderData: await (await send(`/stories/${anonymousPost}.data`)).text(),
      loaderDataAsOther: await (await send(`/stories/${anonymousPost}.data`, { cookie: other.cookie })).text(),
      list: await html(await send(`/stories?q=${encodeURIComponent(title)}`)),
      home: await html(await send("/")),
      apiStory: JSON.stringify((await callApi(`/api/v1/stories/${anonymousPost}`)).body),
      apiList: JSON.stringify((await callApi(`/api/v1/stories?q=${encodeURIComponent(title)}`)).body),
      atom: await (await send("/feeds/stories.atom")).text(),
      rss: await (await send("/feeds/stories.rss")).text(),
      profile: await html(await send(`/u/${author.handle}`)),
    };
    // The loader data is what a page is made of: JSON, with the mark computed on the server.
    const data = singleFetchData(outputs.loaderData ?? "")["routes/stories.$id"] as {
      data: { comments: { id: number; byline: string; authorMark: string | null; replies: unknown[] }[] };
    };
    const comments = new Map(data.data.comments.map((c) => [c.id, c]));
    expect(comments.get(namedReply)).toMatchObject({ byline: author.handle, authorMark: null });
    expect(comments.get(anonymousReply)?.authorMark).toBe("Asked this question");
    expect(comments.get(anonymousReply)?.byline).not.toContain(author.handle);
    // Nothing in the data says who wrote what: no author ids, no flags a script could compare.
    expect(outputs.loaderData).not.toMatch(/authorId|byPostAuthor|"isAuthor":true/);

    // On the page, no reply that shows the name carries the mark.
    const page = outputs.page ?? "";
    for (const id of replyOrder(page)) {
      const item = replyItem(page, id);
      if (item.includes(author.handle)) expect(item).not.toContain("Asked this question");
    }
    for (const [name, text] of Object.entries(outputs)) {
      if (name === "page" || name.startsWith("loaderData")) continue;
      // The mark lives on the story page only; lists, the API, feeds and the member's page never carry it.
      expect(text, `${name} carries the mark`).not.toContain("Asked this question");
      if (name === "profile") continue;
      // Lists, the API and feeds show the anonymous post without any name at all.
      // (In pages, the rendered part: the data inline in their scripts is not in list items.)
      const items = itemsShowing(text.split("<script")[0] ?? text, title);
      // The search list, the API and the feeds do show the post (the home page may have newer ones).
      if (name !== "home") expect(items.length, `${name} shows the post`).toBeGreaterThan(0);
      for (const item of items) {
        expect(item, `${name} names the author of the anonymous post`).not.toContain(author.handle);
      }
    }
    // The member's page lists only what they published under their name: the named reply, not the post.
    expect(outputs.profile).not.toContain(`>${title}</a></h3>`);
    expect(outputs.profile).not.toContain("Asked this question");
  });
});

describe("find your council", () => {
  it("goes to the council's stories or figures, by name or code", async () => {
    const byName = await send("/find-council?council=hartlepool&show=stories");
    expect(byName.status).toBe(302);
    expect(byName.headers.get("Location")).toBe("/stories?council=E06000001");
    const figures = await send("/find-council?council=E06000001&show=outcomes");
    expect(figures.headers.get("Location")).toBe("/outcomes/E06000001");
  });

  it("answers a council it does not know, an empty box and hostile input with a 4xx that keeps what was typed", async () => {
    const unknown = await send("/find-council?council=Gotham&show=stories");
    expect(unknown.status).toBe(404);
    const page = await html(unknown);
    expect(page).toContain("We could not find a council called “Gotham”");
    expect(page).toContain('value="Gotham"');
    expect((await send("/find-council?council=&show=stories")).status).toBe(400);
    expect((await send("/find-council?council=Leeds%00&show=outcomes")).status).toBe(400);
    expect((await send(`/find-council?council=${"x".repeat(300)}`)).status).toBe(400);
    expect((await send("/find-council")).status).toBe(200);
  });

  it("is on the home page, with the paths and the questions waiting for an answer", async () => {
    const home = await html(await send("/"));
    expect(home).toContain('action="/find-council"');
    expect(home).toContain('href="/join?redirectTo=%2Fstories%2Fnew"');
    expect(home).toContain('href="/stories?kind=question&amp;unanswered=1"');
    for (const path of ["I care for someone", "I draw on care and support", "I plan or provide support", "I research"])
      expect(home).toContain(path);
  });
});

describe("the texts of a thread's replies", () => {
  it("are each reply's own, read with the thread when it fits on one page and for the shown page when not", async () => {
    const asker = await member();
    const [helper, newcomer, other] = [await member(), await member(0), await member()];
    const id = await publish(asker.cookie, { title: "Who pays for a carer's break?" });
    const first = await reply(helper.cookie, id, "Ask for an assessment of the carer first.");
    // A newcomer's reply waits for a moderator: only its author sees it.
    const waiting = await reply(newcomer.cookie, id, "My own answer, still waiting.");
    const gone = await reply(other.cookie, id, "Something a moderator took down.");
    await sql(`UPDATE comment SET status = 'removed' WHERE id = $1`, [gone]);

    const check = async (path: string) => {
      const [anyone, author] = [await fetchPage(path), await fetchPage(path, newcomer.cookie)];
      expect(replyItem(anyone.html, first)).toContain("Ask for an assessment of the carer first.");
      expect(replyItem(anyone.html, gone)).toContain("This reply was removed by moderators.");
      expect(anyone.html).not.toContain("Something a moderator took down.");
      expect(anyone.html).not.toContain("still waiting");
      expect(anyone.html).not.toContain(`comment-${waiting}"`);
      expect(replyItem(author.html, waiting)).toContain("My own answer, still waiting.");
      return anyone.html;
    };
    // Three replies: one page, its texts read with the thread.
    await check(`/stories/${id}`);
    // Thirty more, after these: two pages, each page's texts read for it.
    const later: number[] = [];
    for (let day = 1; day <= 30; day += 1)
      later.push(await addComment(id, `2099-01-${String(day).padStart(2, "0")}T10:00:00Z`));
    await sql(`UPDATE comment SET body_html = '<p>Later reply ' || id || '</p>' WHERE id = ANY($1::int[])`, [later]);
    // A reply to a reply: on the first page with the reply it answers.
    const child = await reply(asker.cookie, id, "Replying to the first answer.", "anonymous", first);
    const pageOne = await check(`/stories/${id}`);
    expect(replyItem(pageOne, child)).toContain("Replying to the first answer.");
    const pageTwo = (await fetchPage(`/stories/${id}?page=2`)).html;
    const [onOne, onTwo] = [replyOrder(threadOf(pageOne)), replyOrder(threadOf(pageTwo))];
    expect(onOne.length + onTwo.length).toBe(33);
    for (const reply of later) {
      const page = onOne.includes(reply) ? pageOne : pageTwo;
      expect(replyItem(page, reply)).toContain(`<p>Later reply ${reply}</p>`);
    }
    expect(onTwo.length).toBeGreaterThan(0);
  });
});
