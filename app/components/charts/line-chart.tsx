// Net score over time (quarter by quarter) with its 95% interval as a shaded band, and optionally
// the same measure for a comparison (the region, the nation) as dashed lines. The line breaks at a
// withheld quarter rather than joining across it, and that quarter is hatched.
import { scaleLinear, scalePoint } from "d3-scale";
import { area, line } from "d3-shape";

import { type Figure, type NetScore } from "~/domain/outcomes/figures";

import {
  ChartFrame,
  type ChartTableData,
  Marker,
  type NetScoreAxis,
  NetScoreAxisLabel,
  useChartIds,
  type ChartText,
  type LegendItem,
} from "./chart-frame";
import { formatValue } from "./format";
import { BAR_COLOUR, GRID, INK, MUTED, seriesStyle } from "./palette";
import { BASELINE, LINE_HEIGHT, VIEW_WIDTH, round, textWidth, tickAnchor, wrapText } from "./layout";

export interface LinePoint {
  /** The period, e.g. "Apr to Jun 2025". */
  label: string;
  value: Figure<NetScore>;
}

export interface LineSeries {
  /** Names the series in the legend and the table ("Leeds", "Yorkshire and The Humber"). */
  name: string;
  points: LinePoint[];
}

export type LineChartProps = ChartText &
  NetScoreAxis & {
    /** The first series is drawn solid with its interval band; any others are compared against it. */
    series: LineSeries[];
  };

const TOP = 30;
const PLOT_HEIGHT = 180;
const RIGHT = 12;
/** Period labels wrap at this many characters: "Apr to Jun" over "2025". */
const PERIOD_LABEL_CHARACTERS = 10;

type ShownPoint = LinePoint & { value: { shown: true; value: NetScore } };

function isShown(point: LinePoint): point is ShownPoint {
  return point.value.shown;
}

// A gap in the table would read as a missing quarter; a page that forgot one should hear about it.
function pointAt(series: LineSeries, label: string): LinePoint {
  const point = series.points.find((candidate) => candidate.label === label);
  if (!point)
    throw new Error(
      `LineChart: series "${series.name}" has no point for "${label}"; every series must cover the same periods`,
    );
  return point;
}

