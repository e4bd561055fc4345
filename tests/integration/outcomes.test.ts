// The outcomes dashboard, its downloads, and the promise that a small group never shows.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";

import { parseOutcomeFilters } from "../../app/domain/outcomes/outcome-filters";
import { addQuarters, quarterContaining } from "../../app/domain/outcomes/quarters";
import { findCouncil, findRegion, loadPlaceDashboard, nationPlace } from "../../app/server/outcomes/figures.server";
import { callApi, type ProblemBody } from "../support/api";
import { checkDataPackage } from "../support/downloads";
import { insertReports, type TestReport } from "../support/reports";
import { fetchPage, pageSaying, send } from "../support/remix";
import { sql } from "../support/sql";

const THIS_QUARTER = quarterContaining(new Date());
const LAST_QUARTER = addQuarters(THIS_QUARTER, -1);
const HARTLEPOOL = "E06000001";
const MIDDLESBROUGH = "E06000002";
const REDCAR = "E06000003";
const NORTH_EAST = "E12000001";
const OTHER_NORTH_EAST = [
  "E06000004",
  "E06000005",
  "E06000047",
  "E06000057",
  "E08000021",
  "E08000022",
  "E08000023",
  "E08000024",
  "E08000037",
];

const many = <T>(n: number, item: T | ((i: number) => T)): T[] =>
  Array.from({ length: n }, (_, i) => (typeof item === "function" ? (item as (i: number) => T)(i) : item));

// Redcar: 35 reports of quality of life: 8 a lot better, 7 a bit better, 5 same, 5 a bit worse,
// 5 a lot worse, 5 not relevant → net (15 − 10) / 30 = +17. Hourly rates: six at £10, six at £13.
const REDCAR_RATINGS = [
  ...many(8, "a_lot_better"),
  ...many(7, "a_bit_better"),
  ...many(5, "same"),
  ...many(5, "a_bit_worse"),
  ...many(5, "a_lot_worse"),
  ...many(5, "not_relevant"),
];

beforeAll(async () => {
  await insertReports([
    // Hartlepool has exactly 4 reports: that 4 must never be shown or follow from anything shown.
    ...many<TestReport>(4, (i) => ({
      area: HARTLEPOOL,
      quarter: i % 2 ? THIS_QUARTER : LAST_QUARTER,
      outcomes: { "quality-of-life": "a_lot_worse" },
    })),
    ...many<TestReport>(6, { area: MIDDLESBROUGH, quarter: THIS_QUARTER, outcomes: { "quality-of-life": "same" } }),
    ...many<TestReport>(35, (i) => ({
      area: REDCAR,
      quarter: i < 20 ? THIS_QUARTER : LAST_QUARTER,
      lead: i < 21 ? "self_led" : "council_led",
      ratePence: i < 6 ? 1000 : i < 12 ? 1300 : null,
      outcomes: { "quality-of-life": REDCAR_RATINGS[i] as string },
    })),
    ...OTHER_NORTH_EAST.flatMap((area) =>
      many<TestReport>(20, {
        area,
        quarter: THIS_QUARTER,
        lead: "council_led",
        outcomes: { "quality-of-life": "a_bit_better" },
      }),
    ),
    ...many<TestReport>(12, { area: "E08000035", quarter: LAST_QUARTER }),
  ]);
});

/** A shown count is a multiple of 5 within the perturbation (±3) and rounding (±2.5) of the truth. */
function expectProtected(shown: number, trueCount: number) {
  expect(shown % 5).toBe(0);
  expect(Math.abs(shown - trueCount)).toBeLessThanOrEqual(5);
}

