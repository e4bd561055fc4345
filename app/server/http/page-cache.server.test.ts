import { createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";

import express from "express";
import { describe, expect, it, vi } from "vitest";

import { cacheableRequest, cutAtNonce, keepableAnswer, pageCache } from "./page-cache.server";

const page = { status: 200, contentType: "text/html; charset=utf-8", setsCookie: false, cacheControl: "" };
const get = { method: "GET", path: "/stories/1", headers: {} };

describe("the page cache's rules", () => {
  it("keeps a plain 200 HTML page and nothing else", () => {
    expect(keepableAnswer(page)).toBe(true);
    expect(keepableAnswer({ ...page, status: 404 })).toBe(false);
    expect(keepableAnswer({ ...page, status: 503 })).toBe(false);
    expect(keepableAnswer({ ...page, contentType: "application/json" })).toBe(false);
    expect(keepableAnswer({ ...page, contentType: "text/csv; charset=utf-8" })).toBe(false);
  });

  it("never keeps an answer that sets a cookie or asks not to be stored or shared", () => {
    expect(keepableAnswer({ ...page, setsCookie: true })).toBe(false);
    expect(keepableAnswer({ ...page, cacheControl: "no-store" })).toBe(false);
    expect(keepableAnswer({ ...page, cacheControl: "private, max-age=60" })).toBe(false);
    expect(keepableAnswer({ ...page, cacheControl: "public, max-age=60" })).toBe(true);
  });

  it("serves only signed-out GETs outside the API", () => {
    expect(cacheableRequest(get)).toBe(true);
    expect(cacheableRequest({ ...get, method: "POST" })).toBe(false);
    expect(cacheableRequest({ ...get, method: "HEAD" })).toBe(false);
    expect(cacheableRequest({ ...get, headers: { cookie: "session=abc" } })).toBe(false);
    expect(cacheableRequest({ ...get, headers: { authorization: "Bearer x" } })).toBe(false);
    expect(cacheableRequest({ ...get, path: "/api/v1/stories" })).toBe(false);
  });
});

describe("a kept page's bytes", () => {
  it("are cut at every nonce, and the parts hold everything else, multi-byte text included", () => {
    const nonce = "n0nce+/A==";
    const html = `<script nonce="${nonce}">1</script><p>Carer’s “review” – £40 ✓</p><script nonce="${nonce}">2</script>`;
    const parts = cutAtNonce(Buffer.from(html, "utf8"), nonce);
    expect(parts).toHaveLength(3);
    expect(parts.map((part) => part.toString("utf8")).join("NEW")).toBe(html.replaceAll(nonce, "NEW"));
  });

  it("are one part when the page carries no nonce", () => {
    expect(cutAtNonce(Buffer.from("<p>plain</p>"), "abc").map(String)).toEqual(["<p>plain</p>"]);
  });
});

describe("a reader who leaves before their page is worked out", () => {
  it("does not leave the next readers of that page waiting for a render that never comes", async () => {
    // The version is read from PostgreSQL before anything else; the first reader leaves meanwhile.
    let versionReady: (version: string) => void = () => undefined;
    const firstVersion = new Promise<string>((resolve) => (versionReady = resolve));
    let asked = 0;
    const rendered: string[] = [];
    const app = express();
    app.use(
      pageCache({
        ttlSeconds: 30,
        version: () => (asked++ === 0 ? firstVersion : Promise.resolve("v1")),
        topicsOf: () => null,
        nonceOf: () => "nonce",
      }),
    );
    app.get("/stories/1", (req, res) => {
      rendered.push(req.path);
      res.type("text/html").send("<p>A story</p>");
    });
    const server = createServer(app);
    const sockets: Socket[] = [];
    server.on("connection", (socket: Socket) => sockets.push(socket));
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/stories/1`;
      const leaving = new AbortController();
      const left = fetch(url, { signal: leaving.signal }).catch((error: unknown) => error);
      await vi.waitFor(() => expect(asked).toBe(1));
      leaving.abort();
      expect(await left).toBeInstanceOf(Error);
      // Once the server has seen the connection close, the version comes.
      await vi.waitFor(() => expect(sockets[0]?.destroyed).toBe(true));
      versionReady("v1");

      const next = await fetch(url);
      expect(next.status).toBe(200);
      expect(await next.text()).toBe("<p>A story</p>");
      expect(rendered).toEqual(["/stories/1"]);
    } finally {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });
});
