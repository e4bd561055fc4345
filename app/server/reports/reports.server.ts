// Every query about experience reports.
import type { ReportAnswers } from "~/domain/reports/wizard";

import { prisma, transaction } from "../db/client.server";
import { screenText } from "../posts/write.server";

/** A report as saved: the wizard's answers and the council they are about. */
export type ReportToSave = ReportAnswers & { areaCode: string };

/** A report's answers as its row's columns, its ratings included (new reports and changed ones alike). */
function columnsOf(report: ReportToSave) {
  return {
    areaCode: report.areaCode,
    quarterStart: new Date(`${report.quarterStart}T00:00:00Z`),
    perspective: report.perspective as never,
    supportArrangement: report.supportArrangement as never,
    clientGroup: report.clientGroup as never,
    planLead: report.planLead as never,
    budgetChange: report.budgetChange as never,
    ease: report.ease as never,
    weeksToSupport: report.weeksToSupport,
    budgetCoverage: report.budgetCoverage as never,
    hourlyRatePence: report.hourlyRatePence,
    paidHoursPerWeek: report.paidHoursPerWeek,
    unpaidHoursPerWeek: report.unpaidHoursPerWeek,
    outcomes: {
      create: Object.entries(report.outcomes).map(([domain, rating]) => ({ domain, rating: rating as never })),
    },
  };
}

/** The author's own stories, to attach a report to. */
export async function listOwnStories(authorId: number) {
  return prisma().post.findMany({
    where: { authorId, kind: "story", status: { in: ["published", "pending"] } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, title: true },
  });
}

/**
 * Saves a report once per submission key. The numbers count at once; free text waits for a
 * moderator whatever the author's trust level (docs/architecture.md, "Moderation").
 */
export async function createReport(
  authorId: number,
  report: ReportToSave,
  submissionKey: string,
): Promise<{ id: number; duplicate: boolean }> {
  const existing = await prisma().experienceReport.findUnique({
    where: { submissionKey },
    select: { id: true, authorId: true },
  });
  if (existing && existing.authorId === authorId) return { id: existing.id, duplicate: true };
  if (report.comment) {
    // Report comments always wait for a moderator; watched words may still refuse or replace.
    const screened = await screenText([report.comment]);
    report = { ...report, comment: screened.texts[0] ?? report.comment };
  }
  if (report.postId !== null) {
    const own = await prisma().post.findFirst({ where: { id: report.postId, authorId }, select: { id: true } });
    if (!own) report = { ...report, postId: null };
  }
  const created = await prisma().experienceReport.create({
    data: {
      authorId,
      postId: report.postId,
      ...columnsOf(report),
      comment: report.comment,
      commentStatus: report.comment ? "pending" : null,
      submissionKey,
    },
    select: { id: true },
  });
  return { id: created.id, duplicate: false };
}

// ---- A member's own reports: listed, changed and withdrawn (docs/experience-reports.md) ----

/** One of the member's reports as /reports lists it: the council, the quarter, the month it was sent. */
export interface OwnReport {
  id: number;
  council: string;
  areaCode: string;
  quarterStart: string;
  createdAt: Date;
  commentStatus: string | null;
}

/** The member's own reports, newest first. Only ever asked for the signed-in member's own id. */
export async function listOwnReports(authorId: number): Promise<OwnReport[]> {
  const rows = await prisma().experienceReport.findMany({
    where: { authorId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      id: true,
      areaCode: true,
      quarterStart: true,
      createdAt: true,
      commentStatus: true,
      area: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    council: row.area.name,
    areaCode: row.areaCode,
    quarterStart: row.quarterStart.toISOString().slice(0, 10),
    createdAt: row.createdAt,
    commentStatus: row.commentStatus,
  }));
}

/** One of the member's own reports with its answers, to change it; null when it is not theirs (or gone). */
export async function getOwnReport(authorId: number, id: number) {
  const row = await prisma().experienceReport.findFirst({
    where: { id, authorId },
    include: { outcomes: true, area: { select: { name: true } } },
  });
  if (!row) return null;
  const hours = (value: { toNumber(): number } | null) => (value === null ? null : value.toNumber());
  return {
    id: row.id,
    council: row.area.name,
    areaCode: row.areaCode,
    quarterStart: row.quarterStart.toISOString().slice(0, 10),
    postId: row.postId,
    perspective: row.perspective,
    supportArrangement: row.supportArrangement,
    clientGroup: row.clientGroup,
    planLead: row.planLead,
    budgetChange: row.budgetChange,
    ease: row.ease,
    weeksToSupport: row.weeksToSupport,
    budgetCoverage: row.budgetCoverage,
    hourlyRatePence: row.hourlyRatePence,
    paidHoursPerWeek: hours(row.paidHoursPerWeek),
    unpaidHoursPerWeek: hours(row.unpaidHoursPerWeek),
    outcomes: Object.fromEntries(row.outcomes.map((o) => [o.domain, o.rating as string])),
    comment: row.comment,
  };
}

/**
 * Withdraws one of the member's reports: it is deleted, and the summary's delete trigger takes
 * its answers out of every figure at once (decision 015). False when it is not theirs or gone.
 */
export async function withdrawReport(authorId: number, id: number): Promise<boolean> {
  const { count } = await prisma().experienceReport.deleteMany({ where: { id, authorId } });
  return count === 1;
}

/**
 * Changes one of the member's reports to these answers. The summary's triggers keep figures for
 * inserts and deletes, so a change is both, in one transaction: the old row is deleted (its facts
 * leave the summary at once) and the new answers are inserted under the same id, record key, month
 * sent and submission key (their facts join the summary at commit). Keeping the record key means
 * every figure the change does not touch keeps its cell key, and so its published value. A changed
 * comment waits for a moderator again. Null when the report is not theirs (or gone).
 */
export async function changeReport(authorId: number, id: number, report: ReportToSave): Promise<{ id: number } | null> {
  const postId =
    report.postId === null
      ? null
      : ((await prisma().post.findFirst({ where: { id: report.postId, authorId }, select: { id: true } }))?.id ?? null);
  const existing = await prisma().experienceReport.findFirst({
    where: { id, authorId },
    select: { comment: true, commentStatus: true },
  });
  if (!existing) return null;
  const sameComment = (existing.comment ?? null) === report.comment;
  const comment =
    report.comment && !sameComment ? ((await screenText([report.comment])).texts[0] ?? null) : report.comment;
  return transaction(async (tx) => {
    const old = await tx.experienceReport.findFirst({
      where: { id, authorId },
      select: { recordKey: true, createdAt: true, submissionKey: true },
    });
    if (!old) return null;
    await tx.experienceReport.delete({ where: { id } });
    await tx.experienceReport.create({
      data: {
        id,
        authorId,
        postId,
        ...columnsOf(report),
        comment,
        commentStatus: comment ? (sameComment ? existing.commentStatus : "pending") : null,
        submissionKey: old.submissionKey,
        recordKey: old.recordKey,
        createdAt: old.createdAt,
      },
    });
    return { id };
  });
}
