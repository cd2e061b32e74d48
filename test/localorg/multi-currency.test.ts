/**
 * A multi-currency local org (`startLocalOrg({ multiCurrency })`) over real HTTP through jsforce:
 * CurrencyIsoCode on records (described, defaulted to the corporate currency, restricted to the active
 * currencies), CurrencyType and DatedConversionRate, aggregates of currency fields in the corporate
 * currency, convertCurrency(), FORMAT() of amounts, currency-prefixed amounts in WHERE, and dated rates
 * for opportunity amounts by CloseDate (advanced currency management). Expected values are computed by
 * hand from the rates: amount / ConversionRate is the amount in the corporate currency (USD).
 */
import type { Connection } from 'jsforce';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { createUser, queryError } from '../support/security';

type Rec = Record<string, unknown>;
const records = async (conn: Connection, soql: string): Promise<Rec[]> => (await conn.query<Rec>(soql)).records;
const NOW = new Date('2026-03-31T12:00:00.000Z');

describe('a multi-currency org (USD corporate; EUR 0.9, GBP 0.8, JPY 150)', () => {
  let t: TestOrg;
  let account1: string;
  let account2: string;

  beforeAll(async () => {
    t = await startTestOrg({ multiCurrency: true, now: () => NOW });
    account1 = (await t.conn.sobject('Account').create({ Name: 'Euro partner', CurrencyIsoCode: 'EUR' })).id!;
    account2 = (await t.conn.sobject('Account').create({ Name: 'Home partner' })).id!;
    const opportunity = (name: string, amount: number, code: string | undefined, accountId: string) => ({
      Name: name,
      StageName: 'Prospecting',
      CloseDate: '2026-05-15',
      Amount: amount,
      AccountId: accountId,
      ...(code ? { CurrencyIsoCode: code } : {}),
    });
    const results = await t.conn
      .sobject('Opportunity')
      .create([
        opportunity('Euro deal', 900, 'EUR', account1),
        opportunity('Pound deal', 400, 'GBP', account1),
        opportunity('Yen deal', 30000, 'JPY', account1),
        opportunity('Dollar deal', 100, undefined, account2),
      ]);
    expect(results.every((r) => r.success)).toBe(true);
  });
  afterAll(() => t.close());

  it('describes CurrencyIsoCode on records as a picklist of the active currencies', async () => {
    for (const type of ['Account', 'Opportunity', 'Contact', 'Partner_Account_Plan__c']) {
      const field = (await t.conn.sobject(type).describe()).fields.find((f) => f.name === 'CurrencyIsoCode');
      expect(field).toMatchObject({ type: 'picklist', restrictedPicklist: true });
      expect(field!.picklistValues!.map((p) => [p.value, p.defaultValue])).toEqual([
        ['USD', true],
        ['EUR', false],
        ['GBP', false],
        ['JPY', false],
      ]);
    }
    const user = (await t.conn.sobject('User').describe()).fields.map((f) => f.name);
    expect(user).toEqual(expect.arrayContaining(['CurrencyIsoCode', 'DefaultCurrencyIsoCode']));
  });

  it('lists the currencies as CurrencyType records', async () => {
    const rows = await records(
      t.conn,
      'SELECT IsoCode, ConversionRate, DecimalPlaces, IsActive, IsCorporate FROM CurrencyType ORDER BY IsoCode',
    );
    expect(rows.map(({ attributes: _, ...rest }) => rest)).toEqual([
      { IsoCode: 'EUR', ConversionRate: 0.9, DecimalPlaces: 2, IsActive: true, IsCorporate: false },
      { IsoCode: 'GBP', ConversionRate: 0.8, DecimalPlaces: 2, IsActive: true, IsCorporate: false },
      { IsoCode: 'JPY', ConversionRate: 150, DecimalPlaces: 0, IsActive: true, IsCorporate: false },
      { IsoCode: 'USD', ConversionRate: 1, DecimalPlaces: 2, IsActive: true, IsCorporate: true },
    ]);
    // Without advanced currency management there are no dated rates.
    const error = await queryError(t.conn, 'SELECT Id FROM DatedConversionRate');
    expect(error.errorCode).toBe('INVALID_TYPE');
  });

  it('defaults a record to the corporate currency and refuses a currency the org does not have', async () => {
    const [home] = await records(t.conn, `SELECT CurrencyIsoCode FROM Account WHERE Id = '${account2}'`);
    expect(home.CurrencyIsoCode).toBe('USD');
    const [admin] = await records(t.conn, `SELECT DefaultCurrencyIsoCode FROM User WHERE Id = '${t.org.adminUserId}'`);
    expect(admin.DefaultCurrencyIsoCode).toBe('USD');
    await expect(t.conn.sobject('Account').create({ Name: 'Swiss', CurrencyIsoCode: 'CHF' })).rejects.toMatchObject({
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    });
  });

  it('returns amounts in the record currency, and in the corporate currency with convertCurrency()', async () => {
    const rows = await records(
      t.conn,
      'SELECT Name, CurrencyIsoCode, Amount, convertCurrency(Amount) usd FROM Opportunity ORDER BY Name',
    );
    expect(rows.map((r) => [r.Name, r.CurrencyIsoCode, r.Amount, r.usd])).toEqual([
      ['Dollar deal', 'USD', 100, 100],
      ['Euro deal', 'EUR', 900, 1000], // 900 / 0.9
      ['Pound deal', 'GBP', 400, 500], // 400 / 0.8
      ['Yen deal', 'JPY', 30000, 200], // 30000 / 150
    ]);
    const [unaliased] = await records(
      t.conn,
      "SELECT convertCurrency(Amount) FROM Opportunity WHERE Name = 'Euro deal'",
    );
    expect(unaliased.Amount).toBe(1000);
  });

  it('formats amounts with their currency and the corporate equivalent (FORMAT)', async () => {
    const rows = await records(
      t.conn,
      'SELECT Name, FORMAT(Amount), FORMAT(convertCurrency(Amount)) converted FROM Opportunity ORDER BY Name',
    );
    expect(rows.map((r) => [r.Amount, r.converted])).toEqual([
      ['USD 100.00', 'USD 100.00'],
      ['EUR 900.00 (USD 1,000.00)', 'USD 1,000.00'],
      ['GBP 400.00 (USD 500.00)', 'USD 500.00'],
      ['JPY 30,000 (USD 200.00)', 'USD 200.00'],
    ]);
  });

  it('computes aggregates of currency fields in the corporate currency', async () => {
    const [all] = await records(
      t.conn,
      'SELECT SUM(Amount) total, AVG(Amount) average, MIN(Amount) low, MAX(Amount) high, COUNT(Amount) n FROM Opportunity',
    );
    // 1000 + 500 + 200 + 100
    expect(all).toMatchObject({ total: 1800, average: 450, low: 100, high: 1000, n: 4 });
    const byAccount = await records(
      t.conn,
      'SELECT AccountId, SUM(Amount) total FROM Opportunity GROUP BY AccountId ORDER BY SUM(Amount) DESC',
    );
    expect(byAccount.map((r) => [r.AccountId, r.total])).toEqual([
      [account1, 1700],
      [account2, 100],
    ]);
    const byCurrency = await records(
      t.conn,
      'SELECT CurrencyIsoCode, SUM(Amount) total FROM Opportunity GROUP BY CurrencyIsoCode ORDER BY CurrencyIsoCode',
    );
    expect(byCurrency.map((r) => [r.CurrencyIsoCode, r.total])).toEqual([
      ['EUR', 1000],
      ['GBP', 500],
      ['JPY', 200],
      ['USD', 100],
    ]);
    const having = await records(
      t.conn,
      'SELECT AccountId, SUM(Amount) total FROM Opportunity GROUP BY AccountId HAVING SUM(Amount) > 1000',
    );
    expect(having.map((r) => r.AccountId)).toEqual([account1]);
    const [formatted] = await records(t.conn, 'SELECT FORMAT(SUM(Amount)) total FROM Opportunity');
    expect(formatted.total).toBe('USD 1,800.00');
  });

  it('compares amounts with currency-prefixed values after conversion; plain numbers as they are', async () => {
    const names = async (where: string) =>
      (await records(t.conn, `SELECT Name FROM Opportunity WHERE ${where} ORDER BY Name`)).map((r) => r.Name);
    expect(await names('Amount > USD500')).toEqual(['Euro deal']);
    expect(await names('Amount >= USD500')).toEqual(['Euro deal', 'Pound deal']);
    expect(await names('Amount = EUR450')).toEqual(['Pound deal']); // 450 / 0.9 = 500
    expect(await names('Amount IN (JPY30000, USD1000)')).toEqual(['Euro deal', 'Yen deal']);
    expect(await names('Amount != USD100')).toEqual(['Euro deal', 'Pound deal', 'Yen deal']);
    expect(await names('Amount > 500')).toEqual(['Euro deal', 'Yen deal']);
  });

  it.each([
    ['SELECT Name FROM Opportunity WHERE Amount > CHF5', 'invalid currency code in CHF5'],
    ['SELECT Name FROM Opportunity WHERE Amount IN (USD5, 7)', 'cannot mix currency-prefixed and plain values'],
    [
      'SELECT AccountId FROM Opportunity GROUP BY AccountId HAVING SUM(Amount) > USD5',
      'cannot be used with aggregate functions',
    ],
    ['SELECT convertCurrency(SUM(Amount)) FROM Opportunity', 'convertCurrency() cannot be used in an aggregate query'],
    [
      'SELECT AccountId, convertCurrency(Amount) FROM Opportunity GROUP BY AccountId',
      'convertCurrency() cannot be used in an aggregate query',
    ],
    ['SELECT Name FROM Opportunity ORDER BY convertCurrency(Amount)', 'unexpected token'],
  ])('%s is MALFORMED_QUERY', async (soql, message) => {
    const error = await queryError(t.conn, soql);
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toContain(message);
  });

  it('refuses convertCurrency() of a field that is not a currency', async () => {
    const error = await queryError(t.conn, 'SELECT convertCurrency(Name) FROM Opportunity');
    expect([error.errorCode, error.message]).toEqual([
      'INVALID_FIELD',
      expect.stringContaining('convertCurrency can only be used on currency fields: Name'),
    ]);
  });

  it("converts to the user's currency (User.DefaultCurrencyIsoCode); aggregates stay corporate", async () => {
    const euroUser = await createUser(t, { alias: 'euro' });
    await t.conn.sobject('User').update({ Id: euroUser.id, DefaultCurrencyIsoCode: 'EUR' });
    const rows = await records(
      euroUser.conn,
      'SELECT Name, convertCurrency(Amount) eur, FORMAT(Amount) shown, FORMAT(convertCurrency(Amount)) fc FROM Opportunity ORDER BY Name',
    );
    expect(rows.map((r) => [r.Name, r.eur, r.shown, r.fc])).toEqual([
      ['Dollar deal', 90, 'USD 100.00 (EUR 90.00)', 'EUR 90.00'], // 100 / 1 * 0.9
      ['Euro deal', 900, 'EUR 900.00', 'EUR 900.00'],
      ['Pound deal', 450, 'GBP 400.00 (EUR 450.00)', 'EUR 450.00'], // 400 / 0.8 * 0.9
      ['Yen deal', 180, 'JPY 30,000 (EUR 180.00)', 'EUR 180.00'], // 30000 / 150 * 0.9
    ]);
    const [sum] = await records(euroUser.conn, 'SELECT SUM(Amount) total FROM Opportunity');
    expect(sum.total).toBe(1800);
  });

  it('lets every user read the currencies, and write none of them', async () => {
    const standard = await createUser(t, { alias: 'standard' });
    const rows = await records(standard.conn, 'SELECT IsoCode FROM CurrencyType WHERE IsCorporate = true');
    expect(rows.map((r) => r.IsoCode)).toEqual(['USD']);
    await expect(t.conn.sobject('CurrencyType').create({ IsoCode: 'CHF', ConversionRate: 1.1 })).rejects.toMatchObject({
      errorCode: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
    });
  });
});

