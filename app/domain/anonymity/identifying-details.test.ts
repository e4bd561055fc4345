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

describe("isValidNhsNumber", () => {
  it("accepts numbers whose last digit is the modulus-11 check digit", () => {
    expect(isValidNhsNumber("9434765919")).toBe(true);
    expect(isValidNhsNumber("943 476 5919")).toBe(true);
    expect(isValidNhsNumber("943-476-5919")).toBe(true);
  });

  it("treats a remainder of 11 as a check digit of 0", () => {
    // 9*10 + 2*8 + 1*4 + 2*3 + 8*2 = 132, a multiple of 11.
    expect(isValidNhsNumber("9020001280")).toBe(true);
    expect(isValidNhsNumber("9020001281")).toBe(false);
  });

  it("rejects a wrong check digit, a check digit of 10, and anything not 10 digits", () => {
    expect(isValidNhsNumber("9434765918")).toBe(false);
    // 1*10 + 2*9 + … + 9*2 = 210, remainder 1: the check digit would be 10, never issued.
    expect(isValidNhsNumber("1234567890")).toBe(false);
    expect(isValidNhsNumber("943476591")).toBe(false);
    expect(isValidNhsNumber("94347659190")).toBe(false);
    expect(isValidNhsNumber("943476591X")).toBe(false);
    expect(isValidNhsNumber("")).toBe(false);
  });
});

describe("emails", () => {
  it("finds addresses, including plus signs, subdomains and capitals", () => {
    expect(found("Email me on jo+forum@example.com please", "email")).toEqual(["jo+forum@example.com"]);
    expect(found("Write to invoices@payroll.example.com.", "email")).toEqual(["invoices@payroll.example.com"]);
    expect(found("READER@EXAMPLE.COM", "email")).toEqual(["READER@EXAMPLE.COM"]);
  });

  it("ignores an @ used for 'at' and an address with no domain", () => {
    expect(found("Meeting at 3pm @ the day centre")).toEqual([]);
    expect(found("We met at the hospital. Come along next time")).toEqual([]);
    expect(found("I was at home all day")).toEqual([]);
  });

  it("finds addresses written to get past filters", () => {
    expect(found("my email is jo at example dot com", "email")).toEqual(["jo at example dot com"]);
    expect(found("it's shauna.m (at) example (dot) co (dot) uk, thanks", "email")).toEqual([
      "shauna.m (at) example (dot) co (dot) uk",
    ]);
    expect(found("write to pa.cover[at]example[dot]org", "email")).toEqual(["pa.cover[at]example[dot]org"]);
    expect(found("Email is auntie_pat at yahoo.co.uk, mention the forum", "email")).toEqual([
      "auntie_pat at yahoo.co.uk",
    ]);
  });
});

describe("phone numbers", () => {
  it("finds Ofcom drama numbers, which the phone library treats as invalid", () => {
    expect(found("Call me on 07700 900123 tonight", "phone")).toEqual(["07700 900123"]);
    expect(found("Her mobile is 07700900987", "phone")).toEqual(["07700900987"]);
    expect(found("Our PA is on 07700-900-612", "phone")).toEqual(["07700-900-612"]);
    expect(found("ring 01632 960444", "phone")).toEqual(["01632 960444"]);
  });

  it("finds landlines, international and bracketed formats", () => {
    expect(found("The duty team is on 0161 496 0515.", "phone")).toEqual(["0161 496 0515"]);
    expect(found("Phone 020 7946 0958 today", "phone")).toEqual(["020 7946 0958"]);
    expect(found("Direct line (0121) 496 0033.", "phone")).toEqual(["(0121) 496 0033"]);
    expect(found("Try +44 7700 900345 or +447700900555", "phone")).toEqual(["+44 7700 900345", "+447700900555"]);
    expect(found("Nights: +44 (0)161 496 0977", "phone")).toEqual(["+44 (0)161 496 0977"]);
  });

  it("is more confident about numbers the library knows are valid", () => {
    expect(only("0161 496 0515", "phone").confidence).toBeGreaterThan(only("07700 900123", "phone").confidence);
  });

  it("ignores money, hours, times and reference numbers", () => {
    expect(found("We pay £12.50 an hour for 38 hours a week")).toEqual([]);
    expect(found("His care plan says 07:30 and 21:00 calls")).toEqual([]);
    expect(found("The reference number was 1234567890", "phone")).toEqual([]);
    expect(found("Rates went from £10.90 to £11.44 in 2024/25")).toEqual([]);
  });
});

