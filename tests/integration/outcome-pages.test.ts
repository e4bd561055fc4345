// The outcomes pages as researchers use them: the table of councils found by name, sorted and
// with councils of too few reports hidden; periods chosen from lists and refused kindly; headings
// and breadcrumbs that read properly; figures and stories linked both ways.
import { beforeAll, describe, expect, it } from "vitest";

import { addQuarters, quarterCode, quarterContaining } from "../../app/domain/outcomes/quarters";
import { insertReports, type TestReport } from "../support/reports";
import { fetchPage, send, signUp, stripComments } from "../support/remix";

const THIS_QUARTER = quarterContaining(new Date());
const LAST_QUARTER = addQuarters(THIS_QUARTER, -1);
const FIRST_QUARTER = addQuarters(THIS_QUARTER, -14);
const STOCKTON = "E06000004";
const REDCAR = "E06000003";
const HARTLEPOOL = "E06000001";
const ANGLESEY = "W06000001";

const many = (n: number, report: TestReport): TestReport[] => Array.from({ length: n }, () => report);

beforeAll(async () => {
  await insertReports([
    // Stockton: 20 reports this quarter, every one "a bit better": the quarter is shown with its
    // reports, and its net score is withheld because "the same" and "worse" have none.
    ...many(20, { area: STOCKTON, quarter: THIS_QUARTER, outcomes: { "quality-of-life": "a_bit_better" } }),
    ...many(30, { area: REDCAR, quarter: LAST_QUARTER, perspective: "carer" }),
    ...many(10, { area: REDCAR, quarter: FIRST_QUARTER }),
    ...many(3, { area: HARTLEPOOL, quarter: THIS_QUARTER }),
    ...many(25, { area: ANGLESEY, quarter: THIS_QUARTER }),
    ...many(25, { area: "W06000002", quarter: THIS_QUARTER }),
    ...many(25, { area: "E08000035", quarter: THIS_QUARTER }),
    ...many(25, { area: "E08000036", quarter: THIS_QUARTER }),
  ]);
});

const page = async (path: string) => {
  const response = await send(path);
  return { status: response.status, html: stripComments(await response.text()) };
};

/** The text of an element's contents, tags removed and spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

/** Council codes in the table's rows, in order. */
const tableCodes = (html: string) =>
  [...html.matchAll(/<th scope="row"><a [^>]*href="\/outcomes\/([EWS]\d{8})"/g)].map((m) => m[1]);

/** The rows of the table whose caption starts with `caption`, as text. */
function tableRows(html: string, caption: string): string[] {
  const table = [...html.matchAll(/<table[\s\S]*?<\/table>/g)]
    .map((m) => m[0])
    .find((t) => text(/<caption[\s\S]*?<\/caption>/.exec(t)?.[0] ?? "").startsWith(caption));
  if (!table) throw new Error(`No table captioned ${caption}`);
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => text(m[1] ?? ""));
}

