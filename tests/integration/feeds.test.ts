import { parseFeed } from "@rowanmanning/feed-parser";
import { beforeAll, describe, expect, it } from "vitest";

import { send, signUp, stripComments } from "../support/remix";
import { sql } from "../support/sql";
import { addStory } from "../support/stories";

const ids: Record<string, number> = {};

beforeAll(async () => {
  ids.hartlepool = await addStory({
    title: "Respite in Hartlepool",
    body: "A week away.",
    tags: ["respite"],
    publishedAt: "2026-04-17T15:42:09Z",
  });
  ids.wales = await addStory({
    title: "Transport in Anglesey",
    body: "The bus stopped.",
    council: "W06000001",
    tags: ["transport"],
    publishedAt: "2026-02-03T08:05:00Z",
  });
  ids.pending = await addStory({ title: "Waiting for review", status: "pending", tags: ["respite"] });
});

async function feed(path: string) {
  const response = await send(path);
  return { response, parsed: parseFeed(await response.text()) };
}

describe("story feeds", () => {
  for (const [format, type] of [
    ["atom", "application/atom+xml"],
    ["rss", "application/rss+xml"],
  ] as const) {
    it(`${format}: the newest published stories, absolute links, dates no finer than the month`, async () => {
      const { response, parsed } = await feed(`/feeds/stories.${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe(`${type}; charset=utf-8`);
      expect(parsed.title).toBe("New stories – Fifth Option");
      expect(parsed.url).toBe("http://localhost/stories");
      expect(parsed.items.map((item) => item.title)).toEqual(["Respite in Hartlepool", "Transport in Anglesey"]);
      expect(parsed.items.map((item) => item.url)).toEqual([
        `http://localhost/stories/${ids.hartlepool}`,
        `http://localhost/stories/${ids.wales}`,
      ]);
      expect(parsed.items.map((item) => item.published?.toISOString())).toEqual([
        "2026-04-01T00:00:00.000Z",
        "2026-02-01T00:00:00.000Z",
      ]);
      expect(parsed.items[0]?.authors.map((author) => author.name)).toEqual(["a carer in the North East"]);
      expect(parsed.items[0]?.content).toBe("<p>A week away.</p>");
      // Neither the feed nor its items say what time anything happened.
      expect(parsed.updated?.toISOString() ?? parsed.published?.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    });
  }

  it("follow one tag or one council", async () => {
    const tag = await feed("/feeds/stories.atom?tag=transport");
    expect(tag.parsed.title).toBe("New stories tagged “Transport” – Fifth Option");
    expect(tag.parsed.url).toBe("http://localhost/stories?tag=transport");
    expect(tag.parsed.items.map((item) => item.title)).toEqual(["Transport in Anglesey"]);
    const council = await feed("/feeds/stories.rss?council=E06000001");
    expect(council.parsed.title).toBe("New stories about Hartlepool – Fifth Option");
    expect(council.parsed.items.map((item) => item.title)).toEqual(["Respite in Hartlepool"]);
  });

  it("answer an unknown tag or council with a 404, and other filters with a 400", async () => {
    const tag = await send("/feeds/stories.atom?tag=no-such-tag");
    expect(tag.status).toBe(404);
    expect(await tag.text()).toBe(
      "There is no tag called “no-such-tag”. The tags and councils there are: http://localhost/stories",
    );
    expect((await send("/feeds/stories.rss?council=E06999999")).status).toBe(404);
    const filtered = await send("/feeds/stories.rss?kind=question");
    expect(filtered.status).toBe(400);
    expect(await filtered.text()).toContain("A feed follows every story, or some tags");
    // A council's name leads to the feed with its code; a name like nothing is a 400.
    const named = await send("/feeds/stories.rss?council=Hartlepool%20Borough%20Council");
    expect(named.status).toBe(302);
    expect(named.headers.get("Location")).toBe("/feeds/stories.rss?council=E06000001");
    const nothing = await send("/feeds/stories.rss?council=Narnia");
    expect(nothing.status).toBe(400);
    expect(await nothing.text()).toContain("No council is called “Narnia”");
  });

  it("never let a script in a story through", async () => {
    const { handle, cookie } = await signUp();
    await sql(`UPDATE "user" SET trust_level = 1 WHERE handle_key = lower($1)`, [handle]);
    const posted = await send("/stories/new", {
      cookie,
      form: {
        kind: "story",
        title: "Scripted <script>alert('title')</script>",
        body: `Hello <script>alert("body")</script> and <img src=x onerror="alert(2)"> [link](javascript:alert(3))`,
        council: "Hartlepool",
        displayMode: "anonymous",
        tags: "advocacy",
        submissionKey: crypto.randomUUID(),
        intent: "publish",
      },
    });
    expect(posted.status).toBe(302);
    for (const format of ["atom", "rss"]) {
      const response = await send(`/feeds/stories.${format}?tag=advocacy`);
      const xml = await response.text();
      const [item] = parseFeed(xml).items;
      // Readers show the title as text: the angle brackets arrive as characters, not as a tag.
      expect(item?.title).toBe("Scripted <script>alert('title')</script>");
      // Title, summary and content are HTML inside CDATA: none of it may be live markup.
      const html = [...xml.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((match) => match[1] ?? "");
      expect(html.join("\n")).toContain("Hello &lt;script&gt;");
      for (const part of html) {
        expect(part).not.toMatch(/<(script|img)\b/i);
        expect(part).not.toMatch(/<[a-z][^>]*\son\w+=/i);
        expect(part).not.toMatch(/<a[^>]*href="javascript:/i);
      }
      expect(xml).not.toMatch(/<script|<img/i);
    }
  });

  it("are advertised on the home page and on /stories, following the page's tag and council", async () => {
    const home = stripComments(await (await send("/")).text());
    expect(home).toContain(
      '<link rel="alternate" type="application/atom+xml" href="http://localhost/feeds/stories.atom" title="New stories – Fifth Option (Atom)"/>',
    );
    expect(home).toContain(
      '<link rel="alternate" type="application/rss+xml" href="http://localhost/feeds/stories.rss" title="New stories – Fifth Option (RSS)"/>',
    );
    const stories = stripComments(await (await send("/stories?tag=respite&council=E06000001&kind=story")).text());
    expect(stories).toContain(
      '<link rel="alternate" type="application/atom+xml" href="http://localhost/feeds/stories.atom?tag=respite&amp;council=E06000001" title="New stories tagged “Respite and short breaks” about Hartlepool – Fifth Option (Atom)"/>',
    );
    expect(stories).toContain(
      '<a href="http://localhost/feeds/stories.rss?tag=respite&amp;council=E06000001" type="application/rss+xml">RSS feed</a>',
    );
  });
});
