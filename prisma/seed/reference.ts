// Reference data every installation needs: councils (prisma/data/councils.csv) and the starter
// taxonomy. Idempotent: running it again updates names and labels, never duplicates.
import { readFile } from "node:fs/promises";
import path from "node:path";

import { parse } from "csv-parse/sync";
import type pg from "pg";

import { starterTags } from "../../app/domain/taxonomy";

interface CouncilRow {
  code: string;
  name: string;
  kind: string;
  region_code: string;
  region_name: string;
  nation: string;
}

// From the project folder, as the migrations are (db/migrations.server.ts): the server runs bundled
// from build/server (package.json "build"), where this module's own folder is not prisma/seed.
export const COUNCILS_CSV = path.join(process.cwd(), "prisma", "data", "councils.csv");

export async function readCouncils(file = COUNCILS_CSV): Promise<CouncilRow[]> {
  return parse(await readFile(file, "utf8"), { columns: true, skip_empty_lines: true, trim: true }) as CouncilRow[];
}

export async function seedReferenceData(db: pg.ClientBase): Promise<{ councils: number; tags: number }> {
  const councils = await readCouncils();
  const tags = starterTags();
  await db.query("BEGIN");
  try {
    await db.query(
      `INSERT INTO area (code, name, kind, region_code, region_name, nation)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
         region_code = EXCLUDED.region_code, region_name = EXCLUDED.region_name, nation = EXCLUDED.nation`,
      [
        councils.map((c) => c.code),
        councils.map((c) => c.name),
        councils.map((c) => c.kind),
        councils.map((c) => c.region_code),
        councils.map((c) => c.region_name),
        councils.map((c) => c.nation),
      ],
    );
    await db.query(
      `INSERT INTO tag (slug, label, "group", sort_order)
       SELECT * FROM unnest($1::text[], $2::text[], $3::tag_group[], $4::int[])
       ON CONFLICT (slug) DO UPDATE SET label = EXCLUDED.label, "group" = EXCLUDED."group", sort_order = EXCLUDED.sort_order`,
      [tags.map((t) => t.slug), tags.map((t) => t.label), tags.map((t) => t.group), tags.map((t) => t.sortOrder)],
    );
    await db.query("COMMIT");
  } catch (error) {
    await db.query("ROLLBACK");
    throw error;
  }
  return { councils: councils.length, tags: tags.length };
}
