// Experience reports written straight into the test database, in one transaction, as the app
// writes them (the outcome summary is updated when the transaction commits).
import pg from "pg";

import { fieldsOf, stepsFor } from "../../app/domain/reports/wizard";
import { CARER_OUTCOME_DOMAINS, OUTCOME_DOMAINS } from "../../app/domain/taxonomy";

export interface TestReport {
  area: string;
  quarter: string;
  perspective?: string;
  arrangement?: string;
  client?: string;
  lead?: string;
  budget?: string;
  ratePence?: number | null;
  paidHours?: number | null;
  outcomes?: Record<string, string>;
  /** 0-255; by default the next of a fixed sequence. */
  recordKey?: number;
}

// Record keys are random in the app (the cell key method); tests give fixed ones in a fixed
// sequence, so every run publishes the same perturbed figures.
let recordKeys = 0;
const nextRecordKey = () => (recordKeys++ * 89 + 7) % 256;

export async function insertReports(reports: TestReport[]): Promise<number[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const ids: number[] = [];
  try {
    await client.query("BEGIN");
    for (const report of reports) {
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO experience_report (area_code, quarter_start, perspective, support_arrangement, client_group, plan_lead, budget_change, hourly_rate_pence, paid_hours_per_week, record_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          report.area,
          report.quarter,
          report.perspective ?? "carer",
          report.arrangement ?? "dp_employer",
          report.client ?? "older_people",
          report.lead ?? "self_led",
          report.budget ?? "same",
          report.ratePence ?? null,
          report.paidHours ?? null,
          report.recordKey ?? nextRecordKey(),
        ],
      );
      const id = rows[0]?.id as number;
      ids.push(id);
      for (const [domain, rating] of Object.entries(report.outcomes ?? {})) {
        await client.query(`INSERT INTO report_outcome (report_id, domain, rating) VALUES ($1, $2, $3)`, [
          id,
          domain,
          rating,
        ]);
      }
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    await client.end();
  }
  return ids;
}

// ---- Walking the experience report form (/reports/new) page by page ----

const decode = (text: string) =>
  text
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

/** The hidden fields each page of the report form carries forward. */
export function carried(html: string) {
  const answers = decode(/name="answers" value="([^"]*)"/.exec(html)?.[1] ?? "{}");
  const submissionKey = /name="submissionKey" value="([^"]*)"/.exec(html)?.[1] ?? "";
  const step = /name="step" value="([^"]*)"/.exec(html)?.[1] ?? "";
  return { answers, submissionKey, step };
}

export const OUTCOMES = OUTCOME_DOMAINS.map((domain) => domain.slug);

/** Every answer of a complete report about this month in Hartlepool, by a person with support needs. */
export function reportAnswers(overrides: Record<string, string> = {}): Record<string, string> {
  const now = new Date();
  return {
    council: "Hartlepool",
    periodMonth: String(now.getUTCMonth() + 1),
    periodYear: String(now.getUTCFullYear()),
    perspective: "supported_person",
    clientGroup: "physical_disability",
    supportArrangement: "dp_employer",
    planLead: "self_led",
    budgetChange: "same",
    ease: "hard",
    weeksToSupport: "12",
    budgetCoverage: "partly",
    hourlyRate: "13.50",
    paidHours: "20",
    unpaidHours: "10",
    ...Object.fromEntries(
      [...OUTCOME_DOMAINS, ...CARER_OUTCOME_DOMAINS].map((domain) => [`outcome-${domain.slug}`, "a_bit_better"]),
    ),
    comment: "",
    postId: "",
    ...overrides,
  };
}

/** The fields one page of the report form sends, taken from a complete set of answers. */
export function pageFields(step: string, answers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(fieldsOf(step).map((field) => [field, answers[field] ?? ""]));
}

/**
 * Every page of a complete report, one object of fields each, in the order the wizard asks them
 * for these answers (its questions follow earlier answers), ending with the submit.
 */
export const fullReport = (overrides: Record<string, string> = {}): Record<string, string>[] => {
  const answers = reportAnswers(overrides);
  return [...stepsFor(answers).map((step) => pageFields(step, answers)), { intent: "submit" }];
};
