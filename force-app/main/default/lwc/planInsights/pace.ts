/**
 * Attainment and pace over targets: weighted attainment, actual-to-expected ratios and their summary.
 */
import type { PlanTarget } from 'c/planData';
import { periodContains } from './dates';
import { round } from './math';

/** The targets whose period contains the date; all of them when none does (a plan between periods). */
export function currentTargets(targets: PlanTarget[], date: string): PlanTarget[] {
  const current = targets.filter((t) => periodContains(t.periodStart, t.periodEnd, date));
  return current.length > 0 ? current : targets;
}

const weightOf = (t: PlanTarget): number => (t.weight !== null && t.weight > 0 ? t.weight : 1);

/** Weighted average of the targets' attainment (percent points), by Weight__c; null with no data. */
export function weightedAttainment(targets: PlanTarget[]): number | null {
  const measured = targets.filter((t) => t.attainment !== null);
  const weight = measured.reduce((sum, t) => sum + weightOf(t), 0);
  if (weight === 0) return null;
  return round(measured.reduce((sum, t) => sum + weightOf(t) * (t.attainment as number), 0) / weight, 1);
}

/** Actual as a percent of what was expected by now; null before anything is expected. */
export function paceRatio(t: PlanTarget): number | null {
  if (t.expectedToDate === null || t.expectedToDate <= 0) return null;
  return round(((t.actualValue ?? 0) / t.expectedToDate) * 100, 1);
}

export interface PaceSummary {
  /** Weighted actual-to-expected percent over the targets that expect something by now. */
  percent: number | null;
  ahead: number;
  onTrack: number;
  behind: number;
  notStarted: number;
}

export function paceSummary(targets: PlanTarget[]): PaceSummary {
  const paced = targets.filter((t) => paceRatio(t) !== null);
  const weight = paced.reduce((sum, t) => sum + weightOf(t), 0);
  const count = (status: string): number => targets.filter((t) => t.paceStatus === status).length;
  const ahead = count('Ahead');
  const onTrack = count('On Track');
  const behind = count('Behind');
  return {
    percent:
      weight === 0 ? null : round(paced.reduce((s, t) => s + weightOf(t) * (paceRatio(t) as number), 0) / weight, 1),
    ahead,
    onTrack,
    behind,
    notStarted: targets.length - ahead - onTrack - behind,
  };
}

/** The targets furthest behind what was expected by now (lowest actual-to-expected ratio first). */
export function furthestBehind(targets: PlanTarget[], count: number): PlanTarget[] {
  return targets
    .filter((t) => paceRatio(t) !== null)
    .sort((a, b) => (paceRatio(a) as number) - (paceRatio(b) as number) || (a.attainment ?? 0) - (b.attainment ?? 0))
    .slice(0, count);
}
