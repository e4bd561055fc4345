// Sessions as in Lucia's current guide (the `lucia` package itself is deprecated): the cookie holds
// "<id>.<secret>", the database keeps only SHA-256(secret), and expiry slides forward with use.
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

import type { Role } from "~/domain/accounts/permissions";

import { prisma, query } from "../db/client.server";

const DAY_MS = 86_400_000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** Renew when less than this is left, i.e. after 15 days of the 30. */
export const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS;

export interface SessionUser {
  id: number;
  handle: string;
  role: Role;
  perspective: string;
  trustLevel: number;
  silencedUntil: Date | null;
  mustChangePassword: boolean;
}

export interface ValidSession {
  id: string;
  expiresAt: Date;
  /** True when this request moved the expiry forward, so the cookie must be sent again. */
  renewed: boolean;
  user: SessionUser;
  /** The member's notifications not yet read, as the session was looked up (every page's header shows it). */
  unread: number;
}

function randomPart(): string {
  // 15 random bytes = 120 bits, as 24 base32 characters.
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)));
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export async function createSession(userId: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const id = randomPart();
  const secret = randomPart();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await prisma().session.create({
    data: { id, secretHash: Buffer.from(hashSecret(secret)), userId, createdAt: now, expiresAt },
  });
  return { token: `${id}.${secret}`, expiresAt };
}

/** The session a cookie token proves, or null for anything missing, forged, stolen-from-the-database or expired. */
export async function validateSessionToken(token: string, now = new Date()): Promise<ValidSession | null> {
  const parts = token.split(".");
  if (parts.length !== 2) return null;
  const [id, secret] = parts as [string, string];
  if (!/^[a-z2-7]{24}$/.test(id) || !/^[a-z2-7]{24}$/.test(secret)) return null;
  // One query (Prisma would make three: the session, its user, the header's unread count); every
  // signed-in request asks, and each round trip more is one more wait for every page.
  const [row] = await query<{
    id: string;
    secretHash: Buffer;
    expiresAt: Date;
    user: Omit<SessionUser, "silencedUntil"> & { silencedUntil: string | null };
    unread: number;
  }>(
    `SELECT s.id, s.secret_hash AS "secretHash", s.expires_at AS "expiresAt",
            json_build_object('id', u.id, 'handle', u.handle, 'role', u.role, 'perspective', u.perspective,
                              'trustLevel', u.trust_level, 'silencedUntil', u.silenced_until,
                              'mustChangePassword', u.must_change_password) AS user,
            (SELECT count(*) FROM notification n WHERE n.user_id = u.id AND n.read_at IS NULL)::int AS unread
     FROM session s JOIN "user" u ON u.id = s.user_id
     WHERE s.id = $1`,
    [id],
  );
  if (!row) return null;
  // A copy of the database row alone is not enough: the stored hash must match the cookie's secret.
  if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return null;
  if (row.expiresAt.getTime() <= now.getTime()) {
    await prisma().session.deleteMany({ where: { id } });
    return null;
  }
  let expiresAt = row.expiresAt;
  let renewed = false;
  if (expiresAt.getTime() - now.getTime() < SESSION_RENEW_WITHIN_MS) {
    expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await prisma().session.update({ where: { id }, data: { expiresAt } });
    renewed = true;
  }
  // JSON carries no dates: silencedUntil arrives as text.
  const silencedUntil = row.user.silencedUntil === null ? null : new Date(row.user.silencedUntil);
  return { id: row.id, expiresAt, renewed, user: { ...row.user, silencedUntil }, unread: row.unread };
}

export async function invalidateSession(id: string): Promise<void> {
  await prisma().session.deleteMany({ where: { id } });
}

/** Signs a person out everywhere, optionally keeping the session they are using now. */
export async function invalidateUserSessions(userId: number, exceptSessionId?: string): Promise<number> {
  const { count } = await prisma().session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
  return count;
}

// ---- The cookie ----

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Secure everywhere except plain http on this machine, where browsers would drop a Secure cookie. */
function cookieIsSecure(request: Request): boolean {
  const url = new URL(request.url);
  return !(url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname));
}

function cookieName(request: Request): string {
  // __Host- binds the cookie to this exact host over https, with Path=/ and no Domain.
  return cookieIsSecure(request) ? "__Host-session" : "session";
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const name = cookieName(request);
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) {
      try {
        return decodeURIComponent(rest.join("="));
      } catch {
        return null; // A mangled cookie is simply no session.
      }
    }
  }
  return null;
}

export function sessionCookie(request: Request, token: string, expiresAt: Date): string {
  const attributes = [
    `${cookieName(request)}=${token}`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    `Max-Age=${Math.floor((expiresAt.getTime() - Date.now()) / 1000)}`,
  ];
  if (cookieIsSecure(request)) attributes.push("Secure");
  return attributes.join("; ");
}

/** Starts a session for the member and the headers that give it to this browser. */
export async function newSessionHeaders(request: Request, userId: number): Promise<{ "Set-Cookie": string }> {
  const session = await createSession(userId);
  return { "Set-Cookie": sessionCookie(request, session.token, session.expiresAt) };
}

export function clearSessionCookie(request: Request): string {
  const attributes = [`${cookieName(request)}=`, "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0"];
  if (cookieIsSecure(request)) attributes.push("Secure");
  return attributes.join("; ");
}
