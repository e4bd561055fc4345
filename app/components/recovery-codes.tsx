export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <>
      <p>
        We do not have your email address, so these codes are the only way back into your account if you forget your
        password. Each code works once.
      </p>
      <p>
        <strong>Write them down or save them somewhere safe now. We will not show them again.</strong>
      </p>
      <ol className="codes" aria-label="Your recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
    </>
  );
}
