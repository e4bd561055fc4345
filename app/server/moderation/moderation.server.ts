// Every query behind the review queue and moderators' decisions.
import { type Actor, can } from "~/domain/accounts/permissions";
import { renderMarkdown } from "~/domain/markdown/render";
import {
  type Decision,
  flagOutcome,
  isReportCommentDecision,
  type QueueItem,
  shouldHide,
  silencedUntil,
  statusAfter,
  statusBefore,
} from "~/domain/moderation/queue";
import { Refusal } from "~/domain/forms";

import { refreshTrustLevel } from "../accounts/accounts.server";
import { recordAction } from "./audit.server";
import { isUniqueViolation, prisma, transaction } from "../db/client.server";
import { Prisma } from "../db/generated/client";
import { notify, notifyModerators } from "../notifications/notifications.server";
import { replyAddress } from "../posts/read.server";
import { REVISED_FIELDS, revisionOf } from "../posts/write.server";
import { tellThreadOfReply } from "../following/following.server";

/** 409: a conflict with another moderator's decision. */
export class AlreadyHandled extends Refusal {
  constructor() {
    super("Another moderator has already dealt with this item. The queue has been refreshed.", 409);
  }
}

/** 400: an experience report's comment is only approved, rejected or sent back. */
export class NotForReportComments extends Refusal {
  constructor() {
    super("An experience report's comment can only be approved, rejected or sent back.", 400);
  }
}

/** 403 on every path: you may not moderate what is yours (a 409 is for conflicts, not permission). */
export class OwnContent extends Refusal {
  constructor() {
    super("You cannot moderate your own content. Another moderator will review it.", 403);
  }
}

/**
 * Records a decision on a pending item. The version (or pending status) in the WHERE clause means
 * two moderators acting at once cannot both succeed: the second is told it was already handled.
 */
