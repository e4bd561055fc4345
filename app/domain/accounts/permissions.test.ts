import { describe, expect, it } from "vitest";

import { type Actor, can } from "./permissions";

const member: Actor = { id: 1, role: "member", silencedUntil: null };
const moderator: Actor = { id: 2, role: "moderator", silencedUntil: null };
const researcher: Actor = { id: 3, role: "researcher", silencedUntil: null };
const admin: Actor = { id: 4, role: "admin", silencedUntil: null };

describe("permissions", () => {
  it("let nobody do anything while signed out", () => {
    expect(can(null, "post:create")).toBe(false);
  });

  it("keep moderation for moderators and admins", () => {
    expect(can(member, "moderation:review")).toBe(false);
    expect(can(researcher, "moderation:review")).toBe(false);
    expect(can(moderator, "moderation:review")).toBe(true);
    expect(can(admin, "moderation:log")).toBe(true);
  });

  it("never let a moderator review their own content", () => {
    expect(can(moderator, "moderation:review", { authorId: moderator.id })).toBe(false);
    expect(can(moderator, "moderation:review", { authorId: member.id })).toBe(true);
  });

  it("keep role changes for admins", () => {
    expect(can(moderator, "admin:roles")).toBe(false);
    expect(can(admin, "admin:roles")).toBe(true);
  });

  it("let researchers export but not moderate", () => {
    expect(can(researcher, "research:export")).toBe(true);
    expect(can(member, "research:export")).toBe(false);
  });

  it("let researchers, moderators and admins hold API keys, and not members", () => {
    expect(can(member, "api:keys")).toBe(false);
    expect(can(researcher, "api:keys")).toBe(true);
    expect(can(moderator, "api:keys")).toBe(true);
    expect(can(admin, "api:keys")).toBe(true);
  });

  it("let people edit only their own content", () => {
    expect(can(member, "content:edit", { authorId: member.id })).toBe(true);
    expect(can(member, "content:edit", { authorId: 99 })).toBe(false);
    expect(can(admin, "content:edit", { authorId: 99 })).toBe(false);
  });

  it("let a silenced member read but not write, until the silence ends", () => {
    const now = new Date("2026-11-22T12:00:00Z");
    const silenced = { ...member, silencedUntil: new Date("2026-11-25T00:00:00Z") };
    expect(can(silenced, "post:create", undefined, now)).toBe(false);
    expect(can(silenced, "content:flag", undefined, now)).toBe(false);
    expect(can(silenced, "post:create", undefined, new Date("2026-11-26T00:00:00Z"))).toBe(true);
  });
});
