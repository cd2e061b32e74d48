/**
 * Rollup benchmark: the full rollup through the API on a seeded org against the same actuals computed
 * directly in SQL on the same database (the limit), and against a naive client that sends one aggregate
 * query per target. The direct SQL is hand-written per metric from the catalog's definitions and doubles as
 * an independent check: every actual the rollup wrote must equal it.
 */
import type { BenchOrg } from './org-process';
import type { OrgSession } from '@partner-planning/jobs';
import { runRollup } from '@partner-planning/jobs';
import { round } from './stats';

interface MetricSql {
  /** FROM clause (the source table, aliased r, with joins the paths need). */
  from: string;
  /** The aggregate over r for one target's rows. */
  aggregate: string;
  filter: string;
  date: string;
  partner: string;
  /** Conditions for a target's accountable people (t.Accountable_AE__c, t.Accountable_Partner_Manager__c). */
  person: string;
  customer: string;
}

const opportunity = (aggregate: string, filter: string): MetricSql => ({
  from: '"Opportunity" r',
  aggregate,
  filter,
  date: 'r."CloseDate"',
  partner: 'r."Partner_Account__c"',
  person: '(t."Accountable_AE__c" IS NULL OR r."OwnerId" = t."Accountable_AE__c")',
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
  Deal_Registrations: action('Quantity__c', ['Deal Registration']),
  Joint_Calls: action('Quantity__c', ['Joint Call']),
  Campaign_Actions: action('Quantity__c', CAMPAIGNS),
  Marketing_Spend: action('Cost__c', CAMPAIGNS),
  Trainings_Delivered: action('Quantity__c', ['Training Delivered']),
  Certifications_Earned: action('Quantity__c', ['Certification Earned']),
};

/** Actual per target Id, computed in SQL for every target of the listed metrics (Win_Rate from its parts). */
export function directActuals(org: BenchOrg): Map<string, number | null> {
  const db = org.storage.db;
  const actuals = new Map<string, number | null>();
  const perMetric = new Map<string, Map<string, number>>();
  for (const [metric, m] of Object.entries({ ...DIRECT_SQL })) {
    const rows = db
      .prepare(
        `SELECT t."Id" AS id, (
           SELECT ${m.aggregate} FROM ${m.from}
           WHERE r."IsDeleted" = 0 AND ${m.filter} AND ${m.partner} = p."Partner_Account__c"
             AND ${m.date} >= t."Period_Start__c" AND ${m.date} <= t."Period_End__c" AND ${m.person}
             AND (t."Target_Account__c" IS NULL OR ${m.customer} = t."Target_Account__c")
         ) AS value
         FROM "Plan_Target__c" t
         JOIN "Plan_Section__c" s ON s."Id" = t."Plan_Section__c"
         JOIN "Partner_Account_Plan__c" p ON p."Id" = s."Partner_Account_Plan__c"
         WHERE t."IsDeleted" = 0 AND (t."Metric__c" = ? OR (? IN ('Closed_Won_Deals', 'Closed_Deals') AND t."Metric__c" = 'Win_Rate'))`,
      )
      .all(metric, metric) as { id: string; value: number }[];
    perMetric.set(metric, new Map(rows.map((r) => [r.id, r.value])));
    const isTarget = db
      .prepare(`SELECT "Id" FROM "Plan_Target__c" WHERE "Metric__c" = ? AND "IsDeleted" = 0`)
      .pluck(true);
    for (const id of isTarget.all(metric) as string[]) actuals.set(id, perMetric.get(metric)?.get(id) ?? 0);
  }
  const won = perMetric.get('Closed_Won_Deals') ?? new Map<string, number>();
  const closed = perMetric.get('Closed_Deals') ?? new Map<string, number>();
  const winRateTargets = db
    .prepare(`SELECT "Id" FROM "Plan_Target__c" WHERE "Metric__c" = 'Win_Rate' AND "IsDeleted" = 0`)
    .pluck(true);
  for (const id of winRateTargets.all() as string[]) {
    const c = closed.get(id) ?? 0;
    actuals.set(id, c === 0 ? null : ((won.get(id) ?? 0) / c) * 100);
  }
  return actuals;
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

  const started = process.hrtime.bigint();
  const expected = directActuals(org);
  const directSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  const stored = org.storage.db
    .prepare(`SELECT "Id" AS id, "Actual_Value__c" AS actual FROM "Plan_Target__c" WHERE "IsDeleted" = 0`)
    .all() as {
    id: string;
    actual: number | null;
  }[];
  let mismatches = 0;
  for (const row of stored) {
    if (!expected.has(row.id)) continue;
    const want = expected.get(row.id);
    const wantRounded = want === null || want === undefined ? null : round(want);
    if (wantRounded !== row.actual) mismatches++;
  }

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
