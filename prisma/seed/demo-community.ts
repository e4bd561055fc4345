// A deterministic demo community: plausible UK social care experiences, no real people's details.
// Built from a library of fragments combined by a seeded random generator.

export type Perspective =
  | "carer" | "supported_person" | "acting_for_person" | "support_planner" | "social_worker" | "provider_staff" | "researcher" | "other";
type SupportArrangement = "dp_employer" | "dp_agency" | "managed_budget" | "isf" | "commissioned" | "care_home" | "family_only" | "self_funded" | "waiting";
type ClientGroup = "learning_disability" | "autism" | "physical_disability" | "older_people" | "dementia" | "mental_health" | "sensory" | "brain_injury" | "long_term_condition" | "other";
type PlanLead = "self_led" | "peer_led" | "planner_led" | "council_led" | "unknown";
type BudgetChange = "increased" | "same" | "reduced" | "stopped" | "no_review";
type Ease = "very_easy" | "easy" | "neither" | "hard" | "very_hard";
type BudgetCoverage = "fully" | "partly" | "not_at_all";
type Rating = "a_lot_better" | "a_bit_better" | "same" | "a_bit_worse" | "a_lot_worse" | "not_relevant";

export interface DemoUser { handle: string; perspective: Perspective; role: "member" | "moderator" | "researcher" | "admin"; trustLevel: 0 | 1 | 2 }
export interface DemoPost { key: number; authorIndex: number; kind: "story" | "practice_note" | "question"; title: string; bodyMarkdown: string; areaCode: string | null; tagSlugs: string[]; displayMode: "handle" | "anonymous"; daysAgo: number; status: "published" | "pending" | "changes_requested" | "rejected" }
export interface DemoComment { key: number; postKey: number; parentKey: number | null; authorIndex: number; bodyMarkdown: string; daysAgo: number; displayMode: "handle" | "anonymous"; status: "published" | "pending" }
export interface DemoReport {
  authorIndex: number; postKey: number | null; areaCode: string; quarterStart: string; perspective: Perspective;
  supportArrangement: SupportArrangement; clientGroup: ClientGroup; planLead: PlanLead; budgetChange: BudgetChange;
  ease: Ease | null; weeksToSupport: number | null; budgetCoverage: BudgetCoverage | null; hourlyRatePence: number | null;
  paidHoursPerWeek: number | null; unpaidHoursPerWeek: number | null; outcomes: Record<string, Rating>; comment: string | null;
}
export interface DemoCommunity { users: DemoUser[]; posts: DemoPost[]; comments: DemoComment[]; reports: DemoReport[] }

export const DEMO_SEED = 20261122;

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

const USERS: [string, Perspective, DemoUser["role"], 0 | 1 | 2][] = [
  ["tired_but_hopeful", "carer", "member", 2], ["pa_employer_north", "supported_person", "member", 2],
  ["brokerage_bee", "support_planner", "member", 2], ["night_shift_mum", "carer", "member", 1],
  ["wheels_and_words", "supported_person", "member", 1], ["quiet_advocate", "acting_for_person", "member", 1],
  ["kettle_on_carer", "carer", "member", 1], ["plan_it_ourselves", "carer", "member", 2],
  ["frontline_sw", "social_worker", "member", 1], ["care_coordinator_k", "provider_staff", "member", 1],
  ["dales_daughter", "carer", "member", 0], ["slow_and_steady", "supported_person", "member", 0],
  ["isf_explorer", "carer", "member", 1], ["valley_carer", "carer", "member", 0],
  ["deputy_for_dad", "acting_for_person", "member", 1], ["peer_planner_jo", "support_planner", "member", 2],
  ["coastal_pa", "provider_staff", "member", 0], ["still_waiting_here", "carer", "member", 0],
  ["autistic_and_loud", "supported_person", "member", 1], ["sibling_support", "carer", "member", 0],
  ["day_centre_regular", "supported_person", "member", 1], ["broker_in_wales", "support_planner", "member", 1],
  ["highland_helper", "carer", "member", 1], ["respite_seeker", "carer", "member", 0],
  ["amhp_reflections", "social_worker", "member", 1], ["agency_insider", "provider_staff", "member", 1],
  ["grandad_cares", "carer", "member", 0], ["own_front_door", "supported_person", "member", 2],
  ["user_led_org", "other", "member", 1], ["curious_commissioner", "other", "member", 0],
  ["mod_morning", "carer", "moderator", 2], ["mod_evening", "support_planner", "moderator", 2],
  ["mod_weekend", "supported_person", "moderator", 2], ["data_digger", "researcher", "researcher", 1],
  ["policy_watcher", "researcher", "researcher", 1], ["site_keeper", "other", "admin", 2],
  ["learning_as_we_go", "carer", "member", 0], ["capacity_questions", "acting_for_person", "member", 0],
  ["pa_of_ten_years", "provider_staff", "member", 2], ["second_opinion", "social_worker", "member", 0],
];

