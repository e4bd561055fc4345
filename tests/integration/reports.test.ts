import { describe, expect, it } from "vitest";

import { send, signUp, stripComments } from "../support/remix";
import { carried, fullReport } from "../support/reports";
import { sql } from "../support/sql";

async function walk(cookie: string, pages: Record<string, string>[]) {
  let html = await (await send("/reports/new", { cookie })).text().then(stripComments);
  let state = carried(html);
  let last: Response | undefined;
  for (const fields of pages) {
    last = await send("/reports/new", {
      form: { ...fields, answers: state.answers, submissionKey: state.submissionKey, step: state.step },
      cookie,
    });
    if (last.status === 302) return { response: last, html: "", state };
    html = await last.text().then(stripComments);
    state = carried(html);
  }
  return { response: last, html, state };
}

describe("experience reports", () => {
  it("walk one topic per page to a check-your-answers page and save once", async () => {
    const { handle, cookie } = await signUp();
    const pages = fullReport();
    const beforeSubmit = await walk(cookie, pages.slice(0, -1));
    expect(beforeSubmit.html).toContain("Check your answers before sending");
    expect(beforeSubmit.html).toContain("Hartlepool");
    expect(beforeSubmit.html).toContain("£13.50");

    const sendCheckedAnswers = () =>
      send("/reports/new", {
        form: {
          intent: "submit",
          answers: beforeSubmit.state.answers,
          submissionKey: beforeSubmit.state.submissionKey,
          step: "check",
        },
        cookie,
      });
    const submit = await sendCheckedAnswers();
    expect(submit.status).toBe(302);
    // The same form sent again (a refresh after POST) saves nothing new.
    await sendCheckedAnswers();
    const rows = await sql<{
      area_code: string;
      hourly_rate_pence: number;
      paid_hours_per_week: string;
      outcomes: number;
      comment_status: string | null;
    }>(
      `SELECT r.area_code, r.hourly_rate_pence, r.paid_hours_per_week, r.comment_status,
              (SELECT count(*)::int FROM report_outcome o WHERE o.report_id = r.id) AS outcomes
       FROM experience_report r JOIN "user" u ON u.id = r.author_id WHERE u.handle_key = lower($1)`,
      [handle],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      area_code: "E06000001",
      hourly_rate_pence: 1350,
      paid_hours_per_week: "20.0",
      outcomes: 12,
      comment_status: null,
    });
  });

  it("refuses out-of-range values with clear messages, keeping the answers", async () => {
    const { cookie } = await signUp();
    const pages = fullReport({ money: { hourlyRate: "2", paidHours: "200", unpaidHours: "lots" } }).slice(0, 5);
    const { response, html } = await walk(cookie, pages);
    expect(response?.status).toBe(400);
    expect(html).toContain("The hourly rate must be between £5 and £100");
    expect(html).toContain("Hours of paid support must be between 0 and 168 hours a week");
    expect(html).toContain("Hours of unpaid care must be a number");
    expect(html).toContain('value="200"');
  });

  it("refuses a quarter in the future and an unknown council", async () => {
    const { cookie } = await signUp();
    const future = `${new Date().getUTCFullYear() + 1}-Q1`;
    const { response, html } = await walk(cookie, [{ council: "Atlantis", quarter: future }]);
    expect(response?.status).toBe(400);
    expect(html).toContain("The quarter cannot be in the future");
    expect(html).toContain("Choose a council from the list");
  });

  it("asks every outcome, carers' own too, and accepts 'not relevant'", async () => {
    const { cookie } = await signUp();
    const pages = fullReport({ who: { perspective: "carer", clientGroup: "dementia" } }).slice(0, 6);
    const { response, html } = await walk(cookie, pages);
    expect(response?.status).toBe(400);
    expect(html).toContain("Choose how “Staying well” has changed");
  });

  it("hold a free-text comment for moderation and offer to redact identifying details first", async () => {
    const { handle, cookie } = await signUp();
    const pages = fullReport({ comment: { comment: "Our social worker Mrs Okafor was brilliant." } });
    const atComment = await walk(cookie, pages.slice(0, 7));
    expect(atComment.html).toContain("may contain something that could identify someone");
    const redacted = await send("/reports/new", {
      form: {
        intent: "redact:0",
        comment: "Our social worker Mrs Okafor was brilliant.",
        postId: "",
        answers: atComment.state.answers,
        submissionKey: atComment.state.submissionKey,
        step: "comment",
      },
      cookie,
    });
    const html = await redacted.text().then(stripComments);
    expect(html).toContain("Check your answers");
    expect(html).toContain("Our social worker [name] was brilliant.");
    const state = carried(html);
    await send("/reports/new", {
      form: { intent: "submit", answers: state.answers, submissionKey: state.submissionKey, step: "check" },
      cookie,
    });
    const [row] = await sql<{ comment: string; comment_status: string }>(
      `SELECT r.comment, r.comment_status FROM experience_report r JOIN "user" u ON u.id = r.author_id WHERE u.handle_key = lower($1)`,
      [handle],
    );
    expect(row).toEqual({ comment: "Our social worker [name] was brilliant.", comment_status: "pending" });
  });
});
