/**
 * The rollup: each target's actual is its metric computed for its partner (and accountable person, and
 * target customer account, where they apply) over its own period, with aggregate SOQL grouped by partner
 * and person, never one per target: for all of a metric's periods of whole calendar months, queries grouped
 * also by month (then added up per period), each restricted to a batch of the targets' partners so its groups
 * fit in one response; one query per other period (keyset-paged past 2000 groups). Then attainment, linear
 * pace and pace status per target by its metric's direction and shape (metricSemantics), in the target's
 * currency, weighted attainment per section and plan, and APR counters per opportunity.
 * Only values that changed are written.
 *
 * Like the SOQL engine's parse -> plan -> execute, a run is a pipeline of named phases, each in its module:
 * complete missing baselines of accepted plans (baselines.ts) -> load targets (targets.ts) -> plan aggregates,
 * pure (plan.ts) -> run them (run.ts, aggregates.ts) -> compute figures, pure (figures.ts; each target's as soon
 * as the metrics it reads are in) -> weight sections and plans (weights.ts) -> diff and write (write.ts). The
 * opportunities' APR counters (opportunities.ts) are read while that runs and written from when its last metric
 * starts (after it, when a metric reads them), so the org works on one while this process works on the other;
 * the report lists them last, as if written after the plans.
 */
import type { OrgSession } from '../connection';
import { completeBaselines } from './baselines';
import { readCatalog, type MetricDefinition } from './catalog';
import { readCurrencies } from './currency';
import { FigureBuilder } from './figures';
import { countersFeedMetrics, writeOpportunityCounters } from './opportunities';
import { fieldTypes, type FieldTypes } from './aggregates';
import { planAggregates } from './plan';
import { runPlan } from './run';
import { loadTargets, resolveScope } from './targets';
import { emptyReport, type RollupOptions, type RollupReport, type Scope } from './types';
import { weightSectionsAndPlans } from './weights';
import { writeUpdates, type BulkAvailability } from './write';

export type { Change, MetricReport, RollupOptions, RollupReport } from './types';
export { monthSpan } from './plan';

export async function runRollup(session: OrgSession, options: RollupOptions): Promise<RollupReport> {
  const report = emptyReport();
  const catalog = await readCatalog(session);
  const scope = await resolveScope(session, catalog, options);
  // Before anything else: a missing baseline of an accepted plan is filled in whatever the metrics do.
  await completeBaselines(session, scope, options, report);

  const types = fieldTypes(session);
  const counterReport = emptyReport();
  // Alongside the metrics, the counters are read at once but written from when the last metric starts: until then
  // the metrics' queries keep the org busy, after it the org would wait for this process between their pages, and
  // while it computes figures and sends the targets.
  let lastMetricStarted = (): void => undefined;
  const countersWritable = new Promise<void>((resolve) => (lastMetricStarted = resolve));
  const alongside = (await countersFeedMetrics(types, catalog))
    ? undefined
    : writeOpportunityCounters(session, scope, options, counterReport, countersWritable);
  // Awaited below; until then a failure must not be an unhandled rejection.
  alongside?.catch(() => undefined);
  try {
    await rollUpTargets(session, catalog, scope, types, options, report, lastMetricStarted);
  } catch (error) {
    lastMetricStarted(); // the counters are written whatever happened to the targets
    await alongside?.catch(() => undefined);
    throw error;
  }
  await (alongside ?? writeOpportunityCounters(session, scope, options, counterReport));
  mergeCounters(report, counterReport);
  report.metrics.sort((a, b) => a.name.localeCompare(b.name));
  return report;
}

/** Targets, then sections and plans: loaded, computed from the metrics, and their changes written. */
async function rollUpTargets(
  session: OrgSession,
  catalog: Map<string, MetricDefinition>,
  scope: Scope,
  types: FieldTypes,
  options: RollupOptions,
  report: RollupReport,
  lastMetricStarted: () => void,
): Promise<void> {
  const currencies = await readCurrencies(session);
  const targets = await loadTargets(session, scope, currencies !== undefined);
  report.read.targets = targets.length;
  const plan = planAggregates(catalog, targets);
  // Each target's figures are computed as soon as the metrics it reads are in, while the org runs the others.
  const builder = new FigureBuilder(catalog, targets, plan.errors, options, currencies);
  const values = await runPlan(session, catalog, targets, plan, scope, options, report, types, {
    metricDone: (name, cells) => builder.metricDone(name, cells),
    lastStarted: lastMetricStarted,
  });
  const { figures, updates: targetUpdates } = builder.finish(values, report.changes);
  // The org writes the targets while this process weighs sections and plans: the weights come from the figures,
  // and no field they compare is one a target's write changes. Sections and plans are written after the targets.
  const bulk: BulkAvailability = { available: true };
  const targetsWritten = writeUpdates(session, [['Plan_Target__c', targetUpdates]], options, report, bulk);
  // Awaited below; until then a failure must not be an unhandled rejection.
  targetsWritten.catch(() => undefined);
  let weighted: Awaited<ReturnType<typeof weightSectionsAndPlans>>;
  try {
    weighted = await weightSectionsAndPlans(session, scope, catalog, targets, figures, options, report);
  } catch (error) {
    await targetsWritten.catch(() => undefined);
    throw error;
  }
  await targetsWritten;
  await writeUpdates(
    session,
    [
      ['Plan_Section__c', weighted.sections],
      ['Partner_Account_Plan__c', weighted.plans],
    ],
    options,
    report,
    bulk,
  );
}

/** The counters' part of the report added to the run's, after the plans' (a note the run has already is left out). */
function mergeCounters(report: RollupReport, counters: RollupReport): void {
  report.aggregateQueries += counters.aggregateQueries;
  report.read.opportunities = counters.read.opportunities;
  // One at a time: a first run has a change per opportunity, too many to spread into push().
  for (const change of counters.changes) report.changes.push(change);
  Object.assign(report.changed, counters.changed);
  Object.assign(report.written, counters.written);
  for (const failure of counters.failures) report.failures.push(failure);
  for (const note of counters.notes) if (!report.notes.includes(note)) report.notes.push(note);
}
