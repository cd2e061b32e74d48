/**
 * The lifecycle's locks on sections and targets, through REST with jsforce: once a plan is Accepted, Active
 * or Closed, no section or target is added, and a section's name, type, summary and budget and a target's
 * value, metric, customer account, period, weight and revision reason stay as accepted, while the rollup's
 * fields stay writable. A missing baseline may be filled in with the target value (the rollup's completion),
 * never changed. The revision path is In Revision: targets change there, a baselined one with a new reason.
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { movePlanTo, ruleRefusal, userIdOf } from '../support/lifecycle';

let t: TestOrg;
let partner: string;
let customer: string;
let adminId: string;
beforeAll(async () => {
  // The org's clock after the test plans' year (2027), so they may become Active and then Closed.
  t = await startTestOrg({ now: () => new Date('2028-01-15T12:00:00Z') });
  partner = (await t.conn.sobject('Account').create({ Name: 'Northwind', Partner_Type__c: 'Reseller' })).id!;
  customer = (await t.conn.sobject('Account').create({ Name: 'Fabrikam' })).id!;
  adminId = await userIdOf(t.conn);
});
afterAll(() => t.close());

type Rec = Record<string, unknown>;

const REVISE = 'Use Revise to reopen the plan (In Revision) first.';
const MESSAGES = {
  newSection: `Sections cannot be added to an accepted plan. ${REVISE}`,
  section: `The name, type, summary and budget of a section of an accepted plan cannot change. ${REVISE}`,
  newTarget: `Targets cannot be added to an accepted plan. ${REVISE}`,
  value: `Target values of an accepted plan cannot change. ${REVISE}`,
  metric: `The metric and customer account of a target of an accepted plan cannot change. ${REVISE}`,
  period: `The period of a target of an accepted plan cannot change. ${REVISE}`,
  weight: `The weight of a target of an accepted plan cannot change. ${REVISE}`,
  reason: `The revision reason of a target of an accepted plan cannot change. ${REVISE}`,
  baseline: 'On an accepted plan a baseline can only be filled in where it is missing, and only with the target value.',
  baselineInRevision:
    'Baselines keep the accepted values during a revision; they are taken again when the plan is accepted.',
  revisionReason: 'Give a new revision reason when you change a target that has an accepted baseline.',
};

const refusal = ruleRefusal;

interface PlanFixture {
  plan: string;
  section: string;
  /** A baselined target and one without a baseline (added after the acceptance's snapshot). */
  target: string;
  unbaselined: string;
}

const targetFields = (section: string, fields: Rec = {}): Rec => ({
  Plan_Section__c: section,
  Metric__c: 'Closed_Won_Revenue',
  Period_Type__c: 'Quarter',
  Period_Start__c: '2027-01-01',
  Period_End__c: '2027-03-31',
  Target_Value__c: 100000,
  ...fields,
});

/** A Draft plan with a section and two targets, walked to `status`. */
async function planIn(status: string): Promise<PlanFixture> {
  const plan = (
    await t.conn.sobject('Partner_Account_Plan__c').create({
      Name: `Northwind ${status}`,
      Partner_Account__c: partner,
      Period_Start__c: '2027-01-01',
      Period_End__c: '2027-12-31',
    })
  ).id!;
  const section = (
    await t.conn.sobject('Plan_Section__c').create({
      Name: 'Sales',
      Partner_Account_Plan__c: plan,
      Section_Type__c: 'Sales Objectives',
      Budget__c: 5000,
    })
  ).id!;
  const create = async (fields: Rec) => (await t.conn.sobject('Plan_Target__c').create(fields)).id!;
  const target = await create(targetFields(section, { Baseline_Target_Value__c: 100000 }));
  const unbaselined = await create(targetFields(section, { Metric__c: 'Joint_Calls', Target_Value__c: 12 }));
  await movePlanTo(t.conn, plan, status);
  return { plan, section, target, unbaselined };
}

async function send(method: string, path: string, body: Rec) {
  return rawRequest(t.conn, method, dataPath(path), { body });
}

async function refused(method: string, path: string, body: Rec): Promise<Rec[]> {
  const response = await send(method, path, body);
  expect(response.status).toBe(400);
  return response.body as Rec[];
}

async function update(sobject: string, id: string, body: Rec): Promise<void> {
  const response = await send('PATCH', `/sobjects/${sobject}/${id}`, body);
  expect(response).toMatchObject({ status: 204 });
}

