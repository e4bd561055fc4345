// Queries for the reference data stories are filed under: councils (with their regions and
// nations) and tags, as the public API lists them.
import { prisma } from "./db/client.server";

export async function listCouncils({ nation, region }: { nation: string | null; region: string | null }) {
  const areas = await prisma().area.findMany({
    where: { ...(nation ? { nation } : {}), ...(region ? { regionCode: region } : {}) },
    orderBy: [{ name: "asc" }, { code: "asc" }],
    select: { code: true, name: true, regionCode: true, regionName: true, nation: true },
  });
  return areas.map((area) => ({
    code: area.code,
    name: area.name,
    region: { code: area.regionCode, name: area.regionName },
    nation: area.nation,
  }));
}

export async function regionExists(code: string): Promise<boolean> {
  return (await prisma().area.findFirst({ where: { regionCode: code }, select: { code: true } })) !== null;
}

export async function listTags() {
  return prisma().tag.findMany({
    orderBy: [{ group: "asc" }, { sortOrder: "asc" }, { slug: "asc" }],
    select: { slug: true, label: true, group: true },
  });
}
