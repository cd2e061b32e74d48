/**
 * The rollup runs two metrics' aggregate queries at once (the org answers one while the client reads the
 * other), never more, and each metric's figures are the same as when its queries run alone.
 */
import type { Connection } from 'jsforce';
import { runRollup, type RollupReport } from '../../packages/jobs/rollup/engine';
import { newUserFields, startTestOrg, type TestOrg } from '../support/localorg';
import { scriptSession } from '../support/scripts';

type Rec = Record<string, unknown>;

async function create(conn: Connection, sobject: string, fields: Rec): Promise<string> {
  const result = await conn.sobject(sobject).create(fields);
  if (!result.success) throw new Error(JSON.stringify(result));
  return result.id as string;
}

describe('rollup metrics in flight', () => {
  let t: TestOrg;
  let report: RollupReport;
  let mostInFlight = 0;
  let aggregateRequests = 0;
  const ids: Record<string, string> = {};

  const actual = async (key: string): Promise<unknown> =>
    ((await t.conn.sobject('Plan_Target__c').retrieve(ids[key])) as unknown as Rec).Actual_Value__c;

  beforeAll(async () => {
    t = await startTestOrg();
    const conn = t.conn;
    const ae = await create(conn, 'User', await newUserFields(conn, { LastName: 'Flight', Alias: 'flight' }));
    const partner = await create(conn, 'Account', { Name: 'Flight', Partner_Type__c: 'Reseller' });
    const plan = await create(conn, 'Partner_Account_Plan__c', {
      Name: 'Flight plan',
      Partner_Account__c: partner,
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-12-31',
    });
    const section = await create(conn, 'Plan_Section__c', { Name: 'Sales', Partner_Account_Plan__c: plan });
    const deal = (stage: string, close: string, amount: number) => ({
      Name: `${stage} ${close}`,
      StageName: stage,
      CloseDate: close,
      Amount: amount,
      OwnerId: ae,
      Partner_Account__c: partner,
    });
    const results = await conn
      .sobject('Opportunity')
      .create([
        deal('Closed Won', '2026-01-10', 1000),
        deal('Closed Won', '2026-02-10', 3000),
        deal('Closed Lost', '2026-02-11', 500),
        deal('Closed Won', '2026-07-01', 9000),
        deal('Prospecting', '2026-03-01', 700),
      ]);
    if (results.some((r) => !r.success)) throw new Error(JSON.stringify(results));
    const target = (metric: string) =>
      create(conn, 'Plan_Target__c', {
        Plan_Section__c: section,
        Metric__c: metric,
        Period_Start__c: '2026-01-01',
        Period_End__c: '2026-03-31',
        Target_Value__c: 10,
        Accountable_AE__c: ae,
      });
    for (const metric of ['Closed_Won_Revenue', 'Closed_Won_Deals', 'Closed_Deals', 'Average_Deal_Size', 'Lost_Deals'])
      ids[metric] = await target(metric);

    const session = await scriptSession(t);
    // Counts the aggregate queries waiting for their answer at each moment.
    const request = session.conn.request.bind(session.conn);
    let inFlight = 0;
    session.conn.request = ((info: unknown, ...rest: unknown[]) => {
      const url = typeof info === 'string' ? info : String((info as { url?: string }).url ?? '');
      // Metrics' queries only: the opportunities' counters are read alongside them, apart from this limit.
      const metricQuery = /GROUP(\+|%20)BY/i.test(url) && !/GROUP(\+|%20)BY(\+|%20)Opportunity__c/i.test(url);
      if (!metricQuery) return (request as (...a: unknown[]) => unknown)(info, ...rest);
      aggregateRequests++;
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const answer = (request as (...a: unknown[]) => Promise<unknown>)(info, ...rest);
      return answer.finally(() => inFlight--);
    }) as typeof session.conn.request;
    report = await runRollup(session, { asOf: '2026-05-15', dryRun: false, now: '2026-05-15T12:00:00.000Z' });
    await session.close();
  }, 120_000);
  afterAll(() => t.close());

  it('has two metrics in flight at most, and more than one at some point', () => {
    expect(aggregateRequests).toBeGreaterThanOrEqual(5);
    expect(mostInFlight).toBe(2);
  });

  it('computes each metric as if alone, and reports them in name order', async () => {
    expect(report.metrics.filter((m) => m.error)).toEqual([]);
    expect(report.metrics.map((m) => m.name)).toEqual([
      'Average_Deal_Size',
      'Closed_Deals',
      'Closed_Won_Deals',
      'Closed_Won_Revenue',
      'Lost_Deals',
    ]);
    // Q1 only: the July win and the open deal do not count.
    expect(await actual('Closed_Won_Revenue')).toBe(4000);
    expect(await actual('Closed_Won_Deals')).toBe(2);
    expect(await actual('Closed_Deals')).toBe(3);
    expect(await actual('Average_Deal_Size')).toBe(2000);
    expect(await actual('Lost_Deals')).toBe(1);
  });
});
