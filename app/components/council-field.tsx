import type { FieldErrors } from "./forms";

/**
 * Type-ahead council picker: a plain <datalist>, so it works without JavaScript and with screen
 * readers; the server accepts the council's name or GSS code and refuses anything else.
 */
export function CouncilField({
  label,
  hint,
  councils,
  defaultValue,
  errors,
  heading = false,
}: {
  label: string;
  hint: string;
  councils: string[];
  defaultValue?: string;
  errors: FieldErrors;
  /** The label is the page's question, so its heading. */
  heading?: boolean;
}) {
  const error = errors.council;
  const labelled = (
    <label className="label" htmlFor="council">
      {label}
    </label>
  );
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      {heading ? <h1 className="question-heading">{labelled}</h1> : labelled}
      <div id="council-hint" className="hint">
        {hint}
      </div>
      {error ? (
        <p id="council-error" className="error-message">
          <span className="visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input
        type="text"
        className={`input input--medium${error ? " input--error" : ""}`}
        id="council"
        name="council"
        list="council-list"
        autoComplete="off"
        defaultValue={defaultValue}
        aria-describedby={`council-hint${error ? " council-error" : ""}`}
      />
      <datalist id="council-list">
        {councils.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </div>
  );
}
