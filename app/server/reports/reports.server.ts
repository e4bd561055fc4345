// Every query about experience reports.
import type { ReportAnswers } from "~/domain/reports/wizard";

import { prisma } from "../db/client.server";
import { screenText } from "../posts/write.server";

/** A report as saved: the wizard's answers and the council they are about. */
export type ReportToSave = ReportAnswers & { areaCode: string };

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
      comment: report.comment,
      commentStatus: report.comment ? "pending" : null,
      submissionKey,
      outcomes: {
        create: Object.entries(report.outcomes).map(([domain, rating]) => ({ domain, rating: rating as never })),
      },
    },
    select: { id: true },
  });
  return { id: created.id, duplicate: false };
}
