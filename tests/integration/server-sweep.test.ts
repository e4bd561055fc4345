// Sweeps through the real server (app/server/process/main.ts), because cross-site refusal, security headers
// and request logging live in Express, in front of the Remix handler.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type RunningApp, startAppBehindProxy } from "../support/app-server";
import { sql } from "../support/sql";
import { addPostsOneAndTwo } from "../support/stories";

const routesDir = path.resolve(import.meta.dirname, "..", "..", "app", "routes");
const routeFiles = readdirSync(routesDir).filter((f) => !f.includes(".test."));
const hasAction = (file: string) =>
  /export (async function|const|function) action\b/.test(readFileSync(path.join(routesDir, file), "utf8"));

/** One URL for a flat-routes file name: params filled with rows that exist, `[.]` as a dot. */
function urlOf(file: string): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.\]/g, "~dot~")
    .split(".")
    .map((segment) => segment.replaceAll("~dot~", ".").replace(/_$/, ""))
    .filter((segment) => segment !== "_index")
    .map((segment) => ({ $id: "1", $code: "E06000001", $handle: "someone", $: "no-such-page" })[segment] ?? segment);
  return `/${segments.join("/")}`.replace(/^\/_index$/, "/");
}

const CLIENT = "203.0.113.77";
const PASSWORD = "kettle orbit lantern nine";
let app: RunningApp;
const tokens: string[] = [];

