// The starter taxonomy (docs/architecture.md, "The domain"): seeded as tags, and the fixed answer lists of
// the experience report. The words are data, in taxonomy.json; keys match the PostgreSQL enums in
// prisma/schema.prisma, and a key's tag slug is the key with "-" for "_".
import taxonomy from "./taxonomy.json";

/** Each key with its tag slug and label: `{ dp_employer: { slug: "dp-employer", label: … } }`. */
function withSlugs<K extends string>(labels: Record<K, string>): Record<K, { slug: string; label: string }> {
  return Object.fromEntries(
    Object.entries<string>(labels).map(([key, label]) => [key, { slug: key.replaceAll("_", "-"), label }]),
  ) as Record<K, { slug: string; label: string }>;
}

/** `{ slug: label }` as the list of tags it describes, in order. */
function slugLabels(labels: Record<string, string>): { slug: string; label: string }[] {
  return Object.entries(labels).map(([slug, label]) => ({ slug, label }));
}

export const PERSPECTIVES = taxonomy.perspectives;
export type Perspective = keyof typeof PERSPECTIVES;

export const SUPPORT_ARRANGEMENTS = withSlugs(taxonomy.supportArrangements);
export type SupportArrangement = keyof typeof SUPPORT_ARRANGEMENTS;

export const CLIENT_GROUPS = withSlugs(taxonomy.clientGroups);
export type ClientGroup = keyof typeof CLIENT_GROUPS;

export const PLAN_LEADS = taxonomy.planLeads;
export const BUDGET_CHANGES = taxonomy.budgetChanges;
export const OUTCOME_RATINGS = taxonomy.outcomeRatings;

/**
 * The areas of life an experience report rates. `label` is the member's own wording (also the
 * dashboard's); `theirs`, where it differs, is the same question when the member reports about
 * someone else (a carer, someone acting for a person, a professional): one list, both wordings.
 */
export const OUTCOME_DOMAINS: readonly { slug: string; label: string; theirs?: string }[] = taxonomy.outcomeDomains;

/** Asked of carers only, about themselves (their own wording, whoever they care for). */
export const CARER_OUTCOME_DOMAINS: readonly { slug: string; label: string }[] = taxonomy.carerOutcomeDomains;

export const TOPICS = slugLabels(taxonomy.topics);

export const FEELINGS = taxonomy.feelings.map((label) => ({ slug: label.toLowerCase().replace(/\s+/g, "-"), label }));

export type TagGroup = "topic" | "support_arrangement" | "client_group" | "feeling";

export interface StarterTag {
  slug: string;
  label: string;
  group: TagGroup;
  sortOrder: number;
}

/** Every tag the site starts with, in display order within each group. */
export function starterTags(): StarterTag[] {
  const withOrder = (group: TagGroup, items: readonly { slug: string; label: string }[]) =>
    items.map((item, index) => ({ slug: item.slug, label: item.label, group, sortOrder: index }));
  return [
    ...withOrder("topic", TOPICS),
    ...withOrder("support_arrangement", Object.values(SUPPORT_ARRANGEMENTS)),
    // "Other" alone reads oddly in a list of tags.
    ...withOrder(
      "client_group",
      Object.values(CLIENT_GROUPS).map((g) => (g.slug === "other" ? { ...g, label: "Other support needs" } : g)),
    ),
    ...withOrder("feeling", FEELINGS),
  ];
}

/** The nations whose councils are listed (prisma/data/councils.csv). */
export const NATIONS = ["England", "Scotland", "Wales"] as const;
export type Nation = (typeof NATIONS)[number];
