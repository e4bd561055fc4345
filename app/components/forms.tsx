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
      {hint ? (
        <div id={`${name}-hint`} className="hint">
          {hint}
        </div>
      ) : null}
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
  inputMode,
  heading,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  type?: "text" | "password" | "search";
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
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  hint,
  error,
  options,
  defaultValue,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      <select
        className={`select${error ? " input--error" : ""}`}
        id={name}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
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
        {hint ? (
          <div id={`${name}-hint`} className="hint">
            {hint}
          </div>
        ) : null}
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
    <div className={`form-group${messages.length > 0 ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(name, hint, messages[0])}>
        <legend className="legend">{legend}</legend>
        {hint ? (
          <div id={`${name}-hint`} className="hint">
            {hint}
          </div>
        ) : null}
        <ErrorMessage name={name} error={messages.join(". ") || undefined} />
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
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
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
