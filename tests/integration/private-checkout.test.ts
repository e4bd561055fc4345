// A fresh clone works anywhere: here, a checkout inside a folder only its owner may enter (mode
// 0700, like root's home in many containers). As root, PostgreSQL runs as the `postgres` user, who
// cannot reach the binaries inside that checkout's node_modules; the app copies them somewhere it
// can, once, and the demo starts as usual.
import { execFileSync } from "node:child_process";
import { chmod, cp, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { startApp, type RunningApp } from "../support/app-server";
import freePort from "../support/free-port";

const root = path.resolve(import.meta.dirname, "..", "..");
let privateFolder = "";
let app: RunningApp | undefined;
const tmpBefore = new Set<string>();

afterAll(async () => {
  await app?.stop();
  if (privateFolder) await rm(privateFolder, { recursive: true, force: true });
  // What the app made under the temp folder for this checkout: the binaries' copy and the data.
  for (const name of await readdir(os.tmpdir())) {
    if (!tmpBefore.has(name) && name.startsWith("fifth-option-")) await rm(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
});

describe("a checkout in a folder other users cannot enter", () => {
  it("starts the demo with its embedded PostgreSQL, and says what it did instead of failing", async () => {
    for (const name of await readdir(os.tmpdir())) tmpBefore.add(name);
    await mkdir(path.join(root, ".scratch"), { recursive: true });
    privateFolder = await mkdtemp(path.join(root, ".scratch", "private-"));
    await chmod(privateFolder, 0o700);
    const checkout = path.join(privateFolder, "fifth-option");
    await mkdir(checkout);
    // The project's files as git sees them, the built app, and node_modules as hard links (same disk, no copying).
    const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);
    for (const file of files) await cp(path.join(root, file), path.join(checkout, file), { recursive: true }).catch(() => undefined);
    await cp(path.join(root, "build"), path.join(checkout, "build"), { recursive: true });
    await cp(path.join(root, "public", "build"), path.join(checkout, "public", "build"), { recursive: true });
    await cp(path.join(root, "app", "server", "db", "generated"), path.join(checkout, "app", "server", "db", "generated"), { recursive: true });
    execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(checkout, "node_modules")]);

    const [port, postgresPort] = [await freePort(), await freePort()];
    app = await startApp(["--demo"], { PORT: String(port), EMBEDDED_POSTGRES_PORT: String(postgresPort), EMBEDDED_POSTGRES_DIR: undefined, DATABASE_URL: undefined }, 180_000, checkout);
    const home = await fetch(`${app.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Fifth Option");
    const stories = await (await fetch(`${app.url}/stories`)).text();
    expect(stories).toMatch(/<article|<li/);
    expect(app.output()).not.toContain("EACCES");
    if (process.getuid?.() === 0) expect(app.output()).toContain("copying the binaries");
    expect(await app.stop()).toBe(0);
    app = undefined;
  });
});
