// Every query about members' accounts: sign-up, sign-in, recovery codes, settings, their data.
import { randomBytes } from "node:crypto";

import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";

import { handleKey } from "~/domain/accounts/handle";
import type { Role } from "~/domain/accounts/permissions";
import { trustLevelFor } from "~/domain/accounts/trust";
import {
  formatRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_BYTES,
  RECOVERY_CODE_COUNT,
} from "~/domain/accounts/recovery-codes";
import type { Perspective } from "~/domain/taxonomy";
import { Refusal } from "~/domain/forms";

import { recordAction } from "../moderation/audit.server";
import { checkWatchedWords } from "../moderation/watched-words.server";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.server";
import { invalidateUserSessions } from "./session.server";
import { isUniqueViolation, prisma, transaction } from "../db/client.server";

/** 400 on the name field (code name "handle"). */
export class HandleTaken extends Refusal {
  constructor() {
    super("That name is already taken. Choose another", 400, "handle");
  }
}

// Recovery codes carry 80 random bits, so a fast hash is enough; argon2 would only add delay.
function hashRecoveryCode(code: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normaliseRecoveryCode(code))));
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => formatRecoveryCode(randomBytes(RECOVERY_CODE_BYTES)));
}

export async function createAccount(input: {
  handle: string;
  password: string;
  perspective: Perspective;
  role?: Role;
  mustChangePassword?: boolean;
}): Promise<{ userId: number; recoveryCodes: string[] }> {
  const passwordHash = await hashPassword(input.password);
  const recoveryCodes = newRecoveryCodes();
  try {
    const user = await prisma().user.create({
      data: {
        handle: input.handle.trim(),
        handleKey: handleKey(input.handle),
        passwordHash,
        perspective: input.perspective,
        role: input.role ?? "member",
        mustChangePassword: input.mustChangePassword ?? false,
        recoveryCodes: { create: recoveryCodes.map((code) => ({ codeHash: hashRecoveryCode(code) })) },
      },
      select: { id: true },
    });
    return { userId: user.id, recoveryCodes };
  } catch (error) {
    if (isUniqueViolation(error)) throw new HandleTaken();
    throw error;
  }
}

export async function isHandleTaken(handle: string, exceptUserId?: number): Promise<boolean> {
  const found = await prisma().user.findUnique({ where: { handleKey: handleKey(handle) }, select: { id: true } });
  return found !== null && found.id !== exceptUserId;
}

/** 400 on the name field: a watched word blocks it. */
export class HandleNotAllowed extends Refusal {
  constructor() {
    super("That name is not allowed. Choose another", 400, "handle");
  }
}

/**
 * Refuses a name someone else has (HandleTaken) or a watched word blocks (HandleNotAllowed), for
 * joining and for changing one's name. The unique index still decides a race (createAccount).
 */
export async function assertHandleAvailable(handle: string, exceptUserId?: number): Promise<void> {
  if (await isHandleTaken(handle, exceptUserId)) throw new HandleTaken();
  if ((await checkWatchedWords(handle)).blockedBy) throw new HandleNotAllowed();
}

/** The account for a handle and password, or null; takes as long for an unknown handle as a wrong password. */
export async function verifyCredentials(
  handle: string,
  password: string,
): Promise<{ id: number; mustChangePassword: boolean } | null> {
  const user = await prisma().user.findUnique({
    where: { handleKey: handleKey(handle) },
    select: { id: true, passwordHash: true, mustChangePassword: true },
  });
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password))
    ? { id: user.id, mustChangePassword: user.mustChangePassword }
    : null;
}

/**
 * Uses one recovery code to set a new password, and signs the account out everywhere.
 * Returns false (and changes nothing) when the handle or code is wrong or already used.
 */
export async function recoverWithCode(
  handle: string,
  code: string,
  newPassword: string,
): Promise<{ userId: number } | null> {
  // Every step is taken whether or not the handle exists (the argon2 hash is most of the time),
  // so how long the answer takes does not say whether someone has an account under that name.
  const [user, passwordHash] = await Promise.all([
    prisma().user.findUnique({ where: { handleKey: handleKey(handle) }, select: { id: true } }),
    hashPassword(newPassword),
  ]);
  const codeHash = hashRecoveryCode(code);
  return transaction(async (tx) => {
    // The WHERE on used_at makes a code single-use even when two requests race. No account has
    // id 0, so for an unknown handle this looks for a code and finds none, like a wrong code.
    const used = await tx.recoveryCode.updateMany({
      where: { userId: user?.id ?? 0, codeHash, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (!user || used.count !== 1) return null;
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    return { userId: user.id };
  });
}

export async function regenerateRecoveryCodes(userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await transaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  });
  return codes;
}

export async function unusedRecoveryCodeCount(userId: number): Promise<number> {
  return prisma().recoveryCode.count({ where: { userId, usedAt: null } });
}

export async function changePassword(
  userId: number,
  currentPassword: string,
  newPassword: string,
  keepSessionId: string,
) {
  const user = await prisma().user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) return false;
  await prisma().user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), mustChangePassword: false },
  });
  // Anyone else signed in with the old password is signed out.
  await invalidateUserSessions(userId, keepSessionId);
  return true;
}

