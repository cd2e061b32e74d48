/**
 * The pair's targets as the coaching view lays them out: by plan (its partner and name), then by period
 * type (year, quarter, month), then by period: the current period first and open, upcoming periods next and
 * closed periods last, both collapsed behind a summary (a closed period's met and missed targets).
 */
import type { PlanTarget } from 'c/planData';
import { periodLabel } from 'c/planInsights';

export type PeriodState = 'current' | 'upcoming' | 'closed';

export interface PeriodGroup {
  key: string;
  label: string;
  state: PeriodState;
  start: string | null;
  targets: PlanTarget[];
  met: number;
  missed: number;
}

export interface TypeGroup {
  key: string;
  periodType: string;
  periodTypeLabel: string;
  periods: PeriodGroup[];
}

export interface PlanGroup {
  key: string;
  partnerName: string;
  planName: string;
  types: TypeGroup[];
}

const TYPE_ORDER = ['Year', 'Quarter', 'Month'];
const STATE_ORDER: Record<PeriodState, number> = { current: 0, upcoming: 1, closed: 2 };

function stateOf(t: PlanTarget, today: string): PeriodState {
  if (t.periodEnd && t.periodEnd < today) return 'closed';
  if (t.periodStart && t.periodStart > today) return 'upcoming';
  return 'current';
}

const typeRank = (type: string): number => {
  const index = TYPE_ORDER.indexOf(type);
  return index === -1 ? TYPE_ORDER.length : index;
};

/** Current first; upcoming soonest first; closed most recent first. */
function byPeriod(a: PeriodGroup, b: PeriodGroup): number {
  const state = STATE_ORDER[a.state] - STATE_ORDER[b.state];
  if (state !== 0) return state;
  const start = (a.start ?? '').localeCompare(b.start ?? '');
  return a.state === 'closed' ? -start : start;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function periodGroups(targets: PlanTarget[], today: string, locale: string): PeriodGroup[] {
  const groups = [...groupBy(targets, (t) => `${t.periodStart ?? ''}/${t.periodEnd ?? ''}`).entries()].map(
    ([key, list]): PeriodGroup => {
      const first = list[0];
      const plan = { fiscalYear: first.planFiscalYear, periodStart: first.planPeriodStart };
      return {
        key,
        label: periodLabel(plan, first.periodStart, first.periodEnd, locale),
        state: stateOf(first, today),
        start: first.periodStart,
        targets: list,
        met: list.filter((t) => t.paceStatus === 'Met').length,
        missed: list.filter((t) => t.paceStatus === 'Missed' || t.paceStatus === 'Over Budget').length,
      };
    },
  );
  return groups.sort(byPeriod);
}

/** The targets grouped by plan, period type and period. */
export function planGroups(targets: PlanTarget[], today: string, locale: string): PlanGroup[] {
  const plans = [...groupBy(targets, (t) => t.planId ?? '').entries()].map(([planId, list]): PlanGroup => {
    const types = [...groupBy(list, (t) => t.periodType ?? '').entries()]
      .map(([periodType, typed]): TypeGroup => ({
        key: `${planId}/${periodType}`,
        periodType,
        periodTypeLabel: typed[0].periodTypeLabel ?? periodType,
        periods: periodGroups(typed, today, locale),
      }))
      .sort((a, b) => typeRank(a.periodType) - typeRank(b.periodType));
    return {
      key: planId,
      partnerName: list[0].partnerName ?? '',
      planName: list[0].planName ?? '',
      types,
    };
  });
  return plans.sort((a, b) => a.partnerName.localeCompare(b.partnerName) || a.planName.localeCompare(b.planName));
}
