// What every chart shares: a <figure> with a visible title and summary, the drawing (one SVG image
// named by that title and summary), an HTML legend, and a data table holding every number drawn,
// so the chart works with a screen reader, when printed and with no JavaScript at all.
import { useId, type ReactNode } from "react";

import { type Figure, type NetScore, type Share } from "~/domain/outcomes/figures";

import { formatFigure, formatInterval, type NumberUnit } from "./format";
import { GRID, INK, MUTED, type MarkerShape } from "./palette";
import {
  BASELINE,
  FONT_SIZE,
  LINE_HEIGHT,
  VIEW_MARGIN,
  VIEW_WIDTH,
  WIDE_VIEW_WIDTH,
  round,
  tickAnchor,
} from "./layout";

/** The words every chart needs from the page that shows it. */
export interface ChartText {
  /** Shown as the chart's heading, and names the image and (by default) the table. */
  title: string;
  /** One or two sentences saying what the chart shows; written by the page, which knows the context. */
  summary: string;
  /** Heading of the table's first column, naming what the rows are ("Outcome", "Place", "Quarter"). */
  rowHeading: string;
  /** The heading level that fits the page's outline. Default 3. */
  headingLevel?: 2 | 3 | 4;
  /** The table's caption. Default: the title. */
  tableCaption?: string;
  /** The stories behind the figures (same place, period and filters), linked under the chart. */
  stories?: { href: string; text: string } | null;
}

export interface ChartIds {
  title: string;
  summary: string;
  hatch: string;
  tableCaption: string;
}

export function useChartIds(): ChartIds {
  // useId gives ":R1:"; colons are legal in ids but awkward inside url(#...) references.
  const base = `chart-${useId().replace(/:/g, "")}`;
  return { title: `${base}-title`, summary: `${base}-summary`, hatch: `${base}-hatch`, tableCaption: `${base}-table` };
}

export type LegendSwatch =
  | { kind: "fill"; colour: string }
  | { kind: "hatch" }
  /** With `line`, the series' line (and its dash pattern) runs through the marker. */
  | { kind: "marker"; colour: string; marker: MarkerShape; line?: { dash: string | undefined } }
  | { kind: "interval" }
  | { kind: "band"; colour: string };

export interface LegendItem {
  label: string;
  swatch: LegendSwatch;
}

export function ChartFrame({
  text,
  ids,
  height,
  legend,
  table,
  children,
  wide,
}: {
  text: ChartText;
  ids: ChartIds;
  /** Height of the drawing in viewBox units (its width is always VIEW_WIDTH). */
  height: number;
  legend: LegendItem[];
  table: ChartTableData;
  children: ReactNode;
  /**
   * The same drawing laid out across WIDE_VIEW_WIDTH (labels beside the marks), shown instead on
   * a wide screen, where the narrow one would use half the page. Only one is ever displayed, so
   * a screen reader meets one image.
   */
  wide?: { height: number; content: ReactNode };
}) {
  // A table of one or two value columns fits beside the drawing on a wide screen; a wider one goes below.
  // A chart with a wide drawing takes the page's width there, with its table below.
  const tableBeside = table.columns.length <= 2 && !wide;
  const tableElement = (
    <ChartTable
      caption={text.tableCaption ?? text.title}
      captionId={ids.tableCaption}
      rowHeading={text.rowHeading}
      {...table}
    />
  );
  const Heading = `h${text.headingLevel ?? 3}` as const;
  return (
    <figure className={`chart${tableBeside ? " chart--table-beside" : ""}${wide ? " chart--wide" : ""}`}>
      <figcaption className="chart__caption">
        <Heading id={ids.title} className="chart__title">
          {text.title}
        </Heading>
        <p id={ids.summary} className="chart__summary">
          {text.summary}
        </p>
      </figcaption>
      <div className="chart__body">
        <div className="chart__graphic">
          {legend.length > 0 ? (
            <ul className="chart__legend">
              {legend.map((item) => (
                <li key={item.label} className="chart__legend-item">
                  <Swatch swatch={item.swatch} hatchId={ids.hatch} />
                  {item.label}
                </li>
              ))}
            </ul>
          ) : null}
          <Drawing ids={ids} width={VIEW_WIDTH} height={height} className={wide ? "chart__svg--narrow" : undefined}>
            {children}
          </Drawing>
          {wide ? (
            <Drawing
              ids={{ ...ids, hatch: `${ids.hatch}-wide` }}
              width={WIDE_VIEW_WIDTH}
              height={wide.height}
              className="chart__svg--wide"
            >
              {wide.content}
            </Drawing>
          ) : null}
        </div>
        <div className="chart__data">
          {tableBeside ? (
            tableElement
          ) : (
            // A table of many columns can be wider than a phone. It scrolls sideways inside this
            // named region rather than the whole page (data tables are exempt from reflow, WCAG
            // 1.4.10), and the region takes focus so that it can be scrolled from the keyboard: the
            // documented pattern for scrollable regions, which this lint rule does not know about.
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
            <section className="chart__table-scroll" aria-labelledby={ids.tableCaption} tabIndex={0}>
              {tableElement}
            </section>
          )}
        </div>
      </div>
      {text.stories ? (
        <p className="chart__stories">
          <a href={text.stories.href}>{text.stories.text}</a>
        </p>
      ) : null}
    </figure>
  );
}

