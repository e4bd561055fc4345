import { describe, expect, it } from "vitest";

import { withheld } from "~/domain/outcomes/figures";

import { DotPlot } from "./dot-plot";
import { net } from "./fixtures-for-tests";
import { drawing, elements, expectAccessibleChart, render, section, tableRows, textOf } from "./markup-for-tests";

function chart() {
  return render(
    <DotPlot
      title="Net score by outcome"
      summary="Leeds is above its region."
      rowHeading="Outcome"
      series={[
        { key: "council", name: "Leeds" },
        { key: "region", name: "Yorkshire and The Humber" },
        { key: "nation", name: "England" },
      ]}
      rows={[
        {
          label: "Control over daily life",
          values: { council: net(50, 20, 80), region: net(0, -10, 10), nation: net(-50, -60, -40) },
        },
        {
          label: "Feeling safe",
          values: { council: withheld("secondary"), region: net(-4, -10, 2), nation: withheld("fewer-than-5") },
        },
      ]}
    />,
  );
}

describe("DotPlot", () => {
  it("has a wide drawing with the labels beside the dots, using the width of a desktop page", () => {
    const markup = section(chart(), "svg", "chart__svg--wide");
    // -100..100 maps to 284..696 beside a 260-unit label column: +50 → 284 + 150 × 2.06 = 593.
    expect(elements(markup, "circle", "chart__marker")[0]).toMatchObject({ cx: "593" });
    expect(new Set(elements(markup, "tspan").map((t) => t.x))).toEqual(new Set(["0"]));
    // Each label shares its row's first line with the first lane, rather than sitting above it.
    const [firstLabel] = elements(markup, "tspan");
    const [firstGrid] = elements(section(markup, "g", "chart__grid"), "line");
    expect(Number(firstLabel?.y) - 15).toBe(Number(firstGrid?.y1));
  });

  it("places each score and its interval on a shared -100 to +100 axis", () => {
    const markup = drawing(chart());
    // -100..100 maps to 24..336: 1.56 units a point. +50 → 24 + 150 × 1.56 = 258; 0 → 180; -50 → 102.
    expect(elements(markup, "circle", "chart__marker")[0]).toMatchObject({ cx: "258" });
    expect(elements(markup, "rect", "chart__marker")[0]).toMatchObject({ x: String(180 - 5.5) });
    expect(markup).toContain('d="M102,');
    // Leeds's interval +20 to +80: 24 + 120 × 1.56 = 211.2 to 24 + 180 × 1.56 = 304.8.
    expect(elements(markup, "line")).toContainEqual(expect.objectContaining({ x1: "211.2", x2: "304.8" }));
  });

  it("gives each series its own marker shape, shown in the legend", () => {
    const markup = chart();
    expect(elements(drawing(markup), "circle", "chart__marker--circle").length).toBeGreaterThan(0);
    expect(elements(drawing(markup), "rect", "chart__marker--square").length).toBeGreaterThan(0);
    expect(elements(drawing(markup), "path", "chart__marker--diamond").length).toBeGreaterThan(0);
    const legend = [...markup.matchAll(/<li class="chart__legend-item">([\s\S]*?)<\/li>/g)].map(
      (match) => match[1] ?? "",
    );
    expect(legend.map((item) => textOf(item))).toEqual([
      "Leeds",
      "Yorkshire and The Humber",
      "England",
      "Line: 95% interval",
    ]);
    expect(legend[0]).toContain("chart__marker--circle");
    expect(legend[2]).toContain("chart__marker--diamond");
  });

  it("writes a withheld score in its lane instead of placing a dot", () => {
    const markup = drawing(chart());
    expect(elements(markup, "g", "chart__dot")).toHaveLength(4);
    expect(elements(markup, "g", "chart__withheld-value")).toHaveLength(2);
    const text = textOf(markup);
    expect(text).toContain("Feeling safe withheld");
    expect(text).toContain("fewer than 5");
    // The hollow marker naming the series sits left of the axis, where no score can be.
    for (const marker of elements(markup, "circle").filter((circle) => circle.fill === "#fff"))
      expect(Number(marker.cx)).toBeLessThan(24);
  });

  it("puts every score, interval and withheld marker in the table", () => {
    expect(tableRows(chart())).toEqual([
      ["Outcome", "Leeds", "Yorkshire and The Humber", "England"],
      [
        "Control over daily life",
        "+50 95% interval: +20 to +80",
        "0 95% interval: \u221210 to +10",
        "\u221250 95% interval: \u221260 to \u221240",
      ],
      ["Feeling safe", "withheld", "\u22124 95% interval: \u221210 to +2", "fewer than 5"],
    ]);
  });

  it("is a labelled image with a heading, summary and table", async () => {
    await expectAccessibleChart(chart(), {
      title: "Net score by outcome",
      summary: "Leeds is above its region.",
      headingLevel: 3,
    });
  });
});
