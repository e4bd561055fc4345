// The experience report on GOV.UK patterns (docs/experience-reports.md): question pages, check
// answers, a member's own reports changed and withdrawn, and the published figures following.
import { beforeAll, describe, expect, it } from "vitest";

import { quarterContaining } from "../../app/domain/outcomes/quarters";
import { pageText, send, signUp, stripComments } from "../support/remix";
import { carried, fullReport, insertReports, pageFields, reportAnswers } from "../support/reports";
import { sql } from "../support/sql";

const HARTLEPOOL = "E06000001";
const DARLINGTON = "E06000005";
const THIS_QUARTER = quarterContaining(new Date());

/** Sends pages of the report form in turn, carrying its hidden fields; stops at a redirect or a refusal. */
async function walk(cookie: string, pages: Record<string, string>[], start = "/reports/new") {
  let html = await pageText(start, cookie);
  let state = carried(html);
  let last: Response | undefined;
  for (const fields of pages) {
    const returnTo: Record<string, string> = /name="returnTo" value="check"/.test(html) ? { returnTo: "check" } : {};
    last = await send("/reports/new", {
      form: { ...fields, ...returnTo, answers: state.answers, submissionKey: state.submissionKey, step: state.step },
      cookie,
    });
    if (last.status === 302) return { response: last, html: "", state };
    html = await last.text().then(stripComments);
    state = carried(html);
    if (last.status !== 200) break;
  }
  return { response: last, html, state };
}

/** The id of the report a thanks-page redirect names. */
const reportIdFrom = (response: Response | undefined) =>
  Number(/id=(\d+)/.exec(response?.headers.get("Location") ?? "")?.[1]);

/** What the dashboard publishes about a council (its download: every figure, protected). */
const published = async (code: string) =>
  ((await (await send(`/outcomes/data.json?council=${code}`)).json()) as { views: unknown }).views;

/** The summary as the triggers kept it, and as counting every report again gives it (keys included). */
async function summaryAndRecount() {
  const rows = () =>
    sql(`SELECT level, geo_code, quarter_start::text, plan_lead, perspective, reports,
                (SELECT coalesce(jsonb_object_agg(key, value) FILTER (WHERE value::int <> 0), '{}') FROM jsonb_each(counts)) AS counts,
                (SELECT coalesce(jsonb_object_agg(key, value) FILTER (WHERE (counts ->> key)::int <> 0 OR key = 'reports'), '{}') FROM jsonb_each(keys)) AS keys
         FROM outcome_summary WHERE reports <> 0 ORDER BY 1, 2, 3, 4, 5`);
  const kept = await rows();
  await sql(`SELECT outcome_summary_rebuild()`);
  return { kept, recounted: await rows() };
}

/** Hartlepool's kept counts of "a lot worse" and "a lot better" quality of life this quarter (before protection). */
const qualityOfLifeCounts = () =>
  sql<{ worse: number; better: number }>(
    `SELECT coalesce((counts ->> 'outcome:quality-of-life:a_lot_worse')::int, 0) AS worse, coalesce((counts ->> 'outcome:quality-of-life:a_lot_better')::int, 0) AS better
     FROM outcome_summary WHERE level = 'area' AND geo_code = $1 AND plan_lead = 'all' AND perspective = 'all' AND quarter_start = $2`,
    [HARTLEPOOL, THIS_QUARTER],
  );

beforeAll(async () => {
  // Hartlepool already has 30 reports this quarter, so its figures are shown.
  await insertReports(
    Array.from({ length: 30 }, () => ({
      area: HARTLEPOOL,
      quarter: THIS_QUARTER,
      outcomes: { "quality-of-life": "same", dignity: "a_bit_better" },
    })),
  );
  // Darlington has 4: one more report makes 5.
  await insertReports(Array.from({ length: 4 }, () => ({ area: DARLINGTON, quarter: THIS_QUARTER })));
});

