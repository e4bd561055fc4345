import { describe, expect, it } from "vitest";

import { withheld } from "~/domain/outcomes/figures";

import { OUTCOME_ROWS, RATING_KEYS, RATING_LABELS, ratings, share } from "./fixtures-for-tests";
import { drawing, elements, expectAccessibleChart, render, tableRows, textOf } from "./markup-for-tests";
import { DIVERGING_COLOURS } from "./palette";
import { layoutDiverging, layoutStack, StackedBarChart, withheldNote, type StackSegment } from "./stacked-bar-chart";

function segments(values: (number | null)[]): StackSegment[] {
  return values.map((percent, index) => ({
    key: `k${index}`,
    label: `Answer ${index}`,
    value: percent === null ? withheld("fewer-than-5") : share(percent),
  }));
}

describe("placing stack segments", () => {
  it("lays a fully shown row end to end from 0", () => {
    expect(layoutStack(segments([30, 50, 20]))).toEqual({
      segments: [
        { key: "k0", from: 0, to: 30 },
        { key: "k1", from: 30, to: 80 },
        { key: "k2", from: 80, to: 100 },
      ],
      gap: null,
    });
  });

  it("places known segments from each end and leaves the unknown middle as a gap, guessing no sizes", () => {
    // k2 (20%) sits between two withheld answers, so where it starts is unknown: it goes in the gap.
    expect(layoutStack(segments([30, null, 20, null, 10]))).toEqual({
      segments: [
        { key: "k0", from: 0, to: 30 },
        { key: "k4", from: 90, to: 100 },
      ],
      gap: { from: 30, to: 90 },
    });
    expect(layoutStack(segments([null, null]))).toEqual({ segments: [], gap: { from: 0, to: 100 } });
  });

  it("centres the neutral answer on zero, worse to the left and better to the right", () => {
    expect(layoutDiverging(ratings([share(10), share(20), share(30), share(25), share(15)]), "same").segments).toEqual([
      { key: "a_bit_worse", from: -35, to: -15 },
      { key: "a_lot_worse", from: -45, to: -35 },
      { key: "same", from: -15, to: 15 },
      { key: "a_bit_better", from: 15, to: 40 },
      { key: "a_lot_better", from: 40, to: 55 },
    ]);
  });

  it("stops each side of a diverging row at its first withheld answer, and draws nothing without the centre", () => {
    const left = layoutDiverging(
      ratings([share(10), withheld("fewer-than-5"), share(30), share(25), share(15)]),
      "same",
    );
    expect(left.segments.map((segment) => segment.key)).toEqual(["same", "a_bit_better", "a_lot_better"]);
    const noCentre = layoutDiverging(
      ratings([share(40), share(20), withheld("fewer-than-5"), withheld("secondary"), share(15)]),
      "same",
    );
    expect(noCentre.segments).toEqual([]);
  });

  it("says in words which answers are not shown, and why", () => {
    expect(
      withheldNote(ratings([withheld("fewer-than-5"), withheld("secondary"), share(40), share(35), share(25)])),
    ).toEqual(["Not shown: A lot worse (fewer than 5)", "A bit worse (withheld)"]);
    expect(withheldNote(ratings(RATING_KEYS.map(() => withheld("fewer-than-5"))))).toEqual(["Not shown: fewer than 5"]);
    expect(withheldNote(ratings([share(10), share(20), share(30), share(25), share(15)]))).toEqual([]);
  });
});

