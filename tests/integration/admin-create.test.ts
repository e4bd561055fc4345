import { execFileSync } from "node:child_process";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { cookieFrom, send, stripComments } from "../support/remix";
import { sql } from "../support/sql";

const root = path.resolve(import.meta.dirname, "..", "..");

function adminCreate(handle: string) {
  return execFileSync(process.execPath, ["--import", "tsx", "prisma/admin-create.ts", handle], {
    cwd: root,
    env: { ...process.env },
    encoding: "utf8",
  });
}

describe("npm run admin:create", () => {
  it("creates an admin with a one-time password that must be changed at first sign-in", async () => {
    const output = adminCreate("first_keeper");
    const password = /One-time password: (\S+)/.exec(output)?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(20);
    const [row] = await sql<{ role: string; must_change_password: boolean }>(
      `SELECT role, must_change_password FROM "user" WHERE handle_key = 'first_keeper'`,
    );
    expect(row).toEqual({ role: "admin", must_change_password: true });

    // Signing in with it lands on the change-password page, whatever page was asked for.
    const signIn = await send("/sign-in", { form: { handle: "first_keeper", password, redirectTo: "/admin/roles" } });
    expect(signIn.headers.get("Location")).toBe("/settings?must-change=1");
    const cookie = cookieFrom(signIn);
    // Every other page, public ones too, sends the account back there until it has its own password.
    for (const path of ["/admin/roles", "/", "/stories", "/moderation", "/notifications", "/house-rules"]) {
      const response = await send(path, { cookie });
      expect([path, response.status, response.headers.get("Location")]).toEqual([path, 302, "/settings?must-change=1"]);
    }
    expect((await send("/help", { cookie })).status).toBe(200);
    const settings = await send("/settings?must-change=1", { cookie });
    const page = await settings.text().then(stripComments);
    expect(page).toContain("You signed in with a one-time password");
    expect(page).toContain("<h1>Choose your own password</h1>");
    expect(page).not.toContain("Change the name you post under");
    // Nothing else on the account can be changed first.
    const rename = await send("/settings", { form: { intent: "handle", handle: "keeper_renamed" }, cookie });
    expect(rename.status).toBe(403);
    const wrong = await send("/settings", {
      form: { intent: "password", currentPassword: "not the one", newPassword: "a keeper's own passphrase" },
      cookie,
    });
    expect(wrong.status).toBe(400);
    expect((await send("/", { cookie })).status).toBe(302);
    await send("/settings", {
      form: { intent: "password", currentPassword: password, newPassword: "a keeper's own passphrase" },
      cookie,
    });
    const [after] = await sql<{ must_change_password: boolean }>(
      `SELECT must_change_password FROM "user" WHERE handle_key = 'first_keeper'`,
    );
    expect(after?.must_change_password).toBe(false);
    expect((await send("/admin/roles", { cookie })).status).toBe(200);
    expect((await send("/", { cookie })).status).toBe(200);
    // The one-time password no longer works.
    expect((await send("/sign-in", { form: { handle: "first_keeper", password } })).status).toBe(401);
  });

  it("refuses an existing handle and an identifying one", () => {
    adminCreate("second_keeper");
    expect(() => adminCreate("second_keeper")).toThrow();
    expect(() => adminCreate("john_smith")).toThrow();
  });
});
