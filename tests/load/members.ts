// Simulated members: they join through the real /join form, then open forms, think, and post
// stories and replies, refreshing (re-sending the same form, same submission key) when a post fails.
import { GOOD_PASSWORD, uniqueHandle } from "../support/handles";
import { type Browser, newBrowser, sessionCookieFrom } from "./http";
import { type Observed, type RequestRecord, type RunLog, sleep } from "./record";

export interface Member {
  index: number;
  handle: string;
  browser: Browser;
}

/** Each member joins from its own address: sign-ups are limited to 5 an hour per client. */
export async function joinMembers(base: URL, log: RunLog, count: number, concurrency = 5): Promise<Member[]> {
  const members: Member[] = [];
  let next = 0;
  async function joinNext() {
    while (next < count) {
      const index = next++;
      // 198.51.100.0/24 is reserved for documentation (RFC 5737): never a real person's address.
      const browser = newBrowser(`198.51.100.${index + 1}`);
      const handle = uniqueHandle("load");
      const { reply } = await log.send(base, browser, "join", "/join", {
        handle,
        password: GOOD_PASSWORD,
        perspective: "carer",
      });
      const cookie = reply ? sessionCookieFrom(reply) : null;
      if (!reply || reply.status !== 200 || !cookie) {
        throw new Error(
          `member ${index} could not join: ${reply ? `${reply.status} ${reply.body.slice(0, 300)}` : "no response"}`,
        );
      }
      browser.cookie = cookie;
      members.push({ index, handle, browser });
    }
  }
  await Promise.all(Array.from({ length: concurrency }, joinNext));
  return members.sort((a, b) => a.index - b.index);
}

export type WriteKind = "story" | "reply";

export type Attempt = Pick<RequestRecord, "startedAt" | "endedAt" | "status" | "failure" | "code" | "saysTryAgain">;

export type WriteOutcome = "acknowledged" | "failed" | "rate limited" | "turned down";

export interface Submission {
  kind: WriteKind;
  member: number;
  /** Written into the title and body so the row can be found in the database. */
  marker: string;
  submissionKey: string;
  /** The story a reply was written on. */
  postId: number | null;
  attempts: Attempt[];
  outcome: WriteOutcome;
  /** The post or reply id the app's redirect named. */
  acknowledgedId: number | null;
}

export interface LoadPlan {
  base: URL;
  log: RunLog;
  runId: string;
  /** No new form is opened after this (run time, ms). */
  stopOpeningFormsAt: number;
  /** Nobody refreshes a failed post after this. */
  stopRetryingAt: number;
  /** Published stories to reply to; stories written during the run are added as they succeed. */
  storyIds: number[];
  submissions: Submission[];
}

// A person whose post failed presses the button again (or refreshes), a little later each time.
const RETRY_DELAYS_MS = [1_000, 2_000, 3_000, 4_000];

const TITLES = [
  "Our review was moved again",
  "Direct payments after the reassessment",
  "What the support plan left out",
  "Finding a personal assistant in winter",
  "The carers assessment took five months",
];
const SENTENCES = [
  "The council changed the care plan twice without telling us why.",
  "Our personal assistant covered the gap while the budget was reviewed.",
  "The support planner listened, and the plan finally matched what we needed.",
  "Respite was cancelled at short notice and we coped on our own.",
  "Paperwork for the direct payment account took most of a month.",
  "The annual review was quick and nothing changed, which was a relief.",
];
const REPLIES = [
  "The same happened to us at the annual review.",
  "Thank you for writing this down, it helps to know we are not alone.",
  "We asked for the decision in writing and that made a difference.",
  "Our broker helped with the paperwork, it might be worth asking for one.",
];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const between = (low: number, high: number) => low + Math.random() * (high - low);

const KEY_FIELD = /name="submissionKey" value="([0-9a-f-]{36})"/;
const TAG_FIELD = /<input[^>]*\bname="tags"[^>]*\bvalue="([a-z0-9-]+)"/g;

/** One member's minute: open a form, think, post it (retrying failures), pause, again. */
export async function simulateMember(plan: LoadPlan, member: Member): Promise<void> {
  let written = 0;
  while (plan.log.now() < plan.stopOpeningFormsAt) {
    written += 1;
    const marker = `LT${plan.runId}-m${String(member.index).padStart(2, "0")}-w${String(written).padStart(3, "0")}`;
    const wantsStory = Math.random() < 0.3 || plan.storyIds.length === 0;
    if (wantsStory) await writeStory(plan, member, marker);
    else await writeReply(plan, member, marker, pick(plan.storyIds));
    await sleep(between(500, 1_500));
  }
}

