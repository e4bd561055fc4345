// The whole app as a person runs it: `npm start` with no DATABASE_URL starts its own PostgreSQL.
import { execFileSync } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { resolveDataDir } from "~/server/db/embedded-postgres.server";

import { runApp, startApp, stopAllApps } from "../support/app-server";
import { checkoutReachableByOthers, copyCheckout } from "../support/checkout-copy";
import freePort from "../support/free-port";
import { checkAgainstDocument } from "../support/openapi";

const root = path.resolve(import.meta.dirname, "..", "..");
const storyLinks = (html: string) => [...html.matchAll(/href="\/stories\/(\d+)"/g)].map((m) => m[1]);
const looksLikeStackTrace = (text: string) => /\n\s+at \S+ \(|node_modules\/|\.ts:\d+:\d+/.test(text);

describe("running the app on its embedded PostgreSQL", () => {
  const cleanup: string[] = [];
  afterAll(async () => {
    await stopAllApps();
    for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
  });

  // Two PostgreSQL starts and two app starts: more time than the default, for a busy machine.
  it("serves the demo, survives the database dying, and recovers on restart with nothing lost", async () => {
    const dataParent = await mkdtemp(path.join(os.tmpdir(), "fifth-option-app-"));
    cleanup.push(dataParent);
    await chmod(dataParent, 0o755);
    const env = {
      DATABASE_URL: undefined,
      EMBEDDED_POSTGRES_DIR: path.join(dataParent, "postgres"),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      PORT: String(await freePort()),
    };

    const first = await startApp(["--demo"], env);
    const home = await fetch(first.url);
    expect(home.status).toBe(200);
    const homeHtml = await home.text();
    // The home page lists the 5 newest stories, 5 questions waiting for an answer and 3 practice notes.
    const before = storyLinks(homeHtml);
    expect(before.length).toBeGreaterThanOrEqual(10);
    expect(homeHtml).toContain("Newest stories");

    // Every response carries the security headers, with a fresh script nonce each time.
    const csp = home.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain("unsafe-inline");
    expect(home.headers.get("x-content-type-options")).toBe("nosniff");
    expect(home.headers.get("referrer-policy")).toBe("same-origin");
    expect(home.headers.get("permissions-policy")).toContain("camera=()");
    const nonceOf = (html: string) => /<script nonce="([^"]+)"/.exec(html)?.[1];
    expect(nonceOf(homeHtml)).toBeTruthy();
    expect(nonceOf(await (await fetch(first.url)).text())).not.toBe(nonceOf(homeHtml));
    const asset = await fetch(`${first.url}/favicon.svg`);
    expect(asset.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");

    // A form posted from another site is refused before it reaches any action.
    const crossSite = await fetch(`${first.url}/sign-in`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "https://evil.example",
        "Sec-Fetch-Site": "cross-site",
      },
      body: "handle=someone&password=whatever12345",
    });
    expect(crossSite.status).toBe(403);

    // The API answers, and a browser on another site may send it a key (CORS preflight).
    const stories = await fetch(`${first.url}/api/v1/stories?limit=2`);
    expect(stories.status).toBe(200);
    expect(((await checkAgainstDocument("/api/v1/stories", stories)) as { stories: unknown[] }).stories).toHaveLength(
      2,
    );
    const preflight = await fetch(`${first.url}/api/v1/stories`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://research.example",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("Authorization");

    const healthy = await fetch(`${first.url}/healthz`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ status: "ok", database: { status: "up" } });

    // A member who is signed in before the outage, to write during it.
    const joined = await fetch(`${first.url}/join`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        handle: "outage_writer",
        password: "kettle orbit lantern nine",
        perspective: "carer",
      }),
    });
    const cookie = (joined.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toMatch(/^session=/);

    // Kill PostgreSQL out from under the running app.
    const pid = Number((await readFile(path.join(env.EMBEDDED_POSTGRES_DIR, "postmaster.pid"), "utf8")).split("\n")[0]);
    process.kill(pid, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 500));

    const down = await fetch(`${first.url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: "unavailable", database: { status: "down" } });

    // The API says so as a problem document, not the HTML error page.
    const api = await fetch(`${first.url}/api/v1/stories`);
    expect(api.status).toBe(503);
    expect(api.headers.get("content-type")).toBe("application/problem+json");
    expect(await checkAgainstDocument("/api/v1/stories", api)).toMatchObject({
      status: 503,
      title: "Service unavailable",
    });

    const page = await fetch(`${first.url}/stories`);
    expect(page.status).toBe(503);
    const pageHtml = await page.text();
    expect(pageHtml).toContain("Sorry, the service is unavailable");
    expect(looksLikeStackTrace(pageHtml)).toBe(false);

    // Writing while the database is down: refused with a clear message, and the text comes back.
    const draft = "Our review was moved three times and nobody told us why.";
    const writing = await fetch(`${first.url}/stories/new`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body: new URLSearchParams({
        kind: "story",
        title: "Written during the outage",
        body: draft,
        displayMode: "anonymous",
        intent: "publish",
      }),
    });
    expect(writing.status).toBe(503);
    const writingHtml = await writing.text();
    expect(writingHtml).toContain("has not been saved");
    expect(writingHtml).toContain(draft);
    expect(writingHtml).toContain('value="Written during the outage"');
    expect(looksLikeStackTrace(writingHtml)).toBe(false);

    expect(await first.stop("SIGTERM")).toBe(0);

    // Restart: PostgreSQL recovers from the crash and every story is still there.
    const second = await startApp([], env);
    const again = await (await fetch(second.url)).text();
    expect(storyLinks(again)).toEqual(before);
    // Sessions live in PostgreSQL, so the member is still signed in after the restart.
    const settings = await fetch(`${second.url}/settings`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(settings.status).toBe(200);
    expect(await settings.text()).toContain("outage_writer");
    expect(await second.stop("SIGTERM")).toBe(0);
    expect(second.output()).toContain("embedded PostgreSQL stopped");

    // db:migrate on the up-to-date database changes nothing.
    const migrate = execFileSync(process.execPath, ["--import", "tsx", "prisma/migrate.ts"], {
      cwd: root,
      env: { ...process.env, ...env, DATABASE_URL: "" },
      encoding: "utf8",
    });
    expect(migrate).toMatch(/No pending migrations: all \d+ already applied\. Nothing changed\./);
  }, 150_000);

  it("stops at start with one clear line when the configuration is wrong", async () => {
    const { exited, output } = runApp([], { PORT: "not-a-port" });
    expect(await exited).toBe(1);
    expect(output().trim()).toBe("Configuration error: PORT: Expected number, received nan");
  });

  it("runs PostgreSQL as the postgres user when started as root, falling back to a reachable folder", async () => {
    const locked = await mkdtemp(path.join(os.tmpdir(), "fifth-option-locked-"));
    cleanup.push(locked);
    await chmod(locked, 0o700);
    const messages: string[] = [];
    const chosen = resolveDataDir(path.join(locked, "data", "postgres"), true, (m) => messages.push(m));
    expect(chosen.startsWith(path.join(os.tmpdir(), "fifth-option-"))).toBe(true);
    expect(messages[0]).toContain("is not reachable by the postgres user");
    // An ordinary user keeps the folder they asked for.
    expect(resolveDataDir(path.join(locked, "pg"), false, () => undefined)).toBe(path.join(locked, "pg"));
  });

  it("starts its PostgreSQL for an ordinary (non-root) user too", async () => {
    const dataParent = await mkdtemp(path.join(os.tmpdir(), "fifth-option-user-"));
    cleanup.push(dataParent);
    const migrate = [process.execPath, "--import", "tsx", "prisma/migrate.ts"];
    // As root (as in CI), drop to the unprivileged "nobody" user; otherwise we already are one.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync("chown", ["nobody", dataParent]);
    // "nobody" cannot read a checkout under a folder only root may enter (root's 0700 home): it
    // runs from a copy in a folder everyone may enter instead.
    let checkout = root;
    if (asRoot && !checkoutReachableByOthers()) {
      const copyParent = await mkdtemp(path.join(os.tmpdir(), "fifth-option-checkout-"));
      cleanup.push(copyParent);
      await chmod(copyParent, 0o755);
      checkout = await copyCheckout(path.join(copyParent, "fifth-option"));
    }
    const [command, ...args] = asRoot
      ? ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", ...migrate]
      : migrate;
    const output = execFileSync(command ?? "", args, {
      cwd: checkout,
      env: {
        ...process.env,
        HOME: dataParent,
        DATABASE_URL: "",
        EMBEDDED_POSTGRES_DIR: path.join(dataParent, "postgres"),
        EMBEDDED_POSTGRES_PORT: String(await freePort()),
      },
      encoding: "utf8",
    });
    expect(output).toMatch(/Applied \d+_init/);
    expect(output).toContain("embedded PostgreSQL stopped");
  });
});
