// Collections' shared pieces (docs/collections.md): the curator's title-and-introduction form,
// used to start a collection and to edit one, and an author's answer to whether their story may
// be included, shown on the consent page, the story's page and through settings.
import { Form, useSearchParams } from "@remix-run/react";

import { FindingsPanel, type ShownFinding } from "~/components/findings";
import { SubmitButton, SuccessNotice, TextArea, TextField, type FieldErrors } from "~/components/forms";
import { type ConsentRequest, consentStateForAuthor } from "~/domain/collections/collections";

const TEXT_KEYS = ["title", "intro", "version"] as const;
const INTRO_HINT =
  "Markdown. Say what the stories have in common and why they were gathered. Leave out names and anything else that could identify someone.";
const CHECK_PANEL = {
  heading: "This may contain something that could identify someone",
  fieldNames: { title: "the title", intro: "the introduction" },
  keep: { name: "keep", value: "1", label: "Keep it and save" },
};

/** Title and introduction, with the identifying-details check's findings above when there are any. */
export function CollectionTextForm({
  values,
  errors,
  findings,
  submitLabel,
  intent,
}: {
  values: Partial<Record<string, string>>;
  errors: FieldErrors;
  findings: ShownFinding[];
  submitLabel: string;
  intent: string;
}) {
  const field = (name: "title" | "intro") => ({ name, error: errors[name], defaultValue: values[name] });
  return (
    <>
      {findings.length > 0 ? (
        <Form method="post" replace>
          <input type="hidden" name="intent" value={intent} />
          {TEXT_KEYS.map((key) =>
            values[key] !== undefined ? <input key={key} type="hidden" name={key} value={values[key]} /> : null,
          )}
          <FindingsPanel {...CHECK_PANEL} findings={findings} />
        </Form>
      ) : null}
      <Form method="post" noValidate key={`${values.title ?? ""}|${values.intro ?? ""}`}>
        <input type="hidden" name="intent" value={intent} />
        {values.version !== undefined ? <input type="hidden" name="version" value={values.version} /> : null}
        <TextField {...field("title")} label="Title" hint="For example: Reviews and cuts, 2026" />
        <TextArea {...field("intro")} label="Introduction" hint={INTRO_HINT} rows={8} />
        <SubmitButton>{submitLabel}</SubmitButton>
      </Form>
    </>
  );
}

/** The story to add to a collection: its number or its address. */
export function StoryField({ label, error, defaultValue }: { label: string; error?: string; defaultValue?: string }) {
  const hint = "Its number or address, such as /stories/123. Only published stories can be added.";
  return <TextField name="story" label={label} hint={hint} error={error} defaultValue={defaultValue} width="medium" />;
}

/** One question to an author: what it is about, their answer so far, and buttons to change it. */
export function ConsentChoices({ requests, redirectTo }: { requests: ConsentRequest[]; redirectTo: string }) {
  return (
    <ul className="consent-list">
      {requests.map((request) => {
        const about = `“${request.postTitle}” in “${request.collectionTitle}”`;
        return (
          <li
            key={`${request.collectionId}-${request.postId}`}
            id={`consent-${request.collectionId}-${request.postId}`}
          >
            <p>
              May your story <strong>“{request.postTitle}”</strong> be included in the collection{" "}
              {request.collectionPublished ? (
                <a href={`/collections/${request.collectionSlug}`}>{request.collectionTitle}</a>
              ) : (
                <strong>{request.collectionTitle}</strong>
              )}
              ? It would be shown with the same byline and month as on its own page, and printed in the collection’s
              booklet.
            </p>
            <p>{consentStateForAuthor(request.consent)}</p>
            <Form method="post" action="/collections/consent" className="button-row">
              <input type="hidden" name="collection" value={request.collectionId} />
              <input type="hidden" name="story" value={request.postId} />
              <input type="hidden" name="redirectTo" value={redirectTo} />
              {request.consent !== "agreed" ? (
                <button type="submit" name="answer" value="agreed" className="button">
                  Yes, include it<span className="visually-hidden">: {about}</span>
                </button>
              ) : null}
              {request.consent !== "declined" ? (
                <button type="submit" name="answer" value="declined" className="button button--secondary">
                  {request.consent === "agreed" ? "Withdraw it" : "No, leave it out"}
                  <span className="visually-hidden">: {about}</span>
                </button>
              ) : null}
            </Form>
          </li>
        );
      })}
    </ul>
  );
}

/** What the author just answered, after the consent form sent them back (?answered=…). */
export function ConsentAnswered() {
  const [searchParams] = useSearchParams();
  const answered = searchParams.get("answered");
  if (answered !== "agreed" && answered !== "declined") return null;
  return (
    <SuccessNotice>
      {answered === "agreed"
        ? "Thank you: your story is included. You can withdraw it at any time."
        : "Your story is not included in that collection."}
    </SuccessNotice>
  );
}