export async function decide(
  moderator: { id: number; handle: string },
  target: { kind: QueueItem["kind"]; id: number; version: number },
  decision: Decision,
  reason: string | null,
): Promise<void> {
  const status = statusAfter(decision);
  const now = new Date();
  let handledFlaggers: (number | null)[] = [];
  const authorId = await transaction(async (tx) => {
    if (target.kind === "report_comment") {
      if (!isReportCommentDecision(decision)) throw new NotForReportComments();
      const report = await tx.experienceReport.findUnique({
        where: { id: target.id },
        select: { authorId: true, comment: true },
      });
      if (report?.authorId === moderator.id) throw new OwnContent();
      const { count } = await tx.experienceReport.updateMany({
        where: { id: target.id, commentStatus: "pending" },
        data: { commentStatus: status },
      });
      if (count !== 1) throw new AlreadyHandled();
      await recordAction(
        { actor: moderator, action: `report_comment.${decision}`, targetType: "report", targetId: target.id, reason },
        tx,
      );
      return report?.authorId ?? null;
    }
    const current =
      target.kind === "post"
        ? await tx.post.findUnique({ where: { id: target.id }, select: { authorId: true, status: true } })
        : await tx.comment.findUnique({ where: { id: target.id }, select: { authorId: true, status: true } });
    if (!current) throw new AlreadyHandled();
    if (current.authorId === moderator.id) throw new OwnContent();
    const where = { id: target.id, version: target.version, status: statusBefore(decision) };
    const data = {
      status,
      version: { increment: 1 },
      ...(decision === "dismiss_flags" ? {} : { moderationNote: reason }),
      ...(decision === "approve" ? { publishedAt: now } : {}),
    };
    const { count } =
      target.kind === "post" ? await tx.post.updateMany({ where, data }) : await tx.comment.updateMany({ where, data });
    if (count !== 1) throw new AlreadyHandled();
    const flagWhere = {
      resolvedAt: null,
      ...(target.kind === "post" ? { postId: target.id } : { commentId: target.id }),
    };
    const flaggers = await tx.flag.findMany({ where: flagWhere, select: { flaggerId: true } });
    await tx.flag.updateMany({
      where: flagWhere,
      data: { resolvedAt: now, resolvedById: moderator.id, resolution: flagOutcome(decision) },
    });
    await recordAction(
      {
        actor: moderator,
        action: `${target.kind}.${decision}`,
        targetType: target.kind,
        targetId: target.id,
        reason,
        before: { status: current.status },
        after: { status },
      },
      tx,
    );
    handledFlaggers = flaggers.map((f) => f.flaggerId);
    return current.authorId;
  });
  const about = await describeTarget(target);
  if (handledFlaggers.length > 0) {
    // Named, and linked while there is still something to see there.
    const still = status === "published";
    await notify(
      handledFlaggers,
      "flag.handled",
      (about.title
        ? `Thank you: a moderator has looked at the ${target.kind === "post" ? "post" : "reply to"} “${about.title}” you reported and dealt with it.`
        : "Thank you: a moderator has looked at something you reported and dealt with it."
      ).slice(0, 500),
      still ? about.link : null,
      undefined,
      still ? about.postId : null,
    );
  }
  if (authorId !== null && decision !== "dismiss_flags") {
    await refreshTrustLevel(authorId);
    const what =
      target.kind === "post"
        ? `Your post “${about.title}”`
        : target.kind === "comment"
          ? `Your reply to “${about.title}”`
          : "The comment on your experience report";
    const message =
      decision === "approve"
        ? `${what} has been approved and published.`
        : decision === "restore"
          ? `${what} has been restored by a moderator.`
          : decision === "reject"
            ? `${what} was not published. The moderator's reason: ${reason ?? ""}`
            : decision === "remove"
              ? `${what} was removed by a moderator. The moderator's reason: ${reason ?? ""}`
              : `${what} needs some changes before it can be published. The moderator's reason: ${reason ?? ""}`;
    // A rejected or removed item is not there to see; its author is pointed at the post it was on.
    const link = decision === "approve" || decision === "restore" ? about.link : about.postLink;
    await notify([authorId], `${target.kind}.${decision}`, message.slice(0, 500), link, undefined, about.postId);
  }
  // A reply now published is news for the thread, as a reply published at once is.
  if (decision === "approve" && target.kind === "comment") await tellThreadOfReply(target.id);
}

/**
 * One decision on several items, each as decide() would make it: an item another moderator has
 * already dealt with, one no longer waiting, or the moderator's own, is counted and left alone.
 */
export async function decideMany(
  moderator: { id: number; handle: string },
  targets: { kind: QueueItem["kind"]; id: number; version: number }[],
  decision: Decision,
  reason: string | null,
): Promise<{ handled: number; notHandled: number }> {
  let handled = 0;
  for (const target of targets) {
    try {
      await decide(moderator, target, decision, reason);
      handled += 1;
    } catch (error) {
      if (!(error instanceof AlreadyHandled || error instanceof OwnContent)) throw error;
    }
  }
  return { handled, notHandled: targets.length - handled };
}

/** The post an item belongs to, for notifications that name it and link to it. */
async function describeTarget(target: {
  kind: QueueItem["kind"];
  id: number;
}): Promise<{ title: string; link: string | null; postLink: string | null; postId: number | null }> {
  if (target.kind === "post") {
    const post = await prisma().post.findUnique({ where: { id: target.id }, select: { title: true } });
    return {
      title: post?.title ?? "",
      link: `/stories/${target.id}`,
      postLink: `/stories/${target.id}`,
      postId: post ? target.id : null,
    };
  }
  if (target.kind === "comment") {
    const comment = await prisma().comment.findUnique({
      where: { id: target.id },
      select: { postId: true, post: { select: { title: true } } },
    });
    if (!comment) return { title: "", link: null, postLink: null, postId: null };
    return {
      title: comment.post.title,
      link: await replyAddress(comment.postId, target.id),
      postLink: `/stories/${comment.postId}`,
      postId: comment.postId,
    };
  }
  return { title: "", link: null, postLink: null, postId: null };
}

