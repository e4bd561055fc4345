// SIGTERM (a deploy, a scale-down) lets requests in flight finish, refuses new connections, and
// exits 0 as soon as the last answer has gone, even over a keep-alive connection: as one process,
// and with WEB_CONCURRENCY=2 (the primary passes the signal to its workers and waits for them).
import { readFileSync } from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";

import { afterAll, describe, expect, it } from "vitest";

import { startApp, stopAllApps } from "../support/app-server";
import freePort from "../support/free-port";
import { GOOD_PASSWORD, uniqueHandle } from "../support/handles";
import { sql } from "../support/sql";

afterAll(async () => {
  await stopAllApps();
});

/** The processes the app's main process started (its cluster workers). */
const childrenOf = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number);

describe("graceful shutdown", () => {
  it.each([1, 2])(
    "with %i serving process(es): finishes a request in flight, refuses new connections, then exits 0 without waiting out keep-alive",
    async (workers) => {
      const app = await startApp([], {
        DATABASE_URL: process.env.DATABASE_URL,
        LOG_LEVEL: "warn",
        PORT: String(await freePort()),
        WEB_CONCURRENCY: String(workers),
      });
      const pid = app.child.pid ?? 0;
      const started = workers === 1 ? [] : childrenOf(pid);
      expect(started).toHaveLength(workers === 1 ? 0 : workers);
      const handle = uniqueHandle("shutdown");
      const body = new URLSearchParams({ handle, password: GOOD_PASSWORD, perspective: "carer" }).toString();

      // Browsers and load balancers keep connections open between requests.
      const request = http.request(`${app.url}/join`, {
        method: "POST",
        agent: new http.Agent({ keepAlive: true }),
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": Buffer.byteLength(body),
          Expect: "100-continue",
        },
      });
      const answered = new Promise<{ status: number; text: string; at: number }>((resolve, reject) => {
        request.on("error", reject);
        request.on("response", (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => (text += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text, at: performance.now() }));
        });
      });
      // The server says "100 Continue" once the request is inside the app, waiting for its body.
      const inFlight = new Promise((resolve) => request.once("continue", resolve));
      request.flushHeaders();
      await inFlight;

      const exited = app.stop("SIGTERM").then((code) => ({ code, at: performance.now() }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stranger = await fetch(`${app.url}/healthz`).then(
        (response) => `answered ${response.status}`,
        (error: Error) => String((error.cause as { code?: string } | undefined)?.code),
      );
      // Never answered: refused once the listener is closed, or reset when, with several processes,
      // the cluster's primary still took the connection as its worker was closing (seen under load).
      expect(["ECONNREFUSED", "ECONNRESET"]).toContain(stranger);

      request.end(body);
      const answer = await answered;
      expect(answer.status).toBe(200);
      // The recovery codes page: the account was created by a request the shutdown let finish.
      expect(answer.text).toMatch(/<code>[0-9A-Z]{4}-[0-9A-Z]{4}-/);
      expect(await sql(`SELECT 1 FROM "user" WHERE handle = $1`, [handle])).toHaveLength(1);
      const { code, at } = await exited;
      expect(code).toBe(0);
      // No worker is left behind.
      for (const worker of started) expect(() => process.kill(worker, 0)).toThrow();
      // Node keeps an answered keep-alive connection open for 5 s unless the app closes it.
      expect(at - answer.at).toBeLessThan(4_000);
    },
    // Starting a primary and two workers on a busy machine takes longer than one process.
    150_000,
  );
});
