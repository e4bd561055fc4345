// A member asks for the researcher role; admins see the request on /admin/roles, grant or decline
// it with one click, and the member is told. Hostile input is a 4xx that keeps what was typed.
import { describe, expect, it } from "vitest";

import { pageText, send, signUp, signUpInRoles } from "../support/remix";
import { sql } from "../support/sql";

const GOOD = {
  research: "How direct payments change unpaid carers' hours, for a PhD.",
  organisation: "University of Somewhere",
  dataUse: "Counts by council only, kept on an encrypted laptop and deleted after the study.",
};

async function roleOf(handle: string) {
  const [row] = await sql<{ role: string; id: number }>(`SELECT role, id FROM "user" WHERE handle_key = lower($1)`, [
    handle,
  ]);
  if (!row) throw new Error("no such member");
  return row;
}

async function openRequestId(handle: string) {
  const [row] = await sql<{ id: number }>(
    `SELECT r.id FROM researcher_request r JOIN "user" u ON u.id = r.user_id WHERE u.handle_key = lower($1) AND r.status = 'open'`,
    [handle],
  );
  return row?.id ?? null;
}

async function notificationsOf(handle: string) {
  return sql<{ kind: string; link: string }>(
    `SELECT n.kind, n.link FROM notification n JOIN "user" u ON u.id = n.user_id WHERE u.handle_key = lower($1) ORDER BY n.id`,
    [handle],
  );
}

describe("asking for the researcher role", () => {
  it("reaches the admins, once at a time, and granting makes the member a researcher and tells them", async () => {
    const { admin } = await signUpInRoles(["admin"] as const);
    const member = await signUp();
    expect(await pageText("/settings", member.cookie)).toContain('href="/settings/researcher"');
    const form = await pageText("/settings/researcher", member.cookie);
    expect(form).toContain("What is your research?");

    const sent = await send("/settings/researcher", { cookie: member.cookie, form: GOOD });
    expect(sent.status).toBe(200);
    expect(stripTags(await sent.text())).toContain("your request is with the admins");
    const requestId = await openRequestId(member.handle);
    expect(requestId).not.toBeNull();

    // A second request while the first waits is refused, keeping what was typed.
    const again = await send("/settings/researcher", {
      cookie: member.cookie,
      form: { ...GOOD, research: `${GOOD.research} Again.` },
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Again.");

    // The admins see it and hear of it; nobody else does.
    const roles = await pageText("/admin/roles", admin);
    expect(roles).toContain(GOOD.research.replace("'", "&#x27;"));
    expect(roles).toContain(GOOD.organisation);
    expect((await send("/admin/roles", { cookie: member.cookie })).status).toBe(403);
    expect(await pageText(`/u/${member.handle}`)).not.toContain(GOOD.organisation);

    const granted = await send("/admin/roles", {
      cookie: admin,
      form: { intent: "researcher-request", requestId: String(requestId), decision: "grant" },
    });
    expect(granted.status).toBe(200);
    expect(stripTags(await granted.text())).toContain(`${member.handle} has the researcher role`);
    expect((await roleOf(member.handle)).role).toBe("researcher");
    expect((await notificationsOf(member.handle)).map((n) => n.kind)).toContain("role.researcher.granted");
    const [logged] = await sql<{ action: string }>(
      `SELECT action FROM moderation_action WHERE target_type = 'user' AND target_id = $1`,
      [(await roleOf(member.handle)).id],
    );
    expect(logged?.action).toBe("role.change");
    expect((await send("/settings/api-keys", { cookie: member.cookie })).status).toBe(200);

    // Deciding twice (a second click, another admin) is a 404 that changes nothing.
    const twice = await send("/admin/roles", {
      cookie: admin,
      form: { intent: "researcher-request", requestId: String(requestId), decision: "decline" },
    });
    expect(twice.status).toBe(404);
    expect((await roleOf(member.handle)).role).toBe("researcher");
  });

  it("declining tells the member, who may ask again", async () => {
    const { admin } = await signUpInRoles(["admin"] as const);
    const member = await signUp();
    await send("/settings/researcher", { cookie: member.cookie, form: GOOD });
    const requestId = await openRequestId(member.handle);
    const declined = await send("/admin/roles", {
      cookie: admin,
      form: { intent: "researcher-request", requestId: String(requestId), decision: "decline" },
    });
    expect(declined.status).toBe(200);
    expect((await roleOf(member.handle)).role).toBe("member");
    expect((await notificationsOf(member.handle)).map((n) => n.kind)).toEqual(["role.researcher.declined"]);
    expect(await pageText("/settings/researcher", member.cookie)).toContain("Your last request was declined");
    expect((await send("/settings/researcher", { cookie: member.cookie, form: GOOD })).status).toBe(200);
  });

  it("answers hostile input with a 4xx, never a 500, keeping what was typed", async () => {
    const { admin } = await signUpInRoles(["admin"] as const);
    const cases: Record<string, string | string[]>[] = [
      {},
      { research: "short", dataUse: "short" },
      { ...GOOD, research: "x".repeat(5000) },
      { ...GOOD, organisation: "o".repeat(500) },
      { ...GOOD, research: ["one", "two"] },
      { ...GOOD, research: "\u0000\u0000\u0000" },
    ];
    // Each from a member of their own: every try counts against the daily limit.
    for (const form of cases) {
      const response = await send("/settings/researcher", { cookie: (await signUp()).cookie, form });
      expect(response.status, JSON.stringify(form).slice(0, 80)).toBe(400);
    }
    const member = await signUp();
    const kept = await send("/settings/researcher", { cookie: member.cookie, form: { ...GOOD, dataUse: "too short" } });
    expect(await kept.text()).toContain(GOOD.research.replace("'", "&#x27;"));
    expect(await openRequestId(member.handle)).toBeNull();

    for (const form of [
      { intent: "researcher-request", requestId: "abc", decision: "grant" },
      { intent: "researcher-request", requestId: "99999999999999", decision: "grant" },
      { intent: "researcher-request", requestId: "1", decision: "promote" },
      { intent: "researcher-request", requestId: "2147483647", decision: "grant" },
    ]) {
      const response = await send("/admin/roles", { cookie: admin, form });
      expect(response.status, JSON.stringify(form)).toBeGreaterThanOrEqual(400);
      expect(response.status, JSON.stringify(form)).toBeLessThan(500);
    }
    // Signed out: sent to sign in, nothing stored.
    const signedOut = await send("/settings/researcher", { form: GOOD });
    expect(signedOut.status).toBe(302);
  });

  it("is limited to five tries a day per member", async () => {
    const member = await signUp();
    for (let i = 0; i < 5; i++)
      expect((await send("/settings/researcher", { cookie: member.cookie, form: { research: "short" } })).status).toBe(
        400,
      );
    const limited = await send("/settings/researcher", { cookie: member.cookie, form: GOOD });
    expect(limited.status).toBe(429);
    expect(await openRequestId(member.handle)).toBeNull();
  });
});

function stripTags(html: string) {
  return html.replace(/<[^>]+>/g, "").replaceAll("&#x27;", "'");
}
