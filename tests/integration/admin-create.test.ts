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

    const signIn = await send("/sign-in", { form: { handle: "first_keeper", password } });
    const cookie = cookieFrom(signIn);
    expect((await send("/admin/roles", { cookie })).headers.get("Location")).toBe("/settings?must-change=1");
    const settings = await send("/settings?must-change=1", { cookie });
    expect(await settings.text().then(stripComments)).toContain("You signed in with a one-time password");
    await send("/settings", {
      form: { intent: "password", currentPassword: password, newPassword: "a keeper's own passphrase" },
      cookie,
    });
    expect((await send("/admin/roles", { cookie })).status).toBe(200);
  });

  it("refuses an existing handle and an identifying one", () => {
    adminCreate("second_keeper");
    expect(() => adminCreate("second_keeper")).toThrow();
    expect(() => adminCreate("john_smith")).toThrow();
  });
});
