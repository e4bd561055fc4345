// The terms every download and API response carries, stories and outcomes alike.
export const DATA_LICENCE =
  "Licence: Creative Commons Attribution 4.0 International (CC BY 4.0), https://creativecommons.org/licenses/by/4.0/. You may share and adapt the data for any purpose if you credit Fifth Option.";

export const DATA_CITATION = "Fifth Option (2026). Outcomes of social care as reported by its members. Retrieved (date) from (the address of the view).";

/** The citation line for one view, with the address it was downloaded from and the date. */
export function citationFor(what: string, address: string, retrieved: Date): string {
  return `Fifth Option (${retrieved.getUTCFullYear()}). ${what}. Retrieved ${retrieved.toISOString().slice(0, 10)} from ${address}`;
}
