/**
 * The rules of a plan's whole year, through REST with jsforce as the admin: a plan becomes Active only once its
 * period has started and Closed only after it has ended; a Closed plan, its sections and targets are read-only
 * and it takes no new comments; a plan review's figures are frozen while its summary stays editable; a split
 * part's parent is a Year target of the same plan around its period; a carried shortfall lies within the value.
 * Periods are set relative to today, since the rules compare with TODAY().
 */
import { createDraftPlan, movePlanTo, ruleRefusal } from '../support/lifecycle';
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createPlanAudience, type PlanAudience } from '../support/security';

let t: TestOrg;
let partner: string;
beforeAll(async () => {
  t = await startTestOrg();
  partner = (await t.conn.sobject('Account').create({ Name: 'Northwind', Partner_Type__c: 'Reseller' })).id!;
}, 60_000);
afterAll(() => t.close());

// Each test walks plans through several saves; a busy machine needs more than the default 5 s.
jest.setTimeout(30_000);

type Rec = Record<string, unknown>;

/** The error messages of the rules, exactly as the metadata words them. */
const MESSAGES = {
  activate: 'A plan can become Active only once its period has started (on or after its Period Start).',
  close: 'A plan can be closed only after its period has ended (the day after its Period End).',
  planReadOnly: 'A closed plan is read-only.',
  sectionReadOnly: 'A section of a closed plan is read-only.',
  targetReadOnly: 'A target of a closed plan is read-only.',
  comment: 'A closed plan takes no new comments.',
  review: 'A prepared review cannot change: only its name and summary can be edited. Prepare a new review instead.',
  parent:
    "The parent target must be a Year target of the same plan whose period contains this target's period, and only a Quarter or Month target can have one.",
  carried: 'The carried shortfall must be between 0 and the target value, which includes it.',
};

/** A day `days` from today (UTC), as YYYY-MM-DD. */
const day = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Periods around today: one that has not started, one under way, one that has ended. */
const PERIODS = {
  future: { Period_Start__c: day(30), Period_End__c: day(394) },
  current: { Period_Start__c: day(-30), Period_End__c: day(334) },
  past: { Period_Start__c: day(-400), Period_End__c: day(-36) },
};

async function send(method: string, sobject: string, idOrNothing: string, body: Rec) {
  return rawRequest(t.conn, method, dataPath(`/sobjects/${sobject}${idOrNothing ? `/${idOrNothing}` : ''}`), {
    body,
  });
}

async function update(sobject: string, id: string, body: Rec): Promise<void> {
  expect(await send('PATCH', sobject, id, body)).toMatchObject({ status: 204 });
}

async function refused(method: string, sobject: string, id: string, body: Rec): Promise<Rec[]> {
  const response = await send(method, sobject, id, body);
  expect(response.status).toBe(400);
  return response.body as Rec[];
}

async function create(sobject: string, fields: Rec): Promise<string> {
  const response = await send('POST', sobject, '', fields);
  expect(response).toMatchObject({ status: 201 });
  return (response.body as { id: string }).id;
}

interface PlanFixture {
  plan: string;
  section: string;
  /** A Year target over the whole plan period. */
  yearTarget: string;
}

/** A Draft plan over `period` with a section and a year target, walked to `status`. */
async function planIn(period: Rec, status = 'Draft'): Promise<PlanFixture> {
  const plan = await createDraftPlan(t.conn, partner, { Name: `Northwind ${status}`, ...period });
  const section = await create('Plan_Section__c', {
    Name: 'Sales',
    Partner_Account_Plan__c: plan,
    Section_Type__c: 'Sales Objectives',
  });
  const yearTarget = await create('Plan_Target__c', {
    Plan_Section__c: section,
    Metric__c: 'Closed_Won_Revenue',
    Period_Type__c: 'Year',
    ...period,
    Target_Value__c: 400000,
  });
  await movePlanTo(t.conn, plan, status);
  return { plan, section, yearTarget };
}

