/**
 * Single-record resources (`sobjects/{Type}/{id}`, `sobjects/{Type}/{ExternalIdField}/{value}`) and the
 * platform's DML validation, defaults and derived fields. Expected codes and messages are Salesforce's.
 */
import {
  apiError,
  dataPath,
  LOCALORG_FIXTURE,
  newUserFields,
  rawRequest,
  startTestOrg,
  type TestOrg,
} from '../support/localorg';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE, now: () => new Date('2026-03-31T17:05:00.000Z') });
});
afterAll(() => t.close());

type Rec = Record<string, unknown>;
const account = () => t.conn.sobject('Account');
const plan = () => t.conn.sobject('Plan__c');

async function newAccount(fields: Rec = {}): Promise<string> {
  const result = await account().create({ Name: 'Acme', ...fields });
  return result.id!;
}

describe('create, retrieve, update, delete', () => {
  it('creates with 201 {id, success, errors} and retrieves every field', async () => {
    const res = await rawRequest(t.conn, 'POST', dataPath('/sobjects/Account'), {
      body: { Name: 'Globex', Score__c: 12.5 },
    });
    expect(res.status).toBe(201);
    const body = res.body as { id: string; success: boolean; errors: unknown[] };
    expect(body).toEqual({ id: expect.stringMatching(/^001\w{15}$/), success: true, errors: [] });
    const record = (await account().retrieve(body.id)) as Rec;
    expect(record.attributes).toEqual({ type: 'Account', url: dataPath(`/sobjects/Account/${body.id}`) });
    expect(record).toMatchObject({
      Id: body.id,
      Name: 'Globex',
      Score__c: 12.5,
      IsDeleted: false,
      Region__c: 'EMEA',
      CreatedDate: '2026-03-31T17:05:00.000+0000',
      SystemModstamp: '2026-03-31T17:05:00.000+0000',
      OwnerId: t.org.adminUserId,
      Partner_Type__c: null,
    });
  });

  it('retrieves only the fields asked for, and rejects unknown ones', async () => {
    const id = await newAccount();
    const record = (await account().retrieve(id, { fields: ['Name', 'region__c'] })) as Rec;
    expect(Object.keys(record)).toEqual(['attributes', 'Name', 'Region__c']);
    const err = await apiError(account().retrieve(id, { fields: ['Nope'] }));
    expect(err.errorCode).toBe('INVALID_FIELD');
    expect(err.message).toMatch(/^No such column 'Nope' on entity 'Account'/);
  });

  it('updates with 204 and deletes with 204', async () => {
    const id = await newAccount();
    const res = await rawRequest(t.conn, 'PATCH', dataPath(`/sobjects/Account/${id}`), { body: { Name: 'Renamed' } });
    expect(res.status).toBe(204);
    expect(((await account().retrieve(id)) as Rec).Name).toBe('Renamed');
    expect(await account().update({ Id: id, Partner_Type__c: 'Reseller' })).toEqual({ id, success: true, errors: [] });
    expect((await rawRequest(t.conn, 'DELETE', dataPath(`/sobjects/Account/${id}`))).status).toBe(204);
  });

  it('answers 404 ENTITY_IS_DELETED for a deleted record and 404 NOT_FOUND for an unknown one', async () => {
    const id = await newAccount();
    await account().destroy(id);
    const calls = [
      () => account().retrieve(id),
      () => account().update({ Id: id, Name: 'x' }),
      () => account().destroy(id),
    ];
    for (const call of calls) {
      const err = await apiError(call());
      expect(err.errorCode).toBe('ENTITY_IS_DELETED');
      expect(err.message).toBe('entity is deleted');
    }
    const missing = await rawRequest(t.conn, 'GET', dataPath('/sobjects/Account/001000000000999AAA'));
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([
      { message: 'The requested resource does not exist', errorCode: 'NOT_FOUND', fields: [] },
    ]);
    const notAnId = await rawRequest(t.conn, 'GET', dataPath('/sobjects/Account/bogus'));
    expect(notAnId.status).toBe(404);
    expect(notAnId.body).toEqual([
      {
        message: 'Provided external ID field does not exist or is not accessible: bogus',
        errorCode: 'NOT_FOUND',
        fields: [],
      },
    ]);
  });

  it('accepts 15-character and case-insensitive 18-character Ids', async () => {
    const id = await newAccount({ Name: 'Case' });
    expect(((await account().retrieve(id.slice(0, 15))) as Rec).Id).toBe(id);
    expect(((await account().retrieve(id.slice(0, 15) + id.slice(15).toLowerCase())) as Rec).Id).toBe(id);
  });

  it('creates through POST sobjects/{Type}/Id (Id as the external id)', async () => {
    const res = await rawRequest(t.conn, 'POST', dataPath('/sobjects/Account/Id'), { body: { Name: 'Via Id' } });
    expect(res.status).toBe(201);
  });
});

