/**
 * Phase 3 of the rollup, run the planned aggregates: per metric, one month-grouped query set for its periods of
 * whole months where the month cells add up, else (and for the other periods) queries per period. A metric
 * whose queries fail fails alone: it is reported with its error, and ratios built on it fail with it.
 */
import { getString } from '@salesforce/ts-types';
import type { OrgSession } from '../connection';
import { AggregateSplitError } from '../query';
import { computeCells, computeMonthCells, fieldTypes, type FieldTypes } from './aggregates';
import type { MetricDefinition } from './catalog';
import { valuesKey, type MetricValues } from './cells';
import { monthly, partnerWeights, wholeMonthPeriods, type AggregatePlan } from './plan';
import type { MetricReport, RollupOptions, RollupReport, Scope, TargetRow } from './types';

/**
 * Metrics whose queries are in flight at once. Two keep both ends busy (the org answering one, the client
 * reading the other), far below the API's limits on concurrent requests.
 */
const METRICS_IN_FLIGHT = 2;

/** What the caller hears of a run while it goes on. */
export interface RunHooks {
  /** A metric's cells are all in, or it failed (its error recorded): the targets it completes can be computed. */
  metricDone?: (name: string, values: MetricValues) => void;
  /**
   * The last metric has started: from here fewer queries are in flight, so the org has time for other work.
   * Called once, also when there is no metric to run.
   */
  lastStarted?: () => void;
}

type Step = ReturnType<NonNullable<RollupOptions['onStep']>> | undefined;

/** What every metric's run needs: the org, the plan it follows, and where results and counts go. */
interface RunContext {
  session: OrgSession;
  types: FieldTypes;
  plan: AggregatePlan;
  scope: Scope;
  values: MetricValues;
  report: RollupReport;
  step: Step;
}

/**
 * Runs the plan's queries: the cells of each needed metric and period, keyed by `valuesKey`. Adds a report per
 * metric (and per ratio metric targets use) to `report.metrics`, the query counts to `report.aggregateQueries`,
 * and the metrics that failed to `plan.errors`. `hooks` let the caller use the time the org spends on the queries.
 */
export async function runPlan(
  session: OrgSession,
  catalog: Map<string, MetricDefinition>,
  targets: TargetRow[],
  plan: AggregatePlan,
  scope: Scope,
  options: RollupOptions,
  report: RollupReport,
  types: FieldTypes = fieldTypes(session),
  hooks: RunHooks = {},
): Promise<MetricValues> {
  const step = options.onStep?.(
    'metrics',
    [...plan.needed.values()].reduce((n, p) => n + p.size, 0),
  );
  const context: RunContext = {
    session,
    types,
    plan,
    scope,
    values: new Map(),
    report,
    step,
  };
  const counts = targetsPerMetric(targets);
  const needed = [...plan.needed];
  let next = 0;
  let lastStarted = false;
  const noteLastStarted = (): void => {
    if (lastStarted || next < needed.length) return;
    lastStarted = true;
    hooks.lastStarted?.();
  };
  // Metrics are independent: a few run at once, so the org computes one metric's query while this process
  // reads another's answer (each metric's own queries stay in order: its batches are sized from the last).
  const worker = async (): Promise<void> => {
    while (next < needed.length) {
      const [name, periods] = needed[next++];
      noteLastStarted();
      const metric = catalog.get(name);
      const metricReport: MetricReport = { name, targets: counts.get(name) ?? 0, queries: 0 };
      report.metrics.push(metricReport);
      if (!metric) {
        plan.errors.set(name, plan.errors.get(name) ?? `no active metric named ${name} in the catalog`);
      }
      if (!metric || plan.errors.has(name)) {
        metricReport.error = plan.errors.get(name);
        step?.tick(periods.size);
      } else {
        await runMetric(context, metric, periods, metricReport);
      }
      hooks.metricDone?.(name, context.values);
    }
  };
  noteLastStarted();
  await Promise.all(Array.from({ length: Math.min(METRICS_IN_FLIGHT, needed.length) }, worker));
  step?.done();
  reportRatios(catalog, targets, plan.errors, report, counts);
  return context.values;
}

