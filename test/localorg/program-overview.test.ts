/**
 * The Program Overview's GraphQL aggregate documents (force-app/.../programOverview/queries.ts, the exact
 * strings the component sends, read with its own readers) against a seeded, rolled-up local org over HTTP:
 * every figure equals the same figure computed directly in SQL on the org's database (an independent check,
 * as the rollup benchmark does). Then as an AE: the aggregates count only what their access shows.
 */
import type { Database } from 'better-sqlite3';
import { runSeed } from '../../packages/jobs/seed';
import { parseScale } from '../../packages/jobs/seed/scales';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { rollupAsOf } from '../support/rollup';
import { quietProgress, scriptSession } from '../support/scripts';
import { login } from '../support/security';
import { gql, type GraphQLAnswer } from '../support/ui-api';
import { mockGqlKeepingText } from '../support/component-documents';

type Queries = typeof import('../../force-app/main/default/lwc/programOverview/queries');
type Figures = typeof import('../../force-app/main/default/lwc/programOverview/figures');

/** The component's modules, loaded with `gql` keeping the text (as the app's and the jest mock's do). */
function componentModules(): { q: Queries; f: Figures } {
  mockGqlKeepingText();
  jest.doMock(
    'c/metricSemantics',
    () => jest.requireActual('../../force-app/main/default/lwc/metricSemantics/metricSemantics'),
    { virtual: true },
  );
  return {
    q: jest.requireActual<Queries>('../../force-app/main/default/lwc/programOverview/queries'),
    f: jest.requireActual<Figures>('../../force-app/main/default/lwc/programOverview/figures'),
  };
}

const { q, f } = componentModules();
const TODAY = new Date().toISOString().slice(0, 10);
const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const CUTOFF = addDays(TODAY, -q.STALE_DAYS);
/** The org's fiscal year starts in January: this fiscal quarter is the calendar quarter. */
const pad = (n: number): string => String(n).padStart(2, '0');
const YEAR = Number(TODAY.slice(0, 4));
const FIRST_MONTH = Math.floor((Number(TODAY.slice(5, 7)) - 1) / 3) * 3 + 1;
const QUARTER_START = `${YEAR}-${pad(FIRST_MONTH)}-01`;
const QUARTER_END = addDays(FIRST_MONTH === 10 ? `${YEAR + 1}-01-01` : `${YEAR}-${pad(FIRST_MONTH + 3)}-01`, -1);

let t: TestOrg;
let db: Database;

const source = (document: unknown): string => (document as { source: string }).source;
const list = (values: string[]): string => values.map((v) => `'${v}'`).join(', ');

async function run(document: unknown, variables: Record<string, unknown>, conn = t.conn): Promise<GraphQLAnswer> {
  const answer = await gql(conn, source(document), variables);
  expect(answer.errors).toBeUndefined();
  return answer;
}

function ready<T>(rows: { kind: string; value?: T[]; truncated?: boolean }): T[] {
  expect(rows.kind).toBe('ready');
  expect(rows.truncated).toBe(false);
  return rows.value as T[];
}

const key = (...parts: (string | number | null | undefined)[]): string => parts.map((p) => p ?? '∅').join('|');
/** The sort key of a row by some of its fields. */
const keyOf = (row: unknown, ...names: string[]): string =>
  key(...names.map((n) => (row as Record<string, string | null>)[n]));
const round = (n: number | null | undefined): number | null =>
  n === null || n === undefined ? null : Math.round(n * 1e6) / 1e6;

beforeAll(async () => {
  t = await startTestOrg();
  db = t.org.storage.db as Database;
  const session = await scriptSession(t);
  try {
    const report = await runSeed(session, {
      scale: parseScale('small'),
      seed: 42,
      asOf: TODAY,
      partnersPerChunk: 4,
      progress: quietProgress(),
    });
    expect(report.failures).toEqual([]);
  } finally {
    await session.close();
  }
  await rollupAsOf(t, TODAY);
}, 600_000);
afterAll(() => t.close());

