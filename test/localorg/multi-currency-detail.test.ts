/**
 * Detail records take their master's currency in a multi-currency org: a section and a target of a EUR
 * plan are in EUR whatever the client gives, and changing the plan's currency changes theirs down the chain.
 */
import type { Connection } from 'jsforce';
import { startTestOrg, type TestOrg } from '../support/localorg';

type Rec = Record<string, unknown>;

async function create(conn: Connection, sobject: string, fields: Rec): Promise<string> {
  const result = await conn.sobject(sobject).create(fields);
  if (!result.success) throw new Error(JSON.stringify(result));
  return result.id as string;
}

const currencyOf = async (conn: Connection, sobject: string, id: string): Promise<unknown> =>
  ((await conn.sobject(sobject).retrieve(id)) as Rec).CurrencyIsoCode;

describe('the currency of detail records', () => {
  let t: TestOrg;
  let plan: string;
  let section: string;
  let target: string;

  beforeAll(async () => {
    t = await startTestOrg({ multiCurrency: true });
    const partner = await create(t.conn, 'Account', {
      Name: 'Partner',
      Partner_Type__c: 'Reseller',
      CurrencyIsoCode: 'GBP',
    });
    plan = await create(t.conn, 'Partner_Account_Plan__c', {
      Name: 'Euro plan',
      Partner_Account__c: partner,
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-12-31',
      CurrencyIsoCode: 'EUR',
    });
    // The client asks for JPY and USD: the master's currency wins.
    section = await create(t.conn, 'Plan_Section__c', {
      Name: 'Sales',
      Partner_Account_Plan__c: plan,
      Section_Type__c: 'Sales Objectives',
      CurrencyIsoCode: 'JPY',
    });
    target = await create(t.conn, 'Plan_Target__c', {
      Plan_Section__c: section,
      Metric__c: 'Closed_Won_Revenue',
      Period_Type__c: 'Quarter',
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-03-31',
      Target_Value__c: 1000,
    });
  });
  afterAll(() => t.close());

  it("are created in their master's currency", async () => {
    expect(await currencyOf(t.conn, 'Plan_Section__c', section)).toBe('EUR');
    expect(await currencyOf(t.conn, 'Plan_Target__c', target)).toBe('EUR');
  });

  it("keep their master's currency when updated with another", async () => {
    await t.conn.sobject('Plan_Target__c').update({ Id: target, CurrencyIsoCode: 'USD' } as { Id: string });
    expect(await currencyOf(t.conn, 'Plan_Target__c', target)).toBe('EUR');
  });

  it("follow their master's currency when it changes, down the chain", async () => {
    await t.conn.sobject('Partner_Account_Plan__c').update({ Id: plan, CurrencyIsoCode: 'GBP' } as { Id: string });
    expect(await currencyOf(t.conn, 'Plan_Section__c', section)).toBe('GBP');
    expect(await currencyOf(t.conn, 'Plan_Target__c', target)).toBe('GBP');
  });

  it('leave records that are not details alone', async () => {
    const account = await create(t.conn, 'Account', { Name: 'Yen customer', CurrencyIsoCode: 'JPY' });
    expect(await currencyOf(t.conn, 'Account', account)).toBe('JPY');
  });
});
