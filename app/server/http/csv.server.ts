// Every line of every CSV download goes through here: the header and the rows (the title, licence
// and citation travel in a data package beside the file, app/domain/datapackage.ts). One path means one set
// of rules: csv-stringify quotes each cell as needed, and text a spreadsheet would run as a
// formula is defused the same way everywhere.
import { stringify } from "csv-stringify/sync";

// Spreadsheets run a cell that starts like a formula ("=HYPERLINK(…)", "-2+3", "@SUM(…)"), so
// such text gets a leading apostrophe (OWASP's advice for CSV injection). A plain number such as
// "-12" is left alone: a spreadsheet reads it as a number, never as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

export type CsvCell = string | number | null | undefined;

/** The cell as it is safe to write: formula-like text defused, nothing else changed. */
export function defuseCell(value: CsvCell): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Rows of cells as CSV lines, every cell quoted as needed and defused. */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(rows.map((row) => row.map(defuseCell)));
}
