// A few requests in work at once; the others wait their turn, writes before reads
// (docs/decisions/053-a-few-requests-at-once-writes-first.md).
//
// One Node process renders one page at a time. When fifty requests are in work together, each one
// waits, at every answer it needs from PostgreSQL, behind the pages the others are rendering: all
// of them slow down together, a reply (six waits in turn) most of all, and the heap holds fifty
// half-made pages. Letting a few in at once keeps PostgreSQL and the process busy while the rest
// wait in line, where they cost nothing; a write goes to the front of the line.
import { AsyncResource } from "node:async_hooks";

import type { NextFunction, Request, Response } from "express";
import PQueue from "p-queue";

import { isReadingRequest } from "./request-scope.server";

export interface AdmissionLimits {
  /** Requests in work at once. */
  atOnce: number;
  /** Reads waiting at most, and writes waiting at most; one more is refused with a 503. */
  waitingAtMost: number;
  /**
   * Longest a request keeps its place: one still going after this (a download streaming to a
   * slow reader, a form whose body arrives slowly) goes on, but no longer holds back the others.
   */
  holdAtMostMs: number;
}

const WRITE = 1;
const READ = 0;

/**
 * A page is worked out in well under a second even under load; a request still going after a
 * second is streaming a download or waiting for its client, not working, and lets the next one in.
 */
export const HOLD_PLACE_AT_MOST_MS = 1_000;

export const BUSY_TEXT = "This site is very busy just now. Please try again in a few seconds.";

/**
 * Requests past their second that still go on, at most, per request allowed at once: beyond this
 * (PostgreSQL stalled, many slow clients) a request past its second keeps its place, so the number
 * in work stays bounded.
 */
const OVERTIME_PER_PLACE = 4;

/** Express middleware that lets `atOnce` requests past it at a time, writes first. */
export function admission({ atOnce, waitingAtMost, holdAtMostMs }: AdmissionLimits) {
  const line = new PQueue({ concurrency: atOnce });
  let overtime = 0;
  const admit = (req: Request, res: Response, next: NextFunction) => {
    // Gone already (while the page cache looked), or a request pipelined behind one whose client left.
    if (req.destroyed || res.destroyed) return;
    const priority = isReadingRequest(req.method) ? READ : WRITE;
    if (line.sizeBy({ priority }) >= waitingAtMost) {
      res.status(503).set({ "Retry-After": "5", "Cache-Control": "no-store" }).type("text/plain").send(BUSY_TEXT);
      return;
    }
    // The rest of the request runs in its own async context (its request scope: its member, its
    // versions), not in that of whichever request finished and let it in.
    const proceed = AsyncResource.bind(() => next());
    // A reader who leaves while waiting gives up their place in the line.
    const gone = new AbortController();
    const leave = () => gone.abort();
    res.once("close", leave);
    line
      .add(
        () =>
          new Promise<void>((finished) => {
            res.off("close", leave);
            if (req.destroyed || res.destroyed) return finished();
            let late = false;
            const timer = setTimeout(() => {
              if (overtime >= atOnce * OVERTIME_PER_PLACE) return;
              late = true;
              overtime++;
              finished();
            }, holdAtMostMs);
            // "close" comes when the answer is complete, or when the connection went first.
            res.once("close", () => {
              clearTimeout(timer);
              if (late) overtime--;
              finished();
            });
            // Express catches what a handler throws and passes it on as next(error).
            proceed();
          }),
        { priority, signal: gone.signal },
      )
      // Only a reader who left the line ends here; their place was never taken.
      .catch(() => undefined);
  };
  return Object.assign(admit, {
    /** Requests in work (holding a place, and past their second) and waiting now. */
    counts: () => ({ inWork: line.pending, overtime, waiting: line.size }),
  });
}
