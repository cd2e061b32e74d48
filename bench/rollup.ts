/**
 * Rollup benchmark: the full rollup through the API on a seeded org against the same actuals computed
 * directly in SQL on the same database (the limit), and against a naive client that sends one aggregate
 * query per target. The direct SQL is hand-written per metric from the catalog's definitions and doubles as
 * an independent check: every actual the rollup wrote must equal it, and so must the attainment, expected-to-date
 * and pace status that metricSemantics gives for that actual (rates, snapshots, budgets and lower-is-better
 * metrics included).
 */
import type { BenchOrg } from './org-process';
import type { OrgSession } from '@partner-planning/jobs';
import { runRollup } from '@partner-planning/jobs';
import {
  semanticsOf,
  targetFigures,
  type MetricSemantics,
  type TargetFigures,
} from '../force-app/main/default/lwc/metricSemantics/metricSemantics';
import { round } from './stats';

interface MetricSql {
  /** FROM clause (the source table, aliased r, with joins the paths need). */
  from: string;
  /** The aggregate over r for one target's rows. */
  aggregate: string;
  filter: string;
  /** The date placing a record in a target's period; null for a snapshot of the current state. */
  date: string | null;
  partner: string;
  /** Conditions for a target's accountable people (t.Accountable_AE__c, t.Accountable_Partner_Manager__c). */
  person: string;
  customer: string;
}

const AE_OWNS = '(t."Accountable_AE__c" IS NULL OR r."OwnerId" = t."Accountable_AE__c")';

const opportunity = (aggregate: string, filter: string, person = AE_OWNS): MetricSql => ({
  from: '"Opportunity" r',
  aggregate,
  filter,
  date: 'r."CloseDate"',
  partner: 'r."Partner_Account__c"',
  person,
  customer: 'r."AccountId"',
});

const action = (value: string, types: string[]): MetricSql => ({
  from: '"APR_Action__c" r LEFT JOIN "Opportunity" ro ON ro."Id" = r."Opportunity__c"',
  aggregate: `COALESCE(SUM(r."${value}"), 0)`,
  filter: `r."Action_Type__c" IN (${types.map((t) => `'${t}'`).join(', ')})`,
  date: 'r."Action_Date__c"',
  partner: 'r."Partner_Account__c"',
  person:
    '((t."Accountable_AE__c" IS NULL AND t."Accountable_Partner_Manager__c" IS NULL) OR r."Actor__c" IN (t."Accountable_AE__c", t."Accountable_Partner_Manager__c"))',
  customer: 'ro."AccountId"',
});

const CAMPAIGNS = ['Email Campaign', 'Call Blitz', 'Trade Show'];

/** The metrics the seed gives targets for, as direct SQL. */
export const DIRECT_SQL: Record<string, MetricSql> = {
  Closed_Won_Revenue: opportunity('COALESCE(SUM(r."Amount"), 0)', 'r."IsWon" = 1'),
  Closed_Won_Deals: opportunity('COUNT(r."Id")', 'r."IsWon" = 1'),
  Closed_Deals: opportunity('COUNT(r."Id")', 'r."IsClosed" = 1'),
  // A rate (an average: no value without deals), a snapshot and a lower-is-better count.
  Average_Deal_Size: opportunity('AVG(r."Amount")', 'r."IsWon" = 1'),
  Open_Pipeline: opportunity('COALESCE(SUM(r."Amount"), 0)', 'r."IsClosed" = 0'),
  Lost_Deals: opportunity('COUNT(r."Id")', 'r."IsClosed" = 1 AND r."IsWon" = 0'),
  // A snapshot without a date field: certifications valid today (the org's clock), whatever the period.
  Active_Certifications: {
    from: '"Partner_Credential__c" r',
    aggregate: 'COUNT(r."Id")',
    filter: `r."Credential_Type__c" = 'Certification' AND (r."Expiry_Date__c" IS NULL OR r."Expiry_Date__c" >= date('now'))`,
    date: null,
    partner: 'r."Partner_Account__c"',
    person: '1 = 1',
    customer: 'NULL',
  },
  Deal_Registrations: action('Quantity__c', ['Deal Registration']),
  Joint_Calls: action('Quantity__c', ['Joint Call']),
  Campaign_Actions: action('Quantity__c', CAMPAIGNS),
  Marketing_Spend: action('Cost__c', CAMPAIGNS),
  Trainings_Delivered: action('Quantity__c', ['Training Delivered']),
  Certifications_Earned: action('Quantity__c', ['Certification Earned']),
};

