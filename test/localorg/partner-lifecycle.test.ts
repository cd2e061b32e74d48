/**
 * The partner's steps in the plan lifecycle, through REST with jsforce as an internal user (the admin): a plan
 * in Partner Review goes back to In Revision only with a change request (reason, who, a new time) in the same
 * save, those three fields change at no other time, Accepted By Contact belongs to the acceptance stamp, and a
 * baseline written on a Draft or Partner Review plan is the target value. Then as a partner user (Partner Community
 * User profile, Partner_User permission set, the plan shared with them): they accept only in Partner Review and
 * in their own name, request changes, change no other status, no target value and no plan period, and post no
 * internal-only comment. Each refusal answers FIELD_CUSTOM_VALIDATION_EXCEPTION with the rule's message.
 */
import type { Connection } from 'jsforce';
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createDraftPlan, createPlanIn, movePlanTo, ruleRefusal, userIdOf } from '../support/lifecycle';
import { createPartnerAccount, createPartnerUser } from '../support/partners';
import { permissionSetId, type TestUser } from '../support/security';

let t: TestOrg;
let partner: string;
let contact: string;
let adminId: string;
beforeAll(async () => {
  // The org's clock inside the test plans' year (2027), so they may become Active.
  t = await startTestOrg({ now: () => new Date('2027-06-15T12:00:00Z') });
  partner = (await t.conn.sobject('Account').create({ Name: 'Northwind', Partner_Type__c: 'Reseller' })).id!;
  contact = (await t.conn.sobject('Contact').create({ LastName: 'Reyes', AccountId: partner })).id!;
  adminId = await userIdOf(t.conn);
});
afterAll(() => t.close());

type Rec = Record<string, unknown>;

const PLAN = 'Partner_Account_Plan__c';

const MESSAGES = {
  changeRequest:
    'To request changes, give the reason (Change Request Reason), who requests them (Changes Requested By) and when (a new Changes Requested On) in the same save.',
  changeRequestFields:
    'Change Request Reason, Changes Requested By and Changes Requested On change only when changes are requested (Partner Review to In Revision).',
  acceptanceFields:
    'Accepted By, Accepted By Contact, Accepted On and Version change only when the plan is marked Accepted.',
  transition:
    'This status change is not allowed: a plan goes Draft, Partner Review, Accepted, Active, Closed. Partner Review can return to Draft, or go to In Revision when the partner requests changes; an Accepted or Active plan reopens as In Revision and goes through Partner Review again. Closed is final.',
  baseline: 'A baseline is the target value taken at acceptance: set it to the target value, or leave it blank.',
};

const refusal = ruleRefusal;

const newPlan = (fields: Rec = {}): Promise<string> => createDraftPlan(t.conn, partner, fields);

const planIn = (status: string): Promise<string> => createPlanIn(t.conn, partner, status);

async function send(method: string, path: string, body: Rec) {
  return rawRequest(t.conn, method, dataPath(path), { body });
}

/** The errors of a refused write (400). */
async function refused(method: string, path: string, body: Rec): Promise<Rec[]> {
  const response = await send(method, path, body);
  expect(response.status).toBe(400);
  return response.body as Rec[];
}

const refusedPlan = (id: string, body: Rec): Promise<Rec[]> => refused('PATCH', `/sobjects/${PLAN}/${id}`, body);

async function update(sobject: string, id: string, body: Rec): Promise<void> {
  const response = await send('PATCH', `/sobjects/${sobject}/${id}`, body);
  expect(response).toMatchObject({ status: 204 });
}

const plan = async (id: string): Promise<Rec> => (await t.conn.sobject(PLAN).retrieve(id)) as Rec;

/** The fields of a change request made now by the admin. */
const changeRequest = (at = new Date()): Rec => ({
  Status__c: 'In Revision',
  Change_Request_Reason__c: 'Q3 revenue is too high for two certified reps.',
  Changes_Requested_By__c: adminId,
  Changes_Requested_On__c: at.toISOString(),
});

