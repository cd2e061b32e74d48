/**
 * Products on opportunities and the sharing of the new standard objects, over HTTP: price books and their
 * entries, opportunity products whose TotalPrice the org computes (Quantity * UnitPrice, or UnitPrice from
 * TotalPrice), aggregates over them; line items follow their opportunity, private tasks follow the role
 * hierarchy; and the real `sf` CLI describes the new objects.
 */
import { apiError, startTestOrg, type TestOrg } from '../support/localorg';
import { createRole } from '../support/roles';
import { createUser, type TestUser } from '../support/security';
import { SfCli, type SfJson } from '../support/sf-cli';

const NOW = new Date('2026-03-31T12:00:00.000Z');

let t: TestOrg;
let opportunity: string;
let entry: string;
let product: string;

type Rec = Record<string, unknown>;
const create = async (sobject: string, values: Rec, conn = t.conn): Promise<string> => {
  const result = await conn.sobject(sobject).create(values);
  if (!result.success) throw new Error(`could not create ${sobject}`);
  return result.id;
};
const retrieve = (sobject: string, id: string): Promise<Rec> => t.conn.sobject(sobject).retrieve(id) as Promise<Rec>;

beforeAll(async () => {
  t = await startTestOrg({ now: () => NOW });
  product = await create('Product2', { Name: 'Partner seat', ProductCode: 'SEAT', IsActive: true });
  const book = await create('Pricebook2', { Name: 'Partner prices', IsActive: true });
  // A custom price needs the product's standard price first.
  const standard = await t.conn.query<{ Id: string }>('SELECT Id FROM Pricebook2 WHERE IsStandard = true');
  await create('PricebookEntry', { Pricebook2Id: standard.records[0].Id, Product2Id: product, UnitPrice: 130 });
  entry = await create('PricebookEntry', { Pricebook2Id: book, Product2Id: product, UnitPrice: 120, IsActive: true });
  const account = await create('Account', { Name: 'Northwind' });
  opportunity = await create('Opportunity', {
    Name: 'Seats',
    AccountId: account,
    StageName: 'Prospecting',
    CloseDate: '2026-06-30',
    Pricebook2Id: book,
  });
}, 60_000);
afterAll(() => t.close());

describe('opportunity products', () => {
  it('compute TotalPrice from Quantity and UnitPrice, on create and when either changes', async () => {
    const line = await create('OpportunityLineItem', {
      OpportunityId: opportunity,
      PricebookEntryId: entry,
      Product2Id: product,
      Quantity: 3,
      UnitPrice: 110.5,
    });
    expect(await retrieve('OpportunityLineItem', line)).toMatchObject({
      Quantity: 3,
      UnitPrice: 110.5,
      TotalPrice: 331.5,
    });
    await t.conn.sobject('OpportunityLineItem').update({ Id: line, Quantity: 4 });
    expect(await retrieve('OpportunityLineItem', line)).toMatchObject({ TotalPrice: 442 });
    await t.conn.sobject('OpportunityLineItem').update({ Id: line, TotalPrice: 400 });
    expect(await retrieve('OpportunityLineItem', line)).toMatchObject({ UnitPrice: 100, TotalPrice: 400 });
  });

  it('take UnitPrice from TotalPrice, and refuse both or neither', async () => {
    const line = await create('OpportunityLineItem', {
      OpportunityId: opportunity,
      PricebookEntryId: entry,
      Quantity: 8,
      TotalPrice: 1000,
    });
    expect(await retrieve('OpportunityLineItem', line)).toMatchObject({ UnitPrice: 125, TotalPrice: 1000 });
    const both = { OpportunityId: opportunity, PricebookEntryId: entry, Quantity: 1, UnitPrice: 1, TotalPrice: 1 };
    expect(await apiError(t.conn.sobject('OpportunityLineItem').create(both))).toMatchObject({
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
    });
    const neither = { OpportunityId: opportunity, PricebookEntryId: entry, Quantity: 1 };
    expect(await apiError(t.conn.sobject('OpportunityLineItem').create(neither))).toMatchObject({
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
    });
    expect(
      await apiError(
        t.conn
          .sobject('OpportunityLineItem')
          .create({ OpportunityId: opportunity, PricebookEntryId: entry, UnitPrice: 1 }),
      ),
    ).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING' });
  });

  it('are listed under their opportunity and summed in aggregates', async () => {
    const rows = await t.conn.query<{ OpportunityLineItems: { records: Rec[] } }>(
      `SELECT Name, (SELECT Quantity, TotalPrice, PricebookEntry.Product2.Name FROM OpportunityLineItems ORDER BY TotalPrice) FROM Opportunity WHERE Id = '${opportunity}'`,
    );
    expect(rows.records[0].OpportunityLineItems.records.map((r) => [r.Quantity, r.TotalPrice])).toEqual([
      [4, 400],
      [8, 1000],
    ]);
    const sum = await t.conn.query<{ units: number; total: number }>(
      `SELECT SUM(Quantity) units, SUM(TotalPrice) total FROM OpportunityLineItem WHERE Opportunity.Pricebook2.Name = 'Partner prices'`,
    );
    expect(sum.records[0]).toMatchObject({ units: 12, total: 1400 });
  });

  it('keep a price book entry whose product is sold, and go with their opportunity', async () => {
    expect(await apiError(t.conn.sobject('PricebookEntry').destroy(entry))).toMatchObject({
      errorCode: 'DELETE_FAILED',
    });
    const doomed = await create('Opportunity', { Name: 'Doomed', StageName: 'Prospecting', CloseDate: '2026-06-30' });
    const line = await create('OpportunityLineItem', {
      OpportunityId: doomed,
      PricebookEntryId: entry,
      Quantity: 1,
      UnitPrice: 5,
    });
    await t.conn.sobject('Opportunity').destroy(doomed);
    expect((await t.conn.query(`SELECT Id FROM OpportunityLineItem WHERE Id = '${line}'`)).totalSize).toBe(0);
  });
});

