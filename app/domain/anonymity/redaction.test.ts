import { describe, expect, it } from "vitest";

import {
  checkTexts,
  applyRedactIntent,
  encodeSeen,
  keptFindings,
  locateFindings,
  parseRedactIntent,
  parseSeen,
  unseenFindings,
} from "./redaction";

const FIELDS = ["title", "body"] as const;
const texts = { title: "Ring 07700 900123", body: "Or email someone@example.com, or ring 07700 900456." };

describe("the redaction intent", () => {
  it("numbers findings across fields in order, so one number names one button", () => {
    const found = locateFindings(texts, FIELDS);
    expect(found.map((f) => [f.index, f.field, f.kind, f.text])).toEqual([
      [0, "title", "phone", "07700 900123"],
      [1, "body", "email", "someone@example.com"],
      [2, "body", "phone", "07700 900456"],
    ]);
  });

  it("replaces exactly the finding named, in its own field", () => {
    expect(applyRedactIntent(texts, FIELDS, "redact:2")).toEqual({
      title: "Ring 07700 900123",
      body: "Or email someone@example.com, or ring [phone number].",
    });
    expect(applyRedactIntent(texts, FIELDS, "redact:0")).toEqual({ title: "Ring [phone number]", body: texts.body });
  });

  it("replaces every finding with redact-all", () => {
    expect(applyRedactIntent(texts, FIELDS, "redact-all")).toEqual({
      title: "Ring [phone number]",
      body: "Or email [email], or ring [phone number].",
    });
  });

  it("leaves the text alone for anything else", () => {
    for (const intent of ["publish", "redact:9", "redact:x", "redact:", undefined, null])
      expect(applyRedactIntent(texts, FIELDS, intent)).toEqual(texts);
    expect(parseRedactIntent("redact:12")).toEqual({ kind: "one", index: 12 });
    expect(parseRedactIntent("redact-all")).toEqual({ kind: "all" });
    expect(parseRedactIntent("keep")).toBeNull();
  });
});

describe("keeping what was shown", () => {
  it("counts a finding as unseen until its text has been shown", () => {
    const before = locateFindings({ body: "Ring 07700 900123." }, ["body"]);
    const seen = parseSeen(encodeSeen(before));
    expect(unseenFindings(before, seen)).toEqual([]);
    // A detail added in an edit after the author was shown the first one.
    const after = locateFindings({ body: "Ring 07700 900123 or email someone@example.com." }, ["body"]);
    expect(unseenFindings(after, seen).map((f) => f.text)).toEqual(["someone@example.com"]);
    expect(unseenFindings(after, []).length).toBe(2);
  });

  it("reads a damaged seen field as nothing seen", () => {
    for (const raw of ["", "{", "42", '{"a":1}', undefined, null]) expect(parseSeen(raw)).toEqual([]);
    expect(parseSeen('["a", 3, "b"]')).toEqual(["a", "b"]);
  });

  it("records kept findings from the text being saved, with their field and place", () => {
    const kept = keptFindings(locateFindings({ title: "Hello", body: "Ring 07700 900123." }, FIELDS));
    expect(kept).toEqual([
      {
        kind: "phone",
        field: "body",
        start: 5,
        end: 17,
        text: "07700 900123",
        confidence: expect.any(Number) as number,
      },
    ]);
    expect(keptFindings(locateFindings({ title: "Hello", body: "Nothing here." }, FIELDS))).toEqual([]);
  });
});

describe("one turn of the check (checkTexts)", () => {
  const text = { body: "Ring Margaret Okafor on 07700 900123 about the review." };
  const fields = ["body"] as const;

  it("is ready at once when nothing is found", () => {
    const turn = checkTexts({ body: "The review went well." }, fields, { keep: false });
    expect(turn).toMatchObject({ ready: true, redacted: false, findings: [], kept: [] });
  });

  it("is not ready until every finding was shown and the author chose to keep them", () => {
    const first = checkTexts(text, fields, { keep: false });
    expect(first.ready).toBe(false);
    expect(first.findings.length).toBeGreaterThan(0);
    expect(checkTexts(text, fields, { keep: true }).ready).toBe(false);
    const seen = encodeSeen(first.findings);
    expect(checkTexts(text, fields, { keep: false, seen }).ready).toBe(false);
    const kept = checkTexts(text, fields, { keep: true, seen });
    expect(kept.ready).toBe(true);
    expect(kept.kept.map((k) => k.text)).toEqual(first.findings.map((f) => f.text));
  });

  it("a detail added after the preview sends the author back, even with keep", () => {
    const seen = encodeSeen(checkTexts({ body: "Ring 07700 900123." }, fields, { keep: false }).findings);
    expect(checkTexts(text, fields, { keep: true, seen }).ready).toBe(false);
  });

  it("a Replace click changes the text and is never ready, whatever else was sent", () => {
    const turn = checkTexts(text, fields, { intent: "redact-all", keep: true, seen: "anything" });
    expect(turn.redacted).toBe(true);
    expect(turn.ready).toBe(false);
    expect(turn.texts.body).not.toContain("07700 900123");
    expect(turn.findings).toEqual([]);
  });
});