describe('request-level errors', () => {
  it('INVALID_FIELD for an unknown field', async () => {
    const err = await apiError(account().create({ Name: 'x', Bogus__c: 1 }));
    expect(err.errorCode).toBe('INVALID_FIELD');
    expect(err.message).toBe("No such column 'Bogus__c' on sobject of type Account");
  });

  it('JSON_PARSER_ERROR for a value of the wrong JSON type', async () => {
    const cases: [Rec, string][] = [
      [
        { Score__c: 'abc' },
        'Cannot deserialize instance of double from VALUE_STRING value abc or request may be missing a required field at [line:1, column:',
      ],
      [
        { Start__c: '31/03/2026' },
        'Cannot deserialize instance of date from VALUE_STRING value 31/03/2026 or request may be missing a required field',
      ],
      [{ Start__c: '2026-02-30' }, 'Cannot deserialize instance of date from VALUE_STRING value 2026-02-30'],
      [{ Kickoff__c: 'yesterday' }, 'Cannot deserialize instance of datetime from VALUE_STRING value yesterday'],
      [{ Active__c: 'yes' }, 'Cannot deserialize instance of boolean from VALUE_STRING value yes'],
      [{ Active__c: 1 }, 'Cannot deserialize instance of boolean from VALUE_NUMBER_INT value 1'],
      [{ Code__c: { a: 1 } }, 'Cannot deserialize instance of string from START_OBJECT value {'],
    ];
    for (const [fields, message] of cases) {
      const target = 'Score__c' in fields ? account() : plan();
      const err = await apiError(target.create({ Name: 'x', ...fields }));
      expect(err.errorCode).toBe('JSON_PARSER_ERROR');
      expect(err.message.startsWith(message)).toBe(true);
    }
  });
});

