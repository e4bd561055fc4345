// The reference data posts and reports are filed under: councils (with their regions and nations)
// and tags. Forms, filters and the public API all list them from here.
import type { Area } from "~/domain/anonymity/byline";
import { Refusal } from "~/domain/forms";

import { prisma } from "../db/client.server";

/** 400 on the council field (code name "area"). */
export class UnknownCouncil extends Refusal {
  constructor() {
    super("Choose a council from the list, or leave it empty", 400, "area");
  }
}

/** Councils by name, optionally within one nation or region. */
export async function listCouncils({
  nation = null,
  region = null,
}: { nation?: string | null; region?: string | null } = {}): Promise<Area[]> {
  return prisma().area.findMany({
    where: { ...(nation ? { nation } : {}), ...(region ? { regionCode: region } : {}) },
    orderBy: [{ name: "asc" }, { code: "asc" }],
    select: { code: true, name: true, regionCode: true, regionName: true, nation: true },
  });
}

/** The council (with its region and nation) for a name or code typed into the council box; null when left empty. */
export async function resolveArea(input: string): Promise<Area | null> {
  const value = input.trim();
  if (!value) return null;
  const area = await prisma().area.findFirst({
    where: { OR: [{ code: value.toUpperCase() }, { name: { equals: value, mode: "insensitive" } }] },
    select: { code: true, name: true, regionCode: true, regionName: true, nation: true },
  });
  if (!area) throw new UnknownCouncil();
  return area;
}

export async function regionExists(code: string): Promise<boolean> {
  return (await prisma().area.findFirst({ where: { regionCode: code }, select: { code: true } })) !== null;
}

/** Tags in their groups, in the order forms show them. */
export async function listTags() {
  return prisma().tag.findMany({
    orderBy: [{ group: "asc" }, { sortOrder: "asc" }, { slug: "asc" }],
    select: { slug: true, label: true, group: true },
  });
}