/** The text of a table row that starts with a council's name, tags removed. */
function rowText(html: string, name: string): string {
  const row = new RegExp(`<tr>(?:(?!</tr>).)*?>${name}</a>(?:(?!</tr>).)*</tr>`, "s").exec(html)?.[0] ?? "";
  return row
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

describe("the national overview", () => {
  it("lists every council with reports rounded to 5, and never shows a council with fewer than 5", async () => {
    // all=1: councils with too few reports are hidden from the table unless all are asked for.
    const { status, html } = await fetchPage("/outcomes?nation=England&all=1");
    expect(status).toBe(200);
    // Shown counts are perturbed (±3) and rounded to 5: within 5 of the truth, a multiple of 5.
    const redcar = /^Redcar and Cleveland (\d+) ([+−-]\d+|0) \(/.exec(rowText(html, "Redcar and Cleveland"));
    expectProtected(Number(redcar?.[1]), 35);
    expect(rowText(html, "Hartlepool")).toBe("Hartlepool fewer than 5 fewer than 5 fewer than 5");
    // Middlesbrough (6) is withheld too: otherwise the North East's total minus the others gives 4.
    expect(rowText(html, "Middlesbrough")).toBe("Middlesbrough withheld withheld withheld");
    expect(rowText(html, "Stockton-on-Tees")).toMatch(/^Stockton-on-Tees 20 /);
    // 4 + 6 + 35 + 9 × 20 = 225 in the North East; 237 in England with Leeds.
    expectProtected(Number(/North East<\/a> \((\d+) reports\)/.exec(html)?.[1]), 225);
    expectProtected(Number(/>England<\/a><\/th><td>(\d+)<\/td>/.exec(html)?.[1]), 237);
  });

  it("sorts the table by a column through a link, withheld figures last", async () => {
    const { html } = await fetchPage("/outcomes?nation=England&sort=reports&order=desc&all=1");
    const order = [...html.matchAll(/<th scope="row"><a [^>]*href="\/outcomes\/(E\d+)"/g)].map((m) => m[1]);
    expect(order[0]).toBe(REDCAR);
    expect(order.indexOf(HARTLEPOOL)).toBeGreaterThan(order.indexOf("E06000004"));
    expect(html).toContain('aria-sort="descending"');
  });

  it("names the field and keeps what was typed when a filter is wrong", async () => {
    const html = await pageSaying("/outcomes?from=2025-Q7&lead=boss", 400, [
      "Enter the first quarter like 2025-Q1",
      "Choose who led the plan from the list",
      'value="2025-Q7"',
    ]);
    expect(html).toMatch(/<title>Error: /);
  });
});

describe("a council's page", () => {
  it("shows the measures with hand-checkable figures", async () => {
    const { status, html } = await fetchPage(`/outcomes/${REDCAR}`);
    expect(status).toBe(200);
    expect(html).toContain("<h1>Outcomes in Redcar and Cleveland</h1>");
    expectProtected(Number(/Reports<\/dt><dd>(\d+) \(protected and rounded/.exec(html)?.[1]), 35);
    // Net +17 for quality of life from the true counts; 21 of 35 plans self-led = 60%; median of
    // 6 × £10 and 6 × £13 is £11.50. Published figures come from protected counts, so they move.
    const net = /Quality of life, net score<\/dt><dd>([+−-]?\d+) \(95% interval/.exec(html);
    expect(Math.abs(Number(net?.[1]?.replace("−", "-")) - 17)).toBeLessThanOrEqual(30);
    const selfLed = /Plans led by the person or their family<\/dt><dd>(\d+)% \(95% interval (\d+)% to (\d+)%\)/.exec(
      html,
    );
    expect(Math.abs(Number(selfLed?.[1]) - 60)).toBeLessThanOrEqual(15);
    expect(Number(selfLed?.[2])).toBeLessThan(Number(selfLed?.[1]));
    expect(html).toMatch(/£1[0-3]\.\d0 \(middle half £1[0-3]\.\d0 to £1[0-3]\.\d0; \d+ values\)/);
    // Compared with its region and England, in charts with tables.
    expect(html).toContain("compared with the North East and England");
    expect(html).toContain("<figure");
  });

  it("shows no figures at all for a council with fewer than 5 reports", async () => {
    const { status, html } = await fetchPage(`/outcomes/${HARTLEPOOL}`);
    expect(status).toBe(200);
    expect(html).toContain("Fewer than 5 reports about Hartlepool match this view");
    expect(html).not.toContain("<figure");
  });

  it("withholds a council whose count would give a neighbour's away, on its own page too", async () => {
    const { html } = await fetchPage(`/outcomes/${MIDDLESBROUGH}`);
    expect(html).toContain("We withhold the figures for Middlesbrough");
    expect(html).not.toMatch(/Reports<\/dt><dd>\d/);
  });

  it("is a helpful 404 for an unknown code", async () => {
    for (const path of ["/outcomes/E06999999", "/outcomes/not-a-code", "/outcomes/region/E12999999"]) {
      const { status, html } = await fetchPage(path);
      expect(status, path).toBe(404);
      expect(html).toContain("We could not find that place");
      expect(html).toContain('href="/outcomes#councils"');
    }
  });
});

describe("a region's page", () => {
  it("lists its councils with the same withheld figures as the national table", async () => {
    const { status, html } = await fetchPage(`/outcomes/region/${NORTH_EAST}`);
    expect(status).toBe(200);
    expectProtected(Number(/Reports<\/dt><dd>(\d+) \(protected and rounded/.exec(html)?.[1]), 225);
    expect(rowText(html, "Hartlepool")).toBe("Hartlepool fewer than 5 fewer than 5 fewer than 5");
    expect(rowText(html, "Middlesbrough")).toBe("Middlesbrough withheld withheld withheld");
  });
});

describe("comparisons", () => {
  it("compare each council with the very figures of its region's and nation's own pages, worked out once for all its councils", async () => {
    const parsed = parseOutcomeFilters(new URLSearchParams(), new Date());
    if (!parsed.ok) throw new Error("the default period did not parse");
    const { filters } = parsed;
    const [redcar, middlesbrough, region] = await Promise.all([
      findCouncil(REDCAR),
      findCouncil(MIDDLESBROUGH),
      findRegion(NORTH_EAST),
    ]);
    if (!redcar || !middlesbrough || !region) throw new Error("the North East's places are missing");
    const [redcarPage, middlesbroughPage, regionPage, englandPage] = await Promise.all([
      loadPlaceDashboard(redcar, filters),
      loadPlaceDashboard(middlesbrough, filters),
      loadPlaceDashboard(region, filters),
      loadPlaceDashboard(nationPlace("England"), filters),
    ]);
    expect(redcarPage.comparisons.map((c) => c.label)).toEqual(["North East", "England"]);
    // The same answer, not an equal one: the region's and England's figures were worked out once.
    expect(redcarPage.comparisons[0]?.view).toBe(regionPage.view);
    expect(middlesbroughPage.comparisons[0]?.view).toBe(regionPage.view);
    expect(redcarPage.comparisons[1]?.view).toBe(englandPage.view);
    expect(regionPage.comparisons[0]?.view).toBe(englandPage.view);
    expect(redcarPage.view).not.toBe(middlesbroughPage.view);
  });
});

describe("downloads", () => {
  it("write the same figures to CSV with the licence and citation, and withheld figures as words", async () => {
    const response = await send(`/outcomes/data.csv?region=${NORTH_EAST}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const text = await response.text();
    expect(text).toMatch(/^place_code,place,section,measure,category,value,interval_low,interval_high,unit\n/);
    const described = await checkDataPackage(`/outcomes/datapackage.json?region=${NORTH_EAST}`);
    expect(described.citation).toMatch(
      /^Fifth Option \(\d{4}\)\. Outcomes in North East\. Retrieved \d{4}-\d{2}-\d{2} from http:\/\/localhost\/outcomes\/data\.csv\?region=/,
    );
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const hartlepool = rows.filter((r) => r.place_code === HARTLEPOOL);
    expect(hartlepool.map((r) => r.value)).toEqual(["fewer than 5", "fewer than 5", "fewer than 5"]);
    expect(rows.filter((r) => r.place_code === MIDDLESBROUGH).map((r) => r.value)).toEqual([
      "withheld",
      "withheld",
      "withheld",
    ]);
    expect(rows.find((r) => r.place_code === NORTH_EAST && r.section === "reports")?.value).toBe("225");
  });

  it("write JSON views whose every figure is shown or withheld with a reason", async () => {
    const response = await send(`/outcomes/data.json?council=${HARTLEPOOL}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { licence: string; citation: string; views: { outcomes: unknown } };
    expect(body.licence).toContain("CC BY 4.0");
    expect(JSON.stringify(body.views.outcomes)).not.toContain('"shown":true');
  });

  it("refuse bad parameters with the parameter named, and unknown places with a 404", async () => {
    const bad = await send("/outcomes/data.json?from=soon");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("Content-Type")).toContain("application/problem+json");
    expect(await bad.json()).toMatchObject({
      status: 400,
      errors: [{ parameter: "from", detail: "Enter the first quarter like 2025-Q1" }],
    });
    expect((await send("/outcomes/data.csv?council=E06999999")).status).toBe(404);
    expect((await send("/outcomes/data.csv?council=E06000001&region=E12000001")).status).toBe(400);
  });
});

describe("the summary table", () => {
  it("gives the same figures as counting every report (a filter on the kind of support reads every report)", async () => {
    // Every test report is a direct payment employing PAs, so that filter must match the summary exactly.
    const summary = (await (await send(`/outcomes/data.json?region=${NORTH_EAST}`)).json()) as { views: unknown };
    const everyReport = (await (
      await send(`/outcomes/data.json?region=${NORTH_EAST}&arrangement=dp_employer`)
    ).json()) as {
      views: unknown;
    };
    expect(everyReport.views).toEqual(summary.views);
  });

  it("is kept up to date as reports arrive and are deleted", async () => {
    const total = async () =>
      (
        await sql<{ n: number }>(
          `SELECT sum(reports)::int AS n FROM outcome_summary WHERE level = 'nation' AND plan_lead = 'all' AND perspective = 'all'`,
        )
      )[0]?.n;
    const before = await total();
    const [id] = await insertReports([{ area: "E09000001", quarter: THIS_QUARTER, outcomes: { dignity: "same" } }]);
    expect(await total()).toBe((before ?? 0) + 1);
    const [dignity] = await sql<{ n: number }>(
      `SELECT (counts ->> 'outcome:dignity:same')::int AS n FROM outcome_summary WHERE level = 'area' AND geo_code = 'E09000001' AND plan_lead = 'all' AND perspective = 'all'`,
    );
    expect(dignity?.n).toBe(1);
    await sql(`DELETE FROM experience_report WHERE id = $1`, [id]);
    expect(await total()).toBe(before);
  });

  it("rebuilt in one pass (after a bulk load), holds exactly what the triggers kept", async () => {
    // Triggers leave a zero behind where a deleted report was the only one; a rebuild has none.
    const rows = () =>
      sql(`SELECT level, geo_code, quarter_start::text, plan_lead, perspective, reports,
                  (SELECT coalesce(jsonb_object_agg(key, value) FILTER (WHERE value::int <> 0), '{}') FROM jsonb_each(counts)) AS counts
           FROM outcome_summary WHERE reports <> 0 ORDER BY 1, 2, 3, 4, 5`);
    const kept = await rows();
    expect(kept.length).toBeGreaterThan(20);
    await sql(`SELECT outcome_summary_rebuild()`);
    expect(await rows()).toEqual(kept);
  });
});

describe("the API's outcomes", () => {
  type Figure = { shown: boolean; value?: unknown; reason?: string };
  type Body = { views: { outcomes: Record<string, Figure>; councils: { code: string; reports: Figure }[] } };

  it("gives the same views as the dashboard, matching the OpenAPI document", async () => {
    const { response, body } = await callApi<Body>(`/api/v1/outcomes?region=${NORTH_EAST}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("RateLimit")).toMatch(/"anonymous";r=\d+;t=\d+/);
    expect(body.views.outcomes.reports).toEqual({ shown: true, value: 225 });
    const download = (await (await send(`/outcomes/data.json?region=${NORTH_EAST}`)).json()) as { views: unknown };
    expect(body.views).toEqual(download.views);
  });

  it("never gives Hartlepool's 4 reports, or a figure from which they follow", async () => {
    const { body } = await callApi<Body>(`/api/v1/outcomes?region=${NORTH_EAST}`);
    const councils = new Map(body.views.councils.map((c) => [c.code, c.reports]));
    expect(councils.get(HARTLEPOOL)).toEqual({ shown: false, reason: "fewer-than-5" });
    expect(councils.get(MIDDLESBROUGH)).toEqual({ shown: false, reason: "secondary" });
    const council = await callApi<Body>(`/api/v1/outcomes?council=${HARTLEPOOL}`);
    expect(JSON.stringify(council.body.views.outcomes)).not.toContain('"shown":true');
    // The whole overview: nowhere a shown figure for Hartlepool.
    const overview = await callApi<{ views: { councils: { places: { code: string }[] } }[] }>("/api/v1/outcomes");
    const hartlepool = overview.body.views.flatMap((n) => n.councils.places).find((p) => p.code === HARTLEPOOL);
    expect(JSON.stringify(hartlepool)).not.toContain('"shown":true');
  });

  it("refuses bad parameters by name and unknown places with a 404 problem", async () => {
    const bad = await callApi<ProblemBody>("/api/v1/outcomes?from=2025-Q9&lead=boss");
    expect(bad.response.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.parameter).sort()).toEqual(["from", "lead"]);
    const unknown = await callApi<ProblemBody>("/api/v1/outcomes?council=E06999999");
    expect(unknown.response.status).toBe(404);
    const typo = await callApi<ProblemBody>("/api/v1/outcomes?councill=E06000001");
    expect(typo.response.status).toBe(400);
  });
});
