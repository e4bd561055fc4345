// Net scores side by side: one group per row (an outcome domain), one dot with its 95% interval per
// series (this council, its region, the nation) on a shared -100 to +100 axis. Each series has its
// own lane, marker shape and colour; a withheld score is written in its lane, never dotted. On a
// phone each label sits above its row; on a wide screen a second drawing puts them beside the dots.
import { scaleLinear } from "d3-scale";
import { type ReactNode } from "react";

import { type Figure, type NetScore } from "~/domain/outcomes/figures";

import {
  ChartFrame,
  type ChartTableData,
  RowLabel,
  GridLines,
  IntervalLine,
  Marker,
  type NetScoreAxis,
  NetScoreAxisLabel,
  TickLabels,
  useChartIds,
  type ChartText,
  type LegendItem,
} from "./chart-frame";
import { formatValue, withheldText } from "./format";
import { MUTED, seriesStyle } from "./palette";
import {
  BASELINE,
  CHARACTERS_PER_LINE,
  LINE_HEIGHT,
  VIEW_WIDTH,
  WIDE_VIEW_WIDTH,
  round,
  textWidth,
  wrapText,
} from "./layout";

export interface DotSeries<K extends string> {
  key: K;
  /** Names the series in the legend and the table ("Leeds", "England"). */
  name: string;
}

export interface DotRow<K extends string> {
  label: string;
  values: Record<K, Figure<NetScore>>;
}

export type DotPlotProps<K extends string = string> = ChartText &
  NetScoreAxis & {
    series: DotSeries<K>[];
    rows: DotRow<K>[];
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

/** Where the row labels go: above each row's lanes (narrow), or in a column to their left (wide). */
interface DotLayout {
  width: number;
  /** Width of the label column; 0 puts each label above its row. */
  labelColumn: number;
}

const NARROW: DotLayout = { width: VIEW_WIDTH, labelColumn: 0 };
const WIDE: DotLayout = { width: WIDE_VIEW_WIDTH, labelColumn: 260 };

export function DotPlot<K extends string>(props: DotPlotProps<K>) {
  const ids = useChartIds();
  const values = props.rows.map((row) => props.series.map((series) => valueOf(row, series)));
  const narrow = drawDots(props, values, NARROW);
  const wide = drawDots(props, values, WIDE);

  const legend: LegendItem[] = props.series.map((series, index) => {
    const style = seriesStyle(index);
    return { label: series.name, swatch: { kind: "marker", colour: style.colour, marker: style.marker } };
  });
  legend.push({ label: "Line: 95% interval", swatch: { kind: "interval" } });

  const table: ChartTableData = {
    columns: props.series.map((series) => series.name),
    rows: props.rows.map((row, index) => ({
      label: row.label,
      cells: (values[index] ?? []).map((figure) => ({ kind: "score", figure })),
    })),
  };

  return (
    <ChartFrame text={props} ids={ids} height={narrow.height} wide={wide} legend={legend} table={table}>
      {narrow.content}
    </ChartFrame>
  );
}

/** The drawing in one layout: its height and its marks. */
function drawDots<K extends string>(
  props: DotPlotProps<K>,
  values: Figure<NetScore>[][],
  layout: DotLayout,
): { height: number; content: ReactNode } {
  const x = scaleLinear()
    .domain([-100, 100])
    .range([layout.labelColumn + SIDE, layout.width - SIDE]);
  const ticks = [-100, -50, 0, 50, 100];
  const grid = ticks.map((tick) => ({ value: tick, x: x(tick) }));
  const lanes = props.series.length * LANE;
  // Beside the dots a label wraps within its column; above them, across the whole drawing.
  const characters = layout.labelColumn ? Math.floor((layout.labelColumn - 8) / textWidth("x")) : CHARACTERS_PER_LINE;

  let top = TOP;
  const rows = props.rows.map((row, index) => {
    const lines = wrapText(row.label, characters);
    const rowTop = top;
    const labelHeight = lines.length * LINE_HEIGHT;
    const lanesTop = layout.labelColumn ? rowTop : rowTop + labelHeight;
    top = (layout.labelColumn ? rowTop + Math.max(labelHeight, lanes) : lanesTop + lanes) + ROW_GAP;
    return { row, lines, rowTop, lanesTop, values: values[index] ?? [] };
  });
  const plotBottom = top;

  const content = (
    <>
      <NetScoreAxisLabel x={layout.labelColumn} label={props.axisLabel} />
      {rows.map(({ row, lines, rowTop, lanesTop, values: rowValues }) => (
        <g key={row.label} className="chart__row">
          <GridLines xs={grid} strong={0} top={lanesTop} bottom={lanesTop + lanes} />
          <RowLabel lines={lines} top={rowTop} />
          {rowValues.map((figure, index) => {
            const style = seriesStyle(index);
            const centre = lanesTop + index * LANE + LANE / 2;
            if (!figure.shown) {
              return (
                <g key={index} className="chart__withheld-value">
                  <Marker
                    shape={style.marker}
                    x={layout.labelColumn + 8}
                    y={centre}
                    colour="#fff"
                    outline={style.colour}
                  />
                  <text className="chart__withheld" x={layout.labelColumn + 18} y={round(centre + 5.5)} fill={MUTED}>
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
      <TickLabels
        ticks={ticks}
        x={x}
        y={plotBottom + BASELINE}
        format={(tick) => formatValue(tick, "score")}
        width={layout.width}
      />
    </>
  );
  return { height: plotBottom + AXIS_HEIGHT, content };
}
