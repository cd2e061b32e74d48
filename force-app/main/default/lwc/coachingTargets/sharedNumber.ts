/**
 * The rows of the coaching view's shared-number table: each target of the pair with its fiscal period,
 * target and actual in the target's currency (the plan's), attainment and pace; a target not started reads
 * as an em dash rather than "$0 / 0%".
 */
import CURRENCY from '@salesforce/i18n/currency';
import LOCALE from '@salesforce/i18n/locale';
import type { Metric, PlanTarget } from 'c/planData';
import { metricLabel, metricUnit, periodLabel, targetFigureTexts, type SemanticsByMetric } from 'c/planInsights';

export interface SharedTargetRow {
  id: string;
  metric: string;
  /** The customer account the target counts, or null for the whole partner. */
  targetAccount: string | null;
  period: string;
  target: string;
  actual: string;
  attainmentText: string;
  attainmentBar: number;
  actualWithheld: boolean;
  notStarted: boolean;
  started: boolean;
  paceStatus: string | null;
}

export function sharedTargetRows(
  targets: PlanTarget[],
  metrics: Metric[],
  semantics: SemanticsByMetric,
  today: string,
): SharedTargetRow[] {
  return targets.map((t) => {
    const unit = metricUnit(metrics, t.metric);
    const figures = targetFigureTexts(t, { unit, semantics, locale: LOCALE, orgCurrency: CURRENCY, today });
    const plan = { fiscalYear: t.planFiscalYear, periodStart: t.planPeriodStart };
    return {
      id: t.id,
      metric: metricLabel(metrics, t.metric),
      targetAccount: t.targetAccountName,
      period: periodLabel(plan, t.periodStart, t.periodEnd, LOCALE),
      target: figures.target,
      actual: figures.actual,
      attainmentText: figures.attainment,
      attainmentBar: figures.started ? Math.max(0, Math.min(100, t.attainment ?? 0)) : 0,
      actualWithheld: figures.actualWithheld,
      notStarted: !figures.started,
      started: figures.started,
      paceStatus: t.paceStatus,
    };
  });
}
