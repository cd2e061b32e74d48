/**
 * APR action figures: weekly counts per actor, the mix of action types, actions per won deal and
 * the target accounts no action touched lately.
 */
import type { AprAction, PlanTarget } from 'c/planData';
import { addDays, daysBetween, weekStart } from './dates';
import { round } from './math';

export const COACHING_SESSION = 'Coaching Session';
export const isCoaching = (a: AprAction): boolean => a.actionType === COACHING_SESSION;

export interface WeekBucket {
  /** Monday of the week. */
  start: string;
  /** One count per series (sum of Quantity__c). */
  counts: number[];
}

/** The first day of the `weeks`-week window that ends with the week of `today`. */
export const windowStart = (today: string, weeks: number): string => addDays(weekStart(today), -7 * (weeks - 1));

/** Each series' actions (summed quantity) per week over the last `weeks` weeks, oldest first. */
export function weeklyCounts(
  actions: AprAction[],
  seriesActorIds: string[],
  today: string,
  weeks: number,
): WeekBucket[] {
  const first = windowStart(today, weeks);
  const buckets: WeekBucket[] = Array.from({ length: weeks }, (_, i) => ({
    start: addDays(first, i * 7),
    counts: seriesActorIds.map(() => 0),
  }));
  for (const a of actions) {
    if (!a.actionDate || a.actionDate < first || a.actionDate > today) continue;
    const index = Math.floor(daysBetween(first, a.actionDate) / 7);
    const series = seriesActorIds.indexOf(a.actorId ?? '');
    if (series >= 0 && buckets[index]) buckets[index].counts[series] += a.quantity;
  }
  return buckets;
}

export interface MixItem {
  type: string;
  label: string;
  count: number;
  /** Whole percent of all actions. */
  percent: number;
}

/** Actions (summed quantity) by type, most frequent first. */
export function actionMix(actions: AprAction[]): MixItem[] {
  const byType = new Map<string, MixItem>();
  for (const a of actions) {
    const type = a.actionType ?? '';
    const item = byType.get(type) ?? { type, label: a.actionTypeLabel ?? type, count: 0, percent: 0 };
    item.count += a.quantity;
    byType.set(type, item);
  }
  const total = [...byType.values()].reduce((sum, i) => sum + i.count, 0);
  return [...byType.values()]
    .map((i) => ({ ...i, percent: total > 0 ? Math.round((i.count / total) * 100) : 0 }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** Actions logged on won opportunities per won opportunity (null when no action touched a won deal). */
export function actionsPerWonDeal(actions: AprAction[]): { ratio: number | null; wonDeals: number; actions: number } {
  const onWon = actions.filter((a) => a.opportunityWon && a.opportunityId);
  const wonDeals = new Set(onWon.map((a) => a.opportunityId)).size;
  const count = onWon.reduce((sum, a) => sum + a.quantity, 0);
  return { ratio: wonDeals > 0 ? round(count / wonDeals, 1) : null, wonDeals, actions: count };
}

export interface StaleAccount {
  id: string;
  // eslint-disable-next-line no-restricted-globals -- a property signature, not the global
  name: string;
  lastActionDate: string | null;
}

/**
 * The target accounts of the targets with no APR action (on one of their opportunities) on or after
 * the cutoff, those never touched first.
 */
export function staleTargetAccounts(targets: PlanTarget[], actions: AprAction[], cutoff: string): StaleAccount[] {
  const accounts = new Map<string, string>();
  for (const t of targets)
    if (t.targetAccountId) accounts.set(t.targetAccountId, t.targetAccountName ?? t.targetAccountId);
  const stale: StaleAccount[] = [];
  for (const [id, name] of accounts) {
    const dates = actions
      .filter((a) => a.opportunityAccountId === id && a.actionDate)
      .map((a) => a.actionDate as string)
      .sort();
    const last = dates.length > 0 ? dates[dates.length - 1] : null;
    if (!last || last < cutoff) stale.push({ id, name, lastActionDate: last });
  }
  return stale.sort(
    (a, b) => (a.lastActionDate ?? '').localeCompare(b.lastActionDate ?? '') || a.name.localeCompare(b.name),
  );
}
