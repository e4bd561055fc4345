// Downloads of the view on screen, with the same figures, licence and citation.
import { LICENCE_LINE } from "~/domain/licence";

export function DownloadLinks({ query }: { query: string }) {
  const suffix = query ? `?${query}` : "";
  return (
    <section className="section" aria-labelledby="downloads">
      <h2 id="downloads">Download these figures</h2>
      <ul>
        <li>
          <a href={`/outcomes/data.csv${suffix}`} download>
            CSV, one figure per row
          </a>
        </li>
        <li>
          <a href={`/outcomes/data.json${suffix}`} download>
            JSON, as the API gives them
          </a>
        </li>
        <li>
          <a href={`/outcomes/datapackage.json${suffix}`}>
            Data package (the CSV&rsquo;s columns, licence and citation)
          </a>
        </li>
      </ul>
      <p className="muted">
        Withheld figures are written as &ldquo;fewer than 5&rdquo;, &ldquo;fewer than 10&rdquo; or
        &ldquo;withheld&rdquo;, never as numbers. {LICENCE_LINE} The JSON and the data package carry a citation line.
      </p>
    </section>
  );
}
