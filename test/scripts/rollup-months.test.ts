/**
 * The rollup's month-grouped queries: periods of whole months are computed from one query per metric grouped by
 * calendar month and added up per period; other periods, and a partner with more than 2000 month groups (one
 * aggregate page), are queried period by period. The month-grouped queries run on batches of partner Ids, a
 * batch that fills a response being split in half. Every figure is worked out by hand below.
 */
import type { Connection } from 'jsforce';
import type { OrgSession } from '../../packages/jobs/connection';
import { AggregateSplitError, aggregateByIds } from '../../packages/jobs/query';
import { monthSpan, runRollup, type RollupReport } from '../../packages/jobs/rollup/engine';
import { newUserFields, startTestOrg, type TestOrg } from '../support/localorg';
import { scriptSession } from '../support/scripts';

type Rec = Record<string, unknown>;

async function create(conn: Connection, sobject: string, fields: Rec): Promise<string> {
  const result = await conn.sobject(sobject).create(fields);
  if (!result.success) throw new Error(JSON.stringify(result));
  return result.id as string;
}

async function createMany(conn: Connection, sobject: string, records: Rec[]): Promise<void> {
  for (let i = 0; i < records.length; i += 200) {
    const results = await conn.sobject(sobject).create(records.slice(i, i + 200));
    const failed = results.filter((r) => !r.success);
    if (failed.length) throw new Error(JSON.stringify(failed[0]));
  }
}

async function partnerSection(conn: Connection, name: string): Promise<{ partner: string; section: string }> {
  const partner = await create(conn, 'Account', { Name: name, Partner_Type__c: 'Reseller' });
  const plan = await create(conn, 'Partner_Account_Plan__c', {
    Name: `${name} plan`,
    Partner_Account__c: partner,
    Period_Start__c: '2026-01-01',
    Period_End__c: '2026-12-31',
  });
  const section = await create(conn, 'Plan_Section__c', { Name: 'Sales', Partner_Account_Plan__c: plan });
  return { partner, section };
}

describe('monthSpan', () => {
  it('accepts only periods from a 1st to the last day of a month', () => {
    expect(monthSpan('2026-01-01', '2026-03-31')).toEqual({ first: 2026 * 12, last: 2026 * 12 + 2 });
    expect(monthSpan('2024-02-01', '2024-02-29')).toEqual({ first: 2024 * 12 + 1, last: 2024 * 12 + 1 });
    expect(monthSpan('2026-02-01', '2026-02-28')).toBeDefined();
    expect(monthSpan('2025-02-01', '2025-02-29')).toBeUndefined();
    expect(monthSpan('2026-01-15', '2026-02-14')).toBeUndefined();
    expect(monthSpan('2026-01-02', '2026-01-31')).toBeUndefined();
    expect(monthSpan('2026-01-01', '2026-04-30')).toBeDefined();
    expect(monthSpan('2026-01-01', '2026-04-29')).toBeUndefined();
    expect(monthSpan('2026-03-01', '2026-02-28')).toBeUndefined();
  });
});

