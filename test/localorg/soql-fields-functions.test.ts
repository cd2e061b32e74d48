/**
 * SOQL's field functions over real HTTP through jsforce: FIELDS(ALL|STANDARD|CUSTOM) with Salesforce's
 * LIMIT 200 rule and field-level security, toLabel() (labels, aliases, WHERE), FORMAT() in the default
 * locale en_US, and TYPEOF on a polymorphic reference (Owner), with the errors Salesforce gives.
 */
import type { Connection } from 'jsforce';
import { join } from 'node:path';
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { FIXTURES } from '../support/project';
import { createUser, queryError, type TestUser } from '../support/security';

type Rec = Record<string, unknown>;
const records = async (conn: Connection, soql: string): Promise<Rec[]> => (await conn.query<Rec>(soql)).records;
const keys = (record: Rec): string[] => Object.keys(record).filter((k) => k !== 'attributes');

const NOW = new Date('2025-04-10T15:31:00.000Z');

describe('FIELDS()', () => {
  let t: TestOrg;
  let standard: TestUser;
  let describedAccount: { name: string; custom: boolean }[];

  beforeAll(async () => {
    t = await startTestOrg({ now: () => NOW });
    standard = await createUser(t, { alias: 'standard' });
    const account = await t.conn
      .sobject('Account')
      .create({ Name: 'Acme', Partner_Type__c: 'Reseller', AnnualRevenue: 1500000 });
    await t.conn.sobject('Contact').create({ LastName: 'Lee', AccountId: account.id });
    await standard.conn.sobject('Account').create({ Name: 'Own account' });
    describedAccount = (await t.conn.sobject('Account').describe()).fields.map((f) => ({
      name: f.name,
      custom: f.custom,
    }));
  });
  afterAll(() => t.close());

  it('FIELDS(ALL) selects every field the describe lists, in its order', async () => {
    const [record] = await records(t.conn, "SELECT FIELDS(ALL) FROM Account WHERE Name = 'Acme' LIMIT 200");
    expect(keys(record)).toEqual(describedAccount.map((f) => f.name));
    expect(record).toMatchObject({ Name: 'Acme', Partner_Type__c: 'Reseller' });
  });

  it('FIELDS(CUSTOM) and FIELDS(STANDARD) split the fields by kind', async () => {
    const [custom] = await records(t.conn, 'SELECT FIELDS(CUSTOM) FROM Account LIMIT 1');
    expect(keys(custom)).toEqual(describedAccount.filter((f) => f.custom).map((f) => f.name));
    // FIELDS(STANDARD) needs no LIMIT.
    const [standardFields] = await records(t.conn, 'SELECT FIELDS(STANDARD) FROM Account');
    expect(keys(standardFields)).toEqual(describedAccount.filter((f) => !f.custom).map((f) => f.name));
  });

  it('mixes with named fields and works in a subquery', async () => {
    const [record] = await records(
      t.conn,
      "SELECT Partner_Type__c, FIELDS(STANDARD), (SELECT FIELDS(STANDARD) FROM Contacts) FROM Account WHERE Name = 'Acme'",
    );
    expect(keys(record).slice(0, 2)).toEqual(['Partner_Type__c', 'Id']);
    const contacts = record.Contacts as { records: Rec[] };
    expect(contacts.records[0]).toMatchObject({ LastName: 'Lee' });
    expect(keys(contacts.records[0])).toContain('AccountId');
  });

  it.each([
    ['SELECT FIELDS(ALL) FROM Account', 'The SOQL FIELDS function must have a LIMIT of at most 200'],
    ['SELECT FIELDS(CUSTOM) FROM Account LIMIT 201', 'The SOQL FIELDS function must have a LIMIT of at most 200'],
    ['SELECT Id, (SELECT FIELDS(ALL) FROM Contacts) FROM Account', 'must have a LIMIT of at most 200'],
    ['SELECT Id, FIELDS(ALL) FROM Account LIMIT 200', 'duplicate field selected: Id'],
    ['SELECT FIELDS(EVERYTHING) FROM Account', "unexpected token: 'EVERYTHING'"],
    ['SELECT COUNT(Id), FIELDS(STANDARD) FROM Account', 'FIELDS()'],
  ])('%s is MALFORMED_QUERY: %s', async (soql, message) => {
    const error = await queryError(t.conn, soql);
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toContain(message);
  });

  it('keeps a function of a parent field inside its parent, unless aliased', async () => {
    const [contact] = await records(
      t.conn,
      'SELECT LastName, FORMAT(Account.AnnualRevenue), toLabel(Account.Partner_Type__c) type FROM Contact',
    );
    expect(contact).toEqual({
      attributes: expect.any(Object),
      LastName: 'Lee',
      Account: { attributes: expect.objectContaining({ type: 'Account' }), AnnualRevenue: '$1,500,000' },
      type: 'Reseller',
    });
  });

  it('returns only the fields the user can read (FLS)', async () => {
    const [record] = await records(
      standard.conn,
      "SELECT FIELDS(ALL) FROM Account WHERE Name = 'Own account' LIMIT 200",
    );
    expect(record.Name).toBe('Own account');
    expect(keys(record)).toContain('Name');
    // The Standard User profile cannot read the project's custom Account fields.
    expect(keys(record)).not.toContain('Partner_Type__c');
    expect(keys(record).filter((k) => k.endsWith('__c'))).toEqual([]);
    const [custom] = await records(standard.conn, 'SELECT Id, FIELDS(CUSTOM) FROM Account LIMIT 1');
    expect(keys(custom)).toEqual(['Id']);
  });
});

