import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Accessibility statement – Fifth Option" }];

export default function Accessibility() {
  return (
    <div className="prose">
      <h1>Accessibility statement</h1>
      <p>
        We want everyone to be able to use Fifth Option, including people who use a screen reader, a keyboard alone,
        speech recognition or screen magnification, and people who are tired or in a hurry.
      </p>
      <h2>What we aim for</h2>
      <ul>
        <li>Meeting the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.</li>
        <li>Every page and form works without JavaScript and with a keyboard alone.</li>
        <li>Zooming to 400% without losing content, and text that reflows on small screens.</li>
        <li>Charts come with a text summary and a table of the same figures.</li>
        <li>Plain English, short pages, and error messages that say how to fix the problem.</li>
      </ul>
      <h2>How we check</h2>
      <p>
        Every page type is tested automatically with axe-core in a real browser each time the site changes, and the main
        journeys are tested using only a keyboard.
      </p>
      <h2>Telling us about a problem</h2>
      <p>
        If something does not work for you, post a question tagged &ldquo;accessibility&rdquo; or ask a moderator. We
        aim to reply within 5 working days. If you are not happy with our answer you can contact the Equality Advisory
        and Support Service (EASS).
      </p>
    </div>
  );
}
