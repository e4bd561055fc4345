// Members asking for the researcher role, and admins deciding (docs/outcomes-search-api.md#asking-for-the-researcher-role).
// A request is private: its author sees their own, admins see the open ones; it never reaches a
// public page, the API or a download.
import { Refusal } from "~/domain/forms";
import {
  decisionNotice,
  type ResearcherDecision,
  type ResearcherRequestInput,
} from "~/domain/accounts/researcher-requests";

import { isUniqueViolation, prisma, transaction } from "../db/client.server";
import { notify } from "../notifications/notifications.server";
import { changeRole } from "./accounts.server";

/** 409: a member already has a request waiting. */
export class RequestAlreadyOpen extends Refusal {
  constructor() {
    super(
      "You have already asked: an admin will look at your request soon. You will be told here when they have.",
      409,
    );
  }
}

/** The member's latest request, open or decided, if any. */
export async function latestResearcherRequest(userId: number) {
  return prisma().researcherRequest.findFirst({
    where: { userId },
    orderBy: { id: "desc" },
    select: { status: true, createdAt: true },
  });
}

/** Records a request; refuses a second one while the first is open (409). */
export async function createResearcherRequest(userId: number, input: ResearcherRequestInput): Promise<void> {
  try {
    await prisma().researcherRequest.create({ data: { userId, openUserId: userId, ...input } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new RequestAlreadyOpen();
    throw error;
  }
  // Admins hear that one waits; the notice names nobody (the request itself is on /admin/roles).
  const admins = await prisma().user.findMany({ where: { role: "admin", id: { not: userId } }, select: { id: true } });
  await notify(
    admins.map((admin) => admin.id),
    "role.researcher.requested",
    "A member has asked for the researcher role.",
    "/admin/roles#researcher-requests",
  );
}

/** The open requests, oldest first, for /admin/roles. */
export async function listOpenResearcherRequests() {
  return prisma().researcherRequest.findMany({
    where: { status: "open" },
    orderBy: { id: "asc" },
    take: 100,
    select: {
      id: true,
      research: true,
      organisation: true,
      dataUse: true,
      createdAt: true,
      user: { select: { id: true, handle: true, role: true } },
    },
  });
}

/**
 * Grants (the member becomes a researcher, in the audit log like any role change) or declines a
 * request, and tells the member. A request already decided, or gone with its member, is a 404.
 */
export async function decideResearcherRequest(
  admin: { id: number; handle: string },
  requestId: number,
  decision: ResearcherDecision,
): Promise<{ handle: string }> {
  const handle = await transaction(async (tx) => {
    const request = await tx.researcherRequest.findFirst({
      where: { id: requestId, status: "open" },
      select: { userId: true, user: { select: { handle: true, role: true } } },
    });
    if (!request) throw new Refusal("That request was already decided, or its member has left.", 404);
    await tx.researcherRequest.update({
      where: { id: requestId },
      data: {
        status: decision === "grant" ? "granted" : "declined",
        openUserId: null,
        decidedAt: new Date(),
        decidedById: admin.id,
      },
    });
    // A moderator or admin already has everything a researcher has: granting leaves their role alone.
    if (decision === "grant" && request.user.role === "member")
      await changeRole(tx, admin, request.userId, "researcher", "Asked for the researcher role");
    const notice = decisionNotice(decision);
    await notify([request.userId], notice.kind, notice.message, notice.link, tx);
    return request.user.handle;
  });
  return { handle };
}
