// Net scores side by side: one group per row (an outcome domain), one dot with its 95% interval per
// series (this council, its region, the nation) on a shared -100 to +100 axis. Each series has its
// own lane, marker shape and colour; a withheld score is written in its lane, never dotted.
import { scaleLinear } from "d3-scale";

import { type Figure, type NetScore } from "~/domain/outcomes/figures";

import {
  ChartFrame,
  GridLines,
  IntervalLine,
  Marker,
  TickLabels,
  useChartIds,
  type ChartText,
  type LegendItem,
} from "./chart-frame";
import { formatValue, withheldText } from "./format";
import { INK, MUTED, seriesStyle } from "./palette";
import { BASELINE, LINE_HEIGHT, VIEW_WIDTH, round, wrapText } from "./layout";

export interface DotSeries<K extends string> {
  key: K;
  /** Names the series in the legend and the table ("Leeds", "England"). */
  name: string;
}

export interface DotRow<K extends string> {
  label: string;
  values: Record<K, Figure<NetScore>>;
}

export type DotPlotProps<K extends string = string> = ChartText & {
  /** Heading of the table's first column ("Outcome"). */
  rowHeading: string;
  series: DotSeries<K>[];
  rows: DotRow<K>[];
  /** Written above the axis. Default "Net score (better minus worse)". */
  axisLabel?: string;
};

const TOP = 26;
const LANE = 20;
const ROW_GAP = 12;
const AXIS_HEIGHT = 26;
/** Room beside the axis: on the left for the marker that says which series a withheld score belongs to, and for centring the end ticks' labels. */
const SIDE = 24;

// Writing "withheld" for a score the page forgot to pass would misstate the data.
function valueOf<K extends string>(row: DotRow<K>, series: DotSeries<K>): Figure<NetScore> {
  const value = (row.values as Partial<Record<K, Figure<NetScore>>>)[series.key];
  if (!value) throw new Error(`DotPlot: row "${row.label}" has no value for series "${series.key}"`);
  return value;
}

export function DotPlot<K extends string>(props: DotPlotProps<K>) {
  const ids = useChartIds();
  const x = scaleLinear()
    .domain([-100, 100])
    .range([SIDE, VIEW_WIDTH - SIDE]);
  const ticks = [-100, -50, 0, 50, 100];
  const grid = ticks.map((tick) => ({ value: tick, x: x(tick) }));

  let top = TOP;
  const rows = props.rows.map((row) => {
    const lines = wrapText(row.label);
    const rowTop = top;
    const lanesTop = rowTop + lines.length * LINE_HEIGHT;
    top = lanesTop + props.series.length * LANE + ROW_GAP;
    return { row, lines, rowTop, lanesTop, values: props.series.map((series) => valueOf(row, series)) };
  });
  const plotBottom = top;

  const legend: LegendItem[] = props.series.map((series, index) => {
    const style = seriesStyle(index);
    return { label: series.name, swatch: { kind: "marker", colour: style.colour, marker: style.marker } };
  });
  legend.push({ label: "Line: 95% interval", swatch: { kind: "interval" } });

  return (
    <ChartFrame
      text={props}
      ids={ids}
      height={plotBottom + AXIS_HEIGHT}
      legend={legend}
      table={{
        rowHeading: props.rowHeading,
        columns: props.series.map((series) => series.name),
        rows: rows.map(({ row, values }) => ({
          label: row.label,
          cells: values.map((figure) => ({ kind: "score", figure })),
        })),
      }}
    >
      <text className="chart__axis-label" x={0} y={BASELINE} fill={INK}>
        {props.axisLabel ?? "Net score (better minus worse)"}
      </text>
      {rows.map(({ row, lines, rowTop, lanesTop, values }) => (
        <g key={row.label} className="chart__row">
          <GridLines xs={grid} strong={0} top={lanesTop} bottom={lanesTop + props.series.length * LANE} />
          <text className="chart__label" fill={INK}>
            {lines.map((line, index) => (
              <tspan key={index} x={0} y={rowTop + index * LINE_HEIGHT + BASELINE}>
                {line}
              </tspan>
            ))}
          </text>
          {values.map((figure, index) => {
            const style = seriesStyle(index);
            const centre = lanesTop + index * LANE + LANE / 2;
            if (!figure.shown) {
              return (
                <g key={index} className="chart__withheld-value">
                  <Marker shape={style.marker} x={8} y={centre} colour="#fff" outline={style.colour} />
                  <text className="chart__withheld" x={18} y={round(centre + 5.5)} fill={MUTED}>
                    {withheldText(figure)}
                  </text>
                </g>
              );
            }
            return (
              <g key={index} className="chart__dot">
                <IntervalLine x1={x(figure.value.low)} x2={x(figure.value.high)} y={centre} colour={style.colour} />
                <Marker shape={style.marker} x={x(figure.value.score)} y={centre} colour={style.colour} />
              </g>
            );
          })}
        </g>
      ))}
      <TickLabels ticks={ticks} x={x} y={plotBottom + BASELINE} format={(tick) => formatValue(tick, "score")} />
    </ChartFrame>
  );
}
