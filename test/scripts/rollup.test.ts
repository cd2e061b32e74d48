/**
 * The rollup against a hand-built dataset whose every figure is worked out by hand below: boundaries of
 * periods, people who do not count, target customer accounts, ratios (and a zero denominator), periods that
 * have not started, a partner with no activity, and opportunity APR counters. Then: a second run writes
 * nothing, a change is picked up, a dry run writes nothing, and a broken metric fails alone.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { REPO_ROOT } from '../../packages/model';
import { runRollup, type RollupOptions, type RollupReport } from '../../packages/jobs/rollup/engine';
import { newUserFields, startTestOrg, type TestOrg } from '../support/localorg';
import { scriptSession } from '../support/scripts';

const AS_OF = '2026-05-15';
const options = (extra: Partial<RollupOptions> = {}): RollupOptions => ({
  asOf: AS_OF,
  dryRun: false,
  now: '2026-05-15T12:00:00.000Z',
  ...extra,
});

type Rec = Record<string, unknown>;

async function create(conn: Connection, sobject: string, fields: Rec): Promise<string> {
  const result = await conn.sobject(sobject).create(fields);
  if (!result.success) throw new Error(JSON.stringify(result));
  return result.id as string;
}

interface Fixture {
  ae1: string;
  pm1: string;
  ae2: string;
  targets: Record<string, string>;
  opportunities: Record<string, string>;
  actions: Record<string, string>;
  section: string;
  plan: string;
  idlePlan: string;
}

async function build(conn: Connection): Promise<Fixture> {
  const user = async (alias: string) =>
    create(conn, 'User', await newUserFields(conn, { LastName: alias, Alias: alias }));
  const [ae1, pm1, ae2] = [await user('ae1'), await user('pm1'), await user('ae2')];
  const partner = await create(conn, 'Account', { Name: 'Partner One', Partner_Type__c: 'Reseller' });
  const idlePartner = await create(conn, 'Account', { Name: 'Partner Idle', Partner_Type__c: 'Referral' });
  const c1 = await create(conn, 'Account', { Name: 'Customer One' });
  const c2 = await create(conn, 'Account', { Name: 'Customer Two' });
  const plan = await create(conn, 'Partner_Account_Plan__c', {
    Name: 'P1 FY2026',
    Partner_Account__c: partner,
    Period_Start__c: '2026-01-01',
    Period_End__c: '2026-12-31',
  });
  const section = await create(conn, 'Plan_Section__c', {
    Name: 'Sales',
    Partner_Account_Plan__c: plan,
    Section_Type__c: 'Sales Objectives',
  });
  const q1 = { Period_Type__c: 'Quarter', Period_Start__c: '2026-01-01', Period_End__c: '2026-03-31' };
  const q3 = { Period_Type__c: 'Quarter', Period_Start__c: '2026-07-01', Period_End__c: '2026-09-30' };
  const people = { Accountable_AE__c: ae1, Accountable_Partner_Manager__c: pm1 };
  const target = (fields: Rec) => create(conn, 'Plan_Target__c', { Plan_Section__c: section, ...people, ...fields });
  const targets = {
    revenueQ1: await target({ Metric__c: 'Closed_Won_Revenue', ...q1, Target_Value__c: 100000, Weight__c: 3 }),
    dealsQ1: await target({ Metric__c: 'Closed_Won_Deals', ...q1, Target_Value__c: 4, Weight__c: 2 }),
    winRateQ1: await target({ Metric__c: 'Win_Rate', ...q1, Target_Value__c: 50 }),
    jointCallsQ1: await target({ Metric__c: 'Joint_Calls', ...q1, Target_Value__c: 10 }),
    customerYear: await target({
      Metric__c: 'Closed_Won_Revenue',
      Period_Type__c: 'Year',
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-12-31',
      Target_Value__c: 200000,
      Target_Account__c: c1,
    }),
    averageQ3: await target({ Metric__c: 'Average_Deal_Size', ...q3, Target_Value__c: 50000 }),
    winRateQ3: await target({ Metric__c: 'Win_Rate', ...q3, Target_Value__c: 50 }),
    registrationsQ4: await target({
      Metric__c: 'Deal_Registrations',
      Period_Type__c: 'Quarter',
      Period_Start__c: '2026-10-01',
      Period_End__c: '2026-12-31',
      Target_Value__c: 5,
    }),
  };
  const idlePlan = await create(conn, 'Partner_Account_Plan__c', {
    Name: 'Idle FY2026',
    Partner_Account__c: idlePartner,
    Period_Start__c: '2026-01-01',
    Period_End__c: '2026-12-31',
  });
  const idleSection = await create(conn, 'Plan_Section__c', {
    Name: 'Sales',
    Partner_Account_Plan__c: idlePlan,
    Section_Type__c: 'Sales Objectives',
  });
  const idleTarget = await create(conn, 'Plan_Target__c', {
    Plan_Section__c: idleSection,
    Metric__c: 'Closed_Won_Revenue',
    ...q1,
    Target_Value__c: 10000,
  });
  const opp = (name: string, stage: string, close: string, amount: number, owner: string, account: string) =>
    create(conn, 'Opportunity', {
      Name: name,
      StageName: stage,
      CloseDate: close,
      Amount: amount,
      OwnerId: owner,
      AccountId: account,
      Partner_Account__c: partner,
    });
  const opportunities = {
    o1: await opp('O1 first day', 'Closed Won', '2026-01-01', 30000, ae1, c1),
    o2: await opp('O2 last day', 'Closed Won', '2026-03-31', 50000, ae1, c2),
    o3: await opp('O3 next quarter', 'Closed Won', '2026-04-01', 70000, ae1, c1),
    o4: await opp('O4 lost', 'Closed Lost', '2026-02-10', 20000, ae1, c2),
    o5: await opp('O5 other AE', 'Closed Won', '2026-02-15', 40000, ae2, c1),
    o6: await opp('O6 open', 'Prospecting', '2026-06-30', 90000, ae1, c2),
  };
  const action = (type: string, actor: string, date: string, opportunity: string | null, quantity = 1) =>
    create(conn, 'APR_Action__c', {
      Action_Type__c: type,
      Actor__c: actor,
      Action_Date__c: date,
      Opportunity__c: opportunity,
      Partner_Account__c: partner,
      Quantity__c: quantity,
    });
  const actions = {
    a1: await action('Joint Call', ae1, '2026-02-01', opportunities.o1),
    a2: await action('Joint Call', pm1, '2026-02-02', opportunities.o2, 2),
    a3: await action('Joint Call', ae2, '2026-02-03', opportunities.o5),
    a4: await action('Joint Call', ae1, '2026-04-02', opportunities.o3),
    a5: await action('Deal Registration', ae1, '2026-01-15', opportunities.o2),
    a6: await action('Coaching Session', pm1, '2026-03-01', null),
  };
  return { ae1, pm1, ae2, targets: { ...targets, idle: idleTarget }, opportunities, actions, section, plan, idlePlan };
}

interface TargetValues {
  Actual_Value__c: number | null;
  Attainment__c: number | null;
  Expected_To_Date__c: number | null;
  Pace_Status__c: string | null;
}

async function targetValues(conn: Connection, id: string): Promise<TargetValues> {
  const r = (await conn.sobject('Plan_Target__c').retrieve(id)) as unknown as TargetValues;
  return {
    Actual_Value__c: r.Actual_Value__c,
    Attainment__c: r.Attainment__c,
    Expected_To_Date__c: r.Expected_To_Date__c,
    Pace_Status__c: r.Pace_Status__c,
  };
}

describe('rollup on a hand-built dataset', () => {
  let t: TestOrg;
  let f: Fixture;
  let first: RollupReport;

  beforeAll(async () => {
    t = await startTestOrg();
    f = await build(t.conn);
    const session = await scriptSession(t);
    first = await runRollup(session, options());
    await session.close();
  });
  afterAll(() => t.close());

  it('computes every metric without failures', () => {
    expect(first.metrics.filter((m) => m.error)).toEqual([]);
    expect(first.failures).toEqual([]);
  });

  it('counts revenue on both boundary days of the period, for the accountable AE only', async () => {
    // O1 (Jan 1) 30,000 + O2 (Mar 31) 50,000; not O3 (Apr 1), not O5 (another AE), not O4 (lost).
    // Q1 closed before May 15: short of the target is Missed.
    expect(await targetValues(t.conn, f.targets.revenueQ1)).toEqual({
      Actual_Value__c: 80000,
      Attainment__c: 80,
      Expected_To_Date__c: 100000,
      Pace_Status__c: 'Missed',
    });
    expect(await targetValues(t.conn, f.targets.dealsQ1)).toEqual({
      Actual_Value__c: 2,
      Attainment__c: 50,
      Expected_To_Date__c: 4,
      Pace_Status__c: 'Missed',
    });
  });

  it('divides ratio metrics, in percent', async () => {
    // Won 2 of 3 closed (O1, O2 won; O4 lost) = 66.67 %, against 50 %.
    expect(await targetValues(t.conn, f.targets.winRateQ1)).toEqual({
      Actual_Value__c: 66.67,
      Attainment__c: 133.33,
      Expected_To_Date__c: 50,
      Pace_Status__c: 'Met',
    });
  });

  it('adds the AE and the partner manager for shared metrics, and no one else', async () => {
    // AE1 one joint call + PM1 a joint call of quantity 2; AE2's call and AE1's April call do not count.
    expect(await targetValues(t.conn, f.targets.jointCallsQ1)).toEqual({
      Actual_Value__c: 3,
      Attainment__c: 30,
      Expected_To_Date__c: 10,
      Pace_Status__c: 'Missed',
    });
  });

  it('restricts to the target customer account, with linear pace over the year', async () => {
    // C1 wins by AE1 in 2026: O1 30,000 + O3 70,000. 135 of 365 days elapsed on May 15: expected 73,972.60.
    expect(await targetValues(t.conn, f.targets.customerYear)).toEqual({
      Actual_Value__c: 100000,
      Attainment__c: 50,
      Expected_To_Date__c: 73972.6,
      Pace_Status__c: 'Ahead',
    });
  });

  it('leaves targets whose period has not started blank, whatever their metric', async () => {
    const blank = { Actual_Value__c: null, Attainment__c: null, Expected_To_Date__c: null, Pace_Status__c: null };
    expect(await targetValues(t.conn, f.targets.averageQ3)).toEqual(blank);
    expect(await targetValues(t.conn, f.targets.winRateQ3)).toEqual(blank);
    // A count of nothing would be 0, but nothing is measured before the period starts.
    expect(await targetValues(t.conn, f.targets.registrationsQ4)).toEqual(blank);
  });

  it('gives a partner with no activity zero, missed once the period has closed', async () => {
    expect(await targetValues(t.conn, f.targets.idle)).toEqual({
      Actual_Value__c: 0,
      Attainment__c: 0,
      Expected_To_Date__c: 10000,
      Pace_Status__c: 'Missed',
    });
  });

  it('weights attainment of started targets into the section and the plan', async () => {
    // (80×3 + 50×2 + 133.33 + 30 + 50) / 8 = 69.17; Q3 and Q4 targets have not started.
    const section = (await t.conn.sobject('Plan_Section__c').retrieve(f.section)) as unknown as Rec;
    const plan = (await t.conn.sobject('Partner_Account_Plan__c').retrieve(f.plan)) as unknown as Rec;
    expect(section.Weighted_Attainment__c).toBe(69.17);
    expect(plan.Overall_Attainment__c).toBe(69.17);
    expect(plan.Last_Calculated_At__c).toBe('2026-05-15T12:00:00.000+0000');
  });

  it('stamps the last APR action date and count on opportunities', async () => {
    const rows = await t.conn.query<{
      Name: string;
      Last_APR_Action_Date__c: string | null;
      APR_Action_Count__c: number | null;
    }>('SELECT Name, Last_APR_Action_Date__c, APR_Action_Count__c FROM Opportunity ORDER BY Name');
    expect(rows.records.map((r) => [r.Name.slice(0, 2), r.Last_APR_Action_Date__c, r.APR_Action_Count__c])).toEqual([
      ['O1', '2026-02-01', 1],
      ['O2', '2026-02-02', 2],
      ['O3', '2026-04-02', 1],
      ['O4', null, null],
      ['O5', '2026-02-03', 1],
      ['O6', null, null],
    ]);
  });

  it('writes nothing on a second run', async () => {
    const session = await scriptSession(t);
    const second = await runRollup(session, options());
    expect(second.changed).toEqual({
      Plan_Target__c: 0,
      Plan_Section__c: 0,
      Partner_Account_Plan__c: 0,
      Opportunity: 0,
    });
    expect(second.written).toEqual({
      Plan_Target__c: 0,
      Plan_Section__c: 0,
      Partner_Account_Plan__c: 0,
      Opportunity: 0,
    });
    await session.close();
  });

  it('picks up a deleted action, lists it in a dry run without writing, then writes it', async () => {
    await t.conn.sobject('APR_Action__c').destroy(f.actions.a2);
    const session = await scriptSession(t);
    const dry = await runRollup(session, options({ dryRun: true }));
    expect(dry.changes).toEqual(
      expect.arrayContaining([
        { sobject: 'Plan_Target__c', id: f.targets.jointCallsQ1, field: 'Actual_Value__c', from: 3, to: 1 },
        { sobject: 'Opportunity', id: f.opportunities.o2, field: 'APR_Action_Count__c', from: 2, to: 1 },
      ]),
    );
    expect(Object.values(dry.written).every((n) => n === 0)).toBe(true);
    expect((await targetValues(t.conn, f.targets.jointCallsQ1)).Actual_Value__c).toBe(3);

    const wet = await runRollup(session, options());
    expect(wet.written.Plan_Target__c).toBeGreaterThan(0);
    expect((await targetValues(t.conn, f.targets.jointCallsQ1)).Actual_Value__c).toBe(1);
    const o2 = (await t.conn.sobject('Opportunity').retrieve(f.opportunities.o2)) as unknown as Rec;
    expect([o2.Last_APR_Action_Date__c, o2.APR_Action_Count__c]).toEqual(['2026-01-15', 1]);
    await session.close();
  });

  it('rolls up one plan only with --plan', async () => {
    await t.conn.sobject('Opportunity').create({
      Name: 'O7',
      StageName: 'Closed Won',
      CloseDate: '2026-03-01',
      Amount: 5000,
      OwnerId: f.ae1,
      Partner_Account__c: ((await t.conn.sobject('Partner_Account_Plan__c').retrieve(f.plan)) as unknown as Rec)
        .Partner_Account__c,
    });
    const session = await scriptSession(t);
    const report = await runRollup(session, options({ planId: f.idlePlan }));
    expect(report.read.targets).toBe(1);
    expect((await targetValues(t.conn, f.targets.revenueQ1)).Actual_Value__c).toBe(80000);
    const all = await runRollup(session, options());
    expect(all.read.targets).toBe(9);
    expect((await targetValues(t.conn, f.targets.revenueQ1)).Actual_Value__c).toBe(85000);
    await session.close();
  });
});

describe('a broken metric definition', () => {
  let root: string;
  let t: TestOrg;

  beforeAll(async () => {
    // A copy of this project's force-app with one more metric whose filter names a field that does not exist.
    root = mkdtempSync(join(tmpdir(), 'pap-broken-metric-'));
    cpSync(join(REPO_ROOT, 'force-app'), join(root, 'force-app'), { recursive: true });
    writeFileSync(
      join(root, 'force-app/main/default/customMetadata/Plan_Metric.Broken_Filter.md-meta.xml'),
      `<?xml version="1.0" encoding="UTF-8"?>
<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
    <label>Broken Filter</label>
    <protected>false</protected>
    <values><field>Active__c</field><value xsi:type="xsd:boolean">true</value></values>
    <values><field>Aggregate__c</field><value xsi:type="xsd:string">COUNT</value></values>
    <values><field>Source_Object__c</field><value xsi:type="xsd:string">Opportunity</value></values>
    <values><field>Date_Field__c</field><value xsi:type="xsd:string">CloseDate</value></values>
    <values><field>Partner_Path__c</field><value xsi:type="xsd:string">Partner_Account__c</value></values>
    <values><field>Accountable_Person__c</field><value xsi:type="xsd:string">None</value></values>
    <values><field>Filter__c</field><value xsi:type="xsd:string">Bogus_Field__c = true</value></values>
</CustomMetadata>
`,
    );
    t = await startTestOrg({ forceAppRoot: root });
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('fails that metric with a message naming it, and still computes the others', async () => {
    const partner = await create(t.conn, 'Account', { Name: 'P', Partner_Type__c: 'Reseller' });
    const plan = await create(t.conn, 'Partner_Account_Plan__c', {
      Name: 'Plan',
      Partner_Account__c: partner,
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-12-31',
    });
    const section = await create(t.conn, 'Plan_Section__c', { Name: 'S', Partner_Account_Plan__c: plan });
    const q1 = { Period_Start__c: '2026-01-01', Period_End__c: '2026-03-31' };
    const broken = await create(t.conn, 'Plan_Target__c', {
      Plan_Section__c: section,
      Metric__c: 'Broken_Filter',
      ...q1,
      Target_Value__c: 1,
    });
    const unknown = await create(t.conn, 'Plan_Target__c', {
      Plan_Section__c: section,
      Metric__c: 'No_Such_Metric',
      ...q1,
      Target_Value__c: 1,
    });
    const good = await create(t.conn, 'Plan_Target__c', {
      Plan_Section__c: section,
      Metric__c: 'Closed_Deals',
      ...q1,
      Target_Value__c: 1,
    });
    await create(t.conn, 'Opportunity', {
      Name: 'Lost',
      StageName: 'Closed Lost',
      CloseDate: '2026-02-01',
      Partner_Account__c: partner,
    });
    const session = await scriptSession(t);
    const report = await runRollup(session, options());
    await session.close();
    const byName = new Map(report.metrics.map((m) => [m.name, m]));
    expect(byName.get('Broken_Filter')?.error).toMatch(/^INVALID_FIELD: [\s\S]*Bogus_Field__c/);
    expect(byName.get('No_Such_Metric')?.error).toBe('no active metric named No_Such_Metric in the catalog');
    expect(byName.get('Closed_Deals')?.error).toBeUndefined();
    expect((await targetValues(t.conn, good)).Actual_Value__c).toBe(1);
    expect((await targetValues(t.conn, broken)).Actual_Value__c).toBeNull();
    expect((await targetValues(t.conn, unknown)).Actual_Value__c).toBeNull();
  });
});
