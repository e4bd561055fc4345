// One permission check for the whole site: can(user, action, resource).
// Loaders and actions call it through the guards in app/server/auth/guards.server.ts.

export type Role = "member" | "moderator" | "researcher" | "admin";

export interface Actor {
  id: number;
  role: Role;
  silencedUntil: Date | null;
}

export type Action =
  | "post:create"
  | "comment:create"
  | "report:create"
  | "content:edit"
  | "content:flag"
  | "post:react"
  | "moderation:review"
  | "moderation:log"
  | "research:export"
  | "api:keys"
  | "admin:roles"
  | "admin:settings";

export interface Resource {
  authorId: number | null;
}

// Each role can do everything the one before it can, plus its own.
const MEMBER: Action[] = ["post:create", "comment:create", "report:create", "content:edit", "content:flag", "post:react"];
const RESEARCHER: Action[] = [...MEMBER, "research:export", "api:keys"];
const MODERATOR: Action[] = [...RESEARCHER, "moderation:review", "moderation:log"];
const ADMIN: Action[] = [...MODERATOR, "admin:roles", "admin:settings"];

const ROLE_ACTIONS: Record<Role, ReadonlySet<Action>> = {
  member: new Set(MEMBER),
  researcher: new Set(RESEARCHER),
  moderator: new Set(MODERATOR),
  admin: new Set(ADMIN),
};

const WRITES: ReadonlySet<Action> = new Set(["post:create", "comment:create", "report:create", "content:edit", "content:flag", "post:react"]);

export function isSilenced(actor: Actor, now = new Date()): boolean {
  return actor.silencedUntil !== null && actor.silencedUntil > now;
}

export function can(actor: Actor | null, action: Action, resource?: Resource, now = new Date()): boolean {
  if (!actor) return false;
  if (!ROLE_ACTIONS[actor.role].has(action)) return false;
  // A silenced member can read but not write.
  if (WRITES.has(action) && isSilenced(actor, now)) return false;
  if (action === "content:edit") return resource !== undefined && resource.authorId === actor.id;
  // A moderator never reviews their own content.
  if (action === "moderation:review" && resource) return resource.authorId !== actor.id;
  return true;
}