describe('a change request (Partner Review to In Revision)', () => {
  it('needs the reason, who asked and a new time in the same save, on Change Request Reason', async () => {
    const id = await planIn('Partner Review');
    for (const missing of ['Change_Request_Reason__c', 'Changes_Requested_By__c', 'Changes_Requested_On__c']) {
      expect({ missing, errors: await refusedPlan(id, { ...changeRequest(), [missing]: null }) }).toEqual({
        missing,
        errors: [refusal(MESSAGES.changeRequest, 'Change_Request_Reason__c')],
      });
    }
    expect(await refusedPlan(id, { Status__c: 'In Revision' })).toEqual([
      refusal(MESSAGES.changeRequest, 'Change_Request_Reason__c'),
    ]);
    expect(await plan(id)).toMatchObject({ Status__c: 'Partner Review', Change_Request_Reason__c: null });
  });

  it('moves the plan to In Revision with its stamp, and the next request needs a new time', async () => {
    const id = await planIn('Partner Review');
    const first = changeRequest(new Date('2027-01-10T09:00:00Z'));
    await update(PLAN, id, first);
    expect(await plan(id)).toMatchObject({
      Status__c: 'In Revision',
      Change_Request_Reason__c: first.Change_Request_Reason__c,
      Changes_Requested_By__c: adminId,
      Changes_Requested_On__c: '2027-01-10T09:00:00.000+0000',
    });
    await update(PLAN, id, { Status__c: 'Partner Review' });
    // The last request's time does not stamp a second one.
    expect(
      await refusedPlan(id, { Status__c: 'In Revision', Change_Request_Reason__c: 'Also the training target.' }),
    ).toEqual([refusal(MESSAGES.changeRequest, 'Change_Request_Reason__c')]);
    await update(PLAN, id, changeRequest(new Date('2027-01-20T09:00:00Z')));
    expect((await plan(id)).Changes_Requested_On__c).toBe('2027-01-20T09:00:00.000+0000');
  });

  it('is only a way out of Partner Review: other statuses reach In Revision as before, without one', async () => {
    const active = await planIn('Active');
    await update(PLAN, active, { Status__c: 'In Revision' });
    expect(await plan(active)).toMatchObject({ Status__c: 'In Revision', Change_Request_Reason__c: null });
    const draft = await newPlan();
    expect(await refusedPlan(draft, changeRequest())).toEqual([
      refusal(MESSAGES.changeRequestFields),
      refusal(MESSAGES.transition, 'Status__c'),
    ]);
  });
});

describe('the change request fields', () => {
  it('change at no other time, whatever the status', async () => {
    const id = await planIn('Partner Review');
    await update(PLAN, id, changeRequest());
    for (const body of [
      { Change_Request_Reason__c: 'Reworded.' },
      { Changes_Requested_By__c: null },
      { Changes_Requested_On__c: '2027-02-01T00:00:00.000Z' },
      { Status__c: 'Partner Review', Change_Request_Reason__c: null },
    ]) {
      expect({ body, errors: await refusedPlan(id, body) }).toEqual({
        body,
        errors: [refusal(MESSAGES.changeRequestFields)],
      });
    }
  });

  it('are blank on a new plan', async () => {
    for (const [name, value] of [
      ['Change_Request_Reason__c', 'Not yet.'],
      ['Changes_Requested_By__c', () => adminId],
      ['Changes_Requested_On__c', '2027-01-01T00:00:00.000Z'],
    ] as const) {
      const body = {
        Name: 'Northwind FY27',
        Partner_Account__c: partner,
        Period_Start__c: '2027-01-01',
        Period_End__c: '2027-12-31',
        [name]: typeof value === 'function' ? value() : value,
      };
      expect({ name, errors: await refused('POST', `/sobjects/${PLAN}`, body) }).toEqual({
        name,
        errors: [refusal(MESSAGES.changeRequestFields)],
      });
    }
  });

  it('stay as the last request wrote them once the plan is accepted', async () => {
    const id = await planIn('Partner Review');
    await update(PLAN, id, changeRequest(new Date('2027-01-10T09:00:00Z')));
    await movePlanTo(t.conn, id, 'Partner Review');
    const version = ((await plan(id)).Version__c as number | null) ?? 0;
    await update(PLAN, id, {
      Status__c: 'Accepted',
      Accepted_By__c: adminId,
      Accepted_On__c: new Date().toISOString(),
      Version__c: version + 1,
    });
    expect(await plan(id)).toMatchObject({
      Status__c: 'Accepted',
      Changes_Requested_On__c: '2027-01-10T09:00:00.000+0000',
      Accepted_By_Contact__c: null,
    });
  });
});