describe('activating and closing by the period', () => {
  it('refuses Accepted -> Active before the period starts, on Status', async () => {
    const f = await planIn(PERIODS.future, 'Accepted');
    expect(await refused('PATCH', 'Partner_Account_Plan__c', f.plan, { Status__c: 'Active' })).toEqual([
      ruleRefusal(MESSAGES.activate, 'Status__c'),
    ]);
  });

  it('takes Accepted -> Active once the period has started', async () => {
    const f = await planIn(PERIODS.current, 'Accepted');
    await update('Partner_Account_Plan__c', f.plan, { Status__c: 'Active' });
  });

  it('refuses Active -> Closed until the period has ended, on Status', async () => {
    const f = await planIn(PERIODS.current, 'Active');
    expect(await refused('PATCH', 'Partner_Account_Plan__c', f.plan, { Status__c: 'Closed' })).toEqual([
      ruleRefusal(MESSAGES.close, 'Status__c'),
    ]);
  });

  it('takes Active -> Closed after the period, also with other fields in the same save', async () => {
    const f = await planIn(PERIODS.past, 'Active');
    await update('Partner_Account_Plan__c', f.plan, { Status__c: 'Closed', Vision__c: 'Done for the year.' });
  });
});

describe('a closed plan', () => {
  let f: PlanFixture;
  beforeAll(async () => {
    f = await planIn(PERIODS.past, 'Closed');
  }, 30_000);

  it('refuses any change of the plan', async () => {
    expect(await refused('PATCH', 'Partner_Account_Plan__c', f.plan, { Vision__c: 'Rewritten' })).toEqual([
      ruleRefusal(MESSAGES.planReadOnly),
    ]);
  });

  it('refuses any change of its sections and targets, the rollup figures included', async () => {
    expect(await refused('PATCH', 'Plan_Section__c', f.section, { Sort_Order__c: 5 })).toEqual([
      ruleRefusal(MESSAGES.sectionReadOnly),
    ]);
    expect(await refused('PATCH', 'Plan_Target__c', f.yearTarget, { Actual_Value__c: 1 })).toEqual([
      ruleRefusal(MESSAGES.targetReadOnly),
    ]);
  });

  it('takes no new comment', async () => {
    expect(
      await refused('POST', 'Plan_Comment__c', '', { Partner_Account_Plan__c: f.plan, Body__c: 'One more thing.' }),
    ).toEqual([ruleRefusal(MESSAGES.comment)]);
  });
});

describe('a plan review', () => {
  it('keeps its date, period, figures and snapshot, and takes a new summary', async () => {
    const f = await planIn(PERIODS.current, 'Active');
    const review = await create('Plan_Review__c', {
      Name: 'FY Q1 review',
      Partner_Account_Plan__c: f.plan,
      Review_Date__c: day(0),
      Period_Label__c: 'FY Q1',
      Period_Start__c: PERIODS.current.Period_Start__c,
      Period_End__c: day(60),
      Overall_Attainment__c: 42.5,
      Targets_Behind__c: 2,
      Actions_Logged__c: 17,
      Won_Amount__c: 125000,
      Stale_Deals__c: 1,
      Snapshot__c: '{"targets":[]}',
    });
    for (const change of [
      { Review_Date__c: day(1) },
      { Period_Label__c: 'FY Q2' },
      { Period_End__c: day(61) },
      { Overall_Attainment__c: 50 },
      { Targets_Behind__c: 0 },
      { Won_Amount__c: 1 },
      { Snapshot__c: '{}' },
    ]) {
      expect({ change, errors: await refused('PATCH', 'Plan_Review__c', review, change) }).toEqual({
        change,
        errors: [ruleRefusal(MESSAGES.review)],
      });
    }
    await update('Plan_Review__c', review, { Summary__c: 'Pipeline is healthy; training is behind.' });
    const row = (await t.conn.sobject('Plan_Review__c').retrieve(review)) as Rec;
    expect(row).toMatchObject({ Overall_Attainment__c: 42.5, Summary__c: 'Pipeline is healthy; training is behind.' });
  });
});

