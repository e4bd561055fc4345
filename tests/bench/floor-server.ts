// The floor: a bare node:http server that answers each scenario's request with the same database
// work written by hand (scenarios.ts), as JSON. No framework, no rendering, no sessions beyond
// what the SQL needs. Run as a child process by run.ts, so it has a core of its own to compete
// for, exactly like the app: PORT and DATABASE_URL come from the environment; the scenario's name
// comes in the x-bench-scenario header.
import http from "node:http";

import pg from "pg";

import { SCENARIOS } from "./scenarios";

const port = Number(process.env.PORT);
// The app's pool settings (app/server/db/client.server.ts), so both sides have the same connections.
const db = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  connectionTimeoutMillis: 3000,
  idleTimeoutMillis: 30_000,
});
const byName = new Map(SCENARIOS.map((s) => [s.name, s]));

function sessionToken(cookie: string | undefined): string | null {
  for (const part of (cookie ?? "").split(";")) {
    const [key, value] = part.trim().split("=");
    if (key === "session" && value) return value;
  }
  return null;
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const scenario = byName.get(String(req.headers["x-bench-scenario"] ?? ""));
    if (!scenario) {
      res.writeHead(404).end();
      return;
    }
    const input = {
      url: new URL(req.url ?? "/", "http://floor"),
      form: new URLSearchParams(Buffer.concat(chunks).toString("utf8")),
      sessionToken: sessionToken(req.headers.cookie),
    };
    scenario.floor(db, input).then(
      (result) => {
        const body = JSON.stringify(result);
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
      },
      (error: unknown) => {
        console.error(error);
        res.writeHead(500).end();
      },
    );
  });
});

server.listen(port, "127.0.0.1", () => console.log("floor ready"));
process.on("SIGTERM", () => {
  server.close();
  void db.end().then(() => process.exit(0));
});
