// The post's text, place, tags and byline fields, shared by the new-post form, the edit form (an
// author can change all of them after posting) and, for the text, the reply form.
import type { ReactNode } from "react";

import { CheckboxGroup, type FieldErrors, TextArea } from "~/components/forms";
import { TAGS_MAX } from "~/domain/posts/post-input";

const TAG_GROUP_LABELS = {
  topic: "Topics",
  support_arrangement: "Support arrangement",
  client_group: "Whose support it is",
  feeling: "How it left you feeling",
} as const;

export function TagFields({
  tags,
  chosen,
  errors,
}: {
  tags: { slug: string; label: string; group: string }[];
  chosen: string[];
  errors: FieldErrors;
}) {
  const groups = (Object.keys(TAG_GROUP_LABELS) as (keyof typeof TAG_GROUP_LABELS)[]).map((group) => ({
    group,
    options: tags.filter((t) => t.group === group).map((t) => ({ value: t.slug, label: t.label })),
  }));
  return (
    <div className={`form-group${errors["tag-topic"] ? " form-group--error" : ""}`}>
      <h2 className="legend">Tags (up to {TAGS_MAX})</h2>
      {groups.map(({ group, options }, index) => (
        <CheckboxGroup
          key={group}
          name="tags"
          idPrefix={`tag-${group}`}
          legend={TAG_GROUP_LABELS[group]}
          options={options}
          checked={chosen}
          error={index === 0 ? errors["tag-topic"] : undefined}
        />
      ))}
    </div>
  );
}

/** The fields of a form, carried as hidden inputs into a second form (findings, one-click byline). */
export function HiddenFields({
  values,
  lists = {},
  keys,
}: {
  values: Record<string, string | undefined>;
  lists?: Record<string, string[]>;
  keys: string[];
}) {
  return (
    <>
      {keys.map((key) => (
        <input key={key} type="hidden" name={key} value={values[key] ?? ""} />
      ))}
      {Object.entries(lists).flatMap(([name, items]) =>
        items.map((item) => <input key={`${name}-${item}`} type="hidden" name={name} value={item} />),
      )}
    </>
  );
}

/** The text of a post or a reply (field `body`), with what was typed and its error kept. */
export function BodyField({
  label,
  hint,
  rows,
  errors,
  values,
}: {
  label: string;
  hint: ReactNode;
  rows: number;
  errors: FieldErrors;
  values: Record<string, string | undefined>;
}) {
  return <TextArea name="body" label={label} hint={hint} error={errors.body} defaultValue={values.body} rows={rows} />;
}
