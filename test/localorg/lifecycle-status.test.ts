/**
 * The plan lifecycle's validation rules on Partner_Account_Plan__c, through REST with jsforce: only the
 * documented status changes pass (Draft -> Partner Review -> Accepted -> Active -> Closed, Partner Review back
 * to Draft or, with a change request, to In Revision (partner-lifecycle.test.ts), Accepted or Active -> In Revision
 * -> Partner Review), acceptance needs its stamp and the next
 * version in the same save, and the period and partner of an accepted plan are locked. Each refusal answers
 * FIELD_CUSTOM_VALIDATION_EXCEPTION with the rule's message and display field.
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createDraftPlan, createPlanIn, ruleRefusal, userIdOf } from '../support/lifecycle';

let t: TestOrg;
let partner: string;
let otherPartner: string;
let adminId: string;
beforeAll(async () => {
  // The org's clock after the test plans' year (2027), so they may become Active and then Closed.
  t = await startTestOrg({ now: () => new Date('2028-01-15T12:00:00Z') });
  partner = (await t.conn.sobject('Account').create({ Name: 'Northwind', Partner_Type__c: 'Reseller' })).id!;
  otherPartner = (await t.conn.sobject('Account').create({ Name: 'Contoso', Partner_Type__c: 'Reseller' })).id!;
  adminId = await userIdOf(t.conn);
});
afterAll(() => t.close());

type Rec = Record<string, unknown>;

const PLAN = 'Partner_Account_Plan__c';

const MESSAGES = {
  newDraft: 'A new plan starts as Draft. Create it as Draft, then submit it for partner review.',
  transition:
    'This status change is not allowed: a plan goes Draft, Partner Review, Accepted, Active, Closed. Partner Review can return to Draft, or go to In Revision when the partner requests changes; an Accepted or Active plan reopens as In Revision and goes through Partner Review again. Closed is final.',
  stamp:
    'To mark the plan Accepted, record who accepted it (Accepted By) and when (a new Accepted On) in the same save.',
  version: 'Accepting the plan starts its next version: set Version to the previous version plus one.',
  acceptanceFields:
    'Accepted By, Accepted By Contact, Accepted On and Version change only when the plan is marked Accepted.',
  period: 'The period of an accepted plan cannot change. Use Revise to reopen the plan (In Revision) first.',
  partner: 'The partner account of an accepted plan cannot change. Use Revise to reopen the plan (In Revision) first.',
};

const refusal = ruleRefusal;

const newPlan = (fields: Rec = {}): Promise<string> => createDraftPlan(t.conn, partner, fields);

/** A plan walked to `status` through the allowed steps. */
const planIn = (status: string): Promise<string> => createPlanIn(t.conn, partner, status);

/** The errors of a refused PATCH (400), and the status it left unchanged. */
async function refused(id: string, body: Rec): Promise<Rec[]> {
  const response = await rawRequest(t.conn, 'PATCH', dataPath(`/sobjects/${PLAN}/${id}`), { body });
  expect(response.status).toBe(400);
  return response.body as Rec[];
}

async function update(id: string, body: Rec): Promise<void> {
  const response = await rawRequest(t.conn, 'PATCH', dataPath(`/sobjects/${PLAN}/${id}`), { body });
  expect(response).toMatchObject({ status: 204 });
}

const plan = async (id: string): Promise<Rec> => (await t.conn.sobject(PLAN).retrieve(id)) as Rec;

/** Fields of an acceptance by the admin: stamped now, at the next version. */
async function acceptance(id: string, at = new Date()): Promise<Rec> {
  const version = ((await plan(id)).Version__c as number | null) ?? 0;
  return { Status__c: 'Accepted', Accepted_By__c: adminId, Accepted_On__c: at.toISOString(), Version__c: version + 1 };
}