export async function changeHandle(userId: number, handle: string): Promise<void> {
  try {
    await prisma().user.update({
      where: { id: userId },
      data: { handle: handle.trim(), handleKey: handleKey(handle) },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new HandleTaken();
    throw error;
  }
}

export async function changePerspective(userId: number, perspective: Perspective): Promise<void> {
  await prisma().user.update({ where: { id: userId }, data: { perspective } });
}

/** Counts a day of activity at most once a day: enough for trust levels, too coarse to track anyone. */
export async function recordActiveDay(userId: number, today = new Date()): Promise<void> {
  const day = new Date(today.toISOString().slice(0, 10));
  await prisma().user.updateMany({
    where: { id: userId, OR: [{ lastActiveOn: null }, { lastActiveOn: { lt: day } }] },
    data: { lastActiveOn: day, daysActive: { increment: 1 } },
  });
}

/** Everything a person wrote or gave, for "download my data". */
export async function exportAccountData(userId: number) {
  const user = await prisma().user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      handle: true,
      role: true,
      perspective: true,
      trustLevel: true,
      createdAt: true,
      posts: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          kind: true,
          title: true,
          bodyMarkdown: true,
          status: true,
          displayMode: true,
          areaCode: true,
          createdAt: true,
          publishedAt: true,
          tags: { select: { tag: { select: { slug: true } } } },
          revisions: {
            orderBy: { id: "asc" },
            select: { title: true, bodyMarkdown: true, createdAt: true, reason: true },
          },
          // Whether the member let each collection include this story (docs/collections.md).
          collectionItems: {
            orderBy: { collectionId: "asc" },
            select: { consent: true, collection: { select: { slug: true, title: true } } },
          },
        },
      },
      comments: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          postId: true,
          parentId: true,
          bodyMarkdown: true,
          status: true,
          displayMode: true,
          createdAt: true,
        },
      },
      reports: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          postId: true,
          areaCode: true,
          quarterStart: true,
          perspective: true,
          supportArrangement: true,
          clientGroup: true,
          planLead: true,
          budgetChange: true,
          ease: true,
          weeksToSupport: true,
          budgetCoverage: true,
          hourlyRatePence: true,
          paidHoursPerWeek: true,
          unpaidHoursPerWeek: true,
          comment: true,
          createdAt: true,
          outcomes: { select: { domain: true, rating: true } },
        },
      },
      flags: {
        orderBy: { id: "asc" },
        select: { postId: true, commentId: true, reason: true, note: true, createdAt: true },
      },
      // Private marks: shown to others only as counts, but theirs to download.
      reactions: { orderBy: { postId: "asc" }, select: { postId: true } },
      helpfulMarks: { orderBy: { commentId: "asc" }, select: { commentId: true } },
      researcherRequests: {
        orderBy: { id: "asc" },
        select: { research: true, organisation: true, dataUse: true, status: true, createdAt: true, decidedAt: true },
      },
      // Drafts are private, but they are the member's own words: "download my data" includes them.
      drafts: {
        orderBy: { updatedAt: "desc" },
        select: { kind: true, postId: true, label: true, fields: true, createdAt: true, updatedAt: true },
      },
    },
  });
  return {
    exportedAt: new Date().toISOString(),
    account: {
      handle: user.handle,
      role: user.role,
      perspective: user.perspective,
      trustLevel: user.trustLevel,
      joined: user.createdAt,
    },
    posts: user.posts.map(({ collectionItems, ...p }) => ({
      ...p,
      tags: p.tags.map((t) => t.tag.slug),
      collections: collectionItems.map((item) => ({ ...item.collection, consent: item.consent })),
    })),
    comments: user.comments,
    experienceReports: user.reports.map((r) => ({
      ...r,
      paidHoursPerWeek: r.paidHoursPerWeek === null ? null : Number(r.paidHoursPerWeek),
      unpaidHoursPerWeek: r.unpaidHoursPerWeek === null ? null : Number(r.unpaidHoursPerWeek),
    })),
    flagsRaised: user.flags,
    experiencedThisToo: user.reactions.map((r) => r.postId),
    repliesThatHelped: user.helpfulMarks.map((m) => m.commentId),
    researcherRoleRequests: user.researcherRequests,
    drafts: user.drafts,
  };
}

