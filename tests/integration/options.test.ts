// "Your options" per council (docs/options.md): the figures come from the outcomes dashboard's own
// views and disclosure control, a council with too few reports of an option shows its region
// instead and never a withheld figure, and the council chooser copes with names, misspellings and
// hostile input.
import { beforeAll, describe, expect, it } from "vitest";

import { SUPPORT_OPTIONS } from "../../app/domain/options/options";
import { defaultPeriod } from "../../app/domain/outcomes/outcome-filters";
import { addQuarters, quarterContaining } from "../../app/domain/outcomes/quarters";
import { findCouncil, loadArrangementViews, loadPlaceViews } from "../../app/server/outcomes/figures.server";
import { insertReports, type TestReport } from "../support/reports";
import { pageText, send, stripComments } from "../support/remix";
import { sql } from "../support/sql";
import { addStory } from "../support/stories";

const THIS_QUARTER = quarterContaining(new Date());
const FIRST_QUARTER = addQuarters(THIS_QUARTER, -11);
const [REDCAR, MIDDLESBROUGH, STOCKTON, DARLINGTON] = ["E06000003", "E06000002", "E06000004", "E06000005"];
const NORTH_EAST = "E12000001";

const many = <T>(n: number, item: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => item(i));
const report = (area: string, arrangement: string, extra: Partial<TestReport> = {}): TestReport => ({
  area,
  arrangement,
  quarter: THIS_QUARTER,
  ...extra,
});
const QUALITY = ["a_lot_better", "a_bit_better", "same", "a_bit_worse", "a_lot_worse"];

beforeAll(async () => {
  await insertReports([
    // Redcar: 30 employing PAs (rates £12 and £15, a spread of ratings, a third reduced at review),
    // 10 with an agency, and 3 in a care home: too few to show, so the North East's are shown.
    ...many(30, (i) =>
      report(REDCAR, "dp_employer", {
        ratePence: i < 12 ? 1200 : i < 24 ? 1500 : null,
        budget: i % 3 === 0 ? "reduced" : "same",
        outcomes: { "quality-of-life": QUALITY[i % 5] as string, "control-support": "a_bit_better" },
      }),
    ),
    ...many(10, () => report(REDCAR, "dp_agency", { outcomes: { "quality-of-life": "same" } })),
    ...many(3, () => report(REDCAR, "care_home", { outcomes: { "quality-of-life": "a_lot_worse" } })),
    ...many(25, (i) =>
      report(MIDDLESBROUGH, "care_home", { outcomes: { "quality-of-life": QUALITY[i % 5] as string } }),
    ),
    ...many(20, () => report(DARLINGTON, "care_home", { outcomes: { "quality-of-life": "a_bit_better" } })),
    // Stockton: 6 employing PAs and 1 with an agency. Its PA figures would differ from all of
    // Stockton's by one report, so they must never be shown.
    ...many(6, () => report(STOCKTON, "dp_employer")),
    report(STOCKTON, "dp_agency"),
  ]);
  // Stories with experience reports attached (filed under Hartlepool by the fixture), in Redcar
  // for employing PAs, one in Middlesbrough for care homes, and one that shows only its region.
  for (const n of [1, 2, 3]) {
    await addStory({
      title: `Our PAs, part ${n}`,
      council: REDCAR,
      arrangements: ["dp_employer"],
      tags: ["dp-employer"],
    });
  }
  await addStory({ title: "Choosing a care home", council: MIDDLESBROUGH, arrangements: ["care_home"] });
  const regionOnly = await addStory({ title: "Hiring a PA quietly", council: REDCAR, tags: ["dp-employer"] });
  await sql(`UPDATE post SET byline_scope = 'region' WHERE id = $1`, [regionOnly]);
  await addStory({ title: "A Shared Lives carer changed everything", council: DARLINGTON, tags: ["shared-lives"] });
});

interface ShownOption {
  section: string;
  /** The places whose figures are shown, in the order of the table's columns. */
  places: string[];
  /** Each place's count of reports, as shown. */
  reports: number[];
  stories: string[];
}

