// A deterministic demo community: plausible UK adult social care experiences, with no real
// people's details. Everything is built from a library of text fragments combined by a small
// seeded random generator, so the same seed always gives the same community.
//
// Pure module: no I/O, no Math.random, and no imports but the taxonomy (app/domain/taxonomy.ts),
// whose slugs and answer lists it uses. `prisma/seed/demo.ts` writes the result to the database.
//
// Fragment conventions. A fragment may start with a voice marker saying who can say it:
//   "c:" a carer or someone acting for a person ("my son", "{he}")
//   "s:" the person with support needs, in the first person
//   "sw:" a social worker, "pl:" a support planner, broker, advocate or user-led organisation,
//   "pr:" provider staff (PAs, home care, day services), "p:" any of those three practitioners.
// No marker means a family voice: carers and people with support needs, never practitioners.
// Placeholders ({rel}, {Rel}, {he}, {He}, {him}, {Him}, {his}, {His}) only appear in "c:" text.

import {
  CARER_OUTCOME_DOMAINS,
  CLIENT_GROUPS,
  type ClientGroup,
  OUTCOME_DOMAINS,
  type Perspective,
  SUPPORT_ARRANGEMENTS,
  type SupportArrangement,
} from "../../app/domain/taxonomy";

export type { ClientGroup, Perspective, SupportArrangement };
export type PlanLead = "self_led" | "peer_led" | "planner_led" | "council_led" | "unknown";
export type BudgetChange = "increased" | "same" | "reduced" | "stopped" | "no_review";
export type Ease = "very_easy" | "easy" | "neither" | "hard" | "very_hard";
export type BudgetCoverage = "fully" | "partly" | "not_at_all";
export type OutcomeRating = "a_lot_better" | "a_bit_better" | "same" | "a_bit_worse" | "a_lot_worse" | "not_relevant";

export interface DemoUser {
  handle: string;
  perspective: Perspective;
  role: "member" | "moderator" | "researcher" | "admin";
  trustLevel: 0 | 1 | 2;
}
export interface DemoPost {
  key: number;
  authorIndex: number;
  kind: "story" | "practice_note" | "question";
  title: string;
  bodyMarkdown: string;
  areaCode: string | null;
  tagSlugs: string[];
  displayMode: "handle" | "anonymous";
  daysAgo: number;
  status: "published" | "pending" | "changes_requested" | "rejected";
}
export interface DemoComment {
  key: number;
  postKey: number;
  parentKey: number | null;
  authorIndex: number;
  bodyMarkdown: string;
  daysAgo: number;
  displayMode: "handle" | "anonymous";
  status: "published" | "pending";
}
export interface DemoReport {
  authorIndex: number;
  postKey: number | null;
  areaCode: string;
  /** YYYY-MM-DD, the first day of a quarter. */
  quarterStart: string;
  perspective: Perspective;
  supportArrangement: SupportArrangement;
  clientGroup: ClientGroup;
  planLead: PlanLead;
  budgetChange: BudgetChange;
  ease: Ease | null;
  weeksToSupport: number | null;
  budgetCoverage: BudgetCoverage | null;
  hourlyRatePence: number | null;
  paidHoursPerWeek: number | null;
  unpaidHoursPerWeek: number | null;
  /** Outcome domain slug (app/domain/taxonomy.ts) → rating. */
  outcomes: Record<string, OutcomeRating>;
  comment: string | null;
}
export interface DemoCommunity {
  users: DemoUser[];
  posts: DemoPost[];
  comments: DemoComment[];
  reports: DemoReport[];
}

export const DEMO_SEED = 20261122;

// ---------------------------------------------------------------------------------------------
// Random numbers

/** mulberry32: tiny, fast, good enough for demo data, and identical on every platform. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** 0 ≤ x < 1 */
  float(): number {
    return this.next();
  }
  /** min ≤ n ≤ max, integers. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  /** Roughly normal, mean 0, standard deviation 1. */
  gauss(): number {
    return (this.next() + this.next() + this.next() - 1.5) * 2;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick out of range");
    return item;
  }
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    if (items.length === 0) throw new Error("weighted pick from an empty list");
    let total = 0;
    for (const item of items) total += Math.max(0, weight(item));
    if (total <= 0) return this.pick(items);
    let roll = this.next() * total;
    for (const item of items) {
      roll -= Math.max(0, weight(item));
      if (roll < 0) return item;
    }
    return this.pick(items);
  }
  /** Up to `count` distinct items, in random order. */
  some<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < count && copy.length > 0) {
      const [item] = copy.splice(Math.floor(this.next() * copy.length), 1);
      if (item !== undefined) out.push(item);
    }
    return out;
  }
  shuffle<T>(items: readonly T[]): T[] {
    return this.some(items, items.length);
  }
}

// ---------------------------------------------------------------------------------------------
// Taxonomy (slugs from app/domain/taxonomy.ts)

const OUTCOME_DOMAIN_SLUGS = OUTCOME_DOMAINS.map((domain) => domain.slug);
const CARER_DOMAIN_SLUGS = CARER_OUTCOME_DOMAINS.map((domain) => domain.slug);
type Domain = (typeof OUTCOME_DOMAINS)[number]["slug"] | (typeof CARER_OUTCOME_DOMAINS)[number]["slug"];
/** Arrangements with no paid hourly support to ask about (as in the report form). */
const NO_PAID_SUPPORT: ReadonlySet<SupportArrangement> = new Set<SupportArrangement>([
  "family_only",
  "waiting",
  "care_home",
]);

// ---------------------------------------------------------------------------------------------
// Members

type Voice = "c" | "s" | "sw" | "pl" | "pr";
type RelationKey =
  | "son"
  | "daughter"
  | "mum"
  | "dad"
  | "husband"
  | "wife"
  | "partnerHe"
  | "partnerShe"
  | "brother"
  | "sister"
  | "nan"
  | "grandad"
  | "motherInLaw"
  | "grandson";

interface Relation {
  rel: string;
  he: string;
  him: string;
  his: string;
}
const RELATIONS: Record<RelationKey, Relation> = {
  son: { rel: "my son", he: "he", him: "him", his: "his" },
  daughter: { rel: "my daughter", he: "she", him: "her", his: "her" },
  mum: { rel: "my mum", he: "she", him: "her", his: "her" },
  dad: { rel: "my dad", he: "he", him: "him", his: "his" },
  husband: { rel: "my husband", he: "he", him: "him", his: "his" },
  wife: { rel: "my wife", he: "she", him: "her", his: "her" },
  partnerHe: { rel: "my partner", he: "he", him: "him", his: "his" },
  partnerShe: { rel: "my partner", he: "she", him: "her", his: "her" },
  brother: { rel: "my brother", he: "he", him: "him", his: "his" },
  sister: { rel: "my sister", he: "she", him: "her", his: "her" },
  nan: { rel: "my nan", he: "she", him: "her", his: "her" },
  grandad: { rel: "my grandad", he: "he", him: "him", his: "his" },
  motherInLaw: { rel: "my mother-in-law", he: "she", him: "her", his: "her" },
  grandson: { rel: "my grandson", he: "he", him: "him", his: "his" },
};
const RELATIONS_BY_GROUP: Record<ClientGroup, readonly RelationKey[]> = {
  learning_disability: ["son", "daughter", "brother", "sister", "grandson"],
  autism: ["son", "daughter", "brother", "grandson"],
  physical_disability: ["son", "daughter", "husband", "wife", "partnerHe", "partnerShe", "brother"],
  older_people: ["mum", "dad", "nan", "grandad", "motherInLaw", "husband", "wife"],
  dementia: ["mum", "dad", "husband", "wife", "nan", "motherInLaw"],
  mental_health: ["son", "daughter", "partnerHe", "partnerShe", "sister", "brother"],
  sensory: ["mum", "dad", "son", "husband"],
  brain_injury: ["husband", "wife", "partnerHe", "son", "brother", "dad"],
  long_term_condition: ["wife", "husband", "mum", "dad", "partnerShe", "daughter"],
  other: ["son", "daughter", "mum", "partnerHe"],
};

interface Member {
  handle: string;
  perspective: Perspective;
  role: DemoUser["role"];
  trustLevel: 0 | 1 | 2;
  /** Whose support their stories are usually about (carers) or their own (people with support needs). */
  group?: ClientGroup;
  relation?: RelationKey;
  /** How much they post and comment, relative to others. */
  activity: number;
}

// The first handle is how demo.ts tells whether the demo is already loaded: keep it first.
const MEMBERS: readonly Member[] = [
  {
    handle: "tired_but_hopeful",
    perspective: "carer",
    role: "member",
    trustLevel: 2,
    group: "learning_disability",
    relation: "son",
    activity: 3,
  },
  {
    handle: "pa_employer_north",
    perspective: "supported_person",
    role: "member",
    trustLevel: 2,
    group: "physical_disability",
    activity: 2.5,
  },
  { handle: "brokerage_bee", perspective: "support_planner", role: "member", trustLevel: 2, activity: 2.5 },
  {
    handle: "night_shift_mum",
    perspective: "carer",
    role: "member",
    trustLevel: 1,
    group: "autism",
    relation: "son",
    activity: 2,
  },
  {
    handle: "wheels_and_words",
    perspective: "supported_person",
    role: "member",
    trustLevel: 1,
    group: "physical_disability",
    activity: 1.5,
  },
  {
    handle: "quiet_advocate",
    perspective: "acting_for_person",
    role: "member",
    trustLevel: 1,
    group: "learning_disability",
    relation: "sister",
    activity: 1,
  },
  {
    handle: "kettle_on_carer",
    perspective: "carer",
    role: "member",
    trustLevel: 1,
    group: "dementia",
    relation: "husband",
    activity: 2,
  },
  {
    handle: "plan_it_ourselves",
    perspective: "carer",
    role: "member",
    trustLevel: 2,
    group: "learning_disability",
    relation: "daughter",
    activity: 2,
  },
  { handle: "frontline_sw", perspective: "social_worker", role: "member", trustLevel: 1, activity: 1.5 },
  { handle: "rota_wrangler", perspective: "provider_staff", role: "member", trustLevel: 1, activity: 1 },
  {
    handle: "far_away_daughter",
    perspective: "carer",
    role: "member",
    trustLevel: 0,
    group: "older_people",
    relation: "mum",
    activity: 1,
  },
  {
    handle: "slow_and_steady",
    perspective: "supported_person",
    role: "member",
    trustLevel: 0,
    group: "older_people",
    activity: 0.8,
  },
  {
    handle: "isf_explorer",
    perspective: "carer",
    role: "member",
    trustLevel: 1,
    group: "autism",
    relation: "daughter",
    activity: 1.2,
  },
  {
    handle: "valley_carer",
    perspective: "carer",
    role: "member",
    trustLevel: 0,
    group: "physical_disability",
    relation: "wife",
    activity: 1,
  },
  {
    handle: "deputy_for_dad",
    perspective: "acting_for_person",
    role: "member",
    trustLevel: 1,
    group: "dementia",
    relation: "dad",
    activity: 1.2,
  },
  { handle: "kitchen_table_planner", perspective: "support_planner", role: "member", trustLevel: 2, activity: 1.5 },
  { handle: "coastal_pa", perspective: "provider_staff", role: "member", trustLevel: 0, activity: 0.8 },
  {
    handle: "still_waiting_here",
    perspective: "carer",
    role: "member",
    trustLevel: 0,
    group: "brain_injury",
    relation: "partnerHe",
    activity: 1,
  },
  {
    handle: "autistic_and_loud",
    perspective: "supported_person",
    role: "member",
    trustLevel: 1,
    group: "autism",
    activity: 1.5,
  },
  {
    handle: "sibling_support",
    perspective: "carer",
    role: "member",
    trustLevel: 0,
    group: "learning_disability",
    relation: "brother",
    activity: 0.8,
  },
  {
    handle: "day_centre_regular",
    perspective: "supported_person",
    role: "member",
    trustLevel: 1,
    group: "learning_disability",
    activity: 0.8,
  },
  { handle: "bridge_builder_broker", perspective: "support_planner", role: "member", trustLevel: 1, activity: 1 },
  {
    handle: "hill_farm_helper",
    perspective: "carer",
    role: "member",
    trustLevel: 1,
    group: "older_people",
    relation: "dad",
    activity: 1,
  },
  {
    handle: "respite_seeker",
    perspective: "carer",
    role: "member",
    trustLevel: 0,
    group: "autism",
    relation: "son",
    activity: 1,
  },
  { handle: "amhp_reflections", perspective: "social_worker", role: "member", trustLevel: 1, activity: 1 },
  { handle: "agency_insider", perspective: "provider_staff", role: "member", trustLevel: 1, activity: 1 },
  {
    handle: "grandad_cares",
    perspective: "carer",
    role: "member",
    trustLevel: 0,
    group: "learning_disability",
    relation: "grandson",
    activity: 0.8,
  },
  {
    handle: "own_front_door",
    perspective: "supported_person",
    role: "member",
    trustLevel: 2,
    group: "mental_health",
    activity: 1.2,
  },
  { handle: "user_led_org", perspective: "other", role: "member", trustLevel: 1, activity: 1 },
  { handle: "community_connector", perspective: "other", role: "member", trustLevel: 0, activity: 0.5 },
  {
    handle: "mod_morning",
    perspective: "carer",
    role: "moderator",
    trustLevel: 2,
    group: "mental_health",
    relation: "daughter",
    activity: 0.8,
  },
  { handle: "mod_evening", perspective: "support_planner", role: "moderator", trustLevel: 2, activity: 0.8 },
  {
    handle: "mod_weekend",
    perspective: "supported_person",
    role: "moderator",
    trustLevel: 2,
    group: "sensory",
    activity: 0.8,
  },
  { handle: "data_digger", perspective: "researcher", role: "researcher", trustLevel: 1, activity: 0.3 },
  { handle: "policy_watcher", perspective: "researcher", role: "researcher", trustLevel: 1, activity: 0.3 },
  { handle: "site_keeper", perspective: "other", role: "admin", trustLevel: 2, activity: 0.3 },
  {
    handle: "learning_as_we_go",
    perspective: "carer",
    role: "member",
    trustLevel: 0,
    group: "long_term_condition",
    relation: "mum",
    activity: 1,
  },
  {
    handle: "capacity_questions",
    perspective: "acting_for_person",
    role: "member",
    trustLevel: 0,
    group: "brain_injury",
    relation: "brother",
    activity: 0.8,
  },
  { handle: "pa_of_ten_years", perspective: "provider_staff", role: "member", trustLevel: 2, activity: 1 },
  { handle: "second_opinion", perspective: "social_worker", role: "member", trustLevel: 0, activity: 0.8 },
];

/**
 * demo.ts dates member i's account (1100 - 7i) days before today; nothing a member writes
 * should be older than their account.
 */
const maxDaysAgoFor = (memberIndex: number) => Math.min(1000, 1100 - 7 * memberIndex - 2);

