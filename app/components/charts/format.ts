// One way of wording dashboard numbers, shared by pages, tables and charts, so a figure reads the
// same everywhere it appears.
import { WITHHELD_TEXT, type Figure, type NetScore, type Share } from "~/domain/outcomes/figures";

/** A real minus sign: a hyphen is read out as "dash" or "hyphen", and looks shorter than a plus. */
export const MINUS = "\u2212";

/**
 * count: reports ("1,235"); percent: a share ("42%"); score: a net score with its sign ("+12",
 * "−8", "0"); pence: money given in pence, shown in pounds ("£12.50"); hours: "20.5 hours".
 */
export type NumberUnit = "count" | "percent" | "score" | "pence" | "hours";

const wholeNumber = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const upToOneDecimal = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

function withMinus(text: string): string {
  return text.replace(/^-/, MINUS);
}

export function formatValue(value: number, unit: NumberUnit): string {
  switch (unit) {
    case "count":
      return withMinus(wholeNumber.format(value));
    case "percent":
      return `${withMinus(wholeNumber.format(value))}%`;
    case "score": {
      const rounded = Math.round(value);
      if (rounded === 0) return "0";
      return rounded > 0 ? `+${wholeNumber.format(rounded)}` : `${MINUS}${wholeNumber.format(-rounded)}`;
    }
    case "pence":
      return withMinus(pounds.format(value / 100));
    case "hours":
      return `${withMinus(upToOneDecimal.format(value))} ${value === 1 ? "hour" : "hours"}`;
  }
}

/** The words for a withheld figure ("fewer than 5"), or null when it is shown. */
export function withheldText(figure: Figure<unknown>): string | null {
  return figure.shown ? null : WITHHELD_TEXT[figure.reason];
}

/** A figure as it is written: its value in the unit, or the words for why it is withheld. */
export function formatFigure(figure: Figure<Share>, unit?: "percent"): string;
export function formatFigure(figure: Figure<NetScore>, unit?: "score"): string;
export function formatFigure(figure: Figure<number>, unit: NumberUnit): string;
export function formatFigure(figure: Figure<Share> | Figure<NetScore>): string;
export function formatFigure(figure: Figure<number | Share | NetScore>, unit?: NumberUnit): string {
  if (!figure.shown) return WITHHELD_TEXT[figure.reason];
  const value = figure.value;
  if (typeof value === "number") return formatValue(value, unit ?? "count");
  return "percent" in value ? formatValue(value.percent, "percent") : formatValue(value.score, "score");
}

/** The 95% interval of a share or net score ("35% to 49%", "−3 to +27"), or null when withheld. */
export function formatInterval(figure: Figure<Share> | Figure<NetScore>): string | null {
  if (!figure.shown) return null;
  const unit: NumberUnit = "percent" in figure.value ? "percent" : "score";
  return `${formatValue(figure.value.low, unit)} to ${formatValue(figure.value.high, unit)}`;
}

/** For running text: "42% (95% interval 35% to 49%)", "+12 (95% interval −3 to +27)", "fewer than 5". */
export function describeFigure(figure: Figure<Share> | Figure<NetScore>): string {
  const interval = formatInterval(figure);
  const value = formatFigure(figure);
  return interval ? `${value} (95% interval ${interval})` : value;
}
