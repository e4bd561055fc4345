// The real server working on one request at a time (REQUESTS_AT_ONCE=1): members whose requests
// waited in line each get their own pages, never another member's, and a burst beyond the line's
// bound is answered with a plain 503 or served, never with a 500 (http/admission.server.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BUSY_TEXT } from "~/server/http/admission.server";

import { type RunningApp, startApp, stopAllApps } from "../support/app-server";
import freePort from "../support/free-port";

let oneAtATime: RunningApp;
let shortLine: RunningApp;

beforeAll(async () => {
  const common = { DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: "warn", TRUST_PROXY: "true" };
  [oneAtATime, shortLine] = await Promise.all([
    startApp([], { ...common, REQUESTS_AT_ONCE: "1", PORT: String(await freePort()) }),
    startApp([], { ...common, REQUESTS_AT_ONCE: "1", REQUESTS_WAITING_AT_MOST: "2", PORT: String(await freePort()) }),
  ]);
});

afterAll(async () => {
  await stopAllApps();
});

const PASSWORD = "kettle orbit lantern nine";

async function join(app: RunningApp, handle: string, address: string): Promise<string> {
  const joined = await fetch(`${app.url}/join`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": address },
    body: new URLSearchParams({ handle, password: PASSWORD, perspective: "carer" }).toString(),
    redirect: "manual",
  });
  expect(joined.status).toBe(200);
  return (joined.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

describe("requests waiting in line", () => {
  it("give each member their own pages, whoever's request let them in", async () => {
    const stamp = Date.now().toString(36).replace(/\d/g, "q");
    const handles = Array.from({ length: 6 }, (_, i) => `in_line_${"abcdef"[i]}_${stamp}`);
    const cookies = await Promise.all(handles.map((handle, i) => join(oneAtATime, handle, `198.51.100.${40 + i}`)));

    for (const path of ["/settings", "/following", "/notifications"]) {
      // All at once, so that most of them wait while another member's request is worked on.
      const pages = await Promise.all(
        cookies.map(async (cookie) => {
          const answer = await fetch(`${oneAtATime.url}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
          return { status: answer.status, text: await answer.text() };
        }),
      );
      pages.forEach(({ status, text }, i) => {
        expect(status, path).toBe(200);
        expect(text, path).toContain(handles[i]);
        for (const other of handles.filter((_, j) => j !== i)) expect(text, path).not.toContain(other);
      });
    }
  });

  it("beyond the line's bound are refused with a plain 503 that says why, never a 500", async () => {
    // Searches nobody has asked before (nothing kept) and story pages, far more than one at a time
    // and two waiting can take.
    const stamp = Date.now().toString(36);
    const burst = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const answer = await fetch(`${shortLine.url}${i % 2 ? `/stories?q=respite+${stamp}${i}` : "/stories"}`);
        return { status: answer.status, text: await answer.text(), retryAfter: answer.headers.get("retry-after") };
      }),
    );
    expect(burst.every(({ status }) => status === 200 || status === 503)).toBe(true);
    // The story list is kept for signed-out readers and served before the line; searches wait in it.
    expect(burst.filter(({ status }) => status === 503).length).toBeGreaterThan(0);
    for (const refused of burst.filter(({ status }) => status === 503)) {
      expect(refused.text).toBe(BUSY_TEXT);
      expect(refused.retryAfter).toBe("5");
    }
    // No place is left taken: once the burst is over, pages the cache cannot answer are served
    // again, one after another.
    for (const word of ["appeal", "respite", "budget"]) {
      expect((await fetch(`${shortLine.url}/stories?q=${word}+${stamp}after`)).status).toBe(200);
    }
  });
});