const OPENINGS = [
  "My son moved onto a direct payment two years ago and we now employ three personal assistants between us.",
  "At the annual review the social worker told us the hours would be \"rationalised\", which turned out to mean cut.",
  "We waited eleven months for a Care Act assessment after first ringing the council's front door team.",
  "My mum has dementia and for a long time the only option we were offered was a commissioned agency.",
  "I have employed my own PAs for six years and I still learn something new about being an employer every month.",
  "Our daughter turned eighteen last spring and the move from children's to adults' services was a cliff edge.",
  "I work as an independent support planner and I want to share something that keeps coming up.",
  "When the day centre closed, nobody asked the people who used it what they wanted instead.",
  "We switched to an individual service fund held by a small provider and it changed how the week feels.",
  "The financial assessment arrived with a charge we had no idea was coming.",
  "As a carer I was finally offered a carer's assessment, three years after I started caring full time.",
  "My brother has a learning disability and lives in supported living; the support there has changed a lot this year.",
  "I am a social worker and I find the panel process frustrating from the inside too.",
  "I use a wheelchair and manage my own budget, and recruitment has become the hardest part of it.",
  "Our agency hours were delivered in fifteen-minute calls, which is not enough time to do anything with dignity.",
  "We asked for a personal budget and were told the council \"does not really do those any more\".",
  "My partner had a brain injury and we are still working out what support actually helps.",
  "I manage a small home care service and we have handed back packages we could not staff.",
  "I care for my dad, who lacks capacity for big decisions, and I am his deputy for property and affairs.",
  "Respite has been the thing that keeps our family going, and this year it nearly disappeared.",
  "After a long time on a council-managed budget we finally took it as a direct payment.",
  "I am autistic and the assessment questions never seem to be about the things that are hard for me.",
  "We are in a rural area and finding any PA within reasonable travelling distance is a real struggle.",
  "Our review was done over the phone in twenty minutes and the plan that came out did not sound like us.",
  "A peer support group helped us write our own support plan before the social worker visited.",
  "I am an older person living alone and I pay for my own care, which makes me invisible to the system.",
  "The council moved everyone on direct payments onto a prepaid card and the rules changed overnight.",
  "Transport to college was withdrawn, and with it went most of my son's independence.",
  "We had a complaint upheld by the council after a year of back and forth.",
  "Mental health support in our area is split between so many teams that nobody owns the plan.",
];

const MIDDLES = [
  "The hardest part was not the money but the paperwork: timesheets, payroll, pension enrolment, insurance, and the audit every quarter.",
  "What made the difference was a plan written in our own words, about what a good week looks like rather than a list of tasks.",
  "We asked for everything in writing, kept a diary of every call, and sent a polite summary after each meeting.",
  "The support planner sat with us at the kitchen table for two long afternoons and asked questions nobody had asked before.",
  "Our PA has become part of the family in the best sense: reliable, kind, and clear about boundaries.",
  "The hourly rate the council allows for PAs has not kept up with supermarket wages, so good people leave.",
  "We found that the \"indicative budget\" from the resource allocation system bore little relation to what the plan needed.",
  "An advocate came to the review with us and the whole tone of the meeting changed.",
  "The agency sends whoever is free, so there is no continuity and my mum gets anxious meeting strangers.",
  "Having a named worker at the council for the first time in years meant calls were actually returned.",
  "The best thing we did was join a local group of other families employing PAs and share contracts and tips.",
  "The panel asked for evidence that we had \"exhausted universal services\", which felt like a test we were set up to fail.",
  "Short breaks at a place he knows and likes mean I can sleep properly for two nights a month.",
  "The mental capacity assessment was done properly this time, with time taken to explain things in a way he could follow.",
  "We used some of the budget flexibly for a gym membership and a bus pass, and that did more for his wellbeing than anything else.",
  "When we challenged the decision we quoted the Care Act statutory guidance and the tone changed.",
  "The provider holding the ISF meets us every month and we decide together how the hours are used.",
  "Nobody explained the difference between a managed budget and a direct payment until we asked a third time.",
  "Our carer's assessment led to a small budget for a break, which sounds minor but meant a lot.",
  "We lost two PAs in one month and the contingency plan turned out to be me.",
];

