/**
 * An ECharts option as plain data. Builders return JSON-safe objects only (no functions), so an
 * option can be snapshot-tested, stored, or embedded in the HTML report as it is. src/shared may
 * not import echarts itself, so the type is structural.
 */
export type ChartOption = { [key: string]: ChartValue };
export type ChartValue = string | number | boolean | null | ChartValue[] | { [key: string]: ChartValue };

/** A built chart: the option, and the height it reads best at (pixels). */
export interface BuiltChart {
  option: ChartOption;
  height: number;
}
