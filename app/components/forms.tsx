// The one form-error pattern (GOV.UK): an error summary at the top linking to each field, and the
// message again beside the field. Forms work without JavaScript; with it, the summary takes focus.
import { Form, Link } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";

import type { FieldErrors } from "~/domain/forms";

export type { FieldErrors };

export function ErrorSummary({ errors }: { errors: FieldErrors | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {}).filter((entry): entry is [string, string] => Boolean(entry[1]));
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
  }, [entries.length, errors]);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title" className="error-summary__title">
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field === "form" ? "main" : field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function describedBy(name: string, hint?: ReactNode, error?: string) {
  return [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
}

/**
 * The attributes every text box, select and text area shares: its id (what its label and the error
 * summary point at), its name, what was typed, and what ties it to its hint and error message.
 */
function controlAttributes({ id, name, defaultValue, hint, error }: ControlWiring) {
  return {
    id,
    name,
    defaultValue,
    "aria-describedby": describedBy(id, hint, error),
    "aria-invalid": error ? true : undefined,
  };
}
type ControlWiring = { id: string; name: string; defaultValue?: string; hint?: ReactNode; error?: string };

function ErrorMessage({ name, error }: { name: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${name}-error`} className="error-message">
      <span className="visually-hidden">Error:</span> {error}
    </p>
  );
}

/** A control's hint and error message, with the ids its aria-describedby names. */
function HintAndError({ name, hint, error }: { name: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <div id={`${name}-hint`} className="hint">
          {hint}
        </div>
      ) : null}
      <ErrorMessage name={name} error={error} />
    </>
  );
}

/** What a failed form sent back: its errors and what was typed, so every field keeps it. */
export function formResult(result: object | undefined): { errors?: FieldErrors; values: Record<string, string> } {
  if (!result || !("errors" in result)) return { values: {} };
  const failed = result as { errors?: FieldErrors; values?: Record<string, string> };
  return { errors: failed.errors, values: failed.values ?? {} };
}

/**
 * What ties each control to a form that came back: its name, its error and what was typed.
 * `const field = fieldsOf(errors, values)`, then `<TextField {...field("title")} label="Title" />`.
 */
export function fieldsOf(errors: FieldErrors, values: Partial<Record<string, string>>) {
  return (name: string) => ({ name, error: errors[name], defaultValue: values[name] });
}

/** Label, hint and error message around one text control, wired together for screen readers. */
function FieldShell({
  name,
  label,
  hint,
  error,
  heading,
  children,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** The label is the page's question, so its heading (GOV.UK question pages). */
  heading?: boolean;
  children: ReactNode;
}) {
  const labelled = (
    <label className="label" htmlFor={name}>
      {label}
    </label>
  );
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      {heading ? <h1 className="question-heading">{labelled}</h1> : labelled}
      <HintAndError name={name} hint={hint} error={error} />
      {children}
    </div>
  );
}

/** Legend, hint and error message around a group of controls (radios, a date's boxes). */
function FieldsetShell({
  name,
  legend,
  hint,
  error,
  children,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend className="legend">{legend}</legend>
        <HintAndError name={name} hint={hint} error={error} />
        {children}
      </fieldset>
    </div>
  );
}

export function TextField({
  name,
  label,
  hint,
  error,
  defaultValue,
  type = "text",
  autoComplete,
  spellCheck,
  width,
  inputMode,
  heading,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  type?: "text" | "password" | "search" | "month" | "date";
  autoComplete?: string;
  spellCheck?: boolean;
  width?: "short" | "medium";
  /** A typed number: the phone's number keypad ("decimal" when pence or halves are allowed). */
  inputMode?: "numeric" | "decimal";
  heading?: boolean;
}) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error} heading={heading}>
      <input
        inputMode={inputMode}
        className={`input${width ? ` input--${width}` : ""}${error ? " input--error" : ""}`}
        {...controlAttributes({ id: name, name, defaultValue, hint, error })}
        type={type}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
      />
    </FieldShell>
  );
}

/** Options for SelectField from [value, label] pairs. */
export const pairs = (entries: [string, string][]) => entries.map(([value, label]) => ({ value, label }));

export function SelectField({
  name,
  id = name,
  label,
  hint,
  error,
  options,
  defaultValue,
}: {
  name: string;
  /** When one page repeats the field (one form per queue item), each needs its own id. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  return (
    <FieldShell name={id} label={label} hint={hint} error={error}>
      <select
        className={`select${error ? " input--error" : ""}`}
        {...controlAttributes({ id, name, defaultValue, hint, error })}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A list's filter form: a GET form in the search landmark, its fields, a Filter button and a link that clears them. */
export function FilterForm({ label, clearTo, children }: { label: string; clearTo: string; children: ReactNode }) {
  return (
    <Form method="get" className="filter-form" role="search" aria-label={label}>
      {children}
      <button type="submit" className="button button--secondary">
        Filter
      </button>{" "}
      <Link to={clearTo}>Clear filters</Link>
    </Form>
  );
}

/** The selects of a filter form (a GET form), one per field, each showing the value the address holds. */
export function FilterSelects({
  prefix,
  values,
  fields,
}: {
  prefix: string;
  values: Record<string, string | number | undefined>;
  fields: { name: string; label: string; options: [string, string][] }[];
}) {
  return (
    <>
      {fields.map((field) => (
        <SelectField
          key={field.name}
          name={field.name}
          id={`${prefix}-${field.name}`}
          label={field.label}
          defaultValue={String(values[field.name] ?? "")}
          options={pairs(field.options)}
        />
      ))}
    </>
  );
}

export function RadioGroup({
  name,
  legend,
  hint,
  error,
  options,
  defaultValue,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: { value: string; label: string; hint?: string }[];
  defaultValue?: string;
}) {
  return (
    <FieldsetShell name={name} legend={legend} hint={hint} error={error}>
      <Choices type="radio" name={name} idBase={name} options={options} isChecked={(v) => v === defaultValue} />
    </FieldsetShell>
  );
}

/**
 * A month and year typed in two boxes (GOV.UK's date input without the day), number keypads on
 * phones. Errors are keyed by the box they are about ("<name>Month", "<name>Year"), so the error
 * summary links to that box; the legend is the page's question.
 */
export function MonthYearInput({
  name,
  legend,
  hint,
  errors,
  month,
  year,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors: FieldErrors;
  month?: string;
  year?: string;
}) {
  const parts = [
    { id: `${name}Month`, label: "Month", value: month, size: "input--2" },
    { id: `${name}Year`, label: "Year", value: year, size: "input--4" },
  ];
  const messages = parts.map((part) => errors[part.id]).filter(Boolean);
  return (
    <FieldsetShell name={name} legend={legend} hint={hint} error={messages.join(". ") || undefined}>
      <div className="date-input">
        {parts.map((part) => (
          <div className="date-input__item" key={part.id}>
            <label className="label" htmlFor={part.id}>
              {part.label}
            </label>
            <input
              className={`input ${part.size}${errors[part.id] ? " input--error" : ""}`}
              id={part.id}
              name={part.id}
              type="text"
              inputMode="numeric"
              defaultValue={part.value}
              aria-invalid={errors[part.id] ? true : undefined}
            />
          </div>
        ))}
      </div>
    </FieldsetShell>
  );
}

/** The boxes of a radio group or a checkbox group; the first carries the id the error summary links to. */
export function Choices({
  type,
  name,
  idBase,
  options,
  isChecked,
}: {
  type: "radio" | "checkbox";
  name: string;
  idBase: string;
  options: { value: string; label: string; hint?: string }[];
  isChecked: (value: string) => boolean;
}) {
  return (
    <div className={type === "radio" ? "radios" : "checkboxes"}>
      {options.map((option, index) => {
        const id = index === 0 ? idBase : `${idBase}-${option.value}`;
        return (
          <div className={type} key={option.value}>
            <input
              className={`${type}__input`}
              id={id}
              name={name}
              type={type}
              value={option.value}
              defaultChecked={isChecked(option.value)}
              aria-describedby={option.hint ? `${id}-hint` : undefined}
            />
            <label className={`${type}__label`} htmlFor={id}>
              {option.label}
            </label>
            {option.hint ? (
              <div id={`${id}-hint`} className={`hint ${type}__hint`}>
                {option.hint}
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

/** A field people never see; bots that fill every field give themselves away. */
export function Honeypot() {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor="website">Leave this field empty</label>
      <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}

export function SubmitButton({
  children,
  secondary,
  name,
  value,
}: {
  children: ReactNode;
  secondary?: boolean;
  name?: string;
  value?: string;
}) {
  return (
    <button type="submit" className={`button${secondary ? " button--secondary" : ""}`} name={name} value={value}>
      {children}
    </button>
  );
}

export function TextArea({
  name,
  id = name,
  label,
  hint,
  error,
  defaultValue,
  rows = 8,
  heading,
}: {
  name: string;
  /** When one page repeats the field (one form per queue item), each needs its own id. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  rows?: number;
  heading?: boolean;
}) {
  return (
    <FieldShell name={id} label={label} hint={hint} error={error} heading={heading}>
      <textarea
        className={`textarea${error ? " input--error" : ""}`}
        {...controlAttributes({ id, name, defaultValue, hint, error })}
        rows={rows}
      />
    </FieldShell>
  );
}

export function CheckboxGroup({
  name,
  legend,
  hint,
  error,
  options,
  checked,
  idPrefix,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: { value: string; label: string }[];
  checked: string[];
  /** The error summary links to `${idPrefix}`: the first box of the first group carries it. */
  idPrefix: string;
}) {
  const hintId = hint ? `${idPrefix}-hint` : undefined;
  return (
    <fieldset
      className="fieldset checkbox-group"
      aria-describedby={[hintId, error ? `${idPrefix}-error` : null].filter(Boolean).join(" ") || undefined}
    >
      <legend className="legend legend--small">{legend}</legend>
      {hint ? (
        <div id={hintId} className="hint">
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage name={idPrefix} error={error} /> : null}
      <Choices type="checkbox" name={name} idBase={idPrefix} options={options} isChecked={(v) => checked.includes(v)} />
    </fieldset>
  );
}

/** A green confirmation after something worked ("Your name is now …"), announced politely. */
export function SuccessNotice({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="notice notice--success" role="status">
      <p>{children}</p>
    </div>
  );
}

/**
 * One of a page's several forms, in a section under its own heading: the hidden `intent` says which
 * form it is, and `after` (an answer to this form) follows the form inside the section.
 */
export function IntentForm({
  intent,
  heading,
  submit,
  secondary,
  children,
  after,
}: {
  intent: string;
  heading: string;
  submit: string;
  secondary?: boolean;
  children: ReactNode;
  after?: ReactNode;
}) {
  return (
    <section className="section" aria-labelledby={`${intent}-heading`}>
      <h2 id={`${intent}-heading`}>{heading}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value={intent} />
        {children}
        <SubmitButton secondary={secondary}>{submit}</SubmitButton>
      </Form>
      {after}
    </section>
  );
}