describe('rollup over months', () => {
  let t: TestOrg;
  let report: RollupReport;
  const ids: Record<string, string> = {};

  const actual = async (key: string): Promise<unknown> =>
    ((await t.conn.sobject('Plan_Target__c').retrieve(ids[key])) as unknown as Rec).Actual_Value__c;

  beforeAll(async () => {
    t = await startTestOrg();
    const conn = t.conn;
    const user = async (alias: string) =>
      create(conn, 'User', await newUserFields(conn, { LastName: alias, Alias: alias }));
    const ae = await user('mae');
    const other = await user('mother');

    // A partner with a few won deals in 2026, by the AE unless said otherwise.
    const m = await partnerSection(conn, 'Months');
    const won = (close: string, amount: number, owner = ae) => ({
      Name: `W ${close}`,
      StageName: 'Closed Won',
      CloseDate: close,
      Amount: amount,
      OwnerId: owner,
      Partner_Account__c: m.partner,
    });
    await createMany(conn, 'Opportunity', [
      won('2026-01-10', 10000),
      won('2026-01-20', 20000),
      won('2026-02-14', 5000),
      won('2026-02-15', 7000),
      won('2026-02-20', 99000, other),
      won('2026-03-31', 60000),
      won('2026-04-01', 1000),
      won('2025-12-31', 3000),
    ]);
    const target = (metric: string, start: string, end: string) =>
      create(conn, 'Plan_Target__c', {
        Plan_Section__c: m.section,
        Metric__c: metric,
        Period_Start__c: start,
        Period_End__c: end,
        Target_Value__c: 100000,
        Accountable_AE__c: ae,
      });
    ids.revenueQ1 = await target('Closed_Won_Revenue', '2026-01-01', '2026-03-31');
    ids.revenueFeb = await target('Closed_Won_Revenue', '2026-02-01', '2026-02-28');
    ids.revenueFebMar = await target('Closed_Won_Revenue', '2026-02-01', '2026-03-31');
    ids.revenueMid = await target('Closed_Won_Revenue', '2026-01-15', '2026-02-14');
    ids.revenueYear = await target('Closed_Won_Revenue', '2026-01-01', '2026-12-31');
    ids.averageQ1 = await target('Average_Deal_Size', '2026-01-01', '2026-03-31');

    // A partner with 7 people closing (lost) deals every month for 27 years: 2,268 person-month groups.
    const w = await partnerSection(conn, 'Wide');
    const people = [other];
    for (let i = 0; i < 6; i++) people.push(await user(`w${i}`));
    const lost: Rec[] = [];
    for (let year = 2000; year <= 2026; year++)
      for (let month = 1; month <= 12; month++)
        for (const [i, owner] of people.entries())
          lost.push({
            Name: `L ${year}-${month} ${i}`,
            StageName: 'Closed Lost',
            CloseDate: `${year}-${String(month).padStart(2, '0')}-${String(1 + i).padStart(2, '0')}`,
            Amount: 1,
            OwnerId: owner,
            Partner_Account__c: w.partner,
          });
    await createMany(conn, 'Opportunity', lost);
    const wideTarget = (start: string, end: string, fields: Rec = {}) =>
      create(conn, 'Plan_Target__c', {
        Plan_Section__c: w.section,
        Metric__c: 'Closed_Deals',
        Period_Start__c: start,
        Period_End__c: end,
        Target_Value__c: 1000,
        ...fields,
      });
    ids.wideAll = await wideTarget('2000-01-01', '2026-12-31');
    ids.wideQ1 = await wideTarget('2026-01-01', '2026-03-31', { Accountable_AE__c: other });

    const session = await scriptSession(t);
    report = await runRollup(session, { asOf: '2026-05-15', dryRun: false, now: '2026-05-15T12:00:00.000Z' });
    await session.close();
  }, 120_000);
  afterAll(() => t.close());

  it('computes every metric without failures', () => {
    expect(report.metrics.filter((m) => m.error)).toEqual([]);
    expect(report.failures).toEqual([]);
  });

  it('adds months up into each period of whole months, from one query', async () => {
    // The AE's wins: Jan 10,000 + 20,000; Feb 5,000 + 7,000; Mar 60,000; Apr 1,000 (not Dec 2025, not the other AE).
    expect(await actual('revenueQ1')).toBe(102000);
    expect(await actual('revenueFeb')).toBe(12000);
    expect(await actual('revenueFebMar')).toBe(72000);
    expect(await actual('revenueYear')).toBe(103000);
    // Four whole-month periods in one query, and the mid-month period in its own.
    expect(report.metrics.find((x) => x.name === 'Closed_Won_Revenue')?.queries).toBe(2);
  });

  it('queries a period that is not whole months on its own, with both boundary days', async () => {
    // Jan 20 20,000 + Feb 14 5,000; not Jan 10, not Feb 15.
    expect(await actual('revenueMid')).toBe(25000);
  });

  it('averages over all the records of the period, not over monthly averages', async () => {
    // 102,000 / 5 deals = 20,400 (the mean of the monthly averages would be 27,000).
    expect(await actual('averageQ1')).toBe(20400);
  });

  it('queries period by period when one partner has more than 2000 month groups', async () => {
    expect(await actual('wideAll')).toBe(27 * 12 * 7);
    expect(await actual('wideQ1')).toBe(3);
    // One query a period (the month-grouped attempt that found too many groups is not counted).
    expect(report.metrics.find((x) => x.name === 'Closed_Deals')?.queries).toBe(2);
  });
});

