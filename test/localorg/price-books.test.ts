/**
 * Price books and opportunity amounts as Salesforce keeps them, over HTTP: the org's standard price book
 * (there from the start, active, updatable but not deletable, taking no data storage), standard prices
 * before custom ones (STANDARD_PRICE_NOT_DEFINED), and an opportunity with products whose Amount and
 * TotalOpportunityQuantity are their sums, recomputed on every product insert, update and delete, with a
 * client's Amount ignored while it has products.
 */
import { apiError, dataPath, startTestOrg, type TestOrg } from '../support/localorg';

const NOW = new Date('2026-03-31T12:00:00.000Z');

type Rec = Record<string, unknown>;
let t: TestOrg;

const create = async (sobject: string, values: Rec): Promise<string> => {
  const result = await t.conn.sobject(sobject).create(values);
  if (!result.success) throw new Error(`could not create ${sobject}`);
  return result.id;
};
const retrieve = (sobject: string, id: string): Promise<Rec> => t.conn.sobject(sobject).retrieve(id) as Promise<Rec>;
const standardBook = async (): Promise<Rec[]> =>
  (await t.conn.query<Rec>('SELECT Id, Name, IsActive, IsStandard FROM Pricebook2 WHERE IsStandard = true')).records;

beforeAll(async () => {
  t = await startTestOrg({ now: () => NOW });
}, 60_000);
afterAll(() => t.close());

describe('the standard price book', () => {
  it('is there from the start, active, and takes no data storage', async () => {
    expect(await standardBook()).toEqual([
      expect.objectContaining({ Name: 'Standard Price Book', IsActive: true, IsStandard: true }),
    ]);
    const limits = (await t.conn.request(dataPath('/limits'))) as { DataStorageMB: { Remaining: number } };
    expect(limits.DataStorageMB.Remaining).toBe(200);
  });

  it('can be updated but not deleted, and a client cannot make another', async () => {
    const [book] = await standardBook();
    await t.conn.sobject('Pricebook2').update({ Id: book.Id as string, Description: 'List prices' });
    expect(await retrieve('Pricebook2', book.Id as string)).toMatchObject({ Description: 'List prices' });
    expect(await apiError(t.conn.sobject('Pricebook2').destroy(book.Id as string))).toMatchObject({
      errorCode: 'DELETE_FAILED',
    });
    expect(
      await apiError(t.conn.sobject('Pricebook2').create({ Name: 'Second standard', IsStandard: true })),
    ).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' });
    expect(await standardBook()).toHaveLength(1);
  });

  it('holds the standard price a custom price book needs first', async () => {
    const [book] = await standardBook();
    const product = await create('Product2', { Name: 'Seat', IsActive: true });
    const custom = await create('Pricebook2', { Name: 'Partner prices', IsActive: true });
    expect(
      await apiError(
        t.conn.sobject('PricebookEntry').create({ Pricebook2Id: custom, Product2Id: product, UnitPrice: 90 }),
      ),
    ).toMatchObject({ errorCode: 'STANDARD_PRICE_NOT_DEFINED' });
    await create('PricebookEntry', { Pricebook2Id: book.Id, Product2Id: product, UnitPrice: 100, IsActive: true });
    const entry = await create('PricebookEntry', { Pricebook2Id: custom, Product2Id: product, UnitPrice: 90 });
    expect(await retrieve('PricebookEntry', entry)).toMatchObject({ UnitPrice: 90 });
  });
});

