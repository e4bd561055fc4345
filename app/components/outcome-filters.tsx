// The dashboard's filters: a plain GET form, so every view has an address that can be shared
// and the form works without JavaScript.
import { Form } from "@remix-run/react";

import { OUTCOME_FILTER_CHOICES, type OutcomeFilterField } from "~/domain/outcomes/outcome-filters";
import type { PeriodChoices } from "~/domain/outcomes/place-page";

import { ErrorSummary, SelectField, SubmitButton } from "./forms";

const everyone = { value: "", label: "Everyone" };
const listChoices = (record: Record<string, string | { label: string }>) => [
  everyone,
  ...Object.entries(record).map(([value, label]) => ({
    value,
    label: typeof label === "string" ? label : label.label,
  })),
];

const PERIOD = [
  { name: "from", label: "From quarter" },
  { name: "to", label: "To quarter" },
] as const;

/**
 * The quarters to choose from. A value in the address that is not one of them (a mistyped or
 * hostile link, refused with a 400) is kept as the first choice, so the form shows what was sent.
 */
function quarterOptions(quarters: PeriodChoices["quarters"], value: string) {
  return quarters.some((q) => q.value === value)
    ? quarters
    : [{ value, label: `${value} (not a quarter we have)` }, ...quarters];
}

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
  choices,
}: {
  /** What the address holds, as typed: kept when it is wrong, so it can be corrected. */
  values: Partial<Record<OutcomeFilterField, string>>;
  errors?: Partial<Record<OutcomeFilterField, string>>;
  /** Other parameters of the page to keep (the nation or sort order of a table). */
  extra?: Record<string, string>;
  /** The quarters the period lists offer, and the period shown. */
  choices: PeriodChoices;
}) {
  return (
    <>
      <ErrorSummary errors={errors} />
      <Form method="get" className="filter-form outcome-filters" aria-label="Choose which reports to count">
        {Object.entries(extra ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="outcome-filters__period">
          {PERIOD.map(({ name, label }) => {
            const value = values[name] ?? choices.period[name];
            return (
              <SelectField
                key={name}
                name={name}
                label={label}
                options={quarterOptions(choices.quarters, value)}
                defaultValue={value}
                error={errors?.[name]}
              />
            );
          })}
        </div>
        {LISTS.map(({ name, label }) => (
          <SelectField
            key={name}
            name={name}
            label={label}
            options={listChoices(OUTCOME_FILTER_CHOICES[name].options)}
            defaultValue={values[name] ?? ""}
            error={errors?.[name]}
          />
        ))}
        <SubmitButton secondary>Show figures</SubmitButton>
      </Form>
    </>
  );
}