describe("the table of every council", () => {
  it("hides councils with too few reports by default, says how many, and shows them all on request", async () => {
    const { html } = await page("/outcomes");
    const shown = tableCodes(html);
    expect(shown).toContain(REDCAR);
    expect(shown).not.toContain(HARTLEPOOL);
    expect(shown.length).toBeLessThan(20);
    const hidden = 207 - shown.length;
    expect(text(html)).toContain(`${shown.length} of 207 councils shown: ${hidden} with too few reports`);
    expect(html).toMatch(
      /href="\/outcomes\?all=1#councils"[^>]*>Show all 207 councils, including the \d+ with too few/,
    );
    const all = await page("/outcomes?all=1");
    expect(tableCodes(all.html)).toHaveLength(207);
    expect(all.html).toContain(">Hide councils with too few reports<");
  });

  it("finds councils by part of their name, with or without JavaScript (a GET form)", async () => {
    const { status, html } = await page("/outcomes?find=leeds");
    expect(status).toBe(200);
    expect(tableCodes(html)).toEqual(["E08000035"]);
    expect(html).toMatch(/<form[^>]*method="get"[^>]*action="\/outcomes#councils"/);
    expect(html).toContain('value="leeds"');
    // Hartlepool has too few reports: found, but hidden until all are asked for.
    const hart = await page("/outcomes?find=HARTLE");
    expect(tableCodes(hart.html)).toEqual([]);
    expect(text(hart.html)).toContain("1 of them with too few reports to show figures (hidden)");
    expect(tableCodes((await page("/outcomes?find=hartle&all=1")).html)).toEqual([HARTLEPOOL]);
    // Accents and punctuation do not matter; the nation narrows it further.
    expect(tableCodes((await page("/outcomes?find=isle+of+anglesey&nation=Wales")).html)).toEqual([ANGLESEY]);
  });

  it("sorts by a column heading link that keeps the name looked for, marked with aria-sort", async () => {
    const { html } = await page("/outcomes?find=e&sort=reports&order=desc");
    expect(html).toContain('aria-sort="descending"');
    expect(html).toMatch(/href="\/outcomes\?sort=reports&amp;find=e#councils"/);
    expect(html).toMatch(/href="\/outcomes\?find=e#councils"[^>]*>Council/);
  });

  it("answers hostile names with a plain page, the name shown as text", async () => {
    for (const find of ["<script>alert(1)</script>", "x".repeat(500), "' OR 1=1 --"]) {
      const { status, html } = await page(`/outcomes?find=${encodeURIComponent(find)}&all=1`);
      expect(status, find).toBe(200);
      expect(html).not.toContain("<script>alert(1)");
      expect(tableCodes(html), find).toEqual([]);
    }
  });
});

