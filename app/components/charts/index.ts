// The outcomes dashboard's charts and the one way of wording their numbers.
export { BarChart, type BarChartProps, type NumberBar, type ShareBar } from "./bar-chart";
export { type ChartText } from "./chart-frame";
export { DotPlot, type DotPlotProps, type DotRow, type DotSeries } from "./dot-plot";
export {
  describeFigure,
  formatFigure,
  formatInterval,
  formatValue,
  MINUS,
  withheldText,
  type NumberUnit,
} from "./format";
export { LineChart, type LineChartProps, type LinePoint, type LineSeries } from "./line-chart";
export { StackedBarChart, type StackedBarChartProps, type StackRow, type StackSegment } from "./stacked-bar-chart";
