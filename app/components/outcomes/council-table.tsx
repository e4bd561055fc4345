// The table of councils: reports, quality of life and self-led plans, each council linking to its
// own page. Sorting is done by the page (links in the column headings), so it works without JavaScript.
// Plain links: a region's dashboard draws this table outside Remix's router (dashboard-markup.server.tsx).
import { formatFigure, formatInterval } from "~/components/charts";
import type { PlaceRow, PlaceSort } from "~/domain/outcomes/places";

import { ScrollingTable } from "../table-scroll";

export interface SortLinks {
  current: PlaceSort;
  descending: boolean;
  /** The address that sorts by a column (toggling the order when it is the current one). */
  href: (column: PlaceSort) => string;
}

const COLUMNS: { key: PlaceSort; label: string }[] = [
  { key: "name", label: "Council" },
  { key: "reports", label: "Reports" },
  { key: "quality", label: "Quality of life, net score (95% interval)" },
  { key: "selfled", label: "Self-led plans (95% interval)" },
];

export function CouncilTable({ councils, caption, sort }: { councils: PlaceRow[]; caption: string; sort?: SortLinks }) {
  const headCells = COLUMNS.map((column) => {
    const active = sort?.current === column.key;
    return (
      <th scope="col" key={column.key} aria-sort={active ? (sort.descending ? "descending" : "ascending") : undefined}>
        {sort ? (
          <a href={sort.href(column.key)}>
            {column.label}
            <span className="visually-hidden">
              {active
                ? `, sorted ${sort.descending ? "highest first" : "lowest first"}; select to reverse`
                : ", select to sort"}
            </span>
          </a>
        ) : (
          column.label
        )}
      </th>
    );
  });
  return (
    <ScrollingTable caption={caption} kind="council-table" headCells={headCells}>
      {councils.map((council) => (
        <tr key={council.code}>
          <th scope="row">
            <a href={`/outcomes/${council.code}`}>{council.name}</a>
          </th>
          <td>{formatFigure(council.reports, "count")}</td>
          <td>
            {formatFigure(council.qualityOfLife)}
            {council.qualityOfLife.shown ? (
              <span className="muted"> ({formatInterval(council.qualityOfLife)})</span>
            ) : null}
          </td>
          <td>
            {formatFigure(council.selfLed)}
            {council.selfLed.shown ? <span className="muted"> ({formatInterval(council.selfLed)})</span> : null}
          </td>
        </tr>
      ))}
    </ScrollingTable>
  );
}
