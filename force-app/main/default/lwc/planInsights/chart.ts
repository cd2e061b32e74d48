/**
 * Grouped bar chart geometry (weeks x series) for the SVG the coaching view draws as is.
 */
import type { WeekBucket } from './actions';
import { formatShortDate } from './format';
import { round } from './math';

export interface ChartBar {
  key: string;
  series: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

export interface ChartGroup {
  key: string;
  label: string;
  labelX: number;
  bars: ChartBar[];
}

export interface ChartTick {
  key: string;
  value: number;
  y: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  viewBox: string;
  // eslint-disable-next-line no-restricted-globals -- a property signature, not the global
  plot: { left: number; right: number; top: number; bottom: number };
  max: number;
  ticks: ChartTick[];
  groups: ChartGroup[];
}

/** The smallest of 1, 2, 5 x 10^k that is at least `value` (and at least 1). */
export function niceStep(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const fraction = value / magnitude;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * magnitude;
}

/**
 * Grouped bar chart geometry for an SVG of `width` x `height`: one group per week, one bar per series,
 * a y axis from 0 to a rounded maximum with up to four gridlines. The template draws it as is.
 */
export function barChartGeometry(
  buckets: WeekBucket[],
  options: { width: number; height: number; locale: string },
): ChartGeometry {
  const { width, height } = options;
  const plot = { left: 36, right: width - 8, top: 8, bottom: height - 24 };
  const plotHeight = plot.bottom - plot.top;
  const rawMax = Math.max(0, ...buckets.flatMap((b) => b.counts));
  const step = niceStep(Math.max(rawMax, 1) / 4);
  const max = Math.max(step, Math.ceil(rawMax / step) * step);
  const ticks: ChartTick[] = [];
  for (let value = 0; value <= max; value += step) {
    ticks.push({ key: `tick-${value}`, value, y: round(plot.bottom - (value / max) * plotHeight) });
  }
  const groupWidth = buckets.length > 0 ? (plot.right - plot.left) / buckets.length : 0;
  const seriesCount = buckets.length > 0 ? buckets[0].counts.length : 0;
  const barWidth = seriesCount > 0 ? (groupWidth * 0.8) / seriesCount : 0;
  const groups = buckets.map((bucket, g): ChartGroup => {
    const groupLeft = plot.left + g * groupWidth + groupWidth * 0.1;
    return {
      key: bucket.start,
      label: formatShortDate(bucket.start, options.locale),
      labelX: round(plot.left + (g + 0.5) * groupWidth),
      bars: bucket.counts.map((value, s): ChartBar => {
        const barHeight = (value / max) * plotHeight;
        return {
          key: `${bucket.start}-${s}`,
          series: s,
          x: round(groupLeft + s * barWidth),
          y: round(plot.bottom - barHeight),
          width: round(barWidth),
          height: round(barHeight),
          value,
        };
      }),
    };
  });
  return { width, height, viewBox: `0 0 ${width} ${height}`, plot, max, ticks, groups };
}
