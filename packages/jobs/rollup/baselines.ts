/**
 * Phase 0 of the rollup, complete baselines: every target of an Accepted or Active plan has a baseline
 * (its value when the plan was accepted; a Closed plan is final and left alone). The plan editor writes the baselines before it marks a plan
 * accepted; an acceptance made elsewhere (the standard record page, the API) can leave some blank, and so can
 * a target created while the acceptance was being saved. The targets of those plans are locked by validation
 * rules, so their value is still the accepted one: each blank baseline is filled in with it, the one change
 * the rule Baseline_Only_Completed allows there. A dry run only counts them.
 */
import type { OrgSession } from '../connection';
import { queryAll } from '../query';
import { failuresOf, writeRecords } from '../writer';
import { idList } from './soql';
import type { RollupOptions, RollupReport, Scope } from './types';

/** The plan statuses whose targets are locked (and must carry a baseline). */
export const LOCKED_PLAN_STATUSES = ['Accepted', 'Active', 'Closed'];

interface MissingBaseline {
  Id: string;
  Target_Value__c: number;
  Plan_Section__c: string;
}

/** The locked statuses whose blank baselines the run fills in: a Closed plan's targets take no update at all. */
const FILLED_PLAN_STATUSES = LOCKED_PLAN_STATUSES.filter((s) => s !== 'Closed');

/** The SOQL of the targets in scope whose plan is locked (not Closed) and whose baseline is blank. */
export function missingBaselinesQuery(scope: Scope): string {
  const conditions = [
    'Baseline_Target_Value__c = null',
    'Target_Value__c != null',
    `Plan_Section__r.Partner_Account_Plan__r.Status__c IN (${FILLED_PLAN_STATUSES.map((s) => `'${s}'`).join(', ')})`,
  ];
  if (scope.plans) conditions.push(`Plan_Section__r.Partner_Account_Plan__c IN (${idList(scope.plans)})`);
  return `SELECT Id, Target_Value__c, Plan_Section__c FROM Plan_Target__c WHERE ${conditions.join(' AND ')}`;
}

/**
 * Fills in the missing baselines of the plans in scope (all plans unless one plan is named: the query returns
 * only targets that need it). Fills `report.baselines`, adds each to `report.changes` and any failed write to
 * `report.failures`.
 */
export async function completeBaselines(
  session: OrgSession,
  scope: Scope,
  options: RollupOptions,
  report: RollupReport,
): Promise<void> {
  const missing = await queryAll<MissingBaseline>(session, missingBaselinesQuery(scope));
  report.baselines.missing = missing.length;
  for (const target of missing) {
    report.changes.push({
      sobject: 'Plan_Target__c',
      id: target.Id,
      field: 'Baseline_Target_Value__c',
      from: null,
      to: target.Target_Value__c,
    });
  }
  if (options.dryRun || missing.length === 0) return;
  // Sorted by section: children of one master are written together (fewer lock conflicts).
  missing.sort((a, b) => a.Plan_Section__c.localeCompare(b.Plan_Section__c));
  const records = missing.map((t) => ({ Id: t.Id, Baseline_Target_Value__c: t.Target_Value__c }));
  const bar = options.onStep?.('complete baselines', records.length);
  const outcomes = await writeRecords(session, {
    sobject: 'Plan_Target__c',
    operation: 'update',
    records,
    policy: options.policy,
    onProgress: bar?.tick,
  });
  bar?.done();
  report.baselines.completed = outcomes.filter((o) => o.success).length;
  report.failures.push(...failuresOf('Plan_Target__c', records, outcomes, (r) => String(r.Id)));
}