/** 409: one report per member per item. */
export class AlreadyFlagged extends Refusal {
  constructor() {
    super("You have already reported this. A moderator will look at it.", 409);
  }
}

/**
 * A member's report of a post or reply. Content is hidden at once (back to pending) when the rule
 * in app/domain/moderation/queue.ts says so; a safeguarding concern alerts every moderator.
 */
export async function flagContent(
  flagger: { id: number; role: string; trustLevel: number },
  target: { kind: "post" | "comment"; id: number },
  reason: "personal_information" | "safeguarding" | "abuse" | "spam" | "other",
  note: string | null,
): Promise<{ hidden: boolean; postId: number; authorId: number | null }> {
  const item =
    target.kind === "post"
      ? await prisma().post.findFirst({
          where: { id: target.id, status: "published" },
          select: { id: true, authorId: true },
        })
      : await prisma().comment.findFirst({
          where: { id: target.id, status: "published" },
          select: { postId: true, authorId: true },
        });
  if (!item) throw new AlreadyHandled();
  const postId = "postId" in item ? item.postId : item.id;
  try {
    await prisma().flag.create({
      data: {
        flaggerId: flagger.id,
        reason,
        note,
        ...(target.kind === "post" ? { postId: target.id } : { commentId: target.id }),
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AlreadyFlagged();
    throw error;
  }
  const open = await prisma().flag.findMany({
    where: { resolvedAt: null, ...(target.kind === "post" ? { postId: target.id } : { commentId: target.id }) },
    select: { flagger: { select: { trustLevel: true, role: true } } },
  });
  const hidden = shouldHide(
    open.map((f) => ({
      flaggerTrustLevel: f.flagger?.trustLevel ?? 0,
      flaggerIsModerator: f.flagger?.role === "moderator" || f.flagger?.role === "admin",
    })),
  );
  if (hidden) {
    const where = { id: target.id, status: "published" as const };
    const data = { status: "pending" as const, version: { increment: 1 } };
    const { count } =
      target.kind === "post"
        ? await prisma().post.updateMany({ where, data })
        : await prisma().comment.updateMany({ where, data });
    if (count === 1) {
      await recordAction({
        actor: { id: null, handle: "(flags)" },
        action: `${target.kind}.hide`,
        targetType: target.kind,
        targetId: target.id,
        reason: "Hidden by flags, pending review",
      });
    }
  }
  const link = "/moderation";
  // Every notification names what it is about; the reporter is never named to anyone.
  const { title } = await describeTarget(target);
  const what = target.kind === "post" ? `the post “${title}”` : `a reply to “${title}”`;
  if (reason === "safeguarding") {
    await notifyModerators(
      "safeguarding",
      `Safeguarding concern reported on ${what}: it is at the top of the queue.`.slice(0, 500),
      link,
    );
    await notify(
      [item.authorId],
      "safeguarding.help",
      `Someone reading your ${target.kind === "post" ? "post" : "reply to"} “${title}” is worried about your safety. Here is where to get help if you need it.`.slice(
        0,
        500,
      ),
      "/help/safeguarding",
    );
  } else {
    await notifyModerators(
      "flag",
      `${what.charAt(0).toUpperCase()}${what.slice(1)} was reported (${reason.replace("_", " ")}).`.slice(0, 500),
      link,
      flagger.id,
    );
  }
  return { hidden, postId, authorId: item.authorId };
}

/** 403: the role hierarchy (decision 026). */
export class NotAllowed extends Refusal {
  constructor() {
    super(
      "You cannot do that to this person. Moderators act on members, admins on moderators, and nobody on themselves.",
      403,
    );
  }
}

/** 409: the silence already ended. */
export class NotSilenced extends Refusal {
  constructor() {
    super("This member's posting is not paused: the silence has ended or was already lifted.", 409);
  }
}

type Moderator = Actor & { handle: string };

/** The person acted on, after checking the moderator is senior to them (app/domain/accounts/permissions.ts). */
async function personFor(moderator: Moderator, action: "member:silence" | "member:unsilence", userId: number) {
  const person = await prisma().user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, silencedUntil: true },
  });
  if (!person) throw new AlreadyHandled();
  if (!can(moderator, action, { member: person })) throw new NotAllowed();
  return person;
}

