/**
 * What a partner user sees of the project's plans, with the real package metadata (the Partner_User permission
 * set, the external defaults and the three restriction rules), over HTTP through jsforce: only their account's
 * plan shared with their partner roles (as the access job shares it: RowCause Shared_With_Partner__c to the
 * RoleAndSubordinates group of the account's Executive role), only sections Visible to partner and their
 * targets, no internal-only comment, no internal field, no edit of a target value; and they comment on the plan
 * they read. Through REST, SOQL, SOSL, the UI API, GraphQL and Bulk API 2.0.
 */
import { bulkQuery } from '../support/bulk';
import { apiError, dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createPartnerUser, ensureAdminRole, partnerRolesOf } from '../support/partners';
import { createPlan, createPlanAudience, queryError, type PlanAudience, type TestUser } from '../support/security';
import { gql } from '../support/ui-api';

let t: TestOrg;
let audience: PlanAudience;
let orion: TestUser;
let vega: TestUser;
let draftPlan: string;
let vegaPlan: string;
let internalSection: string;
let internalTarget: string;
let sharedComment: string;
let internalComment: string;

type Rec = Record<string, unknown>;
const sorted = (values: string[]): string[] => [...values].sort();
const ids = async (user: TestUser, soql: string): Promise<string[]> =>
  sorted((await user.conn.query<Rec>(soql)).records.map((r) => String(r.Id)));

/** Shares the plan with the account's partner users as the access job does. */
async function shareWithPartner(plan: string, account: string, level: 'Read' | 'Edit'): Promise<void> {
  const [executive] = await partnerRolesOf(t, account);
  const group = await t.conn.query<{ Id: string }>(
    `SELECT Id FROM Group WHERE RelatedId = '${executive.Id}' AND Type = 'RoleAndSubordinates'`,
  );
  await t.conn.sobject('Partner_Account_Plan__Share').create({
    ParentId: plan,
    UserOrGroupId: group.records[0].Id,
    AccessLevel: level,
    RowCause: 'Shared_With_Partner__c',
  });
}

beforeAll(async () => {
  t = await startTestOrg();
  audience = await createPlanAudience(t);
  const { pm, account, plan } = audience;
  // The admin owns the accounts: an account's owner needs a role before it has partner users.
  await ensureAdminRole(t);
  await t.conn.sobject('Account').update({ Id: account, IsPartner: true });
  const vegaAccount = (
    await t.conn.sobject('Account').create({ Name: 'Vega Partners', Partner_Type__c: 'Reseller', IsPartner: true })
  ).id!;
  orion = await createPartnerUser(t, { alias: 'orion', accountId: account, permissionSets: ['Partner_User'] });
  vega = await createPartnerUser(t, { alias: 'vega', accountId: vegaAccount, permissionSets: ['Partner_User'] });
  draftPlan = (await createPlan(pm.conn, account, 'Orion draft plan')).plan;
  vegaPlan = (await createPlan(pm.conn, vegaAccount, 'Vega plan')).plan;
  internalSection = (
    await pm.conn
      .sobject('Plan_Section__c')
      .create({ Name: 'Orion internal notes', Partner_Account_Plan__c: plan, Visible_To_Partner__c: false })
  ).id!;
  internalTarget = (
    await pm.conn.sobject('Plan_Target__c').create({
      Plan_Section__c: internalSection,
      Metric__c: 'Closed_Won_Revenue',
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-12-31',
      Target_Value__c: 500,
      Weight__c: 1,
    })
  ).id!;
  sharedComment = (
    await pm.conn.sobject('Plan_Comment__c').create({ Partner_Account_Plan__c: plan, Body__c: 'Welcome aboard' })
  ).id!;
  internalComment = (
    await pm.conn
      .sobject('Plan_Comment__c')
      .create({ Partner_Account_Plan__c: plan, Body__c: 'Welcome pricing is thin', Internal_Only__c: true })
  ).id!;
  await shareWithPartner(plan, account, 'Read');
}, 60_000);
afterAll(() => t.close());

describe('a partner user, through SOQL', () => {
  it("sees only their account's shared plan", async () => {
    expect(await ids(orion, 'SELECT Id FROM Partner_Account_Plan__c')).toEqual([audience.plan]);
    expect(await ids(vega, 'SELECT Id FROM Partner_Account_Plan__c')).toEqual([]);
    // The partner manager sees all three.
    expect(await ids(audience.pm, 'SELECT Id FROM Partner_Account_Plan__c')).toEqual(
      sorted([audience.plan, draftPlan, vegaPlan]),
    );
  });

  it('sees only the sections visible to partners and their targets', async () => {
    expect(await ids(orion, 'SELECT Id FROM Plan_Section__c')).toEqual([audience.section]);
    expect(await ids(orion, 'SELECT Id FROM Plan_Target__c')).toEqual([audience.target]);
    const [plan] = (
      await orion.conn.query<Rec>(
        'SELECT Id, (SELECT Id FROM Plan_Sections__r), (SELECT Id FROM Plan_Comments__r) FROM Partner_Account_Plan__c',
      )
    ).records;
    expect((plan.Plan_Sections__r as { records: Rec[] }).records.map((r) => r.Id)).toEqual([audience.section]);
    expect((plan.Plan_Comments__r as { records: Rec[] }).records.map((r) => r.Id)).toEqual([sharedComment]);
    const [count] = (await orion.conn.query<Rec>('SELECT COUNT(Id) n FROM Plan_Target__c')).records;
    expect(count.n).toBe(1);
    // The partner manager sees both sections.
    expect(await ids(audience.pm, `SELECT Id FROM Plan_Section__c WHERE Id = '${internalSection}'`)).toHaveLength(1);
  });

  it('sees no internal-only comment', async () => {
    expect(await ids(orion, 'SELECT Id FROM Plan_Comment__c')).toEqual([sharedComment]);
    expect(await ids(audience.pm, 'SELECT Id FROM Plan_Comment__c')).toEqual(sorted([sharedComment, internalComment]));
  });

  it('cannot query an internal field', async () => {
    const error = await queryError(orion.conn, 'SELECT Id, Strengths__c FROM Partner_Account_Plan__c');
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toContain("No such column 'Strengths__c' on entity 'Partner_Account_Plan__c'");
  });
});

