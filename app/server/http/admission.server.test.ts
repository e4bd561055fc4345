import { AsyncLocalStorage } from "node:async_hooks";
import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:http";

import express from "express";
import { afterEach, describe, expect, it, vi } from "vitest";

import { admission, BUSY_TEXT, type AdmissionLimits } from "./admission.server";

// A real Express app and HTTP server with the admission middleware in front of one route. The route
// notes the order requests reached it, answers with the async context it runs in, and, for names
// the test holds, waits until the test lets it finish.
interface Rig {
  url: string;
  started: string[];
  counts: () => { inWork: number; overtime: number; waiting: number };
  hold: (name: string) => void;
  release: (name: string) => void;
}

const open: { server: Server; releaseAll: () => void }[] = [];
afterEach(async () => {
  for (const { server, releaseAll } of open.splice(0)) {
    releaseAll();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

async function rig(limits: Partial<AdmissionLimits> = {}): Promise<Rig> {
  const started: string[] = [];
  const holds = new Map<string, { release: () => void; released: Promise<void> }>();
  const context = new AsyncLocalStorage<string>();
  const admit = admission({ atOnce: 1, waitingAtMost: 100, holdAtMostMs: 60_000, ...limits });
  const app = express();
  // Like the request scope in main.ts: each reading request runs in a context of its own from here
  // on; a write has none.
  app.use((req, _res, next) =>
    req.method === "GET" || req.method === "HEAD" ? context.run(`context of ${req.path}`, next) : next(),
  );
  app.use(admit);
  app.all("/:name", async (req, res) => {
    started.push(req.params.name);
    await holds.get(req.params.name)?.released;
    // Read after waiting, as a loader reads its request's scope after its first query.
    res.type("text/plain").send(context.getStore() ?? "no context");
  });
  const server = createServer(app);
  open.push({ server, releaseAll: () => holds.forEach(({ release }) => release()) });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    started,
    counts: admit.counts,
    hold: (name) => {
      let release = () => undefined as void;
      const released = new Promise<void>((done) => (release = done));
      holds.set(name, { release, released });
    },
    release: (name) => holds.get(name)?.release(),
  };
}

describe("admission: a few requests in work at once, writes first", () => {
  it("lets one request in at a time here, and the next in when it finishes", async () => {
    const site = await rig();
    site.hold("first");
    const first = fetch(`${site.url}/first`);
    await vi.waitFor(() => expect(site.started).toEqual(["first"]));
    const second = fetch(`${site.url}/second`);
    await vi.waitFor(() => expect(site.counts()).toEqual({ inWork: 1, overtime: 0, waiting: 1 }));
    expect(site.started).toEqual(["first"]);

    site.release("first");
    expect(await (await first).text()).toBe("context of /first");
    expect(await (await second).text()).toBe("context of /second");
    expect(site.started).toEqual(["first", "second"]);
    await vi.waitFor(() => expect(site.counts()).toEqual({ inWork: 0, overtime: 0, waiting: 0 }));
  });

  it("serves a write before the reads that were waiting before it", async () => {
    const site = await rig();
    site.hold("busy");
    const busy = fetch(`${site.url}/busy`);
    await vi.waitFor(() => expect(site.started).toEqual(["busy"]));
    const readA = fetch(`${site.url}/read-a`);
    await vi.waitFor(() => expect(site.counts().waiting).toBe(1));
    const readB = fetch(`${site.url}/read-b`);
    await vi.waitFor(() => expect(site.counts().waiting).toBe(2));
    const write = fetch(`${site.url}/write`, { method: "POST", body: "reply=hello" });
    await vi.waitFor(() => expect(site.counts().waiting).toBe(3));

    site.release("busy");
    const answers = await Promise.all([busy, readA, readB, write]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(site.started).toEqual(["busy", "write", "read-a", "read-b"]);
  });

  it("runs each waiting request in its own context, not in that of the request that let it in", async () => {
    const site = await rig();
    site.hold("member-a");
    const a = fetch(`${site.url}/member-a`);
    await vi.waitFor(() => expect(site.started).toEqual(["member-a"]));
    const waiting = ["member-b", "member-c", "member-d"].map((name) => fetch(`${site.url}/${name}`));
    await vi.waitFor(() => expect(site.counts().waiting).toBe(3));
    // A write has no scope of its own; let in when a read finishes, it must not take that read's.
    const write = fetch(`${site.url}/a-write`, { method: "POST", body: "x=1" });
    await vi.waitFor(() => expect(site.counts().waiting).toBe(4));

    site.release("member-a");
    const texts = await Promise.all([a, write, ...waiting].map(async (answer) => (await answer).text()));
    expect(texts).toEqual([
      "context of /member-a",
      "no context",
      "context of /member-b",
      "context of /member-c",
      "context of /member-d",
    ]);
  });

  it("gives up the place of a reader who leaves while waiting", async () => {
    const site = await rig();
    site.hold("busy");
    const busy = fetch(`${site.url}/busy`);
    await vi.waitFor(() => expect(site.started).toEqual(["busy"]));
    const leaving = new AbortController();
    const left = fetch(`${site.url}/left`, { signal: leaving.signal }).catch((error: unknown) => error);
    await vi.waitFor(() => expect(site.counts().waiting).toBe(1));

    leaving.abort();
    expect(await left).toBeInstanceOf(Error);
    await vi.waitFor(() => expect(site.counts().waiting).toBe(0));
    site.release("busy");
    await busy;
    expect((await fetch(`${site.url}/next`)).status).toBe(200);
    expect(site.started).toEqual(["busy", "next"]);
  });

  it("frees the place of a reader who leaves while their request is being worked on", async () => {
    const site = await rig();
    site.hold("never-finishes");
    const leaving = new AbortController();
    const left = fetch(`${site.url}/never-finishes`, { signal: leaving.signal }).catch((error: unknown) => error);
    await vi.waitFor(() => expect(site.started).toEqual(["never-finishes"]));

    leaving.abort();
    expect(await left).toBeInstanceOf(Error);
    await vi.waitFor(() => expect(site.counts()).toEqual({ inWork: 0, overtime: 0, waiting: 0 }));
    expect(await (await fetch(`${site.url}/next`)).text()).toBe("context of /next");
  });

  it("counts a HEAD as a read: a waiting write goes before it", async () => {
    const site = await rig();
    site.hold("busy");
    const busy = fetch(`${site.url}/busy`);
    await vi.waitFor(() => expect(site.started).toEqual(["busy"]));
    const head = fetch(`${site.url}/head`, { method: "HEAD" });
    await vi.waitFor(() => expect(site.counts().waiting).toBe(1));
    const write = fetch(`${site.url}/write`, { method: "DELETE" });
    await vi.waitFor(() => expect(site.counts().waiting).toBe(2));

    site.release("busy");
    await Promise.all([busy, head, write]);
    expect(site.started).toEqual(["busy", "write", "head"]);
  });

  it("refuses a read beyond the bound with a plain 503, and still lets a write wait its turn", async () => {
    const site = await rig({ waitingAtMost: 1 });
    site.hold("busy");
    const busy = fetch(`${site.url}/busy`);
    await vi.waitFor(() => expect(site.started).toEqual(["busy"]));
    const waitingRead = fetch(`${site.url}/waiting-read`);
    await vi.waitFor(() => expect(site.counts().waiting).toBe(1));

    const refused = await fetch(`${site.url}/one-read-too-many`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(await refused.text()).toBe(BUSY_TEXT);

    const write = fetch(`${site.url}/write`, { method: "POST", body: "x=1" });
    await vi.waitFor(() => expect(site.counts().waiting).toBe(2));
    const refusedWrite = await fetch(`${site.url}/one-write-too-many`, { method: "POST", body: "x=2" });
    expect(refusedWrite.status).toBe(503);

    site.release("busy");
    expect((await Promise.all([busy, waitingRead, write])).map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(site.started).toEqual(["busy", "write", "waiting-read"]);
  });

  it("lets the next request in when one has held its place too long, and the slow one still finishes", async () => {
    const site = await rig({ holdAtMostMs: 20 });
    site.hold("slow-download");
    const slow = fetch(`${site.url}/slow-download`);
    await vi.waitFor(() => expect(site.started).toEqual(["slow-download"]));

    expect(await (await fetch(`${site.url}/quick`)).text()).toBe("context of /quick");
    expect(site.started).toEqual(["slow-download", "quick"]);
    expect(site.counts()).toEqual({ inWork: 0, overtime: 1, waiting: 0 });
    site.release("slow-download");
    expect(await (await slow).text()).toBe("context of /slow-download");
    await vi.waitFor(() => expect(site.counts()).toEqual({ inWork: 0, overtime: 0, waiting: 0 }));
  });

  it("keeps the number in work bounded: past four overtimes per place, a slow request keeps its place", async () => {
    const site = await rig({ holdAtMostMs: 20 });
    const slow = ["one", "two", "three", "four", "five"];
    const answers = [];
    for (const [i, name] of slow.entries()) {
      site.hold(name);
      answers.push(fetch(`${site.url}/${name}`));
      await vi.waitFor(() => expect(site.started).toEqual(slow.slice(0, i + 1)));
    }
    const waiting = fetch(`${site.url}/waiting`);
    await vi.waitFor(() => expect(site.counts()).toEqual({ inWork: 1, overtime: 4, waiting: 1 }));
    expect(site.started).not.toContain("waiting");

    site.release("five");
    expect(await (await waiting).text()).toBe("context of /waiting");
    for (const name of slow) site.release(name);
    expect((await Promise.all(answers)).map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
  });
});
