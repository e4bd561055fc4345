// A property-based sweep of every route (app/routes) through the real app (app/server/process/main.ts,
// with the heap `npm start` gives it), as a visitor, a member and a moderator: arbitrary methods,
// content types, encodings, body sizes, control characters, invalid percent-encodings, long
// addresses and headers, with params filled with real and hostile values. Whatever is sent, the
// answer is never a 5xx and never shows a stack trace, a source path or a library's name; a
// refused request writes nothing; and the process still answers /healthz at the end.
// Bounded for a 2-core machine: a fixed seed and a few hundred requests (docs/hardening.md).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type RunningApp, START_NODE_OPTIONS, startApp } from "../support/app-server";
import freePort from "../support/free-port";
import { hasAction, leakIn, type RawAnswer, rawRequest, routeFiles, routeUrl } from "../support/hostile";
import { sql } from "../support/sql";
import { addStory } from "../support/stories";

const SEED = 13_0509;
const PASSWORD = "kettle orbit lantern nine";

let app: RunningApp;
let storyId = 0;
let commentId = 0;
let memberHandle = "";
const actors: Record<"visitor" | "member" | "moderator", Record<string, string>> = {
  visitor: {},
  member: {},
  moderator: {},
};
type Actor = keyof typeof actors;

let address = 0;
const clientAddress = () => `192.0.2.${(address += 1) % 250}`;

const counts = async () =>
  (
    await sql<{ n: string }>(
      `SELECT concat_ws(',', (SELECT count(*) FROM "user"), (SELECT count(*) FROM post), (SELECT count(*) FROM comment),
         (SELECT count(*) FROM flag), (SELECT count(*) FROM experience_report), (SELECT count(*) FROM api_key),
         (SELECT count(*) FROM watched_word), (SELECT count(*) FROM moderation_action)) AS n`,
    )
  )[0]?.n;

async function join(handle: string): Promise<string> {
  const answer = await rawRequest(app.url, {
    method: "POST",
    path: "/join",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": clientAddress() },
    body: new URLSearchParams({ handle, password: PASSWORD, perspective: "carer" }).toString(),
  });
  expect(answer.status).toBe(200);
  return String(answer.headers["set-cookie"]?.[0] ?? "").split(";")[0] ?? "";
}

// ---- What is sent ----

/** Path params: the real rows, and values no route expects (already percent-encoded where needed). */
const HOSTILE_PARAMS = [
  "%FF",
  "%00",
  "ab%00c",
  "%E0%A4%A",
  "%",
  "-1",
  "0",
  "1e999",
  "99999999999999999999",
  "1.5",
  "%2e%2e%2F%2e%2e%2Fetc%2Fpasswd",
  "a".repeat(300),
  "%F0%9F%92%A9",
  "%ED%A0%80", // a lone surrogate, UTF-8 encoded
  "NaN",
  "%3Cscript%3E",
  "'%20OR%201%3D1%20--",
  "%0D%0ASet-Cookie:%20x=1",
];
const realParam = (param: string) =>
  ({ $id: String(storyId), $code: "E06000001", $handle: memberHandle, $: "no-such-page" })[param] ?? "x";

/** Field values: control characters, broken escapes, numbers out of range, very long text, odd Unicode. */
const hostileText = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\u0001\u0002\u0007\u001b[31m",
    "\u007f",
    "\r\n\r\n",
    "%FF%FE",
    "%",
    "\uD800",
    "\uFFFF",
    "1e999",
    "-1",
    "99999999999999999999",
    "NaN",
    "true",
    "[]",
    "{}",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "relevance~1e999~1",
    "recent~9999-99-99~1",
    "//evil.example",
    "javascript:alert(1)",
    ">".repeat(2_000),
    "*a ".repeat(2_000),
    "[a](".repeat(1_000),
  ),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({
    unit: fc.constantFrom("\u0000", "\t", "a", "é", "%", "&", "=", "\n", "+", ";", "\u202e"),
    maxLength: 200,
  }),
);

