/**
 * sObject Collections: create, update, upsert, delete, retrieve; per-record results in order with
 * `statusCode` errors; allOrNone both ways; the 200-record limit.
 */
import { apiError, dataPath, LOCALORG_FIXTURE, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
});
afterAll(() => t.close());

type Rec = Record<string, unknown>;
const ROLLED_BACK = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};
const countAccounts = (name: string): number =>
  (
    t.org.storage.db.prepare(`SELECT COUNT(*) AS n FROM "Account" WHERE "Name" = ? AND "IsDeleted" = 0`).get(name) as {
      n: number;
    }
  ).n;

describe('create', () => {
  it('creates records of several types in order', async () => {
    const res = await rawRequest(t.conn, 'POST', dataPath('/composite/sobjects'), {
      body: {
        records: [
          { attributes: { type: 'Account' }, Name: 'C1' },
          { attributes: { type: 'Contact' }, LastName: 'C2' },
          { attributes: { type: 'Account' }, Name: 'C3' },
        ],
      },
    });
    expect(res.status).toBe(200);
    const results = res.body as { id: string; success: boolean; errors: unknown[] }[];
    expect(results.map((r) => r.id.slice(0, 3))).toEqual(['001', '003', '001']);
    expect(results.every((r) => r.success && r.errors.length === 0)).toBe(true);
  });

  it('with allOrNone false (the default) keeps the valid records and reports the others', async () => {
    const results = await t.conn
      .sobject('Account')
      .create([{ Name: 'Partial-A' }, { Name: '' }, { Name: 'Partial-A' }]);
    expect(results[0]).toEqual({ id: expect.any(String), success: true, errors: [] });
    expect(results[1]).toEqual({
      success: false,
      errors: [
        { statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]', fields: ['Name'] },
      ],
    });
    expect(results[2].success).toBe(true);
    expect(countAccounts('Partial-A')).toBe(2);
  });

  it('with allOrNone true writes nothing when one record fails', async () => {
    const results = await t.conn
      .sobject('Account')
      .create([{ Name: 'AllOrNone-A' }, { Name: 'AllOrNone-A', Partner_Type__c: 'Nope' }, { Name: 'AllOrNone-A' }], {
        allOrNone: true,
      });
    expect(results).toEqual([
      { success: false, errors: [ROLLED_BACK] },
      {
        success: false,
        errors: [
          {
            statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            message: 'Partner Type: bad value for restricted picklist field: Nope',
            fields: ['Partner_Type__c'],
          },
        ],
      },
      { success: false, errors: [ROLLED_BACK] },
    ]);
    expect(countAccounts('AllOrNone-A')).toBe(0);
  });

  it('with allOrNone true and no failure writes everything', async () => {
    const results = await t.conn
      .sobject('Account')
      .create([{ Name: 'AON-OK' }, { Name: 'AON-OK' }], { allOrNone: true });
    expect(results.every((r) => r.success)).toBe(true);
    expect(countAccounts('AON-OK')).toBe(2);
  });

  it('allOrNone rolls back the side effects of the valid records too (roll-ups, auto numbers stay consistent)', async () => {
    const plan = (await t.conn.sobject('Plan__c').create({ Name: 'Rollback plan' })).id!;
    const results = await t.conn.sobject('Section__c').create(
      [
        { Name: 'S1', Plan__c: plan, Budget__c: 100 },
        { Name: 'S2', Plan__c: '001000000000999AAA' },
      ],
      { allOrNone: true },
    );
    expect((results[1].errors[0] as unknown as { statusCode: string }).statusCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect(await t.conn.sobject('Plan__c').retrieve(plan)).toMatchObject({ Section_Count__c: 0, Section_Budget__c: 0 });
  });

  it('refuses more than 200 records with EXCEEDED_ID_LIMIT, writing nothing', async () => {
    const records = Array.from({ length: 201 }, () => ({ Name: 'TooMany' }));
    const err = await apiError(t.conn.sobject('Account').create(records));
    expect(err.errorCode).toBe('EXCEEDED_ID_LIMIT');
    expect(err.message).toBe('record limit reached. cannot submit more than 200 records into this call');
    expect(countAccounts('TooMany')).toBe(0);
    const chunked = await t.conn.sobject('Account').create(records, { allowRecursive: true });
    expect(chunked).toHaveLength(201);
    expect(countAccounts('TooMany')).toBe(201);
  });

  it('fails the whole request for an unknown field or type (request-level errors)', async () => {
    const field = await apiError(t.conn.sobject('Account').create([{ Name: 'ok' }, { Name: 'x', Nope__c: 1 }]));
    expect(field.errorCode).toBe('INVALID_FIELD');
    const type = await rawRequest(t.conn, 'POST', dataPath('/composite/sobjects'), {
      body: { records: [{ attributes: { type: 'Nope__c' } }] },
    });
    expect(type.status).toBe(400);
    expect((type.body as { errorCode: string }[])[0].errorCode).toBe('INVALID_TYPE');
    expect(countAccounts('ok')).toBe(0);
  });
});

describe('update', () => {
  it('updates in order and reports per-record errors with the record id', async () => {
    const [a, b] = await t.conn.sobject('Account').create([{ Name: 'U-A' }, { Name: 'U-B' }]);
    await t.conn.sobject('Account').destroy(b.id!);
    const contact = (await t.conn.sobject('Contact').create({ LastName: 'c' })).id!;
    const results = await t.conn.sobject('Account').update([
      { Id: a.id!, Name: 'U-A2' },
      { Id: b.id!, Name: 'U-B2' },
      { Id: 'bad', Name: 'x' },
      { Id: '001000000000999AAA', Name: 'x' },
      { Id: contact, Name: 'x' },
    ]);
    expect(results[0]).toEqual({ id: a.id, success: true, errors: [] });
    expect(results[1]).toEqual({
      id: b.id,
      success: false,
      errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }],
    });
    expect(results[2]).toEqual({
      success: false,
      errors: [{ statusCode: 'MALFORMED_ID', message: 'malformed id bad', fields: [] }],
    });
    expect((results[3].errors[0] as unknown as { statusCode: string }).statusCode).toBe('INVALID_CROSS_REFERENCE_KEY');
    expect(results[4].errors[0]).toEqual({
      statusCode: 'MALFORMED_ID',
      message: `Account ID: id value of incorrect type: ${contact}`,
      fields: ['Id'],
    });
    expect(((await t.conn.sobject('Account').retrieve(a.id!)) as Rec).Name).toBe('U-A2');
  });

  it('with allOrNone true rolls back, reporting the ids of the rolled-back records', async () => {
    const [a, b] = await t.conn.sobject('Account').create([{ Name: 'R-A' }, { Name: 'R-B' }]);
    const results = await t.conn.sobject('Account').update(
      [
        { Id: a.id!, Name: 'R-A2' },
        { Id: b.id!, Name: '' },
      ],
      { allOrNone: true },
    );
    expect(results[0]).toEqual({ id: a.id, success: false, errors: [ROLLED_BACK] });
    expect(results[1]).toMatchObject({ id: b.id, success: false });
    expect(((await t.conn.sobject('Account').retrieve(a.id!)) as Rec).Name).toBe('R-A');
  });
});

