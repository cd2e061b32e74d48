/**
 * The rollup's baseline phase against a local org: a plan accepted outside the editor (the API, the standard
 * record page) has targets without a baseline; the rollup fills each in with its target value, reports how
 * many, leaves plans that are not accepted alone, writes nothing on a dry run and nothing again on the next
 * run, and keeps to the plan a run is scoped to.
 */
import type { Connection } from 'jsforce';
import { runRollup, type RollupOptions } from '../../packages/jobs/rollup/engine';
import { missingBaselinesQuery } from '../../packages/jobs/rollup/baselines';
import { movePlanTo } from '../support/lifecycle';
import { createUser } from '../support/security';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { scriptSession } from '../support/scripts';

const options = (extra: Partial<RollupOptions> = {}): RollupOptions => ({
  asOf: '2027-02-15',
  dryRun: false,
  now: '2027-02-15T12:00:00.000Z',
  ...extra,
});

type Rec = Record<string, unknown>;

let t: TestOrg;
let partner: string;
beforeAll(async () => {
  // The org's clock after the test plans' year (2027), so they may become Active and then Closed.
  t = await startTestOrg({ now: () => new Date('2028-01-15T12:00:00Z') });
  partner = (await t.conn.sobject('Account').create({ Name: 'Northwind', Partner_Type__c: 'Reseller' })).id!;
});
afterAll(() => t.close());

async function create(conn: Connection, sobject: string, fields: Rec): Promise<string> {
  const result = await conn.sobject(sobject).create(fields);
  if (!result.success) throw new Error(JSON.stringify(result));
  return result.id as string;
}

/** A plan with one baselined target and two without, walked to `status` without the editor's snapshot. */
async function planWithTargets(name: string, status: string): Promise<{ plan: string; targets: string[] }> {
  const plan = await create(t.conn, 'Partner_Account_Plan__c', {
    Name: name,
    Partner_Account__c: partner,
    Period_Start__c: '2027-01-01',
    Period_End__c: '2027-12-31',
  });
  const section = await create(t.conn, 'Plan_Section__c', { Name: 'Sales', Partner_Account_Plan__c: plan });
  const target = (metric: string, value: number, baseline: number | null) =>
    create(t.conn, 'Plan_Target__c', {
      Plan_Section__c: section,
      Metric__c: metric,
      Period_Start__c: '2027-01-01',
      Period_End__c: '2027-03-31',
      Target_Value__c: value,
      Baseline_Target_Value__c: baseline,
    });
  const targets = [
    await target('Closed_Won_Revenue', 100000, 100000),
    await target('Joint_Calls', 12, null),
    await target('Deal_Registrations', 6, null),
  ];
  await movePlanTo(t.conn, plan, status);
  return { plan, targets };
}

async function baselines(ids: string[]): Promise<(number | null)[]> {
  const rows = (await t.conn.sobject('Plan_Target__c').retrieve(ids)) as unknown as Rec[];
  return rows.map((r) => r.Baseline_Target_Value__c as number | null);
}

describe('the rollup completes missing baselines', () => {
  it('of accepted and active plans only (a closed plan is read-only), with each target value, and reports them', async () => {
    const active = await planWithTargets('Active plan', 'Active');
    const closed = await planWithTargets('Closed plan', 'Closed');
    const review = await planWithTargets('Plan in review', 'Partner Review');
    const session = await scriptSession(t);

    const dry = await runRollup(session, options({ dryRun: true }));
    expect(dry.baselines).toEqual({ missing: 2, completed: 0 });
    expect(dry.changes.filter((c) => c.field === 'Baseline_Target_Value__c')).toEqual([
      { sobject: 'Plan_Target__c', id: active.targets[1], field: 'Baseline_Target_Value__c', from: null, to: 12 },
      { sobject: 'Plan_Target__c', id: active.targets[2], field: 'Baseline_Target_Value__c', from: null, to: 6 },
    ]);
    expect(await baselines(active.targets)).toEqual([100000, null, null]);

    const run = await runRollup(session, options());
    expect(run.baselines).toEqual({ missing: 2, completed: 2 });
    expect(run.failures).toEqual([]);
    expect(await baselines(active.targets)).toEqual([100000, 12, 6]);
    expect(await baselines(closed.targets)).toEqual([100000, null, null]);
    // A plan that is not accepted yet gets its baselines at its acceptance, not from the job.
    expect(await baselines(review.targets)).toEqual([100000, null, null]);

    const again = await runRollup(session, options());
    expect(again.baselines).toEqual({ missing: 0, completed: 0 });
    await session.close();
  });

  it('of the one plan a run is scoped to', async () => {
    const first = await planWithTargets('Accepted plan one', 'Accepted');
    const second = await planWithTargets('Accepted plan two', 'Accepted');
    expect(missingBaselinesQuery({ plans: new Set([first.plan]) })).toContain(`IN ('${first.plan}')`);
    const session = await scriptSession(t);
    const run = await runRollup(session, options({ planId: first.plan }));
    expect(run.baselines).toEqual({ missing: 2, completed: 2 });
    expect(await baselines(first.targets)).toEqual([100000, 12, 6]);
    expect(await baselines(second.targets)).toEqual([100000, null, null]);
    await session.close();
  });

  it('as the rollup integration user (Partner_Planning_Rollup), who may fill them in', async () => {
    const plan = await planWithTargets('Plan of the scheduled rollup', 'Active');
    const integration = await createUser(t, {
      alias: 'rollupbl',
      permissionSets: ['Partner_Planning_Rollup'],
    });
    const session = await scriptSession(t, integration.conn.accessToken!);
    const run = await runRollup(session, options({ planId: plan.plan }));
    expect(run.failures).toEqual([]);
    expect(run.baselines).toEqual({ missing: 2, completed: 2 });
    expect(await baselines(plan.targets)).toEqual([100000, 12, 6]);
    await session.close();
  });
});