async function writeStory(plan: LoadPlan, member: Member, marker: string): Promise<void> {
  const { base, log } = plan;
  const { browser } = member;
  const form = await log.send(base, browser, "open story form", "/stories/new");
  const submissionKey = form.reply?.status === 200 ? KEY_FIELD.exec(form.reply.body)?.[1] : undefined;
  if (!form.reply || !submissionKey) {
    await sleep(1_000);
    return;
  }
  const tags = [...form.reply.body.matchAll(TAG_FIELD)].map((m) => m[1] ?? "");
  const fields = {
    submissionKey,
    guided: "0",
    kind: "story",
    title: `${pick(TITLES)} ${marker}`,
    body: `${pick(SENTENCES)} ${pick(SENTENCES)}\n\n${pick(SENTENCES)} Marker ${marker}.`,
    council: "",
    tags: tags.length ? [pick(tags)] : [],
    displayMode: "anonymous",
  };
  await sleep(between(500, 1_500));
  // The publish button appears only under a preview, so a person always previews first.
  const preview = await log.send(base, browser, "preview story", "/stories/new", { ...fields, intent: "preview" });
  if (
    preview.reply?.status !== 200 ||
    !preview.reply.body.includes("Preview: this is exactly what will be published")
  ) {
    await sleep(1_000);
    return;
  }
  await sleep(between(300, 1_000));
  // The form under the preview is the one published; it carries the key the story form gave.
  const publishKey = KEY_FIELD.exec(preview.reply.body)?.[1] ?? "";
  const submission = newSubmission("story", member, marker, publishKey, null);
  plan.submissions.push(submission);
  // As the form does, publishing says which identifying details the preview showed (and so are kept).
  const seen = (/name="seen" value="([^"]*)"/.exec(preview.reply.body)?.[1] ?? "[]")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
  await submit(
    plan,
    member,
    submission,
    "/stories/new",
    { ...fields, submissionKey: publishKey, seen, intent: "publish" },
    /^\/stories\/(\d+)\?posted=1$/,
  );
  if (submission.acknowledgedId !== null) plan.storyIds.push(submission.acknowledgedId);
}

async function writeReply(plan: LoadPlan, member: Member, marker: string, postId: number): Promise<void> {
  const { base, log } = plan;
  const page = await log.send(base, member.browser, "open story page", `/stories/${postId}`);
  const submissionKey = page.reply?.status === 200 ? KEY_FIELD.exec(page.reply.body)?.[1] : undefined;
  if (!page.reply || !submissionKey) {
    await sleep(1_000);
    return;
  }
  await sleep(between(1_000, 2_500));
  const submission = newSubmission("reply", member, marker, submissionKey, postId);
  plan.submissions.push(submission);
  await submit(
    plan,
    member,
    submission,
    `/stories/${postId}`,
    { submissionKey, body: `${pick(REPLIES)} Marker ${marker}.`, displayMode: "anonymous" },
    replySaved(postId),
  );
}

export function newSubmission(
  kind: WriteKind,
  member: Member,
  marker: string,
  submissionKey: string,
  postId: number | null,
): Submission {
  return {
    kind,
    member: member.index,
    marker,
    submissionKey,
    postId,
    attempts: [],
    outcome: "failed",
    acknowledgedId: null,
  };
}

/** Where the app sends someone after a reply is saved: the story, at their reply. */
export function replySaved(postId: number): RegExp {
  return new RegExp(`^/stories/${postId}\\?replied=published#comment-(\\d+)$`);
}

/** Notes one try of a submission; says whether it is settled or worth sending again. */
export function noteAttempt(submission: Submission, { reply, record }: Observed, success: RegExp): "settled" | "retry" {
  const { startedAt, endedAt, status, failure, code, saysTryAgain } = record;
  submission.attempts.push({ startedAt, endedAt, status, failure, code, saysTryAgain });
  if (!reply) return "retry";
  const saved = (reply.status === 302 || reply.status === 303) && success.exec(reply.location ?? "");
  if (saved) {
    submission.outcome = "acknowledged";
    submission.acknowledgedId = Number(saved[1]);
    return "settled";
  }
  if (reply.status >= 500) return "retry";
  submission.outcome = reply.status === 429 ? "rate limited" : "turned down";
  return "settled";
}

/** Sends one form until it is saved, refused, or the person gives up; the same key every time. */
async function submit(
  plan: LoadPlan,
  member: Member,
  submission: Submission,
  path: string,
  form: Record<string, string | string[]>,
  success: RegExp,
): Promise<void> {
  const purpose = submission.kind === "story" ? "publish story" : "post reply";
  for (let attempt = 0; ; attempt++) {
    const observed = await plan.log.send(plan.base, member.browser, purpose, path, form);
    if (noteAttempt(submission, observed, success) === "settled") return;
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay === undefined || plan.log.now() + delay > plan.stopRetryingAt) {
      submission.outcome = "failed";
      return;
    }
    await sleep(delay);
  }
}
