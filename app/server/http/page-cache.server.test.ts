import { describe, expect, it } from "vitest";

import { cacheableRequest, cutAtNonce, keepableAnswer } from "./page-cache.server";

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
