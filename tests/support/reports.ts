// Experience reports written straight into the test database, in one transaction, as the app
// writes them (the outcome summary is updated when the transaction commits).
import pg from "pg";

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
}

export async function insertReports(reports: TestReport[]): Promise<number[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const ids: number[] = [];
  try {
    await client.query("BEGIN");
    for (const report of reports) {
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO experience_report (area_code, quarter_start, perspective, support_arrangement, client_group, plan_lead, budget_change, hourly_rate_pence, paid_hours_per_week)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
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
        ],
      );
      const id = rows[0]?.id as number;
      ids.push(id);
      for (const [domain, rating] of Object.entries(report.outcomes ?? {})) {
        await client.query(`INSERT INTO report_outcome (report_id, domain, rating) VALUES ($1, $2, $3)`, [id, domain, rating]);
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
