// The demo community's experience reports: numbers, not prose, so generated from the seeded
// random generator, spread over the councils the way demo-community.ts weighs them. Outcomes are
// better where the person or their planner led the plan, worse after cuts or while waiting.
import {
  CARER_OUTCOME_DOMAINS,
  type ClientGroup,
  OUTCOME_DOMAINS,
  type Perspective,
  type SupportArrangement,
} from "../../app/domain/taxonomy";
import type {
  BudgetChange,
  BudgetCoverage,
  DemoReport,
  Ease,
  OutcomeRating,
  PlanLead,
  PostMeta,
  Rng,
} from "./demo-community";
import type { DemoMemberText } from "./demo-texts";

const OUTCOME_DOMAIN_SLUGS = OUTCOME_DOMAINS.map((domain) => domain.slug);
const CARER_DOMAIN_SLUGS = CARER_OUTCOME_DOMAINS.map((domain) => domain.slug);
type Domain = (typeof OUTCOME_DOMAINS)[number]["slug"] | (typeof CARER_OUTCOME_DOMAINS)[number]["slug"];
/** Arrangements with no paid hourly support to ask about (as in the report form). */
const NO_PAID_SUPPORT: ReadonlySet<SupportArrangement> = new Set<SupportArrangement>([
  "family_only",
  "waiting",
  "care_home",
]);
const DAY_MS = 86_400_000;

/** People who draw on care and the families who act for them: the ones who give experience reports. */
const isFamily = (member: { perspective: Perspective }) =>
  member.perspective === "carer" ||
  member.perspective === "acting_for_person" ||
  member.perspective === "supported_person";

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

export interface ReportContext {
  rng: Rng;
  today: Date;
  /** The councils most reports go to, and the rest. */
  busyAreas: string[];
  quietAreas: string[];
  members: { member: DemoMemberText; index: number }[];
  homeArea: Map<number, string>;
  /** Published posts; reports attach to stories by people who draw on care or their families. */
  stories: PostMeta[];
  moodOf: (code: string) => { effect: number; paRate: number; agencyRate: number };
  /** Comments members left on reports, by support arrangement or "general". */
  reportComments: Record<string, string[]>;
}

export function buildDemoReports(context: ReportContext): DemoReport[] {
  const { rng, today, busyAreas, quietAreas, homeArea, moodOf, reportComments } = context;
  const indexed = context.members;
  const published = context.stories;
  type Indexed = (typeof indexed)[number];
  // Enough that the busy councils' dashboards show most figures once small groups are withheld.
  const REPORT_COUNT = 2000;
  const quarters = completeQuarters(today);
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
  const reporterWeight = (m: Indexed) => (isFamily(m.member) ? m.member.activity * 3 : m.member.activity * 0.3);

  // Stories that can carry a report: published, with a council, not already carrying one.
  const storiesByArea = new Map<string, PostMeta[]>();
  for (const meta of published) {
    const author = indexed[meta.post.authorIndex];
    if (meta.post.kind !== "story" || meta.post.areaCode === null || !author || !isFamily(author.member)) continue;
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
      const written = quarterStartOf(new Date(today.getTime() - story.post.daysAgo * DAY_MS));
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
    const commentPool = [
      ...(reportComments[supportArrangement] ?? []),
      ...(reviewed ? (reportComments.general ?? []) : []),
    ];
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
      comment: commentPool.length > 0 && rng.chance(0.15) ? rng.pick(commentPool) : null,
    });
  }

  return reports;
}
