// Graceful shutdown under load: requests that are provably in flight when SIGTERM arrives must
// finish normally, new connections must be refused, and the process must exit 0.
//
// "Provably in flight": each request is a form post sent with `Expect: 100-continue`. Node's
// server answers "100 Continue" only once it has read the headers and handed the request to the
// app, so after that answer the request is inside the app, waiting for its body. The body is sent
// only after SIGTERM (and after checking that new connections are refused), so these requests
// are in flight for the whole of the shutdown.
import http from "node:http";

import type { RunningApp } from "../support/app-server";
import { browserHeaders, encodeForm, newBrowser, NoResponse, readReply, send } from "./http";
import { type Member, newSubmission, noteAttempt, replySaved, type Submission } from "./members";
import { type RunLog, sleep } from "./record";

export interface InFlightResult {
  purpose: string;
  /** The server answered 100 Continue before SIGTERM. */
  inFlight: boolean;
  status: number | null;
  code: string;
  ok: boolean;
  /** When the answer arrived, counted from SIGTERM. */
  answeredMs: number;
}

export interface ShutdownResult {
  requests: InFlightResult[];
  /** What new connections opened after SIGTERM got: "refused" is right. */
  newConnections: string[];
  exitCode: number | null;
  /** From SIGTERM to the process having exited. */
  exitMs: number | null;
}

interface Held {
  purpose: string;
  startedAt: number;
  continued: Promise<boolean>;
  finish: () => void;
  reply: ReturnType<typeof readReply>;
}

function holdPost(
  base: URL,
  member: Member,
  log: RunLog,
  purpose: string,
  path: string,
  form: Record<string, string | string[]>,
): Held {
  const body = encodeForm(form);
  const request = http.request(new URL(path, base), {
    method: "POST",
    agent: member.browser.agent,
    headers: { ...browserHeaders(base, member.browser, body), Expect: "100-continue" },
  });
  const reply = readReply(request, 30_000);
  reply.catch(() => undefined); // settled (and logged) later
  const continued = new Promise<boolean>((resolve) => {
    request.once("continue", () => resolve(true));
    request.once("error", () => resolve(false));
    setTimeout(() => resolve(false), 15_000).unref();
  });
  request.flushHeaders();
  return { purpose, startedAt: log.now(), continued, finish: () => request.end(body), reply };
}

export async function probeGracefulShutdown({
  app,
  base,
  log,
  members,
  storyId,
  runId,
  submissions,
}: {
  app: RunningApp;
  base: URL;
  log: RunLog;
  members: Member[];
  storyId: number;
  runId: string;
  /** Replies written in flight join the run's submissions, so the database check covers them. */
  submissions: Submission[];
}): Promise<ShutdownResult> {
  const held: { held: Held; submission: Submission | null }[] = members.slice(0, 6).map((member, i) => {
    if (i % 2 === 0) {
      const form = {
        submissionKey: crypto.randomUUID(),
        guided: "0",
        kind: "story",
        title: "Previewed while the app stopped",
        body: "The support plan review went well this time.",
        council: "",
        displayMode: "anonymous",
        intent: "preview",
      };
      return {
        held: holdPost(base, member, log, "preview story during shutdown", "/stories/new", form),
        submission: null,
      };
    }
    const marker = `LT${runId}-m${String(member.index).padStart(2, "0")}-shutdown`;
    const submission = newSubmission("reply", member, marker, crypto.randomUUID(), storyId);
    submissions.push(submission);
    const form = {
      submissionKey: submission.submissionKey,
      body: `Posted as the app was stopping. Marker ${marker}.`,
      displayMode: "anonymous",
    };
    return { held: holdPost(base, member, log, "post reply during shutdown", `/stories/${storyId}`, form), submission };
  });
  const inFlight = await Promise.all(held.map(({ held }) => held.continued));

  const signalledAt = log.now();
  const exited = app.stop("SIGTERM").then((code) => ({ code, at: log.now() }));
  await sleep(500);
  const newConnections: string[] = [];
  for (let i = 0; i < 3; i++) {
    const stranger = newBrowser("203.0.113.7");
    stranger.agent = new http.Agent({ keepAlive: false });
    try {
      const reply = await send(base, stranger, "/healthz", { timeoutMs: 3_000 });
      newConnections.push(`answered ${reply.status}`);
    } catch (error) {
      newConnections.push(error instanceof NoResponse ? error.failure : String(error));
    }
    await sleep(200);
  }

  for (const { held: request } of held) request.finish();
  const requests: InFlightResult[] = [];
  for (const [i, { held: request, submission }] of held.entries()) {
    const observed = await log.settle("POST", request.purpose, "", request.startedAt, request.reply);
    let ok: boolean;
    if (submission) {
      ok =
        noteAttempt(submission, observed, replySaved(storyId)) === "settled" && submission.outcome === "acknowledged";
    } else {
      ok =
        observed.reply?.status === 200 &&
        observed.reply.body.includes("Preview: this is exactly what will be published");
    }
    requests.push({
      purpose: request.purpose,
      inFlight: inFlight[i] ?? false,
      status: observed.record.status,
      code: observed.record.code,
      ok,
      answeredMs: observed.record.endedAt - signalledAt,
    });
  }

  const timeout = sleep(20_000).then(() => null);
  const ended = await Promise.race([exited, timeout]);
  return {
    requests,
    newConnections,
    exitCode: ended ? ended.code : null,
    exitMs: ended ? ended.at - signalledAt : null,
  };
}