describe('a new plan', () => {
  it('starts as Draft: created in any other status it is refused on Status', async () => {
    for (const status of ['Partner Review', 'Accepted', 'Active', 'In Revision', 'Closed']) {
      const response = await rawRequest(t.conn, 'POST', dataPath(`/sobjects/${PLAN}`), {
        body: {
          Name: `New ${status}`,
          Partner_Account__c: partner,
          Period_Start__c: '2027-01-01',
          Period_End__c: '2027-12-31',
          Status__c: status,
          Accepted_By__c: adminId,
          Accepted_On__c: '2026-12-20T16:00:00.000Z',
        },
      });
      expect({ status, code: response.status, body: response.body }).toEqual({
        status,
        code: 400,
        body: [refusal(MESSAGES.newDraft, 'Status__c')],
      });
    }
    expect((await plan(await newPlan())).Status__c).toBe('Draft');
    expect((await plan(await newPlan({ Status__c: 'Draft' }))).Status__c).toBe('Draft');
  });
});

const CLOSED = 'A closed plan is read-only.';
const byMessage = (a: Rec, b: Rec): number => String(a.message).localeCompare(String(b.message));

describe('status changes', () => {
  const FORBIDDEN: [string, string[]][] = [
    ['Draft', ['Accepted', 'Active', 'In Revision', 'Closed']],
    ['Partner Review', ['Active', 'Closed']],
    ['Accepted', ['Draft', 'Partner Review', 'Closed']],
    ['Active', ['Draft', 'Partner Review', 'Accepted']],
    ['In Revision', ['Draft', 'Accepted', 'Active', 'Closed']],
    ['Closed', ['Draft', 'Partner Review', 'Accepted', 'Active', 'In Revision']],
  ];

  it.each(FORBIDDEN)('refuses %s -> %p with the lifecycle message on Status', async (from, targets) => {
    const id = await planIn(from);
    for (const to of targets) {
      // Fully stamped, so only the transition rule can refuse a move to Accepted.
      const body = to === 'Accepted' ? await acceptance(id) : { Status__c: to };
      // A closed plan is also read-only as a whole (Closed_Plan_Read_Only).
      const expected = [refusal(MESSAGES.transition, 'Status__c'), ...(from === 'Closed' ? [refusal(CLOSED)] : [])];
      const errors = await refused(id, body);
      expect({ to, errors: [...errors].sort(byMessage) }).toEqual({ to, errors: expected.sort(byMessage) });
    }
    expect((await plan(id)).Status__c).toBe(from);
  });

  it('passes the whole documented path, a revision and a second acceptance', async () => {
    const id = await newPlan();
    await update(id, { Status__c: 'Partner Review' });
    await update(id, { Status__c: 'Draft' });
    await update(id, { Status__c: 'Partner Review' });
    await update(id, await acceptance(id, new Date('2027-01-05T10:00:00Z')));
    expect(await plan(id)).toMatchObject({ Status__c: 'Accepted', Version__c: 2, Accepted_By__c: adminId });
    await update(id, { Status__c: 'Active' });
    await update(id, { Status__c: 'In Revision' });
    await update(id, { Status__c: 'Partner Review' });
    await update(id, await acceptance(id, new Date('2027-04-02T10:00:00Z')));
    expect(await plan(id)).toMatchObject({ Status__c: 'Accepted', Version__c: 3 });
    await update(id, { Status__c: 'In Revision' });
    await update(id, { Status__c: 'Partner Review' });
    await update(id, await acceptance(id, new Date('2027-05-02T10:00:00Z')));
    await update(id, { Status__c: 'Active' });
    await update(id, { Status__c: 'Closed' });
    expect(await plan(id)).toMatchObject({ Status__c: 'Closed', Version__c: 4 });
  });

  it('refuses clearing the status', async () => {
    const id = await newPlan();
    expect(await refused(id, { Status__c: null })).toEqual([refusal(MESSAGES.transition, 'Status__c')]);
  });
});

