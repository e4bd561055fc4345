// What a council, region or nation page of the outcomes dashboard is given to show: the shape the
// server fills and the components draw, kept here so neither imports the other.
import type { Breadcrumb } from "./links";
import type { OutcomeFilterField } from "./outcome-filters";
import type { ComparedFigures, OutcomeView } from "./outcome-view";
import type { PlaceRow } from "./places";

export interface DashboardData {
  place: { level: "area" | "region" | "nation"; code: string; name: string };
  view: OutcomeView;
  comparisons: { label: string; view: ComparedFigures }[];
  byPlanLead: { lead: string; label: string; view: ComparedFigures }[];
  councils: PlaceRow[];
}

export interface PlacePageData {
  heading: {
    name: string;
    level: "area" | "region" | "nation";
    regionCode: string;
    regionName: string;
    nation: string;
  };
  /** The filters as typed, shown back in the form. */
  values: Record<string, string>;
  errors: Partial<Record<OutcomeFilterField, string>> | null;
  /**
   * The dashboard's figures drawn as HTML (charts, their summaries and tables), the same for every
   * reader of this view: null when the filters are wrong.
   */
  dashboardMarkup: string | null;
  query: string;
  downloadQuery: string;
  period: string;
  /** The trail above the heading: Outcomes, the nation, the region. */
  crumbs: Breadcrumb[];
  choices: PeriodChoices;
}

/** The quarters the period lists offer, and the period shown, as codes ("2024-Q1"). */
export interface PeriodChoices {
  quarters: { value: string; label: string }[];
  period: { from: string; to: string };
}
