import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { TableScroll } from "~/components/table-scroll";
import { MAX_ACTIVE_API_KEYS } from "~/domain/api/api-keys";
import { apiGuide, codeSpans } from "~/domain/api/guide";
import { PROBLEM_TYPES } from "~/domain/api/problems";
import { RATE_LIMIT_POLICIES } from "~/domain/api/rate-limits";
import { publicOrigin } from "~/server/process/env.server";

export const meta: MetaFunction = () => [{ title: "The API: stories as data – Fifth Option" }];

export async function loader() {
  return { origin: publicOrigin(), endpoints: apiGuide() };
}

/** "/stories/{id}" → "endpoint-stories-id". */
function anchor(path: string) {
  return `endpoint${path.replace(/[^a-z]+/g, "-")}`.replace(/-$/, "");
}

/** Text from the OpenAPI document, its `code` spans shown as code. */
function WithCode({ text }: { text: string }) {
  return <>{codeSpans(text).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : part.text))}</>;
}

export default function AboutApi() {
  const { origin, endpoints } = useLoaderData<typeof loader>();
  const base = `${origin}/api/v1`;
  return (
    <div className="prose">
      <h1>The API: stories as data</h1>
      <p>
        Researchers, journalists and commissioners can read every published story, and the councils and tags they are
        filed under, as JSON. It is the same information the site shows, and nothing more: no names, and dates to the
        month only.
      </p>
      <p>
        The full description, for people and for tools, is the <a href={`${base}/openapi.json`}>OpenAPI document</a>{" "}
        (OpenAPI 3.1).
      </p>

      <h2>What you can ask for</h2>
      <p>
        Every endpoint, read from the OpenAPI document itself, with an example you can paste into a terminal. Stories,
        councils and tags are lists; outcomes are the <Link to="/outcomes">dashboard&rsquo;s</Link> figures.
      </p>
      {endpoints.map((endpoint) => (
        <section key={endpoint.path} aria-labelledby={anchor(endpoint.path)}>
          <h3 id={anchor(endpoint.path)}>
            <code>GET /api/v1{endpoint.path}</code>: {endpoint.summary}
          </h3>
          {endpoint.description ? (
            <p>
              <WithCode text={endpoint.description} />
            </p>
          ) : null}
          {endpoint.parameters.length > 0 ? (
            <TableScroll label={`Parameters of ${endpoint.path}`}>
              <table className="data">
                <caption>Parameters</caption>
                <thead>
                  <tr>
                    {["Name", "Takes", "Meaning"].map((heading) => (
                      <th key={heading} scope="col">
                        {heading}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {endpoint.parameters.map((parameter) => (
                    <tr key={parameter.name}>
                      <th scope="row">
                        <code>{parameter.name}</code>
                        {parameter.where === "path" ? " (in the path)" : null}
                      </th>
                      <td>{parameter.takes}</td>
                      <td>
                        <WithCode text={parameter.description} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
          <pre className="example">
            <code>curl &apos;{base + endpoint.example}&apos;</code>
          </pre>
        </section>
      ))}
      <p>
        Each page ends with <code>next</code>: fetch <code>next.url</code> for the following page until{" "}
        <code>next</code> is <code>null</code>. Pages never shift when new stories are published while you read. A
        parameter we do not know, or a value we cannot use, is refused with a message naming it, so a misspelt filter
        never quietly returns everything.
      </p>

      <h2>Limits</h2>
      <ul>
        <li>
          Without a key: {RATE_LIMIT_POLICIES.anonymous.quota} requests a minute from each client. We never store your
          address; limits count a scrambled form of it that changes every day.
        </li>
        <li>
          With a key: {RATE_LIMIT_POLICIES.key.quota} requests a minute for each researcher, whichever of their keys
          they use.
        </li>
      </ul>
      <p>
        Every answer says where you stand, in the <code>RateLimit-Policy</code> and <code>RateLimit</code> headers (for
        example <code>&quot;anonymous&quot;;r=42;t=17</code>: 42 requests left, the count starts again in 17 seconds).
        Over the limit, you get a 429 with a <code>Retry-After</code> header: wait that many seconds.
      </p>

      <h2>Keys</h2>
      <p>
        Members with the researcher role can create keys on the <Link to="/settings/api-keys">API keys page</Link> of
        their account: up to {MAX_ACTIVE_API_KEYS}, each with a label. A key is shown once, when you create it; we keep
        only a scrambled form of it. Send it as a header:
      </p>
      <pre className="example">
        <code>Authorization: Bearer fo_…</code>
      </pre>
      <p>
        A revoked or mistyped key is refused with a 401; it never falls back to the lower limit without telling you. If
        you are a researcher and do not have the role, <Link to="/settings/researcher">ask the admins for it</Link> (you
        need to be signed in).
      </p>

      <h2>Licence and how to cite</h2>
      <p>
        Stories are shared under the{" "}
        <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">
          Creative Commons Attribution 4.0 licence (CC BY 4.0)
        </a>
        : you may quote, analyse and republish them if you credit Fifth Option. Cite each story with its title, its{" "}
        <code>url</code> and the month you read it, for example:
      </p>
      <blockquote>
        <p>
          Fifth Option (year published) “Title of the story”. Available at: {origin}/stories/123 (Accessed: month and
          year).
        </p>
      </blockquote>
      <p>
        Every answer names its licence in a <code>Link</code> header (<code>rel=&quot;license&quot;</code>). The stories
        and outcomes answers also give <code>citation</code> (a ready-made citation of what you asked for) and{" "}
        <code>datapackage</code>: the <a href="https://datapackage.org/">Frictionless Data Package</a> of the same
        search as a CSV download, with each column&rsquo;s type and meaning, the licence and the citation. The CSV
        downloads themselves are plain tables with a header row, so spreadsheets and pandas open them as they are.
      </p>
      <p>
        Please do not try to work out who wrote a story, and do not combine stories with other data to that end. The
        council list is derived from mySociety&apos;s &ldquo;UK local authority names and codes&rdquo; (CC BY 4.0).
      </p>

      <h2>Errors</h2>
      <p>
        Errors are problem details (RFC 9457, <code>application/problem+json</code>) with a <code>type</code>, a{" "}
        <code>title</code>, the <code>status</code> and a <code>detail</code> in plain words. A 400 also lists{" "}
        <code>errors</code>: each parameter refused and why. The <code>type</code> links to one of these:
      </p>
      <dl>
        {Object.entries(PROBLEM_TYPES).map(([kind, problem]) => (
          <div key={kind} id={`problem-${kind}`}>
            <dt>
              {problem.status} {problem.title}
            </dt>
            <dd>{problem.explanation}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
