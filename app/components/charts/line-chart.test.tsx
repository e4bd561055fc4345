import { describe, expect, it } from "vitest";

import { withheld, type Figure, type NetScore } from "~/domain/outcomes/figures";

import { LineChart, type LineSeries } from "./line-chart";
import { net } from "./fixtures-for-tests";
import { drawing, elements, expectAccessibleChart, render, tableRows, textOf } from "./markup-for-tests";

const QUARTERS = ["Jan to Mar 2025", "Apr to Jun 2025", "Jul to Sep 2025", "Oct to Dec 2025"];

function series(name: string, values: Figure<NetScore>[]): LineSeries {
  return { name, points: values.map((value, index) => ({ label: QUARTERS[index] ?? "", value })) };
}

const leeds = series("Leeds", [net(10, -5, 25), net(-8, -22, 6), withheld("fewer-than-5"), net(22, 8, 36)]);
const region = series("Yorkshire and The Humber", [net(5, 0, 10), net(7, 2, 12), net(9, 4, 14), net(12, 7, 17)]);

function chart(list: LineSeries[]) {
  return render(
    <LineChart title="Quality of life" summary="It rose after a dip." rowHeading="Quarter" series={list} />,
  );
}

/** How many separate pieces a path is drawn in: one "M" (move) starts each. */
function pieces(d: string | undefined): number {
  return (d ?? "").split("M").length - 1;
}

describe("LineChart", () => {
  it("breaks the line and the interval band at a withheld quarter instead of joining across it", () => {
    const markup = drawing(chart([leeds]));
    const [line] = elements(markup, "path", "chart__line");
    expect(pieces(line?.d)).toBe(2);
    const band = elements(markup, "path").find((path) => path["fill-opacity"] === "0.35");
    expect(pieces(band?.d)).toBe(2);
    expect(pieces(elements(drawing(chart([region])), "path", "chart__line")[0]?.d)).toBe(1);
  });

  it("marks a withheld quarter with hatching and a marker for every shown one", () => {
    const markup = chart([leeds]);
    expect(elements(drawing(markup), "rect", "chart__gap")).toHaveLength(1);
    expect(elements(drawing(markup), "circle", "chart__marker")).toHaveLength(3);
    expect(textOf(markup)).toContain("Hatched: Leeds not shown (see the table)");
    expect(textOf(markup)).toContain("Shaded band: 95% interval");
  });

  it("draws a zero line where a score of 0 would sit, and labels the axis with signs and real minus signs", () => {
    const markup = drawing(
      chart([series("Leeds", [net(0, -10, 10), net(-40, -60, -20), net(30, 10, 50), net(0, -5, 5)])]),
    );
    const zero = elements(markup, "line", "chart__zero");
    expect(zero).toHaveLength(1);
    const atZero = elements(markup, "circle", "chart__marker").filter((marker) => marker.cy === zero[0]?.y1);
    expect(atZero).toHaveLength(2);
    const axis = textOf(markup);
    expect(axis).toContain("+40");
    expect(axis).toContain("\u221240");
    expect(axis).not.toMatch(/(^|\s)-\d/);
  });

  it("never repeats a score on the axis, however narrow the range", () => {
    const markup = drawing(chart([series("Leeds", [net(0, 0, 1), net(1, 0, 2), net(2, 1, 2), net(1, 1, 2)])]));
    const ticks = [...markup.matchAll(/<text[^>]*text-anchor="end"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(ticks).toContain("0");
    expect(new Set(ticks).size).toBe(ticks.length);
  });

  it("draws a comparison series dashed, with its own marker shape", () => {
    const markup = drawing(chart([leeds, region]));
    const lines = elements(markup, "path", "chart__line");
    expect(lines[0]?.["stroke-dasharray"]).toBeUndefined();
    expect(lines[1]?.["stroke-dasharray"]).toBeTruthy();
    expect(elements(markup, "rect", "chart__marker")).toHaveLength(4);
  });

  it("puts every score, interval and withheld quarter of every series in the table", () => {
    expect(tableRows(chart([leeds, region]))).toEqual([
      ["Quarter", "Leeds", "Yorkshire and The Humber"],
      ["Jan to Mar 2025", "+10 95% interval: \u22125 to +25", "+5 95% interval: 0 to +10"],
      ["Apr to Jun 2025", "\u22128 95% interval: \u221222 to +6", "+7 95% interval: +2 to +12"],
      ["Jul to Sep 2025", "fewer than 5", "+9 95% interval: +4 to +14"],
      ["Oct to Dec 2025", "+22 95% interval: +8 to +36", "+12 95% interval: +7 to +17"],
    ]);
  });

  it("is a labelled image with a heading, summary and table", async () => {
    await expectAccessibleChart(chart([leeds, region]), {
      title: "Quality of life",
      summary: "It rose after a dip.",
      headingLevel: 3,
    });
  });

  it("refuses series that do not cover the same quarters", () => {
    expect(() =>
      chart([leeds, { name: "England", points: [{ label: QUARTERS[0] ?? "", value: net(1, 0, 2) }] }]),
    ).toThrow(/series "England" has no point for "Apr to Jun 2025"/);
  });
});