describe('Accepted By Contact', () => {
  it('changes only with an acceptance; an internal one leaves it blank, or an admin names the contact', async () => {
    const id = await planIn('Partner Review');
    expect(await refusedPlan(id, { Accepted_By_Contact__c: contact })).toEqual([refusal(MESSAGES.acceptanceFields)]);
    const version = ((await plan(id)).Version__c as number | null) ?? 0;
    await update(PLAN, id, {
      Status__c: 'Accepted',
      Accepted_By__c: adminId,
      Accepted_By_Contact__c: contact,
      Accepted_On__c: new Date().toISOString(),
      Version__c: version + 1,
    });
    expect(await plan(id)).toMatchObject({ Status__c: 'Accepted', Accepted_By_Contact__c: contact });
    expect(await refusedPlan(id, { Accepted_By_Contact__c: null })).toEqual([refusal(MESSAGES.acceptanceFields)]);
    const active = await planIn('Active');
    expect((await plan(active)).Accepted_By_Contact__c).toBeNull();
  });
});

describe('Baseline_Is_Target_Value', () => {
  /** A plan with a section and a target of 100000, in `status` (before acceptance: Draft or Partner Review). */
  async function targetIn(status: string): Promise<{ plan: string; target: string }> {
    const id = await newPlan();
    const section = (await t.conn.sobject('Plan_Section__c').create({ Name: 'Sales', Partner_Account_Plan__c: id }))
      .id!;
    const target = (
      await t.conn.sobject('Plan_Target__c').create({
        Plan_Section__c: section,
        Metric__c: 'Closed_Won_Revenue',
        Period_Start__c: '2027-01-01',
        Period_End__c: '2027-03-31',
        Target_Value__c: 100000,
      })
    ).id!;
    await movePlanTo(t.conn, id, status);
    return { plan: id, target };
  }

  it.each(['Draft', 'Partner Review'])('%s: a baseline written must be the target value', async (status) => {
    const { target } = await targetIn(status);
    const path = `/sobjects/Plan_Target__c/${target}`;
    expect(await refused('PATCH', path, { Baseline_Target_Value__c: 90000 })).toEqual([
      refusal(MESSAGES.baseline, 'Baseline_Target_Value__c'),
    ]);
    await update('Plan_Target__c', target, { Baseline_Target_Value__c: 100000 });
    // A new value and its baseline in one save: the baseline is the new value (the change needs its reason).
    const revised = { Target_Value__c: 80000, Revision_Reason__c: 'Smaller territory' };
    expect(await refused('PATCH', path, { ...revised, Baseline_Target_Value__c: 90000 })).toEqual([
      refusal(MESSAGES.baseline, 'Baseline_Target_Value__c'),
    ]);
    await update('Plan_Target__c', target, { ...revised, Baseline_Target_Value__c: 80000 });
    // Clearing is no baseline written.
    await update('Plan_Target__c', target, { Baseline_Target_Value__c: null });
    expect(await t.conn.sobject('Plan_Target__c').retrieve(target)).toMatchObject({
      Target_Value__c: 80000,
      Baseline_Target_Value__c: null,
    });
  });

  it('lets a target value move away from its baseline (only the baseline is checked)', async () => {
    const { target } = await targetIn('Draft');
    await update('Plan_Target__c', target, { Baseline_Target_Value__c: 100000 });
    await update('Plan_Target__c', target, { Target_Value__c: 120000, Revision_Reason__c: 'Second distributor' });
    expect(await t.conn.sobject('Plan_Target__c').retrieve(target)).toMatchObject({
      Target_Value__c: 120000,
      Baseline_Target_Value__c: 100000,
    });
  });
});

