/**
 * The org's UI API record resources over HTTP, checked against the UI API docs' Record representation
 * (apiName, childRelationships, fields { value, displayValue }, id, lastModifiedById, lastModifiedDate,
 * recordTypeId, recordTypeInfo, systemModstamp, weakEtag): get with fields/optionalFields and spanning
 * fields, batch, create, update, delete, the UI API error shapes, and security (an AE gets no hidden record,
 * a user no field hidden by field-level security).
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createPlanAudience, type TestUser } from '../support/security';

let t: TestOrg;
let pm: TestUser;
let ae: TestUser;
let standard: TestUser;
let account: string;
let plan: string;

const ui = (path: string): string => dataPath(`/ui-api${path}`);

beforeAll(async () => {
  t = await startTestOrg();
  ({ pm, ae, standard, account, plan } = await createPlanAudience(t));
});
afterAll(() => t.close());

describe('records/{id}', () => {
  it('answers a Record representation with the fields asked, parents nested, as the docs example', async () => {
    const response = await rawRequest(
      pm.conn,
      'GET',
      ui(
        `/records/${plan}?fields=Partner_Account_Plan__c.Name,Partner_Account_Plan__c.Period_Start__c,Partner_Account_Plan__c.Partner_Account__r.Name&optionalFields=Partner_Account_Plan__c.Status__c`,
      ),
    );
    expect(response.status).toBe(200);
    const row = (
      await t.conn.query<Record<string, string>>(
        `SELECT LastModifiedById, SystemModstamp FROM Partner_Account_Plan__c WHERE Id = '${plan}'`,
      )
    ).records[0];
    const modstamp = row.SystemModstamp.replace('+0000', 'Z');
    expect(response.body).toEqual({
      apiName: 'Partner_Account_Plan__c',
      childRelationships: {},
      fields: {
        Name: { value: 'Orion growth plan', displayValue: null },
        Period_Start__c: { value: '2026-01-01', displayValue: '1/1/2026' },
        Status__c: { value: 'Draft', displayValue: 'Draft' },
        Partner_Account__r: {
          displayValue: 'Orion Partners',
          value: {
            apiName: 'Account',
            childRelationships: {},
            fields: { Name: { value: 'Orion Partners', displayValue: null } },
            id: account,
            lastModifiedById: t.org.adminUserId,
            lastModifiedDate: expect.stringMatching(/Z$/),
            recordTypeId: '012000000000000AAA',
            recordTypeInfo: null,
            systemModstamp: expect.stringMatching(/Z$/),
            weakEtag: expect.any(Number),
          },
        },
      },
      id: plan,
      lastModifiedById: row.LastModifiedById,
      lastModifiedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      recordTypeId: '012000000000000AAA',
      recordTypeInfo: null,
      systemModstamp: modstamp,
      weakEtag: Date.parse(modstamp),
    });
  });

  it('hides a record the caller cannot see: 404 in the UI API error shape', async () => {
    const response = await rawRequest(ae.conn, 'GET', ui(`/records/${plan}?fields=Partner_Account_Plan__c.Name`));
    expect(response.status).toBe(404);
    expect(response.body).toEqual([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
  });

  it('refuses a required field hidden by FLS, and leaves out an optional one', async () => {
    const required = await rawRequest(standard.conn, 'GET', ui(`/records/${account}?fields=Account.External_Key__c`));
    expect(required.status).toBe(400);
    expect(required.body).toEqual([
      { errorCode: 'INVALID_FIELD', message: "No such column 'External_Key__c' on entity 'Account'." },
    ]);
    const optional = await rawRequest(
      standard.conn,
      'GET',
      ui(`/records/${account}?fields=Account.Name&optionalFields=Account.External_Key__c`),
    );
    expect(optional.status).toBe(200);
    expect(Object.keys((optional.body as { fields: object }).fields)).toEqual(['Name']);
  });

  it('answers batch results in order, each with its status code', async () => {
    const response = await rawRequest(
      ae.conn,
      'GET',
      ui(`/records/batch/${account},${plan}?fields=Account.Name,Partner_Account_Plan__c.Name`),
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      results: [
        {
          statusCode: 200,
          result: expect.objectContaining({
            id: account,
            fields: { Name: { value: 'Orion Partners', displayValue: null } },
          }),
        },
        { statusCode: 404, result: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] },
      ],
    });
  });
});

describe('record writes', () => {
  it('creates (201), updates and deletes through the write path', async () => {
    const created = await rawRequest(t.conn, 'POST', ui('/records'), {
      body: { apiName: 'Account', fields: { Name: 'Created by UI API', Partner_Type__c: 'Referral' } },
    });
    expect(created.status).toBe(201);
    const record = created.body as { id: string; apiName: string; fields: Record<string, unknown> };
    expect(record.apiName).toBe('Account');
    expect(record.fields).toEqual({
      Id: { value: record.id, displayValue: null },
      Name: { value: 'Created by UI API', displayValue: null },
      Partner_Type__c: { value: 'Referral', displayValue: 'Referral' },
    });
    const updated = await rawRequest(t.conn, 'PATCH', ui(`/records/${record.id}`), {
      body: { fields: { Name: 'Renamed' } },
    });
    expect(updated.status).toBe(200);
    expect((updated.body as { fields: object }).fields).toEqual({ Name: { value: 'Renamed', displayValue: null } });
    const deleted = await rawRequest(t.conn, 'DELETE', ui(`/records/${record.id}`));
    expect(deleted.status).toBe(204);
    const gone = await rawRequest(t.conn, 'GET', ui(`/records/${record.id}?fields=Account.Name`));
    expect(gone.status).toBe(404);
  });

  it('answers a validation failure as an Error with Output: field errors under their field', async () => {
    const response = await rawRequest(t.conn, 'POST', ui('/records'), {
      body: { apiName: 'Account', fields: { Website: 'x' } },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual([
      {
        errorCode: 'REQUIRED_FIELD_MISSING',
        message: 'Required fields are missing: [Name]',
        enhancedErrorType: 'RecordError',
        output: {
          errors: [],
          fieldErrors: {
            Name: [
              {
                constituentField: null,
                duplicateRecordError: null,
                errorCode: 'REQUIRED_FIELD_MISSING',
                field: 'Name',
                fieldLabel: 'Account Name',
                message: 'Required fields are missing: [Name]',
              },
            ],
          },
        },
      },
    ]);
  });

  it('an AE can neither update nor delete the hidden plan', async () => {
    const update = await rawRequest(ae.conn, 'PATCH', ui(`/records/${plan}`), { body: { fields: { Name: 'Taken' } } });
    expect(update.status).toBe(404);
    const remove = await rawRequest(ae.conn, 'DELETE', ui(`/records/${plan}`));
    expect(remove.status).toBe(404);
    expect((await t.conn.sobject('Partner_Account_Plan__c').retrieve(plan)).Name).toBe('Orion growth plan');
  });
});
