import { Writable } from "node:stream";

import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";

import { NonceProvider } from "./components/nonce";
import { logger } from "./server/process/logger.server";

const ABORT_DELAY = 5_000;

export const streamTimeout = ABORT_DELAY;

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  // Method and path only: never bodies, cookies or addresses.
  const url = new URL(request.url);
  logger.error(
    { err: error instanceof Error ? error.message : String(error), method: request.method, path: url.pathname },
    "request failed",
  );
};

/**
 * Every page is rendered whole and sent as one piece. Nothing on this site is deferred (no loader
 * streams a promise), so the last byte is ready a few milliseconds after the first; sent as one
 * piece it is compressed in one pass instead of one per chunk React writes (dozens a page, each a
 * round trip to zlib's thread pool: half the compression's cost), the page cache keeps it without
 * gathering, and readers without JavaScript and crawlers get exactly what browsers get.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          const chunks: Buffer[] = [];
          const page = new Writable({
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              clearTimeout(timer);
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
              done();
            },
          });
          pipe(page);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          logger.error({ err: error instanceof Error ? error.message : String(error) }, "render failed");
        },
      },
    );
    // Cleared once the page is whole (React calls back only after this, from its own scheduled
    // work): while it runs it holds the render and every chunk of the page, which was five seconds
    // after each page and hundreds of megabytes under load (decision 054).
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}
