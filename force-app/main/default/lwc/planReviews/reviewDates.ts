/** The plan's review dates and quarters, as the plan reviews component shows and chooses them. */
import { reviewableQuarters } from 'c/planData';
import { fiscalPeriods, formatLabel, type FiscalPeriod, type FiscalPlan } from 'c/planInsights';
import { LABELS } from './labels';

/** "in 12 days", "in 1 day", "today", "overdue by 1 day", "overdue by 3 days" for the days until the review. */
export function dueText(days: number): string {
  if (days === 0) return LABELS.dueToday;
  if (days === 1) return LABELS.dueInOne;
  if (days > 1) return formatLabel(LABELS.dueIn, days);
  return days === -1 ? LABELS.overdueOne : formatLabel(LABELS.overdue, -days);
}

export interface QuarterChoice {
  /** The started quarters, as combobox options (value = the quarter's start). */
  options: { label: string; value: string }[];
  /** The quarter chosen, else the default one (reviewableQuarters); null when none has started. */
  chosen: FiscalPeriod | null;
  /** The quarter after the chosen one; null after the plan's last quarter. */
  next: FiscalPeriod | null;
}

export function quarterChoice(
  plan: FiscalPlan | null,
  chosenStart: string | null,
  today: string,
  locale: string,
): QuarterChoice {
  const all = fiscalPeriods(plan, locale).filter((p) => p.periodType === 'Quarter');
  const { quarters, defaultIndex } = reviewableQuarters(all, today);
  const chosen =
    quarters.length === 0 ? null : (quarters.find((q) => q.start === chosenStart) ?? quarters[defaultIndex]);
  const index = chosen ? all.findIndex((q) => q.start === chosen.start) : -1;
  return {
    options: quarters.map((q) => ({ label: q.label, value: q.start })),
    chosen,
    next: index >= 0 && index + 1 < all.length ? all[index + 1] : null,
  };
}
