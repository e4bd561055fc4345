import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { HOSTILE_REDIRECTS } from "../support/hostile-redirects";
import {
  cookieFrom,
  GOOD_PASSWORD,
  send,
  signUp,
  stripComments,
  uniqueClientAddress,
  uniqueHandle,
} from "../support/remix";
import { sql } from "../support/sql";

const userId = async (handle: string) =>
  (await sql<{ id: number }>(`SELECT id FROM "user" WHERE handle_key = lower($1)`, [handle]))[0]?.id;

describe("signing up", () => {
  it("needs only a handle, a password and a perspective, and signs the person in", async () => {
    const handle = uniqueHandle("new_carer");
    const response = await send("/join", {
      form: { handle, password: GOOD_PASSWORD, perspective: "carer" },
      clientAddress: uniqueClientAddress(),
    });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^session=[a-z2-7]{24}\.[a-z2-7]{24}; /);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).toContain("Path=/");
    // Plain http on localhost is the one place the cookie may go without Secure.
    expect(setCookie).not.toContain("Secure");

    const [row] = await sql<{ password_hash: string; perspective: string; role: string }>(
      `SELECT password_hash, perspective, role FROM "user" WHERE handle_key = lower($1)`,
      [handle],
    );
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
    expect(row?.perspective).toBe("carer");
    expect(row?.role).toBe("member");
  });

  it("shows ten recovery codes once and stores only their hashes", async () => {
    const { handle, codes, html } = await signUp();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(html).toContain("We will not show them again");
    const stored = await sql<{ code_hash: string }>(`SELECT code_hash FROM recovery_code WHERE user_id = $1`, [
      await userId(handle),
    ]);
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(stored.map((s) => s.code_hash)).not.toContain(code);
  });

  it("refuses an identifying handle, says why beside the field, and keeps what was typed", async () => {
    const response = await send("/join", {
      form: { handle: "john_smith", password: GOOD_PASSWORD, perspective: "support_planner" },
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain('id="handle-error"');
    expect(html).toContain("first name and surname");
    expect(html).toContain('value="john_smith"');
    expect(html).toContain('type="radio" checked="" value="support_planner"');
    expect(html).not.toContain(GOOD_PASSWORD);
  });

  it("refuses a handle already taken in any letter case", async () => {
    const { handle } = await signUp();
    const response = await send("/join", {
      form: { handle: handle.toUpperCase(), password: GOOD_PASSWORD, perspective: "other" },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("already taken");
  });

  it("refuses short and common passwords", async () => {
    const short = await send("/join", { form: { handle: uniqueHandle(), password: "short", perspective: "carer" } });
    expect(await short.text()).toContain("at least 10 characters");
    const common = await send("/join", {
      form: { handle: uniqueHandle(), password: "1234567890", perspective: "carer" },
    });
    expect(common.status).toBe(400);
    expect(await common.text()).toContain("most common passwords");
  });

  it("limits sign-ups from one client, with a clear message", async () => {
    const client = "198.51.100.7";
    for (let i = 0; i < 5; i++) await signUp(undefined, "carer", client);
    const refused = await send("/join", {
      form: { handle: uniqueHandle(), password: GOOD_PASSWORD, perspective: "carer" },
      clientAddress: client,
    });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toMatch(/Try again in \d+ minutes/);
  });

  it("quietly refuses a form whose hidden honeypot field was filled in", async () => {
    const handle = uniqueHandle();
    const response = await send("/join", {
      form: { handle, password: GOOD_PASSWORD, perspective: "carer", website: "http://spam.example" },
    });
    expect(response.status).toBe(400);
    expect(await userId(handle)).toBeUndefined();
  });
});

describe("signing in and out", () => {
  it("gives one message for a wrong handle or a wrong password", async () => {
    const { handle } = await signUp();
    const wrongPassword = await send("/sign-in", { form: { handle, password: "not the password at all" } });
    const wrongHandle = await send("/sign-in", { form: { handle: uniqueHandle("nobody"), password: GOOD_PASSWORD } });
    expect(wrongPassword.status).toBe(401);
    expect(wrongHandle.status).toBe(401);
    const message = "The name or password is not right";
    expect(await wrongPassword.text()).toContain(message);
    expect(await wrongHandle.text()).toContain(message);
  });

  it("signs in with the right password and returns to where the person was going", async () => {
    const { handle } = await signUp();
    const response = await send("/sign-in", { form: { handle, password: GOOD_PASSWORD, redirectTo: "/settings" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/settings");
    const cookie = cookieFrom(response);
    expect(cookie).toBeTruthy();
    const settings = await send("/settings", { cookie });
    expect(settings.status).toBe(200);
    expect(await settings.text()).toContain(handle);
  });

  it("never redirects to another site after signing in, whatever redirectTo holds", async () => {
    const { handle } = await signUp();
    const clientAddress = uniqueClientAddress();
    for (const redirectTo of ["//evil.example/x", ...HOSTILE_REDIRECTS]) {
      const response = await send("/sign-in", { form: { handle, password: GOOD_PASSWORD, redirectTo }, clientAddress });
      const label = JSON.stringify(redirectTo).slice(0, 60);
      expect(response.status, label).toBe(302);
      const location = response.headers.get("Location") ?? "";
      // As Chromium would follow it from a page on the site.
      expect(new URL(location, "http://site.example").origin, label).toBe("http://site.example");
      expect(location, label).toBe("/");
    }
  });

  it("never puts an address off the site into the sign-in form", async () => {
    const hostile = await (await send("/sign-in?redirectTo=%2F%09%2Fevil.example%2Fphish")).text();
    expect(hostile).toContain('name="redirectTo" value="/"');
    // (The form posts back to this same page, query and all; only the hidden field is used.)
    expect(hostile).not.toMatch(/value="[^"]*evil\.example/);
    const kept = await (await send(`/sign-in?redirectTo=${encodeURIComponent("/stories/12?replied=1")}`)).text();
    expect(kept).toContain('name="redirectTo" value="/stories/12?replied=1"');
  });

  it("still returns to a path on the site, percent-encoded as a browser would send it", async () => {
    const { handle } = await signUp();
    const response = await send("/sign-in", {
      form: { handle, password: GOOD_PASSWORD, redirectTo: "/stories?q=café&tag=respite" },
    });
    expect(response.headers.get("Location")).toBe("/stories?q=caf%C3%A9&tag=respite");
  });

  it("keys per-client limits on a salted hash, never the address itself", async () => {
    const address = "203.0.113.77";
    await send("/sign-in", {
      form: { handle: uniqueHandle("ghost"), password: "not a real password" },
      clientAddress: address,
    });
    const keys = await sql<{ key: string }>(`SELECT key FROM rate_limit`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((k) => k.key.includes("203.0.113"))).toBe(false);
    expect(keys.some((k) => /^signInPerClient:[0-9a-f]{32}$/.test(k.key))).toBe(true);
    const salts = await sql<{ day: Date }>(`SELECT day FROM daily_salt`);
    expect(salts).toHaveLength(1);
  });

  it("signing out deletes the session, so the cookie stops working", async () => {
    const { cookie } = await signUp();
    const out = await send("/sign-out", { method: "POST", cookie });
    expect(out.status).toBe(302);
    expect(out.headers.get("Set-Cookie")).toContain("Max-Age=0");
    const settings = await send("/settings", { cookie });
    expect(settings.status).toBe(302);
    expect(settings.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
  });

  it("'sign out everywhere' ends every session of the account", async () => {
    const { handle, cookie } = await signUp();
    const other = cookieFrom(await send("/sign-in", { form: { handle, password: GOOD_PASSWORD } }));
    await send("/settings", { form: { intent: "sign-out-everywhere" }, cookie });
    expect((await send("/settings", { cookie: other })).status).toBe(302);
    expect(await sql(`SELECT 1 FROM session WHERE user_id = $1`, [await userId(handle)])).toHaveLength(0);
  });
});

describe("guessing passwords", () => {
  const signIn = (handle: string, password: string, clientAddress: string) =>
    send("/sign-in", { form: { handle, password }, clientAddress });
  const LIMIT = 8;

  it("checks at most the limit of guesses sent at once from one client, and says the same for a name that does not exist", async () => {
    const { handle } = await signUp();
    for (const name of [handle, uniqueHandle("nobody")]) {
      const client = uniqueClientAddress();
      const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => signIn(name, `wrong guess ${i}`, client)));
      const statuses = answers.map((a) => a.status);
      // A 401 is a password that was checked; a 429 was refused before any checking.
      expect(
        statuses.filter((s) => s === 401),
        name,
      ).toHaveLength(LIMIT);
      expect(
        statuses.filter((s) => s === 429),
        name,
      ).toHaveLength(16 - LIMIT);
      const refusal = stripComments(await answers[statuses.indexOf(429)]!.text());
      expect(refusal).toMatch(
        /You have tried this too many times\. Try again in 15 minutes\. If this is your account, you can reset your password now with a recovery code\./,
      );
    }
  });

  it("does not let the right password in after a burst of wrong ones from the same client", async () => {
    const { handle } = await signUp();
    const client = uniqueClientAddress();
    await Promise.all(Array.from({ length: 15 }, (_, i) => signIn(handle, `wrong guess ${i}`, client)));
    const right = await signIn(handle, GOOD_PASSWORD, client);
    expect(right.status).toBe(429);
    expect(cookieFrom(right)).toBeNull();
    expect(await sql(`SELECT 1 FROM session WHERE user_id = $1`, [await userId(handle)])).toHaveLength(1);
  });

  it("does not lock the owner out when someone else guesses: from another address the right password works at once", async () => {
    const { handle } = await signUp();
    const attacker = uniqueClientAddress();
    for (let i = 0; i < 12; i++) await signIn(handle, `wrong guess ${i}`, attacker);
    expect((await signIn(handle, GOOD_PASSWORD, attacker)).status).toBe(429);
    const owner = await signIn(handle, GOOD_PASSWORD, uniqueClientAddress());
    expect(owner.status).toBe(302);
    expect(cookieFrom(owner)).toBeTruthy();
  });

  it("slows every attempt for a handle guessed at from many addresses, but still lets the owner in", async () => {
    const { handle } = await signUp();
    // 13 wrong passwords from two addresses, each under its own limit.
    for (let i = 0; i < 13; i++)
      expect((await signIn(handle, `wrong guess ${i}`, `198.51.100.${80 + (i % 2)}`)).status).toBe(401);
    const started = Date.now();
    const owner = await signIn(handle, GOOD_PASSWORD, uniqueClientAddress());
    // 13 recent failures: 250 ms doubled three times before the password is even checked.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(owner.status).toBe(302);
  });

  it("keeps recovery codes working while sign-in is refused for that client", async () => {
    const { handle, codes } = await signUp();
    const client = uniqueClientAddress();
    for (let i = 0; i < 10; i++) await signIn(handle, `wrong guess ${i}`, client);
    expect((await signIn(handle, GOOD_PASSWORD, client)).status).toBe(429);
    const recovered = await send("/recover", {
      form: { handle, code: codes[0] ?? "", password: "a brand new passphrase" },
      clientAddress: client,
    });
    expect(recovered.status).toBe(302);
    expect(recovered.headers.get("Location")).toBe("/settings?recovered=1");
    // Having proved who they are, the owner may sign in from there again.
    expect((await signIn(handle, "a brand new passphrase", client)).status).toBe(302);
  });

  it("does not let one client use up a member's recovery attempts for everyone", async () => {
    const { handle, codes } = await signUp();
    const attacker = uniqueClientAddress();
    for (let i = 0; i < 8; i++) {
      await send("/recover", {
        form: { handle, code: `AAAA-BBBB-CCCC-${String(i).padStart(4, "0")}`, password: "a brand new passphrase" },
        clientAddress: attacker,
      });
    }
    const refused = await send("/recover", {
      form: { handle, code: codes[0] ?? "", password: "a brand new passphrase" },
      clientAddress: attacker,
    });
    expect(refused.status).toBe(429);
    const owner = await send("/recover", {
      form: { handle, code: codes[0] ?? "", password: "a brand new passphrase" },
      clientAddress: uniqueClientAddress(),
    });
    expect(owner.status).toBe(302);
  });
});

describe("sessions", () => {
  const sessionIdOf = (cookie: string) => cookie.split("=")[1]?.split(".")[0] ?? "";

  it("store only a SHA-256 hash of the secret, so a copied database row is not a cookie", async () => {
    const { cookie } = await signUp();
    const id = sessionIdOf(cookie);
    const [row] = await sql<{ secret_hash: Buffer }>(`SELECT secret_hash FROM session WHERE id = $1`, [id]);
    const secret = cookie.split(".")[1] ?? "";
    expect(row?.secret_hash.equals(createHash("sha256").update(secret).digest())).toBe(true);
    // An attacker with the row knows the id and the hash, but not the secret.
    const forged = `session=${id}.${row?.secret_hash.toString("hex").slice(0, 24)}`;
    expect((await send("/settings", { cookie: forged })).status).toBe(302);
  });

  it("treat a forged or garbled cookie as signed out, never an error", async () => {
    for (const cookie of [
      "session=garbage",
      "session=a.b.c",
      `session=${"a".repeat(24)}.${"b".repeat(24)}`,
      "session=%E0%A4%A",
    ]) {
      const response = await send("/", { cookie });
      expect(response.status, cookie).toBe(200);
    }
  });

  it("expire, and an expired session is deleted", async () => {
    const { cookie } = await signUp();
    const id = sessionIdOf(cookie);
    await sql(`UPDATE session SET expires_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    expect((await send("/settings", { cookie })).status).toBe(302);
    expect(await sql(`SELECT 1 FROM session WHERE id = $1`, [id])).toHaveLength(0);
  });

  it("slide: a session with under 15 days left is renewed to 30 and the cookie re-sent", async () => {
    const { cookie } = await signUp();
    const id = sessionIdOf(cookie);
    await sql(`UPDATE session SET expires_at = now() + interval '10 days' WHERE id = $1`, [id]);
    const response = await send("/", { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=259\d{4}/);
    const [row] = await sql<{ days: number }>(
      `SELECT extract(epoch from expires_at - now()) / 86400 AS days FROM session WHERE id = $1`,
      [id],
    );
    expect(Number(row?.days)).toBeGreaterThan(29.9);
  });

  it("are not renewed while more than 15 days remain", async () => {
    const { cookie } = await signUp();
    const response = await send("/", { cookie });
    expect(response.headers.get("Set-Cookie")).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are limited per handle from each client, counted before checking so guesses sent at once cannot pass the limit", async () => {
    const { handle } = await signUp();
    const client = uniqueClientAddress();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        send("/recover", {
          form: { handle, code: `AAAA-BBBB-CCCC-${String(i).padStart(4, "0")}`, password: "another good passphrase" },
          clientAddress: client,
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it("reset the password once per code and sign out every other session", async () => {
    const { handle, codes, cookie } = await signUp();
    const code = codes[0] ?? "";
    const newPassword = "a completely new passphrase";
    const recovered = await send("/recover", { form: { handle, code: code.toLowerCase(), password: newPassword } });
    expect(recovered.status).toBe(302);
    expect(recovered.headers.get("Location")).toBe("/settings?recovered=1");
    expect((await send("/settings", { cookie })).status).toBe(302);
    expect((await send("/sign-in", { form: { handle, password: newPassword } })).status).toBe(302);

    const again = await send("/recover", { form: { handle, code, password: "yet another passphrase" } });
    expect(again.status).toBe(401);
    expect(await again.text()).toContain("already been used");
  });

  it("can be replaced from settings, and the old ones stop working", async () => {
    const { handle, codes, cookie } = await signUp();
    const response = await send("/settings", { form: { intent: "codes" }, cookie });
    const html = await response.text();
    const fresh = [...html.matchAll(/<code>([0-9A-Z-]{19})<\/code>/g)].map((m) => m[1]);
    expect(fresh).toHaveLength(10);
    const old = await send("/recover", { form: { handle, code: codes[1] ?? "", password: "another good passphrase" } });
    expect(old.status).toBe(401);
  });
});

describe("settings", () => {
  it("change the handle, refusing identifying ones and keeping the typed text", async () => {
    const { cookie } = await signUp();
    const refused = await send("/settings", { form: { intent: "handle", handle: "mum1975" }, cookie });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("birth year");
    expect(html).toContain('value="mum1975"');
    const newHandle = uniqueHandle("renamed");
    const changed = await send("/settings", { form: { intent: "handle", handle: newHandle }, cookie });
    expect(changed.status).toBe(200);
    expect(await userId(newHandle)).toBeDefined();
  });

  it("change the password only with the current one", async () => {
    const { handle, cookie } = await signUp();
    const wrong = await send("/settings", {
      form: { intent: "password", currentPassword: "not my password", newPassword: "fresh strong passphrase" },
      cookie,
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("current password is not right");
    const right = await send("/settings", {
      form: { intent: "password", currentPassword: GOOD_PASSWORD, newPassword: "fresh strong passphrase" },
      cookie,
    });
    expect(right.status).toBe(200);
    expect((await send("/sign-in", { form: { handle, password: "fresh strong passphrase" } })).status).toBe(302);
  });

  it("change the perspective", async () => {
    const { handle, cookie } = await signUp();
    await send("/settings", { form: { intent: "perspective", perspective: "social_worker" }, cookie });
    const [row] = await sql<{ perspective: string }>(`SELECT perspective FROM "user" WHERE handle_key = lower($1)`, [
      handle,
    ]);
    expect(row?.perspective).toBe("social_worker");
  });
});
