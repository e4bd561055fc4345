// The one form-error pattern (GOV.UK): an error summary at the top linking to each field, and the
// message again beside the field. Forms work without JavaScript; with it, the summary takes focus.
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

/** What every text control and select says to screen readers: its hint and error, and whether it is wrong. */
function ariaProps(id: string, hint?: ReactNode, error?: string) {
  return { "aria-describedby": describedBy(id, hint, error), "aria-invalid": error ? true : undefined };
}

function controlClass(className: string, error?: string) {
  return `${className}${error ? " input--error" : ""}`;
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <div id={`${id}-hint`} className="hint">
      {hint}
    </div>
  );
}

/** What a failed form sent back: its errors and what was typed, so every field keeps it. */
export function formResult(result: object | undefined): { errors?: FieldErrors; values: Record<string, string> } {
  if (!result || !("errors" in result)) return { values: {} };
  const failed = result as { errors?: FieldErrors; values?: Record<string, string> };
  return { errors: failed.errors, values: failed.values ?? {} };
}

function ErrorMessage({ name, error }: { name: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${name}-error`} className="error-message">
      <span className="visually-hidden">Error:</span> {error}
    </p>
  );
}

/** Label, hint and error message around one text control, wired together for screen readers. */
function FieldShell({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <label className="label" htmlFor={name}>
        {label}
      </label>
      <Hint id={name} hint={hint} />
      <ErrorMessage name={name} error={error} />
      {children}
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
}) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      <input
        className={controlClass(`input${width ? ` input--${width}` : ""}`, error)}
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        {...ariaProps(name, hint, error)}
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
        className={controlClass("select", error)}
        id={id}
        name={name}
        defaultValue={defaultValue}
        {...ariaProps(id, hint, error)}
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
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend className="legend">{legend}</legend>
        <Hint id={name} hint={hint} />
        <ErrorMessage name={name} error={error} />
        <div className="radios">
          {options.map((option, index) => {
            // The first radio carries the field's id so the error summary link lands on it.
            const id = index === 0 ? name : `${name}-${option.value}`;
            return (
              <div className="radio" key={option.value}>
                <input
                  className="radio__input"
                  id={id}
                  name={name}
                  type="radio"
                  value={option.value}
                  defaultChecked={defaultValue === option.value}
                  aria-describedby={option.hint ? `${id}-hint` : undefined}
                />
                <label className="radio__label" htmlFor={id}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div id={`${id}-hint`} className="hint radio__hint">
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
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
}: {
  name: string;
  /** When one page repeats the field (one form per queue item), each needs its own id. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  rows?: number;
}) {
  return (
    <FieldShell name={id} label={label} hint={hint} error={error}>
      <textarea
        className={controlClass("textarea", error)}
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        {...ariaProps(id, hint, error)}
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
  return (
    <fieldset className="fieldset checkbox-group" aria-describedby={describedBy(idPrefix, hint, error)}>
      <legend className="legend legend--small">{legend}</legend>
      <Hint id={idPrefix} hint={hint} />
      <ErrorMessage name={idPrefix} error={error} />
      <div className="checkboxes">
        {options.map((option, index) => {
          const id = index === 0 ? idPrefix : `${idPrefix}-${option.value}`;
          return (
            <div className="checkbox" key={option.value}>
              <input
                className="checkbox__input"
                id={id}
                name={name}
                type="checkbox"
                value={option.value}
                defaultChecked={checked.includes(option.value)}
              />
              <label className="checkbox__label" htmlFor={id}>
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
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
