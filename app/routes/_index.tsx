import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

// Four ways in, one for each kind of reader: a few words and the links most useful to them.
import HOME_PATHS from "~/components/home-paths.json";
import { CouncilFinder } from "~/components/council-finder";
import { StoryList } from "~/components/story-list";
import { FeedLinks, feedMeta, SearchForm } from "~/components/story-search";
import { NO_NAMES, NO_SEARCH, type StorySearch, storySearchQuery } from "~/domain/posts/story-search";
import { getUser } from "~/server/accounts/guards.server";
import { publicOrigin } from "~/server/process/env.server";
import { feedLinks } from "~/server/posts/feeds.server";
import { allInWordsAtStart, allInWords } from "~/domain/posts/bounded-counts";
import { searchStories } from "~/server/posts/search.server";
import { listCouncils } from "~/server/reference/reference.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: "Fifth Option: stories about social care, told safely" },
  ...feedMeta(data?.feeds ?? []),
];

const UNANSWERED_QUESTIONS: StorySearch = { ...NO_SEARCH, kind: ["question"], unanswered: ["1"] };
const PRACTICE_NOTES: StorySearch = { ...NO_SEARCH, kind: ["practice_note"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, newest, unanswered, notes, councils] = await Promise.all([
    getUser(request),
    searchStories(NO_SEARCH, { perPage: 5 }),
    searchStories(UNANSWERED_QUESTIONS, { perPage: 5 }),
    searchStories(PRACTICE_NOTES, { perPage: 3 }),
    listCouncils(),
  ]);
  return {
    signedIn: user !== null,
    newest: newest.stories,
    total: newest.total,
    unanswered: unanswered.stories,
    unansweredTotal: unanswered.total,
    notes: notes.stories,
    councils: councils.map((council) => council.name),
    feeds: feedLinks(publicOrigin(), NO_SEARCH, NO_NAMES),
  };
}

const NEW_STORY = "/stories/new";

export default function Home() {
  const { signedIn, newest, total, unanswered, unansweredTotal, notes, councils, feeds } =
    useLoaderData<typeof loader>();
  const shareLink = signedIn ? NEW_STORY : `/join?redirectTo=${encodeURIComponent(NEW_STORY)}`;
  return (
    <>
      <h1>Tell the truth about social care, safely</h1>
      <p className="lead">
        Carers, disabled people and the people who plan support share what really happened with personal budgets, direct
        payments and support plans, so the next person can find their fifth option.
      </p>
      <p>Every story is anonymous by default. Nothing here tells your council who you are.</p>

      <div className="home-finders">
        <section aria-labelledby="search-heading">
          <h2 id="search-heading">Search the stories</h2>
          <SearchForm values={{}} errors={{}} />
        </section>
        <section aria-labelledby="council-heading">
          <h2 id="council-heading">Find your council</h2>
          <CouncilFinder councils={councils} />
        </section>
      </div>

      <aside className="help-block" aria-labelledby="help-now-heading">
        <h2 id="help-now-heading">Need help now?</h2>
        <p>
          If someone is in danger, call <a href="tel:999">999</a>. If you are struggling, Samaritans answer any time on{" "}
          <a href="tel:116123">116&nbsp;123</a>. If caring has broken down,{" "}
          <Link to="/help">see who to call today</Link>: carers&apos;, dementia, older people&apos;s and domestic abuse
          helplines, and what the council has to do.
        </p>
      </aside>

      <section aria-labelledby="share-heading" className="share-block">
        <h2 id="share-heading">Share your story</h2>
        <p>
          Tell it your way, or answer three short questions. Before anything is published you see exactly how it will
          look, and anything that could identify someone is pointed out so you can take it out.
        </p>
        <p>
          <Link to={shareLink} className="button">
            Share your story
          </Link>
        </p>
        {signedIn ? null : (
          <p>
            You will need a made-up name and a password: no email address, no real name. Already a member?{" "}
            <Link to={`/sign-in?redirectTo=${encodeURIComponent(NEW_STORY)}`}>Sign in to share your story</Link>.
          </p>
        )}
      </section>

      <section aria-labelledby="paths-heading">
        <h2 id="paths-heading">Where to start</h2>
        <div className="paths">
          {HOME_PATHS.map((path) => (
            <section key={path.id} aria-labelledby={path.id} className="path">
              <h3 id={path.id}>{path.heading}</h3>
              <p>{path.text}</p>
              <ul>
                {path.links.map((link) => (
                  <li key={link.to}>
                    <Link to={link.to}>{link.label}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </section>

      <section aria-labelledby="newest-heading">
        <h2 id="newest-heading">Newest stories</h2>
        {newest.length === 0 ? (
          <p>No stories have been published yet.</p>
        ) : (
          <>
            <StoryList posts={newest} />
            <p>
              <Link to="/stories">Read and search {allInWords(total, "story", "stories")}</Link>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="unanswered-heading">
        <h2 id="unanswered-heading">Questions waiting for an answer</h2>
        {unanswered.length === 0 ? (
          <p>Every question has had a reply. Thank you to everyone who answered.</p>
        ) : (
          <>
            <p>If you know something that could help, a short reply can make someone&apos;s week.</p>
            <StoryList posts={unanswered} />
            <p>
              <Link to={`/stories${storySearchQuery(UNANSWERED_QUESTIONS)}`}>
                {allInWordsAtStart(unansweredTotal, "question", "questions")} with no reply yet
              </Link>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">Recent practice notes</h2>
        {notes.length === 0 ? (
          <p>No practice notes have been published yet.</p>
        ) : (
          <>
            <StoryList posts={notes} />
            <p>
              <Link to="/stories?kind=practice_note">All practice notes</Link>
            </p>
          </>
        )}
      </section>
      <FeedLinks feeds={feeds} />
    </>
  );
}