describe('toLabel() and FORMAT()', () => {
  let t: TestOrg;

  beforeAll(async () => {
    t = await startTestOrg({ forceAppRoot: join(FIXTURES, 'localorg-labels'), now: () => NOW });
    await t.conn.sobject('Ticket__c').create([
      {
        Name: 'first',
        Priority__c: 'P1',
        Topics__c: 'net;hw',
        Estimate__c: 1234.5,
        Effort__c: -1234.5,
        Done__c: 12.5,
        Due__c: '2015-12-28',
        Opened__c: '2025-04-10T15:31:00.000Z',
      },
      { Name: 'second', Priority__c: 'P2', Estimate__c: 44000, Due__c: '2016-01-05' },
      { Name: 'third', Priority__c: 'P3' },
    ]);
  });
  afterAll(() => t.close());

  it('toLabel() returns picklist labels under the field name, or under an alias', async () => {
    const rows = await records(
      t.conn,
      "SELECT Name, toLabel(Priority__c), toLabel(Topics__c) topicLabels, Topics__c FROM Ticket__c WHERE Name = 'first'",
    );
    expect(rows[0]).toEqual({
      attributes: expect.any(Object),
      Name: 'first',
      Priority__c: 'Urgent',
      topicLabels: 'Networking;Hardware',
      Topics__c: 'net;hw',
    });
  });

  it('needs an alias when the field is also selected', async () => {
    const error = await queryError(t.conn, 'SELECT Priority__c, toLabel(Priority__c) FROM Ticket__c');
    expect(error.message).toContain('duplicate field selected: Priority__c');
    const [row] = await records(
      t.conn,
      "SELECT Priority__c, toLabel(Priority__c) p FROM Ticket__c WHERE Name = 'second'",
    );
    expect([row.Priority__c, row.p]).toEqual(['P2', 'Normal']);
  });

  it('filters by label in WHERE (=, !=, IN, NOT IN; case-insensitive), values still match', async () => {
    const names = async (where: string) =>
      (await records(t.conn, `SELECT Name FROM Ticket__c WHERE ${where} ORDER BY Name`)).map((r) => r.Name);
    expect(await names("toLabel(Priority__c) = 'urgent'")).toEqual(['first']);
    expect(await names("toLabel(Priority__c) != 'Urgent'")).toEqual(['second', 'third']);
    expect(await names("toLabel(Priority__c) IN ('Normal', 'Later')")).toEqual(['second', 'third']);
    expect(await names("toLabel(Priority__c) NOT IN ('Normal')")).toEqual(['first', 'third']);
    // A text that labels no value is compared with the values.
    expect(await names("toLabel(Priority__c) = 'P3'")).toEqual(['third']);
    const error = await queryError(t.conn, "SELECT Name FROM Ticket__c WHERE toLabel(Priority__c) LIKE 'Urg%'");
    expect(error.errorCode).toBe('INVALID_QUERY_FILTER_OPERATOR');
  });

  it('groups by a field and returns its labels in an aggregate query', async () => {
    const rows = await records(
      t.conn,
      'SELECT toLabel(Priority__c) priority, COUNT(Id) n FROM Ticket__c GROUP BY Priority__c ORDER BY Priority__c',
    );
    expect(rows.map((r) => [r.priority, r.n])).toEqual([
      ['Urgent', 1],
      ['Normal', 1],
      ['Later', 1],
    ]);
  });

  it('FORMAT() formats numbers, currencies, percents, dates and datetimes as en_US does', async () => {
    const [row] = await records(
      t.conn,
      "SELECT FORMAT(Estimate__c), FORMAT(Effort__c), FORMAT(Done__c), FORMAT(Due__c), FORMAT(Opened__c), FORMAT(CreatedDate) created FROM Ticket__c WHERE Name = 'first'",
    );
    expect(row).toEqual({
      attributes: expect.any(Object),
      Estimate__c: '$1,234.50',
      Effort__c: '-1,234.5',
      Done__c: '12.50%',
      Due__c: '12/28/2015',
      Opened__c: '4/10/2025, 3:31 PM',
      created: '4/10/2025, 3:31 PM',
    });
    const [empty] = await records(t.conn, "SELECT FORMAT(Estimate__c), Name FROM Ticket__c WHERE Name = 'third'");
    expect(empty.Estimate__c).toBeNull();
  });

  it('FORMAT() keeps the raw value beside it under an alias, and wraps aggregates', async () => {
    const [row] = await records(
      t.conn,
      "SELECT Estimate__c, FORMAT(Estimate__c) shown FROM Ticket__c WHERE Name = 'second'",
    );
    expect([row.Estimate__c, row.shown]).toEqual([44000, '$44,000.00']);
    const [aggregate] = await records(
      t.conn,
      'SELECT FORMAT(SUM(Estimate__c)) total, FORMAT(MIN(Due__c)) firstDue, COUNT(Id) FROM Ticket__c',
    );
    expect(aggregate).toEqual({
      attributes: { type: 'AggregateResult' },
      total: '$45,234.50',
      firstDue: '12/28/2015',
      expr0: 3,
    });
  });

  it('describes the columns of these functions for `sf data query` (columns=true)', async () => {
    const columns = async (soql: string) => {
      const answer = await rawRequest(t.conn, 'GET', dataPath(`/query?q=${encodeURIComponent(soql)}&columns=true`));
      expect(answer.status).toBe(200);
      return (answer.body as { columnMetadata: { columnName: string; apexType: string | null }[] }).columnMetadata;
    };
    const plain = await columns('SELECT toLabel(Priority__c) p, FORMAT(Due__c), FIELDS(STANDARD) FROM Ticket__c');
    expect(plain.slice(0, 3).map((c) => [c.columnName, c.apexType])).toEqual([
      ['p', 'String'],
      ['Due__c', 'Date'],
      ['Id', 'Id'],
    ]);
    const aggregate = await columns('SELECT FORMAT(SUM(Estimate__c)) total, COUNT(Id) FROM Ticket__c');
    expect(aggregate.map((c) => [c.columnName, c.apexType])).toEqual([
      ['total', 'String'],
      ['expr0', 'Integer'],
    ]);
  });

  it.each([
    ["SELECT Name FROM Ticket__c WHERE FORMAT(Due__c) = '12/28/2015'", 'FORMAT() can only be used in the SELECT list'],
    [
      'SELECT Name FROM Ticket__c WHERE convertCurrency(Estimate__c) > 5',
      'convertCurrency() can only be used in the SELECT list',
    ],
    ['SELECT Name FROM Ticket__c ORDER BY toLabel(Priority__c)', "unexpected token: '('"],
    ['SELECT FORMAT(Name, Due__c) FROM Ticket__c', 'Invalid argument to FORMAT()'],
  ])('%s is MALFORMED_QUERY', async (soql, message) => {
    const error = await queryError(t.conn, soql);
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toContain(message);
  });
});

