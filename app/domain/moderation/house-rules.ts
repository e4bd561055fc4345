// The house rules: what members agree to, in plain words, and the one list moderators cite when
// they reject, remove or ask for changes (docs/moderation.md). /house-rules shows this list; a
// reason names a rule by its number, so the number of a rule must never change once published.

export interface HouseRule {
  number: number;
  /** A few words, as a reason names it: "House rule 2, Keep other people unidentifiable". */
  title: string;
  /** What it asks, in plain words. */
  text: string;
}

export const HOUSE_RULES: readonly HouseRule[] = [
  {
    number: 1,
    title: "Keep yourself anonymous",
    text: "Do not share your real name, address, phone number, email or anything else that would let someone find you, unless you are sure you want to. Post anonymously if in doubt.",
  },
  {
    number: 2,
    title: "Keep other people unidentifiable",
    text: "Do not name or describe people in a way that identifies them: the person you care for, care workers, social workers, neighbours or anyone else. Say “my social worker”, not their name.",
  },
  {
    number: 3,
    title: "Be kind",
    text: "Everyone here is dealing with something hard. Disagree with what someone says, never attack who they are. No insults, threats, mocking or hateful language.",
  },
  {
    number: 4,
    title: "No advertising",
    text: "Do not sell or promote services, agencies, products, fundraisers or websites. Mentioning an organisation that helped you is fine.",
  },
  {
    number: 5,
    title: "Safety first",
    text: "If someone is in danger now, call 999. If you are worried an adult is being abused or neglected, tell the council's adult safeguarding team. Moderators will point people to help, but cannot reach them.",
  },
  {
    number: 6,
    title: "Share experience, not advice as fact",
    text: "Say what happened to you and what worked for you. Do not present medical, legal or financial advice as certain fact: point people to someone qualified.",
  },
  {
    number: 7,
    title: "Tell the truth",
    text: "Write about what really happened. Do not make up stories, post on someone else's behalf without their agreement, or pretend to be someone you are not.",
  },
  {
    number: 8,
    title: "Stay on topic",
    text: "This is a place about adult social care: personal budgets, direct payments, support planning and living with support. Keep posts and replies about that.",
  },
  {
    number: 9,
    title: "One account each",
    text: "Use one account. Do not use a second one to get round a moderator's decision or to agree with yourself.",
  },
];

export const RULE_NUMBERS = HOUSE_RULES.map((rule) => rule.number);

export function ruleByNumber(value: unknown): HouseRule | null {
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  return HOUSE_RULES.find((rule) => rule.number === number) ?? null;
}

/** The address of a rule on the house rules page. */
export const ruleLink = (rule: HouseRule) => `/house-rules#rule-${rule.number}`;

/** How a rule is named wherever it is cited: "house rule 2, “Keep other people unidentifiable”". */
export const ruleName = (rule: HouseRule) => `house rule ${rule.number}, “${rule.title}”`;

/** A moderator's reason as stored and shown: the rule, then their note if they wrote one. */
export function reasonText(rule: HouseRule, note: string | null | undefined): string {
  const name = ruleName(rule);
  const written = note?.trim();
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}.${written ? ` ${written}` : ""}`;
}

/** The rules a text cites ("house rule 2"), in order, once each: for a link beside it. */
export function citedRules(text: string | null | undefined): HouseRule[] {
  const found: HouseRule[] = [];
  for (const match of (text ?? "").matchAll(/\bhouse rule (\d{1,2})\b/gi)) {
    const rule = ruleByNumber(match[1]);
    if (rule && !found.includes(rule)) found.push(rule);
  }
  return found;
}