describe('an opportunity with products', () => {
  let entry: string;
  let opportunity: string;
  const totals = async (): Promise<Rec> => {
    const row = await retrieve('Opportunity', opportunity);
    return { Amount: row.Amount, TotalOpportunityQuantity: row.TotalOpportunityQuantity };
  };
  const line = (values: Rec): Promise<string> =>
    create('OpportunityLineItem', { OpportunityId: opportunity, PricebookEntryId: entry, ...values });

  beforeAll(async () => {
    const [book] = await standardBook();
    const product = await create('Product2', { Name: 'Support', IsActive: true });
    entry = await create('PricebookEntry', {
      Pricebook2Id: book.Id,
      Product2Id: product,
      UnitPrice: 250,
      IsActive: true,
    });
    opportunity = await create('Opportunity', {
      Name: 'Support renewal',
      StageName: 'Prospecting',
      CloseDate: '2026-06-30',
      Amount: 5000,
      Pricebook2Id: book.Id,
    });
  });

  it('keeps the Amount a client gives until it has products', async () => {
    expect(await totals()).toEqual({ Amount: 5000, TotalOpportunityQuantity: null });
  });

  it('takes its Amount and quantity from its products on every insert, update and delete', async () => {
    const first = await line({ Quantity: 4, UnitPrice: 250 });
    expect(await totals()).toEqual({ Amount: 1000, TotalOpportunityQuantity: 4 });
    const second = await line({ Quantity: 2, TotalPrice: 450.5 });
    expect(await totals()).toEqual({ Amount: 1450.5, TotalOpportunityQuantity: 6 });
    await t.conn.sobject('OpportunityLineItem').update({ Id: first, Quantity: 10 });
    expect(await totals()).toEqual({ Amount: 2950.5, TotalOpportunityQuantity: 12 });
    await t.conn.sobject('OpportunityLineItem').destroy(second);
    expect(await totals()).toEqual({ Amount: 2500, TotalOpportunityQuantity: 10 });
  });

  it('ignores an Amount written while it has products, without an error, as the REST API does', async () => {
    await t.conn.sobject('Opportunity').update({ Id: opportunity, Amount: 99, TotalOpportunityQuantity: 1 });
    expect(await totals()).toEqual({ Amount: 2500, TotalOpportunityQuantity: 10 });
    // Other fields still change.
    await t.conn.sobject('Opportunity').update({ Id: opportunity, StageName: 'Closed Won', Amount: 1 });
    expect(await retrieve('Opportunity', opportunity)).toMatchObject({ IsWon: true, Amount: 2500 });
  });

  it('gives a product its list price and subtotal, and takes off its discount', async () => {
    const discounted = await line({ Quantity: 3, UnitPrice: 200, Discount: 10 });
    expect(await retrieve('OpportunityLineItem', discounted)).toMatchObject({
      ListPrice: 250,
      UnitPrice: 200,
      Subtotal: 600,
      TotalPrice: 540,
    });
    expect(await totals()).toEqual({ Amount: 3040, TotalOpportunityQuantity: 13 });
    // A new discount keeps the sales price and changes the total.
    await t.conn.sobject('OpportunityLineItem').update({ Id: discounted, Discount: 50 });
    expect(await retrieve('OpportunityLineItem', discounted)).toMatchObject({ UnitPrice: 200, TotalPrice: 300 });
    // A total given with a discount sets the sales price that makes it.
    await t.conn.sobject('OpportunityLineItem').update({ Id: discounted, TotalPrice: 450 });
    expect(await retrieve('OpportunityLineItem', discounted)).toMatchObject({ UnitPrice: 300, Subtotal: 900 });
    // The list price is the entry's.
    expect(
      await apiError(t.conn.sobject('OpportunityLineItem').update({ Id: discounted, ListPrice: 1 })),
    ).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' });
    await t.conn.sobject('OpportunityLineItem').destroy(discounted);
    expect(await totals()).toEqual({ Amount: 2500, TotalOpportunityQuantity: 10 });
  });

  it('takes only active entries of its own price book, and takes its price book from its first product', async () => {
    const [book] = await standardBook();
    const product = await create('Product2', { Name: 'Training', IsActive: true });
    const inactive = await create('PricebookEntry', { Pricebook2Id: book.Id, Product2Id: product, UnitPrice: 75 });
    expect(
      await apiError(
        t.conn
          .sobject('OpportunityLineItem')
          .create({ OpportunityId: opportunity, PricebookEntryId: inactive, Quantity: 1, UnitPrice: 75 }),
      ),
    ).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION' });
    const custom = await create('Pricebook2', { Name: 'Channel prices', IsActive: true });
    const channel = await create('PricebookEntry', {
      Pricebook2Id: custom,
      Product2Id: product,
      UnitPrice: 60,
      IsActive: true,
    });
    expect(
      await apiError(
        t.conn
          .sobject('OpportunityLineItem')
          .create({ OpportunityId: opportunity, PricebookEntryId: channel, Quantity: 1, UnitPrice: 60 }),
      ),
    ).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION' });
    const bare = await create('Opportunity', {
      Name: 'Channel deal',
      StageName: 'Prospecting',
      CloseDate: '2026-06-30',
    });
    await create('OpportunityLineItem', { OpportunityId: bare, PricebookEntryId: channel, Quantity: 2, UnitPrice: 60 });
    expect(await retrieve('Opportunity', bare)).toMatchObject({ Pricebook2Id: custom, Amount: 120 });
  });

  it('keeps a total given earlier when an update changes no price', async () => {
    const thirds = await line({ Quantity: 3, TotalPrice: 1000 });
    expect(await retrieve('OpportunityLineItem', thirds)).toMatchObject({ UnitPrice: 333.33, TotalPrice: 1000 });
    await t.conn.sobject('OpportunityLineItem').update({ Id: thirds, Description: 'Three seats' });
    expect(await retrieve('OpportunityLineItem', thirds)).toMatchObject({ TotalPrice: 1000, Subtotal: 1000 });
    expect(await totals()).toEqual({ Amount: 3500, TotalOpportunityQuantity: 13 });
    await t.conn.sobject('OpportunityLineItem').destroy(thirds);
  });

  it('sums the products in aggregates the same way', async () => {
    const result = await t.conn.query<Rec>(
      `SELECT SUM(TotalPrice) total FROM OpportunityLineItem WHERE OpportunityId = '${opportunity}'`,
    );
    expect(result.records[0]).toMatchObject({ total: 2500 });
  });
});