describe("giving an experience report", () => {
  it("asks one question a page to a check-your-answers page, and saves once", async () => {
    const { handle, cookie } = await signUp();
    const pages = fullReport();
    const beforeSubmit = await walk(cookie, pages.slice(0, -1));
    expect(beforeSubmit.html).toContain("Check your answers before sending");
    expect(beforeSubmit.html).toContain("Hartlepool");
    expect(beforeSubmit.html).toContain("£13.50 an hour, 20 hours a week");

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
    expect(rows).toEqual([
      {
        area_code: HARTLEPOOL,
        hourly_rate_pence: 1350,
        paid_hours_per_week: "20.0",
        outcomes: 12,
        comment_status: null,
      },
    ]);

    // The thanks page leads on: the council's figures, a story, the member's reports.
    const thanks = await pageText(submit.headers.get("Location") ?? "", cookie);
    expect(thanks).toContain(`href="/outcomes/${HARTLEPOOL}"`);
    expect(thanks).toContain('href="/stories/new"');
    expect(thanks).toContain('href="/reports"');
  });

  it("skips the budget and pay questions while still waiting, and saves none of them", async () => {
    const { handle, cookie } = await signUp();
    const pages = fullReport({ supportArrangement: "waiting" });
    const { html, state } = await walk(cookie, pages.slice(0, -1));
    expect(html).toContain("Check your answers before sending");
    expect(html).not.toContain("What happened to your budget at the last review?");
    expect(html).not.toContain("an hour");
    await send("/reports/new", { form: { intent: "submit", ...state, step: "check" }, cookie });
    const [row] = await sql(
      `SELECT budget_change, ease, weeks_to_support, budget_coverage, hourly_rate_pence, paid_hours_per_week
       FROM experience_report r JOIN "user" u ON u.id = r.author_id WHERE u.handle_key = lower($1)`,
      [handle],
    );
    expect(row).toEqual({
      budget_change: "no_review",
      ease: null,
      weeks_to_support: null,
      budget_coverage: null,
      hourly_rate_pence: null,
      paid_hours_per_week: null,
    });
  });

  it("refuses out-of-range numbers with clear messages, keeping what was typed", async () => {
    const { cookie } = await signUp();
    const { response, html } = await walk(cookie, fullReport({ hourlyRate: "2", paidHours: "200" }));
    expect(response?.status).toBe(400);
    expect(html).toContain("The hourly rate must be between £5 and £100");
    expect(html).toContain("Hours of paid support must be between 0 and 168 hours a week");
    expect(html).toContain('value="200"');
    expect(html).toMatch(/id="hourlyRate"[^>]*inputmode="decimal"|inputmode="decimal"[^>]*id="hourlyRate"/i);
  });

  it("refuses an unknown council, and a month in the future, linked from the error summary", async () => {
    const { cookie } = await signUp();
    const council = await walk(cookie, [{ council: "Atlantis" }]);
    expect(council.response?.status).toBe(400);
    expect(council.html).toContain('<a href="#council">Choose a council from the list</a>');
    expect(council.html).toContain('value="Atlantis"');

    const year = String(new Date().getUTCFullYear() + 1);
    const period = await walk(cookie, [{ council: "Hartlepool" }, { periodMonth: "3", periodYear: year }]);
    expect(period.response?.status).toBe(400);
    expect(period.html).toContain('<a href="#periodMonth">The month cannot be in the future</a>');
    expect(period.html).toContain(`value="${year}"`);
    expect(period.html).toMatch(/id="periodYear"[^>]*inputmode="numeric"|inputmode="numeric"[^>]*id="periodYear"/i);
  });

  it("holds a comment for moderation and offers to redact identifying details first", async () => {
    const { handle, cookie } = await signUp();
    const comment = "Our social worker Mrs Okafor was brilliant.";
    const pages = fullReport({ comment });
    const atComment = await walk(cookie, pages.slice(0, -1));
    expect(atComment.html).toContain("may contain something that could identify someone");
    const redacted = await send("/reports/new", {
      form: { intent: "redact:0", comment, postId: "", ...atComment.state, step: "comment" },
      cookie,
    });
    const html = await redacted.text().then(stripComments);
    expect(html).toContain("Check your answers");
    expect(html).toContain("Our social worker [name] was brilliant.");
    await send("/reports/new", { form: { intent: "submit", ...carried(html), step: "check" }, cookie });
    const [row] = await sql<{ comment: string; comment_status: string }>(
      `SELECT r.comment, r.comment_status FROM experience_report r JOIN "user" u ON u.id = r.author_id WHERE u.handle_key = lower($1)`,
      [handle],
    );
    expect(row).toEqual({ comment: "Our social worker [name] was brilliant.", comment_status: "pending" });
  });
});