describe("periods", () => {
  it("are chosen from lists of quarters from the first reported to the current one", async () => {
    const { html } = await page("/outcomes");
    const select = /<select[^>]*id="from"[\s\S]*?<\/select>/.exec(html)?.[0] ?? "";
    const values = [...select.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
    expect(values[0]).toBe(quarterCode(FIRST_QUARTER));
    expect(values.at(-1)).toBe(quarterCode(THIS_QUARTER));
    expect(values).toHaveLength(15);
    expect(select).toContain(`<option value="${quarterCode(THIS_QUARTER)}">`);
  });

  it("read properly in headings", async () => {
    const { html } = await page(`/outcomes/${REDCAR}?from=2025-Q1&to=2025-Q3`);
    expect(text(html)).toContain("add up to, January to September 2025.");
    const across = await page(`/outcomes?from=2024-Q2&to=2026-Q1`);
    expect(text(across.html)).toContain("add up to, April 2024 to March 2026.");
  });

  it.each(["/outcomes", `/outcomes/${REDCAR}`, "/outcomes/region/E12000001"])(
    "are refused with a 400 naming the field, keeping what was sent, never a 500 (%s)",
    async (path) => {
      const cases: [string, RegExp][] = [
        ["from=2026-Q3&to=2025-Q1", /The first quarter must not be after the last quarter/],
        ["from=%3Cscript%3E", /Enter the first quarter like 2025-Q1/],
        ["to=9999-Q4", /no later than/],
        ["from=2001-Q1", /from 2015-Q1 onwards/],
        [`from=${"9".repeat(300)}`, /Enter the first quarter/],
        ["from=2015-Q1&to=2026-Q1", /at most 20 quarters/],
      ];
      for (const [query, message] of cases) {
        const { status, html } = await page(`${path}?${query}`);
        expect(status, query).toBe(400);
        expect(text(html), query).toMatch(message);
        expect(html, query).not.toContain("<script>");
        expect(html, query).toMatch(/<title>Error: /);
      }
      const kept = await page(`${path}?from=2025-Q9`);
      expect(kept.html).toMatch(/<option value="2025-Q9" selected="">2025-Q9 \(not a quarter we have\)<\/option>/);
    },
  );
});

describe("a quarter's label", () => {
  it("never says fewer than 5 for a quarter shown with its reports (the trend and the count agree)", async () => {
    const { html } = await page(`/outcomes/${STOCKTON}`);
    const reports = tableRows(html, "Reports about Stockton-on-Tees, quarter by quarter");
    const trend = tableRows(html, "Quality of life in Stockton-on-Tees, quarter by quarter");
    // The last row is this quarter: 20 reports, shown (perturbed and rounded), every one "a bit better".
    expect(reports.at(-1)).toMatch(/ (15|20|25)$/);
    expect(trend.at(-1)).toMatch(/ fewer than 5 in a group$/);
    // Whatever the quarter, when its reports are shown its score never says "fewer than 5" alone.
    for (const row of reports.filter((r) => / \d+$/.test(r) && !r.endsWith("fewer than 5"))) {
      const quarter = row.replace(/ \d+$/, "");
      expect(trend.find((t) => t.startsWith(quarter))).not.toMatch(/fewer than 5(?! in a group)/);
    }
  });
});

describe("places named in sentences and breadcrumbs", () => {
  it.each([
    ["/outcomes/region/E12000001", "Outcomes in the North East", ["Outcomes", "England"]],
    ["/outcomes/region/E12000003", "Outcomes in Yorkshire and The Humber", ["Outcomes", "England"]],
    ["/outcomes/region/E12000007", "Outcomes in London", ["Outcomes", "England"]],
    ["/outcomes/region/W92000004", "Outcomes in Wales", ["Outcomes"]],
    [`/outcomes/${REDCAR}`, "Outcomes in Redcar and Cleveland", ["Outcomes", "England", "North East"]],
    [`/outcomes/${ANGLESEY}`, "Outcomes in Isle of Anglesey", ["Outcomes", "Wales"]],
  ])("%s", async (path, heading, crumbs) => {
    const { status, html } = await page(path);
    expect(status).toBe(200);
    expect(html).toContain(`<h1>${heading}</h1>`);
    const trail = /<nav aria-label="Breadcrumb"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
    expect([...trail.matchAll(/<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1])).toEqual(crumbs);
    expect(html).not.toMatch(/the Yorkshire and The Humber|the London|the Wales/);
  });

  it("leads a Welsh council's breadcrumb to Wales", async () => {
    const { html } = await page(`/outcomes/${ANGLESEY}?from=2025-Q1&to=2025-Q4`);
    expect(html).toMatch(/<a [^>]*href="\/outcomes\/region\/W92000004\?from=2025-Q1&amp;to=2025-Q4">Wales<\/a>/);
  });
});

describe("figures and stories link to each other", () => {
  it("a council's figures link to its stories with the same filters, one value each", async () => {
    const quarter = quarterCode(LAST_QUARTER);
    const stories = `/stories?council=${REDCAR}&amp;perspective=carer&amp;year=${quarter.slice(0, 4)}`;
    const { html } = await page(`/outcomes/${REDCAR}?from=${quarter}&to=${quarter}&perspective=carer`);
    // Beside the headline figures and under every chart.
    expect(html.split(`href="${stories}"`).length - 1).toBeGreaterThanOrEqual(7);
    expect((await page(stories.replace(/&amp;/g, "&"))).status).toBe(200);
    // Client group and plan lead are not facets of the story search: left out, not guessed.
    const withLead = await page(`/outcomes/${REDCAR}?from=${quarter}&to=${quarter}&lead=self_led&client=older_people`);
    expect(withLead.html).toContain(`href="/stories?council=${REDCAR}&amp;year=${quarter.slice(0, 4)}"`);
  });

  it("a region's figures link to its stories; the overview to every story", async () => {
    expect((await page("/outcomes/region/E12000001")).html).toContain('href="/stories?region=E12000001"');
    expect((await page("/outcomes?perspective=carer")).html).toContain('href="/stories?perspective=carer"');
  });

  it("a story list by council or region links to its figures with the same filters", async () => {
    const council = await page(`/stories?council=${REDCAR}&perspective=carer`);
    expect(council.status).toBe(200);
    expect(council.html).toContain(`href="/outcomes/${REDCAR}?perspective=carer"`);
    expect(text(council.html)).toContain("See what experience reports about Redcar and Cleveland add up to");
    const region = await page("/stories?region=E12000003&year=2025");
    expect(region.html).toContain('href="/outcomes/region/E12000003?from=2025-Q1&amp;to=2025-Q4"');
    expect(text(region.html)).toContain("about Yorkshire and The Humber add up to");
    expect((await page(`/outcomes/region/E12000003?from=2025-Q1&to=2025-Q4`)).status).toBe(200);
    // A list by tag alone has no place to show figures for.
    expect((await page("/stories?perspective=carer")).html).not.toMatch(/href="\/outcomes\/(region\/)?[EWS]\d/);
  });
});

describe("a place's dashboard, drawn once for every reader", () => {
  // A council no other test here reports on, so the figures change only when this test says.
  const TELFORD = "E06000020";
  /** The drawn dashboard: from its frame to the downloads under it. */
  const drawn = (html: string) => html.slice(html.indexOf('class="place-dashboard"'), html.indexOf('id="downloads"'));
  const reportsFigure = (html: string) => /<dt>Reports<\/dt>\s*<dd>(\d+) \(protected/.exec(html)?.[1] ?? "";

  it("gives a member the very dashboard a visitor gets, in a page with no scripts and no id twice", async () => {
    await insertReports(many(20, { area: TELFORD, quarter: THIS_QUARTER }));
    const member = await signUp();
    const visitor = await page(`/outcomes/${TELFORD}`);
    const theirs = await fetchPage(`/outcomes/${TELFORD}`, member.cookie);
    expect(theirs.status).toBe(200);
    expect(theirs.html).toContain(member.handle);
    expect(visitor.html).not.toContain(member.handle);
    expect(drawn(visitor.html).length).toBeGreaterThan(10_000);
    expect(drawn(theirs.html)).toBe(drawn(visitor.html));
    for (const html of [visitor.html, theirs.html]) {
      // A document with nothing to hydrate: no loader data, no modules.
      expect(html).not.toContain("<script");
      const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? "");
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      // Every reference to an id finds it: labels, descriptions and the charts' hatch patterns.
      const references = [
        ...[...html.matchAll(/aria-(?:labelledby|describedby)="([^"]+)"/g)].flatMap((m) => (m[1] ?? "").split(" ")),
        ...[...html.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1] ?? ""),
      ];
      expect(references.length).toBeGreaterThan(10);
      expect(references.filter((reference) => !ids.includes(reference))).toEqual([]);
    }
    // Pages with something to hydrate still send their scripts, and so does a refused filter's page:
    // its error summary takes focus with them.
    expect((await page("/outcomes")).html).toContain("<script");
    const refused = await page(`/outcomes/${TELFORD}?from=2025-Q9`);
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("<script");
    expect(drawn(refused.html)).toBe("");
  });

  it("is drawn again as soon as a report changes its figures", async () => {
    const before = (await page(`/outcomes/${TELFORD}`)).html;
    await insertReports(many(15, { area: TELFORD, quarter: THIS_QUARTER }));
    const after = (await page(`/outcomes/${TELFORD}`)).html;
    expect(Number(reportsFigure(before))).toBeGreaterThan(0);
    expect(Number(reportsFigure(after))).toBeGreaterThan(Number(reportsFigure(before)));
    expect(drawn(after)).not.toBe(drawn(before));
  });

  it("is the same drawing for a region, its table of councils linking to each", async () => {
    const region = await page("/outcomes/region/E12000005");
    expect(region.status).toBe(200);
    expect(region.html).not.toContain("<script");
    expect(drawn(region.html)).toContain(`href="/outcomes/${TELFORD}"`);
  });
});
