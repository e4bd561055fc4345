import { useEffect, useState } from "react";

export function RecoveryCodes({ codes }: { codes: string[] }) {
  // The Print button needs JavaScript, so it appears only once it can work.
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  return (
    <section className="recovery-codes" aria-labelledby="recovery-codes-heading">
      <p>
        We do not have your email address, so these codes are the only way back into your account if you forget your
        password. Each code works once.
      </p>
      <p>
        <strong>Write them down, download them or print them now. We will not show them again.</strong>
      </p>
      <h2 id="recovery-codes-heading">Your recovery codes</h2>
      <ol className="codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      {/* A plain form: the codes go back in hidden fields and return as a file, so this works
          without JavaScript and nothing on the server keeps them (decision 033). */}
      <form method="post" action="/recovery-codes.txt" className="codes-actions">
        {codes.map((code) => (
          <input key={code} type="hidden" name="code" value={code} />
        ))}
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            Download as a text file
          </button>
          {canPrint ? (
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              Print
            </button>
          ) : null}
        </div>
      </form>
      <p className="codes-actions">
        To print them, use your browser’s Print command (Ctrl+P, or ⌘P on a Mac): only the codes and these instructions
        are printed.
      </p>
    </section>
  );
}