const OPEN_PLANS = () => `p."IsDeleted" = 0 AND p."Status__c" IN (${list(q.OPEN_PLAN_STATUSES)})`;

describe('the figures equal a direct computation', () => {
  it('plans by partner and tier', async () => {
    const plans = ready(
      q.readPlans({
        data: (await run(q.PLANS_BY_PARTNER_QUERY, { statuses: q.OPEN_PLAN_STATUSES })).data ?? undefined,
      }),
    );
    const direct = db
      .prepare(
        `SELECT p."Id" AS planId, p."Name" AS planName, p."Partner_Account__c" AS partnerId, a."Name" AS partnerName,
                a."Partner_Tier__c" AS tier, p."Overall_Attainment__c" AS attainment
         FROM "Partner_Account_Plan__c" p LEFT JOIN "Account" a ON a."Id" = p."Partner_Account__c"
         WHERE ${OPEN_PLANS()}`,
      )
      .all() as Record<string, unknown>[];
    expect(direct.length).toBeGreaterThan(5);
    const byKey = (rows: Record<string, unknown>[]) =>
      rows
        .map((r) => ({ ...r, attainment: round(r.attainment as number | null) }))
        .sort((a, b) => keyOf(a, 'planId').localeCompare(keyOf(b, 'planId')));
    expect(byKey(plans as unknown as Record<string, unknown>[])).toEqual(byKey(direct));
    expect(plans.some((p) => p.attainment !== null)).toBe(true);

    const tiers = ready(
      q.readTiers({
        data: (await run(q.ATTAINMENT_BY_TIER_QUERY, { statuses: q.OPEN_PLAN_STATUSES })).data ?? undefined,
      }),
    );
    const directTiers = db
      .prepare(
        `SELECT a."Partner_Tier__c" AS tier, COUNT(p."Id") AS plans, COUNT(DISTINCT p."Partner_Account__c") AS partners,
                AVG(p."Overall_Attainment__c") AS average, MIN(p."Overall_Attainment__c") AS lowest,
                MAX(p."Overall_Attainment__c") AS highest
         FROM "Partner_Account_Plan__c" p LEFT JOIN "Account" a ON a."Id" = p."Partner_Account__c"
         WHERE ${OPEN_PLANS()} GROUP BY a."Partner_Tier__c"`,
      )
      .all() as Record<string, unknown>[];
    const norm = (rows: Record<string, unknown>[]) =>
      rows
        .map((r) => ({
          ...r,
          average: round(r.average as number),
          lowest: round(r.lowest as number),
          highest: round(r.highest as number),
        }))
        .sort((a, b) => keyOf(a, 'tier').localeCompare(keyOf(b, 'tier')));
    expect(norm(tiers as unknown as Record<string, unknown>[])).toEqual(norm(directTiers));
    // A partner's attainment in the table is the mean of its plans' attainment.
    const partner = f.partnerFigures(plans, [])[0];
    const own = plans
      .filter((p) => p.partnerId === partner.partnerId && p.attainment !== null)
      .map((p) => p.attainment as number);
    expect(partner.attainment).toBeCloseTo(own.reduce((s, v) => s + v, 0) / own.length, 6);
  });

  it('targets by partner manager and metric, and the metric sums', async () => {
    const rows = ready(
      q.readManagerMetrics({
        data:
          (await run(q.TARGETS_BY_MANAGER_QUERY, { statuses: q.OPEN_PLAN_STATUSES, today: TODAY })).data ?? undefined,
      }),
    );
    const direct = db
      .prepare(
        `SELECT t."Accountable_Partner_Manager__c" AS managerId, u."Name" AS managerName, t."Metric__c" AS metric,
                COUNT(t."Id") AS targets, AVG(t."Attainment__c") AS averageAttainment, COUNT(t."Attainment__c") AS withAttainment,
                SUM(t."Target_Value__c") AS target, SUM(t."Expected_To_Date__c") AS expected, SUM(t."Actual_Value__c") AS actual
         FROM "Plan_Target__c" t
         JOIN "Plan_Section__c" s ON s."Id" = t."Plan_Section__c"
         JOIN "Partner_Account_Plan__c" p ON p."Id" = s."Partner_Account_Plan__c"
         LEFT JOIN "User" u ON u."Id" = t."Accountable_Partner_Manager__c"
         WHERE t."IsDeleted" = 0 AND ${OPEN_PLANS()} AND t."Parent_Target__c" IS NULL AND t."Period_Start__c" <= ?
         GROUP BY t."Accountable_Partner_Manager__c", u."Name", t."Metric__c"`,
      )
      .all(TODAY) as Record<string, number | string | null>[];
    expect(direct.length).toBeGreaterThan(5);
    const norm = (list: Record<string, unknown>[]) =>
      list
        .map((r) => ({
          ...r,
          averageAttainment: round(r.averageAttainment as number),
          target: round(r.target as number),
          expected: round(r.expected as number),
          actual: round(r.actual as number),
        }))
        .sort((a, b) => keyOf(a, 'managerId', 'metric').localeCompare(keyOf(b, 'managerId', 'metric')));
    expect(norm(rows as unknown as Record<string, unknown>[])).toEqual(norm(direct));
    // The program's sum of a cumulative metric is the sum over every manager.
    const revenue = f.metricFigures(rows, {}).find((m) => m.metric === 'Closed_Won_Revenue');
    const directRevenue = direct
      .filter((r) => r.metric === 'Closed_Won_Revenue')
      .reduce((s, r) => s + Number(r.actual ?? 0), 0);
    expect(revenue?.actual).toBeCloseTo(directRevenue, 6);
  });

  it('targets behind pace by partner manager and plan', async () => {
    const rows = ready(
      q.readBehind({
        data: (await run(q.BEHIND_BY_MANAGER_QUERY, { statuses: q.AGREED_PLAN_STATUSES })).data ?? undefined,
      }),
    );
    const direct = db
      .prepare(
        `SELECT t."Accountable_Partner_Manager__c" AS managerId, u."Name" AS managerName, p."Id" AS planId, p."Name" AS planName,
                a."Name" AS partnerName, COUNT(t."Id") AS count
         FROM "Plan_Target__c" t
         JOIN "Plan_Section__c" s ON s."Id" = t."Plan_Section__c"
         JOIN "Partner_Account_Plan__c" p ON p."Id" = s."Partner_Account_Plan__c"
         LEFT JOIN "Account" a ON a."Id" = p."Partner_Account__c"
         LEFT JOIN "User" u ON u."Id" = t."Accountable_Partner_Manager__c"
         WHERE t."IsDeleted" = 0 AND p."IsDeleted" = 0 AND t."Pace_Status__c" = 'Behind'
           AND p."Status__c" IN (${list(q.AGREED_PLAN_STATUSES)})
         GROUP BY t."Accountable_Partner_Manager__c", u."Name", p."Id", p."Name", a."Name"`,
      )
      .all() as Record<string, unknown>[];
    expect(direct.length).toBeGreaterThan(0);
    const sort = (list: Record<string, unknown>[]) =>
      [...list].sort((a, b) => keyOf(a, 'managerId', 'planId').localeCompare(keyOf(b, 'managerId', 'planId')));
    expect(sort(rows as unknown as Record<string, unknown>[])).toEqual(sort(direct));
  });

  it("this fiscal quarter's APR actions by person and type", async () => {
    const rows = ready(
      q.readActions({
        data: (await run(q.ACTION_LEADERBOARD_QUERY, { excluded: [q.COACHING_SESSION] })).data ?? undefined,
      }),
    );
    const direct = db
      .prepare(
        `SELECT r."Actor__c" AS actorId, u."Name" AS actorName, r."Action_Type__c" AS actionType, COUNT(r."Id") AS actions,
                SUM(r."Quantity__c") AS quantity
         FROM "APR_Action__c" r LEFT JOIN "User" u ON u."Id" = r."Actor__c"
         WHERE r."IsDeleted" = 0 AND r."Action_Date__c" >= ? AND r."Action_Date__c" <= ?
           AND (r."Action_Type__c" IS NULL OR r."Action_Type__c" <> ?)
         GROUP BY r."Actor__c", u."Name", r."Action_Type__c"`,
      )
      .all(QUARTER_START, QUARTER_END, q.COACHING_SESSION) as Record<string, unknown>[];
    expect(direct.length).toBeGreaterThan(0);
    const sort = (list: Record<string, unknown>[]) =>
      [...list].sort((a, b) =>
        key(a.actorId as string, a.actionType as string).localeCompare(
          key(b.actorId as string, b.actionType as string),
        ),
      );
    expect(sort(rows as unknown as Record<string, unknown>[])).toEqual(sort(direct));
  });

  it('stale partner deals by owner', async () => {
    const rows = ready(
      q.readStale({ data: (await run(q.STALE_DEALS_BY_OWNER_QUERY, { cutoff: CUTOFF })).data ?? undefined }),
    );
    const direct = db
      .prepare(
        `SELECT o."OwnerId" AS ownerId, u."Name" AS ownerName, COUNT(o."Id") AS deals, SUM(o."Amount") AS amount
         FROM "Opportunity" o LEFT JOIN "User" u ON u."Id" = o."OwnerId"
         WHERE o."IsDeleted" = 0 AND o."IsClosed" = 0 AND o."Partner_Account__c" IS NOT NULL
           AND (o."Last_APR_Action_Date__c" IS NULL OR o."Last_APR_Action_Date__c" < ?)
         GROUP BY o."OwnerId", u."Name"`,
      )
      .all(CUTOFF) as Record<string, unknown>[];
    expect(direct.length).toBeGreaterThan(0);
    const sort = (list: Record<string, unknown>[]) =>
      [...list]
        .map((r) => ({ ...r, amount: round(r.amount as number) }))
        .sort((a, b) => keyOf(a, 'ownerId').localeCompare(keyOf(b, 'ownerId')));
    expect(sort(rows as unknown as Record<string, unknown>[])).toEqual(sort(direct));
  });
});

