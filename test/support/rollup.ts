/**
 * Helpers of the rollup tests: creating records, reading a target's computed fields back, running the
 * rollup as of a day, and a copy of this project's force-app with extra Plan_Metric__mdt records (metrics a
 * test needs that the catalog does not have).
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { REPO_ROOT } from '../../packages/model';
import type { MetricDefinition } from '../../packages/jobs/rollup/catalog';
import { runRollup, type RollupReport } from '../../packages/jobs/rollup/engine';
import { DEFAULT_SEMANTICS } from '../../packages/jobs/rollup/semantics';
import type { TestOrg } from './localorg';
import { scriptSession } from './scripts';

export type Rec = Record<string, unknown>;

export async function create(conn: Connection, sobject: string, fields: Rec): Promise<string> {
  const result = await conn.sobject(sobject).create(fields);
  if (!result.success) throw new Error(JSON.stringify(result));
  return result.id as string;
}

export interface TargetValues {
  Actual_Value__c: number | null;
  Attainment__c: number | null;
  Expected_To_Date__c: number | null;
  Pace_Status__c: string | null;
}

/** A target's computed fields, as stored. */
export async function targetValues(conn: Connection, id: string): Promise<TargetValues> {
  const r = (await conn.sobject('Plan_Target__c').retrieve(id)) as unknown as TargetValues;
  return {
    Actual_Value__c: r.Actual_Value__c,
    Attainment__c: r.Attainment__c,
    Expected_To_Date__c: r.Expected_To_Date__c,
    Pace_Status__c: r.Pace_Status__c,
  };
}

/** Runs the whole rollup as of `asOf` through the org's API. */
export async function rollupAsOf(t: TestOrg, asOf: string): Promise<RollupReport> {
  const session = await scriptSession(t);
  try {
    return await runRollup(session, { asOf, dryRun: false, now: `${asOf}T12:00:00.000Z` });
  } finally {
    await session.close();
  }
}

/** One Plan_Metric__mdt record: its values by field (strings, numbers as xsd:double, booleans). */
export function metricXml(label: string, values: Record<string, string | number | boolean>): string {
  const value = (v: string | number | boolean): string =>
    typeof v === 'boolean'
      ? `<value xsi:type="xsd:boolean">${v}</value>`
      : typeof v === 'number'
        ? `<value xsi:type="xsd:double">${v}</value>`
        : `<value xsi:type="xsd:string">${v.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</value>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
    <label>${label}</label>
    <protected>false</protected>
${Object.entries(values)
  .map(([field, v]) => `    <values><field>${field}</field>${value(v)}</values>`)
  .join('\n')}
</CustomMetadata>
`;
}

/** A temporary copy of this project's force-app with extra metric records (DeveloperName -> file text). */
export function forceAppWithMetrics(metrics: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pap-metrics-'));
  cpSync(join(REPO_ROOT, 'force-app'), join(root, 'force-app'), { recursive: true });
  for (const [name, xml] of Object.entries(metrics)) {
    writeFileSync(join(root, `force-app/main/default/customMetadata/Plan_Metric.${name}.md-meta.xml`), xml);
  }
  return root;
}

/** A catalog metric as the rollup reads it: an Opportunity count by partner, AE and customer unless `extra` says. */
export const metricDefinition = (name: string, extra: Partial<MetricDefinition> = {}): MetricDefinition => ({
  name,
  label: name,
  category: 'Sales',
  sourceObject: 'Opportunity',
  aggregate: 'COUNT',
  valueField: null,
  dateField: 'CloseDate',
  partnerPath: 'Partner_Account__c',
  personPath: 'OwnerId',
  accountablePerson: 'AE',
  customerPath: 'AccountId',
  filter: null,
  numerator: null,
  denominator: null,
  unit: 'Number',
  semantics: DEFAULT_SEMANTICS,
  ...extra,
});