const headers = (extra: Record<string, string> = {}) => ({ "X-Forwarded-For": CLIENT, ...extra });
const post = (url: string, fields: Record<string, string>, extra: Record<string, string> = {}) =>
  fetch(`${app.url}${url}`, {
    method: "POST",
    headers: headers({ "Content-Type": "application/x-www-form-urlencoded", ...extra }),
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
const cookieOf = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

async function join(handle: string): Promise<string> {
  const joined = await post("/join", { handle, password: PASSWORD, perspective: "carer" });
  expect(joined.status).toBe(200);
  const cookie = cookieOf(joined);
  tokens.push(cookie.split("=")[1] ?? "");
  return cookie;
}

const countEverything = async () =>
  (
    await sql<{ n: string }>(
      `SELECT concat_ws(',', (SELECT count(*) FROM "user"), (SELECT count(*) FROM session), (SELECT count(*) FROM post),
         (SELECT count(*) FROM comment), (SELECT count(*) FROM flag), (SELECT count(*) FROM experience_report),
         (SELECT count(*) FROM api_key), (SELECT count(*) FROM moderation_action), (SELECT count(*) FROM watched_word),
         (SELECT string_agg(role::text || handle, ',' ORDER BY id) FROM "user")) AS n`,
    )
  )[0]?.n;

beforeAll(async () => {
  await addPostsOneAndTwo();
  app = await startAppBehindProxy("info");
});

afterAll(async () => {
  await app.stop();
});

describe("cross-site posts", () => {
  it("are refused with 403 on every route with an action, for a signed-in admin, and change nothing", async () => {
    const cookie = await join(`csrf_admin_${Date.now().toString(36).replace(/\d/g, "q")}`);
    await sql(`UPDATE "user" SET role = 'admin' WHERE id = (SELECT max(id) FROM "user")`);
    const withAction = routeFiles.filter(hasAction);
    expect(withAction.length).toBeGreaterThan(10);
    const before = await countEverything();
    for (const file of withAction) {
      const response = await post(
        urlOf(file),
        {
          title: "Cross-site",
          body: "Cross-site body",
          intent: "comment",
          role: "admin",
          userId: "1",
          word: "evil",
          confirm: "delete",
        },
        { Cookie: cookie, Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      );
      expect(response.status, `${file} (${urlOf(file)})`).toBe(403);
    }
    expect(await countEverything()).toBe(before);
    // The session survived: the refused sign-out did not sign anyone out either.
    expect(
      (await fetch(`${app.url}/settings`, { headers: headers({ Cookie: cookie }), redirect: "manual" })).status,
    ).toBe(200);
  });
});

describe("security headers", () => {
  const urls = [...routeFiles.map(urlOf), "/favicon.svg", "/definitely/not/here", "/api/v1/stories?page=999"];

  it("are on every response: pages, resources, API, feeds, downloads, 404s and static files", async () => {
    for (const url of urls) {
      const response = await fetch(`${app.url}${url}`, { headers: headers(), redirect: "manual" });
      await response.arrayBuffer();
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(/script-src[^;]*unsafe-inline/.test(csp), url).toBe(false);
      expect(csp.includes("frame-ancestors 'none'") || response.headers.get("x-frame-options") === "DENY", url).toBe(
        true,
      );
      expect(response.headers.get("x-content-type-options"), url).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), url).toBeTruthy();
      expect(response.headers.get("permissions-policy"), url).toBeTruthy();
    }
  });

  it("session cookies are HttpOnly, SameSite=Lax, Path=/ and, behind an https proxy, Secure and __Host-", async () => {
    const local = await post("/join", {
      handle: `cookie_local_${Date.now().toString(36).replace(/\d/g, "q")}`,
      password: PASSWORD,
      perspective: "carer",
    });
    const plain = local.headers.get("set-cookie") ?? "";
    tokens.push(cookieOf(local).split("=")[1] ?? "");
    expect(plain).toMatch(/^session=/);
    for (const flag of ["HttpOnly", "SameSite=Lax", "Path=/"]) expect(plain).toContain(flag);

    const proxied = await post(
      "/join",
      {
        handle: `cookie_https_${Date.now().toString(36).replace(/\d/g, "q")}`,
        password: PASSWORD,
        perspective: "carer",
      },
      { "X-Forwarded-Proto": "https", "X-Forwarded-Host": "fifth-option.example" },
    );
    const secure = proxied.headers.get("set-cookie") ?? "";
    tokens.push(cookieOf(proxied).split("=")[1] ?? "");
    expect(secure).toMatch(/^__Host-session=/);
    for (const flag of ["HttpOnly", "SameSite=Lax", "Path=/", "Secure"]) expect(secure).toContain(flag);
    expect(secure).not.toMatch(/Domain=/i);
  });
});

describe("sessions", () => {
  it("get a new id at sign-in, and signing out ends the old one on the server", async () => {
    const handle = `fixation_${Date.now().toString(36).replace(/\d/g, "q")}`;
    const first = await join(handle);

    // Signing out ends the session on the server: replaying its cookie is the same as having none.
    const signedOut = await post("/sign-out", {}, { Cookie: first });
    expect([200, 302, 303]).toContain(signedOut.status);
    const replay = await fetch(`${app.url}/settings`, { headers: headers({ Cookie: first }), redirect: "manual" });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toMatch(/^\/sign-in/);

    // Signing in while a cookie is planted in the browser never adopts it: the session id is new.
    const signedIn = await post("/sign-in", { handle, password: PASSWORD, redirectTo: "/" }, { Cookie: first });
    expect(signedIn.status).toBe(302);
    const second = cookieOf(signedIn);
    tokens.push(second.split("=")[1] ?? "");
    expect(second).toMatch(/^session=/);
    expect(second).not.toBe(first);
    expect(
      (await fetch(`${app.url}/settings`, { headers: headers({ Cookie: second }), redirect: "manual" })).status,
    ).toBe(200);

    const wrong = await post("/sign-in", { handle, password: "not the password at all" });
    expect(wrong.status).toBe(401);
  });
});

describe("logs after a full run", () => {
  it("never contain the client address, a password or a session token", async () => {
    const cookie = await join(`logs_${Date.now().toString(36).replace(/\d/g, "q")}`);
    const story = await post(
      "/stories/new",
      {
        title: "A story for the log sweep",
        body: "Something long enough to be a story body here.",
        perspective: "carer",
      },
      { Cookie: cookie },
    );
    expect(story.status).toBeLessThan(500);
    const comment = await post(
      "/stories/1",
      { intent: "comment", body: "A comment for the log sweep, long enough." },
      { Cookie: cookie },
    );
    expect(comment.status).toBeLessThan(500);
    expect((await fetch(`${app.url}/api/v1/stories`, { headers: headers() })).status).toBe(200);

    expect(await app.stop()).toBe(0);
    const output = app.output();
    expect(output.length).toBeGreaterThan(0);
    expect(output).not.toContain(CLIENT);
    expect(output).not.toContain(PASSWORD);
    for (const token of tokens.filter((t) => t.length > 8)) expect(output).not.toContain(token);
  });
});