/**
 * Deletes an account in one transaction. "delete": their posts, comments and reports go too.
 * "detach": their content stays, shown anonymously, with nothing linking it to anyone.
 */
export async function deleteAccount(userId: number, content: "delete" | "detach"): Promise<void> {
  await transaction(async (tx) => {
    if (content === "delete") {
      await tx.post.deleteMany({ where: { authorId: userId } });
      await tx.comment.deleteMany({ where: { authorId: userId } });
      await tx.experienceReport.deleteMany({ where: { authorId: userId } });
    } else {
      // A handle byline would otherwise fall back to anonymous anyway; make it explicit.
      await tx.post.updateMany({ where: { authorId: userId }, data: { authorId: null, displayMode: "anonymous" } });
      await tx.comment.updateMany({ where: { authorId: userId }, data: { authorId: null, displayMode: "anonymous" } });
      await tx.experienceReport.updateMany({ where: { authorId: userId }, data: { authorId: null } });
    }
    await tx.postRevision.updateMany({ where: { editedById: userId }, data: { editedById: null } });
    await tx.commentRevision.updateMany({ where: { editedById: userId }, data: { editedById: null } });
    await tx.flag.updateMany({ where: { flaggerId: userId }, data: { flaggerId: null } });
    await tx.user.delete({ where: { id: userId } });
  });
}

// ---- Roles (admin) ----

export async function listMembersForAdmin({
  search,
  page,
  perPage,
}: {
  search: string;
  page: number;
  perPage: number;
}) {
  const where = search ? { handleKey: { contains: handleKey(search) } } : {};
  const [members, total] = await Promise.all([
    prisma().user.findMany({
      where,
      orderBy: [{ role: "desc" }, { handleKey: "asc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: { id: true, handle: true, role: true, trustLevel: true, createdAt: true },
    }),
    prisma().user.count({ where }),
  ]);
  return { members, total };
}

/** 403: nobody can lock the site out of administration by demoting themselves. */
export class OwnAdminRole extends Refusal {
  constructor() {
    super("You cannot remove your own admin role. Ask another admin.", 403);
  }
}

/** 404: the member was deleted since the page was shown. */
export class NoSuchMember extends Refusal {
  constructor() {
    super("That member no longer exists.", 404);
  }
}

/** Gives a member a role, logged; refuses an admin's demoting themselves (OwnAdminRole) and a gone member (NoSuchMember). */
export async function setRole(
  actor: { id: number; handle: string },
  userId: number,
  role: Role,
  reason: string | null,
): Promise<{ changed: boolean; handle: string }> {
  return transaction((tx) => changeRole(tx, actor, userId, role, reason));
}

/** setRole's work inside a transaction the caller holds (granting a researcher request does more in it). */
export async function changeRole(
  tx: Parameters<Parameters<typeof transaction>[0]>[0],
  actor: { id: number; handle: string },
  userId: number,
  role: Role,
  reason: string | null,
): Promise<{ changed: boolean; handle: string }> {
  if (userId === actor.id && role !== "admin") throw new OwnAdminRole();
  const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true, handle: true } });
  if (!before) throw new NoSuchMember();
  if (before.role === role) return { changed: false, handle: before.handle };
  await tx.user.update({ where: { id: userId }, data: { role } });
  await recordAction(
    {
      actor,
      action: "role.change",
      targetType: "user",
      targetId: userId,
      reason,
      before: { role: before.role },
      after: { role },
    },
    tx,
  );
  return { changed: true, handle: before.handle };
}

/** Recomputes a member's trust level from what they have done (rules: app/domain/accounts/trust.ts). */
export async function refreshTrustLevel(userId: number): Promise<number> {
  const [user, publishedPosts, publishedComments, upheldFlags, rejectedPosts, rejectedComments] = await Promise.all([
    prisma().user.findUniqueOrThrow({ where: { id: userId }, select: { daysActive: true, trustLevel: true } }),
    prisma().post.count({ where: { authorId: userId, status: "published" } }),
    prisma().comment.count({ where: { authorId: userId, status: "published" } }),
    prisma().flag.count({
      where: { resolution: "upheld", OR: [{ post: { authorId: userId } }, { comment: { authorId: userId } }] },
    }),
    prisma().post.count({ where: { authorId: userId, status: { in: ["rejected", "removed"] } } }),
    prisma().comment.count({ where: { authorId: userId, status: { in: ["rejected", "removed"] } } }),
  ]);
  const level = trustLevelFor({
    publishedPosts,
    publishedComments,
    daysActive: user.daysActive,
    upheldFlags,
    rejectedItems: rejectedPosts + rejectedComments,
  });
  if (level !== user.trustLevel) await prisma().user.update({ where: { id: userId }, data: { trustLevel: level } });
  return level;
}