const ENDINGS = [
  "If you are at the start of this, keep notes of everything and ask for the plan in writing.",
  "I would love to hear from anyone who has made an ISF work in a rural area.",
  "We are not there yet, but it feels like we are finally steering rather than being steered.",
  "I still think the system relies on families giving up their own lives to fill the gaps.",
  "What would have helped most is someone telling us our options at the very beginning.",
  "Things are better now, but it took far too much fighting to get here.",
  "My advice: find your local user-led organisation before the first assessment, not after.",
  "I am sharing this so the next family does not have to learn it all the hard way.",
  "The support we have now works, but it feels fragile: one resignation and it all falls apart.",
  "Has anyone else had the same experience with reviews done by phone?",
  "We are appealing, and I will post an update when we hear.",
  "Small changes in how people are listened to make the biggest difference.",
];

const QUESTIONS = [
  "Can the council reduce a direct payment without a new assessment?",
  "How do other PA employers handle holiday pay for irregular hours?",
  "Is it worth asking for an independent support planner?",
  "What should we ask for at a transition review at seventeen?",
  "Has anyone used a personal budget for a short break abroad?",
  "How long did your complaint to the council take?",
  "Can a direct payment be used to pay a family member who lives with us?",
  "What happens to the budget if our PA agency closes?",
];

const PRACTICE_TITLES = [
  "What I have learned from writing support plans with families",
  "Why reviews by phone worry me as a practitioner",
  "Making panel decisions more transparent: one team's approach",
  "Individual service funds: what providers need to get right",
  "Capacity assessments that respect the person",
  "How we handed back packages, and what we would do differently",
];

const STORY_TITLES = [
  "Our first year as PA employers", "The review that cut our hours", "Waiting eleven months for an assessment",
  "From agency calls to an ISF", "Transition at eighteen: what nobody told us", "When the day centre closed",
  "Finding PAs in the countryside", "Winning a complaint against the council", "A support plan in our own words",
  "The charge we did not see coming", "Respite kept our family together", "Taking the budget as a direct payment",
  "Being a deputy for my dad", "Fifteen-minute calls are not care", "Our peer group changed everything",
  "Paying for my own care and feeling invisible", "The prepaid card rules changed overnight",
  "Losing college transport", "Mental health support with nobody in charge", "An advocate at the review",
];

const TITLE_ENDINGS = ["", "", "", ": what we learned", ", two years on", ": an update", ": advice welcome", ", in short", ": how it went", ": the long version"];

const COMMENTS = [
  "Thank you for writing this. It is almost exactly what happened to us.",
  "Keep everything in writing. It made all the difference in our appeal.",
  "Have you tried your local user-led organisation? Ours helped with contracts and payroll.",
  "We had the same with the prepaid card. Ask for the policy document; they have to share it.",
  "This gives me hope. We are at the start and it feels overwhelming.",
  "As a social worker, I am sorry. Please ask for a copy of the assessment and challenge anything that is wrong.",
  "The statutory guidance is on your side here. Chapter 10 on care and support planning is worth reading.",
  "Our PA agency closed too. The council arranged cover within a week, but only because we kept ringing.",
  "Short breaks have been a lifeline for us as well.",
  "Could you share what you put in the PA contract about sickness cover?",
  "I found that asking \"what would a good day look like?\" changed the whole review.",
  "We used an independent planner and it was worth every minute.",
  "Sending solidarity. You are doing an enormous job.",
  "Did the council give a reason in writing for the reduction?",
  "Our ISF provider does monthly meetings too, and it really works.",
  "Same here with the hourly rate. We top it up from our own pocket, which is not sustainable.",
];

const REPLIES = [
  "Yes, we asked for it in writing and they sent it two weeks later.",
  "Thank you, that is really useful to know.",
  "That is a good idea. I will try it at our next review.",
  "Happy to share our contract template wording in a practice note.",
  "We did, and it helped a lot.",
  "Not yet, but I will ask.",
];

const REPORT_COMMENTS = [
  "The review was quick but the plan does not reflect what we asked for.",
  "Having control over when support happens has changed everything.",
  "The budget is fine on paper, but finding PAs at this rate is nearly impossible.",
  "We are still waiting for the review that was promised last year.",
  "Support is good when it turns up; the problem is reliability.",
  "The independent planner made the process feel human.",
];

