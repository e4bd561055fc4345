// A form that is one button ("Stop following", "Revoke", "Restore"): it posts its hidden fields
// (what to do and to which item) and works without JavaScript. The words after the label are for
// screen readers, so each of several such buttons on a page says which item it acts on.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function PostButton({
  fields,
  label,
  names = "",
  look = "button",
  action,
}: {
  fields: Record<string, string | number>;
  label: string;
  names?: string;
  /** A secondary button, or a button that looks like a link in running text. */
  look?: "button" | "link";
  action?: string;
}) {
  return (
    <Form method="post" action={action} className={look === "link" ? "inline-form" : undefined}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={look === "link" ? "link-button link-button--dark" : "button button--secondary"}>
        {label}
        {names ? <span className="visually-hidden">{names}</span> : null}
      </button>
    </Form>
  );
}

/**
 * A folded list of one-button forms, one for each item of a page's list ("Stop following",
 * "Unsave"): each button names its item for screen readers, and `note` follows the title.
 */
export function RemoveButtons({
  summary,
  label,
  intent,
  items,
}: {
  summary: string;
  label: string;
  intent: string;
  items: { id: number; title: string; note?: string }[];
}) {
  return (
    <details>
      <summary>{summary}</summary>
      <ul className="choice-list">
        {items.map((item) => (
          <li key={item.id}>
            <PostButton look="link" fields={{ intent, post: item.id }} label={label} names={` “${item.title}”`} />{" "}
            {item.title}
            {item.note ?? ""}
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The second step of removing one of your own things (a draft, a report), under the question
 * (`children`): a warning button that posts `fields` (the intent and the item's id), its `names`
 * heard only by screen readers, and a link back to `keep`, which keeps it.
 */
export function ConfirmRemoval({
  fields,
  confirm,
  names,
  keep,
  children,
}: {
  fields: Record<string, string | number>;
  confirm: string;
  names: ReactNode;
  keep: string;
  children: ReactNode;
}) {
  return (
    <div className="notice">
      {children}
      <Form method="post" className="button-row">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" className="button button--warning">
          {confirm}
          <span className="visually-hidden">{names}</span>
        </button>
        <Link to={keep}>Keep it</Link>
      </Form>
    </div>
  );
}
