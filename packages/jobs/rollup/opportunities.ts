/**
 * The rollup's APR counters on opportunities, for stale-deal detection: the last APR action date and the action
 * count per opportunity, aggregated in one keyset-paged query, compared with the stored values, and the changed
 * ones written. No metric of the shipped catalog reads them, so they are read and written while the metrics run.
 */
import type { OrgSession } from '../connection';
import { aggregateAll, queryAll } from '../query';
import type { FieldTypes } from './aggregates';
import type { MetricDefinition } from './catalog';
import { same } from './diff';
import { idList, idLiteral, norm } from './soql';
import type { Change, PendingUpdate, RollupOptions, RollupReport, Scope } from './types';
import { writeUpdates } from './write';

/** The Opportunity fields the counters write. */
const COUNTER_FIELDS = ['Last_APR_Action_Date__c', 'APR_Action_Count__c'];

/** An opportunity's counters: the date of its last APR action and how many it has (null: none). */
export interface Counters {
  date: string | null;
  count: number | null;
}

export interface StoredOpportunity {
  Id: string;
  Last_APR_Action_Date__c: string | null;
  APR_Action_Count__c: number | null;
  Partner_Account__c: string | null;
}

/**
 * The counter updates (pure): every stored opportunity in scope whose counters differ from the computed ones
 * (it may have lost its actions), then every opportunity that gets counters for the first time. Returns the
 * updates and how many opportunities were compared.
 */
export function counterUpdates(
  stored: StoredOpportunity[],
  computed: Map<string, Counters>,
  scope: Scope,
  changes: Change[],
): { updates: PendingUpdate[]; read: number } {
  const updates: PendingUpdate[] = [];
  const seen = new Set<string>();
  const compare = (id: string, current: Counters): void => {
    const next = computed.get(norm(id)) ?? { date: null, count: null };
    if (!same(current.date, next.date) || !same(current.count, next.count)) {
      updates.push({ Id: id, Last_APR_Action_Date__c: next.date, APR_Action_Count__c: next.count, __parent: id });
      changes.push({
        sobject: 'Opportunity',
        id,
        field: 'APR_Action_Count__c',
        from: current.count,
        to: next.count,
      });
    }
  };
  for (const o of stored) {
    if (scope.partners && !scope.partners.has(norm(o.Partner_Account__c))) continue;
    seen.add(norm(o.Id));
    compare(o.Id, { date: o.Last_APR_Action_Date__c, count: o.APR_Action_Count__c });
  }
  for (const [id] of computed) if (!seen.has(id)) compare(id, { date: null, count: null });
  return { updates, read: seen.size + [...computed.keys()].filter((id) => !seen.has(id)).length };
}

/** Last APR action date and action count per opportunity, compared with the stored values. */
export async function opportunityCounters(
  session: OrgSession,
  scope: Scope,
  report: RollupReport,
): Promise<PendingUpdate[]> {
  const partnerFilter = scope.partners && scope.partners.size <= 200 ? idList(scope.partners) : undefined;
  const { rows, queries } = await aggregateAll<{ o: string; d: string; n: number }>(
    session,
    'o',
    (cursor) =>
      `SELECT Opportunity__c o, MAX(Action_Date__c) d, COUNT(Id) n FROM APR_Action__c WHERE Opportunity__c != null` +
      `${partnerFilter ? ` AND Opportunity__r.Partner_Account__c IN (${partnerFilter})` : ''}` +
      `${cursor ? ` AND Opportunity__c >= ${idLiteral(cursor)}` : ''} GROUP BY Opportunity__c ORDER BY Opportunity__c LIMIT 2000`,
  );
  report.aggregateQueries += queries;
  const computed = new Map<string, Counters>(rows.map((r) => [norm(r.o), { date: r.d, count: r.n }]));
  // Opportunities that have counters now (they may have lost their actions) or get them now.
  const stored = await queryAll<StoredOpportunity>(
    session,
    `SELECT Id, Last_APR_Action_Date__c, APR_Action_Count__c, Partner_Account__c FROM Opportunity WHERE APR_Action_Count__c != null` +
      `${partnerFilter ? ` AND Partner_Account__c IN (${partnerFilter})` : ''}`,
  );
  const { updates, read } = counterUpdates(stored, computed, scope, report.changes);
  report.read.opportunities = read;
  return updates;
}

/**
 * Whether a metric of the catalog reads what the counters write: a counter field, or an Opportunity formula
 * computed from one (through other formulas too), named anywhere in its definition. Such a metric must see the
 * counters of the last run, so this run writes its counters after the metrics, not while they run.
 */
export async function countersFeedMetrics(types: FieldTypes, catalog: Map<string, MetricDefinition>): Promise<boolean> {
  const fed = new Set(COUNTER_FIELDS.map((f) => f.toLowerCase()));
  const formulas = await types.formulas('Opportunity');
  const names = (text: string | null): string[] => (text ?? '').toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? [];
  for (let grew = true; grew;) {
    grew = false;
    for (const [field, formula] of formulas) {
      if (!fed.has(field) && names(formula).some((n) => fed.has(n))) {
        fed.add(field);
        grew = true;
      }
    }
  }
  return [...catalog.values()].some((m) =>
    [m.filter, m.valueField, m.dateField, m.partnerPath, m.personPath, m.customerPath].some((text) =>
      names(text).some((n) => fed.has(n)),
    ),
  );
}

/**
 * Reads the counters, compares them and writes the changed ones (a dry run counts them), into `report`: its
 * aggregate queries, opportunities read, changes, and the Opportunity counts, failures and notes of the write.
 * The write waits for `writeWhen`, if given, so it can fill a time the org would otherwise wait for the client.
 */
export async function writeOpportunityCounters(
  session: OrgSession,
  scope: Scope,
  options: RollupOptions,
  report: RollupReport,
  writeWhen?: Promise<void>,
): Promise<void> {
  const updates = await opportunityCounters(session, scope, report);
  await writeWhen;
  await writeUpdates(session, [['Opportunity', updates]], options, report);
}
