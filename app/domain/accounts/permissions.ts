// One permission check for the whole site: can(user, action, resource).
// Loaders and actions call it through the guards in app/server/accounts/guards.server.ts.

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
  | "member:silence"
  | "member:unsilence"
  | "research:export"
  | "api:keys"
  | "collection:curate"
  | "collection:consent"
  | "admin:roles"
  | "admin:settings";

/** A post, reply or report, by who wrote it. */
export interface ContentResource {
  authorId: number | null;
}

/** A person a moderator or admin acts on. */
export interface MemberResource {
  member: { id: number; role: Role };
}

export type Resource = ContentResource | MemberResource;

// Who may act on whom: moderators on members (researchers are members with a download), admins
// on moderators and members, nobody on an equal, a senior, or themselves.
const RANK: Record<Role, number> = { member: 0, researcher: 0, moderator: 1, admin: 2 };

/** True when the actor is senior to the person and is not the person. */
export function outranks(actor: { id: number; role: Role }, person: { id: number; role: Role }): boolean {
  return actor.id !== person.id && RANK[actor.role] > RANK[person.role];
}

const ON_PEOPLE: ReadonlySet<Action> = new Set(["member:silence", "member:unsilence"]);

// The writes, which silencing takes away. Every member action is one today; a member action that
// is not a write (so a silenced member keeps it) goes in MEMBER after them, not here.
const WRITES: readonly Action[] = [
  "post:create",
  "comment:create",
  "report:create",
  "content:edit",
  "content:flag",
  "post:react",
];

// Each role can do everything the one before it can, plus its own.
// Answering whether one's own story may go in a collection is not a write: a silenced member can
// still say no, or withdraw.
const MEMBER: Action[] = [...WRITES, "collection:consent"];
const RESEARCHER: Action[] = [...MEMBER, "research:export", "api:keys", "collection:curate"];
const MODERATOR: Action[] = [
  ...RESEARCHER,
  "moderation:review",
  "moderation:log",
  "member:silence",
  "member:unsilence",
];
const ADMIN: Action[] = [...MODERATOR, "admin:roles", "admin:settings"];

const ROLE_ACTIONS: Record<Role, ReadonlySet<Action>> = {
  member: new Set(MEMBER),
  researcher: new Set(RESEARCHER),
  moderator: new Set(MODERATOR),
  admin: new Set(ADMIN),
};

export function isSilenced(actor: Actor, now = new Date()): boolean {
  return actor.silencedUntil !== null && actor.silencedUntil > now;
}

export function can(actor: Actor | null, action: Action, resource?: Resource, now = new Date()): boolean {
  if (!actor) return false;
  if (!ROLE_ACTIONS[actor.role].has(action)) return false;
  // A silenced member can read but not write (nor curate a collection's text).
  if ((WRITES.includes(action) || action === "collection:curate") && isSilenced(actor, now)) return false;
  if (action === "content:edit" || action === "collection:consent")
    return resource !== undefined && "authorId" in resource && resource.authorId === actor.id;
  // A moderator never reviews their own content.
  if (action === "moderation:review" && resource && "authorId" in resource) return resource.authorId !== actor.id;
  // Silencing and lifting a silence need a person, and the actor must be senior to them.
  if (ON_PEOPLE.has(action)) return resource !== undefined && "member" in resource && outranks(actor, resource.member);
  return true;
}