describe('upsert', () => {
  it('creates and updates by external id, reporting created', async () => {
    await t.conn.sobject('Account').create({ Name: 'Existing', External_Key__c: 'COL-1' });
    const results = await t.conn.sobject('Account').upsert(
      [
        { Name: 'Updated', External_Key__c: 'COL-1' },
        { Name: 'New', External_Key__c: 'COL-2' },
      ],
      'External_Key__c',
    );
    expect(results).toEqual([
      { id: expect.any(String), success: true, errors: [], created: false },
      { id: expect.any(String), success: true, errors: [], created: true },
    ]);
    expect(((await t.conn.sobject('Account').retrieve(results[0].id!)) as Rec).Name).toBe('Updated');
  });

  it('reports several matches per record, and rolls back with allOrNone', async () => {
    await t.conn.sobject('Contact').create([
      { LastName: 'D1', External_Key__c: 'DUP' },
      { LastName: 'D2', External_Key__c: 'DUP' },
    ]);
    const results = await t.conn.sobject('Contact').upsert(
      [
        { LastName: 'ok', External_Key__c: 'UNIQUE-1' },
        { LastName: 'x', External_Key__c: 'DUP' },
      ],
      'External_Key__c',
      { allOrNone: true },
    );
    // An upsert result says whether it created the record, even when allOrNone rolled it back.
    expect(results[0]).toEqual({ success: false, errors: [ROLLED_BACK], created: true });
    expect(results[1].created).toBe(false);
    expect((results[1].errors[0] as unknown as { statusCode: string }).statusCode).toBe('DUPLICATE_EXTERNAL_ID');
    const count = t.org.storage.db
      .prepare(`SELECT COUNT(*) AS n FROM "Contact" WHERE "External_Key__c" = 'UNIQUE-1'`)
      .get() as { n: number };
    expect(count.n).toBe(0);
  });

  it('needs an external id field of the type in the URL', async () => {
    const res = await rawRequest(t.conn, 'PATCH', dataPath('/composite/sobjects/Account/Name'), {
      body: { records: [{ attributes: { type: 'Account' }, Name: 'x' }] },
    });
    expect(res.status).toBe(404);
  });
});

