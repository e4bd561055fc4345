// Quarters are the period unit of every experience report: stored as the first day of the quarter
// ("2025-04-01"), written in addresses as "2025-Q2", shown as "Apr to Jun 2025".

const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_NAME = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });
/** "January" for 1. */
const monthName = (month: number) => MONTH_NAME.format(new Date(Date.UTC(2000, month - 1, 1)));

/** "2025-Q2" → "2025-04-01", or null when it is not a quarter. */
export function quarterStartFromCode(code: string): string | null {
  const match = QUARTER_PATTERN.exec(code);
  if (!match) return null;
  const month = (Number(match[2]) - 1) * 3 + 1;
  return `${match[1]}-${String(month).padStart(2, "0")}-01`;
}

/** "2025-04-01" → "2025-Q2". */
export function quarterCode(quarterStart: string): string {
  const [year, month] = quarterStart.split("-").map(Number);
  return `${year}-Q${Math.floor(((month ?? 1) - 1) / 3) + 1}`;
}

/** "2025-04-01" → "Apr to Jun 2025". */
export function quarterLabel(quarterStart: string): string {
  const [year, month] = quarterStart.split("-").map(Number);
  const first = (month ?? 1) - 1;
  return `${MONTHS[first]} to ${MONTHS[first + 2]} ${year}`;
}

/**
 * A period of whole quarters in words, for headings and summaries: "January to March 2024" (one
 * quarter), "January to September 2024" (one year), "October 2024 to December 2026" (across years).
 */
export function periodLabel(from: string, to: string): string {
  const [fromYear, fromMonth] = from.split("-").map(Number);
  const [toYear, toMonth] = to.split("-").map(Number);
  const first = monthName(fromMonth ?? 1);
  const last = monthName((toMonth ?? 1) + 2);
  if (fromYear === toYear) return `${first} to ${last} ${toYear}`;
  return `${first} ${fromYear} to ${last} ${toYear}`;
}

/** The quarters from `from` to `to` as choices for a list, newest last: "2024-Q1" shown as "Jan to Mar 2024". */
export function quarterChoices(from: string, to: string): { value: string; label: string }[] {
  return quartersBetween(from, to).map((quarter) => ({ value: quarterCode(quarter), label: quarterLabel(quarter) }));
}

/** The quarter a date falls in, as its first day. */
export function quarterContaining(date: Date): string {
  const month = Math.floor(date.getUTCMonth() / 3) * 3 + 1;
  return `${date.getUTCFullYear()}-${String(month).padStart(2, "0")}-01`;
}

/** The quarter `steps` quarters after (or before, when negative) the given one. */
export function addQuarters(quarterStart: string, steps: number): string {
  const [year, month] = quarterStart.split("-").map(Number);
  const index = (year ?? 0) * 4 + Math.floor(((month ?? 1) - 1) / 3) + steps;
  const newYear = Math.floor(index / 4);
  return `${newYear}-${String((index - newYear * 4) * 3 + 1).padStart(2, "0")}-01`;
}

/** Every quarter from `from` to `to`, both included. */
export function quartersBetween(from: string, to: string): string[] {
  const quarters: string[] = [];
  for (let quarter = from; quarter <= to; quarter = addQuarters(quarter, 1)) quarters.push(quarter);
  return quarters;
}
