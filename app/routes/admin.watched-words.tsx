import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { DataTable } from "~/components/data-table";
import {
  ErrorSummary,
  type FieldErrors,
  fieldsOf,
  IntentForm,
  RadioGroup,
  SuccessNotice,
  TextArea,
  TextField,
} from "~/components/forms";
import { applyWatchedWords, patternProblem, type WatchedAction } from "~/domain/moderation/watched-words";
import { recordAction } from "~/server/moderation/audit.server";
import { requirePermission } from "~/server/accounts/guards.server";
import { readForm, formFailure } from "~/server/http/forms.server";
import { addWatchedWord, listWatchedWords, removeWatchedWord } from "~/server/moderation/watched-words.server";

export const meta: MetaFunction = () => [{ title: "Watched words – Admin – Fifth Option" }];

const ACTIONS = [
  { value: "block", label: "Block", hint: "The text is refused with a message; nothing is saved." },
  { value: "hold", label: "Hold for review", hint: "Saved, but waits for a moderator whoever wrote it." },
  { value: "flag", label: "Flag", hint: "Published as usual and reported to the moderators." },
  { value: "replace", label: "Replace", hint: "Swapped for the replacement below before saving." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:settings");
  return { words: await listWatchedWords() };
}

const addSchema = z.object({
  pattern: z.string(),
  action: z.enum(["block", "hold", "flag", "replace"], { errorMap: () => ({ message: "Choose what should happen" }) }),
  replacement: z.string().trim().max(100, "Keep the replacement to 100 characters or fewer").optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "admin:settings");
  const values = await readForm(request);
  const words = await listWatchedWords();
  if (values.intent === "test") {
    const result = applyWatchedWords(
      values.sample ?? "",
      words.map((w) => ({ ...w, action: w.action as WatchedAction })),
    );
    return data({ errors: {} as FieldErrors, values, test: result, done: null });
  }
  if (values.intent === "remove") {
    const id = z.coerce.number().int().positive().safeParse(values.id);
    const word = words.find((w) => id.success && w.id === id.data);
    if (word) {
      await removeWatchedWord(word.id);
      await recordAction({
        actor: admin,
        action: "watched_word.remove",
        targetType: "watched_word",
        targetId: word.pattern,
        before: { action: word.action },
      });
    }
    return data({
      errors: {} as FieldErrors,
      values: {},
      test: null,
      done: word ? `“${word.pattern}” removed.` : null,
    });
  }
  const parsed = addSchema.safeParse(values);
  const errors: FieldErrors = {};
  const problem = patternProblem(values.pattern ?? "");
  if (problem) errors.pattern = problem;
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  if (parsed.success && parsed.data.action === "replace" && !parsed.data.replacement)
    errors.replacement = "Enter what to replace it with";
  if (!parsed.success || Object.keys(errors).length > 0)
    return formFailure(errors, values, { extra: { test: null, done: null } });
  await addWatchedWord({
    pattern: parsed.data.pattern,
    action: parsed.data.action,
    replacement: parsed.data.replacement || null,
  });
  await recordAction({
    actor: admin,
    action: "watched_word.add",
    targetType: "watched_word",
    targetId: parsed.data.pattern.trim().toLowerCase(),
    after: { action: parsed.data.action, replacement: parsed.data.replacement || null },
  });
  return data({ errors: {} as FieldErrors, values: {}, test: null, done: `“${parsed.data.pattern.trim()}” added.` });
}

export default function WatchedWords() {
  const { words } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  const field = fieldsOf(errors, values);
  return (
    <>
      <ErrorSummary errors={errors} />
      {result?.done ? <SuccessNotice>{result.done}</SuccessNotice> : null}
      <h1>Watched words</h1>
      <p>Checked on every post, reply, experience report comment and name. Use * for any letters, for example scam*.</p>
      <DataTable
        caption="Watched words and what they do"
        rows={words}
        rowKey={(word) => word.id}
        empty="No watched words yet."
        columns={[
          { header: "Word or phrase", cell: (word) => word.pattern },
          { header: "What happens", cell: (word) => word.action },
          { header: "Replacement", cell: (word) => word.replacement ?? "" },
        ]}
        button={{
          label: "Remove",
          fields: (word) => ({ intent: "remove", id: word.id }),
          names: (word) => word.pattern,
        }}
      />
      <IntentForm intent="add" heading="Add a watched word" submit="Add">
        <TextField {...field("pattern")} label="Word or phrase" width="medium" />
        <RadioGroup {...field("action")} legend="What should happen?" options={ACTIONS} />
        <TextField {...field("replacement")} label="Replacement (only for Replace)" width="medium" />
      </IntentForm>
      <IntentForm
        intent="test"
        heading="Try some text"
        submit="Check it"
        secondary
        after={
          result?.test ? (
            <div className="notice" role="status">
              {result.test.matched.length === 0 ? (
                <p>No watched words found: it would be saved as usual.</p>
              ) : (
                <>
                  <p>
                    {result.test.blockedBy
                      ? `It would be refused because of “${result.test.blockedBy}”.`
                      : result.test.hold
                        ? "It would be held for a moderator."
                        : result.test.flag
                          ? "It would be published and reported to the moderators."
                          : "It would be published with replacements."}
                  </p>
                  <p>Matched: {result.test.matched.map((m) => `${m.pattern} (${m.action})`).join(", ")}</p>
                  <p>Text after replacements: {result.test.text}</p>
                </>
              )}
            </div>
          ) : null
        }
      >
        <TextArea name="sample" label="Sample text" defaultValue={values.sample} rows={4} />
      </IntentForm>
    </>
  );
}