describe('as an AE', () => {
  it('counts only the plans and deals their access shows, as SOQL does for them', async () => {
    const ae = (
      await t.conn.query<{ Username: string; Id: string }>(
        `SELECT Id, Username FROM User WHERE Username LIKE '%user-ae-%' ORDER BY Username LIMIT 1`,
      )
    ).records[0];
    const conn = await login(t, ae.Username);
    const plans = ready(
      q.readPlans({
        data: (await run(q.PLANS_BY_PARTNER_QUERY, { statuses: q.OPEN_PLAN_STATUSES }, conn)).data ?? undefined,
      }),
    );
    const soql = await conn.query<{ Id: string }>(
      `SELECT Id FROM Partner_Account_Plan__c WHERE Status__c IN (${list(q.OPEN_PLAN_STATUSES)})`,
    );
    expect(plans.map((p) => p.planId).sort()).toEqual(soql.records.map((r) => r.Id).sort());
    const all = db.prepare(`SELECT COUNT(*) AS n FROM "Partner_Account_Plan__c" p WHERE ${OPEN_PLANS()}`).get() as {
      n: number;
    };
    expect(plans.length).toBeLessThan(all.n);

    const stale = ready(
      q.readStale({ data: (await run(q.STALE_DEALS_BY_OWNER_QUERY, { cutoff: CUTOFF }, conn)).data ?? undefined }),
    );
    const soqlStale = await conn.query<{ OwnerId: string }>(
      `SELECT OwnerId FROM Opportunity WHERE IsClosed = false AND Partner_Account__c != null
       AND (Last_APR_Action_Date__c < ${CUTOFF} OR Last_APR_Action_Date__c = null)`,
    );
    expect(stale.reduce((s, r) => s + r.deals, 0)).toBe(soqlStale.totalSize);
  });
});