describe('as a partner user', () => {
  const PARTNER_MESSAGES = {
    status: 'As a partner you can only accept a plan that is in Partner Review, or request changes to it.',
    stamp: 'When you accept the plan, Accepted By must be you and Accepted By Contact your contact record.',
    internal: 'Partner users cannot post internal-only comments. Clear Internal Only to post the comment.',
    target: "Partner users cannot change a target's metric, value or period. Request changes to the plan instead.",
    plan: "Partner users cannot change the plan's name, partner account or period. Request changes to the plan instead.",
  };
  let account: string;
  let user: TestUser & { contactId: string };
  let pconn: Connection;

  beforeAll(async () => {
    account = await createPartnerAccount(t, 'Fabrikam');
    await t.conn.sobject('Account').update({ Id: account, Partner_Type__c: 'Reseller' });
    user = await createPartnerUser(t, { alias: 'fabpu', accountId: account, permissionSets: ['Partner_User'] });
    pconn = user.conn;
  }, 60_000);

  /** A plan of the partner's account with a section and a target of 100000, in `status`, shared with the user. */
  async function sharedPlan(status: string): Promise<{ plan: string; target: string }> {
    const id = await newPlan({ Name: `Fabrikam ${status}`, Partner_Account__c: account });
    const section = (await t.conn.sobject('Plan_Section__c').create({ Name: 'Sales', Partner_Account_Plan__c: id }))
      .id!;
    const target = (
      await t.conn.sobject('Plan_Target__c').create({
        Plan_Section__c: section,
        Metric__c: 'Closed_Won_Revenue',
        Period_Start__c: '2027-01-01',
        Period_End__c: '2027-03-31',
        Target_Value__c: 100000,
      })
    ).id!;
    await movePlanTo(t.conn, id, status);
    await t.conn
      .sobject('Partner_Account_Plan__Share')
      .create({ ParentId: id, UserOrGroupId: user.id, AccessLevel: 'Edit', RowCause: 'Manual' });
    return { plan: id, target };
  }

  const asPartner = (method: string, path: string, body: Rec) => rawRequest(pconn, method, dataPath(path), { body });

  async function partnerRefused(method: string, path: string, body: Rec): Promise<Rec[]> {
    const response = await asPartner(method, path, body);
    expect(response.status).toBe(400);
    return response.body as Rec[];
  }

  async function partnerUpdates(sobject: string, id: string, body: Rec): Promise<void> {
    expect(await asPartner('PATCH', `/sobjects/${sobject}/${id}`, body)).toMatchObject({ status: 204 });
  }

  /** The partner's acceptance of a plan: stamped with the user and their contact, at the next version. */
  async function partnerAcceptance(id: string): Promise<Rec> {
    const version = ((await plan(id)).Version__c as number | null) ?? 0;
    return {
      Status__c: 'Accepted',
      Accepted_By__c: user.id,
      Accepted_By_Contact__c: user.contactId,
      Accepted_On__c: new Date().toISOString(),
      Version__c: version + 1,
    };
  }

  it('accepts a plan in Partner Review with their own stamp, after stamping its baselines', async () => {
    const { plan: id, target } = await sharedPlan('Partner Review');
    await partnerUpdates('Plan_Target__c', target, { Baseline_Target_Value__c: 100000 });
    await partnerUpdates(PLAN, id, await partnerAcceptance(id));
    expect(await plan(id)).toMatchObject({
      Status__c: 'Accepted',
      Accepted_By__c: user.id,
      Accepted_By_Contact__c: user.contactId,
    });
  });

  it("cannot accept in anyone else's name, on Accepted By Contact", async () => {
    const { plan: id } = await sharedPlan('Partner Review');
    const fields = await partnerAcceptance(id);
    for (const body of [
      { ...fields, Accepted_By__c: adminId },
      { ...fields, Accepted_By__c: null },
      { ...fields, Accepted_By_Contact__c: null },
    ]) {
      expect(await partnerRefused('PATCH', `/sobjects/${PLAN}/${id}`, body)).toEqual(
        expect.arrayContaining([refusal(PARTNER_MESSAGES.stamp, 'Accepted_By_Contact__c')]),
      );
    }
    // Another contact of the account: refused, whether by the rule or because the partner cannot see it.
    const other = (await t.conn.sobject('Contact').create({ LastName: 'Osei', AccountId: account })).id!;
    const response = await asPartner('PATCH', `/sobjects/${PLAN}/${id}`, { ...fields, Accepted_By_Contact__c: other });
    expect(response.status).toBe(400);
    expect((await plan(id)).Status__c).toBe('Partner Review');
  });

  it('requests changes with the change request stamp', async () => {
    const { plan: id } = await sharedPlan('Partner Review');
    expect(await partnerRefused('PATCH', `/sobjects/${PLAN}/${id}`, { Status__c: 'In Revision' })).toEqual([
      refusal(MESSAGES.changeRequest, 'Change_Request_Reason__c'),
    ]);
    await partnerUpdates(PLAN, id, { ...changeRequest(), Changes_Requested_By__c: user.id });
    expect(await plan(id)).toMatchObject({ Status__c: 'In Revision', Changes_Requested_By__c: user.id });
  });

  it('changes the status at no other step of the lifecycle, on Status', async () => {
    const review = await sharedPlan('Partner Review');
    expect(await partnerRefused('PATCH', `/sobjects/${PLAN}/${review.plan}`, { Status__c: 'Draft' })).toEqual([
      refusal(PARTNER_MESSAGES.status, 'Status__c'),
    ]);
    const accepted = await sharedPlan('Accepted');
    expect(await partnerRefused('PATCH', `/sobjects/${PLAN}/${accepted.plan}`, { Status__c: 'Active' })).toEqual([
      refusal(PARTNER_MESSAGES.status, 'Status__c'),
    ]);
    const active = await sharedPlan('Active');
    expect(await partnerRefused('PATCH', `/sobjects/${PLAN}/${active.plan}`, { Status__c: 'In Revision' })).toEqual([
      refusal(PARTNER_MESSAGES.status, 'Status__c'),
    ]);
    const revision = await sharedPlan('In Revision');
    expect(
      await partnerRefused('PATCH', `/sobjects/${PLAN}/${revision.plan}`, { Status__c: 'Partner Review' }),
    ).toEqual([refusal(PARTNER_MESSAGES.status, 'Status__c')]);
  });

  it("changes neither the plan's name, partner or period nor a target's value, metric or period", async () => {
    const { plan: id, target } = await sharedPlan('Partner Review');
    for (const body of [{ Name: 'Ours now' }, { Period_End__c: '2027-06-30' }]) {
      expect({ body, errors: await partnerRefused('PATCH', `/sobjects/${PLAN}/${id}`, body) }).toEqual({
        body,
        errors: [refusal(PARTNER_MESSAGES.plan)],
      });
    }
    for (const body of [{ Target_Value__c: 50000 }, { Metric__c: 'Joint_Calls' }, { Period_End__c: '2027-02-28' }]) {
      expect({ body, errors: await partnerRefused('PATCH', `/sobjects/Plan_Target__c/${target}`, body) }).toEqual({
        body,
        errors: [refusal(PARTNER_MESSAGES.target)],
      });
    }
    // The baseline they may stamp is the target value.
    expect(
      await partnerRefused('PATCH', `/sobjects/Plan_Target__c/${target}`, { Baseline_Target_Value__c: 1 }),
    ).toEqual([refusal(MESSAGES.baseline, 'Baseline_Target_Value__c')]);
  });

  it('comments, but never internal only, even with a permission set that lets them set the flag', async () => {
    const { plan: id } = await sharedPlan('Partner Review');
    const shared = await asPartner('POST', '/sobjects/Plan_Comment__c', {
      Partner_Account_Plan__c: id,
      Body__c: 'Looks right to us.',
    });
    expect(shared.status).toBe(201);
    const flagged = { Partner_Account_Plan__c: id, Body__c: 'Between us.', Internal_Only__c: true };
    // Partner_User reads the flag only: field-level security refuses it first.
    expect((await asPartner('POST', '/sobjects/Plan_Comment__c', flagged)).status).toBe(400);
    // A set assigned by mistake that edits the flag meets the rule.
    await t.conn
      .sobject('PermissionSetAssignment')
      .create({ AssigneeId: user.id, PermissionSetId: await permissionSetId(t, 'Account_Executive') });
    expect(await partnerRefused('POST', '/sobjects/Plan_Comment__c', flagged)).toEqual([
      refusal(PARTNER_MESSAGES.internal, 'Internal_Only__c'),
    ]);
  });
});
