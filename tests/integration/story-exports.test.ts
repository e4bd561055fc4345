import { beforeAll, describe, expect, it } from "vitest";

import { checkDataPackage, readCsvTable } from "../support/downloads";
import { send, uniqueClientAddress } from "../support/remix";
import { sql } from "../support/sql";
import { addStory } from "../support/stories";

const ids: Record<string, number> = {};

beforeAll(async () => {
  const [author] = await sql<{ id: number }>(
    `INSERT INTO "user" (handle, handle_key, password_hash, perspective) VALUES ('exported_author', 'exported_author', 'x', 'carer') RETURNING id`,
  );
  ids.respite = await addStory({
    title: "Respite, at last",
    body: 'We got a week of "respite"\nfor Dad, after two years.',
    tags: ["transport", "respite"],
    perspective: "carer",
    publishedAt: "2026-03-31T23:30:00Z",
    displayMode: "handle",
  });
  await sql(`UPDATE post SET author_id = $1 WHERE id = $2`, [author?.id, ids.respite]);
  ids.formula = await addStory({
    title: '=HYPERLINK("http://evil.example","click")',
    body: "@SUM(A1:A2) is not a formula here.",
    council: null,
    kind: "question",
  });
  ids.pending = await addStory({ title: "Respite pending", status: "pending", tags: ["respite"] });
});

async function csvOf(path: string, clientAddress = uniqueClientAddress()) {
  const response = await send(path, { clientAddress });
  const text = await response.text();
  return { response, text, rows: readCsvTable(text).rows };
}

describe("CSV downloads", () => {
  it("give one row per published story with exactly the agreed columns, month only, no handle", async () => {
    const { response, text, rows } = await csvOf("/stories/export.csv?tag=respite");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="fifth-option-stories-\d{4}-\d\d-\d\d\.csv"$/,
    );
    expect(rows).toEqual([
      {
        id: String(ids.respite),
        kind: "story",
        title: "Respite, at last",
        body_text: 'We got a week of "respite"\nfor Dad, after two years.',
        tags: "transport; respite",
        council_code: "E06000001",
        council_name: "Hartlepool",
        region: "North East",
        // Shown under the author's name on the site: no perspective (it could tie it to their anonymous posts).
        author_perspective: "",
        // 23:30 UTC on 31 March is 00:30 on 1 April in the UK: the month people saw on the page.
        month: "2026-04",
      },
    ]);
    expect(text).not.toContain("exported_author");
    expect(text).not.toMatch(/\d\d:\d\d/);
  });

  it("are one table with a header row; the licence and a citation of the search are in its data package", async () => {
    const { text } = await csvOf("/stories/export.csv?q=respite&tag=respite");
    expect(text.split("\n")[0]).toBe(
      "id,kind,title,body_text,tags,council_code,council_name,region,author_perspective,month",
    );
    const checked = await checkDataPackage("/stories/export/datapackage.json?q=respite&tag=respite");
    expect(checked.csvPath).toBe("/stories/export.csv?q=respite&tag=respite");
    expect(checked.citation).toMatch(
      /^Fifth Option \(\d{4}\)\. Stories matching “respite”, tagged “Respite and short breaks”\. Retrieved \d{4}-\d\d-\d\d from http:\/\/localhost\/stories\?q=respite&tag=respite$/,
    );
    expect(checked.rows.map((row) => row.id)).toEqual([String(ids.respite)]);
    expect(checked.fields.find((field) => field.name === "month")?.type).toBe("yearmonth");
  });

  it("have a data package that refuses what the download refuses", async () => {
    expect((await send("/stories/export/datapackage.json?kind=poem")).status).toBe(400);
    expect((await send("/stories/export/datapackage.json?tag=no-such-tag")).status).toBe(404);
    const named = await send("/stories/export/datapackage.json?tag=Respite%20and%20short%20breaks");
    expect(named.status).toBe(302);
    expect(named.headers.get("Location")).toBe("/stories/export/datapackage.json?tag=respite");
  });

  it("defuse text that a spreadsheet would run as a formula", async () => {
    const { rows } = await csvOf("/stories/export.csv?kind=question");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.title).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(rows[0]?.body_text).toBe("'@SUM(A1:A2) is not a formula here.");
    expect(rows[0]?.council_code).toBe("");
  });
});

