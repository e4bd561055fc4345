// How places are named in sentences. Councils, regions and nations come from prisma/data/councils.csv;
// English regions mostly take "the" ("in the North East"), but London, Yorkshire and The Humber and
// the nations do not ("in London", "in Yorkshire and The Humber", "in Wales").

/** Nations of the councils data (Northern Ireland too, should its trusts ever be listed). */
export const NATION_NAMES = ["England", "Scotland", "Wales", "Northern Ireland"] as const;

/** Regions named without "the". */
const WITHOUT_ARTICLE = new Set<string>(["London", "Yorkshire and The Humber", ...NATION_NAMES]);

/** A region or nation as it reads inside a sentence: "the North East", "Yorkshire and The Humber", "Wales". */
export function regionWithArticle(name: string): string {
  return WITHOUT_ARTICLE.has(name) ? name : `the ${name}`;
}

/**
 * "in Leeds", "in the North East", "in Yorkshire and The Humber", "in Wales". A council's name is
 * used as it is; a region's or nation's takes "the" where English does.
 */
export function inPlace(place: { name: string; level: "area" | "region" | "nation" }): string {
  return `in ${place.level === "area" ? place.name : regionWithArticle(place.name)}`;
}
