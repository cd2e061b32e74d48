/**
 * Plan comments (Plan_Comment__c) through REST with jsforce, as internal users: whoever reads a plan may comment
 * on it (the master-detail field's writeRequiresMasterRead), a comment has a body, names only a target of its own
 * plan, may be internal only, and never changes once posted; deleting its target keeps the comment on the plan,
 * deleting the plan deletes it. Refusals answer FIELD_CUSTOM_VALIDATION_EXCEPTION with the rule's message.
 */
import { ruleRefusal } from '../support/lifecycle';
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import {
  createPlan,
  createPlanAudience,
  createUser,
  INSUFFICIENT_ACCESS,
  type PlanAudience,
} from '../support/security';

let t: TestOrg;
let a: PlanAudience;
beforeAll(async () => {
  t = await startTestOrg();
  a = await createPlanAudience(t);
}, 60_000);
afterAll(() => t.close());

type Rec = Record<string, unknown>;

const COMMENT = 'Plan_Comment__c';

const MESSAGES = {
  body: 'Write the comment before posting it.',
  target: "The target must be one of this plan's targets.",
  locked: 'A posted comment cannot be changed. Post a new comment instead.',
  hidden: "This target's section is hidden from the partner, so comments about it must be Internal Only.",
};

const refusal = ruleRefusal;

/** Posts a comment as the admin (or `conn`'s user) and answers the response. */
const post = (body: Rec, conn = t.conn) => rawRequest(conn, 'POST', dataPath(`/sobjects/${COMMENT}`), { body });

async function posted(body: Rec, conn = t.conn): Promise<string> {
  const response = await post(body, conn);
  expect(response.status).toBe(201);
  return (response.body as { id: string }).id;
}

const comment = async (id: string): Promise<Rec> => (await t.conn.sobject(COMMENT).retrieve(id)) as Rec;

describe('posting a comment', () => {
  it('is numbered PC-000001 and keeps its author and time', async () => {
    const id = await posted({ Partner_Account_Plan__c: a.plan, Body__c: 'Kick-off on Monday.' });
    const [row] = (
      await t.conn.query<Rec>(
        `SELECT Name, Body__c, Internal_Only__c, CreatedBy.Name FROM ${COMMENT} WHERE Id = '${id}'`,
      )
    ).records;
    expect(row).toMatchObject({ Body__c: 'Kick-off on Monday.', Internal_Only__c: false });
    expect(row.Name).toMatch(/^PC-\d{6}$/);
    expect((row.CreatedBy as Rec).Name).toBeTruthy();
  });

  it('needs a body, on Body', async () => {
    for (const body of [null, '']) {
      expect({ body, response: await post({ Partner_Account_Plan__c: a.plan, Body__c: body }) }).toMatchObject({
        body,
        response: { status: 400, body: [refusal(MESSAGES.body, 'Body__c')] },
      });
    }
  });

  it("names only a target of the comment's own plan, on Target", async () => {
    const other = await createPlan(a.pm.conn, a.account, 'Orion services plan');
    expect(
      await post({ Partner_Account_Plan__c: a.plan, Plan_Target__c: other.target, Body__c: 'Too high?' }),
    ).toMatchObject({
      status: 400,
      body: [refusal(MESSAGES.target, 'Plan_Target__c')],
    });
    const id = await posted({ Partner_Account_Plan__c: a.plan, Plan_Target__c: a.target, Body__c: 'Too high?' });
    expect(await comment(id)).toMatchObject({ Plan_Target__c: a.target });
  });

  it('about a target of a section hidden from the partner, is internal only (it must not reveal the target)', async () => {
    await t.conn.sobject('Plan_Section__c').update({ Id: a.section, Visible_To_Partner__c: false });
    try {
      const shared = await post(
        { Partner_Account_Plan__c: a.plan, Plan_Target__c: a.target, Body__c: 'Budget is tight.' },
        a.pm.conn,
      );
      expect(shared).toMatchObject({ status: 400, body: [refusal(MESSAGES.hidden, 'Internal_Only__c')] });
      const id = await posted(
        {
          Partner_Account_Plan__c: a.plan,
          Plan_Target__c: a.target,
          Body__c: 'Budget is tight.',
          Internal_Only__c: true,
        },
        a.pm.conn,
      );
      expect(await comment(id)).toMatchObject({ Internal_Only__c: true, Plan_Target__c: a.target });
    } finally {
      await t.conn.sobject('Plan_Section__c').update({ Id: a.section, Visible_To_Partner__c: true });
    }
  });

  it('may be internal only when an internal user posts it', async () => {
    const id = await posted(
      { Partner_Account_Plan__c: a.plan, Body__c: 'Their reps are stretched.', Internal_Only__c: true },
      a.pm.conn,
    );
    expect(await comment(id)).toMatchObject({ Internal_Only__c: true });
  });
});

