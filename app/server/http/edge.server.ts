// The edge of the HTTP server (app/server/process/main.ts): limits and refusals applied before any route
// runs, so that no single request can take the process down, and the handler that hands requests
// to Remix with their body already read and bounded. docs/hardening.md describes the rules.
import type { Server } from "node:http";

import {
  type AppLoadContext,
  createRequestHandler,
  data,
  type ServerBuild,
  writeReadableStreamToWritable,
} from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import getRawBody from "raw-body";

import { type ProblemKind, problemDocument } from "../../domain/api/problems";
import { isRefusal } from "../../domain/forms";
import { publicOrigin } from "../process/env.server";
import { logger } from "../process/logger.server";

/** How long a refused request's body is read and dropped before the answer is sent anyway. */
const REFUSED_BODY_WAIT_MS = 5_000;

/** Resolves when the request's body has all arrived, the client has gone, or `ms` have passed. */
function drained(req: ExpressRequest, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      req.off("end", done).off("close", done).off("error", done);
      resolve();
    }
    req.on("end", done).on("close", done).on("error", done);
  });
}

export const EDGE_LIMITS = {
  /** Longest address (path and query), in characters: 414 beyond it. */
  // Above 7,680: Remix's route discovery, when on, asks /__manifest for every link on a page in one
  // address of up to 7,680 characters (a table of 200 councils makes one), and refusing it left the
  // page asking again and again. It is off since decision 054; the limit stays as generous.
  urlChars: 8_192,
  /** Request line and headers together, in bytes: Node answers 431 beyond it (maxHeaderSize). */
  headerBytes: 16_384,
  /** Body of a story, reply, edit or experience report form: 1,500 words of Markdown with room to spare. */
  longFormBytes: 64 * 1024,
  /** Body of every other request. */
  formBytes: 16 * 1024,
  /** Longest a request may take to arrive, headers and body (slow senders hold a connection). */
  requestTimeoutMs: 60_000,
  headersTimeoutMs: 20_000,
} as const;

// Where a long text is posted. Single Fetch posts to the same address with ".data" added.
const LONG_FORMS = [
  /^\/stories\/new$/,
  /^\/stories\/[^/]+$/,
  /^\/stories\/[^/]+\/edit$/,
  /^\/comments\/[^/]+\/edit$/,
  /^\/moderation\/edit$/,
  /^\/reports\/new$/,
];