const patchTarget = (id: string, body: Rec) => refused('PATCH', `/sobjects/Plan_Target__c/${id}`, body);
const retrieve = async (sobject: string, id: string): Promise<Rec> =>
  (await t.conn.sobject(sobject).retrieve(id)) as Rec;

// A Closed plan refuses more (every change to it, its sections and targets): test/localorg/plan-year-rules.test.ts.
describe.each(['Accepted', 'Active'])('a plan that is %s', (status) => {
  let f: PlanFixture;
  beforeAll(async () => {
    f = await planIn(status);
  });

  it('takes no new section and keeps its sections as accepted', async () => {
    expect(
      await refused('POST', '/sobjects/Plan_Section__c', { Name: 'Late', Partner_Account_Plan__c: f.plan }),
    ).toEqual([refusal(MESSAGES.newSection)]);
    for (const change of [
      { Name: 'Sales and services' },
      { Section_Type__c: 'Marketing' },
      { Summary__c: 'Grow faster' },
      { Budget__c: 9000 },
    ]) {
      expect(await refused('PATCH', `/sobjects/Plan_Section__c/${f.section}`, change)).toEqual([
        refusal(MESSAGES.section),
      ]);
    }
    expect(await retrieve('Plan_Section__c', f.section)).toMatchObject({ Name: 'Sales', Budget__c: 5000 });
  });

  it("keeps a section's order, status and owner editable", async () => {
    await update('Plan_Section__c', f.section, { Sort_Order__c: 20, Status__c: 'At Risk', Section_Owner__c: adminId });
  });

  it('takes no new target', async () => {
    expect(await refused('POST', '/sobjects/Plan_Target__c', targetFields(f.section))).toEqual([
      refusal(MESSAGES.newTarget),
    ]);
  });

  it('refuses each locked target field on that field, also with a revision reason', async () => {
    const cases: [Rec, Rec][] = [
      [{ Target_Value__c: 120000 }, refusal(MESSAGES.value, 'Target_Value__c')],
      [{ Metric__c: 'Deal_Registrations' }, refusal(MESSAGES.metric, 'Metric__c')],
      [{ Target_Account__c: customer }, refusal(MESSAGES.metric, 'Metric__c')],
      [{ Period_Type__c: 'Month' }, refusal(MESSAGES.period, 'Period_Start__c')],
      [{ Period_Start__c: '2027-02-01' }, refusal(MESSAGES.period, 'Period_Start__c')],
      [{ Period_End__c: '2027-06-30' }, refusal(MESSAGES.period, 'Period_Start__c')],
      [{ Weight__c: 3 }, refusal(MESSAGES.weight, 'Weight__c')],
      [{ Revision_Reason__c: 'Rewritten afterwards' }, refusal(MESSAGES.reason, 'Revision_Reason__c')],
    ];
    for (const [change, error] of cases)
      expect({ change, errors: await patchTarget(f.target, change) }).toEqual({ change, errors: [error] });
    expect(await patchTarget(f.target, { Target_Value__c: 120000, Revision_Reason__c: 'Bigger market' })).toEqual([
      refusal(MESSAGES.reason, 'Revision_Reason__c'),
      refusal(MESSAGES.value, 'Target_Value__c'),
    ]);
    expect(await retrieve('Plan_Target__c', f.target)).toMatchObject({ Target_Value__c: 100000, Weight__c: 1 });
  });

  it('keeps a target in its section (the master-detail is not reparentable)', async () => {
    const other = (await planIn('Draft')).section;
    const response = await send('PATCH', `/sobjects/Plan_Target__c/${f.target}`, { Plan_Section__c: other });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject([{ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' }]);
  });

  it("takes the rollup's figures and the accountable people", async () => {
    await update('Plan_Target__c', f.target, {
      Actual_Value__c: 45000,
      Attainment__c: 45,
      Expected_To_Date__c: 50000,
      Pace_Status__c: 'Behind',
      Last_Calculated_At__c: '2027-02-15T06:00:00.000Z',
      Accountable_AE__c: adminId,
    });
    await update('Plan_Section__c', f.section, { Weighted_Attainment__c: 45 });
    expect(await retrieve('Plan_Target__c', f.target)).toMatchObject({
      Actual_Value__c: 45000,
      Pace_Status__c: 'Behind',
    });
  });

  it('lets a missing baseline be filled in with the target value only, and never changes one', async () => {
    expect(await patchTarget(f.unbaselined, { Baseline_Target_Value__c: 11 })).toEqual([
      refusal(MESSAGES.baseline, 'Baseline_Target_Value__c'),
    ]);
    expect(await patchTarget(f.target, { Baseline_Target_Value__c: 90000 })).toEqual([
      refusal(MESSAGES.baseline, 'Baseline_Target_Value__c'),
    ]);
    expect(await patchTarget(f.target, { Baseline_Target_Value__c: null })).toEqual([
      refusal(MESSAGES.baseline, 'Baseline_Target_Value__c'),
    ]);
    await update('Plan_Target__c', f.unbaselined, { Baseline_Target_Value__c: 12 });
    expect(await retrieve('Plan_Target__c', f.unbaselined)).toMatchObject({ Baseline_Target_Value__c: 12 });
  });
});

describe('through UI API, as the plan editor saves', () => {
  it('answers a locked target value under its field, and a lock without a field among the errors', async () => {
    const f = await planIn('Active');
    const value = await send('PATCH', `/ui-api/records/${f.target}`, { fields: { Target_Value__c: 1 } });
    expect(value.status).toBe(400);
    expect(value.body).toMatchObject([
      {
        errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        output: {
          errors: [],
          fieldErrors: {
            Target_Value__c: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: MESSAGES.value }],
          },
        },
      },
    ]);
    const section = await send('PATCH', `/ui-api/records/${f.section}`, { fields: { Name: 'Renamed' } });
    expect(section.status).toBe(400);
    expect(section.body).toMatchObject([
      { output: { errors: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: MESSAGES.section }] } },
    ]);
  });
});

