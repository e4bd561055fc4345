// A member asking for the researcher role: what they must say, and the messages they and the
// admins see. The request is private to its author and the admins, so the identifying-details
// check does not apply, but it is never shown on a public page.
import type { FieldErrors } from "../forms";

export const RESEARCH_MAX = 1000;
export const ORGANISATION_MAX = 120;
export const DATA_USE_MAX = 1000;

export interface ResearcherRequestInput {
  research: string;
  organisation: string | null;
  dataUse: string;
}

function clean(value: unknown): string {
  // Control characters other than line breaks are dropped; whitespace at the ends trimmed.
  // eslint-disable-next-line no-control-regex
  return typeof value === "string" ? value.replace(/[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/g, "").trim() : "";
}

/** The request's fields read from a form, or one message per field that needs changing. */
export function readResearcherRequest(
  values: Record<string, unknown>,
): { ok: true; input: ResearcherRequestInput } | { ok: false; errors: FieldErrors } {
  const research = clean(values.research);
  const organisation = clean(values.organisation);
  const dataUse = clean(values.dataUse);
  const errors: FieldErrors = {};
  if (research.length < 20) errors.research = "Say in a sentence or two what your research is (at least 20 characters)";
  else if (research.length > RESEARCH_MAX)
    errors.research = `Keep what your research is under ${RESEARCH_MAX.toLocaleString("en-GB")} characters`;
  if (organisation.length > ORGANISATION_MAX)
    errors.organisation = `Keep the organisation's name under ${ORGANISATION_MAX} characters`;
  if (dataUse.length < 20) errors.dataUse = "Say how you will use the data and keep it safe (at least 20 characters)";
  else if (dataUse.length > DATA_USE_MAX)
    errors.dataUse = `Keep how you will use the data under ${DATA_USE_MAX.toLocaleString("en-GB")} characters`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { research, organisation: organisation || null, dataUse } };
}

export type ResearcherDecision = "grant" | "decline";

/** What the member is told when an admin decides. */
export function decisionNotice(decision: ResearcherDecision): { kind: string; message: string; link: string } {
  return decision === "grant"
    ? {
        kind: "role.researcher.granted",
        message:
          "You now have the researcher role: you can create API keys for the public API with a higher rate limit.",
        link: "/settings/api-keys",
      }
    : {
        kind: "role.researcher.declined",
        message:
          "Your request for the researcher role was declined. Everything you need for research is still open to you: search, downloads and the API without a key.",
        link: "/settings/researcher",
      };
}
