// The dashboard's filters: a plain GET form, so every view has an address that can be shared
// and the form works without JavaScript.
import { Form } from "@remix-run/react";

import type { OutcomeFilterField } from "~/domain/outcomes/outcome-filters";
import { CLIENT_GROUPS, PERSPECTIVES, PLAN_LEADS, SUPPORT_ARRANGEMENTS } from "~/domain/taxonomy";

import { ErrorSummary, SelectField, SubmitButton, TextField } from "./forms";

const everyone = { value: "", label: "Everyone" };
const choices = (record: Record<string, string | { label: string }>) => [
  everyone,
  ...Object.entries(record).map(([value, label]) => ({
    value,
    label: typeof label === "string" ? label : label.label,
  })),
];

export function OutcomeFilterForm({
  values,
  errors,
  extra,
}: {
  /** What the address holds, as typed: kept when it is wrong, so it can be corrected. */
  values: Partial<Record<OutcomeFilterField, string>>;
  errors?: Partial<Record<OutcomeFilterField, string>>;
  /** Other parameters of the page to keep (the nation or sort order of a table). */
  extra?: Record<string, string>;
}) {
  return (
    <>
      <ErrorSummary errors={errors} />
      <Form method="get" className="filter-form outcome-filters" aria-label="Choose which reports to count">
        {Object.entries(extra ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="outcome-filters__period">
          <TextField
            name="from"
            label="From quarter"
            hint="For example 2024-Q1"
            width="short"
            defaultValue={values.from}
            error={errors?.from}
          />
          <TextField
            name="to"
            label="To quarter"
            hint="For example 2026-Q4"
            width="short"
            defaultValue={values.to}
            error={errors?.to}
          />
        </div>
        <SelectField
          name="perspective"
          label="Who reported"
          options={choices(PERSPECTIVES)}
          defaultValue={values.perspective ?? ""}
          error={errors?.perspective}
        />
        <SelectField
          name="arrangement"
          label="Kind of support"
          options={choices(SUPPORT_ARRANGEMENTS)}
          defaultValue={values.arrangement ?? ""}
          error={errors?.arrangement}
        />
        <SelectField
          name="client"
          label="Group of people"
          options={choices(CLIENT_GROUPS)}
          defaultValue={values.client ?? ""}
          error={errors?.client}
        />
        <SelectField
          name="lead"
          label="Who led the support plan"
          options={choices(PLAN_LEADS)}
          defaultValue={values.lead ?? ""}
          error={errors?.lead}
        />
        <SubmitButton secondary>Show figures</SubmitButton>
      </Form>
    </>
  );
}
