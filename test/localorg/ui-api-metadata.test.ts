/**
 * The org's UI API metadata resources over HTTP: object-info (single and batch) with Field representations,
 * picklist values by record type (one field, every field), record-ui with the force-app page layout, and
 * lookups searching by name; each as the caller sees it (FLS-hidden fields absent, hidden records not found).
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createPlan, createUser, type TestUser } from '../support/security';

let t: TestOrg;
let pm: TestUser;
let ae: TestUser;
let standard: TestUser;
let account: string;
let plan: string;
let target: string;
const MASTER = '012000000000000AAA';

const ui = (path: string): string => dataPath(`/ui-api${path}`);

beforeAll(async () => {
  t = await startTestOrg();
  pm = await createUser(t, { alias: 'pm', permissionSets: ['Partner_Manager'] });
  ae = await createUser(t, { alias: 'ae', permissionSets: ['Account_Executive'] });
  standard = await createUser(t, { alias: 'standard' });
  account = (await t.conn.sobject('Account').create({ Name: 'Orion Partners', Partner_Type__c: 'Reseller' })).id!;
  await t.conn.sobject('Account').create({ Name: 'Vega Resellers', Partner_Type__c: 'Reseller' });
  ({ plan, target } = await createPlan(pm.conn, account, 'Orion growth plan'));
});
afterAll(() => t.close());

describe('object-info', () => {
  it('marks a polymorphic lookup as such and lists each target the caller can read', async () => {
    const response = await rawRequest(t.conn, 'GET', ui('/object-info/Task'));
    expect(response.status).toBe(200);
    const fields = (response.body as { fields: Record<string, Record<string, unknown>> }).fields;
    expect(fields.WhoId).toMatchObject({ polymorphicForeignKey: true, relationshipName: 'Who' });
    const whoTargets = (fields.WhoId.referenceToInfos as { apiName: string }[]).map((info) => info.apiName);
    expect(whoTargets.sort()).toEqual(['Contact', 'Lead']);
  });

  it('answers the Object Info representation with Field representations', async () => {
    const response = await rawRequest(t.conn, 'GET', ui('/object-info/Plan_Target__c'));
    expect(response.status).toBe(200);
    const info = response.body as Record<string, unknown> & { fields: Record<string, Record<string, unknown>> };
    expect(info).toMatchObject({
      apiName: 'Plan_Target__c',
      label: 'Target',
      keyPrefix: target.slice(0, 3),
      defaultRecordTypeId: MASTER,
      recordTypeInfos: {
        [MASTER]: {
          master: true,
          recordTypeId: MASTER,
          defaultRecordTypeMapping: true,
          available: true,
          name: 'Master',
        },
      },
      nameFields: ['Name'],
      createable: true,
    });
    expect(info.fields.Plan_Section__c).toMatchObject({
      apiName: 'Plan_Section__c',
      dataType: 'Reference',
      reference: true,
      relationshipName: 'Plan_Section__r',
      referenceToInfos: [{ apiName: 'Plan_Section__c', nameFields: ['Name'] }],
      required: true,
    });
    expect(info.fields.Period_Type__c).toMatchObject({ dataType: 'Picklist' });
  });

  it('leaves out fields hidden by FLS, and an unreadable object is not found', async () => {
    const asStandard = await rawRequest(standard.conn, 'GET', ui('/object-info/Account'));
    expect(Object.keys((asStandard.body as { fields: object }).fields)).not.toContain('External_Key__c');
    const asAdmin = await rawRequest(t.conn, 'GET', ui('/object-info/Account'));
    expect(Object.keys((asAdmin.body as { fields: object }).fields)).toContain('External_Key__c');
    const hidden = await rawRequest(standard.conn, 'GET', ui('/object-info/batch/Account,Partner_Account_Plan__c'));
    expect(hidden.body).toEqual({
      results: [
        { statusCode: 200, result: expect.objectContaining({ apiName: 'Account' }) },
        { statusCode: 404, result: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] },
      ],
    });
  });

  it('answers picklist values for one field and for the object', async () => {
    const one = await rawRequest(
      t.conn,
      'GET',
      ui(`/object-info/Partner_Account_Plan__c/picklist-values/${MASTER}/Status__c`),
    );
    expect(one.status).toBe(200);
    const body = one.body as {
      values: { value: string; label: string; validFor: unknown[]; attributes: null }[];
      controllerValues: object;
    };
    expect(body.controllerValues).toEqual({});
    expect(body.values.map((v) => v.value)).toContain('Draft');
    expect(body.values[0]).toEqual({
      attributes: null,
      label: expect.any(String),
      validFor: [],
      value: expect.any(String),
    });
    const all = await rawRequest(t.conn, 'GET', ui(`/object-info/Partner_Account_Plan__c/picklist-values/${MASTER}`));
    expect(Object.keys((all.body as { picklistFieldValues: object }).picklistFieldValues)).toContain('Status__c');
    const badType = await rawRequest(
      t.conn,
      'GET',
      ui('/object-info/Partner_Account_Plan__c/picklist-values/012000000000001AAA/Status__c'),
    );
    expect(badType.status).toBe(404);
  });
});

describe('record-ui and lookups', () => {
  it("lays a record out with its force-app page layout's fields", async () => {
    const response = await rawRequest(pm.conn, 'GET', ui(`/record-ui/${target}`));
    expect(response.status).toBe(200);
    const body = response.body as {
      layouts: Record<
        string,
        Record<
          string,
          {
            Full: {
              View: { sections: { layoutRows: { layoutItems: { layoutComponents: { apiName: string }[] }[] }[] }[] };
            };
          }
        >
      >;
      objectInfos: Record<string, unknown>;
      records: Record<string, { fields: Record<string, unknown> }>;
    };
    const layout = body.layouts.Plan_Target__c[MASTER].Full.View;
    const names = layout.sections[0].layoutRows.flatMap((r) => r.layoutItems.map((i) => i.layoutComponents[0].apiName));
    expect(names.slice(0, 4)).toEqual(['Name', 'Plan_Section__c', 'Metric__c', 'Target_Account__c']);
    expect(Object.keys(body.objectInfos)).toEqual(['Plan_Target__c']);
    expect(Object.keys(body.records[target].fields).sort()).toEqual([...new Set(names)].sort());
    const hidden = await rawRequest(ae.conn, 'GET', ui(`/record-ui/${target}`));
    expect(hidden.status).toBe(404);
  });

  it('finds lookup targets by name, as the caller', async () => {
    const response = await rawRequest(t.conn, 'GET', ui('/lookups/Partner_Account_Plan__c/Partner_Account__c?q=orion'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      count: 1,
      currentPageToken: '1',
      nextPageToken: null,
      previousPageToken: null,
      records: [
        { apiName: 'Account', id: account, fields: { Id: { value: account }, Name: { value: 'Orion Partners' } } },
      ],
    });
    const plans = await rawRequest(ae.conn, 'GET', ui('/lookups/Plan_Section__c/Partner_Account_Plan__c?q=Orion'));
    expect(plans.body).toMatchObject({ count: 0, records: [] });
    const byPm = await rawRequest(pm.conn, 'GET', ui('/lookups/Plan_Section__c/Partner_Account_Plan__c?q=Orion'));
    expect(byPm.body).toMatchObject({ count: 1, records: [{ id: plan }] });
  });
});
