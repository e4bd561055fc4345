import { Link } from "@remix-run/react";
import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Privacy – Fifth Option" }];

export default function Privacy() {
  return (
    <div className="prose">
      <h1>Privacy</h1>
      <p>Fifth Option is built so that we hold as little about you as possible.</p>
      <h2>What we keep</h2>
      <ul>
        <li>The name you choose to post under, which must not be your real name.</li>
        <li>Your password, stored only as a one-way hash (argon2id).</li>
        <li>
          Your perspective (for example &ldquo;carer&rdquo;), which is shown on anonymous posts only: a post under your
          name shows your name alone.
        </li>
        <li>
          What you post, and the experience reports you give. If you name a council you can choose to show only its
          region or only the nation: the council is then kept for you to change, but readers do not see it anywhere, not
          in searches, feeds, downloads or the API.
        </li>
        <li>A sign-in session, so you stay signed in; you can end every session at any time.</li>
      </ul>
      <h2>What we never keep</h2>
      <ul>
        <li>Your email address or real name: we never ask for them.</li>
        <li>
          Your IP address. To slow down attacks we count requests using a scrambled version of it that changes every day
          and cannot be turned back into the address.
        </li>
      </ul>
      <h2>What we never show</h2>
      <ul>
        <li>
          When you posted, beyond the month and year: not on pages, in feeds, downloads, the API, page links or headers.
          We keep the time for moderation and for your own data download only.
        </li>
        <li>
          Anything that ties an anonymous post to you: post and reply numbers are random, posts within a month are
          listed in an order that says nothing about when they were written, and a member&apos;s public page shows only
          what they posted under their name (and does not exist otherwise).
        </li>
        <li>
          Details that could identify someone, unless you chose to keep them: every text you write, edits included, is
          checked before it is published, and you can replace what is found in one click.
        </li>
      </ul>
      <h2>Your control</h2>
      <p>
        You can download everything you have written, and you can delete your account. When you delete it you choose
        whether your posts are deleted too or kept with no link to you.
      </p>
      <h2>Numbers we publish</h2>
      <p>
        Figures built from experience reports never describe fewer than 5 people. Every count is changed slightly by a
        fixed rule (the cell key method, as used for the 2021 Census) and rounded to 5, and every percentage is worked
        out from those protected counts, so neither subtracting one view from another nor working a percentage backwards
        can single out a small group or one person&apos;s answers.{" "}
        <Link to="/outcomes/about-the-data#protecting-people">How we protect the figures</Link>.
      </p>
    </div>
  );
}