/** Pauses a member's posting for some days, with a reason that goes in the audit log and to the member. */
export async function silenceMember(moderator: Moderator, userId: number, days: number, reason: string) {
  const until = silencedUntil(days);
  await changeSilence(moderator, userId, reason, {
    action: "user.silence",
    permission: "member:silence",
    until,
    after: { silencedUntil: until.toISOString(), days },
    refusal: AlreadyHandled,
    message: `A moderator has paused your posting for ${days} ${days === 1 ? "day" : "days"}. You can still read.`,
  });
  return until;
}

/** Ends a silence early, with a reason that goes in the audit log and to the member. */
export async function liftSilence(moderator: Moderator, userId: number, reason: string, now = new Date()) {
  await changeSilence(moderator, userId, reason, {
    action: "user.unsilence",
    permission: "member:unsilence",
    until: null,
    after: { silencedUntil: null },
    stillSilencedAt: now,
    refusal: NotSilenced,
    message: "A moderator has lifted the pause on your posting early: you can post again.",
  });
}

/**
 * Sets or clears a member's silence in one transaction with its audit row, then tells the member.
 * The role checked is in the WHERE: a promotion in between cannot slip past the check.
 */
async function changeSilence(
  moderator: Moderator,
  userId: number,
  reason: string,
  change: {
    action: "user.silence" | "user.unsilence";
    permission: "member:silence" | "member:unsilence";
    until: Date | null;
    after: { silencedUntil: string | null; days?: number };
    /** Only a member still silenced at this time may be changed (lifting). */
    stillSilencedAt?: Date;
    refusal: new () => Refusal;
    message: string;
  },
) {
  const person = await personFor(moderator, change.permission, userId);
  await transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: {
        id: userId,
        role: person.role,
        ...(change.stillSilencedAt ? { silencedUntil: { gt: change.stillSilencedAt } } : {}),
      },
      data: { silencedUntil: change.until },
    });
    if (count !== 1) throw new change.refusal();
    await recordAction(
      {
        actor: moderator,
        action: change.action,
        targetType: "user",
        targetId: userId,
        reason,
        ...(change.stillSilencedAt ? { before: { silencedUntil: person.silencedUntil?.toISOString() ?? null } } : {}),
        after: change.after,
      },
      tx,
    );
  });
  await notify([userId], change.action, `${change.message} The moderator wrote: ${reason}`.slice(0, 500), null);
}

/** Members whose posting is paused now, soonest to end first. */
export async function listSilencedMembers(now = new Date()) {
  return prisma().user.findMany({
    where: { silencedUntil: { gt: now } },
    orderBy: [{ silencedUntil: "asc" }, { id: "asc" }],
    take: 100,
    select: { id: true, handle: true, role: true, silencedUntil: true },
  });
}

/** What a moderator's edit-and-approve writes to a post or a reply: the new text, published, with the note. */
function editedAndPublished(
  body: string,
  reason: string,
  kept: Prisma.InputJsonValue | typeof Prisma.DbNull,
  now: Date,
) {
  const rendered = renderMarkdown(body);
  return {
    fields: {
      bodyMarkdown: body,
      bodyHtml: rendered.html,
      status: "published" as const,
      publishedAt: now,
      moderationNote: reason,
      keptFindings: kept,
      version: { increment: 1 },
    },
    text: rendered.text,
  };
}
/**
 * Edit and approve: the moderator's version replaces the author's (kept as a revision), the
 * change is logged with before and after, and the author is told what changed and why.
 */