describe("postcodes", () => {
  it("finds full postcodes in every outward format, with or without the space", () => {
    for (const postcode of ["SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "W1A0AX"]) {
      expect(found(`We are in ${postcode} now.`, "postcode")).toEqual([postcode]);
    }
  });

  it("finds lower-case postcodes, less confidently", () => {
    const finding = only("our postcode is ls6 2qt", "postcode");
    expect(finding.text).toBe("ls6 2qt");
    expect(finding.confidence).toBeLessThan(only("LS6 2QT", "postcode").confidence);
  });

  it("finds a district on its own when the words around it say someone lives there", () => {
    expect(found("We live in M1 near the station", "postcode")).toEqual(["M1"]);
    expect(found("Anyone else in the NG7 area?", "postcode")).toEqual(["NG7"]);
    expect(found("Our postcode starts CF23 so we're under the east team", "postcode")).toEqual(["CF23"]);
  });

  it("ignores a district on its own, quarters and year groups", () => {
    expect(found("Take the M1 north and come off at junction 24")).toEqual([]);
    expect(found("His B12 injections are due")).toEqual([]);
    expect(found("She is in Y12 now")).toEqual([]);
    expect(found("The budget for Q3 2024 was spent")).toEqual([]);
    expect(found("He is in y12 2nd term now")).toEqual([]);
  });
});

describe("NHS numbers", () => {
  it("finds valid numbers grouped 3-3-4, hyphenated or run together", () => {
    expect(found("His NHS number is 943 476 5919.", "nhs_number")).toEqual(["943 476 5919"]);
    expect(found("NHS no. 958-247-9361", "nhs_number")).toEqual(["958-247-9361"]);
    expect(found("quoted 9591324162 on the letter", "nhs_number")).toEqual(["9591324162"]);
  });

  it("is surest when the words NHS or patient are nearby", () => {
    expect(only("NHS number 943 476 5919", "nhs_number").confidence).toBeGreaterThan(
      only("number 943 476 5919", "nhs_number").confidence,
    );
  });

  it("ignores ten digits that fail the check", () => {
    expect(found("Our case reference is 4857773458.")).toEqual([]);
    expect(found("NHS number 943 476 5918")).toEqual([]);
  });

  it("leaves a ten-digit phone number that fails the check to the phone rules", () => {
    // Brampton numbers are 0169 77 plus four digits: ten digits in all.
    expect(isValidNhsNumber("0169773456")).toBe(false);
    const findings = findIdentifyingDetails("Ring 016977 3456 after six");
    expect(findings.map((f) => [f.kind, f.text])).toEqual([["phone", "016977 3456"]]);
  });
});

describe("National Insurance numbers", () => {
  it("finds numbers with and without spaces, in either case", () => {
    expect(found("His NI number is QQ 12 34 56 C.", "ni_number")).toEqual(["QQ 12 34 56 C"]);
    expect(found("mine is QQ123456A", "ni_number")).toEqual(["QQ123456A"]);
    expect(found("qq 11 22 33 d on the form", "ni_number")).toEqual(["qq 11 22 33 d"]);
    expect(found("payroll has AB 12 34 56 C", "ni_number")).toEqual(["AB 12 34 56 C"]);
  });

  it("follows HMRC's prefix and suffix rules", () => {
    expect(found("BG 12 34 56 A")).toEqual([]); // never issued
    expect(found("DA 12 34 56 A")).toEqual([]); // D is never the first letter
    expect(found("AO 12 34 56 A")).toEqual([]); // O is never the second letter
    expect(found("AB 12 34 56 E")).toEqual([]); // the suffix is A to D
  });

  it("accepts a number without its suffix only when the words say what it is", () => {
    expect(found("Her National Insurance number is QQ 50 40 30", "ni_number")).toEqual(["QQ 50 40 30"]);
    expect(found("The form code was QQ 50 40 30")).toEqual([]);
  });
});

describe("street addresses", () => {
  it("finds a house number, a name and a street word", () => {
    expect(found("We live at 14 Acacia Avenue, opposite the park.", "address")).toEqual(["14 Acacia Avenue"]);
    expect(found("Mum lives at 5a Church Lane.", "address")).toEqual(["5a Church Lane"]);
    expect(found("at 7 Cherry Tree Crescent", "address")).toEqual(["7 Cherry Tree Crescent"]);
    expect(found("Dad's bungalow at 4 Ferndale rd has no ramp", "address")).toEqual(["4 Ferndale rd"]);
  });

  it("keeps a flat number with the street", () => {
    expect(found("She lives at flat 3, 22 Mill Lane now", "address")).toEqual(["flat 3, 22 Mill Lane"]);
  });

  it("ignores counts of things that happen to end in a street word", () => {
    expect(found("Two nights in the park did him good")).toEqual([]);
    expect(found("2 nights in the park with the PA")).toEqual([]);
    expect(found("38 hours a week and 2 carers")).toEqual([]);
    expect(found("The Carers Centre on Park Road is open till 4.")).toEqual([]);
  });
});

describe("dates of birth", () => {
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

  it("finds a day and month without a year only beside birth words", () => {
    expect(found("Her birthday is 14 February.", "date_of_birth")).toEqual(["14 February"]);
    expect(found("The review on 1 March went well.")).toEqual([]);
  });

  it("leaves the dates of events alone: starts, reviews, moves, recent dates", () => {
    expect(found("The review is booked for 12/03/2025.")).toEqual([]);
    expect(found("We met on 3rd April 2019 at the centre.")).toEqual([]);
    expect(found("Direct payments started on 1 April 1998.")).toEqual([]);
  });

  it("flags an old full date with no words about birth at low confidence", () => {
    expect(only("Mum (12/03/1938) lives alone.", "date_of_birth").confidence).toBeLessThanOrEqual(0.5);
  });

  it("finds dates of birth written in other ways", () => {
    expect(found("Dad's date of birth is 17-Jan-1947", "date_of_birth")).toEqual(["17-Jan-1947"]);
    expect(found("Nan was born on Christmas Day 1944", "date_of_birth")).toEqual(["Christmas Day 1944"]);
    expect(found("She turns 90 on 14 May", "date_of_birth")).toEqual(["14 May"]);
    expect(found("DOB 5th Mar '52", "date_of_birth")).toEqual(["5th Mar '52"]);
  });

  it("ignores a month and year, a year alone and numbered sections", () => {
    expect(found("In April 2023 the review finally happened.")).toEqual([]);
    expect(found("She was born in 1958.")).toEqual([]);
    expect(found("Section 117 aftercare is free.")).toEqual([]);
    expect(found("Q3 2024")).toEqual([]);
  });
});

describe("social media profiles", () => {
  it("finds profile links on the main sites, with or without the scheme", () => {
    for (const link of [
      "facebook.com/tired.but.hopeful.carer",
      "https://www.instagram.com/sunny_days_support/",
      "x.com/carer_dave_73",
      "twitter.com/FifthOptionMum",
      "tiktok.com/@wheelie.good.days",
      "linkedin.com/in/jane-broker-example",
    ]) {
      expect(found(`Find me at ${link}.`, "social_profile")).toEqual([link]);
    }
  });

  it("finds @handles but not email addresses or a lone @", () => {
    expect(found("Message @sheffield_carer_mum on Instagram", "social_profile")).toEqual(["@sheffield_carer_mum"]);
    expect(found("Email carer.north@example.com", "social_profile")).toEqual([]);
    expect(found("see you @ 3")).toEqual([]);
    expect(found("@everyone thanks")).toEqual([]);
  });

  it("needs a path: the site's name alone identifies nobody", () => {
    expect(found("I found the group on facebook.com and Instagram")).toEqual([]);
  });

  it("is less sure about a group link than a profile", () => {
    const group = only("facebook.com/groups/fifthoptioncarers", "social_profile");
    expect(group.confidence).toBeLessThan(only("facebook.com/jane.doe", "social_profile").confidence);
  });
});

describe("names", () => {
  it("finds names compromise recognises", () => {
    expect(found("I spoke to Karen Lightfoot at the finance team.", "name")).toEqual(["Karen Lightfoot"]);
    expect(found("Amber was our social worker for a year.", "name")).toEqual(["Amber"]);
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

  it("takes nearly any word after a title as a name, but not a role", () => {
    expect(found("Mrs May from the day centre rang.", "name")).toEqual(["Mrs May"]);
    expect(found("Cllr Preston raised it at scrutiny.", "name")).toEqual(["Cllr Preston"]);
    expect(found("The Nurse Practitioner changed his tablets.", "name")).toEqual([]);
  });

  it("lets a first name that is also a care word through after 'my son'", () => {
    expect(found("My son Grant has a Disabled Facilities Grant.", "name")).toEqual(["Grant"]);
  });

  it("finds names given with who they are to the writer", () => {
    expect(found("Our PA Jade has been with us for years.", "name")).toEqual(["Jade"]);
    expect(found("Grace, his support worker, is amazing.", "name")).toEqual(["Grace"]);
    expect(found("My daughter Chloe Patterson is 19.", "name")).toEqual(["Chloe Patterson"]);
    expect(found("Thanks Liz, that helps.", "name")).toEqual(["Liz"]);
  });

  it("finds a name again wherever else the post uses it", () => {
    const text = "Our first PA, Jade, answered the advert.\n\nJade has been with us five years. She grows jade plants.";
    expect(found(text, "name")).toEqual(["Jade", "Jade"]);
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

  it("leaves a possessive 's outside the name", () => {
    expect(found("My husband Colin's number changed.", "name")).toEqual(["Colin"]);
  });

  it("ignores social care vocabulary", () => {
    for (const text of [
      "We moved onto Direct Payments after the Mental Capacity Act assessment.",
      "Under the Care Act the council must assess carers.",
      "He gets Personal Independence Payment and I get Carers Allowance.",
      "Social Services wrote about his Support Plan.",
      "Adult Social Care said no.",
      "We went to the Court of Protection.",
      "Shared Lives has been brilliant.",
      "The Independent Living Fund closed.",
      "We lease a car through Motability.",
    ]) {
      expect(found(text, "name")).toEqual([]);
    }
  });

  it("ignores towns and councils that are also names, where they are places", () => {
    for (const text of [
      "I live in Preston and my sister lives in Lancaster.",
      "Bolton council cut his hours.",
      "Stockport Council offered a managed account.",
      "Kirklees and Wakefield share a brokerage.",
      "Preston was a nightmare for respite.",
    ]) {
      expect(found(text, "name")).toEqual([]);
    }
    // The same word after a title is a person.
    expect(found("Mrs Lancaster from the day centre rang.", "name")).toEqual(["Mrs Lancaster"]);
  });

  it("ignores months, days and family words", () => {
    expect(found("Mum and Dad were exhausted by Monday.", "name")).toEqual([]);
    expect(found("In April my son went to day services on Tuesdays.", "name")).toEqual([]);
    expect(found("May is when the reviews happen.", "name")).toEqual([]);
  });

  it("takes an unknown word before a verb people do for a name, but not shops, places or light verbs", () => {
    expect(found("Olamide still hasn't had a review.", "name")).toEqual(["Olamide"]);
    expect(found("Kwadwo refuses his meds.", "name")).toEqual(["Kwadwo"]);
    expect(found("Chinwe and Obiageli share the nights.", "name")).toEqual(["Chinwe", "Obiageli"]);
    for (const text of [
      "Lidl had the pads on offer.",
      "Heathrow was a nightmare with the chair.",
      "Aberystwyth has no Changing Places toilet.",
      "the Hoyer needs servicing",
    ]) {
      expect(found(text, "name")).toEqual([]);
    }
  });

  it("finds names typed in lower case and names with accents English does not use", () => {
    expect(found("honestly tunde is the best carer we've had", "name")).toEqual(["tunde"]);
    expect(found("I sat with Bożena for an hour.", "name")).toEqual(["Bożena"]);
    expect(found("Ionuț covered the nights.", "name")).toEqual(["Ionuț"]);
    expect(found("alexa tells him the time every hour.", "name")).toEqual([]);
    expect(found("She went back to Kraków for a month.", "name")).toEqual([]);
  });

  it("leaves places and labelled things alone", () => {
    for (const text of [
      "We moved to Ashton last year.",
      "Our Lady of Lourdes hall does a coffee morning.",
      "The Joseph Rowntree report was spot on.",
      "Dr Google has a lot to answer for.",
      "Mr X's family were not told.",
    ]) {
      expect(found(text, "name")).toEqual([]);
    }
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
  it("finds names from many traditions, in lower case after family words, and in thanks", () => {
    expect(found("Our PA Oluwaseun is the best thing that has happened to us.", "name")).toEqual(["Oluwaseun"]);
    expect(found("Niamh from the agency has the patience of a saint.", "name")).toEqual(["Niamh"]);
    expect(found("my son tunde won't wear a coat", "name")).toEqual(["tunde"]);
    expect(found("Shout out to Adwoa at the carers centre.", "name")).toEqual(["Adwoa"]);
    expect(found("Lwazi took him to the hospital appointment.", "name")).toEqual(["Lwazi"]);
  });

  it("leaves sector names, assistants, placeholders and ordinary words alone", () => {
    expect(found("Marie Curie nurses came three nights a week.")).toEqual([]);
    expect(found("The police asked us to fill in the Herbert Protocol form.")).toEqual([]);
    expect(found("Alexa reminds Mum to take her tablets.")).toEqual([]);
    expect(found("Mrs X said the panel would decide by Friday.")).toEqual([]);
    expect(found("Will the council pay for the PA's travel?")).toEqual([]);
    expect(found("Hope this helps someone.")).toEqual([]);
    expect(found("Kirklees pays PAs less than Calderdale.")).toEqual([]);
  });

  it("finds Welsh streets, named houses and blogs carrying a name", () => {
    expect(found("Mam lives at 14 Heol y Nant in the village.", "address")).toEqual(["14 Heol y Nant"]);
    expect(found("They live at Rose Cottage, Church Lane.", "address")).toEqual(["Rose Cottage, Church Lane"]);
    expect(found("I write at lucyhendersoncares.wordpress.com.", "social_profile")).toEqual([
      "lucyhendersoncares.wordpress.com",
    ]);
    expect(found("My blog is www.grahamfosterwrites.co.uk.", "social_profile")).toEqual([
      "www.grahamfosterwrites.co.uk",
    ]);
    expect(found("See mariecurie.org.uk for help.")).toEqual([]);
  });
});
