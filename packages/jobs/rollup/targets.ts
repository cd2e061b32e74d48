/**
 * Phase 1 of the rollup, load targets: which plans the run covers (one plan, the plans whose inputs changed
 * since a time, or all) and the targets of those plans, each with its partner.
 */
import type { JsonMap } from '@salesforce/ts-types';
import type { OrgSession } from '../connection';
import { aggregateAll, queryAll } from '../query';
import { expectString, optionalString, queryPage } from '../response';
import type { MetricDefinition } from './catalog';
import { idList, idLiteral, norm } from './soql';
import type { RollupOptions, Scope, TargetRow } from './types';

/** The ISO datetime --since takes (a recorded run checks it before it writes its record). */
export const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Which plans to roll up: one (--plan), those whose inputs changed (--since), or all. */
export async function resolveScope(
  session: OrgSession,
  catalog: Map<string, MetricDefinition>,
  options: RollupOptions,
): Promise<Scope> {
  if (options.planId) {
    const where = `the query for plan ${options.planId}`;
    const result = await session.conn.query<JsonMap>(
      `SELECT Id, Partner_Account__c FROM Partner_Account_Plan__c WHERE Id = ${idLiteral(options.planId)}`,
    );
    const plan = queryPage<JsonMap>(result, where).records[0];
    if (!plan) throw new Error(`No plan with Id ${options.planId} is visible in this org.`);
    return {
      plans: new Set([norm(expectString(plan, 'Id', where))]),
      partners: new Set([norm(optionalString(plan, 'Partner_Account__c', where))]),
    };
  }
  if (!options.since) return {};
  if (!DATETIME.test(options.since))
    throw new Error(`--since must be an ISO datetime such as 2026-11-01T00:00:00Z, not "${options.since}"`);
  const partners = new Set<string>();
  // Partners with changed source records (per distinct source object and partner path)...
  const sources = new Map<string, string>();
  for (const m of catalog.values())
    if (m.aggregate !== 'RATIO' && m.partnerPath) sources.set(`${m.sourceObject}|${m.partnerPath}`, m.partnerPath);
  for (const [key, path] of sources) {
    const object = key.split('|')[0];
    const { rows } = await aggregateAll<{ p: string }>(
      session,
      'p',
      (cursor) =>
        `SELECT ${path} p, COUNT(Id) n FROM ${object} WHERE SystemModstamp > ${options.since} AND ${path} != null` +
        `${cursor ? ` AND ${path} >= ${idLiteral(cursor)}` : ''} GROUP BY ${path} ORDER BY ${path} LIMIT 2000`,
    );
    for (const row of rows) partners.add(norm(row.p));
  }
  // ...and plans whose own targets, sections or plan record changed.
  const changedPlans = await queryAll<{ Plan_Section__r: { Partner_Account_Plan__r: { Partner_Account__c: string } } }>(
    session,
    `SELECT Plan_Section__r.Partner_Account_Plan__r.Partner_Account__c FROM Plan_Target__c WHERE SystemModstamp > ${options.since} OR Plan_Section__r.SystemModstamp > ${options.since} OR Plan_Section__r.Partner_Account_Plan__r.SystemModstamp > ${options.since}`,
  );
  for (const row of changedPlans) partners.add(norm(row.Plan_Section__r.Partner_Account_Plan__r.Partner_Account__c));
  return { partners };
}

const TARGET_FIELDS = [
  'Id',
  'Metric__c',
  'Period_Start__c',
  'Period_End__c',
  'Target_Value__c',
  'Weight__c',
  'Accountable_AE__c',
  'Accountable_Partner_Manager__c',
  'Target_Account__c',
  'Parent_Target__c',
  'Actual_Value__c',
  'Attainment__c',
  'Expected_To_Date__c',
  'Pace_Status__c',
  'Plan_Section__c',
];

/** The partner account of a target's plan (normalized; '' when the plan has none). */
export const partnerOf = (t: TargetRow): string => norm(t.Plan_Section__r?.Partner_Account_Plan__r?.Partner_Account__c);

interface SectionRow {
  Id: string;
  Partner_Account_Plan__c: string;
  Partner_Account_Plan__r: { Partner_Account__c: string } | null;
}

/**
 * The targets in scope of plans that are not Closed, with their partner (and their currency in a multi-currency
 * org). Each target's plan and partner come from one read of the sections rather than two nested objects in
 * every target row: a plan has tens of targets per section, and those objects were a third of what was read.
 */
export async function loadTargets(session: OrgSession, scope: Scope, multiCurrency = false): Promise<TargetRow[]> {
  // A Closed plan's figures are final (and its targets locked): the rollup never reads or rewrites them.
  const inPlans = (path: string): string =>
    `${path}Partner_Account_Plan__r.Status__c != 'Closed'${scope.plans ? ` AND ${path}Partner_Account_Plan__c IN (${idList(scope.plans)})` : ''}`;
  const fields = multiCurrency ? [...TARGET_FIELDS, 'CurrencyIsoCode'] : TARGET_FIELDS;
  const rows = await queryAll<Omit<TargetRow, 'Plan_Section__r'>>(
    session,
    `SELECT ${fields.join(', ')} FROM Plan_Target__c WHERE ${inPlans('Plan_Section__r.')}`,
  );
  // Read after the targets: a section missing here had its plan closed in between, so its targets are left alone.
  const sections = new Map<string, TargetRow['Plan_Section__r']>();
  for (const s of await queryAll<SectionRow>(
    session,
    `SELECT Id, Partner_Account_Plan__c, Partner_Account_Plan__r.Partner_Account__c FROM Plan_Section__c WHERE ${inPlans('')}`,
  )) {
    sections.set(norm(s.Id), {
      Partner_Account_Plan__c: s.Partner_Account_Plan__c,
      Partner_Account_Plan__r: s.Partner_Account_Plan__r && {
        Partner_Account__c: s.Partner_Account_Plan__r.Partner_Account__c,
      },
    });
  }
  const targets: TargetRow[] = [];
  for (const row of rows) {
    const section = sections.get(norm(row.Plan_Section__c));
    if (!section) continue;
    // The row read is completed in place: a copy of each of hundreds of thousands of rows costs a pause.
    const target = Object.assign(row, { Plan_Section__r: section });
    if (!scope.partners || scope.plans || scope.partners.has(partnerOf(target))) targets.push(target);
  }
  return targets;
}
