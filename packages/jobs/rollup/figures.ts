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

/** One target's figures, its update when a stored figure differs, and the changes that update makes. */
interface TargetResult {
  figures: TargetFigures;
  update?: PendingUpdate;
  changes: Change[];
}

interface FigureContext {
  catalog: Map<string, MetricDefinition>;
  at: { asOf: IsoDate; now: string };
  currencies?: OrgCurrencies;
}

function targetResult(
  { catalog, at, currencies }: FigureContext,
  values: MetricValues,
  metric: MetricDefinition,
  t: TargetRow,
): TargetResult {
  const s = metric.semantics;
  const frozen =
    s.shape === 'Snapshot' &&
    t.Actual_Value__c !== null &&
    periodPhase(t.Period_Start__c, t.Period_End__c, at.asOf) === 'Closed';
  const actual = frozen
    ? t.Actual_Value__c
    : inCurrency(actualOf(catalog, values, metric, t), metric, t.CurrencyIsoCode, currencies);
  const figures = targetFigures(s, t.Target_Value__c, actual, t.Period_Start__c, t.Period_End__c, at.asOf);
  const changes: Change[] = [];
  const update: PendingUpdate = { Id: t.Id };
  for (const [key, field] of FIELD_MAP) {
    const current = t[field];
    if (!same(current, figures[key])) {
      update[field] = figures[key];
      changes.push({ sobject: 'Plan_Target__c', id: t.Id, field, from: current ?? null, to: figures[key] });
    }
  }
  if (changes.length === 0) return { figures, changes };
  update.Last_Calculated_At__c = at.now;
  update.__parent = t.Plan_Section__c;
  return { figures, update, changes };
}

/**
 * Targets' figures computed as the metrics they read come in: when a metric's queries have finished (or failed),
 * `metricDone` computes the targets whose metric (or both parts of whose ratio) is then complete, while the org
 * works on the other metrics. `finish` computes whatever is left and lists it all in the targets' order, so the
 * updates and changes come out as if computed in one pass at the end.
 */
export class FigureBuilder {
  private readonly context: FigureContext;
  /** Per target: its result, null when its metric failed (it keeps its figures), undefined until computed. */
  private readonly results: (TargetResult | null | undefined)[];
  /** Target metric -> the indexes of its targets, for the metrics not computed yet. */
  private readonly waiting = new Map<string, number[]>();
  private readonly done = new Set<string>();

  constructor(
    catalog: Map<string, MetricDefinition>,
    private readonly targets: TargetRow[],
    /** The plan's errors, which the run adds failed metrics to before it reports them done. */
    private readonly errors: Map<string, string>,
    at: { asOf: IsoDate; now: string },
    currencies?: OrgCurrencies,
  ) {
    this.context = { catalog, at, currencies };
    this.results = new Array<TargetResult | null | undefined>(targets.length);
    targets.forEach((t, i) => {
      const list = this.waiting.get(t.Metric__c) ?? [];
      list.push(i);
      this.waiting.set(t.Metric__c, list);
    });
  }

  /** The metrics whose values a target metric reads: its own, or a ratio's two parts. */
  private partsOf(metric: MetricDefinition): string[] {
    return metric.aggregate === 'RATIO' ? [metric.numerator ?? '', metric.denominator ?? ''] : [metric.name];
  }

  /** `name`'s queries have finished or failed (a failure is in the errors by now): compute what it completes. */
  metricDone(name: string, values: MetricValues): void {
    this.done.add(name);
    for (const [metricName, indexes] of this.waiting) {
      const metric = this.context.catalog.get(metricName);
      if (!metric) continue;
      const parts = this.partsOf(metric);
      if (!parts.includes(name) || !parts.every((p) => this.done.has(p))) continue;
      this.waiting.delete(metricName);
      // A failed metric, or a ratio with a failed part, keeps its stored figures.
      const failed = this.errors.has(metricName) || parts.some((p) => this.errors.has(p));
      for (const i of indexes)
        this.results[i] = failed ? null : targetResult(this.context, values, metric, this.targets[i]);
    }
  }

  /**
   * The figures of every target whose metric was computed, and the updates of those whose stored figures
   * differ, in the targets' order; each changed field is appended to `changes`.
   */
  finish(values: MetricValues, changes: Change[]): { figures: Map<string, TargetFigures>; updates: PendingUpdate[] } {
    const figures = new Map<string, TargetFigures>();
    const updates: PendingUpdate[] = [];
    this.targets.forEach((t, i) => {
      let result = this.results[i];
      if (result === null) return;
      if (result === undefined) {
        const metric = this.context.catalog.get(t.Metric__c);
        if (!metric || this.errors.has(t.Metric__c)) return;
        result = targetResult(this.context, values, metric, t);
      }
      figures.set(t.Id, result.figures);
      if (result.update) updates.push(result.update);
      for (const change of result.changes) changes.push(change);
    });
    return { figures, updates };
  }
}