describe("a member's own reports", () => {
  it("change and withdraw move the kept figures, and a withdrawal puts the published ones back exactly", async () => {
    const before = await published(HARTLEPOOL);
    const { cookie } = await signUp();
    const given = await walk(
      cookie,
      fullReport({ "outcome-quality-of-life": "a_lot_worse", "outcome-dignity": "a_lot_worse" }),
    );
    const id = reportIdFrom(given.response);
    expect(id).toBeGreaterThan(0);
    const [{ record_key: key } = { record_key: -1 }] = await sql<{ record_key: number }>(
      `SELECT record_key FROM experience_report WHERE id = $1`,
      [id],
    );
    const afterGiving = await published(HARTLEPOOL);
    // One report is counted in the kept summary at once. Whether the *published* figures move
    // depends on the record keys: the cell-key perturbation may absorb a change of one, which is
    // what it is for, so the test asks the summary, not the dashboard, whether the report counted.
    expect(await qualityOfLifeCounts()).toEqual([{ worse: 1, better: 0 }]);

    // Listed by council and quarter, sent this month, never a day or a time.
    const list = await pageText("/reports", cookie);
    expect(list).toContain("Hartlepool");
    expect(list).toContain(`href="/reports/new?change=${id}"`);

    // Change: check your answers, Change the quality of life, back to check, save the changes.
    const changed = await walk(
      cookie,
      [{ intent: "goto:outcome-quality-of-life" }, { "outcome-quality-of-life": "a_lot_better" }, { intent: "submit" }],
      `/reports/new?change=${id}`,
    );
    expect(changed.response?.status).toBe(302);
    expect(changed.response?.headers.get("Location")).toBe(`/reports/thanks?id=${id}&changed=1`);
    const [row] = await sql<{ record_key: number; ratings: string }>(
      `SELECT record_key, (SELECT string_agg(domain || '=' || rating, ',' ORDER BY domain) FROM report_outcome WHERE report_id = $1 AND domain IN ('quality-of-life', 'dignity')) AS ratings
       FROM experience_report WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ record_key: key, ratings: "dignity=a_lot_worse,quality-of-life=a_lot_better" });
    const afterChange = (await published(HARTLEPOOL)) as { outcomes: { reports: unknown } };
    // The number of reports is the same cell (same count, same key sum), so it shows the same.
    expect(afterChange.outcomes.reports).toEqual((afterGiving as typeof afterChange).outcomes.reports);
    expect(await qualityOfLifeCounts()).toEqual([{ worse: 0, better: 1 }]);
    const { kept, recounted } = await summaryAndRecount();
    expect(kept).toEqual(recounted);

    // Withdraw, in two steps: the question first, then the POST.
    const asking = await pageText(`/reports?withdraw=${id}`, cookie);
    expect(asking).toContain("Withdraw this report?");
    const withdrawn = await send("/reports", { form: { intent: "withdraw", reportId: String(id) }, cookie });
    expect(withdrawn.status).toBe(302);
    expect(await sql(`SELECT 1 FROM experience_report WHERE id = $1`, [id])).toEqual([]);
    expect(await pageText("/reports", cookie)).not.toContain(`change=${id}`);
    // Every figure is exactly as it was before the report was given: nothing new is learnt.
    expect(await published(HARTLEPOOL)).toEqual(before);
    const again = await summaryAndRecount();
    expect(again.kept).toEqual(again.recounted);

    // And the changed report publishes exactly what a report given with those answers (and the
    // same record key) would have: a change is the new answers, nothing more.
    const twin = reportIdFrom(
      (await walk(cookie, fullReport({ "outcome-quality-of-life": "a_lot_better", "outcome-dignity": "a_lot_worse" })))
        .response,
    );
    await sql(`UPDATE experience_report SET record_key = $1 WHERE id = $2`, [key, twin]);
    await sql(`SELECT outcome_summary_rebuild()`);
    expect(await published(HARTLEPOOL)).toEqual(afterChange);
  });

  it("withdrawing from a small group shows 'fewer than 5', never the count left", async () => {
    const { cookie } = await signUp();
    const given = await walk(cookie, fullReport({ council: "Darlington" }));
    const id = reportIdFrom(given.response);
    const reports = async () => ((await published(DARLINGTON)) as { outcomes: { reports: unknown } }).outcomes.reports;
    expect(await reports()).toMatchObject({ shown: true });
    await send("/reports", { form: { intent: "withdraw", reportId: String(id) }, cookie });
    expect(await reports()).toEqual({ shown: false, reason: "fewer-than-5" });
    expect(JSON.stringify(await published(DARLINGTON))).not.toMatch(/"value":4\b/);
  });

  it("are nobody else's: someone else cannot see, change or withdraw them (404)", async () => {
    const author = await signUp();
    const given = await walk(author.cookie, fullReport());
    const id = reportIdFrom(given.response);
    const other = await signUp();
    expect(await pageText("/reports", other.cookie)).not.toContain(String(id));
    expect((await send(`/reports/new?change=${id}`, { cookie: other.cookie })).status).toBe(404);
    const withdraw = await send("/reports", {
      form: { intent: "withdraw", reportId: String(id) },
      cookie: other.cookie,
    });
    expect(withdraw.status).toBe(404);
    // Changing through the form with the id slipped into the answers is refused too.
    const answers = JSON.stringify({
      ...reportAnswers({ council: "Darlington" }),
      reportId: String(id),
      commentSeen: "",
    });
    const change = await send("/reports/new", {
      form: { intent: "submit", answers, step: "check", submissionKey: crypto.randomUUID() },
      cookie: other.cookie,
    });
    expect(change.status).toBe(404);
    const thanks = await pageText(`/reports/thanks?id=${id}`, other.cookie);
    expect(thanks).not.toContain(`/outcomes/${HARTLEPOOL}`);
    expect(await sql(`SELECT area_code FROM experience_report WHERE id = $1`, [id])).toEqual([
      { area_code: HARTLEPOOL },
    ]);
    expect((await send("/reports")).status).toBe(302);
  });

  it("keeps what a change opened: from waiting to paid support, the new questions come before check", async () => {
    const { cookie } = await signUp();
    const given = await walk(cookie, fullReport({ supportArrangement: "waiting" }));
    const id = reportIdFrom(given.response);
    const all = reportAnswers({ supportArrangement: "dp_agency" });
    const { html } = await walk(
      cookie,
      [{ intent: "goto:supportArrangement" }, pageFields("supportArrangement", all)],
      `/reports/new?change=${id}`,
    );
    expect(html).toContain("What happened to your budget at the last review?");
    expect(html).toContain('name="returnTo" value="check"');
  });
});
