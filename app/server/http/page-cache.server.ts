// The page cache for signed-out readers, as Discourse keeps pages for anonymous visitors: most
// readers are not signed in and see exactly the same page, so a page rendered for one of them is
// served to the next ones instead of being rendered again.
//
// A kept page is used only while nothing it shows has been written since it was rendered
// (db/changes.server.ts, decision 039): each page names its topics (page-topics.server.ts: a story
// page its own post, lists every post, dashboards the figures), and once a write to one of them
// commits, on this instance or another, the next reader gets a fresh page, so a new reply or a
// moderator's removal shows at once. A page nobody classified is retired by any write. Pages are
// also dropped after PAGE_CACHE_SECONDS (0 turns the cache off), for what changes with the clock alone.
//
// Browsers and shared caches (a CDN) may keep the page too: a keepable answer says
// Cache-Control: public, max-age=0, s-maxage=PAGE_CACHE_SECONDS, stale-while-revalidate, with
// Vary: Cookie, and a kept page carries an ETag (of its text without the nonce), so a reader who
// has it gets a 304.
//
// What it keeps: a 200 text/html answer to a GET with no cookie and no Authorization, outside
// /api/, naming the configured host (PUBLIC_URL), that set no cookie and did not say Cache-Control: no-store or private. Members (who
// carry a session cookie) never see a kept page.
// Readers asking for the same page while it renders wait for that render (request coalescing).
//
// The CSP nonce stays unique per response: the page is kept cut at the nonce it was rendered with
// (a 128-bit random value, so it matches nothing else in the page), and each answer joins the parts
// with this response's own.
import { createHash } from "node:crypto";

import type { NextFunction, Request, Response } from "express";
import { LRUCache } from "lru-cache";

import type { TopicVersionReader } from "../db/changes.server";

/** A kept page is its UTF-8 bytes cut at each place its CSP nonce stood: off the JavaScript heap,
 * half the size of a string holding any character past Latin-1, and joined again with each
 * answer's own nonce without decoding. */
interface KeptPage {
  version: string;
  parts: Buffer[];
  etag: string;
  headers: Record<string, string>;
}

