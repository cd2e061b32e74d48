/**
 * The arithmetic of the rollup, free of I/O: combining aggregate cells into a target's actual, ratios,
 * attainment, linear pace and pace status, and weighted attainment of sections and plans.
 */
import { elapsedFraction, type IsoDate } from '../periods';
import type { MetricDefinition } from './catalog';

/** What one aggregate row holds for one group (partner, person, customer) over one period. */
export interface Cell {
  sum: number;
  count: number;
  min: number | null;
  max: number | null;
  distinct: number;
}

export const emptyCell = (): Cell => ({ sum: 0, count: 0, min: null, max: null, distinct: 0 });

export function mergeCells(cells: Cell[]): Cell {
  const merged = emptyCell();
  for (const c of cells) {
    merged.sum += c.sum;
    merged.count += c.count;
    merged.distinct += c.distinct;
    if (c.min !== null) merged.min = merged.min === null ? c.min : Math.min(merged.min, c.min);
    if (c.max !== null) merged.max = merged.max === null ? c.max : Math.max(merged.max, c.max);
  }
  return merged;
}

/** The metric's value over merged cells: no records means 0 for counts and sums, no value for the others. */
export function cellValue(metric: MetricDefinition, cell: Cell): number | null {
  switch (metric.aggregate) {
    case 'COUNT':
      return cell.count;
    case 'SUM':
      return cell.sum;
    case 'AVG':
      return cell.count === 0 ? null : cell.sum / cell.count;
    case 'MIN':
      return cell.min;
    case 'MAX':
      return cell.max;
    case 'COUNT_DISTINCT':
      return cell.distinct;
    default:
      throw new Error(`${metric.name}: ${metric.aggregate} is not computed from cells`);
  }
}

/** numerator / denominator, in percent when the metric's unit is Percent; no value when dividing by zero. */
export function ratioValue(
  metric: MetricDefinition,
  numerator: number | null,
  denominator: number | null,
): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  const ratio = numerator / denominator;
  return metric.unit === 'Percent' ? ratio * 100 : ratio;
}

export type PaceStatus = 'Ahead' | 'On Track' | 'Behind';

/** Pace thresholds: within ±10% of linear pace is on track. */
export const AHEAD_AT = 1.1;
export const BEHIND_BELOW = 0.9;

export interface TargetFigures {
  actual: number | null;
  attainment: number | null;
  expectedToDate: number | null;
  pace: PaceStatus | null;
}

const round2 = (n: number | null): number | null =>
  n === null || !Number.isFinite(n) ? null : Math.round(n * 100) / 100;

/**
 * A target's computed fields on `asOf`. Before the period starts there is no pace. Attainment is
 * actual / target in percent; expected-to-date is the target times the share of the period elapsed.
 */
export function targetFigures(
  targetValue: number | null,
  actual: number | null,
  start: IsoDate,
  end: IsoDate,
  asOf: IsoDate,
): TargetFigures {
  const fraction = elapsedFraction({ start, end }, asOf);
  const attainment = actual !== null && targetValue !== null && targetValue > 0 ? (actual / targetValue) * 100 : null;
  const expected = targetValue === null ? null : targetValue * fraction;
  let pace: PaceStatus | null = null;
  if (fraction > 0 && expected !== null) {
    const done = actual ?? 0;
    if (expected === 0) pace = 'On Track';
    else if (done >= expected * AHEAD_AT) pace = 'Ahead';
    else if (done >= expected * BEHIND_BELOW) pace = 'On Track';
    else pace = 'Behind';
  }
  return { actual: round2(actual), attainment: round2(attainment), expectedToDate: round2(expected), pace };
}

/** Weighted mean of the attainment of targets whose period has started; null when none has. */
export function weightedAttainment(
  items: { attainment: number | null; weight: number | null; started: boolean }[],
): number | null {
  let weighted = 0;
  let weights = 0;
  for (const item of items) {
    if (!item.started || item.attainment === null) continue;
    const weight = item.weight ?? 1;
    if (weight <= 0) continue;
    weighted += item.attainment * weight;
    weights += weight;
  }
  return weights === 0 ? null : round2(weighted / weights);
}
