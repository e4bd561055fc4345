import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  LiveReload,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";

import { LinksNav } from "./components/links-nav";
import { useNonce } from "./components/nonce";
import { getSession, getUser, renewedSessionHeaders } from "./server/accounts/guards.server";
import stylesheet from "./styles/app.css";
import SITE_LINKS from "~/components/site-links.json";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ error }) => [
  {
    title: !error
      ? "Fifth Option: stories about social care, told safely"
      : isRouteErrorResponse(error) && error.status === 404
        ? "Page not found – Fifth Option"
        : isRouteErrorResponse(error) && error.status === 503
          ? "Service unavailable – Fifth Option"
          : isRouteErrorResponse(error) && error.status < 500
            ? "We could not do that – Fifth Option"
            : "Sorry, something went wrong – Fifth Option",
  },
  {
    name: "description",
    content:
      "Carers, disabled people and support planners share what really happened with personal budgets and support.",
  },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // A request refused before it reached a route (app/server/http/edge.server.ts) gets a page with no
  // scripts: its address is not a page the browser could load again.
  const hydrate = !context.refusal;
  try {
    const user = await getUser(request);
    // The unread count comes with the session (one query; the lookup is shared by the request's loaders).
    const unread = user ? ((await getSession(request))?.unread ?? 0) : 0;
    return data(
      { user: user ? { handle: user.handle, role: user.role, unread } : null, hydrate },
      // Sliding expiry: when the session was renewed, the browser gets the cookie again.
      { headers: await renewedSessionHeaders(request) },
    );
  } catch (error) {
    // The header must not take the whole page down with it during a database outage: the page
    // below decides what it can still show (a refused form keeps its text).
    if (error instanceof Response && error.status === 503) return data({ user: null, hydrate });
    throw error;
  }
}

const NAVIGATION = [
  { to: "/", label: "Home", end: true },
  { to: "/stories", label: "Stories", end: false },
  { to: "/outcomes", label: "Outcomes", end: false },
  { to: "/about", label: "About", end: false },
];

const { staff: STAFF_NAVIGATION, member: MEMBER_NAVIGATION, footer: FOOTER_LINKS } = SITE_LINKS;

/**
 * Whether a route's page is sent without scripts: its `handle.scripts(data)` says false. Asked only
 * while rendering on the server: a page that arrived with scripts keeps them (and the scroll
 * restoration that moves to the top of the next page) when it navigates to such a route.
 */
function sendsNoScripts(match: { handle: unknown; data: unknown }): boolean {
  const { handle } = match;
  if (typeof document !== "undefined" || typeof handle !== "object" || handle === null || !("scripts" in handle))
    return false;
  return typeof handle.scripts === "function" && handle.scripts(match.data) === false;
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  // Undefined while showing an error page whose cause was the root loader itself.
  const rootData = useRouteLoaderData<typeof loader>("root");
  const user = rootData?.user ?? null;
  // A page whose route's `handle.scripts(data)` says false is a document with nothing to hydrate
  // (an outcomes dashboard, drawn once as HTML: dashboard-markup.server.tsx).
  const matches = useMatches();
  const hydrate = rootData?.hydrate !== false && !matches.some(sendsNoScripts);
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        <header className="site-header">
          <div className="width site-header__inner">
            <Link to="/" className="site-name">
              Fifth Option
            </Link>
            {/* Help in a crisis, one tap from every page, before anything else in the header. */}
            <Link to="/help" className="help-now">
              Get help now
            </Link>
            <nav aria-label="Main">
              <ul className="nav-list">
                {NAVIGATION.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
                {STAFF_NAVIGATION.filter((item) => user && item.roles.includes(user.role)).map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to}>{item.label}</NavLink>
                  </li>
                ))}
                {user ? (
                  <>
                    {MEMBER_NAVIGATION.map((item) => (
                      <li key={item.to}>
                        <NavLink to={item.to} end>
                          {item.label}
                        </NavLink>
                      </li>
                    ))}
                    <li>
                      <NavLink to="/notifications">
                        Notifications
                        {user.unread > 0 ? (
                          <span className="count">
                            {" "}
                            ({user.unread}
                            <span className="visually-hidden"> unread</span>)
                          </span>
                        ) : null}
                      </NavLink>
                    </li>
                    <li>
                      <NavLink to="/settings">
                        Your account<span className="visually-hidden"> ({user.handle})</span>
                      </NavLink>
                    </li>
                    <li>
                      <Form method="post" action="/sign-out" className="inline-form">
                        <button type="submit" className="link-button">
                          Sign out
                        </button>
                      </Form>
                    </li>
                  </>
                ) : (
                  <>
                    <li>
                      <NavLink to="/sign-in">Sign in</NavLink>
                    </li>
                    <li>
                      <NavLink to="/join">Join</NavLink>
                    </li>
                  </>
                )}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="width main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="width">
            <LinksNav label="Site information" listClassName="footer-list" links={FOOTER_LINKS} />
            <p className="footer-note">
              Council reference data: mySociety, CC BY 4.0. If you are in danger now, call <a href="tel:999">999</a>.
            </p>
          </div>
        </footer>
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
            {/* Only in a development build (npm run dev): reloads the page when a file changes. */}
            <LiveReload nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** The typed text of a form that could not be read (app/server/http/forms.server.ts), when any. */
function typedValues(data: unknown): [string, string][] {
  if (!data || typeof data !== "object" || !("values" in data) || !data.values || typeof data.values !== "object")
    return [];
  return Object.entries(data.values).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== "",
  );
}

// Never shows an error's message, stack or source: only what is written here, or the text a
// route chose to answer with (a string, or { message } from forms.server.ts).
export function ErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  let title = "Sorry, something went wrong";
  let message = "We could not show this page. Please try again in a few minutes.";
  let typed: [string, string][] = [];
  let backToForm = false;
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = "Page not found";
      message = "The page you were looking for is not here. It may have been moved or removed.";
    } else if (error.status === 503) {
      title = "Sorry, the service is unavailable";
      message =
        "We are having trouble reaching our database. Nothing you have already posted has been lost. Please try again in a few minutes.";
    } else if (error.status < 500) {
      title = "We could not do that";
      const data: unknown = error.data;
      if (typeof data === "string" && data) message = data;
      else if (data && typeof data === "object" && "message" in data && typeof data.message === "string")
        message = data.message;
      typed = typedValues(data);
      backToForm = Boolean(data && typeof data === "object" && "message" in data);
    }
  }
  return (
    <>
      <h1>{title}</h1>
      <p>{message}</p>
      {typed.length > 0 ? (
        <div className="typed-text">
          <h2>What you typed</h2>
          {typed.map(([name, value], index) => (
            <div className="form-group" key={name}>
              <label className="label" htmlFor={`typed-${index}`}>
                {name}
              </label>
              <textarea
                className="textarea"
                id={`typed-${index}`}
                readOnly
                defaultValue={value}
                rows={Math.min(12, value.split("\n").length + 1)}
              />
            </div>
          ))}
        </div>
      ) : null}
      {backToForm ? (
        <p>
          <Link to={`${location.pathname}${location.search}`} reloadDocument>
            Go back to the form
          </Link>
        </p>
      ) : null}
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </>
  );
}