describe('delete', () => {
  it('deletes by ids, partially by default', async () => {
    const [a, b] = await t.conn.sobject('Account').create([{ Name: 'Del-A' }, { Name: 'Del-B' }]);
    await t.conn.sobject('Account').destroy(b.id!);
    const results = await t.conn.sobject('Account').destroy([a.id!, b.id!, 'junk']);
    expect(results).toEqual([
      { id: a.id, success: true, errors: [] },
      {
        id: b.id,
        success: false,
        errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }],
      },
      { success: false, errors: [{ statusCode: 'MALFORMED_ID', message: 'malformed id junk', fields: [] }] },
    ]);
  });

  it('with allOrNone=true deletes nothing when one fails', async () => {
    const [a] = await t.conn.sobject('Account').create([{ Name: 'Keep-A' }]);
    const results = await t.conn.sobject('Account').destroy([a.id!, '001000000000999AAA'], { allOrNone: true });
    expect(results[0]).toEqual({ id: a.id, success: false, errors: [ROLLED_BACK] });
    expect(countAccounts('Keep-A')).toBe(1);
  });
});

describe('retrieve', () => {
  it('returns the records asked for in order, null for unknown or deleted ids (GET and POST)', async () => {
    const [a, b] = await t.conn.sobject('Account').create([{ Name: 'Get-A' }, { Name: 'Get-B' }]);
    await t.conn.sobject('Account').destroy(b.id!);
    const viaGet = (await t.conn.request(
      dataPath(`/composite/sobjects/Account?ids=${a.id},${b.id},001000000000999AAA&fields=Id,Name`),
    )) as Rec[];
    expect(viaGet).toEqual([
      {
        attributes: { type: 'Account', url: dataPath(`/sobjects/Account/${a.id}`) },
        Id: a.id,
        Name: 'Get-A',
      },
      null,
      null,
    ]);
    const viaJsforce = await t.conn.sobject('Account').retrieve([a.id!, b.id!]);
    expect(viaJsforce[0]).toMatchObject({ Id: a.id, Name: 'Get-A', Region__c: 'EMEA' });
    expect(viaJsforce[1]).toBeNull();
  });
});
