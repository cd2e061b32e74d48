/**
 * The rollover's preview, without the platform: per target of the new plan, last period's target and
 * actual, the shortfall it carries and its new value; parts under their year target.
 */
import type { PlanBlueprint } from 'c/planYear';
import type { Metric, PlanSource } from 'c/planData';
import { formatValue, metricLabel, metricUnit, periodLabel } from 'c/planInsights';

export interface PreviewRow {
  key: string;
  metric: string;
  period: string;
  previousText: string;
  actualText: string;
  carriedText: string;
  newText: string;
  isPart: boolean;
  rowClass: string;
}

export interface PreviewContext {
  metrics: Metric[];
  locale: string;
  currency: string;
}

/** One row per target of the blueprint, in its order (year targets before their parts). */
export function previewRows(blueprint: PlanBlueprint, source: PlanSource, context: PreviewContext): PreviewRow[] {
  const plan = { fiscalYear: blueprint.plan.fiscalYear, periodStart: blueprint.plan.periodStart };
  const previous = new Map(source.targets.map((t) => [t.id, t]));
  return blueprint.targets.map((t) => {
    const unit = metricUnit(context.metrics, t.metric);
    const text = (value: number | null | undefined): string =>
      formatValue(value, unit, context.locale, context.currency);
    const old = t.previousTargetId ? previous.get(t.previousTargetId) : undefined;
    const isPart = t.parentRef !== null;
    return {
      key: t.ref,
      metric: metricLabel(context.metrics, t.metric),
      period: periodLabel(plan, t.periodStart, t.periodEnd, context.locale),
      previousText: text(old ? old.targetValue : null),
      actualText: text(old ? old.actualValue : null),
      carriedText: text(t.carriedShortfall),
      newText: text(t.targetValue),
      isPart,
      rowClass: isPart ? 'part-row' : 'slds-hint-parent',
    };
  });
}
