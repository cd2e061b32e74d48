/**
 * Phase 4 of the rollup, compute figures (pure, no I/O): each target's actual from the cells of its metric
 * (or of a ratio's parts) for its partner, people and customer account over its period, in the target's
 * currency, then attainment, expected-to-date and pace by the metric's semantics, and the target updates for
 * the figures that changed. Targets of failed metrics keep their stored values; a snapshot target whose
 * period has closed keeps the actual it has (the last one measured while its period was open).
 */
import type { IsoDate } from '../periods';
import type { MetricDefinition } from './catalog';
import { valuesKey, type MetricValues } from './cells';
import { ratioValue } from './compute';
import { inCurrency, type OrgCurrencies } from './currency';
import { same } from './diff';
import { peopleFor } from './plan';
import { norm, periodKey } from './soql';
import { periodPhase, targetFigures, type TargetFigures } from './semantics';
import { partnerOf } from './targets';
import type { Change, PendingUpdate, TargetRow } from './types';

const FIELD_MAP: [keyof TargetFigures, keyof TargetRow & string][] = [
  ['actual', 'Actual_Value__c'],
  ['attainment', 'Attainment__c'],
  ['expectedToDate', 'Expected_To_Date__c'],
  ['pace', 'Pace_Status__c'],
];

/** A target's actual: its metric's value, or a ratio of its parts' values; null without cells. */
export function actualOf(
  catalog: Map<string, MetricDefinition>,
  values: MetricValues,
  metric: MetricDefinition,
  t: TargetRow,
): number | null {
  const partner = partnerOf(t);
  const customer = t.Target_Account__c ? norm(t.Target_Account__c) : '';
  const period = periodKey(t.Period_Start__c, t.Period_End__c);
  const valueOf = (name: string): number | null => {
    const part = catalog.get(name);
    const cells = values.get(valuesKey(name, period));
    return part && cells ? cells.value(part, partner, peopleFor(part, t), customer) : null;
  };
  return metric.aggregate === 'RATIO'
    ? ratioValue(metric, valueOf(metric.numerator ?? ''), valueOf(metric.denominator ?? ''))
    : valueOf(metric.name);
}

/**
 * The figures of every target whose metric was computed, and the updates of those whose stored figures
 * differ; each changed field is appended to `changes`.
 */
export function computeFigures(
  catalog: Map<string, MetricDefinition>,
  targets: TargetRow[],
  values: MetricValues,
  errors: Map<string, string>,
  at: { asOf: IsoDate; now: string },
  changes: Change[],
  currencies?: OrgCurrencies,
): { figures: Map<string, TargetFigures>; updates: PendingUpdate[] } {
  const figures = new Map<string, TargetFigures>();
  const updates: PendingUpdate[] = [];
  for (const t of targets) {
    const metric = catalog.get(t.Metric__c);
    if (!metric || errors.has(t.Metric__c)) continue;
    const s = metric.semantics;
    const frozen =
      s.shape === 'Snapshot' &&
      t.Actual_Value__c !== null &&
      periodPhase(t.Period_Start__c, t.Period_End__c, at.asOf) === 'Closed';
    const actual = frozen
      ? t.Actual_Value__c
      : inCurrency(actualOf(catalog, values, metric, t), metric, t.CurrencyIsoCode, currencies);
    const f = targetFigures(s, t.Target_Value__c, actual, t.Period_Start__c, t.Period_End__c, at.asOf);
    figures.set(t.Id, f);
    const update: PendingUpdate = { Id: t.Id };
    for (const [key, field] of FIELD_MAP) {
      const current = t[field];
      if (!same(current, f[key])) {
        update[field] = f[key];
        changes.push({ sobject: 'Plan_Target__c', id: t.Id, field, from: current ?? null, to: f[key] });
      }
    }
    if (Object.keys(update).length > 1) {
      update.Last_Calculated_At__c = at.now;
      update.__parent = t.Plan_Section__c;
      updates.push(update);
    }
  }
  return { figures, updates };
}
