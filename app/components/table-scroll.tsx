// A data table wider than a phone scrolls sideways inside this named region rather than the whole
// page (data tables are exempt from reflow, WCAG 1.4.10), as the charts' tables do
// (charts/chart-frame.tsx). The box takes focus so that it can be scrolled from the keyboard; it is
// a named group, not a landmark, so it never repeats the name of the section around it.
import type { ReactNode } from "react";

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/**
 * A data table with a visible caption and one header row, scrolling in its own box named `label`
 * (by default the caption). The header row is the `columns` headings, or `headCells` the page draws
 * itself (headings that sort). The children are the body's rows.
 */
export function ScrollingTable({
  label,
  caption,
  kind,
  children,
  ...head
}: {
  label?: string;
  caption: string;
  /** Classes after "data" ("council-table"). */
  kind?: string;
  children: ReactNode;
} & ({ columns: readonly string[] } | { headCells: ReactNode })) {
  const cells =
    "columns" in head
      ? head.columns.map((column, i) => (
          <th key={i} scope="col">
            {column}
          </th>
        ))
      : head.headCells;
  return (
    <TableScroll label={label ?? caption}>
      <table className={kind ? `data ${kind}` : "data"}>
        <caption>{caption}</caption>
        <thead>
          <tr>{cells}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