const TOPICS = ["assessment", "employer", "finding-pas", "agencies", "day-services", "transport", "respite", "capacity", "advocacy", "complaints", "cuts", "peer-support", "people-led-planning", "paperwork", "charging"];
const FEELINGS = ["heard", "relieved", "hopeful", "supported", "confused", "ignored", "exhausted", "anxious", "angry", "let-down"];
const ARRANGEMENT_SLUGS: Record<SupportArrangement, string> = {
  dp_employer: "dp-employer", dp_agency: "dp-agency", managed_budget: "managed-budget", isf: "isf", commissioned: "commissioned",
  care_home: "care-home", family_only: "family-only", self_funded: "self-funded", waiting: "waiting",
};
const CLIENT_GROUP_SLUGS: Record<ClientGroup, string> = {
  learning_disability: "learning-disability", autism: "autism", physical_disability: "physical-disability", older_people: "older-people",
  dementia: "dementia", mental_health: "mental-health", sensory: "sensory", brain_injury: "brain-injury",
  long_term_condition: "long-term-condition", other: "other",
};
const ARRANGEMENTS = Object.keys(ARRANGEMENT_SLUGS) as SupportArrangement[];
const CLIENT_GROUPS = Object.keys(CLIENT_GROUP_SLUGS) as ClientGroup[];
const DOMAINS = ["control-daily-life", "control-support", "support-when-needed", "dignity", "safety", "physical-health", "mental-wellbeing", "relationships", "community", "occupation", "home", "quality-of-life"];
const CARER_DOMAINS = ["carer-wellbeing", "carer-sustain", "carer-own-life"];
const RATINGS: Rating[] = ["a_lot_worse", "a_bit_worse", "same", "a_bit_better", "a_lot_better"];

