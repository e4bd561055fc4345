// The dashboard's filters: a plain GET form, so every view has an address that can be shared
// and the form works without JavaScript.
import { Form } from "@remix-run/react";

import { OUTCOME_FILTER_CHOICES, type OutcomeFilterField } from "~/domain/outcomes/outcome-filters";

import { ErrorSummary, SelectField, SubmitButton, TextField } from "./forms";

const everyone = { value: "", label: "Everyone" };
const choices = (record: Record<string, string | { label: string }>) => [
  everyone,
  ...Object.entries(record).map(([value, label]) => ({
    value,
    label: typeof label === "string" ? label : label.label,
  })),
];

const PERIOD = [
  { name: "from", label: "From quarter", hint: "For example 2024-Q1" },
  { name: "to", label: "To quarter", hint: "For example 2026-Q4" },
] as const;

const LISTS: { name: keyof typeof OUTCOME_FILTER_CHOICES; label: string }[] = [
  { name: "perspective", label: "Who reported" },
  { name: "arrangement", label: "Kind of support" },
  { name: "client", label: "Group of people" },
  { name: "lead", label: "Who led the support plan" },
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
          {PERIOD.map(({ name, label, hint }) => (
            <TextField
              key={name}
              name={name}
              label={label}
              hint={hint}
              width="short"
              defaultValue={values[name]}
              error={errors?.[name]}
            />
          ))}
        </div>
        {LISTS.map(({ name, label }) => (
          <SelectField
            key={name}
            name={name}
            label={label}
            options={choices(OUTCOME_FILTER_CHOICES[name].options)}
            defaultValue={values[name] ?? ""}
            error={errors?.[name]}
          />
        ))}
        <SubmitButton secondary>Show figures</SubmitButton>
      </Form>
    </>
  );
}
