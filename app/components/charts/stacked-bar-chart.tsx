// Rows of shares that add up to 100%: how each outcome domain's answers divide between the five
// ratings, or the same question for this council, its region and the nation. Optionally diverging:
// the neutral answer centred on zero, answers before it to the left and answers after it to the right.
//
// A withheld share is never drawn at a guessed size. A plain stack draws the known segments from
// each end up to the first withheld one and hatches the region between, whose size is known; a
// diverging row draws outward from the centre up to the first withheld share on each side. Either
// way the row says in words which answers are not shown.
import { scaleLinear } from "d3-scale";

import { WITHHELD_TEXT, type Figure, type Share, type WithheldReason } from "~/domain/outcomes/figures";

import {
  ChartFrame,
  type ChartTableData,
  RowLabel,
  GridLines,
  TickLabels,
  useChartIds,
  type ChartText,
  type LegendItem,
} from "./chart-frame";
import { formatValue } from "./format";
import { categoryColour, divergingColour, DIVERGING_COLOURS, MUTED } from "./palette";
import { BASELINE, LINE_HEIGHT, VIEW_WIDTH, round, wrapText } from "./layout";

export interface StackSegment {
  /** Stable key of the answer ("a_bit_better"): segments with the same key share a colour. */
  key: string;
  label: string;
  value: Figure<Share>;
}

export interface StackRow {
  label: string;
  /** In drawing order, left to right; every row lists the same answers in the same order. */
  segments: StackSegment[];
}

export type StackedBarChartProps = ChartText & {
  rows: StackRow[];
  /**
   * Centre the segment with this key on zero (the "same" of a better/worse scale), drawing the
   * segments listed before it to the left and those after it to the right.
   */
  divergeAround?: string;
};

const BAR_HEIGHT = 24;
const ROW_GAP = 14;
const AXIS_HEIGHT = 28;

interface DrawnSegment {
  key: string;
  from: number;
  to: number;
}

interface RowLayout {
  segments: DrawnSegment[];
  /** The span whose make-up is not known, hatched (plain stacks only). */
  gap: { from: number; to: number } | null;
}

/** Plain stack on 0..100: known segments from the left up to the first withheld one, and from the right back to the last. */
export function layoutStack(segments: readonly StackSegment[]): RowLayout {
  const firstWithheld = segments.findIndex((segment) => !segment.value.shown);
  if (firstWithheld === -1) return { segments: placeFrom(0, segments, 1), gap: null };
  const lastWithheld = segments.findLastIndex((segment) => !segment.value.shown);
  const fromLeft = placeFrom(0, segments.slice(0, firstWithheld), 1);
  const fromRight = placeFrom(100, segments.slice(lastWithheld + 1).reverse(), -1);
  const gapFrom = fromLeft.at(-1)?.to ?? 0;
  const gapTo = fromRight.at(-1)?.from ?? 100;
  return { segments: [...fromLeft, ...fromRight], gap: gapTo > gapFrom ? { from: gapFrom, to: gapTo } : null };
}

/** Diverging stack on -100..100 around the centre segment; nothing can be placed when the centre is withheld. */
export function layoutDiverging(segments: readonly StackSegment[], centreKey: string): RowLayout {
  const centreIndex = segments.findIndex((segment) => segment.key === centreKey);
  const centre = segments[centreIndex];
  if (!centre?.value.shown) return { segments: [], gap: null };
  const half = centre.value.value.percent / 2;
  const known = (list: readonly StackSegment[]) => {
    const stop = list.findIndex((segment) => !segment.value.shown);
    return stop === -1 ? list : list.slice(0, stop);
  };
  return {
    segments: [
      ...placeFrom(-half, known(segments.slice(0, centreIndex).reverse()), -1),
      { key: centre.key, from: -half, to: half },
      ...placeFrom(half, known(segments.slice(centreIndex + 1)), 1),
    ],
    gap: null,
  };
}

/** Lays shown segments end to end from `start`, rightwards (1) or leftwards (-1). */
function placeFrom(start: number, segments: readonly StackSegment[], direction: 1 | -1): DrawnSegment[] {
  const placed: DrawnSegment[] = [];
  let edge = start;
  for (const segment of segments) {
    if (!segment.value.shown) continue;
    const next = edge + direction * segment.value.value.percent;
    placed.push({ key: segment.key, from: Math.min(edge, next), to: Math.max(edge, next) });
    edge = next;
  }
  return placed;
}

/**
 * Which answers of a row are not drawn, one part per reason: ["Not shown: A lot worse (fewer than 5)",
 * "A bit worse (withheld)"], or ["Not shown: fewer than 5"] when none is drawn; [] when all are.
 */
export function withheldNote(segments: readonly StackSegment[]): string[] {
  const byReason = new Map<WithheldReason, string[]>();
  for (const segment of segments) {
    if (!segment.value.shown)
      byReason.set(segment.value.reason, [...(byReason.get(segment.value.reason) ?? []), segment.label]);
  }
  const [onlyReason, ...otherReasons] = byReason.keys();
  const withheldCount = [...byReason.values()].flat().length;
  if (onlyReason && otherReasons.length === 0 && withheldCount === segments.length)
    return [`Not shown: ${WITHHELD_TEXT[onlyReason]}`];
  return [...byReason].map(
    ([reason, labels], index) => `${index === 0 ? "Not shown: " : ""}${labels.join(", ")} (${WITHHELD_TEXT[reason]})`,
  );
}

