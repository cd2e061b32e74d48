/**
 * SOQL over polymorphic relationships through jsforce: `What.Name`, `What.Type`, `Who.Name` resolve to the
 * Name object (its fields only; others are INVALID_FIELD on entity 'Name'), in SELECT (a record typed `Name`
 * whose url names the related record's own type), WHERE, ORDER BY and GROUP BY; columnMetadata of such a query.
 */
import { apiError, rawRequest, dataPath, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
let account: string;
let contact: string;
let lead: string;
let opportunity: string;
let accountTask: string;
let opportunityTask: string;
let bareTask: string;

type Rec = Record<string, unknown>;
const create = async (sobject: string, values: Rec): Promise<string> => {
  const result = await t.conn.sobject(sobject).create(values);
  if (!result.success) throw new Error(`could not create ${sobject}`);
  return result.id;
};
const records = async (soql: string): Promise<Rec[]> => (await t.conn.query<Rec>(soql)).records;
const url = (type: string, id: string): string => dataPath(`/sobjects/${type}/${id}`);

beforeAll(async () => {
  t = await startTestOrg();
  account = await create('Account', { Name: 'Northwind' });
  contact = await create('Contact', { FirstName: 'Ana', LastName: 'Rivera', AccountId: account, Title: 'CTO' });
  lead = await create('Lead', { FirstName: 'Bo', LastName: 'Lane', Company: 'Contoso' });
  opportunity = await create('Opportunity', {
    Name: 'Contoso renewal',
    AccountId: account,
    StageName: 'Prospecting',
    CloseDate: '2026-06-30',
  });
  accountTask = await create('Task', { Subject: 'Call', WhatId: account, WhoId: contact });
  opportunityTask = await create('Task', { Subject: 'Send Quote', WhatId: opportunity, WhoId: lead });
  bareTask = await create('Task', { Subject: 'Other' });
}, 60_000);
afterAll(() => t.close());

describe('polymorphic relationship fields', () => {
  it('selects What and Who as Name records typed Name, with the related record in the url', async () => {
    const rows = await records(
      `SELECT Id, What.Name, What.Type, Who.Name, Who.FirstName, Who.Title, Owner.Name FROM Task WHERE Id = '${opportunityTask}'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].What).toEqual({
      attributes: { type: 'Name', url: url('Opportunity', opportunity) },
      Name: 'Contoso renewal',
      Type: 'Opportunity',
    });
    // Title is filled for users, contacts and leads; this lead has none.
    expect(rows[0].Who).toEqual({
      attributes: { type: 'Name', url: url('Lead', lead) },
      Name: 'Bo Lane',
      FirstName: 'Bo',
      Title: null,
    });
    expect(rows[0].Owner).toMatchObject({ Name: expect.any(String) });
    const contactRow = (await records(`SELECT Who.Id, Who.Title, Who.Type FROM Task WHERE Id = '${accountTask}'`))[0];
    expect(contactRow.Who).toMatchObject({ Id: contact, Title: 'CTO', Type: 'Contact' });
  });

  it('answers null for an empty polymorphic reference', async () => {
    const rows = await records(`SELECT What.Name, Who.Name FROM Task WHERE Id = '${bareTask}'`);
    expect(rows[0]).toMatchObject({ What: null, Who: null });
  });

  it('filters, sorts and groups on Name fields', async () => {
    const ids = async (soql: string): Promise<string[]> => (await records(soql)).map((r) => r.Id as string);
    expect(await ids("SELECT Id FROM Task WHERE What.Type = 'Opportunity'")).toEqual([opportunityTask]);
    expect(await ids("SELECT Id FROM Task WHERE What.Type IN ('Account', 'Campaign')")).toEqual([accountTask]);
    expect(await ids("SELECT Id FROM Task WHERE Who.Name LIKE 'A%'")).toEqual([accountTask]);
    expect(await ids("SELECT Id FROM Task WHERE Who.Type = 'lead'")).toEqual([opportunityTask]);
    expect(await ids('SELECT Id FROM Task WHERE What.Name != null ORDER BY What.Name DESC')).toEqual([
      accountTask,
      opportunityTask,
    ]);
    const groups = await records('SELECT What.Type, COUNT(Id) n FROM Task GROUP BY What.Type ORDER BY What.Type');
    expect(groups.map((g) => [g.Type, g.n])).toEqual([
      [null, 1],
      ['Account', 1],
      ['Opportunity', 1],
    ]);
  });

  it('refuses fields the Name object does not have, and paths past it', async () => {
    const error = await apiError(t.conn.query('SELECT What.Amount FROM Task').then((r) => r));
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toContain("No such column 'Amount' on entity 'Name'");
    expect(await apiError(t.conn.query("SELECT Id FROM Task WHERE Who.Company = 'x'").then((r) => r))).toMatchObject({
      errorCode: 'INVALID_FIELD',
    });
    const deeper = await apiError(t.conn.query('SELECT What.Owner.Name FROM Task').then((r) => r));
    expect(deeper.errorCode).toBe('INVALID_FIELD');
    expect(deeper.message).toContain("Didn't understand relationship 'Owner'");
  });

  it('describes the columns of a query over a polymorphic parent', async () => {
    const q = encodeURIComponent('SELECT What.Name, Subject FROM Task');
    const response = await rawRequest(t.conn, 'GET', dataPath(`/query?q=${q}&columns=true`));
    expect(response.status).toBe(200);
    const columns = (response.body as { columnMetadata: Rec[] }).columnMetadata;
    expect(columns.map((c) => c.columnName)).toEqual(['What', 'Subject']);
    expect(columns[0]).toMatchObject({
      foreignKeyName: 'WhatId',
      joinColumns: [expect.objectContaining({ columnName: 'Name' })],
    });
  });
});