/** What the check needs of a catalog metric: whose records count, and how its figures read. */
export interface CatalogEntry {
  accountablePerson: string;
  semantics: MetricSemantics;
}

/** The catalog as the org serves it (the metrics the direct SQL is checked against). */
export async function readCatalogEntries(session: OrgSession): Promise<Map<string, CatalogEntry>> {
  const result = await session.conn.query<{
    DeveloperName: string;
    Accountable_Person__c: string | null;
    Direction__c: string | null;
    Shape__c: string | null;
    Ahead_Threshold__c: number | null;
    Behind_Threshold__c: number | null;
  }>(
    'SELECT DeveloperName, Accountable_Person__c, Direction__c, Shape__c, Ahead_Threshold__c, Behind_Threshold__c FROM Plan_Metric__mdt',
  );
  return new Map(
    result.records.map((r) => [
      r.DeveloperName,
      {
        accountablePerson: r.Accountable_Person__c ?? 'None',
        semantics: semanticsOf({
          direction: r.Direction__c,
          shape: r.Shape__c,
          aheadThreshold: r.Ahead_Threshold__c,
          behindThreshold: r.Behind_Threshold__c,
        }),
      },
    ]),
  );
}

/**
 * Actual per target Id, computed in SQL for every target of the listed metrics (Win_Rate from its parts). An
 * opportunity metric whose catalog record counts no accountable person counts every owner's deals.
 */
export function directActuals(org: BenchOrg, catalog: Map<string, CatalogEntry>): Map<string, number | null> {
  const db = org.storage.db;
  const actuals = new Map<string, number | null>();
  const perMetric = new Map<string, Map<string, number | null>>();
  for (const [metric, definition] of Object.entries({ ...DIRECT_SQL })) {
    const everyone = definition.person === AE_OWNS && catalog.get(metric)?.accountablePerson === 'None';
    const m = everyone ? { ...definition, person: '1 = 1' } : definition;
    const rows = db
      .prepare(
        `SELECT t."Id" AS id, (
           SELECT ${m.aggregate} FROM ${m.from}
           WHERE r."IsDeleted" = 0 AND ${m.filter} AND ${m.partner} = p."Partner_Account__c"
             ${m.date ? `AND ${m.date} >= t."Period_Start__c" AND ${m.date} <= t."Period_End__c"` : ''} AND ${m.person}
             AND (t."Target_Account__c" IS NULL OR ${m.customer} = t."Target_Account__c")
         ) AS value
         FROM "Plan_Target__c" t
         JOIN "Plan_Section__c" s ON s."Id" = t."Plan_Section__c"
         JOIN "Partner_Account_Plan__c" p ON p."Id" = s."Partner_Account_Plan__c"
         WHERE t."IsDeleted" = 0 AND (t."Metric__c" = ? OR (? IN ('Closed_Won_Deals', 'Closed_Deals') AND t."Metric__c" = 'Win_Rate'))`,
      )
      .all(metric, metric) as { id: string; value: number | null }[];
    perMetric.set(metric, new Map(rows.map((r) => [r.id, r.value])));
    const isTarget = db
      .prepare(`SELECT "Id" FROM "Plan_Target__c" WHERE "Metric__c" = ? AND "IsDeleted" = 0`)
      .pluck(true);
    for (const id of isTarget.all(metric) as string[]) actuals.set(id, perMetric.get(metric)?.get(id) ?? null);
  }
  const won = perMetric.get('Closed_Won_Deals') ?? new Map<string, number | null>();
  const closed = perMetric.get('Closed_Deals') ?? new Map<string, number | null>();
  const winRateTargets = db
    .prepare(`SELECT "Id" FROM "Plan_Target__c" WHERE "Metric__c" = 'Win_Rate' AND "IsDeleted" = 0`)
    .pluck(true);
  for (const id of winRateTargets.all() as string[]) {
    const c = closed.get(id) ?? 0;
    actuals.set(id, c === 0 ? null : ((won.get(id) ?? 0) / c) * 100);
  }
  return actuals;
}

interface StoredTarget {
  id: string;
  metric: string;
  target: number | null;
  start: string;
  end: string;
  actual: number | null;
  attainment: number | null;
  expected: number | null;
  pace: string | null;
}

/**
 * Targets whose stored figures differ from those of the direct SQL actual read by the metric's semantics
 * (before its period starts a target has no actual, except a snapshot's current value).
 */
