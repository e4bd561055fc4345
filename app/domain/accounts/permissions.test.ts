import { describe, expect, it } from "vitest";

import { type Action, type Actor, can, outranks, type Role } from "./permissions";

const member: Actor = { id: 1, role: "member", silencedUntil: null };
const moderator: Actor = { id: 2, role: "moderator", silencedUntil: null };
const researcher: Actor = { id: 3, role: "researcher", silencedUntil: null };
const admin: Actor = { id: 4, role: "admin", silencedUntil: null };

describe("permissions", () => {
  it("let nobody do anything while signed out", () => {
    expect(can(null, "post:create")).toBe(false);
  });

  it.each([
    { action: "moderation:review", may: [moderator], mayNot: [member, researcher] },
    { action: "moderation:log", may: [admin], mayNot: [] },
    { action: "admin:roles", may: [admin], mayNot: [moderator] },
    { action: "research:export", may: [researcher], mayNot: [member] },
    { action: "api:keys", may: [researcher, moderator, admin], mayNot: [member] },
    { action: "collection:curate", may: [researcher, moderator, admin], mayNot: [member] },
  ] satisfies { action: Action; may: Actor[]; mayNot: Actor[] }[])(
    "keep $action for those whose role gives it",
    (row) => {
      for (const actor of row.may) expect(can(actor, row.action), actor.role).toBe(true);
      for (const actor of row.mayNot) expect(can(actor, row.action), actor.role).toBe(false);
    },
  );

  it("let people edit only their own content", () => {
    expect(can(member, "content:edit", { authorId: member.id })).toBe(true);
    expect(can(member, "content:edit", { authorId: 99 })).toBe(false);
    expect(can(admin, "content:edit", { authorId: 99 })).toBe(false);
  });

  it("let only a story's author answer for it in a collection, silenced or not", () => {
    const silenced = { ...member, silencedUntil: new Date(Date.now() + 86_400_000) };
    expect(can(silenced, "collection:consent", { authorId: member.id })).toBe(true);
    expect(can(member, "collection:consent", { authorId: 99 })).toBe(false);
    expect(can(admin, "collection:consent", { authorId: 99 })).toBe(false);
    expect(can(member, "collection:consent")).toBe(false);
    expect(can({ ...researcher, silencedUntil: silenced.silencedUntil }, "collection:curate")).toBe(false);
  });

  it("let a silenced member read but not write, until the silence ends", () => {
    const now = new Date("2026-11-22T12:00:00Z");
    const silenced = { ...member, silencedUntil: new Date("2026-11-25T00:00:00Z") };
    expect(can(silenced, "post:create", undefined, now)).toBe(false);
    expect(can(silenced, "content:flag", undefined, now)).toBe(false);
    expect(can(silenced, "post:create", undefined, new Date("2026-11-26T00:00:00Z"))).toBe(true);
  });

  it("let moderators silence members (researchers too) and admins silence moderators, and lift it the same way", () => {
    const person = (actor: Actor) => ({ member: { id: actor.id, role: actor.role } });
    for (const action of ["member:silence", "member:unsilence"] as const) {
      expect(can(moderator, action, person(member))).toBe(true);
      expect(can(moderator, action, person(researcher))).toBe(true);
      expect(can(admin, action, person(member))).toBe(true);
      expect(can(admin, action, person(moderator))).toBe(true);
    }
  });

  it("never let anyone silence an equal, a senior or themselves, nor members silence anyone", () => {
    const person = (id: number, role: Role) => ({ member: { id, role } });
    for (const action of ["member:silence", "member:unsilence"] as const) {
      expect(can(moderator, action, person(20, "moderator"))).toBe(false);
      expect(can(moderator, action, person(21, "admin"))).toBe(false);
      expect(can(admin, action, person(22, "admin"))).toBe(false);
      expect(can(moderator, action, person(moderator.id, "moderator"))).toBe(false);
      expect(can(admin, action, person(admin.id, "admin"))).toBe(false);
      expect(can(member, action, person(23, "member"))).toBe(false);
      expect(can(researcher, action, person(24, "member"))).toBe(false);
      // Without a person to check against, the answer is no.
      expect(can(moderator, action)).toBe(false);
      expect(can(moderator, action, { authorId: 25 })).toBe(false);
    }
  });

  it("rank every pair of roles one way only", () => {
    const roles: Role[] = ["member", "researcher", "moderator", "admin"];
    for (const a of roles) {
      for (const b of roles) {
        const down = outranks({ id: 1, role: a }, { id: 2, role: b });
        const up = outranks({ id: 2, role: b }, { id: 1, role: a });
        expect(down && up).toBe(false);
        expect(outranks({ id: 1, role: a }, { id: 1, role: b })).toBe(false);
      }
    }
  });
});