export async function editAndApprove(
  moderator: { id: number; handle: string },
  target: { kind: "post" | "comment"; id: number; version: number },
  edited: { title: string | null; body: string; keptFindings: unknown[] },
  reason: string,
) {
  // The details still in the edited text, which the moderator saw and kept (an empty list clears them).
  const kept = edited.keptFindings.length ? (edited.keptFindings as never) : Prisma.DbNull;
  const now = new Date();
  const authorId = await transaction(async (tx) => {
    if (target.kind === "post") {
      const current = await tx.post.findUnique({
        where: { id: target.id },
        select: { ...REVISED_FIELDS, authorId: true },
      });
      if (!current) throw new AlreadyHandled();
      if (current.authorId === moderator.id) throw new OwnContent();
      const { fields, text } = editedAndPublished(edited.body, reason, kept, now);
      const { count } = await tx.post.updateMany({
        where: { id: target.id, version: target.version, status: "pending" },
        data: { ...fields, title: edited.title ?? current.title, bodyText: text },
      });
      if (count !== 1) throw new AlreadyHandled();
      // The place and byline are unchanged by a moderator's edit, but every revision records them.
      await tx.postRevision.create({ data: revisionOf(target.id, current, moderator.id, `Moderator: ${reason}`) });
      await recordAction(
        {
          actor: moderator,
          action: "post.edit_approve",
          targetType: "post",
          targetId: target.id,
          reason,
          before: { title: current.title, body: current.bodyMarkdown },
          after: { title: edited.title ?? current.title, body: edited.body },
        },
        tx,
      );
      return current.authorId;
    }
    const current = await tx.comment.findUnique({
      where: { id: target.id },
      select: { bodyMarkdown: true, authorId: true },
    });
    if (!current) throw new AlreadyHandled();
    if (current.authorId === moderator.id) throw new OwnContent();
    const { count } = await tx.comment.updateMany({
      where: { id: target.id, version: target.version, status: "pending" },
      data: editedAndPublished(edited.body, reason, kept, now).fields,
    });
    if (count !== 1) throw new AlreadyHandled();
    await tx.commentRevision.create({
      data: {
        commentId: target.id,
        bodyMarkdown: current.bodyMarkdown,
        editedById: moderator.id,
        reason: `Moderator: ${reason}`,
      },
    });
    await recordAction(
      {
        actor: moderator,
        action: "comment.edit_approve",
        targetType: "comment",
        targetId: target.id,
        reason,
        before: { body: current.bodyMarkdown },
        after: { body: edited.body },
      },
      tx,
    );
    return current.authorId;
  });
  const about = await describeTarget(target);
  if (authorId !== null) {
    await refreshTrustLevel(authorId);
    await notify(
      [authorId],
      `${target.kind}.edit_approve`,
      `A moderator edited your ${target.kind === "post" ? "post" : "reply to"} “${about.title}” and published it. They wrote: ${reason}`.slice(
        0,
        500,
      ),
      about.link,
      undefined,
      about.postId,
    );
  }
  if (target.kind === "comment") await tellThreadOfReply(target.id);
}

export async function getPendingForEditing(kind: "post" | "comment", id: number) {
  if (kind === "post") {
    const post = await prisma().post.findFirst({
      where: { id, status: "pending" },
      select: { id: true, title: true, bodyMarkdown: true, version: true, authorId: true },
    });
    return post
      ? {
          kind,
          id: post.id,
          title: post.title as string | null,
          body: post.bodyMarkdown,
          version: post.version,
          authorId: post.authorId,
        }
      : null;
  }
  const comment = await prisma().comment.findFirst({
    where: { id, status: "pending" },
    select: { id: true, bodyMarkdown: true, version: true, authorId: true },
  });
  return comment
    ? {
        kind,
        id: comment.id,
        title: null as string | null,
        body: comment.bodyMarkdown,
        version: comment.version,
        authorId: comment.authorId,
      }
    : null;
}
