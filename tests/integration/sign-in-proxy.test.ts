// Sign-in limits through the real server behind a proxy (TRUST_PROXY=true): the client address
// comes from X-Forwarded-For, and someone guessing from one address does not lock out the owner
// signing in from another.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type RunningApp, startAppBehindProxy, stopAllApps } from "../support/app-server";

let app: RunningApp;

beforeAll(async () => {
  app = await startAppBehindProxy("warn");
});

afterAll(async () => {
  await stopAllApps();
});

const PASSWORD = "kettle orbit lantern nine";

const post = (path: string, fields: Record<string, string>, forwardedFor: string) =>
  fetch(`${app.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": forwardedFor },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });

describe("sign-in behind a proxy", () => {
  it("limits the guessing address only: the owner signs in from theirs", async () => {
    const handle = `proxied_${Date.now().toString(36).replace(/\d/g, "q")}`;
    expect((await post("/join", { handle, password: PASSWORD, perspective: "carer" }, "198.51.100.20")).status).toBe(
      200,
    );

    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => post("/sign-in", { handle, password: `wrong guess ${i}` }, "203.0.113.66")),
    );
    expect(guesses.filter((g) => g.status === 401)).toHaveLength(8);
    expect(guesses.filter((g) => g.status === 429)).toHaveLength(4);
    expect((await post("/sign-in", { handle, password: PASSWORD }, "203.0.113.66")).status).toBe(429);

    const owner = await post("/sign-in", { handle, password: PASSWORD, redirectTo: "/settings" }, "198.51.100.21");
    expect(owner.status).toBe(302);
    expect(owner.headers.get("location")).toBe("/settings");
    expect(owner.headers.get("set-cookie")).toMatch(/^session=/);
  });
});
