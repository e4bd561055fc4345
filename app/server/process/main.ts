// The process entry point (`npm start`): validate configuration, make sure there is a database
// (embedded PostgreSQL when DATABASE_URL is unset), migrate it, then serve the Remix build.
//
// With WEB_CONCURRENCY above 1 this process prepares the database, then forks that many workers
// (Node's cluster module) which share the port and each serve requests; it restarts a worker that
// dies, and on SIGTERM or SIGINT asks every worker to finish its requests in flight before it stops
// PostgreSQL (decision 040).
import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { broadcastDevReady, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import pg from "pg";

import { seedReferenceData } from "../../../prisma/seed/reference";
import { API_PREFLIGHT_HEADERS } from "../api/cors.server";
import { admission, HOLD_PLACE_AT_MOST_MS } from "../http/admission.server";
import { EmbeddedPostgresUnavailable, openDatabase } from "../db/embedded-postgres.server";
import { applyMigrations } from "../db/migrations.server";
import { ConfigError, isPublicHost, parseEnv } from "./env.server";
import { changeFollower, FORGET_OLD_CHANGES_SQL } from "../db/changes.server";
import { pageCache } from "../http/page-cache.server";
import { pageTopics } from "../http/page-topics.server";
import { inRequestScope, isReadingRequest } from "../http/request-scope.server";
import { isCrossSiteWrite, securityHeaders } from "../http/security.server";

let env: ReturnType<typeof parseEnv>;
try {
  env = parseEnv(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const { logger } = await import("./logger.server");
// Imported once the configuration is known to be good: it reads it (through the logger) at once.
const { applyServerLimits, createEdge, EDGE_LIMITS } = await import("../http/edge.server");
const withDemo = process.argv.includes("--demo");
/** A worker serves requests on a database its primary prepared; it never migrates, seeds or cleans up. */
const isWorker = cluster.isWorker;
const workers = new Set<Worker>();

const database = await openDatabase(
  env,
  (message) => logger.info(message),
  (message) => logger.debug({ postgres: message }),
).catch((error: unknown) => {
  // One plain sentence for a machine where PostgreSQL cannot run, never a stack trace.
  if (error instanceof EmbeddedPostgresUnavailable) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
// The Remix build reads DATABASE_URL through its own copy of env.server.ts.
process.env.DATABASE_URL = database.url;

// Filled in once the server listens; shutdown may be asked for before that.
const http: { server?: Server; snapshotPool?: pg.Pool } = {};
let stopping = false;

/** The primary's part of a shutdown with workers: each finishes its requests in flight and exits. */
async function stopWorkers(signal: string) {
  const exits = [...workers].map(
    (worker) =>
      new Promise<void>((resolve) => {
        if (worker.isDead()) return resolve();
        worker.once("exit", () => resolve());
        worker.process.kill(signal === "SIGINT" ? "SIGINT" : "SIGTERM");
      }),
  );
  await Promise.all(exits);
}

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down: finishing requests in flight");
  const forceExit = setTimeout(() => {
    logger.warn("requests still running after 10 s; stopping anyway");
    // Never wait for ever on PostgreSQL here: give it three seconds, then leave regardless.
    const giveUp = new Promise((resolve) => setTimeout(resolve, 3_000));
    void Promise.race([database.stop(), giveUp]).finally(() => process.exit(1));
  }, 10_000);
  forceExit.unref();
  await stopWorkers(signal);
  const { server } = http;
  if (server) {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // close() only drops connections idle at this moment. A keep-alive connection whose request
    // was in flight turns idle once answered; close it then, not after the keep-alive timeout.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    await closed;
    clearInterval(sweep);
  }
  await http.snapshotPool?.end().catch(() => undefined);
  await database.stop();
  logger.info("stopped");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

// A worker's primary has migrated and seeded the database already.
if (!isWorker) {
  try {
    const migrations = await applyMigrations(database.url);
    for (const name of migrations.applied) logger.info({ migration: name }, "applied migration");
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await seedReferenceData(client);
      if (withDemo) {
        // Loaded only for the demo: the generated community is large, and production never needs it.
        const { resetDemoSignIns, seedDemoCommunity } = await import("../../../prisma/seed/demo");
        const demo = await seedDemoCommunity(client);
        logger.info(demo, demo.created ? "loaded the demo community" : "demo community already loaded");
        if (env.NODE_ENV === "production") {
          logger.warn("demo sign-ins are never shown in production");
        } else {
          const signIns = await resetDemoSignIns(client);
          console.log(
            [
              "",
              `Demo sign-ins (demo data only; new passwords at every start), at http://localhost:${env.PORT}/sign-in:`,
              ...signIns.map((s) => `  ${s.role.padEnd(10)} ${s.handle.padEnd(18)} ${s.password}`),
              "",
            ].join("\n"),
          );
        }
      }
    } finally {
      await client.end();
    }
  } catch (error) {
    logger.fatal({ err: (error as Error).message }, "could not prepare the database");
    await database.stop();
    process.exit(1);
  }
}

// Expired sessions and spent rate-limit counters are deleted now and every hour.
async function housekeeping() {
  const client = new pg.Client({ connectionString: database.url });
  // A connection dropped part-way fails the query below; unheard, pg's "error" event would crash the app.
  client.on("error", () => undefined);
  try {
    await client.connect();
    const sessions = await client.query(`DELETE FROM session WHERE expires_at < now()`);
    const limits = await client.query(`DELETE FROM rate_limit WHERE expire < $1`, [Date.now()]);
    await client.query(FORGET_OLD_CHANGES_SQL);
    logger.debug({ sessions: sessions.rowCount, rateLimits: limits.rowCount }, "housekeeping");
  } catch (error) {
    logger.warn({ err: (error as Error).message }, "housekeeping failed; will try again");
  } finally {
    await client.end().catch(() => undefined);
  }
}
if (!isWorker) {
  void housekeeping();
  setInterval(() => void housekeeping(), 3_600_000).unref();
}

/** The primary with WEB_CONCURRENCY workers: it serves nothing itself, it keeps them running. */
function forkWorkers(count: number) {
  const fork = () => {
    // glibc's malloc gives each thread that allocates (libuv's pool, V8's helpers) an arena of its
    // own, and they keep what they once held: two arenas took a process's peak memory under the
    // benchmark's mix from about 450 MB to about 365 MB at the same speed (decision 054). It must be
    // in a process's environment before it starts, so the workers are started with it; other
    // systems' allocators ignore it.
    const worker = cluster.fork({ MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2" });
    let listening = false;
    workers.add(worker);
    worker.once("listening", () => (listening = true));
    worker.once("exit", (code, signal) => {
      workers.delete(worker);
      if (stopping) return;
      if (!listening) {
        // It could not even start (bad configuration, a broken build): restarting would loop.
        logger.fatal({ code, signal }, "a worker stopped before it could serve; stopping");
        void shutdown("SIGTERM");
        return;
      }
      logger.error({ code, signal }, "a worker stopped; starting another");
      fork();
    });
  };
  for (let i = 0; i < count; i++) fork();
  logger.info(`Fifth Option is starting ${count} workers on ${env.PUBLIC_URL} (port ${env.PORT})`);
}

if (cluster.isPrimary && env.WEB_CONCURRENCY > 1) forkWorkers(env.WEB_CONCURRENCY);
else await serve();

/** Serves the Remix build on PORT: the single process, or one worker. */
async function serve() {
  const buildPath = path.join(process.cwd(), "build", "index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  // Under `npm run dev` (remix dev), the dev server rebuilds on every change and restarts this
  // process; it names itself in REMIX_DEV_ORIGIN, and the page's live-reload socket talks to it.
  const devOrigin = env.NODE_ENV === "development" ? process.env.REMIX_DEV_ORIGIN : undefined;
  const devReload = devOrigin ? devOrigin.replace(/^http/, "ws") : undefined;

  const loadContext = (req: express.Request, res: express.Response): AppLoadContext => ({
    cspNonce: String(res.locals.cspNonce),
    clientAddress: req.ip,
  });
  // Limits, refusals and the Remix handler (app/server/http/edge.server.ts, docs/hardening.md).
  const edge = createEdge({ build, loadContext });

  const app = express();
  app.disable("x-powered-by");
  // One proxy in front: Express takes the client address from the last X-Forwarded-For entry, the
  // one our proxy wrote, so a client cannot pick its own address to escape per-address limits.
  if (env.TRUST_PROXY) app.set("trust proxy", 1);
  app.use(compression());
  // What a reading request has asked PostgreSQL once (its session, the change follower's sync) it
  // does not ask again (http/request-scope.server.ts).
  app.use((req, _res, next) => inRequestScope(req.method, next));

  app.use((req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const headers = securityHeaders({ nonce, https: req.secure, devReload });
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (stopping) res.setHeader("Connection", "close");
    next();
  });

  // Unusable addresses (too long, invalid percent-encoding, control characters) and unknown methods
  // are refused before anything decodes them.
  app.use(edge.guardAddress);

  app.use((req, res, next) => {
    if (
      isCrossSiteWrite({
        method: req.method,
        secFetchSite: req.get("sec-fetch-site"),
        origin: req.get("origin"),
        host: req.get("host"),
      })
    ) {
      res.status(403).type("text/plain").send("This request came from another website, so it was refused.");
      return;
    }
    next();
  });

  app.options("/api/v1/*", (_req, res) => {
    res.set(API_PREFLIGHT_HEADERS).status(204).end();
  });

  // Fingerprinted build assets never change; everything else in public/ may.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // Every file in public/ has an extension (favicon.svg): a page's path is not looked for on disk,
  // where each miss cost a failed stat and an error object (3% of the app's CPU under the mix).
  const publicFiles = express.static("public", { maxAge: "1h" });
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));

  // Signed-out readers share pages rendered in the last few seconds (page-cache.server.ts).
  // Its own two connections: the Remix build has its pool, main.ts has only this.
  const snapshotPool = new pg.Pool({ connectionString: database.url, max: 2 });
  snapshotPool.on("error", () => undefined); // a dropped idle connection is simply reopened
  http.snapshotPool = snapshotPool;
  // One follower of page_change per process (db/changes.server.ts), shared with the build's kept answers.
  const follower = changeFollower(() => snapshotPool);
  // Nearly every reading request asks the follower for the current versions (a kept page, a kept
  // search or dashboard): its sync is begun as the request arrives, beside the session lookup and
  // the API's rate-limit count, rather than after them. It is shared by the requests arriving
  // together and asked once per request (http/request-scope.server.ts); a failure is answered by
  // whichever part of the request needs the versions.
  app.use((req, _res, next) => {
    if (isReadingRequest(req.method)) follower.versionOf([]).catch(() => undefined);
    next();
  });
  app.use(
    pageCache({
      ttlSeconds: env.PAGE_CACHE_SECONDS,
      version: follower.versionOf,
      topicsOf: pageTopics,
      nonceOf: (res) => String(res.locals.cspNonce),
      // Pages are kept only for the configured host (PUBLIC_URL): a request naming another Host is
      // answered, never kept or answered from the cache.
      servesHost: (req) =>
        isPublicHost(
          env.TRUST_PROXY ? (req.get("x-forwarded-host")?.split(",")[0]?.trim() ?? req.get("host")) : req.get("host"),
          env.PUBLIC_URL,
        ),
    }),
  );

  // What the page cache could not answer is worked on a few requests at a time, writes first
  // (http/admission.server.ts, decision 053).
  app.use(
    admission({
      atOnce: env.REQUESTS_AT_ONCE,
      waitingAtMost: env.REQUESTS_WAITING_AT_MOST,
      holdAtMostMs: HOLD_PLACE_AT_MOST_MS,
    }),
  );
  // app.use, not app.all("*"): Express would decode the path as a parameter, and throw on %FF.
  app.use(edge.handleRequest);
  app.use(edge.handleError);

  http.server = createServer({ maxHeaderSize: EDGE_LIMITS.headerBytes }, app);
  applyServerLimits(http.server);
  http.server.listen(env.PORT, env.HOST, () => {
    logger.info(`Fifth Option is ready on ${env.PUBLIC_URL} (listening on port ${env.PORT})`);
    if (devOrigin) void broadcastDevReady(build);
  });
}
