// "Your options" (docs/options.md): the ways of arranging support that members report, each mapped
// onto one experience-report arrangement key, with its plain-words explainer kept here as Markdown
// content. One option is one key, so each option's figures are one cell of the outcomes dashboard's
// own arrangement filter (decision 041).
import { arrangementOfTagSlug } from "../posts/story-search";
import { SUPPORT_ARRANGEMENTS, type SupportArrangement } from "../taxonomy";

/** The four questions every explainer answers, in this order, under these headings. */
export const EXPLAINER_PARTS = {
  what: "What it is",
  money: "Who holds the money",
  employer: "Being an employer",
  ask: "What to ask the council",
} as const;
export type ExplainerPart = keyof typeof EXPLAINER_PARTS;

export interface SupportOption {
  /** The experience report's arrangement key whose reports and stories this option shows. */
  arrangement: SupportArrangement;
  /** The option's name in headings and the comparison table. */
  name: string;
  /** Each part of the explainer, as Markdown. */
  explainer: Record<ExplainerPart, string>;
}

/** Every option, in the order the page shows them. Its anchor is the arrangement's slug. */
export const SUPPORT_OPTIONS: readonly SupportOption[] = [
  {
    arrangement: "dp_employer",
    name: "Employing personal assistants with a direct payment",
    explainer: {
      what: "The council pays the personal budget to you (or to someone acting for the person) as a **direct payment**, and you use it to employ your own personal assistants (PAs): people you choose, who work the hours and in the way you agree with them.",
      money:
        "You do, in a separate bank account or a prepaid card. You keep records and send the council a statement of what was spent, usually every three or twelve months. Money left unspent can be taken back.",
      employer:
        "You are the employer. That means a contract, payslips, pay at least at the National Living Wage, holiday pay, a workplace pension, employer's liability insurance and cover when a PA is ill or leaves. A payroll service or a user-led organisation can do much of the paperwork, and its cost should be in the budget.",
      ask: "- Does the hourly rate in the budget cover a PA's full cost: pay, holiday, pension, insurance, payroll and training?\n- What support is there to find PAs and to be an employer?\n- Can a family member living in the same house be paid, and on what terms?\n- How much may be kept as a contingency, and how often will the account be audited?",
    },
  },
  {
    arrangement: "dp_agency",
    name: "An agency paid with a direct payment",
    explainer: {
      what: "You take the budget as a **direct payment** and buy care from a home care agency you choose, rather than one the council picked. The agency employs the care workers.",
      money:
        "You do: you pay the agency's invoices from the direct payment account and send the council a statement of what was spent.",
      employer:
        "You are not the employer: the agency is. You are its customer, so the contract with the agency (hours, notice, missed visits, prices) matters. Agency rates are often well above what councils pay, so check the gap before you sign.",
      ask: "- Is the hourly rate in the budget enough for the agency you want, and who pays any difference?\n- Can you change agency without a new assessment?\n- What happens if the agency cannot cover a visit?",
    },
  },
  {
    arrangement: "managed_budget",
    name: "A personal budget the council manages",
    explainer: {
      what: "You are told the amount of your **personal budget**, and you say how you would like it spent, but the council keeps the money and arranges the services for you.",
      money: "The council does. You should be told the amount and what it buys, but you do not handle payments.",
      employer:
        "You are not an employer. The council contracts with the providers, so complaints about the service can go to the provider and to the council.",
      ask: "- What is my personal budget, in pounds, and how was it worked out?\n- Which providers can I choose between, and can I change?\n- Can I switch to a direct payment or an individual service fund later?",
    },
  },
  {
    arrangement: "commissioned",
    name: "Care the council arranges for you",
    explainer: {
      what: "The council assesses what you need and arranges services itself, for example home care or a day service from a provider it has a contract with, without a personal budget you can see or direct.",
      money: "The council does. You may be asked to pay a contribution towards the cost after a financial assessment.",
      employer:
        "You are not an employer. The provider employs the staff and the council holds the contract, so the council can be asked to act when the service goes wrong.",
      ask: "- How much does my support cost, and what would that be as a personal budget?\n- How can I have more say over times, people and tasks?\n- When will my support be reviewed?",
    },
  },
  {
    arrangement: "isf",
    name: "An individual service fund",
    explainer: {
      what: "The council pays your budget to a **provider you choose**, which holds it for you alone as an individual service fund (ISF) and spends it the way you decide together: some on its own staff, some perhaps on other things that help.",
      money: "The provider holds it on your behalf, and should show you what it was spent on.",
      employer:
        "You are not an employer: the provider employs the staff. You get much of the say a direct payment gives without the paperwork.",
      ask: "- Does the council offer individual service funds, and with which providers?\n- What does the provider keep for managing the fund?\n- Can the money be spent on things other than the provider's own staff?",
    },
  },
  {
    arrangement: "shared_lives",
    name: "Shared Lives",
    explainer: {
      what: "A **Shared Lives carer** (a trained, approved person or family) shares their home and family life with the person: living with them, or for day visits or short breaks. A Shared Lives scheme matches people and supports the carers.",
      money:
        "The council (or a direct payment) pays the scheme or the carer; the person usually pays rent and living costs from their own income when living there.",
      employer:
        "You are not an employer. Shared Lives carers are self-employed and approved by a scheme, which is registered with the care regulator.",
      ask: "- Is there a Shared Lives scheme for this area, and how long is the wait for a match?\n- Can it be used for short breaks as well as living together?\n- Can a direct payment pay for it?",
    },
  },
  {
    arrangement: "care_home",
    name: "A care home",
    explainer: {
      what: "The person moves into a **care home** (with or without nursing) that provides a room, meals and care around the clock.",
      money:
        "The council pays the home when it funds the place, and the person pays a contribution from their income; people with savings or property above the limits pay for themselves. A family may pay a **top-up** for a dearer home.",
      employer: "You are not an employer. The home employs its staff and is inspected by the care regulator.",
      ask: "- Which homes can meet the needs at the council's rate, without a top-up?\n- What will the person's own contribution be, and what is left for personal spending?\n- Has a deferred payment agreement been offered, if the person owns a home?",
    },
  },
  {
    arrangement: "family_only",
    name: "Unpaid care by family",
    explainer: {
      what: "Family or friends provide the support, **unpaid**, with no paid care alongside. It is the most common arrangement of all, and often the least supported.",
      money:
        "Nobody holds a care budget. A carer may be entitled to a carer's benefit (Carer's Allowance, or Carer Support Payment in Scotland), and a carer's own assessment can lead to support or a budget for the carer.",
      employer: "There is no employer, which also means no holiday, no sick pay and no cover unless you ask for it.",
      ask: "- A carer's assessment of my own needs, including whether I am willing and able to carry on.\n- Short breaks and replacement care: what is available, and how quickly?\n- What happens in an emergency if I cannot care?",
    },
  },
  {
    arrangement: "mixed",
    name: "A mix of these",
    explainer: {
      what: "Support **put together from more than one** of these: for example a direct payment for a PA in the week, council-arranged care at weekends, and family the rest of the time.",
      money:
        "Each part has its own arrangement: you may hold some of the money and the council or a provider the rest.",
      employer:
        "You are an employer only for any PAs you employ with a direct payment. Keep track of who is responsible for which part, and who covers gaps between them.",
      ask: "- Can the budget be split between a direct payment and council-arranged services?\n- Who co-ordinates the parts, and who do I call when one of them fails?\n- Will all the parts be reviewed together?",
    },
  },
];