// Printing a made-up "withheld" or "0" for an answer the page forgot would misstate the data.
function segmentOf(row: StackRow, key: string): StackSegment {
  const segment = row.segments.find((candidate) => candidate.key === key);
  if (!segment)
    throw new Error(
      `StackedBarChart: row "${row.label}" has no "${key}" segment; every row must list the same answers`,
    );
  return segment;
}

export function StackedBarChart(props: StackedBarChartProps) {
  const ids = useChartIds();
  const { divergeAround } = props;

  const categories: { key: string; label: string }[] = [];
  for (const row of props.rows) {
    for (const segment of row.segments) {
      if (!categories.some((category) => category.key === segment.key))
        categories.push({ key: segment.key, label: segment.label });
    }
  }
  const centreIndex = divergeAround ? categories.findIndex((category) => category.key === divergeAround) : -1;
  if (divergeAround && centreIndex === -1)
    throw new Error(`StackedBarChart: no segment has the key "${divergeAround}" to diverge around`);
  const colourOf = (key: string) => {
    const index = categories.findIndex((category) => category.key === key);
    if (centreIndex === -1) return categoryColour(index);
    if (index === centreIndex) return DIVERGING_COLOURS.centre;
    return index < centreIndex
      ? divergingColour("below", centreIndex - index)
      : divergingColour("above", index - centreIndex);
  };

  const x = scaleLinear()
    .domain(divergeAround ? [-100, 100] : [0, 100])
    .range([0, VIEW_WIDTH])
    .clamp(true);
  const ticks = divergeAround ? [-100, -50, 0, 50, 100] : [0, 25, 50, 75, 100];
  const grid = ticks.map((tick) => ({ value: tick, x: x(tick) }));

  let top = 0;
  const rows = props.rows.map((row) => {
    const lines = wrapText(row.label);
    const noteLines = withheldNote(row.segments).flatMap((part) => wrapText(part));
    const layout = divergeAround ? layoutDiverging(row.segments, divergeAround) : layoutStack(row.segments);
    const rowTop = top;
    const barTop = rowTop + (lines.length + noteLines.length) * LINE_HEIGHT + 2;
    top = barTop + BAR_HEIGHT + ROW_GAP;
    return { row, lines, noteLines, layout, rowTop, barTop };
  });
  const plotBottom = top;

  const legend: LegendItem[] = categories.map((category) => ({
    label: category.label,
    swatch: { kind: "fill", colour: colourOf(category.key) },
  }));
  if (rows.some(({ layout }) => layout.gap))
    legend.push({ label: "Hatched: not shown (see the table)", swatch: { kind: "hatch" } });

  const table: ChartTableData = {
    columns: categories.map((category) => category.label),
    rows: props.rows.map((row) => ({
      label: row.label,
      cells: categories.map((category) => ({ kind: "share", figure: segmentOf(row, category.key).value })),
    })),
  };

  return (
    <ChartFrame text={props} ids={ids} height={plotBottom + AXIS_HEIGHT} legend={legend} table={table}>
      {rows.map(({ row, lines, noteLines, layout, rowTop, barTop }) => (
        <g key={row.label} className="chart__row">
          <GridLines xs={grid} strong={0} top={barTop - 4} bottom={barTop + BAR_HEIGHT + 4} />
          <RowLabel lines={lines} top={rowTop} />
          {noteLines.length > 0 ? (
            <text className="chart__withheld" fill={MUTED}>
              {noteLines.map((line, index) => (
                <tspan key={index} x={0} y={rowTop + (lines.length + index) * LINE_HEIGHT + BASELINE}>
                  {line}
                </tspan>
              ))}
            </text>
          ) : null}
          {layout.segments.map((segment) => (
            <rect
              key={segment.key}
              className="chart__segment"
              data-key={segment.key}
              x={round(x(segment.from))}
              y={round(barTop)}
              width={round(x(segment.to) - x(segment.from))}
              height={BAR_HEIGHT}
              fill={colourOf(segment.key)}
              stroke="#fff"
              strokeWidth="2"
            />
          ))}
          {layout.gap ? (
            <rect
              className="chart__gap"
              x={round(x(layout.gap.from) + 1)}
              y={round(barTop + 1)}
              width={round(Math.max(0, x(layout.gap.to) - x(layout.gap.from) - 2))}
              height={BAR_HEIGHT - 2}
              fill={`url(#${ids.hatch})`}
              stroke={MUTED}
            />
          ) : null}
        </g>
      ))}
      <TickLabels
        ticks={ticks}
        x={x}
        y={plotBottom + BASELINE}
        format={(tick) => formatValue(Math.abs(tick), "percent")}
      />
    </ChartFrame>
  );
}