describe('TYPEOF', () => {
  let t: TestOrg;
  let admin: { Id: string; Name: string; Email: string };
  let standard: TestUser;

  beforeAll(async () => {
    t = await startTestOrg({ now: () => NOW });
    standard = await createUser(t, { alias: 'standard' });
    admin = (await records(t.conn, `SELECT Id, Name, Email FROM User WHERE Id = '${t.org.adminUserId}'`))[0] as never;
    const account = await t.conn.sobject('Account').create({ Name: 'Admin account' });
    await t.conn.sobject('Contact').create({ LastName: 'Kim', AccountId: account.id });
    await standard.conn.sobject('Account').create({ Name: 'Standard account' });
  });
  afterAll(() => t.close());

  it('returns the parent as a record of its type with the fields of its WHEN branch', async () => {
    const rows = await records(
      t.conn,
      'SELECT Name, TYPEOF Owner WHEN User THEN Name, Email ELSE Name END FROM Account ORDER BY Name',
    );
    expect(rows[0]).toEqual({
      attributes: { type: 'Account', url: expect.stringMatching(/\/sobjects\/Account\/001/) },
      Name: 'Admin account',
      Owner: {
        attributes: { type: 'User', url: expect.stringContaining(`/sobjects/User/${admin.Id}`) },
        Name: admin.Name,
        Email: admin.Email,
      },
    });
    expect((rows[1].Owner as Rec).attributes).toEqual({ type: 'User', url: expect.stringContaining(standard.id) });
  });

  it('reads formula and audit fields of the type, and works in a child subquery', async () => {
    const [row] = await records(
      t.conn,
      "SELECT Id, (SELECT TYPEOF Owner WHEN User THEN Alias, IsActive END FROM Contacts) FROM Account WHERE Name = 'Admin account'",
    );
    const [contact] = (row.Contacts as { records: Rec[] }).records;
    const [adminUser] = await records(t.conn, `SELECT Alias FROM User WHERE Id = '${admin.Id}'`);
    expect(contact.Owner).toEqual({
      attributes: expect.objectContaining({ type: 'User' }),
      Alias: adminUser.Alias,
      IsActive: true,
    });
    const [own] = await records(
      standard.conn,
      "SELECT TYPEOF Owner WHEN User THEN Alias END FROM Account WHERE Name = 'Standard account'",
    );
    expect(own.Owner).toEqual({ attributes: expect.objectContaining({ type: 'User' }), Alias: 'standard' });
  });

  it.each([
    ['SELECT TYPEOF Owner WHEN Account THEN Name END FROM Account', "Invalid type 'Account' in TYPEOF"],
    ['SELECT TYPEOF Owner WHEN User THEN Name END, Owner.Email FROM Account', 'TYPEOF Owner cannot be selected'],
    ['SELECT TYPEOF Owner WHEN User THEN Name END, COUNT(Id) FROM Account', 'TYPEOF cannot be used in an aggregate'],
    ['SELECT TYPEOF Owner WHEN User THEN Manager.Name END FROM Account', 'TYPEOF field lists take field names'],
  ])('%s is MALFORMED_QUERY', async (soql, message) => {
    const error = await queryError(t.conn, soql);
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toContain(message);
  });

  it('reads Task.What and Task.Who by the type of each Id, ELSE covering the other types', async () => {
    const [account] = await records(t.conn, "SELECT Id FROM Account WHERE Name = 'Admin account'");
    const [contact] = await records(t.conn, "SELECT Id FROM Contact WHERE LastName = 'Kim'");
    const deal = await t.conn.sobject('Opportunity').create({
      Name: 'Deal',
      StageName: 'Prospecting',
      CloseDate: '2026-05-01',
      AccountId: account.Id,
    });
    const campaign = await t.conn.sobject('Campaign').create({ Name: 'Spring' });
    await t.conn
      .sobject('Task')
      .create([
        { Subject: 'Call', WhatId: account.Id, WhoId: contact.Id },
        { Subject: 'Email', WhatId: deal.id },
        { Subject: 'Other', WhatId: campaign.id },
        { Subject: 'Send Letter' },
      ]);
    const rows = await records(
      t.conn,
      'SELECT Subject, TYPEOF What WHEN Account THEN Name, Phone WHEN Opportunity THEN Name, StageName ELSE Name END, ' +
        'TYPEOF Who WHEN Contact THEN LastName END FROM Task ORDER BY Subject',
    );
    const type = (url: string) => ({ type: url.split('/')[0], url: expect.stringContaining(`/sobjects/${url}`) });
    expect(rows.map(({ attributes: _, ...rest }) => rest)).toEqual([
      {
        Subject: 'Call',
        What: { attributes: type(`Account/${account.Id}`), Name: 'Admin account', Phone: null },
        Who: { attributes: type(`Contact/${contact.Id}`), LastName: 'Kim' },
      },
      {
        Subject: 'Email',
        What: { attributes: type(`Opportunity/${deal.id}`), Name: 'Deal', StageName: 'Prospecting' },
        Who: null,
      },
      { Subject: 'Other', What: { attributes: type(`Campaign/${campaign.id}`), Name: 'Spring' }, Who: null },
      { Subject: 'Send Letter', What: null, Who: null },
    ]);
    // Without ELSE, a type no WHEN names comes back as null.
    const [other] = await records(
      t.conn,
      "SELECT TYPEOF What WHEN Account THEN Name END FROM Task WHERE Subject = 'Other'",
    );
    expect(other.What).toBeNull();
  });

  it('applies field-level security to the fields of each type', async () => {
    const error = await queryError(standard.conn, 'SELECT TYPEOF What WHEN Account THEN Partner_Type__c END FROM Task');
    expect([error.errorCode, error.message]).toEqual([
      'INVALID_FIELD',
      expect.stringContaining("No such column 'Partner_Type__c' on entity 'Account'"),
    ]);
  });

  it('is refused by Bulk API 2.0 queries, as Salesforce does', async () => {
    const response = await rawRequest(t.conn, 'POST', dataPath('/jobs/query'), {
      body: { operation: 'query', query: 'SELECT TYPEOF Owner WHEN User THEN Name END FROM Account' },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual([
      { errorCode: 'API_ERROR', message: 'TYPEOF is not supported in Bulk Query', fields: [] },
    ]);
  });

  it('refuses an unknown relationship or field as for any parent', async () => {
    const unknownRel = await queryError(t.conn, 'SELECT TYPEOF Boss WHEN User THEN Name END FROM Account');
    expect([unknownRel.errorCode, unknownRel.message]).toEqual([
      'INVALID_FIELD',
      expect.stringContaining("Didn't understand relationship 'Boss'"),
    ]);
    const unknownField = await queryError(t.conn, 'SELECT TYPEOF Owner WHEN User THEN Shoe_Size__c END FROM Account');
    expect([unknownField.errorCode, unknownField.message]).toEqual([
      'INVALID_FIELD',
      expect.stringContaining("No such column 'Shoe_Size__c' on entity 'User'"),
    ]);
  });
});
