import { describe, expect, it } from "vitest";

import { shown, withheld } from "~/domain/outcomes/figures";

import { BarChart, type NumberBar } from "./bar-chart";
import { share } from "./fixtures-for-tests";
import { drawing, elements, expectAccessibleChart, render, section, tableRows, textOf } from "./markup-for-tests";

/** A bar chart of these bars, in these units, with made-up words around it. */
function barsOf(unit: "count" | "pence", bars: NumberBar[], rowHeading = "Quarter") {
  return render(
    <BarChart title="Reports" summary="Made-up figures." rowHeading={rowHeading} unit={unit} bars={bars} />,
  );
}

function shareChart() {
  return render(
    <BarChart
      title="Support arrangements"
      summary="Half use a direct payment."
      rowHeading="Support arrangement"
      unit="percent"
      bars={[
        { label: "Direct payment", value: share(50, 40, 60) },
        { label: "Managed budget", value: share(25, 20, 31) },
        { label: "Care home", value: withheld("fewer-than-5") },
      ]}
    />,
  );
}

describe("BarChart", () => {
  it("draws shares as bars in proportion, on a 0 to 100% axis", () => {
    const bars = elements(drawing(shareChart()), "rect", "chart__bar");
    // The widest value text, "50%", is reckoned 3 × 16 × 0.7 = 33.6 → 34 units, plus an 8-unit gap:
    // the value column is 42 units, so 100% spans 360 − 42 = 318 units and 50% is 159.
    expect(bars.map((bar) => bar.width)).toEqual(["159", "79.5"]);
    expect(bars.map((bar) => bar.x)).toEqual(["0", "0"]);
    // Row 1: one label line (20) then the bar centred in a 24-unit slot (16 high, 4 down) = 24.
    // Row 2 starts 20 + 24 + 10 = 54 lower: 54 + 24 = 78.
    expect(bars.map((bar) => bar.y)).toEqual(["24", "78"]);
  });

  it("draws each share's 95% interval as a thin line from low to high", () => {
    const lines = elements(drawing(shareChart()), "line").filter((line) => line.y1 === line.y2 && line.y1 === "32");
    // 40% → 0.4 × 318 = 127.2; 60% → 190.8; at the middle of the first bar (24 + 8 = 32).
    expect(lines).toContainEqual(expect.objectContaining({ x1: "127.2", x2: "190.8" }));
    expect(textOf(shareChart())).toContain("Thin line: 95% interval");
  });

  it("never draws a withheld share as a bar, and says why in the chart and the table", () => {
    const markup = shareChart();
    expect(elements(drawing(markup), "rect", "chart__bar")).toHaveLength(2);
    expect(elements(drawing(markup), "rect").every((rect) => rect.width !== "0")).toBe(true);
    expect(textOf(drawing(markup))).toContain("Care home fewer than 5");
    expect(tableRows(markup)).toContainEqual(["Care home", "fewer than 5"]);
  });

  it("puts every value and interval in the table", () => {
    expect(tableRows(shareChart())).toEqual([
      ["Support arrangement", "Share"],
      ["Direct payment", "50% 95% interval: 40% to 60%"],
      ["Managed budget", "25% 95% interval: 20% to 31%"],
      ["Care home", "fewer than 5"],
    ]);
  });

  it("is a labelled image with a heading, summary and table", async () => {
    await expectAccessibleChart(shareChart(), {
      title: "Support arrangements",
      summary: "Half use a direct payment.",
      headingLevel: 3,
    });
  });

  it("draws counts against a rounded-up axis and names the heading level asked for", async () => {
    const markup = render(
      <BarChart
        title="Reports"
        summary="Counts rounded to 5."
        headingLevel={2}
        rowHeading="Quarter"
        unit="count"
        bars={[
          { label: "Apr to Jun 2025", value: shown(40) },
          { label: "Jul to Sep 2025", value: shown(10) },
          { label: "Oct to Dec 2025", value: withheld("secondary") },
        ]}
      />,
    );
    // "40" is reckoned 2 × 11.2 = 22.4 → 23 units, plus 8: 329 units for an axis of 0 to 40.
    expect(elements(drawing(markup), "rect", "chart__bar").map((bar) => bar.width)).toEqual(["329", "82.25"]);
    expect(tableRows(markup)).toEqual([
      ["Quarter", "Reports"],
      ["Apr to Jun 2025", "40"],
      ["Jul to Sep 2025", "10"],
      ["Oct to Dec 2025", "withheld"],
    ]);
    expect(textOf(markup)).not.toContain("95% interval");
    await expectAccessibleChart(markup, { title: "Reports", summary: "Counts rounded to 5.", headingLevel: 2 });
  });

  it("draws only words, and an axis without repeated labels, when every figure is withheld", () => {
    const markup = barsOf("count", [
      { label: "Apr to Jun 2025", value: withheld("fewer-than-5") },
      { label: "Jul to Sep 2025", value: withheld("fewer-than-5") },
    ]);
    expect(elements(drawing(markup), "rect", "chart__bar")).toEqual([]);
    const ticks = [...section(drawing(markup), "g", 'class="chart__axis"').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(
      (match) => match[1],
    );
    expect(ticks.length).toBeGreaterThan(1);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(tableRows(markup).slice(1)).toEqual([
      ["Apr to Jun 2025", "fewer than 5"],
      ["Jul to Sep 2025", "fewer than 5"],
    ]);
  });

  it("writes pounds from pence on the axis and in the table", () => {
    const markup = barsOf("pence", [{ label: "Leeds", value: shown(1250) }], "Place");
    expect(textOf(drawing(markup))).toContain("£12.50");
    expect(tableRows(markup)).toContainEqual(["Leeds", "£12.50"]);
    expect(tableRows(markup)[0]).toEqual(["Place", "Hourly rate"]);
  });
});