const FIELD_NAMES = [
  "title",
  "body",
  "handle",
  "password",
  "intent",
  "note",
  "reason",
  "kind",
  "displayMode",
  "council",
  "tags",
  "perspective",
  "confirm",
  "confirmed",
  "code",
  "label",
  "word",
  "replacement",
  "action",
  "role",
  "userId",
  "submissionKey",
  "guided",
  "whatHappened",
  "newPassword",
  "currentPassword",
  "comment",
  "redirectTo",
  "q",
  "status",
  "decision",
  "id",
  "target",
  "website",
];
// Intents that end the actor's own session would stop the sweep from seeing signed-in pages.
const INTENTS = [
  "preview",
  "publish",
  "comment",
  "react",
  "redact-all",
  "redact:0",
  "create",
  "revoke",
  "handle",
  "perspective",
  "password",
  "codes",
  "test",
  "remove",
  "silence",
  "approve",
  "reject",
  "restore",
  "nonsense",
];

const fields = fc.dictionary(
  fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })),
  fc.oneof(hostileText, fc.constantFrom(...INTENTS)),
  { maxKeys: 8 },
);

const QUERY_NAMES = [
  "q",
  "tag",
  "council",
  "region",
  "kind",
  "sort",
  "cursor",
  "page",
  "limit",
  "post",
  "comment",
  "redirectTo",
  "from",
  "to",
  "perspective",
  "guided",
  "story",
  "reason",
  "_data",
  "index",
];
const query = fc.option(
  fc.array(
    fc.tuple(
      fc.constantFrom(...QUERY_NAMES),
      fc.oneof(
        hostileText.map((value) => encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, "x"))),
        fc.constantFrom("%FF", "%00", "%", "%E0%A4%A", "1e999", "-1"),
      ),
    ),
    { maxLength: 4 },
  ),
  { nil: undefined },
);

type BodyKind =
  | "urlencoded"
  | "latin1"
  | "multipart"
  | "broken-multipart"
  | "multipart-no-boundary"
  | "text"
  | "json"
  | "none"
  | "xml"
  | "gzip";
const BODY_KINDS: BodyKind[] = [
  "urlencoded",
  "latin1",
  "multipart",
  "broken-multipart",
  "multipart-no-boundary",
  "text",
  "json",
  "none",
  "xml",
  "gzip",
];

