// A fresh clone works anywhere: here, a checkout inside a folder only its owner may enter (mode
// 0700, like root's home in many containers). As root, PostgreSQL runs as the `postgres` user, who
// cannot reach the binaries inside that checkout's node_modules; the app copies them somewhere it
// can, once, and the demo starts as usual.
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { startApp, type RunningApp } from "../support/app-server";
import { copyCheckout } from "../support/checkout-copy";
import freePort from "../support/free-port";

const root = path.resolve(import.meta.dirname, "..", "..");
let privateFolder = "";
let app: RunningApp | undefined;

afterAll(async () => {
  await app?.stop();
  if (privateFolder) await rm(privateFolder, { recursive: true, force: true });
  // What the app made under the temp folder for this checkout, as its log names them: the copy of
  // the binaries and the data folder. Other test files' folders there are left alone.
  for (const folder of madeInTemp) await rm(folder, { recursive: true, force: true });
});

const madeInTemp = new Set<string>();
function noteTempFolders(output: string) {
  for (const match of output.matchAll(/copying the binaries to (\S+) once|using (\S+) instead/g)) {
    const folder = match[1] ?? (match[2] ? path.dirname(match[2]) : undefined);
    if (folder?.startsWith(os.tmpdir())) madeInTemp.add(folder);
  }
}

describe("a checkout in a folder other users cannot enter", () => {
  it("starts the demo with its embedded PostgreSQL, and says what it did instead of failing", async () => {
    await mkdir(path.join(root, ".scratch"), { recursive: true });
    privateFolder = await mkdtemp(path.join(root, ".scratch", "private-"));
    await chmod(privateFolder, 0o700);
    const checkout = await copyCheckout(path.join(privateFolder, "fifth-option"));

    const [port, postgresPort] = [await freePort(), await freePort()];
    // As `npm run demo` runs it: no NODE_ENV (development), its own embedded PostgreSQL.
    const demoEnv = {
      PORT: String(port),
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      EMBEDDED_POSTGRES_DIR: undefined,
      DATABASE_URL: undefined,
      NODE_ENV: "development",
    };
    app = await startApp(["--demo"], demoEnv, 180_000, checkout);
    noteTempFolders(app.output());
    const home = await fetch(`${app.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Fifth Option");
    const stories = await (await fetch(`${app.url}/stories`)).text();
    expect(stories).toMatch(/<article|<li/);
    expect(app.output()).not.toContain("EACCES");
    // The demo prints a sign-in for each role, and each one works.
    const signIns = [...app.output().matchAll(/^ {2}(member|moderator|researcher|admin) +(\S+) +(\S+)$/gm)].map(
      (m) => ({ role: m[1], handle: m[2], password: m[3] }),
    );
    expect(signIns.map((s) => s.role).sort()).toEqual(["admin", "member", "moderator", "researcher"]);
    for (const signIn of signIns) {
      const response = await fetch(`${app.url}/sign-in`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.url },
        body: new URLSearchParams({ handle: signIn.handle ?? "", password: signIn.password ?? "", redirectTo: "/" }),
      });
      expect(response.status, signIn.role).toBe(302);
      expect(response.headers.get("set-cookie"), signIn.role).toMatch(/session/i);
    }
    if (process.getuid?.() === 0) expect(app.output()).toContain("copying the binaries");
    expect(await app.stop()).toBe(0);
    // Started again, the demo replaces the passwords it printed before.
    const again = await startApp(["--demo"], demoEnv, 180_000, checkout);
    app = again;
    const first = signIns.find((s) => s.role === "admin");
    const stale = await fetch(`${again.url}/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: again.url },
      body: new URLSearchParams({ handle: first?.handle ?? "", password: first?.password ?? "", redirectTo: "/" }),
    });
    expect(stale.status).not.toBe(302);
    expect(await again.stop()).toBe(0);
    app = undefined;
  });
});
