// The one plain data table (admin lists, keys, the audit log): a caption for screen readers, column
// headers, one row per item, scrolling in its own focusable box when it is wider than a phone.
import type { ReactNode } from "react";

import { PostButton } from "./post-button";
import { TableScroll } from "./table-scroll";

export interface Column<Row> {
  header: string;
  /** A header only screen readers hear, for a column of buttons. */
  hiddenHeader?: boolean;
  cell: (row: Row) => ReactNode;
}

export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  button,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Said instead of the table when there are no rows ("You have no keys."). */
  empty?: string;
  /**
   * A last column of one-button forms ("Remove", "Revoke"), its header heard only by screen
   * readers; `names` says which row each button acts on ("the key “Laptop”").
   */
  button?: { label: string; fields: (row: Row) => Record<string, string | number>; names: (row: Row) => string };
}) {
  if (rows.length === 0 && empty) return <p>{empty}</p>;
  if (button)
    columns = [
      ...columns,
      {
        header: button.label,
        hiddenHeader: true,
        cell: (row) => <PostButton fields={button.fields(row)} label={button.label} names={` ${button.names(row)}`} />,
      },
    ];
  return (
    <TableScroll label={caption}>
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column.header}>
                {column.hiddenHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.header}>{column.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
