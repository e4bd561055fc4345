import { describe, expect, it } from "vitest";

import {
  type Finding,
  type FindingKind,
  PLACEHOLDERS,
  findIdentifyingDetails,
  isValidNhsNumber,
  redactAll,
  redactFinding,
} from "./identifying-details";
import { LABELLED } from "./identifying-details.fixtures";

const KINDS = Object.keys(PLACEHOLDERS) as FindingKind[];

function found(text: string, kind?: FindingKind): string[] {
  return findIdentifyingDetails(text)
    .filter((f) => kind === undefined || f.kind === kind)
    .map((f) => f.text);
}

function only(text: string, kind: FindingKind): Finding {
  const findings = findIdentifyingDetails(text).filter((f) => f.kind === kind);
  expect(findings).toHaveLength(1);
  const [first] = findings;
  if (!first) throw new Error("no finding");
  return first;
}

// A text and every finding in it (of the kind it is listed under, or of any kind), in order:
// a text alone has none.
type Examples = Partial<Record<FindingKind | "any", readonly (readonly [text: string, ...found: string[]])[]>>;

// One test a name: each text's findings must be exactly the ones listed.
function examples(tests: Record<string, Examples>) {
  for (const [name, byKind] of Object.entries(tests)) {
    it(name, () => {
      for (const [kind, rows] of Object.entries(byKind)) {
        for (const [text, ...want] of rows ?? []) {
          expect(found(text, kind === "any" ? undefined : (kind as FindingKind)), text).toEqual(want);
        }
      }
    });
  }
}

describe("isValidNhsNumber", () => {
  it("accepts numbers whose last digit is the modulus-11 check digit", () => {
    for (const number of ["9434765919", "943 476 5919", "943-476-5919"]) expect(isValidNhsNumber(number)).toBe(true);
  });

  it("treats a remainder of 11 as a check digit of 0", () => {
    // 9*10 + 2*8 + 1*4 + 2*3 + 8*2 = 132, a multiple of 11.
    expect(isValidNhsNumber("9020001280")).toBe(true);
    expect(isValidNhsNumber("9020001281")).toBe(false);
  });

  it("rejects a wrong check digit, a check digit of 10, and anything not 10 digits", () => {
    for (const number of [
      "9434765918",
      // 1*10 + 2*9 + … + 9*2 = 210, remainder 1: the check digit would be 10, never issued.
      "1234567890",
      "943476591",
      "94347659190",
      "943476591X",
      "",
    ]) {
      expect(isValidNhsNumber(number), number).toBe(false);
    }
  });
});

describe("emails", () => {
  examples({
    "finds addresses, including plus signs, subdomains and capitals": {
      email: [
        ["Email me on jo+forum@example.com please", "jo+forum@example.com"],
        ["Write to invoices@payroll.example.com.", "invoices@payroll.example.com"],
        ["READER@EXAMPLE.COM", "READER@EXAMPLE.COM"],
      ],
    },
    "ignores an @ used for 'at' and an address with no domain": {
      any: [
        ["Meeting at 3pm @ the day centre"],
        ["We met at the hospital. Come along next time"],
        ["I was at home all day"],
      ],
    },
    "finds addresses written to get past filters": {
      email: [
        ["my email is jo at example dot com", "jo at example dot com"],
        ["it's shauna.m (at) example (dot) co (dot) uk, thanks", "shauna.m (at) example (dot) co (dot) uk"],
        ["write to pa.cover[at]example[dot]org", "pa.cover[at]example[dot]org"],
        ["Email is auntie_pat at yahoo.co.uk, mention the forum", "auntie_pat at yahoo.co.uk"],
      ],
    },
  });
});

