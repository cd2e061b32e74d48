/**
 * The arithmetic of the rollup, free of I/O: combining aggregate cells into a target's actual, ratios, and
 * weighted attainment of sections and plans. What the figures mean (expected-to-date, attainment, pace
 * status, a budget's capped contribution) is the shared metric semantics module's.
 */
import type { MetricDefinition } from './catalog';
import { weightedContribution, type MetricSemantics } from './semantics';

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

/** Weighted mean of the contribution of targets whose period has started and that have an attainment. */
export function weightedAttainment(
  items: { attainment: number | null; weight: number | null; started: boolean; semantics: MetricSemantics }[],
): number | null {
  const terms: { contribution: number; weight: number }[] = [];
  for (const item of items) {
    const contribution = weightedContribution(item.semantics, item.attainment);
    if (!item.started || contribution === null) continue;
    const weight = item.weight ?? 1;
    if (weight > 0) terms.push({ contribution, weight });
  }
  // Summed in a fixed order: floating-point sums depend on order, and the targets come in query order, which
  // differs between orgs, so a mean near a rounding boundary could otherwise round either way.
  terms.sort((a, b) => a.contribution - b.contribution || a.weight - b.weight);
  let weighted = 0;
  let weights = 0;
  for (const term of terms) {
    weighted += term.contribution * term.weight;
    weights += term.weight;
  }
  return weights === 0 ? null : Math.round((weighted / weights) * 100) / 100;
}