function voiceOf(member: Member): Voice | null {
  switch (member.perspective) {
    case "carer":
    case "acting_for_person":
      return "c";
    case "supported_person":
      return "s";
    case "social_worker":
      return "sw";
    case "support_planner":
      return "pl";
    case "provider_staff":
      return "pr";
    case "other":
      // A user-led organisation or a commissioner writes like a planner; the admin does not post.
      return member.role === "admin" ? null : "pl";
    case "researcher":
      return null;
  }
}
const isPractitioner = (voice: Voice | null) => voice === "sw" || voice === "pl" || voice === "pr";

// ---------------------------------------------------------------------------------------------
// Text library: themes

interface Theme {
  id: string;
  topics: readonly string[];
  arrangements: readonly SupportArrangement[];
  groups: readonly ClientGroup[];
  /** When set, carers writing on this theme write about one of these relations only. */
  relations?: readonly RelationKey[];
  feelings: readonly string[];
  titles: readonly string[];
  questions: readonly string[];
  practiceTitles: readonly string[];
  openings: readonly string[];
  middles: readonly string[];
  /** Practical advice a peer might give in a comment. */
  advice: readonly string[];
}

const THEMES: readonly Theme[] = [
  {
    id: "pa-employer",
    topics: ["employer", "paperwork", "finding-pas"],
    arrangements: ["dp_employer"],
    groups: ["learning_disability", "physical_disability", "autism", "brain_injury", "long_term_condition", "sensory"],
    feelings: ["hopeful", "exhausted", "supported", "relieved"],
    titles: [
      "Our first year as PA employers",
      "Being an employer when you never wanted to be one",
      "c:Employing PAs for {rel}: the good and the exhausting",
      "s:Running my own team of PAs",
      "Payroll, pensions and a very good team",
      "What nobody tells you about employing personal assistants",
      "s:Six years of employing my own support",
    ],
    questions: [
      "How do other PA employers handle holiday pay for irregular hours?",
      "Do we really need employer's liability insurance for one PA?",
      "What do you put in a PA contract about sickness cover?",
      "Is a payroll service worth paying for out of the budget?",
      "p:How do you support someone to be a good employer without taking over?",
    ],
    practiceTitles: [
      "Helping families become good employers without burning out",
      "What I check before suggesting a direct payment with PAs",
      "Being a PA: what good employers do differently",
    ],
    openings: [
      "c:{Rel} moved onto a direct payment two years ago and we now employ three personal assistants between us. I wanted to write down what that has really been like, because when we started I could only find glossy leaflets or horror stories, and our experience has been somewhere in the middle.",
      "c:When the agency could not cover {his} evening calls for the third week running, we finally took the budget as a direct payment and started recruiting our own PAs. I was terrified of the employer side of it. Eighteen months on, I am still a little terrified, but {rel} has a team who know {him} properly.",
      "c:I never imagined I would be running a small payroll from the kitchen table, but that is what caring for {rel} looks like now. We employ two part-time PAs and a relief worker, and the direct payment covers most, though not all, of what they cost.",
      "s:I have employed my own PAs for six years and I still learn something new about being an employer every month. I need support with most personal care, so who comes through my door matters more to me than almost anything else in my life.",
      "s:Taking my budget as a direct payment was the best decision I have made since my injury. It is also the one that has given me the most sleepless nights, mostly about rotas, sickness cover and what happens when someone leaves.",
      "pl:I have supported a lot of families through the first months of employing personal assistants, and the same few problems come up again and again. None of them are about the person's needs. They are almost all about the admin around being an employer.",
      "pr:I have worked as a personal assistant for more than ten years, for four different employers. I want to say something about what makes a good employer from the other side of the relationship, because it is rarely discussed.",
    ],
    middles: [
      "The hardest part was not the money but the paperwork: timesheets, payroll, pension enrolment, insurance and the quarterly return to the council. We pay a payroll service out of the budget now, and it is the best money we spend.",
      "Our PAs are on proper contracts with sick pay and holiday pay built in. The council's rate only just stretches to that, so there is no room for a pay rise unless the budget goes up at review.",
      "c:The biggest change has been continuity. {He} knows who is coming each day, they know how {he} likes things done, and the little signs that {he} is having a bad day get noticed early instead of after a crisis.",
      "s:The freedom is real. I get up when I want, I go out when I want, and I choose people I actually get on with. If I want to go to a gig on a weeknight, I can arrange the shift myself.",
      "When one PA left with a week's notice, the contingency plan turned out to be me. We have since built a small relief list and agreed in writing with the council that emergency cover at a higher rate is allowed.",
      "We joined a local group of people who employ PAs, and sharing contracts, interview questions and payroll tips with them has saved us hours.",
      "Being an employer brings responsibilities nobody mentions at the start: right-to-work checks, a proper disciplinary process, and what to do when someone you like is simply not working out.",
      "p:The families who do best are the ones who treat it as a small business from day one: a contract, a handbook, a rota agreed in advance, and a payroll service they trust.",
      "pr:The best employers I have had told me clearly what they wanted, paid on time, and asked how I was. The worst treated me as an extension of the agency they had left.",
    ],
    advice: [
      "A payroll service is worth every penny. Ours also sorts pension enrolment and the year-end paperwork.",
      "Check your insurance covers employer's liability and public liability. Some policies for PA employers include legal advice too.",
      "Build holiday pay and a little for redundancy into the contingency from the start. It saves arguments at audit.",
      "Write down how you like things done. Our PAs say the handbook was the most useful thing we gave them.",
    ],
  },
  {
    id: "finding-pas",
    topics: ["finding-pas", "employer"],
    arrangements: ["dp_employer"],
    groups: ["learning_disability", "physical_disability", "autism", "older_people", "brain_injury", "sensory"],
    feelings: ["exhausted", "anxious", "let-down", "hopeful"],
    titles: [
      "Finding PAs in the countryside",
      "Recruiting personal assistants when nobody applies",
      "Our advert ran for three months",
      "s:Looking for PAs on a rate that does not stretch",
      "Why we keep losing good PAs",
      "c:Still looking for a second PA for {rel}",
    ],
    questions: [
      "Where do you advertise for PAs and actually get replies?",
      "Can we pay a PA more than the council's hourly rate?",
      "How do you keep PAs when the supermarket pays more?",
      "p:Has anyone seen a PA register that actually works?",
    ],
    practiceTitles: [
      "Why PA recruitment fails in rural areas, and what helps",
      "The PA rate problem, seen from reviews",
    ],
    openings: [
      "c:We live in a rural area and finding any PA within reasonable travelling distance of {rel} is a constant struggle. The nearest town is a long drive, there is one bus a day, and the hourly rate does not cover mileage.",
      "c:We have been advertising for a second PA for {rel} since the spring. In that time we have had four enquiries, two interviews and one person who started and left after a fortnight because she found a job with regular hours.",
      "c:Recruiting for {rel} has become almost a second job. Every time we get a settled team, someone moves away, goes back to college or finds something better paid, and we start again.",
      "s:I need two PAs for mornings and evenings and I have had one vacancy open for most of this year. I have tried the council's PA register, local social media groups, the jobs board at the college and word of mouth.",
      "sw:Most of my direct payment reviews this year have come back to the same thing: people have the budget but cannot find anyone to employ. The hourly rate has not kept pace with other local jobs, and the people who suffer are the ones with the most complex needs.",
      "pr:I work as a PA myself, and I get asked all the time why more people do not do this job. The honest answer is that I love it, but I could earn more stacking shelves and have sick pay that does not depend on one family's budget.",
    ],
    middles: [
      "The hourly rate the council allows for PAs has not kept up with supermarket and warehouse wages, so good people leave for jobs with less responsibility and more certainty.",
      "What has worked best for us is word of mouth. Our best PA is a friend of a friend who had looked after her own grandmother and wanted something flexible around school hours.",
      "We rewrote the advert to describe the person rather than the tasks: what a good day looks like, what they enjoy, what kind of person would fit. The replies we got were far better.",
      "c:In the gaps, I cover the shifts myself. That means I have had to cut my own working hours, and some weeks I do not get a full night's sleep.",
      "We asked the council whether we could pay a little more per hour and have fewer hours. After some back and forth they agreed, as long as the outcomes in the plan were still met.",
      "The PA register the council set up is a good idea, but most people on it live in the towns and do not drive.",
      "p:Recruitment support is usually the first thing cut from a direct payment support service, and it is the thing people need most.",
      "p:Where rates have gone up, vacancies have dropped quickly. It is not a mystery; it is a budget decision.",
    ],
    advice: [
      "Describe the person and the job honestly in the advert. We had far better replies once we stopped listing tasks.",
      "Try the noticeboards at colleges and at places where people train for health and care work. Students often want flexible hours.",
      "Ask the council in writing whether you can pay a higher rate for fewer hours. Ours agreed once we showed the outcomes would still be met.",
      "Keep a relief list, even of one or two people. It takes the panic out of sickness and holidays.",
    ],
  },
  {
    id: "review-cut",
    topics: ["cuts", "assessment", "complaints"],
    arrangements: ["managed_budget", "dp_agency", "dp_employer", "commissioned"],
    groups: [
      "learning_disability",
      "autism",
      "physical_disability",
      "older_people",
      "brain_injury",
      "long_term_condition",
      "mental_health",
    ],
    feelings: ["angry", "ignored", "let-down", "anxious"],
    titles: [
      "The review that cut our hours",
      "c:{Rel}'s package was cut by a third at review",
      "A twenty-minute phone review and a smaller budget",
      'When "rationalised" means cut',
      "s:My hours were cut and nothing about me had changed",
      "Challenging a reduction at review",
      "The panel that never met us",
    ],
    questions: [
      "Can the council reduce a direct payment without a new assessment?",
      "Is a review by phone allowed to change the budget?",
      "What should I ask for in writing after a review cut our hours?",
      "p:How do other teams keep reviews about the person when savings targets are set?",
    ],
    practiceTitles: [
      "Why reviews by phone worry me as a practitioner",
      "Reviews that start from the person, not the budget",
      "Savings targets at review: an uncomfortable view from inside",
    ],
    openings: [
      'c:At {rel}\'s annual review the social worker told us the hours would be "rationalised", which turned out to mean cut by a third. Nothing about {his} needs had changed. If anything, the last year had been harder.',
      "c:Our review was done over the phone in about twenty minutes. The plan that arrived a month later did not sound like {rel} at all, and the weekly hours had dropped without anyone saying so during the call.",
      'c:The letter said the new budget reflected "a more efficient way of meeting eligible needs". What it meant in practice was that {rel} would lose the evening support that lets {him} go out and see friends.',
      's:I have had the same needs for ten years. At my last review I was told I could manage with fewer hours if I used more equipment and "community resources", which in my area means a library that opens two mornings a week.',
      "s:My review was the first time I had met this social worker. She was pleasant, she was clearly in a hurry, and three weeks later a letter told me my support was being reduced.",
      "sw:I work as a social worker in an adult team and I want to be honest about what the pressure on reviews looks like from the inside. We are asked to find savings at review, and the conversation with the person often comes second to the numbers.",
      "pl:As an independent planner I sit in on a lot of reviews, and over the last year they have changed. They are shorter, more often by phone, and more often end with a smaller budget than the one the person started with.",
    ],
    middles: [
      "c:We asked for the reasons in writing and for a copy of the assessment. When it came, it contained mistakes: a medication {he} stopped years ago, and a note that {he} could manage meals alone, which is not true.",
      "We challenged the decision by quoting the Care Act statutory guidance, which says a review should not be used simply to cut a budget without a change in need. The tone of the letters changed quite quickly after that.",
      "The panel never met us. A decision about how someone lives their life was made by people who read a summary of a summary.",
      "An advocate came to the reassessment with us, and the whole meeting felt different. Questions were asked properly and the answers were written down.",
      "Some of the hours came back after we complained, but not all of them. We have covered the shortfall ourselves, which in practice means unpaid care and less sleep.",
      "The social worker was clearly uncomfortable and said, off the record, that everyone in the team had been asked to find savings at review.",
      "p:A review that happens by phone in twenty minutes cannot properly check whether a plan is working. It can only check whether the budget can be made smaller.",
      "p:I have started writing down, at every review, what the person says has gone well. It is harder to cut something that is on paper as working.",
    ],
    advice: [
      "Ask for the reasons for the reduction in writing, and for a copy of the assessment it is based on.",
      "A review is meant to check whether the plan is working. If needs have not changed, ask what has.",
      "Ask for an advocate for the reassessment. It changed the whole tone of ours.",
      "Ask whether the decision went to panel and whether you can see what the panel was given.",
    ],
  },
  {
    id: "waiting",
    topics: ["assessment", "complaints"],
    arrangements: ["waiting"],
    groups: [
      "older_people",
      "physical_disability",
      "learning_disability",
      "autism",
      "dementia",
      "brain_injury",
      "long_term_condition",
      "mental_health",
    ],
    feelings: ["ignored", "exhausted", "anxious", "angry"],
    titles: [
      "Waiting eleven months for an assessment",
      "Still on the waiting list",
      "c:{Rel} is still waiting for a Care Act assessment",
      "s:Nearly a year of waiting",
      "The waiting list nobody can explain",
      "What we did while we waited",
    ],
    questions: [
      "How long did you wait for a Care Act assessment?",
      "Is there anything we can do while we wait for an assessment?",
      "Can we ask for interim support while waiting for a budget?",
      "p:What do other teams offer people while they are on the waiting list?",
    ],
    practiceTitles: [
      "What we tell people on the waiting list, and what we should",
      "Working with people who have not been assessed yet",
    ],
    openings: [
      "c:We waited eleven months for a Care Act assessment after first ringing the council's front door team about {rel}. In that time {he} had two falls, one short stay in hospital, and I gave up my job.",
      'c:I first asked for an assessment for {rel} in the autumn. We were told the waiting list was "around sixteen weeks". It is now the following summer and every time I ring I speak to someone new who reads me the same line.',
      "c:Every few weeks we get a letter saying {rel} is still on the list and that we should get in touch if things get worse. Things have got worse. Each time I ring, I am told the list is prioritised by risk and {he} is not high enough on it.",
      "s:I asked for an assessment after my condition got worse and I could no longer manage the stairs or cook safely. It took five months to get a phone call and another three for someone to visit.",
      "s:I have been waiting for support for so long that I have stopped telling people I am waiting. It feels like something that will happen to someone else.",
      "pl:I am a support planner, and more and more of my work is with people who have not even been assessed yet. They come to us because they have nowhere else to go while they wait.",
      "sw:I spend two days a week on the duty desk, and most of the calls are people asking where they are on the waiting list. I rarely have a good answer for them.",
    ],
    middles: [
      'Nobody could tell us where we were on the list or how it was ordered. We were simply told the team was "working through it".',
      "In the meantime we paid for a few hours of agency support ourselves, which we cannot keep doing. Nobody has said whether any of that will be refunded once a budget is agreed.",
      "We wrote to the director of adult social care asking when the assessment would happen, and within a fortnight someone rang to book a date. I do not know whether that was a coincidence.",
      "The duty social worker was kind and said the right things, but admitted they had no power to move anyone up the list without a crisis.",
      "A local carers' centre helped us put in a complaint about the delay. The Care Act does not set a deadline, but the guidance does say assessments should happen within a reasonable time.",
      "c:The waiting has its own cost. {He} has lost confidence, stopped going out, and now needs more support than when we first asked.",
      "p:Waiting lists hide need rather than manage it. The longer people wait, the more they need by the time anyone visits.",
      "p:We have started ringing people on the list every few weeks, just to check in. It is not support, but it is better than silence.",
    ],
    advice: [
      "Put the request for an assessment in writing and keep a copy, so there is a clear date for when you first asked.",
      "If things get worse, tell them in writing each time. It can move you up a list ordered by risk.",
      "The guidance says assessments should happen in a reasonable time. A complaint about the delay is worth making.",
      "Ask the carers' centre whether there is anything they can offer while you wait. Ours had a small grant for breaks.",
    ],
  },
  {
    id: "isf",
    topics: ["people-led-planning", "agencies"],
    arrangements: ["isf"],
    groups: ["learning_disability", "autism", "mental_health", "brain_injury", "physical_disability"],
    feelings: ["hopeful", "relieved", "supported", "heard"],
    titles: [
      "From agency calls to an individual service fund",
      "What an individual service fund changed for us",
      "c:An ISF that works around {rel}",
      "s:Why I chose an individual service fund",
      "Making an ISF actually flexible",
      "The middle way between an agency and employing PAs",
    ],
    questions: [
      "Has anyone made an ISF work in a rural area?",
      "How do we ask our council for an individual service fund?",
      "Who should hold an ISF, and what should it cost?",
      "p:How do providers report on ISFs without hourly timesheets?",
    ],
    practiceTitles: [
      "Individual service funds: what providers need to get right",
      "Running ISFs as a small provider: lessons from our first year",
    ],
    openings: [
      "c:We switched {rel}'s support to an individual service fund held by a small local provider, and it has changed how the week feels. Instead of fixed visits at fixed times, we agree each month how the hours will be used.",
      "c:Nobody had ever mentioned individual service funds to us. We found out about them from another parent at the short breaks service, and it took almost a year to persuade the council to set one up for {rel}.",
      "s:I did not want to be an employer, and I did not want an agency deciding my week for me. An individual service fund turned out to be the middle ground I did not know existed.",
      "pr:I manage a small provider that holds individual service funds for about a dozen people. I want to share what we have learned, because ISFs are easy to do badly and still call flexible.",
      "pl:I help people set up individual service funds, and I have seen them work beautifully and fail quietly. The difference is rarely the money.",
    ],
    middles: [
      "c:The provider meets us every month and we decide together how the hours are used. If {he} wants to save some hours for a day out, that is fine, as long as it is written down.",
      "The provider's management charge comes out of the budget, which means slightly fewer hours of support. For us it is worth it, because we do not have to do payroll.",
      "The test of an ISF is whether the person can say no to something and have that respected. With our old agency, a missed visit was a problem. Now, a change of plan is just a conversation.",
      "The council still wanted hourly timesheets, which rather defeated the point. It took two meetings with the commissioner to agree that a monthly summary of outcomes was enough.",
      "Staff turnover is still the biggest risk. The provider has been honest that if two key workers left, they would struggle to keep things going.",
      "p:An ISF only works if the provider is willing to hand over real decisions. If every change has to go to a manager, it is just a commissioned service with a new name.",
      "p:We keep a simple record each month of what the person chose to do with their hours. It is the best evidence we have that the arrangement works.",
    ],
    advice: [
      "Ask the council whether they have a framework for individual service funds. Some do, but do not advertise it.",
      "Ask the provider how decisions about hours are made, and who makes them. That tells you whether it will really be flexible.",
      "Get the monthly planning meeting written into the agreement, not just promised.",
    ],
  },
  {
    id: "transition",
    topics: ["assessment", "transport", "day-services"],
    arrangements: ["waiting", "dp_employer", "managed_budget", "commissioned"],
    groups: ["learning_disability", "autism", "physical_disability"],
    relations: ["son", "daughter"],
    feelings: ["confused", "let-down", "anxious", "exhausted"],
    titles: [
      "Transition at eighteen: what nobody told us",
      "c:{Rel} turned eighteen and the support stopped",
      "The cliff edge between children's and adults' services",
      "s:Turning eighteen and starting again",
      "Preparing for adulthood, in practice",
      "From school to nothing",
    ],
    questions: [
      "What should we ask for at a transition review at seventeen?",
      "Does the education, health and care plan count for anything in an adult assessment?",
      "Who pays for college transport after eighteen?",
      "p:When does your team start transition assessments?",
    ],
    practiceTitles: [
      "Transitions at eighteen: starting the conversation earlier",
      "What adult teams can learn from children's services",
    ],
    openings: [
      "c:{Rel} turned eighteen last spring and the move from children's to adults' services was a cliff edge. The short breaks {he} had used since primary school stopped, the children's social worker closed the case, and the adult team had not yet been allocated.",
      "c:We were told transition planning would start at fourteen. In reality, nobody from adult services met {rel} until six weeks before {his} eighteenth birthday.",
      "c:Transport to college was withdrawn when {rel} turned nineteen, and with it went most of {his} independence. {He} had been travelling with a small group and a familiar driver for years.",
      "c:{Rel} left school this summer. For fourteen years {he} has had a timetable, a team who know {him}, and a place to be every weekday. From September there is nothing in place.",
      "s:I am nineteen and autistic. When I turned eighteen, all the people who knew me left at once and I had to tell my story again to people who did not seem to have read anything.",
      "sw:I work in a transitions team and I see the same pattern every year: families who have been well supported through childhood hit a wall at eighteen, because the adult system speaks a different language.",
    ],
    middles: [
      "The education, health and care plan was full of useful detail, but the adult assessment started from scratch as if none of it existed.",
      "c:{He} went from a structured week to almost nothing. The adult day service had a waiting list, college was three days, and the rest of the time {he} was at home with me.",
      "What helped most was a parent who had been through it two years earlier. She told us which questions to ask and which forms to send early.",
      "c:We wrote a one-page profile in {his} own words, with photos, and took copies to every meeting. People started talking to {him} instead of about {him}.",
      "The change from free children's services to a financial assessment for adult care came as a shock. Nobody had mentioned charging until the letter arrived.",
      "The language changed overnight. Short breaks became respite, the key worker became a care manager, and every conversation seemed to be about eligibility.",
      "p:Starting the adult assessment at seventeen, with the children's worker still involved, makes more difference than anything else we do.",
    ],
    advice: [
      "Ask for the adult assessment to start before eighteen. The Care Act allows a transition assessment well before then.",
      "Take the education, health and care plan to every adult meeting and ask them to use it.",
      "Ask about the financial assessment early, so the charge is not a surprise.",
      "Find a parent group for transition. The ones a year or two ahead of you know exactly what to ask.",
    ],
  },
  {
    id: "day-services",
    topics: ["day-services", "transport", "cuts"],
    arrangements: ["commissioned", "managed_budget", "dp_agency"],
    groups: ["learning_disability", "older_people", "dementia", "autism", "physical_disability"],
    feelings: ["angry", "ignored", "let-down", "anxious"],
    titles: [
      "When the day centre closed",
      "c:{Rel}'s day service is closing",
      'Day services replaced by "community options"',
      "s:Losing the place I went every week",
      "What replaced our day centre",
      "A consultation that was already decided",
    ],
    questions: [
      "What did you do when your day centre closed?",
      "Can a personal budget pay for a day service in a neighbouring area?",
      "How do you find day activities for someone with complex needs?",
    ],
    practiceTitles: ["Closing a day service well: what we learned", "Day opportunities that people actually choose"],
    openings: [
      "c:When the day centre closed, nobody asked the people who used it what they wanted instead. {Rel} had gone there three days a week for twelve years. It was where {his} friends were.",
      "c:The consultation on day services was an online form and two meetings in working hours. We went to one. The decision had clearly been made already.",
      "c:{Rel} has dementia, and the day centre was the only place {he} went where people understood that. It also gave me three days a week to work and rest.",
      "s:I have a learning disability and I went to the day centre for a long time. I liked the cooking group and seeing my friends. Now it is closed and I am at home a lot more.",
      "pr:I managed a day service that closed last year, and I have thought a lot since about how it was done and who was left behind.",
    ],
    middles: [
      'We were offered "community options" instead, which in practice meant a few hours with a support worker at a café or the shopping centre. It is not the same as a place with friends and routine.',
      "Some of the people who used the centre have not been seen by anyone since it closed. Their families have simply absorbed the extra hours.",
      "The building was old and needed work, and I understand that. But the things that made it work, the staff and the friendships, could have been kept somewhere else.",
      "We used the personal budget to buy into a small community group run by a user-led organisation. It meets two days a week and it is the nearest thing to what we lost.",
      "Transport was the hidden problem. The new options were spread around the area, and without the minibus most people simply could not get to them.",
      "p:Friendships are the thing that never appears in a closure plan. Two people who had sat together at lunch for years were moved to different services and have not seen each other since.",
    ],
    advice: [
      "Ask what the plan is for friendships. If people want to keep seeing each other, that should be in the support plan.",
      "Check whether the budget can pay for transport to whatever replaces the day service. It is often forgotten.",
      "Local user-led groups sometimes run day activities that a personal budget can pay for.",
    ],
  },
  {
    id: "charging",
    topics: ["charging", "paperwork"],
    arrangements: ["managed_budget", "dp_employer", "dp_agency", "commissioned", "isf"],
    groups: [
      "physical_disability",
      "learning_disability",
      "older_people",
      "long_term_condition",
      "mental_health",
      "sensory",
    ],
    feelings: ["confused", "anxious", "angry", "let-down"],
    titles: [
      "The charge we did not see coming",
      "The financial assessment, explained by someone who got it wrong",
      "Disability-related expenses and the financial assessment",
      "s:Paying towards my own care",
      "c:Why {rel}'s care charge doubled",
      "Arrears before we even knew there was a charge",
    ],
    questions: [
      "What counts as disability-related expenditure in a financial assessment?",
      "Can the council charge for care from before the financial assessment?",
      "How do you challenge a care charge?",
      "p:How do you explain charging to families before support starts?",
    ],
    practiceTitles: [
      "Financial assessments: what families are rarely told",
      "Talking about charging before the plan, not after",
    ],
    openings: [
      "c:The financial assessment for {rel} arrived with a weekly charge we had no idea was coming. Nobody had mentioned it at the assessment, and by the time the letter came we had been receiving support for two months.",
      "c:{Rel}'s care charge doubled this year because of a change in how disability benefits are counted. The support itself has not changed at all.",
      "s:I receive disability benefits and most of what is left after rent and bills now goes on my care charge. I understand why people contribute, but it leaves me almost nothing for the things the support is meant to help me do.",
      "s:I asked for a breakdown of how my contribution was worked out, and it took four months to arrive. When it did, two of the figures were wrong.",
      "pl:As a support planner I spend a surprising amount of time on financial assessments, because families often only understand the charge once it has already been set.",
    ],
    middles: [
      "Nobody told us about disability-related expenditure. Once we listed the extra heating, laundry, special diet and transport costs, the charge came down.",
      "The form was long and asked for bank statements going back months. We made a mistake on one page and it delayed everything.",
      "We appealed the charge with help from a welfare rights adviser, and it was reduced. I would never have known where to start on my own.",
      "The arrears built up while the assessment was being done, so the first bill was for several months at once. We agreed to pay it off slowly.",
      "Charging is the part of social care that nobody wants to talk about, but it shapes every decision. Some families turn support down because they cannot afford the contribution.",
      "p:If the charge is explained at the start, people can plan for it. If it arrives as a bill for back-dated months, it destroys trust in everything else.",
    ],
    advice: [
      "Ask for a full breakdown of the calculation. Mistakes are common and you are entitled to see how it was worked out.",
      "List every disability-related expense: heating, laundry, diet, transport, equipment. It can make a real difference.",
      "A welfare rights adviser or benefits advice service can check the assessment for free.",
      "You can ask for a review of the charge, and for arrears to be paid off in instalments.",
    ],
  },
  {
    id: "complaints",
    topics: ["complaints", "advocacy"],
    arrangements: ["managed_budget", "dp_employer", "dp_agency", "commissioned", "waiting"],
    groups: [
      "learning_disability",
      "autism",
      "physical_disability",
      "older_people",
      "dementia",
      "brain_injury",
      "mental_health",
    ],
    feelings: ["angry", "exhausted", "heard", "relieved"],
    titles: [
      "Winning a complaint against the council",
      "Going to the Ombudsman",
      "What a year of complaints taught me",
      "s:My complaint was upheld, eventually",
      "Appealing a decision, step by step",
      "c:Complaining on behalf of {rel}",
    ],
    questions: [
      "How long did your complaint to the council take?",
      "Is it worth going to the Ombudsman?",
      "Can an advocate make a complaint for us?",
      "p:What makes a complaint about care easy to resolve early?",
    ],
    practiceTitles: ["How to write a complaint that gets read", "Complaints as feedback: what our team changed"],
    openings: [
      "c:We had a complaint about {rel}'s support upheld after a year of back and forth. I am sharing how it went because at several points I nearly gave up.",
      "c:I took a complaint about {rel}'s care to the Local Government and Social Care Ombudsman. It was slow and stressful, but the council had to apologise and review the plan properly.",
      "s:I complained when my support was changed without anyone talking to me. The first reply was a letter defending the decision, so I asked for it to go to the next stage.",
      "pl:I work for an advocacy service and much of my week is spent helping people make complaints about their care and support. A few things make a real difference.",
      "sw:I have been on the receiving end of complaints as a social worker, and I want to say something that might help families: a clear complaint is often the thing that lets us push for the right decision.",
    ],
    middles: [
      "Keep everything in writing. After each phone call, we sent a short email summarising what had been said and asked them to correct anything wrong. That record won the complaint.",
      "The first response was defensive and simply repeated the decision. It was only at the second stage, with a senior manager, that anyone looked at what had actually happened.",
      "The Ombudsman found fault with the way the assessment was done and with the delays. The remedy was an apology, a small payment and a fresh assessment.",
      "An advocate helped us keep the complaint focused on a few clear points instead of everything that had gone wrong over the years.",
      "Complaining is exhausting. There were weeks when I had to choose between chasing the complaint and actually caring.",
      "p:The complaints that get resolved fastest are short, specific and say clearly what would put things right.",
    ],
    advice: [
      "Say clearly what you want to happen as a result of the complaint. It makes it much easier to resolve.",
      "Keep a timeline of what happened and when. The Ombudsman asked us for exactly that.",
      "Advocacy services can help you write the complaint and come to meetings with you.",
      "If the first reply just repeats the decision, ask for the complaint to go to the next stage.",
    ],
  },
  {
    id: "respite",
    topics: ["respite", "assessment"],
    arrangements: ["family_only", "dp_agency", "commissioned", "managed_budget"],
    groups: ["dementia", "learning_disability", "older_people", "autism", "physical_disability", "long_term_condition"],
    feelings: ["exhausted", "relieved", "supported", "heard"],
    titles: [
      "Respite kept our family together",
      "A carer's assessment, three years late",
      "c:Short breaks for {rel}, and sleep for me",
      "The respite that nearly disappeared",
      "Finally, a break",
      "c:The first night away from {rel} in four years",
    ],
    questions: [
      "How do you find respite that your family member will actually accept?",
      "What did you get from a carer's assessment?",
      "Can a carer's budget be spent on a short holiday?",
      "p:How do other teams make carers' assessments more than a formality?",
    ],
    practiceTitles: ["Carers' assessments that lead somewhere", "Running short breaks when beds keep closing"],
    openings: [
      "c:As a carer I was finally offered a carer's assessment, three years after I started looking after {rel} full time. Nobody had told me I was entitled to one.",
      "c:Respite has been the thing that keeps our family going, and this year it nearly disappeared. The short breaks unit {rel} has stayed at for years announced it was reducing beds.",
      "c:I care for {rel} around the clock and had not had a night away in four years. The carer's assessment was the first time anyone asked how I was.",
      "s:I have a long-term condition and my partner is my main carer. Last year we both realised that if my partner did not get a proper break, our whole arrangement would fall apart.",
      "sw:In my team, carers' assessments are often done quickly, as an add-on to the cared-for person's review. I want to argue for doing them differently.",
      "pr:I work at a short breaks service, and every month we turn away families who are at breaking point because we simply do not have the beds.",
    ],
    middles: [
      "Our carer's assessment led to a small budget for a break, which sounds minor but meant a lot. I used it for a few nights away and a course I had wanted to do for years.",
      "c:Short breaks at a place {he} knows and likes mean I can sleep properly for two nights a month. Without them I do not think I could keep going.",
      "c:Finding respite that is safe and that {he} will accept has been harder than getting it funded. The first place we tried was not right, and {he} came home anxious.",
      "Emergency respite was the part that worried me most. When I needed a hospital appointment there was nothing available, and a neighbour stepped in.",
      "The carers' centre has been the best source of support: a group that meets monthly, someone to ring, and practical help with forms.",
      "p:A carer's assessment that ends with a leaflet is not an assessment. The ones that work end with something concrete, even something small.",
    ],
    advice: [
      "Ask for a carer's assessment in your own right. It is separate from the review of the person you care for.",
      "Plan a trial stay before you need respite in a hurry. It made all the difference for us.",
      "Ask what the emergency plan is if you are ill. Get it written into the support plan.",
      "Carers' centres often know which short breaks services have space, and which ones are good.",
    ],
  },
  {
    id: "capacity",
    topics: ["capacity", "advocacy"],
    arrangements: ["managed_budget", "dp_employer", "isf"],
    groups: ["dementia", "learning_disability", "brain_injury"],
    feelings: ["confused", "anxious", "heard", "supported"],
    titles: [
      "c:Being a deputy for {rel}",
      "Mental capacity and the right to make unwise decisions",
      "Best interests meetings, from the family side",
      "s:Capable, just slower",
      "Who decides?",
      "The Court of Protection, from a kitchen table",
    ],
    questions: [
      "Do we need to be deputies to manage a direct payment?",
      "What is a best interests meeting actually like?",
      "Can someone who lacks capacity still have a direct payment?",
      "p:How do you record supported decision-making in a plan?",
    ],
    practiceTitles: [
      "Capacity assessments that respect the person",
      "Supported decision-making in everyday support planning",
    ],
    openings: [
      "c:I care for {rel}, who lacks capacity for big decisions, and I am {his} deputy for property and affairs. Managing the direct payment on {his} behalf is a responsibility I take seriously.",
      "c:The council asked us to apply to the Court of Protection before they would agree a direct payment for {rel}. The application took months and cost money we did not have.",
      "c:There was a best interests meeting about where {rel} should live. Everyone around the table had an opinion, and it took real effort to keep {his} own wishes at the centre.",
      "s:People have questioned my capacity because I have a brain injury and sometimes need things explained more than once. That is not the same as not being able to decide.",
      "sw:I am a social worker and I carry out a lot of mental capacity assessments. I want to talk about the difference between doing them to someone and doing them with someone.",
    ],
    middles: [
      "c:The mental capacity assessment was done properly this time, with time taken to explain things in a way {he} could follow, and with pictures. {He} was able to say clearly what {he} wanted.",
      "We used a suitable person arrangement for the direct payment, which the council agreed after we showed we understood the responsibilities.",
      "Supported decision-making takes time. Sometimes it means going back three times, at a better time of day, with fewer people in the room.",
      "An independent advocate was appointed and, for the first time, someone in the meeting was there only for the person.",
      "The Mental Capacity Act starts from an assumption of capacity. In practice, it often felt as if we were being asked to prove it.",
      'p:A capacity assessment is about one decision at one time. I still see plans that say someone "lacks capacity" as if it were a diagnosis.',
    ],
    advice: [
      "Capacity is decision-specific. Ask which decision the assessment was about, and when.",
      "You can ask for an independent advocate for best interests decisions about where someone lives.",
      "A suitable person arrangement can work for direct payments without going to court. Ask the council about it.",
    ],
  },
  {
    id: "agency",
    topics: ["agencies", "cuts"],
    arrangements: ["dp_agency", "commissioned", "self_funded", "managed_budget"],
    groups: ["older_people", "dementia", "physical_disability", "long_term_condition", "sensory"],
    feelings: ["let-down", "anxious", "exhausted", "angry"],
    titles: [
      "Fifteen-minute calls are not care",
      "c:A different carer every day for {rel}",
      "When the agency handed back the package",
      "s:Living with agency care",
      "Our agency closed with a week's notice",
      "Bedtime at seven in the evening",
    ],
    questions: [
      "What happens to the budget if our agency closes?",
      "How do you get an agency to send the same carers?",
      "Is it worth switching from an agency to PAs?",
      "p:How are other providers making rural rounds work at current rates?",
    ],
    practiceTitles: [
      "How we handed back packages, and what we would do differently",
      "Why short calls fail, from a provider's point of view",
    ],
    openings: [
      "c:{Rel}'s agency hours were delivered in fifteen-minute calls, which is not enough time to do anything with dignity. Getting washed, dressed and having breakfast in a quarter of an hour is not support, it is a race.",
      "c:{Rel} has dementia and for a long time the only option we were offered was a commissioned agency. In one month {he} had more than twenty different carers through the door.",
      "c:Our agency gave a week's notice that it was handing back {rel}'s package because it could not staff the evening calls. There was no alternative ready.",
      "s:I have agency care four times a day. Some of the carers are wonderful, but I never know who is coming or when, and the lunchtime call can arrive at half past ten.",
      "pr:I manage a small home care service and this year we handed back packages we could not staff safely. I want to explain how that happens from our side.",
      "pr:I have been a home care worker for a long time, and I want families to know that the rush is not our choice.",
    ],
    middles: [
      "c:The agency sends whoever is free, so there is no continuity, and {he} gets anxious meeting strangers. Every new carer means explaining everything again.",
      "Call times are the real problem. A bedtime call at seven in the evening is not bedtime for anyone.",
      "We moved the budget from the commissioned agency to a direct payment with a different agency that agreed to send a small, regular team. It costs a little more per hour, and it is worth it.",
      "The carers themselves are not the issue. They are rushed, paid only for the minutes in the house, and driving between visits in their own time.",
      "Rates paid for home care do not cover the real cost of a visit, so agencies turn down rural and short calls. People in villages get whatever is left.",
      "p:When travel time is unpaid, short calls in rural areas lose money on every visit. That is why they are the first to be handed back.",
    ],
    advice: [
      "Ask the agency for a small regular team and put it in writing. Some will agree if you ask directly.",
      "Keep a log of late and missed calls. It is the evidence you need if you complain or ask to change provider.",
      "You can ask for the budget as a direct payment and choose a different agency yourselves.",
    ],
  },
  {
    id: "planning",
    topics: ["people-led-planning", "peer-support", "assessment"],
    arrangements: ["dp_employer", "isf", "managed_budget", "dp_agency"],
    groups: [
      "learning_disability",
      "autism",
      "physical_disability",
      "mental_health",
      "brain_injury",
      "long_term_condition",
    ],
    feelings: ["heard", "hopeful", "supported", "relieved"],
    titles: [
      "A support plan in our own words",
      "Our peer group changed everything",
      "Why we paid for an independent support planner",
      "s:Writing my own support plan",
      "Brokerage that actually brokered",
      "c:A good week for {rel}, written down",
    ],
    questions: [
      "Is it worth asking for an independent support planner?",
      "Can we write our own support plan before the assessment?",
      "How do you find a user-led organisation near you?",
      "p:How do you cost a plan line by line without it becoming a task list?",
    ],
    practiceTitles: [
      "What I have learned from writing support plans with families",
      "Support planning that starts with a good day",
      "Peer support planning: what a user-led organisation adds",
    ],
    openings: [
      "c:A peer support group helped us write {rel}'s support plan before the social worker visited. By the time the assessment came, we knew what we wanted and why.",
      "c:We paid for an independent support planner from the set-up money in the direct payment. She sat with us at the kitchen table for two long afternoons and asked questions about {rel} that nobody had asked before.",
      "s:I wrote my own support plan with help from a peer supporter who also employs PAs. It was the first time a plan about me actually sounded like me.",
      "s:I am autistic and the assessment questions never seem to be about the things that are hard for me. Writing my own plan let me explain noise, change and tiredness properly.",
      "pl:I work as an independent support planner and I want to share something that keeps coming up: the plan is only as good as the conversation behind it.",
      "pl:I help run a small user-led organisation that offers peer support planning. People come to us after being told what they can have, and we start by asking what they want.",
    ],
    middles: [
      "What made the difference was a plan written in our own words, about what a good week looks like rather than a list of tasks.",
      "We found that the indicative budget from the resource allocation system bore little relation to what the plan needed. Having the plan costed line by line helped us argue for the difference.",
      "Meeting other families who had done it was the turning point. They shared their plans, their mistakes and the questions to ask at panel.",
      "The plan included things the council had never funded before: a gym membership, a bus pass, a mobile phone contract. All of them were linked to outcomes, and all were agreed.",
      "Good support planning takes time, and time is exactly what the system does not fund. Our planner did it properly because she was not carrying a huge caseload.",
      "p:The first question I ask is what a good day looks like. The budget conversation goes much better when everyone already agrees what it is for.",
      "p:Peer planners bring something no professional can: they have sat on the other side of the table and they know what it feels like.",
    ],
    advice: [
      "Write down what a good week looks like before the assessment. It gives the conversation a shape.",
      "Ask whether the council will fund independent support planning. Some pay for it from the set-up budget.",
      "A user-led organisation may run peer support planning sessions, often for free.",
      "Link every item in the plan to an outcome. It is much harder to refuse that way.",
    ],
  },
  {
    id: "dp-admin",
    topics: ["paperwork", "charging"],
    arrangements: ["dp_employer", "dp_agency"],
    groups: ["physical_disability", "learning_disability", "autism", "sensory", "brain_injury", "long_term_condition"],
    feelings: ["confused", "angry", "anxious", "exhausted"],
    titles: [
      "The prepaid card rules changed overnight",
      "Our direct payment audit",
      "When the council asked for money back",
      "s:Paperwork is the price of control",
      "Clawback and the contingency fund",
      "Receipts for a bus fare",
    ],
    questions: [
      "How much contingency can we keep in a direct payment account?",
      "Can the council make us use a prepaid card?",
      "What do direct payment audits actually check?",
      "p:What does proportionate direct payment monitoring look like?",
    ],
    practiceTitles: [
      "Direct payment monitoring that does not punish people",
      "Prepaid cards: what I wish commissioners knew",
    ],
    openings: [
      "c:The council moved everyone on direct payments onto a prepaid card and the rules changed overnight. Payments we had been making for {rel} for years were suddenly blocked.",
      "c:After our direct payment audit, we were asked to pay back a large sum from {rel}'s account. It was money we had kept for holiday pay and a redundancy fund, as the PA contracts require.",
      "s:I have managed my direct payment for years. This year the monitoring team asked for every receipt for the last twelve months, and then queried a taxi fare to a hospital appointment.",
      "pl:I support people to manage their direct payments, and I spend more and more time on audits, prepaid card problems and clawback letters. Much of it could be avoided.",
    ],
    middles: [
      "Nobody explained the difference between a managed budget and a direct payment until we asked a third time. Once we understood it, we could make a proper choice.",
      "The card could not be used for online payments or for paying the payroll service directly, so we had to set up workarounds that took weeks.",
      "We argued that employer liabilities, like holiday pay and redundancy, have to be kept in the account. In the end the council agreed a contingency that reflected the contracts.",
      "The flexibility we were promised at the start has slowly been replaced by rules. Each one makes sense on its own; together they make it feel like the council's money again.",
      "Keeping a simple spreadsheet of every payment, with the reason next to it, has made each audit much less painful.",
      "p:Monitoring should be proportionate. A person who has managed well for years should not be audited as if they were new.",
    ],
    advice: [
      "Keep a simple record of every payment with a reason beside it. Audits become much easier.",
      "Ask for the direct payment policy in writing, including what contingency you are allowed to keep.",
      "Explain employer liabilities like holiday pay and redundancy in writing before any clawback is agreed.",
    ],
  },
  {
    id: "care-home",
    topics: ["charging", "capacity"],
    arrangements: ["care_home"],
    groups: ["dementia", "older_people"],
    feelings: ["anxious", "relieved", "confused", "supported"],
    titles: [
      "c:Choosing a care home for {rel}",
      "The top-up nobody warned us about",
      "Moving into a care home after a fall",
      "Visiting, dignity and the care home",
      "Care home or home care?",
      "s:My own room, not my own front door",
    ],
    questions: [
      "Who pays the top-up if the care home fees go up?",
      "Can we say no to the care home the council chooses?",
      "What should we look for when visiting care homes?",
    ],
    practiceTitles: [
      "Supporting families through a care home move",
      "Care home moves after hospital: slowing down the decision",
    ],
    openings: [
      "c:After {his} second fall in a month, the hospital said {rel} could not go home without round-the-clock care. Within a fortnight we were choosing a care home, something we had never planned for.",
      "c:{Rel} moved into a nursing home last year. The care is mostly good, but the way the fees were arranged, and the top-up we now pay, came as a surprise.",
      "s:I live in a care home now, after my health got worse. I miss my own front door, but I feel safer at night than I did at home.",
      "sw:I am a social worker in an older people's team, and I spend a lot of time with families at the point of a care home move. It is often the hardest conversation I have.",
      "pr:I work in a care home, and I see families arrive in shock, usually straight from a hospital ward, with no time to think.",
    ],
    middles: [
      "The council would only pay its standard rate, and the homes with vacancies near us all charged more. We pay the difference, and nobody can tell us what happens if it goes up.",
      "c:We were given a list of homes and a few days to choose. Visiting them while {he} was still in hospital was exhausting.",
      "c:The staff are kind, but they are stretched, and the small things, like how {he} likes tea, slip when there are new faces.",
      "The financial assessment counted the house, and we have had to think about a deferred payment agreement. It is a lot to understand at a time like this.",
      "The move was the right decision in the end, but I wish someone had talked to us about home care properly before it came to a crisis.",
      "p:Decisions made in a hospital corridor are rarely the best ones. Where we can slow things down, people settle better.",
    ],
    advice: [
      "Ask for the top-up agreement in writing, including what happens if the fees rise.",
      "Visit at a mealtime if you can. You learn a lot in half an hour.",
      "Ask about a deferred payment agreement before you decide anything about the house.",
    ],
  },
  {
    id: "mental-health",
    topics: ["assessment", "peer-support"],
    arrangements: ["managed_budget", "commissioned", "dp_employer", "waiting"],
    groups: ["mental_health"],
    feelings: ["ignored", "hopeful", "heard", "anxious"],
    titles: [
      "Mental health support with nobody in charge",
      "s:Getting a social care budget for my mental health",
      "Section 117 aftercare and who pays",
      "Between the crisis team and the council",
      "c:{Rel}'s support after hospital",
      "s:Support that flexes with how I am",
    ],
    questions: [
      "Can you get a direct payment for mental health support?",
      "Who is responsible for section 117 aftercare?",
      "How do you get support that goes up when things are bad?",
      "p:Why are personal budgets still so rare in mental health?",
    ],
    practiceTitles: ["Personal budgets in mental health: why so few?", "Flexible support for fluctuating needs"],
    openings: [
      "c:Mental health support for {rel} is split between so many teams that nobody owns the plan. The community team, the council and the housing provider all think someone else is responsible.",
      "c:After {rel} came home from a mental health ward, the aftercare plan was a single page. {He} was entitled to aftercare under section 117, but it took months for anyone to agree what that meant.",
      "s:I have lived with serious mental illness for most of my adult life. Last year I finally got a personal budget instead of a place at a day service I did not want.",
      "s:When I am well, I do not need much support. When I am unwell, I need a lot, quickly. The system only seems to understand fixed hours every week.",
      "sw:I am a social worker in a mental health team and personal budgets are still rare in our service. I think that is a loss, and here is why.",
    ],
    middles: [
      "s:The budget pays for a PA who helps with the things that keep me well: getting out of the house, keeping on top of post, and going to the allotment.",
      "Support that could flex up and down with how someone is doing would prevent crises, but budgets are set weekly and reviewed yearly.",
      "Having one named worker who knew the whole story made more difference than any particular service.",
      "Peer support was what finally helped: people who had been through the same thing and did not flinch.",
      "We were passed between health and social care for months, each saying the other should pay, while nothing happened.",
      "p:A small budget used flexibly, with permission to bank hours for bad weeks, has kept several people I work with out of hospital.",
    ],
    advice: [
      "Ask for one named worker who coordinates the plan. It stopped us being passed around.",
      "If there has been a detention under the Mental Health Act, ask about section 117 aftercare. It should not be charged for.",
      "Ask whether hours can be banked and used when things are harder. Some councils allow it.",
    ],
  },
  {
    id: "hospital-discharge",
    topics: ["assessment", "agencies", "respite"],
    arrangements: ["commissioned", "self_funded", "dp_agency", "waiting"],
    groups: ["older_people", "dementia", "brain_injury", "physical_disability", "long_term_condition"],
    feelings: ["anxious", "exhausted", "let-down", "confused"],
    titles: [
      "Discharged home with no care in place",
      "The reablement weeks, and after",
      "c:Bringing {rel} home from hospital",
      "s:Home from hospital, then nothing",
      "Discharge to assess, from the family side",
      "A hoist in the living room and nobody to use it",
    ],
    questions: [
      "What happens when reablement ends and there is no care package?",
      "Can the hospital discharge someone without a care plan in place?",
      "How do you ask for a continuing healthcare assessment?",
    ],
    practiceTitles: [
      "Hospital discharge: what gets lost between wards and home",
      "Reablement that hands over properly",
    ],
    openings: [
      "c:{Rel} was discharged from hospital on a Friday afternoon with a bag of medication and a note that reablement would start on Monday. It started the following Thursday.",
      "c:After {his} stroke, {rel} spent six weeks in hospital and came home under discharge to assess. The assessment was meant to happen at home within a few weeks. It took four months.",
      "s:After a long stay in hospital I came home with six weeks of reablement. It was brilliant, but when it ended I was told I would go on a waiting list for ongoing care.",
      "sw:I work in a hospital discharge team and I want people to understand the pressure we are under, and where I think families get a raw deal.",
    ],
    middles: [
      "c:Reablement was genuinely good: the team helped {him} relearn things instead of doing them for {him}. But six weeks was not enough, and the handover to ongoing care left a gap.",
      "Nobody told us we could ask for a carer's assessment before the discharge. We only found out much later.",
      "The equipment arrived before the care did, which meant we had a hoist in the living room and nobody trained to use it.",
      "We asked about continuing healthcare funding and were told the checklist would be done later. It never was, until we asked again in writing.",
      "Being discharged quickly is only good if what is waiting at home is ready.",
      "p:The pressure to free beds is real and constant, and it lands on families in the form of rushed plans and missing handovers.",
    ],
    advice: [
      "Ask for the discharge plan in writing before the day of discharge, including who is doing what.",
      "Ask for the continuing healthcare checklist to be done, and for a copy.",
      "Ask for a carer's assessment before discharge if you are going to be doing the caring.",
    ],
  },
  {
    id: "self-funder",
    topics: ["charging", "agencies", "assessment"],
    arrangements: ["self_funded"],
    groups: ["older_people", "dementia", "physical_disability", "long_term_condition"],
    feelings: ["ignored", "confused", "anxious", "relieved"],
    titles: [
      "s:Paying for my own care and feeling invisible",
      "Self-funding and the information gap",
      "c:Arranging care for {rel} privately",
      "When the savings run low",
      "Self-funders need advice too",
    ],
    questions: [
      "What happens when a self-funder's savings drop below the threshold?",
      "Can self-funders ask the council to arrange their care?",
      "How do you know if you are paying a fair rate for private care?",
    ],
    practiceTitles: ["Self-funders: the people the system forgets"],
    openings: [
      "c:{Rel} has savings just above the threshold, so we have been arranging and paying for {his} care privately. Nobody from the council has been involved, and finding good care has been entirely up to us.",
      "c:We have paid for {rel}'s care for three years and the savings are nearly gone. Now we have to go to the council for an assessment, and I am worried the support will change.",
      "s:I am an older person living alone and I pay for my own care, which makes me invisible to the system. I found my agency through a leaflet and I have no idea whether I am paying a fair rate.",
      "pl:In my work as a broker, a good share of the people I see are self-funders. They often pay more than the council would for the same care, with far less information.",
    ],
    middles: [
      "We pay a higher hourly rate than the council does for the same agency, which does not seem fair.",
      "The council's information line sent us a list of agencies and a leaflet. Nobody talked through the options with us.",
      "A Care Act assessment is available to everyone, not just people the council pays for. Asking for one gave us a clearer picture of what support was needed.",
      "Planning ahead for when the money runs out has been stressful. We have asked for an assessment now, so there is no gap later.",
      "We chose a small agency with a regular team after trying a big one. It costs a little more, and the difference in continuity is obvious.",
      "p:Self-funders are entitled to an assessment and to advice. Very few are told so.",
    ],
    advice: [
      "You can ask for a Care Act assessment even if you pay for your own care.",
      "Ask for an assessment well before savings reach the threshold, so there is no gap.",
      "Compare the agency's rate for self-funders with what they charge the council. You can ask them.",
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Text library: shared fragments

const GENERAL_MIDDLES: readonly string[] = [
  "We asked for everything in writing, kept a diary of every call, and sent a polite summary after each meeting.",
  "Having a named worker at the council for the first time in years meant calls were actually returned.",
  "What I keep coming back to is how much depends on which social worker you get. Some are brilliant; some never return a call.",
  'The language in the letters is part of the problem. "Eligible needs", "indicative budget", "cost-effective outcomes": none of it describes an actual life.',
  "Looking back, the thing that would have helped most was someone explaining all the options at the very beginning, not one at a time when we asked.",
  "The local carers' centre and a user-led organisation gave more practical help than anything official.",
  "I have learned to go into every meeting with a short list of what matters most, so it does not get lost in the forms.",
  "It is not the big decisions that wear you down but the small ones: a missed call, a lost form, another person to explain everything to.",
  "Online groups have been a lifeline, especially at night when nothing else is open.",
  "We are not asking for anything extravagant, only for support that fits a life rather than a timetable.",
  "Every professional we met was pleasant. Almost none of them were still involved six months later.",
  "I used to think the system would notice if things went wrong. Now I know it only notices if someone makes it.",
];

const PRACTICE_MIDDLES: readonly string[] = [
  "In my experience, the plans that last are the ones where the person can recognise themselves in the first paragraph.",
  "Colleagues are not the problem. Most people I work with came into this to do exactly this kind of work, and spend their days on forms and panels instead.",
  "When a plan goes wrong, it is usually because something important was never written down: a fear, a routine, a person who matters.",
  "I have started ending every meeting by reading back what I have written and asking whether it is right. It takes five minutes and it has changed how people feel about the process.",
  "Panels see a summary. The more the person's voice comes through in that summary, the better the decisions tend to be.",
  "Budgets are tight, and I will not pretend otherwise. But a tight budget spent on what the person actually values goes further than a larger one spent on what is easy to commission.",
  "We have started asking people, at the start of a review, what has gone well, before anything else. It changes the tone of the whole conversation.",
  "Recording decisions clearly protects everyone: the person, the family and the worker.",
  "The families I worry about most are not the ones who complain. They are the ones who have stopped expecting anything.",
];

/** Things people were told, each with the themes it belongs to. */
const QUOTES: readonly (readonly [string, readonly string[]])[] = [
  [
    "We have to consider the most cost-effective way of meeting eligible needs.",
    ["review-cut", "agency", "care-home", "day-services", "isf", "planning"],
  ],
  [
    "Have you thought about asking family to do a bit more?",
    ["review-cut", "respite", "waiting", "hospital-discharge", "finding-pas"],
  ],
  ["The budget is indicative. It is not a promise.", ["planning", "review-cut", "isf", "pa-employer", "transition"]],
  ["Nobody gets that many hours any more.", ["review-cut", "agency", "pa-employer", "finding-pas"]],
  [
    "You are doing a great job. It is just that this is not an eligible need.",
    ["respite", "waiting", "transition", "mental-health", "review-cut"],
  ],
  [
    "We need to see that universal services have been exhausted.",
    ["review-cut", "transition", "day-services", "mental-health", "waiting"],
  ],
  [
    "It has gone to panel, and panel will decide.",
    ["review-cut", "planning", "isf", "transition", "complaints", "capacity"],
  ],
  ["Your case will be allocated when capacity allows.", ["waiting", "hospital-discharge", "complaints", "self-funder"]],
  [
    "Direct payments are not really suitable for someone with those needs.",
    ["pa-employer", "capacity", "planning", "isf", "mental-health"],
  ],
  ["Could you manage for a few more weeks?", ["waiting", "hospital-discharge", "respite", "finding-pas", "agency"]],
  ["We are not able to fund social activities.", ["day-services", "planning", "review-cut", "mental-health"]],
  ["That is a health need, not a social care need.", ["mental-health", "hospital-discharge", "care-home", "capacity"]],
  ["The charge is based on the information you gave us.", ["charging", "self-funder", "care-home"]],
  ["Any unspent money will be recovered.", ["dp-admin", "charging"]],
  ["The card is the only option now.", ["dp-admin"]],
  ["The contract has been awarded and the service will change from next month.", ["day-services", "agency"]],
];
const QUOTE_LEADS: readonly string[] = [
  "One line from the letter has stuck with me:",
  "This is what we were told at the review:",
  "The social worker said, kindly enough:",
  "The phrase we heard again and again was this:",
  "I wrote this down as soon as the meeting ended:",
];

const STORY_HEADINGS: readonly (readonly [string, string])[] = [
  ["## What happened", "## Where we are now"],
  ["## Background", "## What I would tell someone starting out"],
  ["## How it started", "## What changed"],
  ["## The review", "## Afterwards"],
  ["## The short version", "## The longer version"],
];
const PRACTICE_HEADINGS: readonly (readonly [string, string])[] = [
  ["## Context", "## What I would suggest"],
  ["## What I see", "## What helps"],
  ["## The problem", "## What we changed"],
];

const LIST_LEADS: readonly string[] = [
  "What helped us:",
  "If I were starting again, I would:",
  "A few things I would pass on:",
  "Things we learned the hard way:",
];
const TIPS: readonly string[] = [
  "Ask for the assessment and the support plan in writing.",
  "Keep a diary of calls: who you spoke to and what was said.",
  "Take someone with you to meetings, even just to take notes.",
  "Ask what the indicative budget is and how it was worked out.",
  "Read the Care Act statutory guidance on care and support planning.",
  "Find your local user-led organisation or carers' centre early.",
  "Ask for a carer's assessment in your own right.",
  "Check the financial assessment for disability-related expenditure.",
  "Ask for an independent advocate if you are finding it hard to be heard.",
  "Have a contingency plan for when a PA or carer is off sick.",
  "Write a one-page profile in the person's own words.",
  "Ask for the reasons for any change in writing.",
  "Use the complaints process early; it is there to be used.",
  "Talk to other families who have been through the same thing.",
  "Ask whether an individual service fund is an option.",
  "Put holiday pay and redundancy into the contingency from the start.",
];
const PRACTICE_LIST_LEADS: readonly string[] = [
  "What seems to help:",
  "A few things I now do routinely:",
  "What I would ask colleagues to try:",
];
const PRACTICE_TIPS: readonly string[] = [
  "Start with what a good day looks like, not with tasks.",
  "Share the draft plan with the person before it goes to panel.",
  "Explain the indicative budget and how it was calculated.",
  "Offer an advocate early, not only when things have gone wrong.",
  "Give people time between meetings to think and talk to family.",
  "Write plans in plain English, in the person's own words where possible.",
  "Explain the difference between a direct payment, an ISF and a managed budget.",
  "Record what matters to the person, as well as what will be funded.",
  "Make contingency planning part of the plan, not an afterthought.",
  "Be honest about pressure on the service rather than disguising a cut as a review.",
  "Ask carers how they are, separately, and mean it.",
  "Follow up in writing after every meeting.",
];

const ENDINGS: readonly string[] = [
  "If you are at the start of this, keep notes of everything and ask for the plan in writing.",
  "We are not there yet, but it feels like we are finally steering rather than being steered.",
  "I still think the system relies on families giving up their own lives to fill the gaps.",
  "What would have helped most is someone telling us our options at the very beginning.",
  "Things are better now, but it took far too much fighting to get here.",
  "My advice: find your local user-led organisation before the first assessment, not after.",
  "I am sharing this so the next family does not have to learn it all the hard way.",
  "The support we have now works, but it feels fragile: one resignation and it all falls apart.",
  "Has anyone else had the same experience? I would really like to know we are not alone.",
  "We are appealing, and I will post an update when we hear.",
  "Small changes in how people are listened to make the biggest difference.",
  "Thank you for reading. Writing it down has helped more than I expected.",
  "I do not have a neat ending. We are still in the middle of it.",
  "If anyone who makes these decisions ever reads this: please just ask us what would help.",
  "For anyone in the same position: you are allowed to ask questions, and you are allowed to say no.",
  "It is better than it was. I am holding on to that.",
  "s:I want the same thing as anyone else: to decide how my own day goes.",
  "c:All we want is for {rel} to have a good life, and for me to still be standing to see it.",
  "c:{He} is doing well at the moment, and I have learned not to take that for granted.",
];
const PRACTICE_ENDINGS: readonly string[] = [
  "I would be interested to hear how other teams handle this.",
  "None of this is new, but it is easy to forget under pressure.",
  "If you are a practitioner reading this, I would love to hear what works where you are.",
  "I share this anonymously because it is hard to say inside the organisation.",
  "It is not perfect, but it is better than where we were.",
];
const AFTER_PRACTICE_LIST = "Families reading this: you are entitled to ask for all of the above.";
const QUESTION_LEADS: readonly string[] = [
  "So my question is:",
  "What I would like to know:",
  "My question for anyone who has been here:",
  "In short:",
];
const QUESTION_CLOSERS: readonly string[] = [
  "Any experience gratefully received.",
  "I would be grateful for any pointers, including where to look things up.",
  "Thank you in advance; this forum has already helped us a lot.",
  "Even a short reply would help. I feel as if I am going round in circles.",
  "Practitioners' views welcome too.",
  "Thank you for reading this far.",
];
const TITLE_SUFFIXES: readonly string[] = [
  "",
  "",
  "",
  "",
  ": what we learned",
  ", two years on",
  ": an update",
  ": advice welcome",
  ": how it went",
  ": the long version",
  ", in short",
  ": our experience",
  " (long, sorry)",
  ": where we are now",
];

// ---------------------------------------------------------------------------------------------
// Text library: comments

const COMMENT_OPENERS: readonly string[] = [
  "Thank you for writing this.",
  "This is almost exactly what happened to us.",
  "Sending solidarity. You are doing an enormous job.",
  "I am so sorry you have been through this.",
  "This gives me hope.",
  "Reading this at the end of a long day, and it helped.",
  "Thank you, this is really useful.",
  "We are a couple of years behind you and this is so helpful.",
  "So much of this sounds familiar.",
  "What a fight. Well done for keeping going.",
  "I recognise every word of this.",
  "Thank you for being so honest.",
  "This made me feel less alone.",
  "Really clear and useful, thank you.",
  "I nodded all the way through this.",
];
const QUESTION_REPLY_OPENERS: readonly string[] = [
  "We had the same question last year.",
  "Good question, and one that comes up a lot.",
  "From our experience:",
  "It varies between councils, but this is what happened for us.",
  "We went through this recently.",
  "Not an expert, but this is what we found.",
];
const GENERAL_ADVICE: readonly string[] = [
  "Keep everything in writing. It made all the difference in our appeal.",
  "Have you tried your local user-led organisation? Ours helped with contracts and payroll.",
  "Ask for a copy of the assessment and challenge anything that is wrong. Mistakes in it tend to follow you.",
  "The statutory guidance is on your side here. The chapter on care and support planning is worth reading.",
  "An advocate made a huge difference for us. You can ask the council for one.",
  "It is worth asking for the reasons for any decision in writing. It often changes the answer.",
  "Our carers' centre helped with exactly this. They may know the local process better than anyone.",
  "If it helps, we wrote a one-page summary of what matters most and handed it out at the start of every meeting.",
  "Do not be afraid to use the complaints process. It is not rude; it is how things get put right.",
  "A welfare rights adviser looked over our financial assessment and found things we had missed.",
];
const QUESTIONS_BACK: readonly string[] = [
  "Did the council give a reason in writing?",
  "Did they do a new assessment, or just change the budget?",
  "Has anyone mentioned an advocate?",
  "Have you had a carer's assessment yourself?",
  "Is the support plan in writing yet?",
  "Did anyone explain how the budget was worked out?",
  "Have you been able to get any respite in the meantime?",
  "Which stage of the complaints process are you at?",
  "How are you doing yourself?",
  "Did they agree it in writing in the end?",
  "Is there a user-led organisation near you?",
];
const COMMENT_CLOSERS: readonly string[] = [
  "Good luck, and please post an update.",
  "Thinking of you.",
  "Take care of yourself too.",
  "Hope the next review goes better.",
  "You are not alone in this.",
  "Rooting for you both.",
  "Let us know how it goes.",
];
const PRO_COMMENTS: Record<"sw" | "pl" | "pr", readonly string[]> = {
  sw: [
    "Speaking as a social worker: please ask for a copy of the assessment and the support plan. You are entitled to both.",
    "As a practitioner, I am sorry. What you describe should not happen, and a senior manager should hear about it.",
    "Social worker here. Reviews are meant to check whether the plan is working, not to find savings. You can say that politely.",
    "From the inside: a clear, specific request in writing genuinely helps workers argue for the right decision.",
  ],
  pl: [
    "As a support planner, I would say the plan is the place to win this. Make sure it describes outcomes, not just tasks.",
    "Independent planner here. It is worth asking whether the council funds planning support; many do, quietly.",
    "From the advocacy side: you can ask for an advocate at any point, not only when things have gone wrong.",
    "As a broker, I see this a lot. Ask for the indicative budget and how it was calculated before you agree to anything.",
  ],
  pr: [
    "From the provider side, continuity is much easier when travel time is paid. It is worth asking how the rate is set.",
    "As a PA, I can say the employers who write things down are the ones people stay with.",
    "Provider manager here. Ask for a named small team in writing; most of us would rather work that way too.",
  ],
};
const PRACTICE_NOTE_REPLIES: readonly string[] = [
  "As a carer, it is good to hear this from the other side of the table.",
  "I wish every practitioner we met had read this.",
  "Thank you. It helps to know some people inside are pushing for this.",
  "This is what good looks like. We had it once, and it made all the difference.",
  "Really useful. I am going to take the list to our next review.",
];
const PRACTICE_NOTE_PEER_REPLIES: readonly string[] = [
  "Very much agree. We started doing the same last year and the panel feedback improved.",
  "Useful reflection. Our team has the same pressures, and the same workarounds.",
  "Thank you for writing this down. I am going to share it with colleagues.",
  "The point about recording what went well is spot on.",
];
const OP_REPLIES: readonly string[] = [
  "Thank you, that is really useful to know.",
  "Yes, we asked for it in writing and it came a couple of weeks later.",
  "That is a good idea. I will try it at our next review.",
  "Not yet, but I will ask this week.",
  "Thank you. It helps just to know it is not only us.",
  "We did, and it helped a lot.",
  "They did not give a reason, which is partly why we are complaining.",
  "I had not heard of that. I will look it up.",
  "Thank you for the kind words. Some days are easier than others.",
  "Good question. The plan is in writing, but the hours are not.",
  "Yes, through the carers' centre. It was the first time anyone asked about me.",
  "Update: we asked, and they have agreed to look at it again.",
];
const PRACTICE_OP_REPLIES: readonly string[] = [
  "Thank you. Do share what works in your team.",
  "Glad it was useful. It took us a while to get there.",
  "Yes, exactly that. It is slower at first and quicker in the end.",
  "Good question. We record it in the plan itself, in the person's words.",
];
const PRO_REPLY_LEADS: readonly string[] = [
  "Speaking as a practitioner, I agree.",
  "Practitioner here, and yes.",
  "Agreed, from the other side of the table too.",
  "This matches what I see at work.",
];
const OTHER_REPLIES: readonly string[] = [
  "Same here, and that tip worked for us too.",
  "Seconding this. The advocate changed everything for us.",
  "This is good advice. I wish we had known it earlier.",
  "Happy to share our contract wording if anyone wants it in a practice note.",
  "We had the opposite experience, but it depended a lot on the social worker.",
  "Thank you for explaining this so clearly.",
  "Agree with all of this. Writing things down saved us more than once.",
];

const REPORT_COMMENTS: Partial<Record<SupportArrangement, readonly string[]>> & { general: readonly string[] } = {
  general: [
    "The review was quick and the plan does not reflect what we asked for.",
    "Good social worker this time, which made all the difference.",
    "The plan is good but the hours were cut at review.",
    "Things are steadier this quarter.",
    "Hard quarter. We are managing, just.",
    "Still no written copy of the support plan.",
  ],
  dp_employer: [
    "Having control over when support happens has changed everything.",
    "The budget is fine on paper, but finding PAs at this rate is nearly impossible.",
    "We top up the PA rate ourselves.",
    "Lost a PA this quarter and covered the gaps ourselves.",
  ],
  dp_agency: ["Support is good when it turns up; the problem is reliability.", "The agency changes carers too often."],
  commissioned: ["Short calls and different faces every week.", "No choice over times at all."],
  managed_budget: [
    "Nobody explained we could take it as a direct payment.",
    "It works, but we have little say in how.",
  ],
  isf: [
    "The ISF has made the week flexible for the first time.",
    "The independent planner made the process feel human.",
  ],
  waiting: [
    "Waiting for an assessment for the whole of this quarter.",
    "Still waiting, and things are getting harder at home.",
  ],
  family_only: ["Respite has made it possible to keep going.", "Caring alone with no breaks this quarter."],
  care_home: ["The home is kind, but the top-up worries us.", "Settled in well after a difficult start."],
  self_funded: ["Paying privately and nobody has offered an assessment.", "The savings are running down."],
};

// ---------------------------------------------------------------------------------------------
// Fragments

const VOICE_MARKER = /^(c|s|sw|pl|pr|p):/;

function markerOf(fragment: string): string | null {
  const match = VOICE_MARKER.exec(fragment);
  return match?.[1] ?? null;
}
function stripMarker(fragment: string): string {
  return fragment.replace(VOICE_MARKER, "");
}
/** Fragments the voice can say. */
function forVoice(fragments: readonly string[], voice: Voice): string[] {
  return fragments.filter((fragment) => {
    const marker = markerOf(fragment);
    if (marker === null) return voice === "c" || voice === "s";
    if (marker === "p") return isPractitioner(voice);
    return marker === voice;
  });
}
/** Only fragments written for that exact voice (no shared ones). */
function onlyFor(fragments: readonly string[], voice: Voice): string[] {
  return fragments.filter((fragment) => {
    const marker = markerOf(fragment);
    return marker === voice || (marker === "p" && isPractitioner(voice));
  });
}

const capitalise = (text: string) => (text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1));

function fill(fragment: string, relation: Relation | null): string {
  const text = stripMarker(fragment);
  if (!text.includes("{")) return text;
  if (!relation) throw new Error(`a fragment with placeholders needs a relation: ${text}`);
  return text
    .replaceAll("{rel}", relation.rel)
    .replaceAll("{Rel}", capitalise(relation.rel))
    .replaceAll("{he}", relation.he)
    .replaceAll("{He}", capitalise(relation.he))
    .replaceAll("{him}", relation.him)
    .replaceAll("{Him}", capitalise(relation.him))
    .replaceAll("{his}", relation.his)
    .replaceAll("{His}", capitalise(relation.his));
}

/** Openings that name a condition fix the client group of the post. */
const GROUP_CUES: readonly (readonly [RegExp, ClientGroup])[] = [
  [/dementia/i, "dementia"],
  [/autistic|autism/i, "autism"],
  [/learning disability/i, "learning_disability"],
  [/brain injury|stroke/i, "brain_injury"],
  [/mental illness|mental health/i, "mental_health"],
  [/older person/i, "older_people"],
  [/long-term condition/i, "long_term_condition"],
  [/wheelchair|my injury/i, "physical_disability"],
];
function groupCue(text: string): ClientGroup | null {
  for (const [pattern, group] of GROUP_CUES) if (pattern.test(text)) return group;
  return null;
}

const wordCount = (markdown: string) =>
  markdown
    .replace(/[#>*]/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 0 && w !== "-").length;

// ---------------------------------------------------------------------------------------------
// Dates

/** The twelve complete quarters before today, newest first, as YYYY-MM-DD. */
function completeQuarters(today: Date, count = 12): string[] {
  const starts: string[] = [];
  let year = today.getUTCFullYear();
  let month = Math.floor(today.getUTCMonth() / 3) * 3;
  for (let i = 0; i < count; i++) {
    month -= 3;
    if (month < 0) {
      month += 12;
      year -= 1;
    }
    starts.push(`${year}-${String(month + 1).padStart(2, "0")}-01`);
  }
  return starts;
}
function quarterStartOf(date: Date): string {
  const month = Math.floor(date.getUTCMonth() / 3) * 3;
  return `${date.getUTCFullYear()}-${String(month + 1).padStart(2, "0")}-01`;
}

// ---------------------------------------------------------------------------------------------
// The community

interface PostMeta {
  post: DemoPost;
  theme: Theme;
  arrangement: SupportArrangement;
  group: ClientGroup;
  /** How many comments it tends to attract, relative to others. */
  pull: number;
}

export function buildDemoCommunity(options: { seed: number; areaCodes: string[]; today: Date }): DemoCommunity {
  const rng = new Rng(options.seed);
  const areaCodes = [...new Set(options.areaCodes)];
  if (areaCodes.length === 0) throw new Error("no councils to spread the demo over");
  const DAY_MS = 86_400_000;

  // ---- Members ----
  const users: DemoUser[] = MEMBERS.map(({ handle, perspective, role, trustLevel }) => ({
    handle,
    perspective,
    role,
    trustLevel,
  }));
  const indexed = MEMBERS.map((member, index) => ({ member, index, voice: voiceOf(member) }));
  type Indexed = (typeof indexed)[number];
  const writers = indexed.filter((m) => m.voice !== null);
  const families = writers.filter((m) => m.voice === "c" || m.voice === "s");
  const practitioners = writers.filter((m) => isPractitioner(m.voice));

  // ---- Councils: a handful are busy, so their dashboards have enough reports to show ----
  const shuffledAreas = rng.shuffle(areaCodes);
  const busyAreas = shuffledAreas.slice(0, Math.min(10, shuffledAreas.length));
  const quietAreas = shuffledAreas.slice(busyAreas.length);
  // Councils differ: some review harder, some pay PAs better.
  const areaMood = new Map<string, { effect: number; paRate: number; agencyRate: number }>();
  for (const code of areaCodes) {
    areaMood.set(code, {
      effect: (rng.float() - 0.5) * 0.8,
      paRate: rng.int(1150, 1450),
      agencyRate: rng.int(2150, 2850),
    });
  }
  const moodOf = (code: string) => areaMood.get(code) ?? { effect: 0, paRate: 1300, agencyRate: 2500 };
  const homeArea = new Map<number, string>();
  for (const m of indexed) homeArea.set(m.index, rng.chance(0.6) ? rng.pick(busyAreas) : rng.pick(areaCodes));
  const areaForPost = (authorIndex: number): string | null => {
    if (rng.chance(0.1)) return null;
    const roll = rng.float();
    if (roll < 0.6) return homeArea.get(authorIndex) ?? rng.pick(areaCodes);
    if (roll < 0.75) return rng.pick(busyAreas);
    return rng.pick(areaCodes);
  };

  // ---- Posts ----
  const POST_COUNT = 300;
  const usedOpenings = new Map<string, number>();
  const usedTitles = new Set<string>();
  const metas: PostMeta[] = [];

  /** Openings the voice can use, leaving out ones that name a different condition. */
  const openingsFor = (theme: Theme, voice: Voice, group: ClientGroup | undefined) => {
    const openings = isPractitioner(voice) ? onlyFor(theme.openings, voice) : forVoice(theme.openings, voice);
    if (!group) return openings;
    return openings.filter((o) => {
      const cue = groupCue(o);
      return cue === null || cue === group;
    });
  };
  const themesFor = (voice: Voice, relation: RelationKey | undefined, group: ClientGroup | undefined) =>
    THEMES.filter((theme) => {
      if (openingsFor(theme, voice, group).length === 0) return false;
      if (voice === "c" && theme.relations && relation && !theme.relations.includes(relation)) return false;
      if ((voice === "c" || voice === "s") && group && !theme.groups.includes(group)) return false;
      return true;
    });

  const leastUsed = (candidates: readonly string[]): string => {
    const a = rng.pick(candidates);
    const b = rng.pick(candidates);
    const c = (usedOpenings.get(a) ?? 0) <= (usedOpenings.get(b) ?? 0) ? a : b;
    usedOpenings.set(c, (usedOpenings.get(c) ?? 0) + 1);
    return c;
  };

  const makeTitle = (candidates: readonly string[], relation: Relation | null, withSuffix: boolean): string => {
    let title = "";
    for (let attempt = 0; attempt < 12; attempt++) {
      const base = fill(rng.pick(candidates), relation);
      const suffix = withSuffix && (attempt > 0 || rng.chance(0.35)) ? rng.pick(TITLE_SUFFIXES) : "";
      title = `${base}${suffix}`.slice(0, 120).trim();
      if (!usedTitles.has(title)) break;
    }
    usedTitles.add(title);
    return title;
  };

  for (let key = 0; key < POST_COUNT; key++) {
    const kindRoll = rng.float();
    const kind: DemoPost["kind"] = kindRoll < 0.75 ? "story" : kindRoll < 0.88 ? "question" : "practice_note";
    const statusRoll = rng.float();
    const status: DemoPost["status"] =
      statusRoll < 0.9
        ? "published"
        : statusRoll < 0.95
          ? "pending"
          : statusRoll < 0.98
            ? "changes_requested"
            : "rejected";

    // Who writes it. Anything still in moderation is by a newer member (below trust level 1).
    let pool: Indexed[] =
      kind === "practice_note" ? practitioners : kind === "story" ? (rng.chance(0.9) ? families : writers) : writers;
    if (status !== "published") {
      const newcomers = pool.filter((m) => m.member.trustLevel === 0);
      if (newcomers.length > 0) pool = newcomers;
    }
    const author = rng.weighted(pool, (m) => m.member.activity);
    const voice = author.voice;
    if (voice === null) throw new Error("a reader cannot write posts");

    // Whose support it is about.
    let relationKey: RelationKey | undefined;
    let group: ClientGroup | undefined;
    if (voice === "s") group = author.member.group;
    if (voice === "c") {
      if (rng.chance(0.85)) {
        relationKey = author.member.relation;
        group = author.member.group;
      }
    }
    let themes = themesFor(voice, relationKey, group);
    if (themes.length === 0) {
      relationKey = undefined;
      if (voice === "c") group = undefined;
      themes = themesFor(voice, undefined, group);
    }
    const theme = rng.pick(themes.length > 0 ? themes : THEMES);

    // The opening, consistent with the group when the opening names a condition.
    let openings = openingsFor(theme, voice, group);
    if (openings.length === 0) openings = forVoice(theme.openings, voice);
    const opening = leastUsed(openings);
    if (!group) group = groupCue(opening) ?? rng.pick(theme.groups);
    if (voice === "c" && !relationKey) {
      const allowed = RELATIONS_BY_GROUP[group].filter((r) => !theme.relations || theme.relations.includes(r));
      relationKey = rng.pick(allowed.length > 0 ? allowed : (theme.relations ?? RELATIONS_BY_GROUP[group]));
    }
    const relation = voice === "c" && relationKey ? RELATIONS[relationKey] : null;
    const arrangement = rng.pick(theme.arrangements);

    // Body.
    const paragraphs: string[] = [fill(opening, relation)];
    const quotes = QUOTES.filter(([, themes]) => themes.includes(theme.id)).map(([text]) => text);
    let title: string;
    if (kind === "question") {
      const questions = forVoice(theme.questions, voice);
      const question = fill(
        rng.pick(questions.length > 0 ? questions : theme.questions.filter((q) => markerOf(q) === null)),
        relation,
      );
      title = question;
      usedTitles.add(title);
      const middles = isPractitioner(voice)
        ? [...onlyFor(theme.middles, voice), ...PRACTICE_MIDDLES]
        : forVoice(theme.middles, voice);
      for (const middle of rng.some(middles, rng.int(1, 2))) paragraphs.push(fill(middle, relation));
      paragraphs.push(`${rng.pick(QUESTION_LEADS)} **${question}**`);
      paragraphs.push(rng.pick(QUESTION_CLOSERS));
    } else if (isPractitioner(voice)) {
      title =
        kind === "practice_note" || rng.chance(0.5)
          ? makeTitle(theme.practiceTitles, null, false)
          : makeTitle(theme.practiceTitles, null, true);
      const own = onlyFor(theme.middles, voice).map(stripMarker);
      const chosen = [
        ...rng.some(own, rng.int(1, Math.max(1, own.length))),
        ...rng.some(PRACTICE_MIDDLES, rng.int(1, 3)),
      ];
      const headings = rng.chance(0.3) ? rng.pick(PRACTICE_HEADINGS) : null;
      if (headings) paragraphs.unshift(headings[0]);
      const half = Math.ceil(chosen.length / 2);
      paragraphs.push(...chosen.slice(0, half));
      if (headings) paragraphs.push(headings[1]);
      paragraphs.push(...chosen.slice(half));
      if (quotes.length > 0 && rng.chance(0.2)) paragraphs.push(`${rng.pick(QUOTE_LEADS)}\n\n> "${rng.pick(quotes)}"`);
      const withList = rng.chance(0.45);
      if (withList) {
        const tips = rng.some(PRACTICE_TIPS, rng.int(3, 5));
        paragraphs.push(`${rng.pick(PRACTICE_LIST_LEADS)}\n\n${tips.map((t) => `- ${t}`).join("\n")}`);
      }
      paragraphs.push(withList && rng.chance(0.4) ? AFTER_PRACTICE_LIST : rng.pick(PRACTICE_ENDINGS));
    } else {
      const titles = forVoice(theme.titles, voice);
      title = makeTitle(titles.length > 0 ? titles : theme.titles.filter((t) => markerOf(t) === null), relation, true);
      const own = forVoice(theme.middles, voice);
      const generalCount = rng.chance(0.15) ? 2 : rng.chance(0.45) ? 1 : 0;
      const middles = [...rng.some(own, rng.int(2, 4)), ...rng.some(GENERAL_MIDDLES, generalCount)].map((m) =>
        fill(m, relation),
      );
      const headings = rng.chance(0.2) ? rng.pick(STORY_HEADINGS) : null;
      if (headings) paragraphs.splice(1, 0, headings[0]);
      const quoteAt = quotes.length > 0 && rng.chance(0.25) ? rng.int(0, middles.length) : -1;
      middles.forEach((middle, i) => {
        if (i === quoteAt) paragraphs.push(`${rng.pick(QUOTE_LEADS)}\n\n> "${rng.pick(quotes)}"`);
        if (headings && i === Math.ceil(middles.length / 2)) paragraphs.push(headings[1]);
        paragraphs.push(middle);
      });
      if (quoteAt === middles.length) paragraphs.push(`${rng.pick(QUOTE_LEADS)}\n\n> "${rng.pick(quotes)}"`);
      if (rng.chance(0.22)) {
        const tips = rng.some(TIPS, rng.int(3, 5));
        paragraphs.push(`${rng.pick(LIST_LEADS)}\n\n${tips.map((t) => `- ${t}`).join("\n")}`);
      }
      paragraphs.push(fill(rng.pick(forVoice(ENDINGS, voice)), relation));
    }
    // Keep bodies between 80 and 450 words.
    const spare = isPractitioner(voice) ? [...PRACTICE_MIDDLES] : [...GENERAL_MIDDLES];
    while (wordCount(paragraphs.join("\n\n")) < 80 && spare.length > 0) {
      const [extra] = spare.splice(rng.int(0, spare.length - 1), 1);
      if (extra !== undefined) paragraphs.splice(Math.max(1, paragraphs.length - 1), 0, extra);
    }
    while (wordCount(paragraphs.join("\n\n")) > 450 && paragraphs.length > 3)
      paragraphs.splice(paragraphs.length - 2, 1);

    // Tags: 1 to 5 from the taxonomy.
    const tags = new Set<string>(rng.some(theme.topics, rng.chance(0.5) ? 2 : 1));
    if (kind !== "practice_note" ? rng.chance(0.7) : rng.chance(0.4)) tags.add(SUPPORT_ARRANGEMENTS[arrangement].slug);
    if (rng.chance(0.65)) tags.add(CLIENT_GROUPS[group].slug);
    if (kind === "story" && rng.chance(0.6)) tags.add(rng.pick(theme.feelings));
    if (kind === "question" && rng.chance(0.25)) tags.add(rng.pick(["confused", "anxious"]));

    // When.
    const maxDays = maxDaysAgoFor(author.index);
    const daysAgo =
      status === "pending"
        ? rng.int(0, 6)
        : status === "changes_requested"
          ? rng.int(1, 25)
          : status === "rejected"
            ? rng.int(2, Math.min(400, maxDays))
            : Math.floor(maxDays * (1 - Math.sqrt(rng.float())));

    const post: DemoPost = {
      key,
      authorIndex: author.index,
      kind,
      title,
      bodyMarkdown: paragraphs.join("\n\n"),
      areaCode: areaForPost(author.index),
      tagSlugs: [...tags].slice(0, 5),
      displayMode: rng.chance(isPractitioner(voice) ? 0.9 : 0.75) ? "anonymous" : "handle",
      daysAgo,
      status,
    };
    metas.push({
      post,
      theme,
      arrangement,
      group,
      pull: (kind === "question" ? 2 : kind === "practice_note" ? 1.4 : 1) * (0.2 + rng.float() ** 2 * 3),
    });
  }
  const posts = metas.map((m) => m.post);

  // ---- Comments ----
  const comments: DemoComment[] = [];
  const published = metas.filter((m) => m.post.status === "published");
  // demo.ts adds up to nine hours within a day, so replies come at least a day after what they answer.
  const commentable = published.filter((m) => m.post.daysAgo >= 1);
  const commenters = writers.filter((m) => m.member.role !== "admin");
  const newcomers = commenters.filter((m) => m.member.trustLevel === 0);
  const TOP_LEVEL = 525;
  const REPLIES = 175;

  const commentText = (meta: PostMeta, commenter: Indexed): string => {
    const voice = commenter.voice;
    const parts: string[] = [];
    if (meta.post.kind === "practice_note") {
      parts.push(isPractitioner(voice) ? rng.pick(PRACTICE_NOTE_PEER_REPLIES) : rng.pick(PRACTICE_NOTE_REPLIES));
      if (rng.chance(0.4)) parts.push(rng.pick(meta.theme.advice));
      return parts.join(" ");
    }
    if (isPractitioner(voice) && rng.chance(0.55)) {
      parts.push(rng.pick(PRO_COMMENTS[voice]));
      if (rng.chance(0.4)) parts.push(rng.pick(meta.theme.advice));
      return parts.join(" ");
    }
    if (meta.post.kind === "question") {
      if (rng.chance(0.6)) parts.push(rng.pick(QUESTION_REPLY_OPENERS));
      parts.push(...rng.some(meta.theme.advice, rng.int(1, 2)));
      if (rng.chance(0.3)) parts.push(rng.pick(GENERAL_ADVICE));
      return parts.length > 2 ? `${parts.slice(0, 2).join(" ")}\n\n${parts.slice(2).join(" ")}` : parts.join(" ");
    }
    if (rng.chance(0.75)) parts.push(rng.pick(COMMENT_OPENERS));
    if (rng.chance(0.6)) parts.push(rng.chance(0.6) ? rng.pick(meta.theme.advice) : rng.pick(GENERAL_ADVICE));
    if (rng.chance(0.3)) parts.push(rng.pick(QUESTIONS_BACK));
    if (rng.chance(0.3) || parts.length === 0) parts.push(rng.pick(COMMENT_CLOSERS));
    return parts.length > 2 && rng.chance(0.5)
      ? `${parts.slice(0, 2).join(" ")}\n\n${parts.slice(2).join(" ")}`
      : parts.join(" ");
  };

  /** At least a day after `notBefore` days ago, and not before the commenter joined. */
  const commentDay = (notBefore: number, commenterIndex: number) => {
    const latest = Math.max(0, Math.min(notBefore - 1, maxDaysAgoFor(commenterIndex)));
    const delay = rng.chance(0.85) ? Math.floor(rng.float() ** 2.5 * Math.min(latest, 90)) : rng.int(0, latest);
    return Math.max(0, latest - delay);
  };

  for (let n = 0; n < TOP_LEVEL && commentable.length > 0; n++) {
    const meta = rng.weighted(commentable, (m) => m.pull);
    // A few arrive from newer members on recent posts and are still waiting for a moderator.
    const waiting = rng.chance(0.04) && newcomers.length > 0;
    const others = (waiting ? newcomers : commenters).filter((m) => m.index !== meta.post.authorIndex);
    const commenter = rng.weighted(others.length > 0 ? others : commenters, (m) => m.member.activity);
    const daysAgo = waiting
      ? rng.int(0, Math.min(meta.post.daysAgo - 1, 5))
      : commentDay(meta.post.daysAgo, commenter.index);
    comments.push({
      key: comments.length,
      postKey: meta.post.key,
      parentKey: null,
      authorIndex: commenter.index,
      bodyMarkdown: commentText(meta, commenter),
      daysAgo,
      displayMode: rng.chance(0.65) ? "anonymous" : "handle",
      status: waiting && commenter.member.trustLevel === 0 ? "pending" : "published",
    });
  }

  const metaByKey = new Map(metas.map((m) => [m.post.key, m]));
  const repliable = comments.filter((c) => c.status === "published" && c.daysAgo >= 1);
  for (let n = 0; n < REPLIES && repliable.length > 0; n++) {
    const parent = rng.pick(repliable);
    const meta = metaByKey.get(parent.postKey);
    if (!meta) throw new Error("a comment on a post that does not exist");
    const fromAuthor = parent.authorIndex !== meta.post.authorIndex && rng.chance(0.55);
    let replier: Indexed;
    if (fromAuthor) {
      const author = indexed[meta.post.authorIndex];
      if (!author) throw new Error("a post by a member who does not exist");
      replier = author;
    } else {
      const others = commenters.filter((m) => m.index !== parent.authorIndex);
      replier = rng.weighted(others.length > 0 ? others : commenters, (m) => m.member.activity);
    }
    let body: string;
    if (fromAuthor) body = rng.pick(meta.post.kind === "practice_note" ? PRACTICE_OP_REPLIES : OP_REPLIES);
    else if (isPractitioner(replier.voice) && rng.chance(0.5))
      body = `${rng.pick(PRO_REPLY_LEADS)} ${rng.pick(meta.theme.advice)}`;
    else body = rng.pick(OTHER_REPLIES);
    if (rng.chance(0.25)) body = `${body} ${rng.pick(COMMENT_CLOSERS)}`;
    const waiting = replier.member.trustLevel === 0 && parent.daysAgo <= 5 && rng.chance(0.5);
    comments.push({
      key: comments.length,
      postKey: parent.postKey,
      parentKey: parent.key,
      authorIndex: replier.index,
      bodyMarkdown: body,
      daysAgo: commentDay(parent.daysAgo, replier.index),
      // The author answering under their own post keeps the byline they posted with.
      displayMode: fromAuthor ? meta.post.displayMode : rng.chance(0.65) ? "anonymous" : "handle",
      status: waiting ? "pending" : "published",
    });
  }

  // ---- Experience reports ----
  // Enough that the busy councils' dashboards show most figures once small groups are withheld.
  const REPORT_COUNT = 2000;
  const quarters = completeQuarters(options.today);
  const reportAreas: string[] = [];
  for (const code of busyAreas) {
    const n = rng.int(80, 180);
    for (let i = 0; i < n && reportAreas.length < REPORT_COUNT; i++) reportAreas.push(code);
  }
  for (const code of quietAreas) {
    if (reportAreas.length >= REPORT_COUNT) break;
    const n = Math.min(rng.int(1, 6), REPORT_COUNT - reportAreas.length);
    for (let i = 0; i < n; i++) reportAreas.push(code);
  }
  // Few councils (a test or a small install): the rest go to the busy ones.
  while (reportAreas.length < REPORT_COUNT) reportAreas.push(rng.pick(busyAreas));
  const areasInOrder = rng.shuffle(reportAreas);

  const reporters = indexed.filter((m) => m.member.perspective !== "researcher" && m.member.role !== "admin");
  const reporterWeight = (m: Indexed) =>
    m.member.perspective === "carer" ||
    m.member.perspective === "supported_person" ||
    m.member.perspective === "acting_for_person"
      ? m.member.activity * 3
      : m.member.activity * 0.3;

  // Stories that can carry a report: published, with a council, not already carrying one.
  const storiesByArea = new Map<string, PostMeta[]>();
  for (const meta of published) {
    const voice = indexed[meta.post.authorIndex]?.voice;
    if (meta.post.kind !== "story" || meta.post.areaCode === null || (voice !== "c" && voice !== "s")) continue;
    const list = storiesByArea.get(meta.post.areaCode) ?? [];
    list.push(meta);
    storiesByArea.set(meta.post.areaCode, list);
  }
  const attachTarget = Math.round(REPORT_COUNT * 0.3);
  let attached = 0;

  const GROUP_WEIGHTS: Record<ClientGroup, number> = {
    learning_disability: 20,
    autism: 10,
    physical_disability: 16,
    older_people: 18,
    dementia: 11,
    mental_health: 8,
    sensory: 3,
    brain_injury: 5,
    long_term_condition: 7,
    other: 2,
  };
  const arrangementWeights = (group: ClientGroup): Record<SupportArrangement, number> => {
    const older = group === "older_people" || group === "dementia";
    const ld = group === "learning_disability" || group === "autism";
    return {
      dp_employer: older ? 6 : ld ? 22 : 24,
      dp_agency: older ? 14 : 10,
      managed_budget: 15,
      isf: ld ? 10 : 4,
      shared_lives: ld ? 4 : 1,
      commissioned: older ? 20 : 14,
      care_home: older ? 10 : 2,
      family_only: 8,
      mixed: 6,
      self_funded: older ? 12 : 3,
      waiting: 11,
    };
  };
  const planLeadFor = (arrangement: SupportArrangement): PlanLead => {
    const table: Record<SupportArrangement, Record<PlanLead, number>> = {
      dp_employer: { self_led: 45, peer_led: 12, planner_led: 18, council_led: 18, unknown: 7 },
      dp_agency: { self_led: 25, peer_led: 8, planner_led: 12, council_led: 45, unknown: 10 },
      managed_budget: { self_led: 12, peer_led: 6, planner_led: 10, council_led: 60, unknown: 12 },
      isf: { self_led: 20, peer_led: 20, planner_led: 35, council_led: 20, unknown: 5 },
      shared_lives: { self_led: 15, peer_led: 15, planner_led: 25, council_led: 35, unknown: 10 },
      mixed: { self_led: 30, peer_led: 10, planner_led: 15, council_led: 35, unknown: 10 },
      commissioned: { self_led: 5, peer_led: 3, planner_led: 5, council_led: 70, unknown: 17 },
      care_home: { self_led: 15, peer_led: 2, planner_led: 5, council_led: 55, unknown: 23 },
      family_only: { self_led: 40, peer_led: 10, planner_led: 5, council_led: 15, unknown: 30 },
      self_funded: { self_led: 55, peer_led: 5, planner_led: 15, council_led: 5, unknown: 20 },
      waiting: { self_led: 10, peer_led: 10, planner_led: 5, council_led: 25, unknown: 50 },
    };
    const weights = table[arrangement];
    return rng.weighted(Object.keys(weights) as PlanLead[], (lead) => weights[lead]);
  };
  const LEAD_EFFECT: Record<PlanLead, number> = {
    self_led: 0.35,
    peer_led: 0.3,
    planner_led: 0.4,
    council_led: -0.15,
    unknown: -0.05,
  };
  const ARRANGEMENT_EFFECT: Record<SupportArrangement, number> = {
    dp_employer: 0.2,
    dp_agency: 0,
    managed_budget: -0.05,
    isf: 0.2,
    shared_lives: 0.25,
    mixed: 0.05,
    commissioned: -0.15,
    care_home: -0.1,
    family_only: -0.2,
    self_funded: 0,
    waiting: -0.6,
  };
  const CHANGE_EFFECT: Record<BudgetChange, number> = {
    increased: 0.4,
    same: 0,
    reduced: -0.5,
    stopped: -0.8,
    no_review: -0.1,
  };
  const EASE_SCALE: readonly Ease[] = ["very_easy", "easy", "neither", "hard", "very_hard"];
  const rate = (score: number): OutcomeRating =>
    score >= 1
      ? "a_lot_better"
      : score >= 0.3
        ? "a_bit_better"
        : score > -0.3
          ? "same"
          : score > -1
            ? "a_bit_worse"
            : "a_lot_worse";
  const halfHours = (value: number) => Math.round(value * 2) / 2;
  const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

  const reports: DemoReport[] = [];
  for (const areaCode of areasInOrder) {
    const mood = moodOf(areaCode);
    // About three in ten reports sit under a story from the same council.
    let story: PostMeta | null = null;
    if (attached < attachTarget && rng.chance(0.45)) {
      const candidates = storiesByArea.get(areaCode) ?? [];
      if (candidates.length > 0) {
        const [chosen] = candidates.splice(rng.int(0, candidates.length - 1), 1);
        story = chosen ?? null;
        if (story) attached++;
      }
    }

    let author: Indexed;
    if (story) {
      const storyAuthor = indexed[story.post.authorIndex];
      if (!storyAuthor) throw new Error("a story by a member who does not exist");
      author = storyAuthor;
    } else {
      const locals = reporters.filter((m) => homeArea.get(m.index) === areaCode);
      author =
        locals.length > 0 && rng.chance(0.5)
          ? rng.weighted(locals, reporterWeight)
          : rng.weighted(reporters, reporterWeight);
    }
    const perspective = author.member.perspective;
    const clientGroup: ClientGroup = story
      ? story.group
      : author.member.group && rng.chance(0.7)
        ? author.member.group
        : rng.weighted(Object.keys(GROUP_WEIGHTS) as ClientGroup[], (g) => GROUP_WEIGHTS[g]);
    const arrangementTable = arrangementWeights(clientGroup);
    const supportArrangement: SupportArrangement = story
      ? story.arrangement
      : rng.weighted(Object.keys(arrangementTable) as SupportArrangement[], (a) => arrangementTable[a]);
    const planLead = planLeadFor(supportArrangement);

    // When: near the story's date if it has one, otherwise more reports in recent quarters.
    let quarterStart =
      quarters[Math.min(quarters.length - 1, Math.floor(quarters.length * rng.float() ** 1.2))] ?? quarters[0] ?? "";
    if (story) {
      const written = quarterStartOf(new Date(options.today.getTime() - story.post.daysAgo * DAY_MS));
      if (quarters.includes(written)) quarterStart = written;
      else if (quarters[0] !== undefined && written > quarters[0]) quarterStart = quarters[0];
    }

    // The budget.
    const budgetChange: BudgetChange =
      supportArrangement === "waiting"
        ? "no_review"
        : supportArrangement === "self_funded"
          ? rng.chance(0.8)
            ? "no_review"
            : "same"
          : rng.weighted(["increased", "same", "reduced", "stopped", "no_review"] as const, (c) =>
              c === "increased"
                ? 12
                : c === "same"
                  ? 40
                  : c === "reduced"
                    ? 25 - mood.effect * 20
                    : c === "stopped"
                      ? 3
                      : 18,
            );
    const difficulty = clamp(
      0.6 * rng.gauss() - mood.effect - LEAD_EFFECT[planLead] * 0.6 + (supportArrangement === "waiting" ? 1 : 0),
      -2,
      2.5,
    );
    const councilFunded = supportArrangement !== "self_funded";
    const ease: Ease | null =
      !councilFunded && rng.chance(0.6)
        ? null
        : rng.chance(0.08)
          ? null
          : (EASE_SCALE[clamp(Math.round(2 + difficulty), 0, 4)] ?? "neither");
    const weeksToSupport =
      supportArrangement === "waiting" || rng.chance(0.15)
        ? null
        : clamp(Math.round(3 + rng.float() * 10 + Math.max(0, difficulty + 0.5) * rng.int(4, 20)), 1, 104);
    const budgetCoverage: BudgetCoverage | null =
      supportArrangement === "waiting" ||
      supportArrangement === "family_only" ||
      supportArrangement === "self_funded" ||
      rng.chance(0.1)
        ? null
        : rng.weighted(["fully", "partly", "not_at_all"] as const, (c) => {
            const squeezed = budgetChange === "reduced" || budgetChange === "stopped";
            if (c === "fully") return squeezed ? 10 : 45;
            if (c === "partly") return squeezed ? 60 : 42;
            return squeezed ? 30 : 8;
          });

    // Money and hours.
    const paid = !NO_PAID_SUPPORT.has(supportArrangement);
    let hourlyRatePence: number | null = null;
    let paidHoursPerWeek: number | null = null;
    if (paid) {
      if (rng.chance(0.92)) {
        hourlyRatePence =
          supportArrangement === "dp_employer"
            ? clamp(Math.round((mood.paRate + rng.gauss() * 90) / 5) * 5, 1100, 1600)
            : clamp(
                Math.round(
                  (mood.agencyRate + (supportArrangement === "self_funded" ? 250 : 0) + rng.gauss() * 180) / 10,
                ) * 10,
                2000,
                3200,
              );
      }
      const heavy =
        clientGroup === "learning_disability" || clientGroup === "brain_injury" || clientGroup === "autism" ? 1.4 : 1;
      const base =
        supportArrangement === "dp_employer" || supportArrangement === "isf" ? rng.int(8, 40) : rng.int(3, 28);
      paidHoursPerWeek = clamp(
        halfHours(base * heavy * (budgetChange === "reduced" ? 0.85 : 1) + rng.float() * 6),
        0,
        60,
      );
    }
    const carerView = perspective === "carer" || perspective === "acting_for_person";
    const unpaidHoursPerWeek = rng.chance(0.08)
      ? null
      : clamp(
          halfHours(
            supportArrangement === "family_only"
              ? rng.int(35, 100)
              : supportArrangement === "care_home"
                ? rng.int(0, 12)
                : carerView
                  ? rng.int(10, 70) + (paidHoursPerWeek !== null && paidHoursPerWeek < 10 ? rng.int(0, 30) : 0)
                  : rng.int(0, 35),
          ),
          0,
          100,
        );

    // Outcomes: better where the person or their planner led the plan, worse after cuts or while waiting.
    const base =
      LEAD_EFFECT[planLead] +
      ARRANGEMENT_EFFECT[supportArrangement] +
      CHANGE_EFFECT[budgetChange] +
      mood.effect +
      0.4 * rng.gauss();
    const outcomes: Record<string, OutcomeRating> = {};
    const older = clientGroup === "older_people" || clientGroup === "dementia";
    const domainShift = (domain: Domain): number => {
      switch (domain) {
        case "control-daily-life":
        case "control-support":
          return (
            LEAD_EFFECT[planLead] * 0.6 +
            (supportArrangement === "dp_employer" ? 0.5 : supportArrangement === "isf" ? 0.4 : 0) +
            (supportArrangement === "commissioned" || supportArrangement === "care_home" ? -0.4 : 0)
          );
        case "support-when-needed":
          return supportArrangement === "waiting"
            ? -0.6
            : budgetCoverage === "not_at_all"
              ? -0.5
              : budgetCoverage === "fully"
                ? 0.3
                : 0;
        case "safety":
          return supportArrangement === "care_home" ? 0.5 : 0;
        case "home":
          return supportArrangement === "care_home" ? -0.4 : 0;
        case "community":
          return supportArrangement === "dp_employer" || supportArrangement === "isf" ? 0.3 : -0.1;
        case "carer-wellbeing":
        case "carer-own-life":
          return (unpaidHoursPerWeek ?? 30) > 50 ? -0.7 : (unpaidHoursPerWeek ?? 30) < 20 ? 0.3 : -0.2;
        case "carer-sustain":
          return (unpaidHoursPerWeek ?? 30) > 60 ? -0.6 : 0;
        default:
          return 0;
      }
    };
    const notRelevant = (domain: Domain): boolean => {
      if (domain === "occupation") return rng.chance(older ? 0.6 : 0.1);
      if (domain.startsWith("carer-")) return rng.chance(0.02);
      return rng.chance(0.03);
    };
    const domains: Domain[] = [...OUTCOME_DOMAIN_SLUGS, ...(perspective === "carer" ? CARER_DOMAIN_SLUGS : [])];
    for (const domain of domains) {
      outcomes[domain] = notRelevant(domain) ? "not_relevant" : rate(base + domainShift(domain) + 0.7 * rng.gauss());
    }

    const reviewed = !["waiting", "family_only", "self_funded", "care_home"].includes(supportArrangement);
    const commentPool = [...(REPORT_COMMENTS[supportArrangement] ?? []), ...(reviewed ? REPORT_COMMENTS.general : [])];
    reports.push({
      authorIndex: author.index,
      postKey: story ? story.post.key : null,
      areaCode,
      quarterStart,
      perspective,
      supportArrangement,
      clientGroup,
      planLead,
      budgetChange,
      ease,
      weeksToSupport,
      budgetCoverage,
      hourlyRatePence,
      paidHoursPerWeek,
      unpaidHoursPerWeek,
      outcomes,
      comment: rng.chance(0.15) ? rng.pick(commentPool) : null,
    });
  }

  return { users, posts, comments, reports };
}