export function buildDemoCommunity(options: { seed: number; areaCodes: string[]; today: Date }): DemoCommunity {
  const random = mulberry32(options.seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T,>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  };
  const pickSome = <T,>(items: readonly T[], count: number): T[] => {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < count && copy.length > 0) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0] as T);
    return out;
  };
  if (options.areaCodes.length === 0) throw new Error("no councils to spread the demo over");

  const users: DemoUser[] = USERS.map(([handle, perspective, role, trustLevel]) => ({ handle, perspective, role, trustLevel }));
  const members = users.map((u, i) => ({ u, i }));
  const professionals = members.filter(({ u }) => ["support_planner", "social_worker", "provider_staff"].includes(u.perspective));
  // A few councils get most of the reports, so their dashboards have enough to show.
  const busy = pickSome(options.areaCodes, Math.min(12, options.areaCodes.length));

  const posts: DemoPost[] = [];
  for (let key = 0; key < 300; key++) {
    const roll = random();
    const kind: DemoPost["kind"] = roll < 0.75 ? "story" : roll < 0.88 ? "question" : "practice_note";
    const author = kind === "practice_note" && professionals.length > 0 ? pick(professionals) : pick(members);
    const arrangement = pick(ARRANGEMENTS);
    const group = pick(CLIENT_GROUPS);
    let title: string;
    let body: string;
    if (kind === "question") {
      title = pick(QUESTIONS);
      body = `${pick(OPENINGS)}\n\n${pick(MIDDLES)}\n\n**${title}** Any experience gratefully received.`;
    } else {
      title = `${kind === "practice_note" ? pick(PRACTICE_TITLES) : pick(STORY_TITLES)}${pick(TITLE_ENDINGS)}`;
      const paragraphs = [pick(OPENINGS), ...pickSome(MIDDLES, int(2, 4)), pick(ENDINGS)];
      if (random() < 0.25) paragraphs.splice(2, 0, `> ${pick(MIDDLES)}`);
      if (random() < 0.2) paragraphs.splice(1, 0, "## What happened");
      if (random() < 0.2) paragraphs.push(`What helped:\n\n- ${pick(MIDDLES)}\n- ${pick(ENDINGS)}`);
      body = paragraphs.join("\n\n");
    }
    const statusRoll = random();
    posts.push({
      key,
      authorIndex: author.i,
      kind,
      title,
      bodyMarkdown: body,
      areaCode: random() < 0.1 ? null : random() < 0.5 ? pick(busy) : pick(options.areaCodes),
      tagSlugs: [...new Set([pick(TOPICS), ARRANGEMENT_SLUGS[arrangement], CLIENT_GROUP_SLUGS[group], ...(random() < 0.6 ? [pick(FEELINGS)] : [])])].slice(0, 5),
      displayMode: random() < 0.8 ? "anonymous" : "handle",
      daysAgo: int(0, 1000),
      status: statusRoll < 0.9 ? "published" : statusRoll < 0.95 ? "pending" : statusRoll < 0.98 ? "changes_requested" : "rejected",
    });
  }

  const published = posts.filter((p) => p.status === "published");
  const comments: DemoComment[] = [];
  let commentKey = 0;
  for (let n = 0; n < 520 && published.length > 0; n++) {
    const post = pick(published);
    comments.push({
      key: commentKey++,
      postKey: post.key,
      parentKey: null,
      authorIndex: int(0, users.length - 1),
      bodyMarkdown: pick(COMMENTS),
      daysAgo: int(0, post.daysAgo),
      displayMode: random() < 0.75 ? "anonymous" : "handle",
      status: random() < 0.95 ? "published" : "pending",
    });
  }
  const topLevel = comments.filter((c) => c.status === "published");
  for (let n = 0; n < 180 && topLevel.length > 0; n++) {
    const parent = pick(topLevel);
    comments.push({
      key: commentKey++,
      postKey: parent.postKey,
      parentKey: parent.key,
      authorIndex: int(0, users.length - 1),
      bodyMarkdown: pick(REPLIES),
      daysAgo: int(0, parent.daysAgo),
      displayMode: random() < 0.75 ? "anonymous" : "handle",
      status: "published",
    });
  }

  // The last twelve complete quarters before today.
  const quarterStarts: string[] = [];
  let year = options.today.getUTCFullYear();
  let month = Math.floor(options.today.getUTCMonth() / 3) * 3;
  for (let i = 0; i < 12; i++) {
    month -= 3;
    if (month < 0) {
      month += 12;
      year -= 1;
    }
    quarterStarts.push(`${year}-${String(month + 1).padStart(2, "0")}-01`);
  }

  const stories = published.filter((p) => p.kind === "story");
  const reports: DemoReport[] = [];
  for (let n = 0; n < 400; n++) {
    const author = pick(members);
    const arrangement = pick(ARRANGEMENTS);
    const planLead: PlanLead = pick(["self_led", "self_led", "peer_led", "planner_led", "council_led", "council_led", "council_led", "unknown"] as const);
    // Plans led by the person or an independent planner tend to go better, as the surveys find.
    const lift = planLead === "self_led" || planLead === "planner_led" || planLead === "peer_led" ? 1.1 : planLead === "council_led" ? -0.3 : 0;
    const rating = (): Rating => {
      if (random() < 0.06) return "not_relevant";
      const score = Math.max(0, Math.min(4, Math.round(2 + lift + (random() - 0.5) * 3)));
      return RATINGS[score] ?? "same";
    };
    const outcomes: Record<string, Rating> = {};
    for (const domain of DOMAINS) outcomes[domain] = rating();
    if (author.u.perspective === "carer") for (const domain of CARER_DOMAINS) outcomes[domain] = rating();
    const paid = !["family_only", "waiting", "care_home"].includes(arrangement);
    const agency = arrangement === "dp_agency" || arrangement === "commissioned";
    reports.push({
      authorIndex: author.i,
      postKey: random() < 0.3 && stories.length > 0 ? pick(stories).key : null,
      areaCode: random() < 0.85 ? pick(busy) : pick(options.areaCodes),
      quarterStart: pick(quarterStarts),
      perspective: author.u.perspective,
      supportArrangement: arrangement,
      clientGroup: pick(CLIENT_GROUPS),
      planLead,
      budgetChange: pick(["increased", "same", "same", "reduced", "reduced", "stopped", "no_review"] as const),
      ease: random() < 0.9 ? pick(["very_easy", "easy", "neither", "hard", "hard", "very_hard"] as const) : null,
      weeksToSupport: random() < 0.8 ? int(2, 60) : null,
      budgetCoverage: random() < 0.9 ? pick(["fully", "partly", "partly", "not_at_all"] as const) : null,
      hourlyRatePence: paid && random() < 0.9 ? (agency ? int(2000, 3200) : int(1100, 1600)) : null,
      paidHoursPerWeek: paid ? int(0, 60) : null,
      unpaidHoursPerWeek: random() < 0.85 ? int(0, 100) : null,
      outcomes,
      comment: random() < 0.15 ? pick(REPORT_COMMENTS) : null,
    });
  }

  return { users, posts, comments, reports };
}