/** One option's section of a council's page, read back from its HTML. */
async function optionsPage(code: string) {
  const response = await send(`/options/${code}`);
  expect(response.status).toBe(200);
  const html = stripComments(await response.text());
  const option = (anchor: string): ShownOption => {
    const section = new RegExp(`<section id="${anchor}"(?:(?!</section>).)*</section>`, "s").exec(html)?.[0] ?? "";
    const table = /<table class="data option-figures">.*?<\/table>/s.exec(section)?.[0] ?? "";
    const places = [...table.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1] ?? "").slice(1);
    const row = /<th scope="row">Reports \(rounded to 5\)<\/th>(.*?)<\/tr>/s.exec(table)?.[1] ?? "";
    const reports = [...row.matchAll(/<td>([\d,]+)<\/td>/g)].map((m) => Number(m[1]?.replace(",", "")));
    const stories = [...section.matchAll(/<h4><a [^>]*href="\/stories\/\d+"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
    return { section, places, reports, stories: stories.map((title) => title ?? "") };
  };
  return { html, option };
}

/** The outcomes dashboard's count of reports for the same place and arrangement (its JSON download). */
async function dashboardReports(place: string, arrangement: string) {
  const response = await send(`/outcomes/data.json?${place}&arrangement=${arrangement}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { views: { outcomes: { reports: { shown: boolean; value?: number } } } };
  return body.views.outcomes.reports;
}

/** True counts of reports in the period, by place and arrangement ("all" for every arrangement). */
async function trueCounts(): Promise<Map<string, number>> {
  const rows = await sql<{ place: string; arrangement: string; n: number }>(
    `SELECT coalesce(g.place, 'England') AS place, coalesce(g.arrangement, 'all') AS arrangement, g.n FROM (
       SELECT coalesce(r.area_code, a.region_code) AS place, r.support_arrangement::text AS arrangement, count(*)::int AS n
       FROM experience_report r JOIN area a ON a.code = r.area_code
       WHERE r.quarter_start BETWEEN $1 AND $2
       GROUP BY GROUPING SETS ((r.area_code, r.support_arrangement), (r.area_code), (a.region_code, r.support_arrangement), (a.region_code), (r.support_arrangement), ())
     ) g`,
    [FIRST_QUARTER, THIS_QUARTER],
  );
  return new Map(rows.map((row) => [`${row.place} ${row.arrangement}`, row.n]));
}

const COUNCILS: Record<string, string> = {
  [REDCAR]: "Redcar and Cleveland",
  [MIDDLESBROUGH]: "Middlesbrough",
  [STOCKTON]: "Stockton-on-Tees",
  [DARLINGTON]: "Darlington",
};
/** A place named in a table: its code for the true counts and its address on the dashboard. */
const placeOf = (name: string) =>
  name === "North East"
    ? { code: NORTH_EAST, query: `region=${NORTH_EAST}` }
    : name === "England"
      ? { code: "England", query: "nation=England" }
      : { code: Object.keys(COUNCILS).find((code) => COUNCILS[code] === name) ?? name, query: "" };

describe("an option's figures", () => {
  it("shows the council, its region and the nation, protected, with net scores, rates and reviews", async () => {
    const pas = (await optionsPage(REDCAR)).option("dp-employer");
    expect(pas.places).toEqual(["Redcar and Cleveland", "North East", "England"]);
    expect(pas.section).not.toContain("Too few reports");
    const [redcar] = pas.reports;
    expect(redcar).toBeGreaterThanOrEqual(25);
    expect(redcar).toBeLessThanOrEqual(35);
    expect((redcar ?? 1) % 5).toBe(0);
    // Net scores with their intervals, the median rate between £12 and £15 (from perturbed value
    // counts), and what happened at review, for each place.
    expect(pas.section).toMatch(
      /Quality of life overall: net score \(95% interval\)<\/th><td>[+−]?\d+ \(95% interval [+−]?\d+ to [+−]?\d+\)<\/td>/,
    );
    expect(pas.section).toMatch(
      /Hourly rate paid \(median\)<\/th><td>£1[2-5]\.\d\d \(middle half £1[2-5]\.\d\d to £1[2-5]\.\d\d; \d+ values\)<\/td>/,
    );
    expect(pas.section).toMatch(/Budget at review: reduced<\/th><td>\d+% \(95% interval \d+% to \d+%\)<\/td>/);
  });

  it("says a council has too few reports of an option and shows the region, never a withheld figure", async () => {
    const { html, option } = await optionsPage(REDCAR);
    const homes = option("care-home");
    expect(homes.section).toContain("Too few reports about this option in Redcar and Cleveland");
    expect(homes.section).toContain("The figures below are for North East, the region it belongs to.");
    expect(homes.places).toEqual(["North East", "England"]);
    // No withheld figure is written as one, anywhere on the page.
    expect(html).not.toMatch(/fewer than 5|>withheld</);
  });

  it("gives every shown count the value the outcomes dashboard gives the same cell", async () => {
    let compared = 0;
    for (const council of [REDCAR, DARLINGTON]) {
      const { option } = await optionsPage(council);
      for (const arrangement of ["dp_employer", "dp_agency", "care_home"]) {
        const shown = option(arrangement.replace("_", "-"));
        for (const [i, name] of shown.places.entries()) {
          const place = placeOf(name);
          const query = place.query || `council=${council}`;
          expect(await dashboardReports(query, arrangement)).toEqual({ shown: true, value: shown.reports[i] });
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(12);
  });

  it("works out every option's views at once with exactly the figures of the dashboard's views one by one", async () => {
    const filters = { ...defaultPeriod(new Date()), perspective: null, arrangement: null, client: null, lead: null };
    const arrangements = SUPPORT_OPTIONS.map((option) => option.arrangement);
    let withFigures = 0;
    // Cardiff: a Welsh council, compared with its nation only.
    for (const code of [REDCAR, STOCKTON, DARLINGTON, MIDDLESBROUGH, "W06000015"]) {
      const council = await findCouncil(code);
      if (!council) throw new Error(`no council ${code}`);
      const together = await loadArrangementViews(council, filters, arrangements);
      for (const arrangement of arrangements) {
        const alone = await loadPlaceViews(council, { ...filters, arrangement });
        expect(together.get(arrangement), `${code} ${arrangement}`).toEqual(alone);
        if (alone.view.reports.shown) withFigures += 1;
      }
    }
    expect(withFigures).toBeGreaterThanOrEqual(3);
  });

  it("never shows a count under 5, or a council's option that differs from all its reports by 1 to 4", async () => {
    const truth = await trueCounts();
    let checked = 0;
    for (const council of Object.keys(COUNCILS)) {
      const { option } = await optionsPage(council);
      for (const arrangement of ["dp_employer", "dp_agency", "managed_budget", "care_home", "shared_lives", "mixed"]) {
        const shown = option(arrangement.replace("_", "-"));
        for (const [i, name] of shown.places.entries()) {
          const code = placeOf(name).code;
          const real = truth.get(`${code} ${arrangement}`) ?? 0;
          expect(real, `${code} ${arrangement}`).toBeGreaterThanOrEqual(5);
          expect((shown.reports[i] ?? 1) % 5).toBe(0);
          expect(Math.abs((shown.reports[i] ?? 0) - real)).toBeLessThanOrEqual(5);
          const outside = (truth.get(`${code} all`) ?? 0) - real;
          expect(outside === 0 || outside >= 5, `${code} ${arrangement} leaves out ${outside}`).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    // Stockton's 6 PA reports are all but one of its 7: shown, they would give the one away.
    const stockton = (await optionsPage(STOCKTON)).option("dp-employer");
    expect(stockton.places).not.toContain("Stockton-on-Tees");
    expect(stockton.section).toContain("Too few reports about this option in Stockton-on-Tees");
  });

  it("shows each option side by side in a table that scrolls in its own named box", async () => {
    const { html } = await optionsPage(REDCAR);
    expect(html).toContain("<h1>Your options in Redcar and Cleveland</h1>");
    expect(html).toMatch(/<div class="table-scroll" role="group" aria-label="Options side by side" tabindex="0">/);
    for (const name of ["Employing personal assistants with a direct payment", "Shared Lives", "A mix of these"]) {
      expect(html).toContain(`>${name}</a></th>`);
    }
    expect(html).toContain("What to ask the council");
  });
});

describe("stories about each option", () => {
  it("lists the council's stories, or its region's when it has too few, each linked", async () => {
    const { html, option } = await optionsPage(REDCAR);
    expect(option("dp-employer").stories.sort()).toEqual(["Our PAs, part 1", "Our PAs, part 2", "Our PAs, part 3"]);
    expect(option("dp-employer").section).toContain(`href="/stories?council=${REDCAR}&amp;arrangement=dp_employer"`);
    const homes = option("care-home");
    expect(homes.stories).toEqual(["Choosing a care home"]);
    expect(homes.section).toContain("so these are from North East");
    const fifth = /<h3 id="fifth-shared-lives-schemes">.*?(?=<h3 id="fifth-|<\/section>)/s.exec(html)?.[0] ?? "";
    expect(fifth).toContain("A Shared Lives carer changed everything");
  });

  it("links a story that names an arrangement to the option in its council, or only to the explainer", async () => {
    const [named] = await sql<{ id: number }>(`SELECT id FROM post WHERE title = 'Our PAs, part 1'`);
    const html = await pageText(`/stories/${named?.id}`);
    expect(html).toMatch(
      new RegExp(
        `<a [^>]*href="/options/${REDCAR}#dp-employer"[^>]*>See how this option works out in Redcar and Cleveland: employing personal assistants with a direct payment</a>`,
      ),
    );
    // A region-only byline hides the council, so the link does not name it either.
    const [regionOnly] = await sql<{ id: number }>(`SELECT id FROM post WHERE title = 'Hiring a PA quietly'`);
    const hidden = await pageText(`/stories/${regionOnly?.id}`);
    expect(hidden).toContain('href="/options#dp-employer"');
    expect(hidden).not.toContain(`/options/${REDCAR}`);
  });

  it("is linked from the home page and the council's outcomes page", async () => {
    expect(await pageText("/")).toContain('href="/options"');
    expect(await pageText(`/outcomes/${REDCAR}`)).toContain(`href="/options/${REDCAR}"`);
  });
});

describe("choosing a council", () => {
  it.each([
    ["Redcar and Cleveland", REDCAR],
    ["redcar", REDCAR],
    ["E06000003", REDCAR],
    ["Middlesbrugh", MIDDLESBROUGH],
    ["  Stockton-on-Tees Borough Council ", STOCKTON],
  ])("goes from “%s” to the council's page", async (typed, code) => {
    const response = await send(`/options?council=${encodeURIComponent(typed)}`);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/options/${code}`);
  });

  it("sends a name in the address to the council's code, and anything else to the chooser", async () => {
    const byName = await send("/options/Darlington");
    expect(byName.headers.get("Location")).toBe(`/options/${DARLINGTON}`);
    for (const [path, typed] of [
      ["/options/E99999999", "E99999999"],
      ["/options/zzzzqqqq", "zzzzqqqq"],
      ["/options/%00%3Cscript%3E", "\u0000<script>"],
    ] as const) {
      const response = await send(path);
      expect(response.status, path).toBe(302);
      const location = response.headers.get("Location") ?? "";
      expect(location).toBe(`/options?council=${encodeURIComponent(typed)}`);
      const chooser = await send(location);
      expect(chooser.status, location).toBe(400);
      expect(await chooser.text()).toContain('id="council-error"');
    }
  });

  it.each([
    ["Kingston", "Choose one of the names below", "Kingston upon Thames"],
    ["Gotham", "No council is called “Gotham”", null],
    ["", "Type or choose your council.", null],
    ["Leeds\u0000", "using letters only", null],
    ["x".repeat(300), "100 characters or fewer", null],
    ["<script>alert(1)</script>", "No council is called", null],
    ["!!!", "such as Leeds or Cornwall", null],
  ])("refuses “%s” with a 400 that keeps what was typed", async (typed, message, suggestion) => {
    const response = await send(`/options?council=${encodeURIComponent(typed)}`);
    expect(response.status).toBe(400);
    const html = stripComments(await response.text());
    expect(html).toContain(message);
    expect(html).toMatch(/<title>Error: Your options/);
    expect(html).not.toContain("<script>alert(1)");
    const kept = typed.replace("\u0000", "").slice(0, 200).replaceAll("<", "&lt;").replaceAll(">", "&gt;");
    if (kept.trim()) expect(html).toContain(`value="${kept}"`);
    if (suggestion) expect(html).toMatch(new RegExp(`<a [^>]*href="/options/E\\d+"[^>]*>${suggestion}</a>`));
  });

  it("refuses two councils at once", async () => {
    const response = await send("/options?council=Leeds&council=York");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Choose one council at a time.");
  });
});