describe("StackedBarChart", () => {
  const outcomes = () =>
    render(
      <StackedBarChart
        title="How things changed"
        summary="Better outweighs worse."
        rowHeading="Outcome"
        divergeAround="same"
        rows={OUTCOME_ROWS}
      />,
    );

  it("draws a diverging row to scale around the centre of the chart", () => {
    const rects = elements(drawing(outcomes()), "rect", "chart__segment");
    // -100..100 over 360 units: 1.8 a point, zero at 180. "Same" 30% spans -15..15 → 153 to 207.
    expect(rects.find((rect) => rect["data-key"] === "same")).toMatchObject({ x: "153", width: "54" });
    expect(rects.find((rect) => rect["data-key"] === "a_lot_worse")).toMatchObject({ x: "99", width: "18" });
    expect(rects.find((rect) => rect["data-key"] === "a_lot_better")).toMatchObject({ x: "252", width: "27" });
    // Neighbouring segments are kept apart by white borders, so their colours need not contrast.
    for (const rect of rects) expect(rect).toMatchObject({ stroke: "#fff", "stroke-width": "2" });
    expect(rects.find((rect) => rect["data-key"] === "same")?.fill).toBe(DIVERGING_COLOURS.centre);
  });

  it("draws no segment for a withheld answer, and names it in the row and the table", () => {
    const markup = outcomes();
    expect(elements(drawing(markup), "rect", "chart__segment")).toHaveLength(5 + 3);
    expect(textOf(drawing(markup))).toContain("Not shown: A lot worse (fewer than 5) A bit worse (withheld)");
    expect(tableRows(markup)[2]).toEqual([
      "Taking part in the community; doing things I value and enjoy",
      "fewer than 5",
      "withheld",
      "40% 95% interval: 30% to 50%",
      "35% 95% interval: 26% to 45%",
      "25% 95% interval: 17% to 35%",
    ]);
  });

  it("puts every share and interval in the table, with the answers as column headings in legend order", () => {
    const rows = tableRows(outcomes());
    expect(rows[0]).toEqual(["Outcome", ...RATING_LABELS]);
    expect(rows[1]).toEqual([
      "Control over daily life",
      "10% 95% interval: 6% to 15%",
      "20% 95% interval: 15% to 26%",
      "30% 95% interval: 24% to 36%",
      "25% 95% interval: 20% to 31%",
      "15% 95% interval: 11% to 20%",
    ]);
    const legend = [...outcomes().matchAll(/<li class="chart__legend-item">([\s\S]*?)<\/li>/g)].map((match) =>
      textOf(match[1] ?? ""),
    );
    expect(legend).toEqual(RATING_LABELS);
  });

  it("hatches the unknown part of a plain stack and explains the hatching in the legend", async () => {
    const markup = render(
      <StackedBarChart
        title="Arrangements"
        summary="Half use a direct payment."
        rowHeading="Place"
        rows={[{ label: "Leeds", segments: segments([50, null, 20, null, 10]) }]}
      />,
    );
    // 0..100 over 360 units: the gap from 50% to 90% is 180 to 324, drawn 1 unit inside each edge.
    expect(elements(drawing(markup), "rect", "chart__gap")).toEqual([
      expect.objectContaining({ x: "181", width: "142" }),
    ]);
    expect(elements(drawing(markup), "rect", "chart__segment").map((rect) => [rect.x, rect.width])).toEqual([
      ["0", "180"],
      ["324", "36"],
    ]);
    expect(textOf(markup)).toContain("Hatched: not shown (see the table)");
    await expectAccessibleChart(markup, {
      title: "Arrangements",
      summary: "Half use a direct payment.",
      headingLevel: 3,
    });
  });

  it("is a labelled image with a heading, summary and table", async () => {
    await expectAccessibleChart(outcomes(), {
      title: "How things changed",
      summary: "Better outweighs worse.",
      headingLevel: 3,
    });
    expect(textOf(outcomes())).not.toContain("Hatched");
  });

  it("refuses a row that leaves out an answer rather than inventing a figure for it", () => {
    expect(() =>
      render(
        <StackedBarChart
          title="t"
          summary="s"
          rowHeading="Place"
          rows={[
            { label: "Leeds", segments: segments([50, 50]) },
            { label: "York", segments: segments([100]) },
          ]}
        />,
      ),
    ).toThrow(/row "York" has no "k1" segment/);
  });
});
