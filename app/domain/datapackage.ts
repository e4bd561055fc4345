// What travels beside every CSV download: a Frictionless Data Package (datapackage.json) naming the
// file, its columns (a Table Schema with types and descriptions), the licence and the citation.
// The CSV itself is one rectangular table with a header row, so Excel, LibreOffice and pandas
// open it with their defaults; everything that used to sit in "#" lines at its top is here.
import { DATA_LICENCE } from "./licence";
import type { TIDY_COLUMNS } from "./outcomes/tidy-rows";

export interface TableField {
  name: string;
  type: "string" | "integer" | "yearmonth";
  description: string;
}

/** The story download's columns, in order. */
export const STORY_FIELDS = [
  { name: "id", type: "integer", description: "The story's id on the site (random, not a count): /stories/{id}." },
  { name: "kind", type: "string", description: "story, practice_note or question." },
  { name: "title", type: "string", description: "The title as published." },
  { name: "body_text", type: "string", description: "The text as published, without Markdown." },
  { name: "tags", type: "string", description: "Tag slugs, separated by a semicolon and a space." },
  {
    name: "council_code",
    type: "string",
    description: "ONS code of the council, when the author let the byline name it; empty otherwise.",
  },
  { name: "council_name", type: "string", description: "The council's name, when council_code is given." },
  {
    name: "region",
    type: "string",
    description: "The region, unless the author chose to name only the nation.",
  },
  {
    name: "author_perspective",
    type: "string",
    description: "The author's perspective when posting, for anonymous posts only (empty for named posts).",
  },
  {
    name: "month",
    type: "yearmonth",
    description: "The month it was published (YYYY-MM, UK time). Exact times are never published.",
  },
] as const satisfies readonly TableField[];

export type StoryFieldName = (typeof STORY_FIELDS)[number]["name"];

const OUTCOME_FIELD_DESCRIPTIONS: Record<(typeof TIDY_COLUMNS)[number], string> = {
  place_code: "ONS code of the council, region or nation (or a label for a comparison or a plan lead).",
  place: "The place's name.",
  section: "Which part of the dashboard the figure belongs to.",
  measure: "What is counted or measured.",
  category: "The answer, area of life, quarter or statistic the figure is for.",
  value:
    "The figure (counts perturbed and rounded to 5), or why it is withheld: fewer than 5, fewer than 10, or withheld.",
  interval_low: "Lower end of the 95% interval, where there is one.",
  interval_high: "Upper end of the 95% interval, where there is one.",
  unit: "The figure's unit.",
};

/** The outcome download's columns, in order: every one is text, since a withheld figure says why in words. */
export function outcomeFields(columns: readonly (typeof TIDY_COLUMNS)[number][]): TableField[] {
  return columns.map((name) => ({ name, type: "string", description: OUTCOME_FIELD_DESCRIPTIONS[name] }));
}

export interface DataPackageInput {
  /** Lower case, digits, "-": the package's and the resource's name. */
  name: string;
  title: string;
  description: string;
  /** The CSV's absolute address, with the same filters as the package's own. */
  csvUrl: string;
  /** The page the data comes from. */
  homepage: string;
  fields: readonly TableField[];
  primaryKey?: string;
  citation: string;
}

/** A Frictionless Data Package (v2) describing one CSV download. */
export function dataPackage(input: DataPackageInput) {
  const licenses = [{ name: "CC-BY-4.0", title: DATA_LICENCE.title, path: DATA_LICENCE.url }];
  return {
    $schema: "https://datapackage.org/profiles/2.0/datapackage.json",
    name: input.name,
    title: input.title,
    description: input.description,
    homepage: input.homepage,
    licenses,
    citation: input.citation,
    sources: [{ title: "Fifth Option", path: input.homepage }],
    resources: [
      {
        name: input.name,
        type: "table",
        path: input.csvUrl,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: { header: true, delimiter: ",", quoteChar: '"', doubleQuote: true },
        licenses,
        schema: {
          fields: input.fields.map((field) => ({
            name: field.name,
            type: field.type,
            description: field.description,
            ...(field.type === "yearmonth" ? { format: "default" } : {}),
          })),
          ...(input.primaryKey ? { primaryKey: [input.primaryKey] } : {}),
        },
      },
    ],
  };
}

export type DataPackage = ReturnType<typeof dataPackage>;

/** A `Link` header value naming a licence: every download, data package and API answer carries it. */
export const LICENCE_LINK = `<${DATA_LICENCE.url}>; rel="license"`;

/** A `Link` header value naming the data package that describes an answer. */
export function describedByLink(dataPackageUrl: string): string {
  return `<${dataPackageUrl}>; rel="describedby"; type="application/vnd.datapackage+json"`;
}

/** The `Link` header of a download: its data package, when it has one, and its licence. */
export function dataLinks(describedBy: string | null): string {
  return describedBy ? `${describedByLink(describedBy)}, ${LICENCE_LINK}` : LICENCE_LINK;
}