describe('who may comment', () => {
  it('whoever reads the plan: an account executive it is shared with, read only', async () => {
    const ae = await createUser(t, { alias: 'ae2', permissionSets: ['Account_Executive'] });
    const before = await post({ Partner_Account_Plan__c: a.plan, Body__c: 'Can I join the QBR?' }, ae.conn);
    // The plan is out of the AE's sight until it is shared with them.
    expect(before).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_CROSS_REFERENCE_KEY', fields: ['Partner_Account_Plan__c'] }],
    });
    await t.conn
      .sobject('Partner_Account_Plan__Share')
      .create({ ParentId: a.plan, UserOrGroupId: ae.id, AccessLevel: 'Read', RowCause: 'Manual' });
    const id = await posted({ Partner_Account_Plan__c: a.plan, Body__c: 'Can I join the QBR?' }, ae.conn);
    expect((await comment(id)).CreatedById).toBe(ae.id);
    // Reading the plan is not editing it.
    const edit = await rawRequest(ae.conn, 'PATCH', dataPath(`/sobjects/Partner_Account_Plan__c/${a.plan}`), {
      body: { Vision__c: 'More.' },
    });
    expect(edit).toMatchObject({ status: 400, body: [INSUFFICIENT_ACCESS] });
  });

  it('not a user without a Partner Planning permission set', async () => {
    const response = await post({ Partner_Account_Plan__c: a.plan, Body__c: 'Hello' }, a.standard.conn);
    expect(response).toMatchObject({
      status: 404,
      body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
    });
  });
});

describe('a posted comment', () => {
  it('never changes: not its body, its target or its internal-only flag', async () => {
    const id = await posted({ Partner_Account_Plan__c: a.plan, Plan_Target__c: a.target, Body__c: 'First draft.' });
    for (const body of [{ Body__c: 'Second draft.' }, { Plan_Target__c: null }, { Internal_Only__c: true }]) {
      const response = await rawRequest(t.conn, 'PATCH', dataPath(`/sobjects/${COMMENT}/${id}`), { body });
      expect({ body, response }).toMatchObject({ body, response: { status: 400, body: [refusal(MESSAGES.locked)] } });
    }
    expect(await comment(id)).toMatchObject({
      Body__c: 'First draft.',
      Plan_Target__c: a.target,
      Internal_Only__c: false,
    });
  });

  it('stays on the plan when its target is deleted, and goes with the plan', async () => {
    const plan = await createPlan(a.pm.conn, a.account, 'Orion training plan', [10, 20]);
    const id = await posted({ Partner_Account_Plan__c: plan.plan, Plan_Target__c: plan.target, Body__c: 'Ten?' });
    await t.conn.sobject('Plan_Target__c').destroy(plan.target);
    expect(await comment(id)).toMatchObject({ Plan_Target__c: null, Body__c: 'Ten?' });
    await t.conn.sobject('Partner_Account_Plan__c').destroy(plan.plan);
    const left = await t.conn.query(`SELECT Id FROM ${COMMENT} WHERE Id = '${id}'`);
    expect(left.totalSize).toBe(0);
  });
});