function encodeBody(
  kind: BodyKind,
  values: Record<string, string>,
  padTo: number,
): { headers: Record<string, string>; body: Buffer } {
  const entries = Object.entries(values);
  if (padTo > 0) entries.push(["padding", "x".repeat(padTo)]);
  // Raw, so a "%FF" typed into a value arrives as an invalid escape.
  const urlencoded = entries.map(([key, value]) => `${key}=${value}`).join("&");
  const multipart = (boundary: string) =>
    entries
      .map(
        ([key, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${key.replace(/"/g, "")}"\r\n\r\n${value}\r\n`,
      )
      .join("") + `--${boundary}--\r\n`;
  switch (kind) {
    case "urlencoded":
      return { headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: Buffer.from(urlencoded) };
    case "latin1":
      return {
        headers: { "Content-Type": "application/x-www-form-urlencoded; charset=iso-8859-1" },
        body: Buffer.from(urlencoded, "latin1"),
      };
    case "multipart":
      return {
        headers: { "Content-Type": "multipart/form-data; boundary=fuzzfuzz" },
        body: Buffer.from(multipart("fuzzfuzz")),
      };
    case "broken-multipart":
      return {
        headers: { "Content-Type": "multipart/form-data; boundary=fuzzfuzz" },
        body: Buffer.from(multipart("fuzzfuzz").slice(0, -12)),
      };
    case "multipart-no-boundary":
      return { headers: { "Content-Type": "multipart/form-data" }, body: Buffer.from(multipart("fuzzfuzz")) };
    case "text":
      return {
        headers: { "Content-Type": "text/plain;charset=UTF-8" },
        body: Buffer.from(entries.map(([key, value]) => `${key}=${value}`).join("\r\n")),
      };
    case "json":
      return {
        headers: { "Content-Type": "application/json" },
        body: Buffer.from(JSON.stringify(Object.fromEntries(entries))),
      };
    case "none":
      return { headers: {}, body: Buffer.from(urlencoded) };
    case "xml":
      return { headers: { "Content-Type": "application/xml" }, body: Buffer.from(`<form>${urlencoded}</form>`) };
    case "gzip":
      return {
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Encoding": "gzip" },
        body: Buffer.from(urlencoded),
      };
  }
}

/** How often each status was answered, to show the sweep reached more than refusals. */
const statuses = new Map<number, number>();

interface Attempt {
  actor: Actor;
  method: string;
  path: string;
  bodyKind?: BodyKind;
  values?: Record<string, string>;
  padTo?: number;
  extraHeaders?: Record<string, string>;
}

/** Sends one attempt and checks the guarantees; returns the answer for further checks. */
async function attempt(a: Attempt): Promise<RawAnswer> {
  const hasBody = a.bodyKind !== undefined && !["GET", "HEAD"].includes(a.method);
  const encoded = hasBody ? encodeBody(a.bodyKind ?? "urlencoded", a.values ?? {}, a.padTo ?? 0) : undefined;
  // GET and HEAD never write; counting around them only slows the sweep.
  const writes = !["GET", "HEAD"].includes(a.method);
  const before = writes ? await counts() : undefined;
  const answer = await rawRequest(app.url, {
    method: a.method,
    path: a.path,
    headers: { "X-Forwarded-For": clientAddress(), ...actors[a.actor], ...encoded?.headers, ...a.extraHeaders },
    ...(encoded ? { body: encoded.body } : {}),
  });
  const label = `${a.actor} ${a.method} ${a.path.slice(0, 200)} ${a.bodyKind ?? ""} → ${answer.status}`;
  expect(answer.status, label).toBeGreaterThanOrEqual(200);
  expect(answer.status, label).toBeLessThan(500);
  expect(leakIn(answer), label).toBeNull();
  if (writes && answer.status >= 400)
    expect(await counts(), `${label}: a refused request wrote something`).toBe(before);
  statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  return answer;
}

beforeAll(async () => {
  storyId = await addStory({ title: "A story for the fuzz sweep", kind: "story" });
  await addStory({ title: "A question for the fuzz sweep", kind: "question" });
  const [comment] = await sql<{ id: number }>(
    `INSERT INTO comment (post_id, body_markdown, body_html, author_perspective, status)
     VALUES ($1, 'A reply', '<p>A reply</p>', 'carer', 'published') RETURNING id`,
    [storyId],
  );
  commentId = comment?.id ?? 0;
  app = await startApp([], {
    DATABASE_URL: process.env.DATABASE_URL,
    LOG_LEVEL: "error",
    TRUST_PROXY: "true",
    PORT: String(await freePort()),
    NODE_OPTIONS: START_NODE_OPTIONS,
  });
  memberHandle = "fuzz_member";
  actors.member = { Cookie: await join(memberHandle) };
  actors.moderator = { Cookie: await join("fuzz_moderator") };
  await sql(`UPDATE "user" SET role = 'moderator', trust_level = 2 WHERE handle = 'fuzz_moderator'`);
  await sql(`UPDATE "user" SET trust_level = 1 WHERE handle = $1`, [memberHandle]);
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe("every route, as a visitor, a member and a moderator", () => {
  const routes = routeFiles.map((file) => ({ file, real: () => routeUrl(file, realParam), action: hasAction(file) }));

  it("the route list is the app's (enumerated from app/routes)", () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.map((route) => route.file)).toContain("stories.$id.tsx");
  });

  it("answers real and hostile params, and hostile forms, with no 5xx, no leak and nothing half-written", async () => {
    const hostileForm = {
      title: "a\u0000b",
      body: "x\u0000y %FF",
      handle: "ab\u0000c",
      note: "\u0000",
      intent: "publish",
      submissionKey: "%00",
      confirmed: "1",
    };
    for (const { file, real, action } of routes) {
      for (const actor of ["visitor", "member", "moderator"] as const) {
        // Signing out would end the sweep's own sessions.
        if (file === "sign-out.tsx" && actor !== "visitor") continue;
        await attempt({
          actor,
          method: "GET",
          path: `${real()}${file === "flag.tsx" ? `?post=${storyId}&comment=${commentId}` : ""}`,
        });
        if (action) await attempt({ actor, method: "POST", path: real(), bodyKind: "urlencoded", values: hostileForm });
      }
      // A body that is not a form: 415 where the action reads it, 405 where there is no action.
      await attempt({
        actor: action && file !== "sign-out.tsx" ? "member" : "visitor",
        method: "POST",
        path: real(),
        bodyKind: "text",
        values: hostileForm,
      });
      if (!file.includes("$")) continue;
      for (const [index, hostile] of HOSTILE_PARAMS.entries()) {
        await attempt({ actor: "visitor", method: "GET", path: routeUrl(file, () => hostile) });
        // The ones that get past the edge (decodable, no control characters) reach the action.
        if (action && index >= 4 && index < 12)
          await attempt({
            actor: "member",
            method: "POST",
            path: routeUrl(file, () => hostile),
            bodyKind: "urlencoded",
            values: hostileForm,
          });
      }
    }
  });

  it("answers arbitrary requests (fast-check, fixed seed) with no 5xx, no leak and nothing half-written", async () => {
    const request = fc.record({
      route: fc.constantFrom(...routes),
      actor: fc.constantFrom<Actor>("visitor", "member", "moderator"),
      method: fc.constantFrom("GET", "HEAD", "POST", "POST", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"),
      hostileParam: fc.option(fc.constantFrom(...HOSTILE_PARAMS), { nil: undefined, freq: 3 }),
      query,
      bodyKind: fc.constantFrom(...BODY_KINDS),
      values: fields,
      padTo: fc.constantFrom(0, 0, 0, 0, 1_000, 15_000, 17_000, 63_000, 70_000),
      longHeader: fc.constantFrom(0, 0, 0, 0, 0, 0, 8_000, 20_000),
      longPath: fc.constantFrom(0, 0, 0, 0, 0, 5_000, 9_000),
      host: fc.constantFrom(
        undefined,
        undefined,
        undefined,
        "evil.example",
        "evil.example:99999",
        "a b",
        "[::1",
        "localhost:1",
        "x".repeat(300),
      ),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        if (r.route.file === "sign-out.tsx" && r.actor !== "visitor") return;
        let path =
          r.hostileParam && r.route.file.includes("$")
            ? routeUrl(r.route.file, () => r.hostileParam ?? "")
            : r.route.real();
        if (r.query?.length) path += `?${r.query.map(([key, value]) => `${key}=${value}`).join("&")}`;
        if (r.longPath) path += `${path.includes("?") ? "&" : "?"}pad=${"a".repeat(r.longPath)}`;
        await attempt({
          actor: r.actor,
          method: r.method,
          path,
          bodyKind: r.bodyKind,
          values: r.values,
          padTo: r.padTo,
          extraHeaders: {
            ...(r.longHeader ? { "X-Padding": "a".repeat(r.longHeader) } : {}),
            ...(r.host ? { Host: r.host } : {}),
          },
        });
      }),
      { seed: SEED, numRuns: 250, endOnFailure: true },
    );
  });

  it("reached the routes' own answers, not only the edge's refusals", () => {
    console.info(`fuzz sweep statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    for (const status of [200, 302, 400, 404, 405, 413, 415])
      expect(statuses.get(status) ?? 0, String(status)).toBeGreaterThan(0);
  });

  it("the process still answers afterwards, and the sessions used were never broken", async () => {
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(app.child.exitCode).toBeNull();
    const settings = await rawRequest(app.url, { path: "/moderation", headers: actors.moderator });
    expect(settings.status).toBe(200);
  });
});
