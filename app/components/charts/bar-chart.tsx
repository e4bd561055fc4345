// Horizontal bars, one per answer or place: shares with their 95% interval drawn as a thin line, or
// plain numbers (counts, pence, hours). A withheld figure gets no bar, only its words.
import { scaleLinear } from "d3-scale";

import { shown, type Figure, type Share } from "~/domain/outcomes/figures";

import {
  ChartFrame,
  type ChartTableData,
  RowLabel,
  GridLines,
  IntervalLine,
  TickLabels,
  useChartIds,
  type ChartText,
  type LegendItem,
  type TableFigure,
} from "./chart-frame";
import { formatValue, withheldText, type NumberUnit } from "./format";
import { BAR_COLOUR, INK, MUTED } from "./palette";
import { BASELINE, LINE_HEIGHT, VIEW_WIDTH, round, textWidth, wrapText } from "./layout";

export interface ShareBar {
  label: string;
  value: Figure<Share>;
}

export interface NumberBar {
  label: string;
  value: Figure<number>;
}

export type BarChartProps = ChartText & {
  /** Heading of the table's value column. Default: "Share", "Reports", "Hourly rate" or "Hours". */
  valueHeading?: string;
} & ({ unit: "percent"; bars: ShareBar[] } | { unit: Exclude<NumberUnit, "percent" | "score">; bars: NumberBar[] });

const DEFAULT_VALUE_HEADING: Record<BarChartProps["unit"], string> = {
  percent: "Share",
  count: "Reports",
  pence: "Hourly rate",
  hours: "Hours",
};

const BAR_HEIGHT = 16;
const BAR_SLOT = 24;
const ROW_GAP = 10;
const AXIS_HEIGHT = 28;
const VALUE_GAP = 8;

interface Bar {
  label: string;
  figure: Figure<number>;
  interval: { low: number; high: number } | null;
  cell: TableFigure;
}

function barsOf(props: BarChartProps): Bar[] {
  if (props.unit === "percent") {
    return props.bars.map((bar) => ({
      label: bar.label,
      figure: bar.value.shown ? shown(bar.value.value.percent) : bar.value,
      interval: bar.value.shown ? { low: bar.value.value.low, high: bar.value.value.high } : null,
      cell: { kind: "share", figure: bar.value },
    }));
  }
  const unit = props.unit;
  return props.bars.map((bar) => ({
    label: bar.label,
    figure: bar.value,
    interval: null,
    cell: { kind: "number", figure: bar.value, unit },
  }));
}

export function BarChart(props: BarChartProps) {
  const ids = useChartIds();
  const { unit } = props;
  const bars = barsOf(props).map((bar) => ({ ...bar, lines: wrapText(bar.label), top: 0 }));
  let top = 0;
  for (const bar of bars) {
    bar.top = top;
    top += bar.lines.length * LINE_HEIGHT + BAR_SLOT + ROW_GAP;
  }
  const plotBottom = top;
  const height = plotBottom + AXIS_HEIGHT;

  const valueTexts = bars.map((bar) => (bar.figure.shown ? formatValue(bar.figure.value, unit) : ""));
  const valueColumn = Math.max(0, ...valueTexts.map((text) => textWidth(text))) + VALUE_GAP;
  const largest = Math.max(
    0,
    ...bars.map((bar) => (bar.figure.shown ? Math.max(bar.figure.value, bar.interval?.high ?? 0) : 0)),
  );
  const x = scaleLinear()
    .domain([0, unit === "percent" ? 100 : largest || 1])
    .range([0, VIEW_WIDTH - valueColumn]);
  if (unit !== "percent") x.nice(4);
  // Counts, percents and pence come whole: a tick at 0.5 would be written as a repeat of 1.
  const ticks = x.ticks(unit === "percent" ? 4 : 3).filter((tick) => unit === "hours" || Number.isInteger(tick));
  const grid = ticks.map((tick) => ({ value: tick, x: x(tick) }));

  const legend: LegendItem[] = [];
  if (bars.some((bar) => bar.interval)) legend.push({ label: "Thin line: 95% interval", swatch: { kind: "interval" } });

  const table: ChartTableData = {
    columns: [props.valueHeading ?? DEFAULT_VALUE_HEADING[unit]],
    rows: bars.map((bar) => ({ label: bar.label, cells: [bar.cell] })),
  };

  return (
    <ChartFrame text={props} ids={ids} height={height} legend={legend} table={table}>
      {bars.map((bar, index) => {
        const barTop = bar.top + bar.lines.length * LINE_HEIGHT + (BAR_SLOT - BAR_HEIGHT) / 2;
        const middle = barTop + BAR_HEIGHT / 2;
        return (
          <g key={bar.label} className="chart__row">
            <GridLines xs={grid} strong={0} top={barTop - 4} bottom={barTop + BAR_HEIGHT + 4} />
            <RowLabel lines={bar.lines} top={bar.top} />
            {bar.figure.shown ? (
              <>
                <rect
                  className="chart__bar"
                  x={0}
                  y={round(barTop)}
                  width={round(x(bar.figure.value) - x(0))}
                  height={BAR_HEIGHT}
                  fill={BAR_COLOUR}
                />
                {bar.interval ? (
                  <IntervalLine x1={x(bar.interval.low)} x2={x(bar.interval.high)} y={middle} colour={INK} />
                ) : null}
                <text className="chart__value" x={VIEW_WIDTH} y={round(middle + 5.5)} textAnchor="end" fill={INK}>
                  {valueTexts[index]}
                </text>
              </>
            ) : (
              <text className="chart__withheld" x={6} y={round(middle + 5.5)} fill={MUTED}>
                {withheldText(bar.figure)}
              </text>
            )}
          </g>
        );
      })}
      <TickLabels ticks={ticks} x={x} y={plotBottom + BASELINE + 4} format={(tick) => formatValue(tick, unit)} />
    </ChartFrame>
  );
}