describe("phone numbers", () => {
  examples({
    "finds Ofcom drama numbers, which the phone library treats as invalid": {
      phone: [
        ["Call me on 07700 900123 tonight", "07700 900123"],
        ["Her mobile is 07700900987", "07700900987"],
        ["Our PA is on 07700-900-612", "07700-900-612"],
        ["ring 01632 960444", "01632 960444"],
      ],
    },
    "finds landlines, international and bracketed formats": {
      phone: [
        ["The duty team is on 0161 496 0515.", "0161 496 0515"],
        ["Phone 020 7946 0958 today", "020 7946 0958"],
        ["Direct line (0121) 496 0033.", "(0121) 496 0033"],
        ["Try +44 7700 900345 or +447700900555", "+44 7700 900345", "+447700900555"],
        ["Nights: +44 (0)161 496 0977", "+44 (0)161 496 0977"],
      ],
    },
  });

  it("is more confident about numbers the library knows are valid", () => {
    expect(only("0161 496 0515", "phone").confidence).toBeGreaterThan(only("07700 900123", "phone").confidence);
  });

  examples({
    "ignores money, hours, times and reference numbers": {
      phone: [["The reference number was 1234567890"]],
      any: [
        ["We pay £12.50 an hour for 38 hours a week"],
        ["His care plan says 07:30 and 21:00 calls"],
        ["Rates went from £10.90 to £11.44 in 2024/25"],
      ],
    },
  });
});

describe("postcodes", () => {
  examples({
    "finds full postcodes in every outward format, with or without the space": {
      postcode: [
        ["We are in SW1A 1AA now.", "SW1A 1AA"],
        ["We are in M1 1AE now.", "M1 1AE"],
        ["We are in B33 8TH now.", "B33 8TH"],
        ["We are in CR2 6XH now.", "CR2 6XH"],
        ["We are in DN55 1PT now.", "DN55 1PT"],
        ["We are in W1A 0AX now.", "W1A 0AX"],
        ["We are in EC1A 1BB now.", "EC1A 1BB"],
        ["We are in W1A0AX now.", "W1A0AX"],
      ],
    },
  });

  it("finds lower-case postcodes, less confidently", () => {
    const finding = only("our postcode is ls6 2qt", "postcode");
    expect(finding.text).toBe("ls6 2qt");
    expect(finding.confidence).toBeLessThan(only("LS6 2QT", "postcode").confidence);
  });

  examples({
    "finds a district on its own when the words around it say someone lives there": {
      postcode: [
        ["We live in M1 near the station", "M1"],
        ["Anyone else in the NG7 area?", "NG7"],
        ["Our postcode starts CF23 so we're under the east team", "CF23"],
      ],
    },
    "ignores a district on its own, quarters and year groups": {
      any: [
        ["Take the M1 north and come off at junction 24"],
        ["His B12 injections are due"],
        ["She is in Y12 now"],
        ["The budget for Q3 2024 was spent"],
        ["He is in y12 2nd term now"],
      ],
    },
  });
});

describe("NHS numbers", () => {
  examples({
    "finds valid numbers grouped 3-3-4, hyphenated or run together": {
      nhs_number: [
        ["His NHS number is 943 476 5919.", "943 476 5919"],
        ["NHS no. 958-247-9361", "958-247-9361"],
        ["quoted 9591324162 on the letter", "9591324162"],
      ],
    },
  });

  it("is surest when the words NHS or patient are nearby", () => {
    expect(only("NHS number 943 476 5919", "nhs_number").confidence).toBeGreaterThan(
      only("number 943 476 5919", "nhs_number").confidence,
    );
  });

  examples({
    "ignores ten digits that fail the check": {
      any: [["Our case reference is 4857773458."], ["NHS number 943 476 5918"]],
    },
  });

  it("leaves a ten-digit phone number that fails the check to the phone rules", () => {
    // Brampton numbers are 0169 77 plus four digits: ten digits in all.
    expect(isValidNhsNumber("0169773456")).toBe(false);
    const findings = findIdentifyingDetails("Ring 016977 3456 after six");
    expect(findings.map((f) => [f.kind, f.text])).toEqual([["phone", "016977 3456"]]);
  });
});