describe("JSON downloads", () => {
  it("put the licence and citation beside the stories, text exactly as written", async () => {
    const response = await send("/stories/export.json", { clientAddress: uniqueClientAddress() });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const body = (await response.json()) as {
      licence: { name: string; url: string };
      citation: string;
      retrieved: string;
      datapackage: string;
      stories: Record<string, unknown>[];
    };
    expect(body.datapackage).toBe("http://localhost/stories/export/datapackage.json");
    expect(body.licence).toMatchObject({ name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" });
    expect(body.citation).toMatch(
      /^Fifth Option \(\d{4}\)\. Stories\. Retrieved \d{4}-\d\d-\d\d from http:\/\/localhost\/stories$/,
    );
    // Newest first, as on the page.
    expect(body.stories.map((story) => story.id)).toEqual([ids.formula, ids.respite]);
    expect(body.stories[1]).toEqual({
      id: ids.respite,
      kind: "story",
      title: "Respite, at last",
      body_text: 'We got a week of "respite"\nfor Dad, after two years.',
      tags: ["transport", "respite"],
      council_code: "E06000001",
      council_name: "Hartlepool",
      region: "North East",
      author_perspective: null,
      month: "2026-04",
    });
    expect(body.stories[0]).toMatchObject({
      title: '=HYPERLINK("http://evil.example","click")',
      council_code: null,
      tags: [],
    });
  });
});

describe("large downloads", () => {
  it("stream thousands of rows into complete, well-formed files", async () => {
    await sql(
      `INSERT INTO post (kind, title, body_markdown, body_html, body_text, author_perspective, status, published_at, area_code)
       SELECT 'practice_note', 'Bulk note ' || g, 'Line one, "quoted"' || E'\\n' || 'line two ' || g, '<p>x</p>',
              'Line one, "quoted"' || E'\\n' || 'line two ' || g, 'support_planner', 'published',
              timestamptz '2025-01-01' + g * interval '1 hour', 'W06000001'
       FROM generate_series(1, 5000) g`,
    );
    const { rows } = await csvOf("/stories/export.csv?kind=practice_note");
    expect(rows).toHaveLength(5000);
    expect(new Set(rows.map((row) => row.id)).size).toBe(5000);
    // Newest first is by month, then by (random) id: the month's order says nothing about the hour.
    const months = rows.map((row) => row.month ?? "");
    expect(months).toEqual([...months].sort().reverse());
    expect(rows[0]).toMatchObject({ month: "2025-07", council_name: "Isle of Anglesey", region: "Wales" });
    expect(rows[0]?.body_text).toMatch(/^Line one, "quoted"\nline two \d+$/);
    const first = rows[0] ?? {};
    expect(first.body_text?.endsWith(` ${first.title?.slice("Bulk note ".length) ?? "?"}`)).toBe(true);
    expect(rows.at(-1)?.month).toBe("2025-01");

    const json = await send("/stories/export.json?kind=practice_note&region=W92000004", {
      clientAddress: uniqueClientAddress(),
    });
    const body = (await json.json()) as { stories: { title: string; month: string }[] };
    expect(body.stories).toHaveLength(5000);
    expect(body.stories.at(-1)?.month).toBe("2025-01");
  });
});

describe("refusals", () => {
  it("name the field of an invalid filter (400) and an unknown tag (404), in plain words", async () => {
    const invalid = await send("/stories/export.csv?kind=poem", { clientAddress: uniqueClientAddress() });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toBe("Kind must be story, practice_note or question.");
    const unknown = await send("/stories/export.json?tag=no-such-tag", { clientAddress: uniqueClientAddress() });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("There is no tag called “no-such-tag”.");
  });

  it("allow 20 downloads an hour per client, then say when to try again", async () => {
    const client = uniqueClientAddress();
    for (let i = 0; i < 20; i++) {
      const response = await send(`/stories/export.${i % 2 ? "csv" : "json"}?kind=question`, { clientAddress: client });
      expect(response.status).toBe(200);
      await response.text();
    }
    const refused = await send("/stories/export.csv?kind=question", { clientAddress: client });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(await refused.text()).toMatch(
      /^You have downloaded 20 files in the last hour, the most there can be\. Try again in \d+ minutes\.$/,
    );
    // Someone else is not affected.
    expect((await send("/stories/export.csv?kind=question", { clientAddress: uniqueClientAddress() })).status).toBe(
      200,
    );
  });
});