describe('a split target', () => {
  let f: PlanFixture;
  let other: PlanFixture;
  const quarter = { Period_Start__c: PERIODS.current.Period_Start__c, Period_End__c: day(60) };
  const part = (fields: Rec): Rec => ({
    Plan_Section__c: f.section,
    Metric__c: 'Closed_Won_Revenue',
    Period_Type__c: 'Quarter',
    ...quarter,
    Target_Value__c: 100000,
    ...fields,
  });
  beforeAll(async () => {
    f = await planIn(PERIODS.current);
    other = await planIn(PERIODS.current);
  }, 30_000);

  it('names as parent a Year target of its own plan around its period', async () => {
    const id = await create('Plan_Target__c', part({ Parent_Target__c: f.yearTarget }));
    const row = (await t.conn.sobject('Plan_Target__c').retrieve(id)) as Rec;
    expect(row).toMatchObject({ Parent_Target__c: f.yearTarget });
  });

  it('refuses any other parent, on Parent Target', async () => {
    const quarterTarget = await create('Plan_Target__c', part({}));
    const refusal = [ruleRefusal(MESSAGES.parent, 'Parent_Target__c')];
    for (const [what, fields] of [
      ['a quarter target as parent', { Parent_Target__c: quarterTarget }],
      ["another plan's year target", { Parent_Target__c: other.yearTarget }],
      [
        'a period outside the year',
        { Parent_Target__c: f.yearTarget, Period_Start__c: day(-60), Period_End__c: day(-31) },
      ],
      ['a Year target as the part', { Parent_Target__c: f.yearTarget, Period_Type__c: 'Year' }],
    ] as const) {
      expect({ what, errors: await refused('POST', 'Plan_Target__c', '', part(fields)) }).toEqual({
        what,
        errors: refusal,
      });
    }
  });
});

describe('a carried shortfall', () => {
  it('lies between 0 and the target value, on Carried Shortfall', async () => {
    const f = await planIn(PERIODS.current);
    const refusal = [ruleRefusal(MESSAGES.carried, 'Carried_Shortfall__c')];
    for (const carried of [-1, 400000.01]) {
      expect(await refused('PATCH', 'Plan_Target__c', f.yearTarget, { Carried_Shortfall__c: carried })).toEqual(
        refusal,
      );
    }
    for (const carried of [0, 400000, null]) {
      await update('Plan_Target__c', f.yearTarget, { Carried_Shortfall__c: carried });
    }
  });
});

describe('who works with plan reviews', () => {
  let a: PlanAudience;
  beforeAll(async () => {
    a = await createPlanAudience(t);
  }, 60_000);

  /** What the user's describe of Plan_Review__c says they may do, and which fields they may edit. */
  async function access(conn: PlanAudience['pm']['conn']) {
    const d = await conn.sobject('Plan_Review__c').describe();
    const editable = d.fields.filter((f) => f.updateable).map((f) => f.name);
    return {
      create: d.createable,
      edit: d.updateable,
      delete: d.deletable,
      summary: editable.includes('Summary__c'),
      snapshot: editable.includes('Snapshot__c'),
    };
  }

  it('lets a partner manager prepare and edit a review of their plan, but not delete it', async () => {
    expect(await access(a.pm.conn)).toEqual({ create: true, edit: true, delete: false, summary: true, snapshot: true });
    const review = (
      await a.pm.conn.sobject('Plan_Review__c').create({
        Name: 'Orion review',
        Partner_Account_Plan__c: a.plan,
        Review_Date__c: day(0),
        Overall_Attainment__c: 12,
      })
    ).id!;
    await a.pm.conn.sobject('Plan_Review__c').update({ Id: review, Summary__c: 'A slow start.' });
    const rows = await a.pm.conn.query<Rec>(`SELECT Summary__c FROM Plan_Review__c WHERE Id = '${review}'`);
    expect(rows.records).toEqual([expect.objectContaining({ Summary__c: 'A slow start.' })]);
  });

  it('lets an account executive only read reviews', async () => {
    expect(await access(a.ae.conn)).toEqual({
      create: false,
      edit: false,
      delete: false,
      summary: false,
      snapshot: false,
    });
  });

  it('gives a user without a planning permission set no access', async () => {
    await expect(a.standard.conn.sobject('Plan_Review__c').describe()).rejects.toThrow();
  });
});
