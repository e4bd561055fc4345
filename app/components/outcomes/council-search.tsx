// Finding a council in the table of every council: a plain GET form (a name to look for), so it
// works without JavaScript; with it, the table narrows as you type (the same address, replaced in
// the history, so Back leaves the page rather than stepping through every letter).
import { Form, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";

import { SubmitButton, TextField } from "../forms";

export function CouncilSearch({
  name,
  keep,
  status,
}: {
  /** The name looked for, as typed. */
  name: string;
  /** The page's other parameters (filters, nation, order, all), kept by the search. */
  keep: Record<string, string>;
  /** What the table shows, read out when it changes: "12 of 207 councils". */
  status: string;
}) {
  const submit = useSubmit();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <>
      <Form
        method="get"
        action="/outcomes#councils"
        className="filter-form council-search"
        role="search"
        aria-label="Find a council"
        preventScrollReset
        onChange={(event) => {
          const form = event.currentTarget;
          clearTimeout(timer.current);
          // A short pause, so that typing a name asks for it once rather than once a letter.
          timer.current = setTimeout(() => submit(form, { replace: true, preventScrollReset: true }), 250);
        }}
      >
        {Object.entries(keep).map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        <TextField
          name="find"
          label="Find a council"
          hint="Part of its name, for example Leeds or Ynys"
          type="search"
          autoComplete="off"
          spellCheck={false}
          defaultValue={name}
        />
        <SubmitButton secondary>Find</SubmitButton>
      </Form>
      <p className="council-search__status" role="status">
        {status}
      </p>
    </>
  );
}