describe("National Insurance numbers", () => {
  examples({
    "finds numbers with and without spaces, in either case": {
      ni_number: [
        ["His NI number is QQ 12 34 56 C.", "QQ 12 34 56 C"],
        ["mine is QQ123456A", "QQ123456A"],
        ["qq 11 22 33 d on the form", "qq 11 22 33 d"],
        ["payroll has AB 12 34 56 C", "AB 12 34 56 C"],
      ],
    },
    "follows HMRC's prefix and suffix rules": {
      any: [
        ["BG 12 34 56 A"], // never issued
        ["DA 12 34 56 A"], // D is never the first letter
        ["AO 12 34 56 A"], // O is never the second letter
        ["AB 12 34 56 E"], // the suffix is A to D
      ],
    },
    "accepts a number without its suffix only when the words say what it is": {
      ni_number: [["Her National Insurance number is QQ 50 40 30", "QQ 50 40 30"]],
      any: [["The form code was QQ 50 40 30"]],
    },
  });
});

describe("street addresses", () => {
  examples({
    "finds a house number, a name and a street word": {
      address: [
        ["We live at 14 Acacia Avenue, opposite the park.", "14 Acacia Avenue"],
        ["Mum lives at 5a Church Lane.", "5a Church Lane"],
        ["at 7 Cherry Tree Crescent", "7 Cherry Tree Crescent"],
        ["Dad's bungalow at 4 Ferndale rd has no ramp", "4 Ferndale rd"],
      ],
    },
    "keeps a flat number with the street": {
      address: [["She lives at flat 3, 22 Mill Lane now", "flat 3, 22 Mill Lane"]],
    },
    "ignores counts of things that happen to end in a street word": {
      any: [
        ["Two nights in the park did him good"],
        ["2 nights in the park with the PA"],
        ["38 hours a week and 2 carers"],
        ["The Carers Centre on Park Road is open till 4."],
      ],
    },
  });
});