/** The page's bytes cut at every occurrence of the nonce (which is left out). */
export function cutAtNonce(body: Buffer, nonce: string): Buffer[] {
  const marker = Buffer.from(nonce, "utf8");
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(marker, from); at !== -1; at = body.indexOf(marker, from)) {
    parts.push(body.subarray(from, at));
    from = at + marker.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

function joinWithNonce(parts: Buffer[], nonce: string): Buffer {
  const marker = Buffer.from(nonce, "utf8");
  return Buffer.concat(parts.flatMap((part, index) => (index === 0 ? [part] : [marker, part])));
}

/** The headers that describe the page itself; the rest (security headers with this response's
 * nonce, length, encoding, date) are set afresh for every response. */
const PAGE_HEADERS = ["content-type", "cache-control", "vary", "content-language", "link", "x-robots-tag"];

/** What browsers and shared caches are told about a page any signed-out reader may be shown. */
export function publicCacheControl(ttlSeconds: number): string {
  return `public, max-age=0, s-maxage=${ttlSeconds}, stale-while-revalidate=${ttlSeconds}`;
}

export interface PageCacheOptions {
  ttlSeconds: number;
  /** The version of these topics (null: of everything), read once the request has arrived. */
  version: TopicVersionReader;
  /** The topics the page at this path shows (page-topics.server.ts); null: everything. */
  topicsOf: (pathname: string) => readonly string[] | null;
  /** This response's CSP nonce (set by an earlier middleware). */
  nonceOf: (res: Response) => string;
  /** The most page bytes kept at once. */
  maxBytes?: number;
  /** Whether the request names the site's own host (PUBLIC_URL); others are never kept or served. */
  servesHost?: (req: Request) => boolean;
}

export function cacheableRequest(req: Pick<Request, "method" | "path" | "headers">): boolean {
  return (
    req.method === "GET" &&
    req.headers.cookie === undefined &&
    req.headers.authorization === undefined &&
    !req.path.startsWith("/api/")
  );
}

/** Whether an answer may be kept and shown to other signed-out readers. */
export function keepableAnswer(answer: {
  status: number;
  contentType: string;
  setsCookie: boolean;
  cacheControl: string;
}): boolean {
  return (
    answer.status === 200 &&
    answer.contentType.startsWith("text/html") &&
    !answer.setsCookie &&
    !/\b(no-store|private)\b/i.test(answer.cacheControl)
  );
}

export function pageCache({
  ttlSeconds,
  version,
  topicsOf,
  nonceOf,
  maxBytes = 24 * 1024 * 1024,
  servesHost = () => true,
}: PageCacheOptions) {
  const pages = new LRUCache<string, KeptPage>({
    max: 5_000,
    maxSize: maxBytes,
    sizeCalculation: (page) =>
      Math.max(
        1,
        page.parts.reduce((bytes, part) => bytes + part.length, 0),
      ),
    ttl: Math.max(1, ttlSeconds) * 1000,
  });
  const rendering = new Map<string, Promise<KeptPage | null>>();

  function serve(page: KeptPage, req: Request, res: Response) {
    for (const [name, value] of Object.entries(page.headers)) res.setHeader(name, value);
    res.setHeader("X-Page-Cache", "hit");
    res.setHeader("ETag", page.etag);
    const known = req.headers["if-none-match"];
    if (known !== undefined && known.split(",").some((tag) => tag.trim().replace(/^W\//, "") === page.etag)) {
      // The reader's stored copy carries the nonce it was sent with: a 304 must not replace its
      // Content-Security-Policy with this response's new nonce, or its own scripts would be refused.
      res.removeHeader("Content-Security-Policy");
      res.removeHeader("Content-Security-Policy-Report-Only");
      res.status(304).end();
      return;
    }
    res.status(200).send(joinWithNonce(page.parts, nonceOf(res)));
  }

  function render(key: string, at: string, res: Response, next: NextFunction) {
    let settle: (page: KeptPage | null) => void = () => undefined;
    const rendered = new Promise<KeptPage | null>((resolve) => (settle = resolve));
    const flight = `${at} ${key}`;
    rendering.set(flight, rendered);

    const chunks: Buffer[] = [];
    const collect = (chunk: unknown, encoding: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      if (Buffer.isBuffer(chunk)) chunks.push(chunk);
      else if (typeof chunk === "string")
        chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
      else chunks.push(Buffer.from(chunk as Uint8Array));
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
    // Just before the head goes out: a page any signed-out reader may see says so to other caches.
    res.writeHead = ((...args: unknown[]) => {
      const status = typeof args[0] === "number" ? args[0] : res.statusCode;
      const answer = {
        status,
        contentType: String(res.getHeader("content-type") ?? ""),
        setsCookie: res.getHeader("set-cookie") !== undefined,
        cacheControl: String(res.getHeader("cache-control") ?? ""),
      };
      if (keepableAnswer(answer) && answer.cacheControl === "") {
        res.setHeader("Cache-Control", publicCacheControl(ttlSeconds));
        res.vary("Cookie");
      }
      return writeHead(...args);
    }) as Response["writeHead"];
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as Response["end"];

    const finish = (completed: boolean) => {
      if (rendering.get(flight) === rendered) rendering.delete(flight);
      const answer = {
        status: res.statusCode,
        contentType: String(res.getHeader("content-type") ?? ""),
        setsCookie: res.getHeader("set-cookie") !== undefined,
        cacheControl: String(res.getHeader("cache-control") ?? ""),
      };
      if (!completed || !keepableAnswer(answer)) {
        settle(null);
        return;
      }
      const headers: Record<string, string> = {};
      for (const name of PAGE_HEADERS) {
        const value = res.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      const body = Buffer.concat(chunks);
      const parts = cutAtNonce(body, nonceOf(res));
      const hash = createHash("sha256");
      for (const part of parts) hash.update(part);
      const etag = `"${hash.digest("base64url").slice(0, 27)}"`;
      const page = { version: at, parts, etag, headers };
      pages.set(key, page);
      settle(page);
    };
    res.on("finish", () => finish(true));
    res.on("close", () => {
      if (!res.writableFinished) finish(false);
    });
    next();
  }

  const middleware = (req: Request, res: Response, next: NextFunction) => {
    if (ttlSeconds <= 0 || !cacheableRequest(req) || !servesHost(req)) return next();
    const key = req.originalUrl;
    version(topicsOf(req.path)).then(
      (at) => {
        // The reader left while the version was read: there is nobody to answer, and a render
        // begun now would never hear its connection close, leaving the next readers of this page
        // waiting on it.
        if (res.destroyed) return;
        const kept = pages.get(key);
        if (kept && kept.version === at) return serve(kept, req, res);
        const inFlight = rendering.get(`${at} ${key}`);
        if (inFlight) {
          void inFlight.then((page) => (page ? serve(page, req, res) : next()));
          return;
        }
        render(key, at, res, next);
      },
      // No version (the database is unreachable): render as usual, which explains the outage.
      () => next(),
    );
  };

  return Object.assign(middleware, { clear: () => pages.clear(), size: () => pages.size });
}
