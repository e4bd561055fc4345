// Starts the real app as `npm start` runs it (build/server/main.js, app/server/process/main.ts bundled
// by `npm run build`) as a child process.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

import freePort from "./free-port";

const root = path.resolve(import.meta.dirname, "..", "..");

/** The heap `npm start` gives the app (package.json), as NODE_OPTIONS, for tests that must run it the same way. */
export const START_NODE_OPTIONS = (
  JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } }
).scripts.start
  .split(/\s+/)
  .filter((word) => word.startsWith("--max-old-space-size="))
  .join(" ");

export interface RunningApp {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Sends a signal and resolves with the exit code once the process has ended. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

// Every app this test process started; a test that fails half-way must not leave one running.
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

/** `checkout` runs another copy of the project (default: this one). */
export function runApp(args: string[], env: Record<string, string | undefined>, checkout = root) {
  let output = "";
  const child = spawn(process.execPath, [path.join(checkout, "build", "server", "main.js"), ...args], {
    cwd: checkout,
    // PUBLIC_URL only when the test gives one: the in-process harness (remix.ts) sets its own.
    env: { ...process.env, PUBLIC_URL: undefined, LOG_LEVEL: "info", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

export async function startApp(
  args: string[],
  env: Record<string, string | undefined> & { PORT: string },
  timeoutMs = 90_000,
  checkout = root,
): Promise<RunningApp> {
  const { child, exited, output } = runApp(args, env, checkout);
  const url = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`app exited with ${exitCode} before it was ready:\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) {
        return {
          url,
          child,
          output,
          stop: async (signal = "SIGTERM") => {
            if (exitCode === undefined) child.kill(signal);
            return exited;
          },
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`app was not ready within ${timeoutMs} ms:\n${output()}`);
}

/** The app on this test file's database and a free port, behind a proxy: client addresses come from X-Forwarded-For. */
export async function startAppBehindProxy(logLevel: "info" | "warn"): Promise<RunningApp> {
  return startApp([], {
    DATABASE_URL: process.env.DATABASE_URL,
    LOG_LEVEL: logLevel,
    TRUST_PROXY: "true",
    PORT: String(await freePort()),
  });
}

/** Stops every app still running (for afterAll hooks). */
export async function stopAllApps(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
        }),
    ),
  );
}
