// The dashboard charts in real Chromium, on their own page with the app's CSS (no app server
// needed): axe-clean, readable on a 320px screen without sideways scrolling, nothing clipped, and
// kept whole and in colour when printed.
import { readFileSync } from "node:fs";
import path from "node:path";

import { type Browser, type Page } from "playwright-core";
import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BarChart, DotPlot, LineChart, StackedBarChart } from "~/components/charts";
import { net, OUTCOME_ROWS, share } from "~/components/charts/fixtures-for-tests";
import { shown, withheld, type NetScore, type Share } from "~/domain/outcomes/figures";

import { axeViolations, launchBrowser } from "../support/browser";

const css = readFileSync(path.resolve(import.meta.dirname, "../../app/styles/app.css"), "utf8");

function chartsPage(): string {
  const charts = [
    createElement(BarChart, {
      title: "Support arrangements",
      summary: "Most reports come from people employing personal assistants with a direct payment.",
      headingLevel: 2,
      rowHeading: "Support arrangement",
      unit: "percent",
      bars: [
        { label: "Direct payment, employing personal assistants", value: share(42, 35, 49) },
        { label: "Direct payment, buying from an agency", value: share(21, 16, 27) },
        { label: "Individual service fund held by a provider", value: withheld<Share>("fewer-than-5") },
        { label: "Services commissioned by the council, no personal budget", value: withheld<Share>("secondary") },
        { label: "Care home or nursing home", value: share(100, 96, 100) },
      ],
    }),
    createElement(BarChart, {
      title: "Median hourly rate paid",
      summary: "Leeds pays less an hour than its region.",
      headingLevel: 2,
      rowHeading: "Place",
      unit: "pence",
      bars: [
        { label: "Leeds", value: shown(1250) },
        { label: "Yorkshire and The Humber", value: shown(1385) },
        { label: "Wakefield", value: withheld<number>("too-few-values") },
      ],
    }),
    createElement(StackedBarChart, {
      title: "How things changed, by outcome",
      summary: "More people said things got better than worse in every outcome shown.",
      headingLevel: 2,
      rowHeading: "Outcome",
      divergeAround: "same",
      rows: OUTCOME_ROWS,
    }),
    createElement(StackedBarChart, {
      title: "Support arrangements compared",
      summary: "Leeds has more direct payments than its region.",
      headingLevel: 2,
      rowHeading: "Place",
      rows: [
        {
          label: "Leeds",
          segments: [
            { key: "dp", label: "Direct payment", value: share(50, 40, 60) },
            { key: "managed", label: "Council-managed personal budget", value: share(30, 22, 39) },
            { key: "isf", label: "Individual service fund", value: withheld<Share>("fewer-than-5") },
            { key: "none", label: "No personal budget", value: withheld<Share>("secondary") },
            { key: "home", label: "Care home", value: share(10, 5, 17) },
          ],
        },
        {
          label: "Yorkshire and The Humber",
          segments: [
            { key: "dp", label: "Direct payment", value: share(40, 36, 44) },
            { key: "managed", label: "Council-managed personal budget", value: share(30, 26, 34) },
            { key: "isf", label: "Individual service fund", value: share(10, 8, 13) },
            { key: "none", label: "No personal budget", value: share(12, 9, 15) },
            { key: "home", label: "Care home", value: share(8, 6, 11) },
          ],
        },
      ],
    }),
    createElement(LineChart, {
      title: "Quality of life, quarter by quarter",
      summary: "The net score rose through 2025; one quarter is not shown because fewer than 5 people reported.",
      headingLevel: 2,
      rowHeading: "Quarter",
      series: [
        {
          name: "Leeds",
          points: [
            { label: "Jan to Mar 2025", value: net(10, -5, 25) },
            { label: "Apr to Jun 2025", value: net(-8, -22, 6) },
            { label: "Jul to Sep 2025", value: withheld<NetScore>("fewer-than-5") },
            { label: "Oct to Dec 2025", value: net(22, 8, 36) },
            { label: "Jan to Mar 2026", value: net(30, 15, 45) },
            { label: "Apr to Jun 2026", value: net(28, 14, 42) },
            { label: "Jul to Sep 2026", value: net(33, 20, 46) },
            { label: "Oct to Dec 2026", value: net(35, 22, 48) },
          ],
        },
        {
          name: "Yorkshire and The Humber",
          points: [
            { label: "Jan to Mar 2025", value: net(5, 0, 10) },
            { label: "Apr to Jun 2025", value: net(7, 2, 12) },
            { label: "Jul to Sep 2025", value: net(9, 4, 14) },
            { label: "Oct to Dec 2025", value: withheld<NetScore>("secondary") },
            { label: "Jan to Mar 2026", value: net(12, 7, 17) },
            { label: "Apr to Jun 2026", value: net(14, 9, 19) },
            { label: "Jul to Sep 2026", value: net(13, 8, 18) },
            { label: "Oct to Dec 2026", value: net(15, 10, 20) },
          ],
        },
      ],
    }),
    createElement(DotPlot, {
      title: "Net score by outcome",
      summary: "Leeds scores above its region on control over daily life and below it on feeling safe.",
      headingLevel: 2,
      rowHeading: "Outcome",
      series: [
        { key: "council", name: "Leeds" },
        { key: "region", name: "Yorkshire and The Humber" },
        { key: "nation", name: "England" },
      ],
      rows: [
        {
          label: "Control over daily life",
          values: { council: net(30, 12, 48), region: net(12, 6, 18), nation: net(10, 8, 12) },
        },
        {
          label: "Taking part in the community; doing things I value and enjoy",
          values: { council: withheld<NetScore>("secondary"), region: net(-4, -10, 2), nation: net(-2, -4, 0) },
        },
        {
          label: "Feeling safe, at home and outside",
          values: {
            council: net(-60, -85, -35),
            region: net(-20, -30, -10),
            nation: withheld<NetScore>("fewer-than-5"),
          },
        },
      ],
    }),
  ];
  // One tree, as on a real page, so that every chart gets its own ids.
  const body = renderToStaticMarkup(createElement(Fragment, null, ...charts));
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Outcome charts</title><style>${css}</style></head><body><main class="main width"><h1>Outcomes in Leeds</h1>${body}</main></body></html>`;
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function pageAt(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.setContent(chartsPage());
  return page;
}

describe("outcome charts in a browser", () => {
  it.each([1280, 320])("pass axe (WCAG 2.2 AA and best practice) at %ipx wide", async (width) => {
    const page = await pageAt(width);
    expect(await page.locator("figure.chart").count()).toBe(6);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("fit a 320px screen without the page scrolling sideways, with chart text of at least 12px", async () => {
    const page = await pageAt(320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const smallest = await page.evaluate(() =>
      Math.min(
        // Only the drawings shown: a wide one is not displayed on a phone.
        ...[...document.querySelectorAll<SVGSVGElement>("svg.chart__svg")]
          .filter((svg) => svg.checkVisibility())
          .flatMap((svg) =>
            [...svg.querySelectorAll("text")].map(
              (text) => parseFloat(getComputedStyle(text).fontSize) * (svg.getScreenCTM()?.a ?? 0),
            ),
          ),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(12);
    await page.close();
  });

  it("keep text no larger than the page's body text on a wide screen", async () => {
    const page = await pageAt(1280);
    const sizes = await page.evaluate(() => {
      const svgs = [...document.querySelectorAll<SVGSVGElement>("svg.chart__svg")];
      return {
        body: parseFloat(getComputedStyle(document.body).fontSize),
        largest: Math.max(...svgs.map((svg) => 16 * (svg.getScreenCTM()?.a ?? 0))),
      };
    });
    expect(sizes.largest).toBeLessThanOrEqual(sizes.body + 0.5);
    await page.close();
  });

  it.each([1280, 320])("clip nothing: every word drawn lies inside its chart at %ipx wide", async (width) => {
    const page = await pageAt(width);
    const outside = await page.evaluate(() =>
      [...document.querySelectorAll<SVGSVGElement>("svg.chart__svg")].flatMap((svg) => {
        const view = svg.viewBox.baseVal;
        return [...svg.querySelectorAll("text")]
          .map((text) => ({ text: text.textContent, box: text.getBBox() }))
          .filter(
            ({ box }) =>
              box.x < view.x ||
              box.y < view.y ||
              box.x + box.width > view.x + view.width ||
              box.y + box.height > view.y + view.height,
          )
          .map(({ text }) => text);
      }),
    );
    expect(outside).toEqual([]);
    await page.close();
  });

  it("let a keyboard user reach and scroll a table too wide for a phone", async () => {
    const page = await pageAt(320);
    const box = page.locator(".chart__table-scroll").first();
    await box.focus();
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    await page.close();
  });

  it("keep each chart on one printed page, in colour", async () => {
    const page = await pageAt(1280);
    await page.emulateMedia({ media: "print" });
    const style = await page
      .locator("figure.chart")
      .first()
      .evaluate((figure) => {
        const computed = getComputedStyle(figure);
        return { breakInside: computed.breakInside, printColorAdjust: computed.getPropertyValue("print-color-adjust") };
      });
    expect(style).toEqual({ breakInside: "avoid", printColorAdjust: "exact" });
    await page.close();
  });
});