/** The most body bytes accepted at this path. */
export function bodyLimitFor(path: string): number {
  const page = path.replace(/\.data$/, "").replace(/(.)\/+$/, "$1");
  return LONG_FORMS.some((pattern) => pattern.test(page)) ? EDGE_LIMITS.longFormBytes : EDGE_LIMITS.formBytes;
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
// NUL, the other C0 controls and DEL: never part of an address, and PostgreSQL refuses NUL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;
// In a query, tab and line breaks may be typed into a search box; the rest may not.
// eslint-disable-next-line no-control-regex
const QUERY_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export interface Refusal {
  status: number;
  message: string;
  /** The problem kind under /api/v1. */
  kind: ProblemKind;
  /** Sent with a 405. */
  allow?: string;
}

const refusals = {
  malformedAddress: {
    status: 400,
    kind: "bad-request",
    message:
      "This address is not one we can read: part of it is not correctly encoded. Check the link, or go to the home page.",
  },
  controlInAddress: {
    status: 400,
    kind: "bad-request",
    message: "This address contains characters no address here can have. Check the link, or go to the home page.",
  },
  longAddress: {
    status: 414,
    kind: "uri-too-long",
    message: `This address is longer than ${EDGE_LIMITS.urlChars.toLocaleString("en-GB")} characters, which no page here needs. Check the link, or go to the home page.`,
  },
  method: {
    status: 405,
    kind: "method-not-allowed",
    message: "This kind of request is not used on this site.",
    allow: [...METHODS].join(", "),
  },
  tooLarge: (limit: number) => ({
    status: 413,
    kind: "too-large" as const,
    message: `What was sent is larger than this page accepts (${Math.round(limit / 1024)} KB). Nothing was saved. If you were writing a long story, shorten it and try again.`,
  }),
  damaged: {
    status: 400,
    kind: "bad-request",
    message: "What was sent did not arrive whole. Nothing was saved. Please try again.",
  },
} satisfies Record<string, Refusal | ((limit: number) => Refusal)>;

/** What is wrong with a request's address (method, length, encoding, control characters), if anything. */
export function addressRefusal(method: string, originalUrl: string): Refusal | null {
  if (!METHODS.has(method.toUpperCase())) return refusals.method;
  if (originalUrl.length > EDGE_LIMITS.urlChars) return refusals.longAddress;
  const queryAt = originalUrl.indexOf("?");
  const path = queryAt === -1 ? originalUrl : originalUrl.slice(0, queryAt);
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(path);
  } catch {
    return refusals.malformedAddress;
  }
  if (CONTROL.test(decodedPath)) return refusals.controlInAddress;
  if (queryAt !== -1) {
    // URLSearchParams never throws: an invalid escape in a query is read as U+FFFD, as Remix reads it.
    for (const [key, value] of new URLSearchParams(originalUrl.slice(queryAt + 1))) {
      if (QUERY_CONTROL.test(key) || QUERY_CONTROL.test(value)) return refusals.controlInAddress;
    }
  }
  return null;
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?session=/;

/** Whether a request carries a session cookie: its answer is for that person only. */
export function hasSessionCookie(cookie: string | undefined): boolean {
  return cookie !== undefined && SESSION_COOKIE.test(cookie);
}

/** Answers that must never be kept by a browser or a shared cache (docs/hardening.md). */
export function isPrivateAnswer(request: { method: string; cookie: string | undefined }, setsCookie: boolean): boolean {
  return hasSessionCookie(request.cookie) || setsCookie || !["GET", "HEAD"].includes(request.method.toUpperCase());
}

/** Node's own limits on how a request arrives (header size is set where the server is created). */
export function applyServerLimits(server: Server) {
  server.requestTimeout = EDGE_LIMITS.requestTimeoutMs;
  server.headersTimeout = EDGE_LIMITS.headersTimeoutMs;
  // Requests Node refuses itself (oversized headers, unparseable request lines) get a short plain
  // answer instead of a bare status line; nothing from the parser's error is sent back.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === "ECONNRESET") {
      socket.destroy();
      return;
    }
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
    const text =
      status === 431
        ? "The request's headers are larger than this site accepts."
        : status === 408
          ? "The request took too long to arrive."
          : "The request could not be read.";
    const reason =
      status === 431 ? "Request Header Fields Too Large" : status === 408 ? "Request Timeout" : "Bad Request";
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n${text}`,
    );
  });
}

type RemixHandler = (request: Request, context: AppLoadContext) => Promise<Response>;

// As @remix-run/express does it (its helpers are not part of its typed interface).
function remixHeaders(incoming: ExpressRequest["headers"]): Headers {
  const headers = new Headers();
  for (const [name, values] of Object.entries(incoming)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(name, value);
  }
  return headers;
}

async function sendRemixResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

const BAD_INPUT_MESSAGE = "That address or form had a value we cannot use. Check it and try again.";

/**
 * Whether an error thrown by a loader or action is the request's fault rather than the app's:
 * a zod parse of a param or query that threw, or PostgreSQL refusing a value (SQLSTATE class 22,
 * "data exception": out of range, invalid text, NUL), directly or through Prisma.
 */
export function isBadInput(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { name, code, cause } = error as { name?: unknown; code?: unknown; cause?: unknown };
  if (name === "ZodError" || name === "PrismaClientValidationError") return true;
  if (typeof code === "string" && (/^22[0-9A-Z]{3}$/.test(code) || ["P2000", "P2007", "P2020", "P2023"].includes(code)))
    return true;
  return cause !== error && isBadInput(cause);
}

type DataFunction = (args: never) => unknown;

/**
 * The build with every loader and action wrapped so that bad input (isBadInput) is a 400, and a
 * refusal (app/domain/forms.ts) its own 4xx, in the site's layout, never a 500: one place, whatever
 * route it reaches. The detail is logged.
 */
export function withBadInputAs400(build: ServerBuild): ServerBuild {
  const wrap = (id: string, kind: "loader" | "action", run: DataFunction | undefined) =>
    run &&
    (async (args: never) => {
      try {
        return await run(args);
      } catch (error) {
        // A refusal the route did not answer itself: its own status and message, in the site's layout.
        if (isRefusal(error)) {
          logger.warn({ route: id, kind, status: error.status }, "refusal not answered by its route");
          throw data(error.message, { status: error.status });
        }
        if (!isBadInput(error)) throw error;
        logger.warn(
          { err: error instanceof Error ? error.message : String(error), route: id, kind },
          "bad input refused",
        );
        throw data(BAD_INPUT_MESSAGE, { status: 400 });
      }
    });
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const module = route.module as unknown as Record<string, unknown> & {
        loader?: DataFunction;
        action?: DataFunction;
      };
      return [
        id,
        {
          ...route,
          module: { ...module, loader: wrap(id, "loader", module.loader), action: wrap(id, "action", module.action) },
        },
      ];
    }),
  );
  return { ...build, routes } as ServerBuild;
}

/**
 * A request's signal, aborted when its answer is over: sent, or abandoned by the client. Remix keeps
 * a five-second timer for each page's data, and the data with it, until the request's signal says
 * the request is over; under load that held hundreds of megabytes (decision 054).
 */
function endsWithAnswer(res: ExpressResponse): AbortSignal {
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  return controller.signal;
}

interface EdgeOptions {
  build: ServerBuild;
  loadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}

/**
 * The parts of the edge that need the Remix build: refusals answered in the site's layout (or as
 * problem+json under /api/v1), the address guard, the request handler and the last-resort error
 * handler.
 */
export function createEdge({ build, loadContext }: EdgeOptions) {
  // Always production mode: in development Remix would send errors' stacks to the browser.
  const handle: RemixHandler = createRequestHandler(withBadInputAs400(build), "production");

  /**
   * The request's URL as @remix-run/express builds it (req.hostname and req.protocol follow
   * TRUST_PROXY), so session cookies are named as before. It is only read for the path, query and
   * cookie rules: absolute URLs in answers come from PUBLIC_URL. A Host no URL can hold falls back
   * to the public address instead of throwing.
   */
  function requestUrl(req: ExpressRequest): string {
    const portOf = (value: string | undefined) => Number.parseInt(value?.split(":")[1] ?? "", 10);
    const forwardedPort = portOf(req.get("x-forwarded-host"));
    const hostPort = portOf(req.get("host"));
    const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : "";
    try {
      return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`).href;
    } catch {
      return new URL(`${publicOrigin()}${req.originalUrl}`).href;
    }
  }

  async function send(res: ExpressResponse, response: Response, privateAnswer: boolean) {
    if (privateAnswer) response.headers.set("Cache-Control", "private, no-store");
    await sendRemixResponse(res, response);
  }

  /** Answers a refused request: problem+json under /api/v1, otherwise a page in the site's layout. */
  async function refuse(req: ExpressRequest, res: ExpressResponse, refusal: Refusal) {
    // Whatever of the body is still arriving is read and dropped, so the client sees this answer.
    req.resume();
    // And read to its end before answering (for a few seconds at most): a connection closed under
    // a client still sending is reset, and a reset loses the answer, so the person would see the
    // browser's "connection reset" instead of this page (as web servers' "lingering close" does).
    if (!req.complete) await drained(req, REFUSED_BODY_WAIT_MS);
    res.setHeader("Cache-Control", "no-store");
    if (refusal.allow) res.setHeader("Allow", refusal.allow);
    if (req.path.startsWith("/api/")) {
      const document = problemDocument({ kind: refusal.kind, detail: refusal.message }, publicOrigin());
      res.status(document.status).type("application/problem+json").send(JSON.stringify(document));
      return;
    }
    if (req.method === "HEAD") {
      res.status(refusal.status).end();
      return;
    }
    try {
      // The splat route (app/routes/$.tsx) throws the refusal; the root error boundary shows it.
      // Scripts are left out (root loader), so the page never reloads itself at this address.
      const cookie = req.get("cookie");
      const request = new Request(new URL("/__refused", publicOrigin()).href, {
        headers: cookie ? { cookie } : {},
        signal: endsWithAnswer(res),
      });
      const response = await handle(request, {
        ...loadContext(req, res),
        refusal: { status: refusal.status, message: refusal.message },
      });
      await send(res, new Response(response.body, { status: refusal.status, headers: response.headers }), true);
    } catch (error) {
      logger.error({ err: error, path: req.path }, "could not show a refusal page");
      if (!res.headersSent) res.status(refusal.status).type("text/plain").send(refusal.message);
    }
  }

  /** Refuses unusable addresses and methods before anything else reads them. */
  function guardAddress(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
    const refusal = addressRefusal(req.method, req.originalUrl);
    if (refusal) {
      void refuse(req, res, refusal);
      return;
    }
    next();
  }

  /** Reads the body within its limit, then hands the request to Remix. */
  async function handleRequest(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
    try {
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      let body: Buffer | undefined;
      if (hasBody) {
        const limit = bodyLimitFor(req.path);
        try {
          // raw-body checks Content-Length before reading anything, then counts bytes as they
          // arrive and stops past the limit: an oversized body is never held in memory.
          body = await getRawBody(req, { length: req.headers["content-length"], limit });
        } catch (error) {
          const type = (error as { type?: string }).type;
          if (type === "request.aborted") return; // the client went away: nobody to answer
          await refuse(req, res, type === "entity.too.large" ? refusals.tooLarge(limit) : refusals.damaged);
          return;
        }
      }
      const request = new Request(requestUrl(req), {
        method: req.method,
        headers: remixHeaders(req.headers),
        signal: endsWithAnswer(res),
        ...(body ? { body: Uint8Array.from(body) } : {}),
      });
      const response = await handle(request, loadContext(req, res));
      const privateAnswer = isPrivateAnswer(
        { method: req.method, cookie: req.get("cookie") },
        response.headers.has("set-cookie"),
      );
      await send(res, response, privateAnswer);
    } catch (error) {
      next(error);
    }
  }

  /** The last resort: logs the detail, answers with none of it (never Express's own page). */
  function handleError(error: unknown, req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
    void next;
    const status = (error as { status?: number }).status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      logger.warn(
        { err: error instanceof Error ? error.message : String(error), path: req.path, status },
        "request refused",
      );
      if (!res.headersSent) {
        void refuse(req, res, status === 413 ? refusals.tooLarge(bodyLimitFor(req.path)) : refusals.damaged);
        return;
      }
    } else {
      logger.error({ err: error, method: req.method, path: req.path }, "request failed");
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.setHeader("Cache-Control", "no-store");
    if (req.path.startsWith("/api/")) {
      const document = problemDocument(
        { kind: "internal", detail: "Something went wrong on our side. It has been logged; please try again later." },
        publicOrigin(),
      );
      res.status(500).type("application/problem+json").send(JSON.stringify(document));
      return;
    }
    res
      .status(500)
      .type("text/html")
      .send(
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Sorry, something went wrong – Fifth Option</title></head><body><main><h1>Sorry, something went wrong</h1><p>We could not show this page. Please try again in a few minutes.</p><p><a href="/">Go to the home page</a></p></main></body></html>',
      );
  }

  return { guardAddress, handleRequest, handleError, refuse };
}