describe('the revision path (In Revision)', () => {
  let f: PlanFixture;
  beforeAll(async () => {
    f = await planIn('Active');
    await update('Partner_Account_Plan__c', f.plan, { Status__c: 'In Revision' });
  });

  it('needs a new reason to change a baselined target value', async () => {
    expect(await patchTarget(f.target, { Target_Value__c: 90000 })).toEqual([
      refusal(MESSAGES.revisionReason, 'Revision_Reason__c'),
    ]);
    await update('Plan_Target__c', f.target, { Target_Value__c: 90000, Revision_Reason__c: 'Partner lost two reps' });
    expect(await patchTarget(f.target, { Target_Value__c: 85000 })).toEqual([
      refusal(MESSAGES.revisionReason, 'Revision_Reason__c'),
    ]);
    expect(await retrieve('Plan_Target__c', f.target)).toMatchObject({
      Target_Value__c: 90000,
      Baseline_Target_Value__c: 100000,
      Revision_Reason__c: 'Partner lost two reps',
    });
  });

  it('keeps the baselines as accepted, so no change escapes its reason', async () => {
    expect(await patchTarget(f.target, { Baseline_Target_Value__c: null, Target_Value__c: 70000 })).toEqual([
      refusal(MESSAGES.baselineInRevision, 'Baseline_Target_Value__c'),
    ]);
  });

  it('changes what is not baselined freely, and takes new sections and targets', async () => {
    await update('Plan_Target__c', f.unbaselined, { Target_Value__c: 15, Period_End__c: '2027-02-28' });
    await update('Plan_Section__c', f.section, { Name: 'Sales and services', Budget__c: 7000 });
    await t.conn.sobject('Plan_Section__c').create({ Name: 'Co-selling', Partner_Account_Plan__c: f.plan });
    await t.conn.sobject('Plan_Target__c').create(targetFields(f.section, { Metric__c: 'Deal_Registrations' }));
  });

  it('locks everything again once the revised plan is accepted', async () => {
    await update('Partner_Account_Plan__c', f.plan, { Status__c: 'Partner Review' });
    // The editor's order: baselines first, while the plan is in Partner Review, then one acceptance save.
    await update('Plan_Target__c', f.target, { Baseline_Target_Value__c: 90000 });
    const plan = await retrieve('Partner_Account_Plan__c', f.plan);
    await update('Partner_Account_Plan__c', f.plan, {
      Status__c: 'Accepted',
      Accepted_By__c: adminId,
      Accepted_On__c: new Date().toISOString(),
      Version__c: (plan.Version__c as number) + 1,
    });
    expect(await patchTarget(f.unbaselined, { Target_Value__c: 16 })).toEqual([
      refusal(MESSAGES.value, 'Target_Value__c'),
    ]);
  });
});