describe('record-level validation', () => {
  it('REQUIRED_FIELD_MISSING lists the missing fields', async () => {
    const err = await apiError(t.conn.sobject('Opportunity').create({ Amount: 10 }));
    expect(err.errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect(err.message).toBe('Required fields are missing: [Name, StageName, CloseDate]');
    expect((err.data as { fields: string[] }).fields).toEqual(['Name', 'StageName', 'CloseDate']);
    const blank = await apiError(account().create({ Name: '' }));
    expect(blank.message).toBe('Required fields are missing: [Name]');
  });

  it('INVALID_FIELD_FOR_INSERT_UPDATE for system, formula-like, auto-number and roll-up fields', async () => {
    const err = await apiError(plan().create({ Name: 'P', Section_Count__c: 3, CreatedDate: '2026-01-01T00:00:00Z' }));
    expect(err.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(err.message).toBe(
      'Unable to create/update fields: Section_Count__c, CreatedDate. Please check the security settings of this field and verify that it is read/write for your profile or permission set.',
    );
    const opp = await apiError(
      t.conn
        .sobject('Opportunity')
        .create({ Name: 'O', StageName: 'Prospecting', CloseDate: '2026-06-30', IsWon: true }),
    );
    expect(opp.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    const name = await apiError(t.conn.sobject('Target__c').create({ Name: 'TGT-9', Value__c: 1 }));
    expect(name.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    const id = await newAccount();
    // jsforce strips Id from a create; send it raw.
    const withId = await rawRequest(t.conn, 'POST', dataPath('/sobjects/Account'), { body: { Name: 'again', Id: id } });
    expect(withId.status).toBe(400);
    expect(withId.body).toEqual([
      { message: 'cannot specify Id in an insert call', errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['Id'] },
    ]);
  });

  it('STRING_TOO_LONG names the field label and the maximum', async () => {
    const err = await apiError(plan().create({ Name: 'P', Code__c: 'ABCDEFG' }));
    expect(err.errorCode).toBe('STRING_TOO_LONG');
    expect(err.message).toBe('Code: data value too large: ABCDEFG (max length=5)');
    expect((err.data as { fields: string[] }).fields).toEqual(['Code__c']);
  });

  it('NUMBER_OUTSIDE_VALID_RANGE beyond precision minus scale digits; values are rounded to scale', async () => {
    const err = await apiError(account().create({ Name: 'x', Score__c: 1000 }));
    expect(err.errorCode).toBe('NUMBER_OUTSIDE_VALID_RANGE');
    expect(err.message).toBe('Score: value outside of valid range on numeric field: 1000');
    const id = await newAccount({ Score__c: 999.994 });
    expect(((await account().retrieve(id)) as Rec).Score__c).toBe(999.99);
  });

  it('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST; unrestricted picklists take any value', async () => {
    const err = await apiError(account().create({ Name: 'x', Partner_Type__c: 'Wholesaler' }));
    expect(err.errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect(err.message).toBe('Partner Type: bad value for restricted picklist field: Wholesaler');
    const multi = await apiError(plan().create({ Name: 'P', Tags__c: 'Alpha;Delta' }));
    expect(multi.message).toBe('Tags: bad value for restricted picklist field: Delta');
    const id = await newAccount({ Region__c: 'Antarctica' });
    expect(((await account().retrieve(id)) as Rec).Region__c).toBe('Antarctica');
    const p = await plan().create({ Name: 'P', Tags__c: 'beta;Alpha' });
    expect(((await plan().retrieve(p.id!)) as Rec).Tags__c).toBe('Beta;Alpha');
  });

  it('INVALID_EMAIL_ADDRESS', async () => {
    const err = await apiError(plan().create({ Name: 'P', Contact_Email__c: 'not-an-email' }));
    expect(err.errorCode).toBe('INVALID_EMAIL_ADDRESS');
    expect(err.message).toBe('Contact Email: invalid email address: not-an-email');
  });

  it('references: MALFORMED_ID, FIELD_INTEGRITY_EXCEPTION, INVALID_CROSS_REFERENCE_KEY, ENTITY_IS_DELETED', async () => {
    const contact = t.conn.sobject('Contact');
    const malformed = await apiError(contact.create({ LastName: 'x', AccountId: 'abc' }));
    expect(malformed.errorCode).toBe('MALFORMED_ID');
    expect(malformed.message).toBe('Account ID: id value of incorrect type: abc');
    expect((malformed.data as { fields: string[] }).fields).toEqual(['AccountId']);
    const wrongType = await apiError(contact.create({ LastName: 'x', AccountId: t.org.adminUserId }));
    expect(wrongType.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect(wrongType.message).toBe(`Account ID: id value of incorrect type: ${t.org.adminUserId}`);
    const missing = await apiError(contact.create({ LastName: 'x', AccountId: '001000000000999AAA' }));
    expect(missing.errorCode).toBe('INVALID_CROSS_REFERENCE_KEY');
    expect(missing.message).toBe('invalid cross reference id');
    const gone = await newAccount();
    await account().destroy(gone);
    const deleted = await apiError(contact.create({ LastName: 'x', AccountId: gone }));
    expect(deleted.errorCode).toBe('ENTITY_IS_DELETED');
  });

  it('DUPLICATE_VALUE on a unique external id, naming the record that holds the value', async () => {
    const first = await newAccount({ External_Key__c: 'ACC-1' });
    const err = await apiError(account().create({ Name: 'Dup', External_Key__c: 'acc-1' }));
    expect(err.errorCode).toBe('DUPLICATE_VALUE');
    expect(err.message).toBe(`duplicate value found: External_Key__c duplicates value on record with id: ${first}`);
    // A deleted record no longer holds its value.
    await account().destroy(first);
    expect((await account().create({ Name: 'Reuse', External_Key__c: 'ACC-1' })).success).toBe(true);
  });

  it('master-detail fields are required on create and not updateable after', async () => {
    const planId = (await plan().create({ Name: 'Plan' })).id!;
    const other = (await plan().create({ Name: 'Other' })).id!;
    const missing = await apiError(t.conn.sobject('Section__c').create({ Name: 'S' }));
    expect(missing.message).toBe('Required fields are missing: [Plan__c]');
    const section = (await t.conn.sobject('Section__c').create({ Name: 'S', Plan__c: planId })).id!;
    const err = await apiError(t.conn.sobject('Section__c').update({ Id: section, Plan__c: other }));
    expect(err.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(err.message).toMatch(/^Unable to create\/update fields: Plan__c\./);
  });

  it('custom metadata is read-only: CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', async () => {
    const create = await apiError(t.conn.sobject('Metric__mdt').create({ DeveloperName: 'X', MasterLabel: 'X' }));
    expect(create.errorCode).toBe('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY');
    expect(create.message).toBe('entity type cannot be inserted: Metric');
    const row = t.org.storage.db.prepare(`SELECT "Id" FROM "Metric__mdt"`).get() as { Id: string };
    const update = await apiError(t.conn.sobject('Metric__mdt').update({ Id: row.Id, Unit__c: 'Count' }));
    expect(update.message).toBe('entity type cannot be updated: Metric');
    const remove = await apiError(t.conn.sobject('Metric__mdt').destroy(row.Id));
    expect(remove.message).toBe('entity type cannot be deleted: Metric');
    expect(((await t.conn.sobject('Metric__mdt').retrieve(row.Id)) as Rec).Unit__c).toBe('Currency');
  });
});

describe('defaults and derived fields', () => {
  it('applies picklist, checkbox, number and text defaults and the auto-number name', async () => {
    const id = (await plan().create({ Name: 'Defaults' })).id!;
    expect(await plan().retrieve(id)).toMatchObject({
      Status__c: 'Draft',
      Active__c: true,
      Version__c: 1,
      Fiscal_Year__c: 'FY26',
      Section_Count__c: 0,
    });
    const section = (await t.conn.sobject('Section__c').create({ Name: 'S', Plan__c: id })).id!;
    const first = (await t.conn.sobject('Target__c').create({ Section__c: section, Value__c: 1 })).id!;
    const second = (await t.conn.sobject('Target__c').create({ Section__c: section, Value__c: 2 })).id!;
    const names = await t.conn.sobject('Target__c').retrieve([first, second], { fields: ['Name'] });
    expect(names.map((r) => (r as Rec).Name)).toEqual(['TGT-000001', 'TGT-000002']);
  });

  it('computes Contact and User names from first and last name', async () => {
    const id = (await t.conn.sobject('Contact').create({ FirstName: 'Ada', LastName: 'Lovelace' })).id!;
    expect(((await t.conn.sobject('Contact').retrieve(id)) as Rec).Name).toBe('Ada Lovelace');
    await t.conn.sobject('Contact').update({ Id: id, FirstName: null });
    expect(((await t.conn.sobject('Contact').retrieve(id)) as Rec).Name).toBe('Lovelace');
  });

  it('derives Opportunity closed/won, forecast category, probability and fiscal period from the stage', async () => {
    const opp = t.conn.sobject('Opportunity');
    const id = (await opp.create({ Name: 'Deal', StageName: 'Negotiation/Review', CloseDate: '2026-08-15' })).id!;
    expect(await opp.retrieve(id)).toMatchObject({
      IsClosed: false,
      IsWon: false,
      ForecastCategoryName: 'Pipeline',
      Probability: 90,
      FiscalYear: 2026,
      FiscalQuarter: 3,
    });
    await opp.update({ Id: id, StageName: 'Closed Won' });
    expect(await opp.retrieve(id)).toMatchObject({
      IsClosed: true,
      IsWon: true,
      ForecastCategoryName: 'Closed',
      Probability: 100,
    });
    const kept = (
      await opp.create({ Name: 'Mine', StageName: 'Prospecting', CloseDate: '2026-01-10', Probability: 35 })
    ).id!;
    expect(await opp.retrieve(kept)).toMatchObject({ Probability: 35, FiscalQuarter: 1 });
    const bad = await apiError(opp.create({ Name: 'x', StageName: 'Dreaming', CloseDate: '2026-01-10' }));
    expect(bad.message).toBe('Stage: bad value for restricted picklist field: Dreaming');
  });

  it('accepts Salesforce datetime formats and stores them in UTC', async () => {
    const cases: [string, string][] = [
      ['2026-03-31T17:05:00.000+0000', '2026-03-31T17:05:00.000+0000'],
      ['2026-03-31T17:05:00Z', '2026-03-31T17:05:00.000+0000'],
      ['2026-03-31T19:05:00.000+02:00', '2026-03-31T17:05:00.000+0000'],
      ['2026-03-31T12:05:00-0500', '2026-03-31T17:05:00.000+0000'],
    ];
    for (const [input, output] of cases) {
      const id = (await plan().create({ Name: 'T', Kickoff__c: input })).id!;
      expect(((await plan().retrieve(id)) as Rec).Kickoff__c).toBe(output);
    }
  });
});

describe('external ids', () => {
  it('upserts: 201 created, then 200 updated', async () => {
    const path = dataPath('/sobjects/Account/External_Key__c/UP-1');
    const created = await rawRequest(t.conn, 'PATCH', path, { body: { Name: 'Upserted' } });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    expect(created.body).toEqual({ id, success: true, errors: [], created: true });
    const updated = await rawRequest(t.conn, 'PATCH', path, { body: { Name: 'Upserted again' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ id, success: true, errors: [], created: false });
    expect(await account().retrieve(id)).toMatchObject({ Name: 'Upserted again', External_Key__c: 'UP-1' });
    const viaJsforce = await account().upsert({ Name: 'jsforce', External_Key__c: 'UP-1' }, 'External_Key__c');
    expect(viaJsforce).toMatchObject({ id, success: true, created: false });
  });

  it('retrieves and deletes by external id', async () => {
    const id = await newAccount({ External_Key__c: 'GET-1' });
    const record = (await t.conn.request(dataPath('/sobjects/Account/External_Key__c/GET-1'))) as Rec;
    expect(record.Id).toBe(id);
    expect((await rawRequest(t.conn, 'DELETE', dataPath('/sobjects/Account/External_Key__c/GET-1'))).status).toBe(204);
    expect((await rawRequest(t.conn, 'GET', dataPath('/sobjects/Account/External_Key__c/GET-1'))).status).toBe(404);
  });

  it('answers 300 with the matching record URLs when a non-unique external id matches several records', async () => {
    const a = (await t.conn.sobject('Contact').create({ LastName: 'One', External_Key__c: 'SHARED' })).id!;
    const b = (await t.conn.sobject('Contact').create({ LastName: 'Two', External_Key__c: 'SHARED' })).id!;
    const urls = [a, b].sort().map((id) => dataPath(`/sobjects/Contact/${id}`));
    const upsert = await rawRequest(t.conn, 'PATCH', dataPath('/sobjects/Contact/External_Key__c/SHARED'), {
      body: { LastName: 'x' },
    });
    expect(upsert.status).toBe(300);
    expect(upsert.body).toEqual(urls);
    const get = await rawRequest(t.conn, 'GET', dataPath('/sobjects/Contact/External_Key__c/SHARED'));
    expect(get.status).toBe(300);
    const err = await apiError(
      t.conn.sobject('Contact').upsert({ LastName: 'x', External_Key__c: 'SHARED' }, 'External_Key__c'),
    );
    expect(err.errorCode).toBe('MULTIPLE_CHOICES');
  });

  it('refuses a field that is not an external id', async () => {
    const res = await rawRequest(t.conn, 'PATCH', dataPath('/sobjects/Account/Name/Acme'), { body: { Phone: '1' } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual([
      {
        message: 'Provided external ID field does not exist or is not accessible: Name',
        errorCode: 'NOT_FOUND',
        fields: [],
      },
    ]);
  });

  it('with updateOnly=true does not create', async () => {
    const res = await rawRequest(t.conn, 'PATCH', dataPath('/sobjects/Account/External_Key__c/NEW-9?updateOnly=true'), {
      body: { Name: 'x' },
    });
    expect(res.status).toBe(404);
  });

  it('resolves a parent by its external id in a relationship field', async () => {
    const parent = await newAccount({ External_Key__c: 'PARENT-1' });
    const child = (
      await t.conn.sobject('Contact').create({ LastName: 'Child', Account: { External_Key__c: 'PARENT-1' } } as Rec)
    ).id!;
    expect(((await t.conn.sobject('Contact').retrieve(child)) as Rec).AccountId).toBe(parent);
    const err = await apiError(
      t.conn.sobject('Contact').create({ LastName: 'Orphan', Account: { External_Key__c: 'NOPE' } } as Rec),
    );
    expect(err.errorCode).toBe('INVALID_FIELD');
    expect(err.message).toBe('Foreign key external ID: NOPE not found for field External_Key__c in entity Account');
  });
});

describe('users', () => {
  const user = (fields: Rec = {}): Promise<Rec> => newUserFields(t.conn, fields);

  it('requires the locale settings Salesforce requires', async () => {
    const { TimeZoneSidKey: _t, LocaleSidKey: _l, ...rest } = await user();
    const err = await apiError(t.conn.sobject('User').create(rest));
    expect(err.errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect(err.message).toBe('Required fields are missing: [TimeZoneSidKey, LocaleSidKey]');
  });

  it('refuses a duplicate username with DUPLICATE_USERNAME', async () => {
    const fields = await user();
    await t.conn.sobject('User').create(fields);
    const err = await apiError(
      t.conn.sobject('User').create({ ...fields, Username: String(fields.Username).toUpperCase() }),
    );
    expect(err.errorCode).toBe('DUPLICATE_USERNAME');
    expect(err.message).toMatch(/^Duplicate Username\.<br>The username already exists/);
  });

  it('refuses an inactive user as a record owner', async () => {
    const id = (await t.conn.sobject('User').create(await user({ IsActive: false }))).id!;
    const err = await apiError(account().create({ Name: 'x', OwnerId: id }));
    expect(err.errorCode).toBe('INACTIVE_OWNER_OR_USER');
  });
});