describe('aggregateByIds', () => {
  /** A session whose every query returns `groups(id)` rows per Id of its IN list, at most 2000. */
  const fakeSession = (groups: (id: string) => number, seen: string[][]): OrgSession =>
    ({
      conn: {
        version: '60.0',
        request: async (url: string) => {
          const soql = decodeURIComponent(url.split('q=')[1]);
          const ids = [...(/IN \(([^)]*)\)/.exec(soql)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
          seen.push(ids);
          const records = ids.flatMap((id) => Array.from({ length: groups(id) }, (_, i) => ({ p: id, i })));
          return { totalSize: 0, done: true, records: records.slice(0, 2000) };
        },
      },
    }) as unknown as OrgSession;
  const id = (i: number): string => `001${String(i).padStart(15, '0')}`;
  const build = (ids: string[]): string => `SELECT p FROM X WHERE p IN (${ids.map((i) => `'${i}'`).join(', ')})`;

  it('keeps at most 100 Ids a query and batches by the estimated groups', async () => {
    const seen: string[][] = [];
    const ids = Array.from({ length: 250 }, (_, i) => id(i));
    const { rows, queries } = await aggregateByIds(
      fakeSession(() => 3, seen),
      ids,
      build,
    );
    expect(rows).toHaveLength(750);
    expect(seen.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(queries).toBe(3);
    const weighted: string[][] = [];
    await aggregateByIds(
      fakeSession(() => 3, weighted),
      ids.slice(0, 10),
      build,
      () => 400,
    );
    // 1000 estimated groups a batch at most: two Ids of 400; then, with 6 groups found for 800 estimated, the rest.
    expect(weighted.map((b) => b.length)).toEqual([2, 8]);
  });

  it('splits a batch whose result is full in half, and reruns both halves', async () => {
    const seen: string[][] = [];
    const ids = Array.from({ length: 8 }, (_, i) => id(i));
    const { rows, queries } = await aggregateByIds(
      fakeSession(() => 300, seen),
      ids,
      build,
      () => 10,
    );
    expect(rows).toHaveLength(2400);
    expect(seen.map((b) => b.length)).toEqual([8, 4, 4]);
    expect(queries).toBe(3);
    expect(new Set(rows.map((r) => (r as { p: string }).p)).size).toBe(8);
  });

  it('fails when a single Id has a full result', async () => {
    const seen: string[][] = [];
    await expect(
      aggregateByIds(
        fakeSession((i) => (i === id(1) ? 2000 : 1), seen),
        [id(0), id(1), id(2)],
        build,
      ),
    ).rejects.toBeInstanceOf(AggregateSplitError);
  });
});

describe('rollup over months, partners in batches', () => {
  let t: TestOrg;
  let report: RollupReport;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestOrg();
    const conn = t.conn;
    const people: string[] = [];
    for (let i = 0; i < 7; i++)
      people.push(await create(conn, 'User', await newUserFields(conn, { LastName: `b${i}`, Alias: `b${i}` })));
    // Four partners, each with 7 people closing a deal a month for 100 months (2018-01 to 2026-04): 2,800
    // person-month groups, while the targets (partner-level) suggest 100 a partner.
    for (let k = 0; k < 4; k++) {
      const s = await partnerSection(conn, `Batch ${k}`);
      const deals: Rec[] = [];
      for (let month = 0; month < 100; month++)
        for (const [i, owner] of people.entries()) {
          const [year, m] = [2018 + Math.floor(month / 12), (month % 12) + 1];
          deals.push({
            Name: `B ${k} ${month} ${i}`,
            StageName: 'Closed Lost',
            CloseDate: `${year}-${String(m).padStart(2, '0')}-${String(1 + i).padStart(2, '0')}`,
            Amount: 1,
            OwnerId: owner,
            Partner_Account__c: s.partner,
          });
        }
      // Deals outside the months of the targets do not count.
      deals.push({ ...deals[0], Name: `B ${k} before`, CloseDate: '2017-12-31' });
      deals.push({ ...deals[0], Name: `B ${k} after`, CloseDate: '2026-05-01' });
      await createMany(conn, 'Opportunity', deals);
      const target = (start: string, end: string) =>
        create(conn, 'Plan_Target__c', {
          Plan_Section__c: s.section,
          Metric__c: 'Closed_Deals',
          Period_Start__c: start,
          Period_End__c: end,
          Target_Value__c: 1000,
        });
      ids[`all${k}`] = await target('2018-01-01', '2026-04-30');
      ids[`q1${k}`] = await target('2026-01-01', '2026-03-31');
    }
    const session = await scriptSession(t);
    report = await runRollup(session, { asOf: '2026-05-15', dryRun: false, now: '2026-05-15T12:00:00.000Z' });
    await session.close();
  }, 120_000);
  afterAll(() => t.close());

  it('splits the batch that filled a response and adds up every partner', async () => {
    expect(report.metrics.filter((m) => m.error)).toEqual([]);
    for (let k = 0; k < 4; k++) {
      const all = (await t.conn.sobject('Plan_Target__c').retrieve(ids[`all${k}`])) as unknown as Rec;
      const q1 = (await t.conn.sobject('Plan_Target__c').retrieve(ids[`q1${k}`])) as unknown as Rec;
      expect(all.Actual_Value__c).toBe(700);
      expect(q1.Actual_Value__c).toBe(21);
    }
    // All four partners in one query (2,000 rows: full), then two and two.
    expect(report.metrics.find((x) => x.name === 'Closed_Deals')?.queries).toBe(3);
  });
});