describe('advanced currency management (dated rates)', () => {
  let t: TestOrg;

  beforeAll(async () => {
    t = await startTestOrg({
      now: () => NOW,
      multiCurrency: {
        corporate: 'USD',
        currencies: [{ isoCode: 'EUR', conversionRate: 0.9 }],
        datedRates: [
          { isoCode: 'EUR', conversionRate: 0.8, startDate: '2026-01-01' },
          { isoCode: 'EUR', conversionRate: 0.5, startDate: '2026-07-01' },
        ],
      },
    });
    const opportunity = (name: string, amount: number, closeDate: string) => ({
      Name: name,
      StageName: 'Prospecting',
      CloseDate: closeDate,
      Amount: amount,
      CurrencyIsoCode: 'EUR',
    });
    await t.conn
      .sobject('Opportunity')
      .create([
        opportunity('Last year', 900, '2025-06-01'),
        opportunity('First half', 800, '2026-03-01'),
        opportunity('Start of second half', 500, '2026-07-01'),
      ]);
    await t.conn.sobject('Account').create({ Name: 'Euro account', CurrencyIsoCode: 'EUR', AnnualRevenue: 900 });
  });
  afterAll(() => t.close());

  it('keeps each currency’s dated ranges, each ending where the next starts', async () => {
    const rows = await records(
      t.conn,
      'SELECT IsoCode, ConversionRate, StartDate, NextStartDate FROM DatedConversionRate ORDER BY IsoCode, StartDate',
    );
    expect(rows.map(({ attributes: _, ...rest }) => rest)).toEqual([
      { IsoCode: 'EUR', ConversionRate: 0.9, StartDate: '0000-12-30', NextStartDate: '2026-01-01' },
      { IsoCode: 'EUR', ConversionRate: 0.8, StartDate: '2026-01-01', NextStartDate: '2026-07-01' },
      { IsoCode: 'EUR', ConversionRate: 0.5, StartDate: '2026-07-01', NextStartDate: '9999-12-31' },
      { IsoCode: 'USD', ConversionRate: 1, StartDate: '0000-12-30', NextStartDate: '9999-12-31' },
    ]);
  });

  it('converts opportunity amounts with the rate in effect on their CloseDate', async () => {
    const rows = await records(t.conn, 'SELECT Name, convertCurrency(Amount) usd FROM Opportunity ORDER BY CloseDate');
    expect(rows.map((r) => [r.Name, r.usd])).toEqual([
      ['Last year', 1000], // 900 / 0.9
      ['First half', 1000], // 800 / 0.8
      ['Start of second half', 1000], // 500 / 0.5: a range includes its start date
    ]);
    const [sum] = await records(t.conn, 'SELECT SUM(Amount) total FROM Opportunity');
    expect(sum.total).toBe(3000);
    expect((await records(t.conn, 'SELECT Name FROM Opportunity WHERE Amount > USD999')).length).toBe(3);
  });

  it('converts other objects with the static rate (CurrencyType)', async () => {
    const [account] = await records(t.conn, 'SELECT convertCurrency(AnnualRevenue) usd FROM Account');
    expect(account.usd).toBe(1000); // 900 / 0.9, not the dated 0.8 or 0.5
  });
});