export function LineChart(props: LineChartProps) {
  const ids = useChartIds();
  const [main] = props.series;
  const labels = [...new Set(props.series.flatMap((series) => series.points.map((point) => point.label)))];
  const aligned = props.series.map((series) => ({ series, points: labels.map((label) => pointAt(series, label)) }));

  const shownValues = aligned.flatMap(({ points }) => points.filter(isShown).map((point) => point.value.value));
  const y = scaleLinear()
    .domain(
      shownValues.length > 0
        ? [Math.min(0, ...shownValues.map((v) => v.low)), Math.max(0, ...shownValues.map((v) => v.high))]
        : [-100, 100],
    )
    .nice(5);
  const [low = -100, high = 100] = y.domain();
  y.domain([Math.max(-100, low), Math.min(100, high)]).range([TOP + PLOT_HEIGHT, TOP]);
  // Net scores are whole numbers: a tick at 2.5 would be written as a repeat of +3.
  const yTicks = y.ticks(5).filter((tick) => Number.isInteger(tick));
  const yTickLabels = yTicks.map((tick) => formatValue(tick, "score"));
  const left = Math.max(...yTickLabels.map((label) => textWidth(label))) + 8;

  const x = scalePoint<string>()
    .domain(labels)
    .range([left, VIEW_WIDTH - RIGHT])
    .padding(0.5);
  const step = x.step();
  const wrapped = labels.map((label) => wrapText(label, PERIOD_LABEL_CHARACTERS));
  const widestLabel = Math.max(0, ...wrapped.flat().map((text) => textWidth(text)));
  // Label every quarter that fits; the table names them all.
  const labelEvery = Math.max(1, Math.ceil((widestLabel + 10) / step));
  const labelLines = Math.max(1, ...wrapped.map((lines) => lines.length));
  const plotBottom = TOP + PLOT_HEIGHT;
  const height = plotBottom + 8 + labelLines * LINE_HEIGHT + 4;

  const xOf = (point: LinePoint) => x(point.label) ?? 0;
  const scoreLine = line<LinePoint>()
    .defined(isShown)
    .x(xOf)
    .y((point) => (point.value.shown ? y(point.value.value.score) : 0))
    .digits(2);
  const band = area<LinePoint>()
    .defined(isShown)
    .x(xOf)
    .y0((point) => (point.value.shown ? y(point.value.value.low) : 0))
    .y1((point) => (point.value.shown ? y(point.value.value.high) : 0))
    .digits(2);
  const bandEdge = (bound: "low" | "high") =>
    line<LinePoint>()
      .defined(isShown)
      .x(xOf)
      .y((point) => (point.value.shown ? y(point.value.value[bound]) : 0))
      .digits(2);

  const mainPoints = aligned[0]?.points ?? [];
  const withheldColumns = mainPoints.filter((point) => !point.value.shown);

  const legend: LegendItem[] = aligned.map(({ series }, index) => {
    const style = seriesStyle(index);
    return {
      label: series.name,
      swatch: { kind: "marker", colour: style.colour, marker: style.marker, line: { dash: style.dash } },
    };
  });
  if (main)
    legend.push({
      label: `Shaded band: 95% interval${props.series.length > 1 ? ` for ${main.name}` : ""}`,
      swatch: { kind: "band", colour: BAR_COLOUR },
    });
  if (withheldColumns.length > 0)
    legend.push({ label: `Hatched: ${main?.name ?? ""} not shown (see the table)`, swatch: { kind: "hatch" } });

  const table: ChartTableData = {
    columns: props.series.map((series) => series.name),
    rows: labels.map((label) => ({
      label,
      cells: props.series.map((series) => ({ kind: "score", figure: pointAt(series, label).value })),
    })),
  };

  return (
    <ChartFrame text={props} ids={ids} height={height} legend={legend} table={table}>
      <NetScoreAxisLabel x={0} label={props.axisLabel} />
      <g className="chart__grid">
        {yTicks.map((tick, index) => (
          <g key={tick}>
            <line
              x1={left}
              x2={VIEW_WIDTH}
              y1={round(y(tick))}
              y2={round(y(tick))}
              stroke={tick === 0 ? INK : GRID}
              strokeWidth={tick === 0 ? 1.5 : 1}
              className={tick === 0 ? "chart__zero" : undefined}
            />
            <text x={left - 6} y={round(y(tick) + 5.5)} textAnchor="end" fill={INK}>
              {yTickLabels[index]}
            </text>
          </g>
        ))}
      </g>
      {withheldColumns.map((point) => (
        <rect
          key={point.label}
          className="chart__gap"
          x={round(xOf(point) - Math.min(12, step * 0.35))}
          y={TOP}
          width={round(2 * Math.min(12, step * 0.35))}
          height={PLOT_HEIGHT}
          fill={`url(#${ids.hatch})`}
          stroke={MUTED}
        />
      ))}
      {mainPoints.length > 0 ? (
        <g className="chart__band">
          <path d={band(mainPoints) ?? ""} fill={BAR_COLOUR} fillOpacity="0.35" />
          <path d={bandEdge("low")(mainPoints) ?? ""} fill="none" stroke={BAR_COLOUR} />
          <path d={bandEdge("high")(mainPoints) ?? ""} fill="none" stroke={BAR_COLOUR} />
        </g>
      ) : null}
      {aligned.map(({ series, points }, index) => {
        const style = seriesStyle(index);
        return (
          <g key={series.name} className="chart__series" data-series={series.name}>
            <path
              className="chart__line"
              d={scoreLine(points) ?? ""}
              fill="none"
              stroke={style.colour}
              strokeWidth="2.5"
              strokeDasharray={style.dash}
            />
            {points.filter(isShown).map((point) => (
              <Marker
                key={point.label}
                shape={style.marker}
                x={xOf(point)}
                y={y(point.value.value.score)}
                colour={style.colour}
              />
            ))}
          </g>
        );
      })}
      <g className="chart__axis">
        {labels.map((label, index) => {
          const at = x(label) ?? 0;
          return (
            <g key={label}>
              <line x1={round(at)} x2={round(at)} y1={plotBottom} y2={plotBottom + 5} stroke={INK} />
              {index % labelEvery === 0 ? (
                <text fill={INK} textAnchor={tickAnchor(at, wrapped[index]?.[0] ?? label)}>
                  {(wrapped[index] ?? []).map((text, lineIndex) => (
                    <tspan key={lineIndex} x={round(at)} y={plotBottom + 8 + lineIndex * LINE_HEIGHT + BASELINE}>
                      {text}
                    </tspan>
                  ))}
                </text>
              ) : null}
            </g>
          );
        })}
      </g>
    </ChartFrame>
  );
}