export function figureMismatches(
  org: BenchOrg,
  catalog: Map<string, CatalogEntry>,
  actuals: Map<string, number | null>,
  asOf: string,
): number {
  const stored = org.storage.db
    .prepare(
      `SELECT "Id" AS id, "Metric__c" AS metric, "Target_Value__c" AS target, "Period_Start__c" AS start,
         "Period_End__c" AS "end", "Actual_Value__c" AS actual, "Attainment__c" AS attainment,
         "Expected_To_Date__c" AS expected, "Pace_Status__c" AS pace
       FROM "Plan_Target__c" WHERE "IsDeleted" = 0`,
    )
    .all() as StoredTarget[];
  const rounded = (n: number | null): number | null => (n === null ? null : round(n));
  let mismatches = 0;
  for (const row of stored) {
    const semantics = catalog.get(row.metric)?.semantics;
    if (!actuals.has(row.id) || !semantics) continue;
    const want: TargetFigures = targetFigures(
      semantics,
      row.target,
      actuals.get(row.id) ?? null,
      row.start,
      row.end,
      asOf,
    );
    const same =
      rounded(want.actual) === row.actual &&
      rounded(want.attainment) === row.attainment &&
      rounded(want.expectedToDate) === row.expected &&
      want.pace === row.pace;
    if (!same) mismatches++;
  }
  return mismatches;
}

export interface RollupBench {
  targets: number;
  firstRun: { seconds: number; apiRequests: number; aggregateQueries: number; written: Record<string, number> };
  secondRun: { seconds: number; apiRequests: number; written: number };
  directSqlSeconds: number;
  ratioToDirectSql: number;
  mismatches: number;
  naive: { sampledTargets: number; msPerTarget: number; estimatedSeconds: number; ratioToRollup: number };
}

export async function benchRollup(org: BenchOrg, session: OrgSession, asOf: string): Promise<RollupBench> {
  const rollup = async () => {
    const before = session.requestCount();
    const started = process.hrtime.bigint();
    const report = await runRollup(session, { asOf, dryRun: false, now: new Date().toISOString() });
    return {
      report,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      requests: session.requestCount() - before,
    };
  };
  const first = await rollup();
  const second = await rollup();

  const catalog = await readCatalogEntries(session);
  const started = process.hrtime.bigint();
  const expected = directActuals(org, catalog);
  const directSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const mismatches = figureMismatches(org, catalog, expected, asOf);

  // A naive client: one aggregate query per target, on a sample of targets.
  const sample = (
    await session.conn.query<{
      Id: string;
      Period_Start__c: string;
      Period_End__c: string;
      Accountable_AE__c: string;
      Plan_Section__r: { Partner_Account_Plan__r: { Partner_Account__c: string } };
    }>(
      "SELECT Id, Period_Start__c, Period_End__c, Accountable_AE__c, Plan_Section__r.Partner_Account_Plan__r.Partner_Account__c FROM Plan_Target__c WHERE Metric__c = 'Closed_Won_Revenue' AND Target_Account__c = null LIMIT 200",
    )
  ).records;
  const naiveStarted = process.hrtime.bigint();
  for (const t of sample) {
    await session.conn.query(
      `SELECT SUM(Amount) FROM Opportunity WHERE IsWon = true AND Partner_Account__c = '${t.Plan_Section__r.Partner_Account_Plan__r.Partner_Account__c}' AND OwnerId = '${t.Accountable_AE__c}' AND CloseDate >= ${t.Period_Start__c} AND CloseDate <= ${t.Period_End__c}`,
    );
  }
  const msPerTarget = Number(process.hrtime.bigint() - naiveStarted) / 1e6 / Math.max(1, sample.length);
  const estimatedSeconds = (msPerTarget * first.report.read.targets) / 1000;
  return {
    targets: first.report.read.targets,
    firstRun: {
      seconds: round(first.seconds),
      apiRequests: first.requests,
      aggregateQueries: first.report.aggregateQueries,
      written: first.report.written,
    },
    secondRun: {
      seconds: round(second.seconds),
      apiRequests: second.requests,
      written: Object.values(second.report.written).reduce((a, b) => a + b, 0),
    },
    directSqlSeconds: round(directSeconds),
    ratioToDirectSql: round(first.seconds / directSeconds),
    mismatches,
    naive: {
      sampledTargets: sample.length,
      msPerTarget: round(msPerTarget),
      estimatedSeconds: round(estimatedSeconds),
      ratioToRollup: round(estimatedSeconds / first.seconds),
    },
  };
}