/** The option whose key is given, for a story's arrangement or an anchor. */
export function optionFor(arrangement: string): SupportOption | undefined {
  return SUPPORT_OPTIONS.find((option) => option.arrangement === arrangement);
}

/** The anchor of an option on a council's page: /options/E08000035#dp-employer. */
export function optionAnchor(arrangement: SupportArrangement): string {
  return SUPPORT_ARRANGEMENTS[arrangement].slug;
}

/** The arrangement whose tag slug is given ("dp-employer"), for stories tagged with one. */
export function arrangementOfTag(slug: string): SupportArrangement | undefined {
  const arrangement = arrangementOfTagSlug(slug);
  return arrangement && optionFor(arrangement) ? arrangement : undefined;
}

/**
 * What a "fifth option" is found by among the stories: the arrangement of an attached experience
 * report, a tag, or search words.
 */
export type FifthOptionFinder = { arrangement: SupportArrangement } | { tag: string } | { q: string };

export interface FifthOption {
  id: string;
  name: string;
  /** One or two sentences, Markdown. */
  summary: string;
  find: FifthOptionFinder;
}

/** What each fifth option is, in a sentence or two of Markdown. */
const FIFTH_SUMMARIES = {
  "Individual service funds":
    "A provider you choose holds your budget for you alone and spends it as you decide together.",
  "Shared Lives schemes": "Living with, or visiting, an approved Shared Lives carer and their family.",
  "Micro-providers":
    "Very small local care enterprises, often one or a few people, offering flexible support a big agency cannot.",
  "Co-operatives": "Care co-operatives owned by the people who give or receive the support.",
  "People-led planning":
    "Support planned by the person and the people who know them, with an independent planner or broker.",
  "Peer support": "People who have been there helping each other: user-led organisations, circles of support, groups.",
} as const;

