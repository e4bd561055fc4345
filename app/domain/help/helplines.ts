// Every number the "Get help now" page (/help) and the safeguarding page show, in one place, each
// with where it was published and when we last checked it. Numbers change: a test fails when any
// check is more than a year old, so someone looks again.

export type Nation = "England" | "Wales" | "Scotland";

export interface Helpline {
  id: string;
  /** Who runs it and what it is called. */
  name: string;
  /** The number as the organisation writes it (or the text instruction, for a text service). */
  number: string;
  /** What a phone dials: digits only, with a leading + for an international form. */
  dial: string;
  /** "tel" for a call, "sms" for a text service. */
  kind: "tel" | "sms";
  /** Text to send, for a text service. */
  smsBody?: string;
  /** Who it is for, in plain words. */
  forWhom: string;
  /** Where it answers; empty means the whole UK. */
  nations: readonly Nation[];
  hours: string;
  free: boolean;
  /** The organisation's own page for the service: where to check the number. */
  source: string;
  /**
   * True when the number was read on that page; false when we could only find it quoted elsewhere
   * (a council, NHS or news page), and the page says so until someone confirms it.
   */
  confirmedAtSource: boolean;
  /** ISO date we last compared the number with that page. */
  checkedOn: string;
}

export interface HelplineSection {
  id: string;
  heading: string;
  intro?: string;
  helplines: readonly Helpline[];
}

export const EMERGENCY: readonly Helpline[] = [
  {
    id: "999",
    name: "Emergency services",
    number: "999",
    dial: "999",
    kind: "tel",
    forWhom: "Anyone in danger now, or a medical emergency. If you cannot speak, call and press 55 when asked.",
    nations: [],
    hours: "Any time",
    free: true,
    source: "https://www.police.uk/pu/contact-us/what-to-do-in-an-emergency/",
    confirmedAtSource: true,
    checkedOn: "2026-12-06",
  },
  {
    id: "111",
    name: "NHS 111 (NHS 24 in Scotland, NHS 111 Wales)",
    number: "111",
    dial: "111",
    kind: "tel",
    forWhom:
      "Urgent health advice when it is not an emergency, including mental health (choose the mental health option).",
    nations: [],
    hours: "Any time",
    free: true,
    source: "https://www.nhs24.scot/important-information-about-the-111-service",
    confirmedAtSource: true,
    checkedOn: "2026-12-06",
  },
  {
    id: "samaritans",
    name: "Samaritans",
    number: "116 123",
    dial: "116123",
    kind: "tel",
    forWhom: "Anyone who is struggling or thinking about suicide. You do not have to be suicidal to call.",
    nations: [],
    hours: "Any time, day or night",
    free: true,
    source: "https://www.samaritans.org/how-we-can-help/contact-samaritan/",
    confirmedAtSource: true,
    checkedOn: "2026-12-06",
  },
];

const CHECKED = "2026-12-06";

const line = (
  entry: Omit<Helpline, "kind" | "checkedOn" | "dial"> & { kind?: Helpline["kind"]; dial?: string },
): Helpline => ({
  kind: "tel",
  checkedOn: CHECKED,
  dial: entry.number.replace(/\D/g, ""),
  ...entry,
});