/** How many targets each metric has, counted once (tens of thousands of targets, tens of metrics). */
function targetsPerMetric(targets: TargetRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of targets) counts.set(t.Metric__c, (counts.get(t.Metric__c) ?? 0) + 1);
  return counts;
}

/** The queries of one metric: month-grouped for its periods of whole months when it can, then per period. */
async function runMetric(
  context: RunContext,
  metric: MetricDefinition,
  periods: Map<string, Set<string>>,
  metricReport: MetricReport,
): Promise<void> {
  const { session, plan, scope, values, report, step } = context;
  const name = metric.name;
  const fail = (error: unknown): void => {
    const code = getString(error, 'errorCode');
    const message = `${code ? `${code}: ` : ''}${getString(error, 'message') ?? String(error)}`;
    plan.errors.set(name, message);
    metricReport.error = message;
  };
  const count = (queries: number): void => {
    metricReport.queries += queries;
    report.aggregateQueries += queries;
  };
  if (!metric.dateField) {
    await runUndated(context, metric, periods, fail, count);
    return;
  }
  // Periods of whole months share one query grouped by month, for metrics whose month cells add up.
  const perPeriod = new Map(periods);
  try {
    if (monthly(metric, await context.types.dateType(metric.sourceObject, metric.dateField))) {
      const { whole, customers } = wholeMonthPeriods(periods);
      if (whole.length > 0) {
        try {
          const partners = partnerWeights(plan, name);
          const { cells, queries } = await computeMonthCells(session, metric, whole, partners, customers, scope);
          count(queries);
          for (const [period, periodCells] of cells) {
            values.set(valuesKey(name, period), periodCells);
            perPeriod.delete(period);
            step?.tick(1);
          }
        } catch (error) {
          // One partner with 2000 month groups or more: those periods are queried one by one below.
          if (!(error instanceof AggregateSplitError)) throw error;
        }
      }
    }
  } catch (error) {
    fail(error);
    step?.tick(perPeriod.size);
    return;
  }
  for (const [period, customers] of perPeriod) {
    const [start, end] = period.split('..');
    try {
      const { cells, queries } = await computeCells(session, context.types, metric, start, end, [...customers], scope);
      values.set(valuesKey(name, period), cells);
      count(queries);
    } catch (error) {
      fail(error);
      break;
    }
    step?.tick(1);
  }
}

/**
 * A metric without a date field (a snapshot of the records as they are now): one query set for all its
 * periods, whose cells every period shares.
 */
async function runUndated(
  context: RunContext,
  metric: MetricDefinition,
  periods: Map<string, Set<string>>,
  fail: (error: unknown) => void,
  count: (queries: number) => void,
): Promise<void> {
  const customers = new Set([...periods.values()].flatMap((c) => [...c]));
  try {
    const { cells, queries } = await computeCells(
      context.session,
      context.types,
      metric,
      '',
      '',
      [...customers],
      context.scope,
    );
    count(queries);
    for (const period of periods.keys()) context.values.set(valuesKey(metric.name, period), cells);
  } catch (error) {
    fail(error);
  }
  context.step?.tick(periods.size);
}

/**
 * Reports each ratio metric that targets use (its parts were queried, not the ratio itself), failed when
 * one of its parts failed. Pure: it updates `errors` and `report.metrics` only.
 */
export function reportRatios(
  catalog: Map<string, MetricDefinition>,
  targets: TargetRow[],
  errors: Map<string, string>,
  report: RollupReport,
  counts = targetsPerMetric(targets),
): void {
  for (const metric of catalog.values()) {
    const usedByTargets = (counts.get(metric.name) ?? 0) > 0;
    if (metric.aggregate === 'RATIO' && usedByTargets) {
      const broken = [metric.numerator, metric.denominator].find((p) => p && errors.has(p));
      const entry = report.metrics.find((m) => m.name === metric.name) ?? {
        name: metric.name,
        targets: counts.get(metric.name) ?? 0,
        queries: 0,
      };
      if (!report.metrics.includes(entry)) report.metrics.push(entry);
      if (broken && !errors.has(metric.name)) errors.set(metric.name, `depends on ${broken}, which failed`);
      entry.error = errors.get(metric.name);
    }
  }
}