/** Ways beyond the usual four (employ PAs, an agency, unpaid family care, a care home) that members found. */
export const FIFTH_OPTIONS: readonly FifthOption[] = (
  [
    ["Individual service funds", { arrangement: "isf" }],
    ["Shared Lives schemes", { arrangement: "shared_lives" }],
    ["Micro-providers", { q: "micro-provider or microprovider or micro-enterprise or microenterprise" }],
    ["Co-operatives", { q: "co-operative or cooperative or co-op" }],
    ["People-led planning", { tag: "people-led-planning" }],
    ["Peer support", { tag: "peer-support" }],
  ] as const
).map(([name, find]) => ({
  id: `fifth-${name.toLowerCase().replace(/[^a-z]+/g, "-")}`,
  name,
  summary: FIFTH_SUMMARIES[name],
  find,
}));

/** The longest council name accepted in the chooser (the longest real one is under 60 characters). */
export const TYPED_COUNCIL_MAX = 100;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const EVERY_CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/g;

/**
 * A council as typed into the chooser (?council=…): one value, some letters or digits, no control
 * characters, not too long. What was typed comes back with a refusal (shortened), to be shown again.
 */
export function parseTypedCouncil(
  values: string[],
): { ok: true; council: string } | { ok: false; typed: string; error: string } {
  const typed = (values.find((value) => value.trim() !== "") ?? "").slice(0, TYPED_COUNCIL_MAX * 2);
  const council = typed.trim().replace(/\s+/g, " ");
  const refuse = (error: string) => ({ ok: false as const, typed: typed.replace(EVERY_CONTROL_CHARACTER, ""), error });
  if (new Set(values.map((value) => value.trim()).filter(Boolean)).size > 1)
    return refuse("Choose one council at a time.");
  if (!council) return refuse("Type or choose your council.");
  if (CONTROL_CHARACTERS.test(council)) return refuse("Type the council's name using letters only.");
  if (council.length > TYPED_COUNCIL_MAX)
    return refuse(`Type the council's name in ${TYPED_COUNCIL_MAX} characters or fewer.`);
  if (!/[\p{L}\p{N}]/u.test(council)) return refuse("Type the council's name, such as Leeds or Cornwall.");
  return { ok: true, council };
}
