import { describe, expect, it } from "vitest";

import { shown, withheld, type NetScore, type Share } from "~/domain/outcomes/figures";

import { describeFigure, formatFigure, formatInterval, formatValue, MINUS, withheldText } from "./format";

describe("wording numbers the same way everywhere", () => {
  it("writes net scores with their sign, and a real minus sign", () => {
    expect(formatValue(12, "score")).toBe("+12");
    expect(formatValue(-8, "score")).toBe("\u22128");
    expect(formatValue(0, "score")).toBe("0");
    expect(formatValue(-0.4, "score")).toBe("0");
    expect(MINUS).toBe("\u2212");
  });

  it("writes shares, counts, pounds and hours", () => {
    expect(formatValue(42, "percent")).toBe("42%");
    expect(formatValue(1235, "count")).toBe("1,235");
    expect(formatValue(1250, "pence")).toBe("£12.50");
    expect(formatValue(123456, "pence")).toBe("£1,234.56");
    expect(formatValue(-50, "pence")).toBe("\u2212£0.50");
    expect(formatValue(20.5, "hours")).toBe("20.5 hours");
    expect(formatValue(1, "hours")).toBe("1 hour");
    expect(formatValue(-3, "count")).toBe("\u22123");
  });

  it("words a withheld figure by its reason, never as a number", () => {
    expect(formatFigure(withheld<Share>("fewer-than-5"))).toBe("fewer than 5");
    expect(formatFigure(withheld<NetScore>("secondary"))).toBe("withheld");
    expect(formatFigure(withheld<number>("too-few-values"), "pence")).toBe("fewer than 10");
    expect(formatInterval(withheld<Share>("fewer-than-5"))).toBeNull();
    expect(withheldText(withheld("secondary"))).toBe("withheld");
    expect(withheldText(shown(3))).toBeNull();
  });

  it("formats shown figures of each kind by their unit", () => {
    expect(formatFigure(shown<Share>({ percent: 42, low: 35, high: 49 }))).toBe("42%");
    expect(formatFigure(shown<NetScore>({ score: -8, low: -22, high: 6 }))).toBe("\u22128");
    expect(formatFigure(shown(1250), "pence")).toBe("£12.50");
    expect(formatFigure(shown(40), "count")).toBe("40");
  });

  it("writes intervals with 'to', so a range never reads as a subtraction", () => {
    expect(formatInterval(shown<Share>({ percent: 42, low: 35, high: 49 }))).toBe("35% to 49%");
    expect(formatInterval(shown<NetScore>({ score: 12, low: -3, high: 27 }))).toBe("\u22123 to +27");
    expect(describeFigure(shown<NetScore>({ score: 12, low: -3, high: 27 }))).toBe("+12 (95% interval \u22123 to +27)");
    expect(describeFigure(withheld<Share>("fewer-than-5"))).toBe("fewer than 5");
  });
});
