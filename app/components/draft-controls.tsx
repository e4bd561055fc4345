// "Save draft" inside a form, and with JavaScript a quiet autosave: after about 20 seconds of
// typing, and when the form or the page is left. Without JavaScript the button is a second submit button
// (intent=draft) that the form's own action handles (docs/peer-support.md, "Drafts").
import { useEffect, useRef, useState } from "react";

const AUTOSAVE_AFTER_MS = 20_000;

// The draft each form (known by its one-time submission key) was last autosaved as on this page, so
// a form drawn again (the report's next step, a preview) goes on saving the same draft.
const savedAs = new Map<string, number>();

export function DraftControls({
  draftKind,
  draftId,
  postId,
  saved = false,
}: {
  draftKind: "story" | "reply" | "report";
  draftId: string | number | null | undefined;
  /** The story a reply answers. */
  postId?: number;
  /** The draft was just saved (the page came back from "Save draft"). */
  saved?: boolean;
}) {
  const idField = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState(saved ? "Draft saved." : "");

  useEffect(() => {
    const form = idField.current?.form;
    if (!form || typeof window.fetch !== "function") return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let dirty = false;
    let saving = false;
    const formKey = () => {
      const field = form.elements.namedItem("submissionKey");
      return field instanceof HTMLInputElement ? field.value : "";
    };
    const remembered = savedAs.get(formKey());
    if (idField.current && !idField.current.value && remembered) idField.current.value = String(remembered);

    const payload = () => {
      const body = new URLSearchParams();
      for (const [key, value] of new FormData(form)) {
        if (typeof value === "string" && key !== "intent") body.append(key, value);
      }
      return body;
    };
    // keepalive lets the last save finish when the page is being left.
    const save = async (keepalive = false) => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (!dirty || saving) return;
      saving = true;
      dirty = false;
      try {
        const response = await fetch("/drafts/save", {
          method: "POST",
          body: payload(),
          credentials: "same-origin",
          keepalive,
        });
        if (response.redirected) {
          // Sent to the sign-in page: the session has ended.
          setStatus("You have been signed out, so your draft could not be saved. Copy your text before you leave.");
          return;
        }
        const answer = (await response.json().catch(() => ({}))) as { draftId?: number | null; message?: string };
        if (response.ok && answer.draftId) {
          if (idField.current) idField.current.value = String(answer.draftId);
          if (formKey()) savedAs.set(formKey(), answer.draftId);
        }
        if (answer.message) setStatus(answer.message);
        if (!response.ok) dirty = true;
      } catch {
        dirty = true;
        setStatus("Your draft could not be saved just now. Your text is still here.");
      } finally {
        saving = false;
      }
    };
    const changed = () => {
      dirty = true;
      timer ??= setTimeout(() => void save(), AUTOSAVE_AFTER_MS);
    };
    // Sending the form (preview, publish or "Save draft") is the form's own business from here.
    const submitted = () => {
      dirty = false;
      if (timer) clearTimeout(timer);
      timer = null;
    };
    const leaving = () => {
      if (dirty) void save(true);
    };
    const hidden = () => {
      if (document.visibilityState === "hidden") leaving();
    };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", submitted);
    window.addEventListener("pagehide", leaving);
    document.addEventListener("visibilitychange", hidden);
    return () => {
      form.removeEventListener("input", changed);
      form.removeEventListener("change", changed);
      form.removeEventListener("submit", submitted);
      window.removeEventListener("pagehide", leaving);
      document.removeEventListener("visibilitychange", hidden);
      // Leaving the form by a link inside the site: what was typed since the last save is kept.
      leaving();
    };
  }, []);

  return (
    <>
      <input type="hidden" name="draftKind" value={draftKind} />
      {postId ? <input type="hidden" name="draftPostId" value={postId} /> : null}
      <input ref={idField} type="hidden" name="draftId" defaultValue={draftId ? String(draftId) : ""} />
      <p className="draft-status" aria-live="polite">
        {status}
      </p>
    </>
  );
}

/** The "Save draft" button: a second submit button, so it works without JavaScript. */
export function SaveDraftButton({ label = "Save draft" }: { label?: string }) {
  return (
    <button type="submit" name="intent" value="draft" className="button button--secondary">
      {label}
    </button>
  );
}