/** One SVG image of the chart, named by its title and summary, `width` by `height` units inside a margin. */
function Drawing({
  ids,
  width,
  height,
  className,
  children,
}: {
  ids: ChartIds;
  width: number;
  height: number;
  className?: string;
  children: ReactNode;
}) {
  return (
    <svg
      className={`chart__svg${className ? ` ${className}` : ""}`}
      viewBox={`${-VIEW_MARGIN} ${-VIEW_MARGIN} ${width + 2 * VIEW_MARGIN} ${round(height + 2 * VIEW_MARGIN)}`}
      role="img"
      aria-labelledby={`${ids.title} ${ids.summary}`}
      focusable="false"
      fontSize={FONT_SIZE}
    >
      <defs>
        <pattern id={ids.hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke={MUTED} strokeWidth="2" />
        </pattern>
      </defs>
      {children}
    </svg>
  );
}

function Swatch({ swatch, hatchId }: { swatch: LegendSwatch; hatchId: string }) {
  return (
    <svg className="chart__swatch" viewBox="0 0 28 16" width="28" height="16" aria-hidden="true" focusable="false">
      {swatch.kind === "fill" ? <rect x="2" y="1" width="24" height="14" fill={swatch.colour} /> : null}
      {swatch.kind === "hatch" ? (
        <rect x="2.5" y="1.5" width="23" height="13" fill={`url(#${hatchId})`} stroke={MUTED} />
      ) : null}
      {swatch.kind === "band" ? (
        <rect x="2" y="3" width="24" height="10" fill={swatch.colour} fillOpacity="0.35" stroke={swatch.colour} />
      ) : null}
      {swatch.kind === "interval" ? <IntervalLine x1={3} x2={25} y={8} colour="currentColor" /> : null}
      {swatch.kind === "marker" ? (
        <>
          {swatch.line ? (
            <line
              x1="1"
              x2="27"
              y1="8"
              y2="8"
              stroke={swatch.colour}
              strokeWidth="2.5"
              strokeDasharray={swatch.line.dash}
            />
          ) : null}
          <Marker shape={swatch.marker} x={14} y={8} colour={swatch.colour} />
        </>
      ) : null}
    </svg>
  );
}

/**
 * Vertical grid lines for one row, drawn only beside its bars (not through its label), with the
 * line at `strong` (zero, or the axis start) darker.
 */
export function GridLines({
  xs,
  strong,
  top,
  bottom,
}: {
  xs: { value: number; x: number }[];
  strong: number;
  top: number;
  bottom: number;
}) {
  return (
    <g className="chart__grid">
      {xs.map(({ value, x }) => (
        <line
          key={value}
          className={value === strong ? "chart__zero" : undefined}
          x1={round(x)}
          x2={round(x)}
          y1={round(top)}
          y2={round(bottom)}
          stroke={value === strong ? INK : GRID}
          strokeWidth={value === strong ? 1.5 : 1}
        />
      ))}
    </g>
  );
}

/** The value axis under a horizontal chart: a label at each tick, the end ones kept inside the drawing. */
export function TickLabels({
  ticks,
  x,
  y,
  format,
  width = VIEW_WIDTH,
}: {
  ticks: number[];
  x: (value: number) => number;
  y: number;
  format: (tick: number) => string;
  /** The drawing's width, which the end labels keep inside. */
  width?: number;
}) {
  return (
    <g className="chart__axis">
      {ticks.map((tick) => {
        const label = format(tick);
        return (
          <text key={tick} x={round(x(tick))} y={y} textAnchor={tickAnchor(x(tick), label, width)} fill={INK}>
            {label}
          </text>
        );
      })}
    </g>
  );
}

/** A 95% interval: a thin line with short end caps. */
export function IntervalLine({ x1, x2, y, colour }: { x1: number; x2: number; y: number; colour: string }) {
  return (
    <g className="chart__interval-line" stroke={colour} strokeWidth="1.5">
      <line x1={round(x1)} x2={round(x2)} y1={round(y)} y2={round(y)} />
      <line x1={round(x1)} x2={round(x1)} y1={round(y - 5)} y2={round(y + 5)} />
      <line x1={round(x2)} x2={round(x2)} y1={round(y - 5)} y2={round(y + 5)} />
    </g>
  );
}

/** A series marker; shapes differ so that series are told apart without colour. */
export function Marker({
  shape,
  x,
  y,
  colour,
  outline = "#fff",
}: {
  shape: MarkerShape;
  x: number;
  y: number;
  colour: string;
  outline?: string;
}) {
  const common = {
    fill: colour,
    stroke: outline,
    strokeWidth: 1.5,
    className: `chart__marker chart__marker--${shape}`,
  };
  const r = 5.5;
  switch (shape) {
    case "circle":
      return <circle cx={round(x)} cy={round(y)} r={r} {...common} />;
    case "square":
      return <rect x={round(x - r)} y={round(y - r)} width={2 * r} height={2 * r} {...common} />;
    case "diamond":
      return (
        <path
          d={`M${round(x)},${round(y - r - 1.5)}L${round(x + r + 1.5)},${round(y)}L${round(x)},${round(y + r + 1.5)}L${round(x - r - 1.5)},${round(y)}Z`}
          {...common}
        />
      );
    case "triangle":
      return (
        <path
          d={`M${round(x)},${round(y - r - 1)}L${round(x + r + 1)},${round(y + r)}L${round(x - r - 1)},${round(y + r)}Z`}
          {...common}
        />
      );
  }
}

/** One cell of a chart's table: a share, net score or plain number. */
export type TableFigure =
  | { kind: "share"; figure: Figure<Share> }
  | { kind: "score"; figure: Figure<NetScore> }
  | { kind: "number"; figure: Figure<number>; unit: NumberUnit };

export interface TableRow {
  label: string;
  cells: TableFigure[];
}

export interface ChartTableData {
  /** Headings of the value columns. */
  columns: string[];
  rows: TableRow[];
}

/** The numbers behind a chart: every value, its 95% interval, and the words for withheld ones. */
function ChartTable({
  caption,
  captionId,
  rowHeading,
  columns,
  rows,
}: ChartTableData & { caption: string; captionId: string; rowHeading: string }) {
  const hasIntervals = rows.some((row) =>
    row.cells.some((cell) => (cell.kind === "share" || cell.kind === "score") && cell.figure.shown),
  );
  return (
    <table className="data chart__table">
      <caption className="chart__table-caption">
        <span id={captionId}>{caption}</span>
        {hasIntervals ? <span className="chart__table-note">Under each figure: its 95% interval.</span> : null}
      </caption>
      <thead>
        <tr>
          <th scope="col">{rowHeading}</th>
          {columns.map((column) => (
            <th key={column} scope="col" className="chart__number">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            {row.cells.map((cell, index) => (
              <td key={columns[index] ?? index} className="chart__number">
                <FigureText cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FigureText({ cell }: { cell: TableFigure }) {
  if (!cell.figure.shown) {
    return (
      <span className="chart__withheld">
        {cell.kind === "number" ? formatFigure(cell.figure, cell.unit) : formatFigure(cell.figure)}
      </span>
    );
  }
  if (cell.kind === "number") return <>{formatFigure(cell.figure, cell.unit)}</>;
  return (
    <>
      {formatFigure(cell.figure)}
      <span className="chart__interval">
        <span className="visually-hidden">95% interval: </span>
        {formatInterval(cell.figure)}
      </span>
    </>
  );
}

/** What a chart of net scores (a line chart, a dot plot) may be told about its axis. */
export interface NetScoreAxis {
  /** Written above the axis. Default "Net score (better minus worse)". */
  axisLabel?: string;
}

/** The words above a net-score axis, starting at `x`. */
export function NetScoreAxisLabel({ x, label }: { x: number; label: string | undefined }) {
  return (
    <text className="chart__axis-label" x={x} y={BASELINE} fill={INK}>
      {label ?? "Net score (better minus worse)"}
    </text>
  );
}

/** A row's label at the left of a drawing, one <tspan> a wrapped line, its first baseline below `top`. */
export function RowLabel({ lines, top }: { lines: readonly string[]; top: number }) {
  return (
    <text className="chart__label" fill={INK}>
      {lines.map((line, index) => (
        <tspan key={index} x={0} y={top + index * LINE_HEIGHT + BASELINE}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
