// The demo community's texts (prisma/seed/demo-content/) read as written by people, not generated,
// and publish as the site would publish them: the identifying-details check finds nothing in them,
// and they name no time of day (docs/no-exact-times.md: the time-leak check reads every public page).
import { describe, expect, it } from "vitest";

import { findIdentifyingDetails } from "../../app/domain/anonymity/identifying-details";
import { findTimeLeaks } from "../../tests/support/time-leaks";
import { buildDemoCommunity, DEMO_SEED } from "./demo-community";
import { readDemoTexts } from "./demo-texts";
import { readCouncils } from "./reference";

const texts = readDemoTexts();
const posts = texts.posts;
const replies = posts.flatMap((post) => post.replies.flatMap((reply) => [reply, ...reply.replies]));
const kinds = (kind: string) => posts.filter((post) => post.kind === kind);

/** The first sentence a reader sees: headings and list markers aside. */
const openingSentence = (body: string) =>
  (body.replace(/^(#+ .*\n+|[-*] |\d+\. )/gm, "").split(/(?<=[.!?])\s/)[0] ?? "").trim().toLowerCase();
const titleEnding = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9£' ]/g, "")
    .split(/\s+/)
    .slice(-2)
    .join(" ");
const repeated = (items: string[], moreThan: number) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > moreThan).map(([item]) => item);
};

describe("the demo texts", () => {
  it("hold at least 150 stories, 40 questions and 40 practice notes", () => {
    expect(kinds("story").length).toBeGreaterThanOrEqual(150);
    expect(kinds("question").length).toBeGreaterThanOrEqual(40);
    expect(kinds("practice_note").length).toBeGreaterThanOrEqual(40);
  });

  it("never repeat an opening sentence, a title, a reply, or a title's last two words more than twice", () => {
    expect(
      repeated(
        posts.map((post) => openingSentence(post.body)),
        1,
      ),
    ).toEqual([]);
    expect(
      repeated(
        posts.map((post) => post.title),
        1,
      ),
    ).toEqual([]);
    expect(
      repeated(
        replies.map((reply) => reply.body),
        1,
      ),
    ).toEqual([]);
    expect(
      repeated(
        posts.map((post) => titleEnding(post.title)),
        2,
      ),
    ).toEqual([]);
  });

  it("vary in length, from two sentences to several paragraphs, some with headings or lists", () => {
    const words = posts.map((post) => post.body.split(/\s+/).length).sort((a, b) => a - b);
    expect(words[0]).toBeLessThan(30);
    expect(words.at(-1)).toBeGreaterThan(150);
    expect(posts.filter((post) => /^(### |- |1\. |\| )/m.test(post.body)).length).toBeGreaterThanOrEqual(15);
  });

  it("carry nothing the identifying-details check would highlight (titles, bodies and replies)", () => {
    const findings = [
      ...posts.flatMap((post) => [post.title, post.body].map((text) => ({ at: post.at, text }))),
      ...replies.map((reply) => ({ at: reply.at, text: reply.body })),
    ].flatMap(({ at, text }) =>
      findIdentifyingDetails(text).map((finding) => `${at}: ${finding.kind} "${finding.text}"`),
    );
    expect(findings).toEqual([]);
  });

  it("name no time of day, which the site's time-leak check would take for a timestamp", () => {
    const leaks = [...posts.flatMap((post) => [post.title, post.body]), ...replies.map((reply) => reply.body)].flatMap(
      (text) => findTimeLeaks(text, []).map((leak) => `${leak.kind}: ${leak.context}`),
    );
    expect(leaks).toEqual([]);
  });
});

describe("the demo community built from them", async () => {
  const councils = await readCouncils();
  const community = buildDemoCommunity({
    seed: DEMO_SEED,
    areaCodes: councils.map((council) => council.code),
    today: new Date("2026-11-22"),
  });
  const { posts: built, comments } = community;

  it("is the same every time", () => {
    const again = buildDemoCommunity({
      seed: DEMO_SEED,
      areaCodes: councils.map((council) => council.code),
      today: new Date("2026-11-22"),
    });
    expect(again).toEqual(community);
  });

  it("spreads its posts over every region and nation and about three years", () => {
    const regionOf = new Map(councils.map((council) => [council.code, council.region_name]));
    const regions = new Set(built.map((post) => regionOf.get(post.areaCode ?? "")).filter(Boolean));
    expect(regions.size).toBe(new Set(councils.map((council) => council.region_name)).size);
    const days = built.map((post) => post.daysAgo);
    expect(Math.max(...days)).toBeGreaterThan(900);
    expect(days.filter((d) => d < 90).length).toBeGreaterThan(10);
  });

  it("answers questions, leaves some waiting for an answer, and has chosen answers and help marks", () => {
    const questions = built.filter((post) => post.kind === "question" && post.status === "published");
    const answered = questions.filter((q) => comments.some((c) => c.postKey === q.key));
    expect(questions.length - answered.length).toBeGreaterThanOrEqual(3);
    for (const q of answered)
      expect(comments.filter((c) => c.postKey === q.key && !c.parentKey).length).toBeLessThanOrEqual(6);
    expect(built.filter((post) => post.answerKey !== null).length).toBeGreaterThanOrEqual(10);
    expect(comments.filter((c) => c.parentKey !== null).length).toBeGreaterThanOrEqual(15);
    expect(Math.max(...built.map((p) => comments.filter((c) => c.postKey === p.key).length))).toBeGreaterThanOrEqual(7);
    expect(community.helpful.length).toBeGreaterThan(50);
    for (const mark of community.helpful) {
      expect(comments[mark.commentKey]?.authorIndex).not.toBe(mark.userIndex);
    }
  });

  it("puts replies after what they answer, and something in the moderation queue", () => {
    for (const comment of comments) {
      const parent = comment.parentKey === null ? built[comment.postKey] : comments[comment.parentKey];
      expect(comment.daysAgo).toBeLessThan(parent?.daysAgo ?? 0);
    }
    expect(built.filter((post) => post.status === "pending").length).toBeGreaterThanOrEqual(2);
    expect(comments.filter((comment) => comment.status === "pending").length).toBeGreaterThanOrEqual(2);
    expect(community.flags.length).toBeGreaterThanOrEqual(2);
  });
});
