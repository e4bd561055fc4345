// The starter taxonomy (docs/architecture.md, "The domain"): seeded as tags, and the fixed answer lists of
// the experience report. Keys match the PostgreSQL enums in prisma/schema.prisma.

export const PERSPECTIVES = {
  carer: { label: "Carer", byline: "a carer" },
  supported_person: { label: "Person with support needs", byline: "a person with support needs" },
  acting_for_person: {
    label: "Acting for someone who lacks capacity",
    byline: "someone acting for a person who lacks capacity",
  },
  support_planner: { label: "Support planner or broker", byline: "a support planner" },
  social_worker: { label: "Social worker", byline: "a social worker" },
  provider_staff: { label: "Provider staff", byline: "someone working for a care provider" },
  researcher: { label: "Researcher", byline: "a researcher" },
  other: { label: "Other", byline: "a member" },
} as const;
export type Perspective = keyof typeof PERSPECTIVES;

export const SUPPORT_ARRANGEMENTS = {
  dp_employer: { slug: "dp-employer", label: "Direct payment, employing personal assistants" },
  dp_agency: { slug: "dp-agency", label: "Direct payment, buying from an agency" },
  managed_budget: { slug: "managed-budget", label: "Council-managed personal budget" },
  isf: { slug: "isf", label: "Individual service fund held by a provider" },
  shared_lives: { slug: "shared-lives", label: "Shared Lives (living with or visiting a Shared Lives carer)" },
  commissioned: { slug: "commissioned", label: "Services commissioned by the council, no personal budget" },
  care_home: { slug: "care-home", label: "Care home or nursing home" },
  family_only: { slug: "family-only", label: "Unpaid care by family only" },
  mixed: { slug: "mixed", label: "A mix of these (for example a direct payment and council services)" },
  self_funded: { slug: "self-funded", label: "Paying for care privately" },
  waiting: { slug: "waiting", label: "Still waiting for an assessment or a budget" },
} as const;
export type SupportArrangement = keyof typeof SUPPORT_ARRANGEMENTS;

export const CLIENT_GROUPS = {
  learning_disability: { slug: "learning-disability", label: "Learning disability" },
  autism: { slug: "autism", label: "Autism" },
  physical_disability: { slug: "physical-disability", label: "Physical disability" },
  older_people: { slug: "older-people", label: "Older age" },
  dementia: { slug: "dementia", label: "Dementia" },
  mental_health: { slug: "mental-health", label: "Mental health" },
  sensory: { slug: "sensory", label: "Sensory impairment" },
  brain_injury: { slug: "brain-injury", label: "Acquired brain injury" },
  long_term_condition: { slug: "long-term-condition", label: "Long-term condition" },
  other: { slug: "other", label: "Other" },
} as const;
export type ClientGroup = keyof typeof CLIENT_GROUPS;

export const PLAN_LEADS = {
  self_led: "The person themselves or their family",
  peer_led: "A peer supporter or user-led organisation",
  planner_led: "An independent support planner or broker",
  council_led: "The council",
  unknown: "Don't know",
} as const;

export const BUDGET_CHANGES = {
  increased: "Increased",
  same: "Stayed the same",
  reduced: "Reduced",
  stopped: "Stopped",
  no_review: "No review yet",
} as const;

export const OUTCOME_RATINGS = {
  a_lot_better: "Got a lot better",
  a_bit_better: "Got a bit better",
  same: "Stayed the same",
  a_bit_worse: "Got a bit worse",
  a_lot_worse: "Got a lot worse",
  not_relevant: "Not relevant",
} as const;

/**
 * The areas of life an experience report rates. `label` is the member's own wording (also the
 * dashboard's); `theirs`, where it differs, is the same question when the member reports about
 * someone else (a carer, someone acting for a person, a professional): one list, both wordings.
 */
export const OUTCOME_DOMAINS: readonly { slug: string; label: string; theirs?: string }[] = [
  { slug: "control-daily-life", label: "Control over daily life" },
  { slug: "control-support", label: "Control over my support", theirs: "Control over their support" },
  {
    slug: "support-when-needed",
    label: "Getting the support I need, when I need it",
    theirs: "Getting the support they need, when they need it",
  },
  { slug: "dignity", label: "Dignity in the way I am supported", theirs: "Dignity in the way they are supported" },
  { slug: "safety", label: "Feeling safe, at home and outside" },
  { slug: "physical-health", label: "Physical health" },
  { slug: "mental-wellbeing", label: "Mental wellbeing" },
  { slug: "relationships", label: "Relationships with family and friends" },
  {
    slug: "community",
    label: "Taking part in the community; doing things I value and enjoy",
    theirs: "Taking part in the community; doing things they value and enjoy",
  },
  { slug: "occupation", label: "Work, volunteering or learning" },
  { slug: "home", label: "Where and with whom I live", theirs: "Where and with whom they live" },
  { slug: "quality-of-life", label: "Quality of life overall" },
];

/** Asked of carers only, about themselves (their own wording, whoever they care for). */
export const CARER_OUTCOME_DOMAINS = [
  { slug: "carer-wellbeing", label: "Staying well" },
  { slug: "carer-sustain", label: "Being able to keep caring" },
  { slug: "carer-own-life", label: "Having a life of my own" },
] as const;

export const TOPICS = [
  { slug: "assessment", label: "Assessment and review" },
  { slug: "employer", label: "Being an employer" },
  { slug: "finding-pas", label: "Finding personal assistants" },
  { slug: "agencies", label: "Agencies" },
  { slug: "day-services", label: "Day services" },
  { slug: "transport", label: "Transport" },
  { slug: "respite", label: "Respite and short breaks" },
  { slug: "capacity", label: "Mental capacity and decisions" },
  { slug: "advocacy", label: "Advocacy" },
  { slug: "complaints", label: "Appeals and complaints" },
  { slug: "cuts", label: "Cuts and reductions" },
  { slug: "peer-support", label: "Peer support" },
  { slug: "people-led-planning", label: "People-led planning" },
  { slug: "paperwork", label: "Paperwork" },
  { slug: "charging", label: "Money and charging" },
] as const;

export const FEELINGS = [
  "Heard",
  "Relieved",
  "Hopeful",
  "Supported",
  "Confused",
  "Ignored",
  "Exhausted",
  "Anxious",
  "Angry",
  "Let down",
].map((label) => ({ slug: label.toLowerCase().replace(/\s+/g, "-"), label }));

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