describe('acceptance', () => {
  it('is refused without who accepted the plan, on Accepted By', async () => {
    const id = await planIn('Partner Review');
    const fields = await acceptance(id);
    expect(await refused(id, { ...fields, Accepted_By__c: null })).toEqual([refusal(MESSAGES.stamp, 'Accepted_By__c')]);
    expect(await refused(id, { ...fields, Accepted_On__c: null })).toEqual([refusal(MESSAGES.stamp, 'Accepted_By__c')]);
    expect(await plan(id)).toMatchObject({ Status__c: 'Partner Review', Accepted_By__c: null, Accepted_On__c: null });
  });

  it('is refused without the next version, on Version', async () => {
    const id = await planIn('Partner Review');
    const fields = await acceptance(id);
    for (const version of [null, 1, 3]) {
      expect(await refused(id, { ...fields, Version__c: version })).toEqual([refusal(MESSAGES.version, 'Version__c')]);
    }
    // Both failures at once when neither is there.
    expect(await refused(id, { Status__c: 'Accepted' })).toEqual([
      refusal(MESSAGES.stamp, 'Accepted_By__c'),
      refusal(MESSAGES.version, 'Version__c'),
    ]);
  });

  it('needs a new stamp when a revised plan is accepted again', async () => {
    const id = await planIn('Active');
    const first = await plan(id);
    await update(id, { Status__c: 'In Revision' });
    await update(id, { Status__c: 'Partner Review' });
    // The previous acceptance's stamp does not accept this version.
    expect(await refused(id, { Status__c: 'Accepted', Version__c: (first.Version__c as number) + 1 })).toEqual([
      refusal(MESSAGES.stamp, 'Accepted_By__c'),
    ]);
    await update(id, await acceptance(id));
  });

  it('keeps Accepted By, Accepted On and Version as the last acceptance wrote them', async () => {
    const id = await planIn('Active');
    expect(await refused(id, { Version__c: 7 })).toEqual([refusal(MESSAGES.acceptanceFields)]);
    expect(await refused(id, { Accepted_On__c: '2020-01-01T00:00:00.000Z' })).toEqual([
      refusal(MESSAGES.acceptanceFields),
    ]);
    expect(await refused(id, { Accepted_By__c: null })).toEqual([refusal(MESSAGES.acceptanceFields)]);
    const draft = await newPlan();
    expect(await refused(draft, { Version__c: 2 })).toEqual([refusal(MESSAGES.acceptanceFields)]);
  });
});

describe('an accepted plan', () => {
  it.each(['Accepted', 'Active'])('%s: keeps its period and partner', async (status) => {
    const id = await planIn(status);
    expect(await refused(id, { Period_Start__c: '2027-02-01' })).toEqual([refusal(MESSAGES.period, 'Period_Start__c')]);
    expect(await refused(id, { Period_End__c: '2027-11-30' })).toEqual([refusal(MESSAGES.period, 'Period_Start__c')]);
    expect(await refused(id, { Fiscal_Year__c: 'FY2028' })).toEqual([refusal(MESSAGES.period, 'Period_Start__c')]);
    expect(await refused(id, { Partner_Account__c: otherPartner })).toEqual([
      refusal(MESSAGES.partner, 'Partner_Account__c'),
    ]);
    expect(await plan(id)).toMatchObject({ Period_Start__c: '2027-01-01', Partner_Account__c: partner });
  });

  it('keeps its period in the save that reopens it; In Revision unlocks it', async () => {
    const id = await planIn('Active');
    expect(await refused(id, { Status__c: 'In Revision', Period_End__c: '2027-11-30' })).toEqual([
      refusal(MESSAGES.period, 'Period_Start__c'),
    ]);
    await update(id, { Status__c: 'In Revision' });
    await update(id, { Period_End__c: '2027-11-30' });
    expect((await plan(id)).Period_End__c).toBe('2027-11-30');
  });

  it('once Closed, takes no change at all: its period, partner, figures and narrative are final', async () => {
    const id = await planIn('Closed');
    for (const body of [
      { Period_End__c: '2027-11-30' },
      { Partner_Account__c: otherPartner },
      { Overall_Attainment__c: 87.5 },
      { Vision__c: 'Lessons learned: start the joint campaign earlier.' },
    ]) {
      expect(await refused(id, body)).toContainEqual(refusal(CLOSED));
    }
    expect(await plan(id)).toMatchObject({
      Status__c: 'Closed',
      Period_End__c: '2027-12-31',
      Partner_Account__c: partner,
    });
  });

  it('still takes the rollup figures and every other field while Active', async () => {
    const id = await planIn('Active');
    await update(id, {
      Overall_Attainment__c: 87.5,
      Last_Calculated_At__c: '2028-01-02T03:04:05.000Z',
      Vision__c: 'Lessons learned: start the joint campaign earlier.',
      Actual_Cost__c: 1200,
      Next_Review_Date__c: null,
    });
    expect(await plan(id)).toMatchObject({ Overall_Attainment__c: 87.5, Actual_Cost__c: 1200 });
  });
});