describe('a partner user, through the other APIs', () => {
  it('finds a hidden section, target or comment nowhere through REST', async () => {
    for (const path of [
      `/sobjects/Plan_Section__c/${internalSection}`,
      `/sobjects/Plan_Target__c/${internalTarget}`,
      `/sobjects/Plan_Comment__c/${internalComment}`,
      `/sobjects/Partner_Account_Plan__c/${draftPlan}`,
    ]) {
      expect((await rawRequest(orion.conn, 'GET', dataPath(path))).status).toBe(404);
    }
    expect(
      (await rawRequest(orion.conn, 'GET', dataPath(`/sobjects/Plan_Section__c/${audience.section}`))).status,
    ).toBe(200);
  });

  it('finds them nowhere through SOSL', async () => {
    const found = (await orion.conn.search(
      'FIND {Welcome} IN ALL FIELDS RETURNING Plan_Comment__c(Id)',
    )) as unknown as { searchRecords: Rec[] };
    expect(found.searchRecords.map((r) => r.Id)).toEqual([sharedComment]);
  });

  it('finds them nowhere through the UI API', async () => {
    const record = (id: string) => dataPath(`/ui-api/records/${id}?fields=Plan_Section__c.Name`);
    expect((await rawRequest(orion.conn, 'GET', record(internalSection))).status).toBe(404);
    expect((await rawRequest(orion.conn, 'GET', record(audience.section))).status).toBe(200);
  });

  it('finds them nowhere through GraphQL', async () => {
    const answer = await gql(orion.conn, '{ uiapi { query { Plan_Section__c { edges { node { Id } } } } } }');
    const edges = (answer.data as { uiapi: { query: { Plan_Section__c: { edges: { node: Rec }[] } } } }).uiapi.query
      .Plan_Section__c.edges;
    expect(edges.map((e) => e.node.Id)).toEqual([audience.section]);
  });

  it('finds them nowhere through Bulk API 2.0', async () => {
    const rows = await bulkQuery(orion.conn, 'SELECT Id FROM Plan_Comment__c');
    expect(rows.map((r) => r.Id)).toEqual([sharedComment]);
    const plans = await bulkQuery(orion.conn, 'SELECT Id FROM Partner_Account_Plan__c');
    expect(plans.map((r) => r.Id)).toEqual([audience.plan]);
  });
});

describe('a partner user writing', () => {
  it('cannot edit a target value, whether the plan is shared for reading or for editing', async () => {
    const edit = () =>
      rawRequest(orion.conn, 'PATCH', dataPath(`/sobjects/Plan_Target__c/${audience.target}`), {
        body: { Target_Value__c: 1 },
      });
    const readOnly = await edit();
    expect(readOnly.status).toBe(400);
    expect((readOnly.body as Rec[])[0].errorCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
    // In Partner Review the job shares the plan for editing: sharing the same group again changes the level.
    await shareWithPartner(audience.plan, audience.account, 'Edit');
    const shares = await t.conn.query<Rec>(
      `SELECT AccessLevel FROM Partner_Account_Plan__Share WHERE ParentId = '${audience.plan}' AND RowCause = 'Shared_With_Partner__c'`,
    );
    expect(shares.records.map((r) => r.AccessLevel)).toEqual(['Edit']);
    // Target_Value__c is required, so field-level security cannot hold it: the package's rule refuses it.
    const locked = await edit();
    expect(locked.status).toBe(400);
    expect((locked.body as Rec[])[0].errorCode).toBe('FIELD_CUSTOM_VALIDATION_EXCEPTION');
    const [target] = (
      await audience.pm.conn.query<Rec>(`SELECT Target_Value__c FROM Plan_Target__c WHERE Id = '${audience.target}'`)
    ).records;
    expect(target.Target_Value__c).toBe(1000);
  });

  it('comments on the plan they read, and not on one they do not', async () => {
    const created = await orion.conn
      .sobject('Plan_Comment__c')
      .create({ Partner_Account_Plan__c: audience.plan, Body__c: 'Looks good to us' });
    expect(created.success).toBe(true);
    expect(await ids(audience.pm, `SELECT Id FROM Plan_Comment__c WHERE Id = '${created.id}'`)).toHaveLength(1);
    const refused = await apiError(
      orion.conn.sobject('Plan_Comment__c').create({ Partner_Account_Plan__c: draftPlan, Body__c: 'Hello' }),
    );
    expect(refused.errorCode).toBe('INVALID_CROSS_REFERENCE_KEY');
  });
});