describe('sharing of the new objects', () => {
  let manager: TestUser;
  let ae: TestUser;
  let peer: TestUser;

  beforeAll(async () => {
    const top = await createRole(t, 'Channel Manager');
    const aes = await createRole(t, 'Channel AE', top);
    manager = await createUser(t, { alias: 'mgr', roleId: top });
    ae = await createUser(t, { alias: 'ae', roleId: aes });
    peer = await createUser(t, { alias: 'peer', roleId: aes });
  }, 60_000);

  it('keeps a task private to its owner and the roles above, whatever ManagerId says', async () => {
    await t.conn.sobject('User').update({ Id: ae.id, ManagerId: peer.id });
    const task = await create('Task', { Subject: 'Call', Status: 'In Progress' }, ae.conn);
    const count = async (user: TestUser): Promise<number> =>
      (await user.conn.query(`SELECT Id FROM Task WHERE Id = '${task}'`)).totalSize;
    expect(await count(ae)).toBe(1);
    expect(await count(manager)).toBe(1);
    expect(await count(peer)).toBe(0);
    await manager.conn.sobject('Task').update({ Id: task, Status: 'Completed' });
    expect(await apiError(peer.conn.sobject('Task').update({ Id: task, Status: 'Deferred' }))).toMatchObject({
      errorCode: 'NOT_FOUND',
    });
    expect(await retrieve('Task', task)).toMatchObject({ IsClosed: true });
  });

  it("shows an opportunity's products to whoever sees it; AEs read products and roles but create neither", async () => {
    const lines = await ae.conn.query<{ TotalPrice: number }>(
      `SELECT TotalPrice FROM OpportunityLineItem WHERE OpportunityId = '${opportunity}'`,
    );
    // Opportunities are Public Read/Write: everyone with access to the object sees its products.
    expect(lines.totalSize).toBe(2);
    expect((await ae.conn.query("SELECT Id FROM Product2 WHERE ProductCode = 'SEAT'")).totalSize).toBe(1);
    expect((await ae.conn.query("SELECT Id FROM UserRole WHERE Name = 'Channel AE'")).totalSize).toBe(1);
    expect(await apiError(ae.conn.sobject('Product2').create({ Name: 'Not mine to add' }))).toMatchObject({
      errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
    });
    expect(await apiError(ae.conn.sobject('UserRole').create({ Name: 'Self-promotion' }))).toMatchObject({
      errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
    });
  });
});

describe('the sf CLI', () => {
  const cli = new SfCli();
  afterAll(() => cli.close());
  const sf = (args: string[]): Promise<SfJson<Rec>> => cli.json<Rec>(args);

  it('describes Task and OpportunityLineItem', async () => {
    expect((await cli.login(t.org, 'std')).status).toBe(0);
    const task = await sf(['sobject', 'describe', '--sobject', 'Task', '--target-org', 'std']);
    expect(task.status).toBe(0);
    const fields = task.result.fields as Rec[];
    expect(fields.find((f) => f.name === 'WhatId')).toMatchObject({
      relationshipName: 'What',
      polymorphicForeignKey: true,
    });
    const line = await sf(['sobject', 'describe', '--sobject', 'OpportunityLineItem', '--target-org', 'std']);
    expect((line.result.fields as Rec[]).map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'OpportunityId',
        'PricebookEntryId',
        'Product2Id',
        'Quantity',
        'UnitPrice',
        'TotalPrice',
      ]),
    );
  }, 120_000);
});