describe("dates of birth", () => {
  examples({
    "finds a day and month without a year only beside birth words": {
      date_of_birth: [["Her birthday is 14 February.", "14 February"]],
      any: [["The review on 1 March went well."]],
    },
    "leaves the dates of events alone: starts, reviews, moves, recent dates": {
      any: [
        ["The review is booked for 12/03/2025."],
        ["We met on 3rd April 2019 at the centre."],
        ["Direct payments started on 1 April 1998."],
      ],
    },
  });

  it("is confident about a date beside words about birth", () => {
    for (const [text, date] of [
      ["She was born on 3rd April 1961.", "3rd April 1961"],
      ["DOB 03/04/1961", "03/04/1961"],
      ["His date of birth is 1998-11-23.", "1998-11-23"],
      ["D.O.B. 21/7/58 on the form", "21/7/58"],
      ["My brother (born January 9, 1975) lives nearby", "January 9, 1975"],
    ] as const) {
      const finding = only(text, "date_of_birth");
      expect(finding.text).toBe(date);
      expect(finding.confidence).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("flags an old full date with no words about birth at low confidence", () => {
    expect(only("Mum (12/03/1938) lives alone.", "date_of_birth").confidence).toBeLessThanOrEqual(0.5);
  });

  examples({
    "finds dates of birth written in other ways": {
      date_of_birth: [
        ["Dad's date of birth is 17-Jan-1947", "17-Jan-1947"],
        ["Nan was born on Christmas Day 1944", "Christmas Day 1944"],
        ["She turns 90 on 14 May", "14 May"],
        ["DOB 5th Mar '52", "5th Mar '52"],
      ],
    },
    "ignores a month and year, a year alone and numbered sections": {
      any: [
        ["In April 2023 the review finally happened."],
        ["She was born in 1958."],
        ["Section 117 aftercare is free."],
        ["Q3 2024"],
      ],
    },
  });
});

describe("social media profiles", () => {
  examples({
    "finds profile links on the main sites, with or without the scheme": {
      social_profile: [
        ["Find me at facebook.com/tired.but.hopeful.carer.", "facebook.com/tired.but.hopeful.carer"],
        ["Find me at https://www.instagram.com/sunny_days_support/.", "https://www.instagram.com/sunny_days_support/"],
        ["Find me at x.com/carer_dave_73.", "x.com/carer_dave_73"],
        ["Find me at twitter.com/FifthOptionMum.", "twitter.com/FifthOptionMum"],
        ["Find me at tiktok.com/@wheelie.good.days.", "tiktok.com/@wheelie.good.days"],
        ["Find me at linkedin.com/in/jane-broker-example.", "linkedin.com/in/jane-broker-example"],
      ],
    },
    "finds @handles but not email addresses or a lone @": {
      social_profile: [
        ["Message @sheffield_carer_mum on Instagram", "@sheffield_carer_mum"],
        ["Email carer.north@example.com"],
      ],
      any: [["see you @ 3"], ["@everyone thanks"]],
    },
    "needs a path: the site's name alone identifies nobody": {
      any: [["I found the group on facebook.com and Instagram"]],
    },
  });

  it("is less sure about a group link than a profile", () => {
    const group = only("facebook.com/groups/fifthoptioncarers", "social_profile");
    expect(group.confidence).toBeLessThan(only("facebook.com/jane.doe", "social_profile").confidence);
  });
});

describe("names", () => {
  examples({
    "finds names compromise recognises": {
      name: [
        ["I spoke to Karen Lightfoot at the finance team.", "Karen Lightfoot"],
        ["Amber was our social worker for a year.", "Amber"],
      ],
    },
  });

  it("finds a title followed by a capitalised word, with high confidence", () => {
    for (const name of [
      "Mrs Okonjo",
      "Dr Fitzgerald",
      "Cllr Hargreaves",
      "Nurse Bronwen",
      "Prof Lindqvist",
      "Dame Judith",
      "Sir Geoffrey Pemberton-Smythe",
      "Mr. Adeyemi-Jones",
    ]) {
      const finding = only(`Yesterday ${name} came round.`, "name");
      expect(finding.text).toBe(name);
      expect(finding.confidence).toBeGreaterThanOrEqual(0.9);
    }
  });

  examples({
    "takes nearly any word after a title as a name, but not a role": {
      name: [
        ["Mrs May from the day centre rang.", "Mrs May"],
        ["Cllr Preston raised it at scrutiny.", "Cllr Preston"],
        ["The Nurse Practitioner changed his tablets."],
      ],
    },
    "lets a first name that is also a care word through after 'my son'": {
      name: [["My son Grant has a Disabled Facilities Grant.", "Grant"]],
    },
    "finds names given with who they are to the writer": {
      name: [
        ["Our PA Jade has been with us for years.", "Jade"],
        ["Grace, his support worker, is amazing.", "Grace"],
        ["My daughter Chloe Patterson is 19.", "Chloe Patterson"],
        ["Thanks Liz, that helps.", "Liz"],
      ],
    },
    "finds a name again wherever else the post uses it": {
      name: [
        [
          "Our first PA, Jade, answered the advert.\n\nJade has been with us five years. She grows jade plants.",
          "Jade",
          "Jade",
        ],
      ],
    },
  });

  it("keeps confidence between 0.6 and 0.9", () => {
    for (const text of [
      "Amber was our social worker.",
      "Our PA Jade left.",
      "Mrs Patel rang.",
      "I rang Leanne at the council.",
    ]) {
      for (const finding of findIdentifyingDetails(text)) {
        expect(finding.confidence).toBeGreaterThanOrEqual(0.6);
        expect(finding.confidence).toBeLessThanOrEqual(0.9);
      }
    }
  });

  examples({
    "leaves a possessive 's outside the name": {
      name: [["My husband Colin's number changed.", "Colin"]],
    },
    "ignores social care vocabulary": {
      name: [
        ["We moved onto Direct Payments after the Mental Capacity Act assessment."],
        ["Under the Care Act the council must assess carers."],
        ["He gets Personal Independence Payment and I get Carers Allowance."],
        ["Social Services wrote about his Support Plan."],
        ["Adult Social Care said no."],
        ["We went to the Court of Protection."],
        ["Shared Lives has been brilliant."],
        ["The Independent Living Fund closed."],
        ["We lease a car through Motability."],
      ],
    },
    "ignores towns and councils that are also names, where they are places": {
      name: [
        ["I live in Preston and my sister lives in Lancaster."],
        ["Bolton council cut his hours."],
        ["Stockport Council offered a managed account."],
        ["Kirklees and Wakefield share a brokerage."],
        ["Preston was a nightmare for respite."],
        // The same word after a title is a person.
        ["Mrs Lancaster from the day centre rang.", "Mrs Lancaster"],
      ],
    },
    "ignores months, days and family words": {
      name: [
        ["Mum and Dad were exhausted by Monday."],
        ["In April my son went to day services on Tuesdays."],
        ["May is when the reviews happen."],
      ],
    },
    "takes an unknown word before a verb people do for a name, but not shops, places or light verbs": {
      name: [
        ["Olamide still hasn't had a review.", "Olamide"],
        ["Kwadwo refuses his meds.", "Kwadwo"],
        ["Chinwe and Obiageli share the nights.", "Chinwe", "Obiageli"],
        ["Lidl had the pads on offer."],
        ["Heathrow was a nightmare with the chair."],
        ["Aberystwyth has no Changing Places toilet."],
        ["the Hoyer needs servicing"],
      ],
    },
    "finds names typed in lower case and names with accents English does not use": {
      name: [
        ["honestly tunde is the best carer we've had", "tunde"],
        ["I sat with Bożena for an hour.", "Bożena"],
        ["Ionuț covered the nights.", "Ionuț"],
        ["alexa tells him the time every hour."],
        ["She went back to Kraków for a month."],
      ],
    },
    "leaves places and labelled things alone": {
      name: [
        ["We moved to Ashton last year."],
        ["Our Lady of Lourdes hall does a coffee morning."],
        ["The Joseph Rowntree report was spot on."],
        ["Dr Google has a lot to answer for."],
        ["Mr X's family were not told."],
      ],
    },
  });
});

describe("redaction", () => {
  it("replaces one finding with its placeholder", () => {
    const text = "Call me on 07700 900123 please";
    const finding = only(text, "phone");
    expect(redactFinding(text, finding)).toBe("Call me on [phone number] please");
  });

  it("replaces every finding, whatever order they come in", () => {
    const text = "Mrs Joanna Reid, 14 Acacia Avenue, LS6 2QT, 07700 900733, joanna.reid@example.com, NHS 943 476 5919";
    const findings = findIdentifyingDetails(text);
    expect(findings.map((f) => f.kind)).toEqual(["name", "address", "postcode", "phone", "email", "nhs_number"]);
    const expected = "[name], [address], [postcode], [phone number], [email], NHS [NHS number]";
    expect(redactAll(text, findings)).toBe(expected);
    expect(redactAll(text, [...findings].reverse())).toBe(expected);
  });

  it("finds nothing in text it has already redacted", () => {
    for (const { text } of LABELLED) {
      const redacted = redactAll(text, findIdentifyingDetails(text));
      expect(findIdentifyingDetails(redacted), redacted).toEqual([]);
    }
  });

  it("uses the placeholder for each kind", () => {
    // Each kind has its own placeholder in plain words in square brackets, e.g. "[phone number]".
    const placeholders = Object.values(PLACEHOLDERS);
    expect(new Set(placeholders).size).toBe(placeholders.length);
    for (const placeholder of placeholders) expect(placeholder).toMatch(/^\[[A-Za-z ]+\]$/);
    expect([PLACEHOLDERS.nhs_number, PLACEHOLDERS.ni_number, PLACEHOLDERS.social_profile]).toEqual([
      "[NHS number]",
      "[National Insurance number]",
      "[social media link]",
    ]);
    const findings = LABELLED.flatMap(({ text }) => findIdentifyingDetails(text));
    for (const finding of findings) expect(finding.placeholder).toBe(PLACEHOLDERS[finding.kind]);
  });

  it("follows the words when the text has moved, and otherwise leaves it alone", () => {
    const finding = only("Call 07700 900123 now", "phone");
    expect(redactFinding("Hello.\r\nCall 07700 900123 now", finding)).toBe("Hello.\r\nCall [phone number] now");
    expect(redactFinding("Nothing to see here", finding)).toBe("Nothing to see here");
  });

  it("covers overlapping findings with one placeholder, leaving no part of either", () => {
    const text = "Write to sarah.jones@example.com today";
    const email = only(text, "email");
    // As a name found by an older run might overlap today's email.
    const start = text.indexOf("sarah");
    const name: Finding = {
      kind: "name",
      start,
      end: start + 11,
      text: "sarah.jones",
      confidence: 0.7,
      placeholder: PLACEHOLDERS.name,
    };
    expect(redactAll(text, [name, email])).toBe("Write to [email] today");
    const wider: Finding = { ...name, start: start - 3, text: text.slice(start - 3, start + 11) };
    expect(redactAll(text, [email, wider])).toBe("Write [email] today");
  });
});

describe("overlapping findings", () => {
  it("returns findings in order, without overlaps, each with its own text", () => {
    const text = LABELLED.map((l) => l.text).join("\n\n");
    const findings = findIdentifyingDetails(text);
    expect(findings.length).toBeGreaterThan(200);
    for (let i = 0; i < findings.length; i += 1) {
      const finding = findings[i];
      if (!finding) continue;
      expect(finding.text).toBe(text.slice(finding.start, finding.end));
      expect(finding.confidence).toBeGreaterThan(0);
      expect(finding.confidence).toBeLessThanOrEqual(1);
      const next = findings[i + 1];
      if (next) expect(next.start).toBeGreaterThanOrEqual(finding.end);
    }
  });

  it("keeps the email, not a name inside it", () => {
    const findings = findIdentifyingDetails("Write to sarah.jones@example.com");
    expect(findings.map((f) => [f.kind, f.text])).toEqual([["email", "sarah.jones@example.com"]]);
  });

  it("reports a number found by both phone rules once", () => {
    expect(findIdentifyingDetails("The duty team is on 0161 496 0515.")).toHaveLength(1);
  });

  it("keeps a social link whole rather than a handle or name inside it", () => {
    const findings = findIdentifyingDetails("See tiktok.com/@Sarah.Jones.Carer for videos");
    expect(findings.map((f) => [f.kind, f.text])).toEqual([["social_profile", "tiktok.com/@Sarah.Jones.Carer"]]);
  });
});

describe("the labelled sentences", () => {
  it("are plentiful and cover every kind", () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(220);
    const withDetails = LABELLED.filter((l) => l.expect.length > 0).length;
    expect(withDetails / LABELLED.length).toBeGreaterThan(0.4);
    expect(withDetails / LABELLED.length).toBeLessThan(0.6);
    const count = (kind: FindingKind) => LABELLED.filter((l) => l.expect.includes(kind)).length;
    for (const kind of ["email", "phone", "postcode", "nhs_number", "ni_number"] as const)
      expect(count(kind)).toBeGreaterThanOrEqual(15);
    expect(count("name")).toBeGreaterThanOrEqual(25);
    for (const kind of ["address", "date_of_birth", "social_profile"] as const)
      expect(count(kind)).toBeGreaterThanOrEqual(10);
  });

  it("use only made-up details", () => {
    // Ofcom's drama ranges, as national significant numbers.
    const drama =
      /^(?:7700900|1(?:1[3-8]|21|31|41|51|61)4960|1914980|2079460|2920180|1632960|8081570|3069990|9098790)\d{3}$/;
    for (const { text } of LABELLED) {
      for (const finding of findIdentifyingDetails(text)) {
        if (finding.kind === "email")
          expect(finding.text.toLowerCase()).toMatch(/@(?:[\w-]+\.)*example\.(?:com|org|net)$/);
        if (finding.kind === "phone") expect(finding.text.replace(/\D/g, "").replace(/^(?:44)?0?/, "")).toMatch(drama);
        if (finding.kind === "ni_number") expect(finding.text.toUpperCase()).toMatch(/^QQ/);
      }
    }
  });

  it("are found with the precision and recall we promise", () => {
    const tally = Object.fromEntries(KINDS.map((kind) => [kind, { tp: 0, fp: 0, fn: 0, expected: 0 }])) as Record<
      FindingKind,
      { tp: number; fp: number; fn: number; expected: number }
    >;
    const mistakes: string[] = [];
    for (const { text, expect: expected } of LABELLED) {
      const kinds = new Set(findIdentifyingDetails(text).map((f) => f.kind));
      for (const kind of KINDS) {
        const wanted = expected.includes(kind);
        const got = kinds.has(kind);
        const row = tally[kind];
        if (wanted) row.expected += 1;
        if (wanted && got) row.tp += 1;
        else if (got) {
          row.fp += 1;
          mistakes.push(`false ${kind}: ${text}`);
        } else if (wanted) {
          row.fn += 1;
          mistakes.push(`missed ${kind}: ${text}`);
        }
      }
    }
    const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
    const precision = (kind: FindingKind) => ratio(tally[kind].tp, tally[kind].tp + tally[kind].fp);
    const recall = (kind: FindingKind) => ratio(tally[kind].tp, tally[kind].tp + tally[kind].fn);
    const tp = KINDS.reduce((sum, kind) => sum + tally[kind].tp, 0);
    const fp = KINDS.reduce((sum, kind) => sum + tally[kind].fp, 0);
    const fn = KINDS.reduce((sum, kind) => sum + tally[kind].fn, 0);

    // Printed so the figures can be quoted in the README as they stand.
    const rows = KINDS.map(
      (kind) => `| ${kind} | ${tally[kind].expected} | ${precision(kind).toFixed(3)} | ${recall(kind).toFixed(3)} |`,
    );
    console.log(
      [
        `Identifying details over ${LABELLED.length} labelled sentences (sentence level: kinds found vs kinds expected)`,
        "",
        "| kind | sentences with it | precision | recall |",
        "| --- | --- | --- | --- |",
        ...rows,
        `| all | ${LABELLED.filter((l) => l.expect.length > 0).length} | ${ratio(tp, tp + fp).toFixed(3)} | ${ratio(tp, tp + fn).toFixed(3)} |`,
        "",
        ...mistakes,
      ].join("\n"),
    );

    for (const kind of ["email", "phone", "postcode", "nhs_number", "ni_number"] as const) {
      expect(recall(kind), kind).toBeGreaterThanOrEqual(0.95);
    }
    expect(recall("name")).toBeGreaterThanOrEqual(0.8);
    expect(ratio(tp, tp + fp)).toBeGreaterThanOrEqual(0.9);
  });
});

describe("what members really write", () => {
  examples({
    "finds names from many traditions, in lower case after family words, and in thanks": {
      name: [
        ["Our PA Oluwaseun is the best thing that has happened to us.", "Oluwaseun"],
        ["Niamh from the agency has the patience of a saint.", "Niamh"],
        ["my son tunde won't wear a coat", "tunde"],
        ["Shout out to Adwoa at the carers centre.", "Adwoa"],
        ["Lwazi took him to the hospital appointment.", "Lwazi"],
      ],
    },
    "leaves sector names, assistants, placeholders and ordinary words alone": {
      any: [
        ["Marie Curie nurses came three nights a week."],
        ["The police asked us to fill in the Herbert Protocol form."],
        ["Alexa reminds Mum to take her tablets."],
        ["Mrs X said the panel would decide by Friday."],
        ["Will the council pay for the PA's travel?"],
        ["Hope this helps someone."],
        ["Kirklees pays PAs less than Calderdale."],
      ],
    },
    "finds Welsh streets, named houses and blogs carrying a name": {
      address: [
        ["Mam lives at 14 Heol y Nant in the village.", "14 Heol y Nant"],
        ["They live at Rose Cottage, Church Lane.", "Rose Cottage, Church Lane"],
      ],
      social_profile: [
        ["I write at lucyhendersoncares.wordpress.com.", "lucyhendersoncares.wordpress.com"],
        ["My blog is www.grahamfosterwrites.co.uk.", "www.grahamfosterwrites.co.uk"],
      ],
      any: [["See mariecurie.org.uk for help."]],
    },
  });
});
