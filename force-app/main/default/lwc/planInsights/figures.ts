/**
 * A target's figures as text: target, baseline and actual in the metric's unit and the target's currency,
 * attainment in percent. A target whose period has not started shows an em dash for actual and attainment
 * (the caller gives it assistive text), not a misleading "$0 / 0%"; a snapshot metric's current value
 * still shows, as the rollup measures it before the period.
 */
import { DEFAULT_SEMANTICS } from 'c/metricSemantics';
import type { PlanTarget } from 'c/planData';
import { formatPercent, formatValue } from './format';
import { hasStarted, type SemanticsByMetric } from './pace';

export interface TargetFigureTexts {
  started: boolean;
  /** The actual is withheld (an em dash) because the period has not started. */
  actualWithheld: boolean;
  /** The currency the values are shown in. */
  currency: string;
  target: string;
  baseline: string;
  actual: string;
  attainment: string;
}

/**
 * The currency a target's values are in: its CurrencyIsoCode (a multi-currency org, where the target carries
 * its plan's), else the org's currency (a single-currency org, where the field does not exist).
 */
export function targetCurrency(t: PlanTarget, orgCurrency: string): string {
  return t.currencyIsoCode ?? orgCurrency;
}

export function targetFigureTexts(
  t: PlanTarget,
  options: { unit: string | null; semantics: SemanticsByMetric; locale: string; orgCurrency: string; today: string },
): TargetFigureTexts {
  const { unit, locale } = options;
  const currency = targetCurrency(t, options.orgCurrency);
  const started = hasStarted(t, options.today);
  const snapshot = (options.semantics[t.metric] ?? DEFAULT_SEMANTICS).shape === 'Snapshot';
  const actualWithheld = !started && !snapshot;
  return {
    started,
    actualWithheld,
    currency,
    target: formatValue(t.targetValue, unit, locale, currency),
    baseline: formatValue(t.baselineValue, unit, locale, currency),
    actual: actualWithheld ? '—' : formatValue(t.actualValue, unit, locale, currency),
    attainment: started ? formatPercent(t.attainment, locale) : '—',
  };
}