export const SECTIONS: readonly HelplineSection[] = [
  {
    id: "carers",
    heading: "Help for carers",
    intro: "Advice on your rights, carer's assessments, breaks and money, from people who know caring.",
    helplines: [
      line({
        id: "carers-uk",
        name: "Carers UK Helpline (with Carers Wales and Carers Scotland)",
        number: "0808 808 7777",
        forWhom: "Unpaid carers and the people who support them: rights, assessments, benefits, breaks.",
        nations: [],
        hours: "Weekdays; Carers UK's site gives today's hours",
        free: true,
        source: "https://www.carersuk.org/help-and-advice/helpline-and-other-support/",
        confirmedAtSource: false,
      }),
      line({
        id: "care-information-scotland",
        name: "Care Information Scotland",
        number: "0800 011 3200",
        forWhom: "Carers and people who need care in Scotland: what support there is and how to get it.",
        nations: ["Scotland"],
        hours: "Monday to Friday, 9am to 5pm",
        free: true,
        source: "https://www.nhsinform.scot/campaigns/support-for-unpaid-carers",
        confirmedAtSource: true,
      }),
    ],
  },
  {
    id: "dementia",
    heading: "Dementia",
    helplines: [
      line({
        id: "dementia-uk",
        name: "Dementia UK Admiral Nurse Dementia Helpline",
        number: "0800 888 6678",
        forWhom: "Anyone caring for or worried about someone with dementia: specialist dementia nurses.",
        nations: [],
        hours: "Dementia UK's site gives today's hours",
        free: true,
        source: "https://www.dementiauk.org/information-and-support/world-alzheimers-month/",
        confirmedAtSource: true,
      }),
      line({
        id: "alzheimers-society",
        name: "Alzheimer's Society Dementia Support Line",
        number: "0333 150 3456",
        forWhom: "People living with dementia and those who care for them.",
        nations: ["England", "Wales"],
        hours: "Alzheimer's Society's site gives today's hours (calls cost as a local call)",
        free: false,
        source: "https://www.alzheimers.org.uk/get-support/dementia-support-line",
        confirmedAtSource: false,
      }),
      line({
        id: "alzheimer-scotland",
        name: "Alzheimer Scotland Freephone Dementia Helpline",
        number: "0808 808 3000",
        forWhom: "People with dementia, their carers and families, and professionals.",
        nations: ["Scotland"],
        hours: "Any time, 24 hours",
        free: true,
        source: "https://www.alzscot.org/news/life-on-alzheimer-scotlands-24-hour-helpline",
        confirmedAtSource: true,
      }),
    ],
  },
  {
    id: "older-people",
    heading: "Older people",
    helplines: [
      line({
        id: "age-uk",
        name: "Age UK Advice Line",
        number: "0800 678 1602",
        forWhom: "Older people, their families, friends and carers: care, money, benefits, housing.",
        nations: ["England"],
        hours: "8am to 7pm every day",
        free: true,
        source: "https://www.ageuk.org.uk/services/age-uk-advice-line/",
        confirmedAtSource: false,
      }),
      line({
        id: "age-cymru",
        name: "Age Cymru Advice",
        number: "0300 303 44 98",
        forWhom: "Older people in Wales and those who care for them.",
        nations: ["Wales"],
        hours: "Age Cymru's site gives today's hours (calls cost as a local call)",
        free: false,
        source: "https://www.agecymru.wales/latest-news/a-new-year-message-from-age-cymru2",
        confirmedAtSource: true,
      }),
      line({
        id: "age-scotland",
        name: "Age Scotland Helpline",
        number: "0800 12 44 222",
        forWhom: "People over 50, their carers and families in Scotland.",
        nations: ["Scotland"],
        hours: "Monday to Friday, 9am to 5pm",
        free: true,
        source: "https://www.agescotland.org.uk/how-we-can-help/our-helpline",
        confirmedAtSource: true,
      }),
      line({
        id: "silver-line",
        name: "The Silver Line (Age UK)",
        number: "0800 4 70 80 90",
        forWhom: "Older people who are lonely or need someone to talk to.",
        nations: [],
        hours: "Any time, day or night",
        free: true,
        source: "https://www.thesilverline.org.uk/",
        confirmedAtSource: false,
      }),
    ],
  },
  {
    id: "domestic-abuse",
    heading: "Domestic abuse",
    intro: "Abuse by a partner, a family member or someone who cares for you. You can call about someone else, too.",
    helplines: [
      line({
        id: "domestic-abuse-england",
        name: "National Domestic Abuse Helpline (Refuge)",
        number: "0808 2000 247",
        forWhom: "Anyone experiencing domestic abuse, and people worried about someone.",
        nations: ["England"],
        hours: "Any time, 24 hours",
        free: true,
        source: "https://www.nationaldahelpline.org.uk/",
        confirmedAtSource: true,
      }),
      line({
        id: "live-fear-free",
        name: "Live Fear Free",
        number: "0808 80 10 800",
        forWhom: "Anyone experiencing domestic abuse or sexual violence, and people worried about someone.",
        nations: ["Wales"],
        hours: "Any time, 24 hours",
        free: true,
        source: "https://www.gov.wales/live-fear-free",
        confirmedAtSource: true,
      }),
      line({
        id: "scotland-domestic-abuse",
        name: "Scotland's Domestic Abuse and Forced Marriage Helpline",
        number: "0800 027 1234",
        forWhom:
          "Anyone of any gender experiencing domestic abuse or forced marriage, and people worried about someone.",
        nations: ["Scotland"],
        hours: "Any time, 24 hours",
        free: true,
        source: "https://sdafmh.org.uk/",
        confirmedAtSource: false,
      }),
      line({
        id: "mens-advice-line",
        name: "Men's Advice Line (Respect)",
        number: "0808 801 0327",
        forWhom: "Men experiencing domestic abuse.",
        nations: [],
        hours: "Respect's site gives today's hours",
        free: true,
        source: "https://mensadviceline.org.uk/",
        confirmedAtSource: false,
      }),
    ],
  },
  {
    id: "struggling",
    heading: "If you are struggling",
    helplines: [
      line({
        id: "shout",
        name: "Shout",
        number: "Text SHOUT to 85258",
        dial: "85258",
        kind: "sms",
        smsBody: "SHOUT",
        forWhom: "Anyone who is struggling to cope and would rather text than talk.",
        nations: [],
        hours: "Any time, 24 hours",
        free: true,
        source: "https://giveusashout.org/about-us/faq/",
        confirmedAtSource: true,
      }),
      line({
        id: "calm",
        name: "CALM (Campaign Against Living Miserably)",
        number: "0800 58 58 58",
        forWhom: "Anyone who is down or in crisis.",
        nations: [],
        hours: "5pm to midnight every day",
        free: true,
        source: "https://www.thecalmzone.net/helpline-terms/",
        confirmedAtSource: true,
      }),
      line({
        id: "breathing-space",
        name: "Breathing Space",
        number: "0800 83 85 87",
        forWhom: "Anyone in Scotland feeling low, anxious or stressed.",
        nations: ["Scotland"],
        hours: "Monday to Thursday 6pm to 2am; Friday 6pm to Monday 6am",
        free: true,
        source: "https://breathingspace.scot/",
        confirmedAtSource: true,
      }),
    ],
  },
];

/** Every helpline on the page, for tests and for the safeguarding page. */
export function allHelplines(): Helpline[] {
  return [...EMERGENCY, ...SECTIONS.flatMap((section) => section.helplines)];
}

/** The href a link to a helpline uses: tel: for calls, sms: (with its text) for text services. */
export function helplineHref(helpline: Helpline): string {
  if (helpline.kind === "sms")
    return `sms:${helpline.dial}${helpline.smsBody ? `?body=${encodeURIComponent(helpline.smsBody)}` : ""}`;
  return `tel:${helpline.dial}`;
}

/** The number as shown in a link: its spaces do not break, so a number never wraps across lines. */
export function displayNumber(helpline: Helpline): string {
  return helpline.kind === "tel" ? helpline.number.replaceAll(" ", "\u00a0") : helpline.number;
}
