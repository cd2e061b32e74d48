/**
 * SOSL per user, with this repository's force-app: a search never finds a record the user cannot see
 * (private plans of other owners, their Controlled-by-Parent sections) until it is shared with them, never
 * matches on the value of a field the user cannot read, and never returns such a field; objects the user
 * cannot read are not searched and are unknown in RETURNING. Through jsforce's conn.search and
 * parameterizedSearch alike.
 */
import { apiError, dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createPlanAudience, type TestUser } from '../support/security';
import type { Connection } from 'jsforce';

type Rec = Record<string, unknown>;

let t: TestOrg;
let pm: TestUser;
let ae: TestUser;
let standard: TestUser;
let account: string;
let plan: string;
let section: string;

const search = async (conn: Connection, sosl: string): Promise<Rec[]> =>
  ((await conn.search(sosl)) as unknown as { searchRecords: Rec[] }).searchRecords;
const ids = async (conn: Connection, sosl: string): Promise<string[]> =>
  (await search(conn, sosl)).map((r) => r.Id as string).sort();

beforeAll(async () => {
  t = await startTestOrg();
  // External_Key__c is a custom field: the Standard User profile has no field-level security on it.
  ({ pm, ae, standard, account, plan, section } = await createPlanAudience(t, 'zebra-crossing-42'));
  await pm.conn.sobject('Partner_Account_Plan__c').update({ Id: plan, Vision__c: 'Quasar expansion in the north' });
});
afterAll(() => t.close());

describe('sharing', () => {
  it("hides another owner's private plan and its sections from an AE, until the plan is shared", async () => {
    const sosl = 'FIND {Orion} RETURNING Partner_Account_Plan__c(Id), Plan_Section__c(Id)';
    expect(await ids(pm.conn, sosl)).toEqual([plan, section].sort());
    expect(await ids(t.conn, sosl)).toEqual([plan, section].sort());
    expect(await ids(ae.conn, sosl)).toEqual([]);
    // Not even through a long text field the AE could read on a visible plan.
    expect(await ids(ae.conn, 'FIND {quasar}')).toEqual([]);

    const share = await pm.conn
      .sobject('Partner_Account_Plan__Share')
      .create({ ParentId: plan, UserOrGroupId: ae.id, AccessLevel: 'Read', RowCause: 'Manual' });
    try {
      expect(await ids(ae.conn, sosl)).toEqual([plan, section].sort());
      expect(await ids(ae.conn, 'FIND {quasar} RETURNING Partner_Account_Plan__c')).toEqual([plan]);
    } finally {
      await pm.conn.sobject('Partner_Account_Plan__Share').destroy(share.id!);
    }
    expect(await ids(ae.conn, sosl)).toEqual([]);
  });

  it('applies to parameterizedSearch too', async () => {
    const path = dataPath('/parameterizedSearch?q=Orion&sobject=Partner_Account_Plan__c');
    const asAe = await rawRequest(ae.conn, 'GET', path);
    expect(asAe).toMatchObject({ status: 200, body: { searchRecords: [] } });
    const asPm = await rawRequest(pm.conn, 'GET', path);
    expect(asPm.body).toEqual({ searchRecords: [expect.objectContaining({ Id: plan })] });
  });
});

describe('field-level security', () => {
  it('a field the user cannot read is not searched: its value matches nothing', async () => {
    expect(await ids(t.conn, 'FIND {zebra}')).toEqual([account]);
    expect(await ids(t.conn, 'FIND {zebra} RETURNING Account')).toEqual([account]);
    expect(await ids(standard.conn, 'FIND {zebra}')).toEqual([]);
    expect(await ids(standard.conn, 'FIND {zebra} RETURNING Account')).toEqual([]);
    expect(await ids(standard.conn, 'FIND {zebra*} RETURNING Account')).toEqual([]);
    expect(await ids(standard.conn, 'FIND {zeb?a} RETURNING Account')).toEqual([]);
    expect(await ids(t.conn, 'FIND {zeb?a} RETURNING Account')).toEqual([account]);
    const body = await rawRequest(standard.conn, 'GET', dataPath('/parameterizedSearch?q=zebra&sobject=Account'));
    expect(body).toMatchObject({ status: 200, body: { searchRecords: [] } });
    // A readable field of the same record still matches.
    expect(await ids(standard.conn, 'FIND {Orion} RETURNING Account')).toEqual([account]);
  });

  it('a field the user cannot read cannot be returned, filtered or sorted on', async () => {
    for (const sosl of [
      'FIND {Orion} RETURNING Account(Name, External_Key__c)',
      "FIND {Orion} RETURNING Account(Name WHERE External_Key__c = 'x')",
      'FIND {Orion} RETURNING Account(Name ORDER BY Partner_Type__c)',
    ]) {
      const error = await apiError(standard.conn.search(sosl));
      expect(error.errorCode).toBe('INVALID_FIELD');
      expect(error.message).toMatch(/No such column '(External_Key__c|Partner_Type__c)' on entity 'Account'/);
    }
    const records = await search(t.conn, 'FIND {Orion} RETURNING Account(Name, External_Key__c)');
    expect(records).toEqual([
      expect.objectContaining({ Name: 'Orion Partners', External_Key__c: 'zebra-crossing-42' }),
    ]);
  });

  it('an object the user cannot read is not searched, and is unknown in RETURNING', async () => {
    expect(await ids(standard.conn, 'FIND {Orion}')).toEqual([account]);
    const error = await apiError(standard.conn.search('FIND {Orion} RETURNING Partner_Account_Plan__c(Name)'));
    expect(error.errorCode).toBe('INVALID_TYPE');
    expect(error.message).toContain("sObject type 'Partner_Account_Plan__c' is not supported.");
  });
});
