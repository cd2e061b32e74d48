/**
 * The rollup in a multi-currency org (USD corporate; EUR 0.9, GBP 0.8, JPY 150 per USD): a EUR plan's targets
 * are in EUR (inherited from the plan), aggregates come back in USD, and Currency-unit actuals are converted
 * into the target's currency; counts are not. Then advanced currency management: opportunity amounts reach
 * the corporate currency with the dated rate of their close date, and the rollup converts the USD total into
 * the target's currency with the CurrencyType rate. Figures as of 2026-02-14 (Q1 half elapsed).
 */
import type { Connection } from 'jsforce';
import type { MultiCurrencyOptions } from '../../packages/localorg/currency/model';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { create, rollupAsOf, targetValues } from '../support/rollup';

const AS_OF = '2026-02-14';
const Q1 = { Period_Type__c: 'Quarter', Period_Start__c: '2026-01-01', Period_End__c: '2026-03-31' };

/** A EUR plan of a partner, with a section for targets. */
async function euroPlan(conn: Connection): Promise<{ partner: string; section: string }> {
  const partner = await create(conn, 'Account', { Name: 'Partner', Partner_Type__c: 'Reseller' });
  const plan = await create(conn, 'Partner_Account_Plan__c', {
    Name: 'Euro plan',
    Partner_Account__c: partner,
    Period_Start__c: '2026-01-01',
    Period_End__c: '2026-12-31',
    CurrencyIsoCode: 'EUR',
  });
  const section = await create(conn, 'Plan_Section__c', { Name: 'Sales', Partner_Account_Plan__c: plan });
  return { partner, section };
}

const won = (conn: Connection, partner: string, close: string, amount: number, code: string) =>
  create(conn, 'Opportunity', {
    Name: `${code} ${amount}`,
    StageName: 'Closed Won',
    CloseDate: close,
    Amount: amount,
    CurrencyIsoCode: code,
    Partner_Account__c: partner,
  });

async function withOrg(multiCurrency: true | MultiCurrencyOptions, body: (t: TestOrg) => Promise<void>) {
  const t = await startTestOrg({ multiCurrency });
  try {
    await body(t);
  } finally {
    await t.close();
  }
}

describe('rollup in a multi-currency org', () => {
  it("converts Currency-unit actuals into the target's currency, and leaves counts alone", async () => {
    await withOrg(true, async (t) => {
      const { partner, section } = await euroPlan(t.conn);
      const target = (metric: string, value: number) =>
        create(t.conn, 'Plan_Target__c', {
          Plan_Section__c: section,
          Metric__c: metric,
          ...Q1,
          Target_Value__c: value,
        });
      const revenue = await target('Closed_Won_Revenue', 3060);
      const average = await target('Average_Deal_Size', 500);
      const deals = await target('Closed_Won_Deals', 6);
      // USD 500 + EUR 900 (USD 1,000) + JPY 30,000 (USD 200) = USD 1,700 in the corporate currency.
      await won(t.conn, partner, '2026-01-10', 500, 'USD');
      await won(t.conn, partner, '2026-01-20', 900, 'EUR');
      await won(t.conn, partner, '2026-02-01', 30000, 'JPY');
      const report = await rollupAsOf(t, AS_OF);
      expect(report.metrics.filter((m) => m.error)).toEqual([]);

      const target0 = (await t.conn.sobject('Plan_Target__c').retrieve(revenue)) as unknown as Record<string, unknown>;
      expect(target0.CurrencyIsoCode).toBe('EUR');
      // USD 1,700 x 0.9 = EUR 1,530, half of EUR 3,060 at half the quarter.
      expect(await targetValues(t.conn, revenue)).toEqual({
        Actual_Value__c: 1530,
        Attainment__c: 50,
        Expected_To_Date__c: 1530,
        Pace_Status__c: 'On Track',
      });
      // USD 1,700 / 3 deals x 0.9 = EUR 510 against EUR 500.
      expect(await targetValues(t.conn, average)).toEqual({
        Actual_Value__c: 510,
        Attainment__c: 102,
        Expected_To_Date__c: 500,
        Pace_Status__c: 'On Track',
      });
      expect((await targetValues(t.conn, deals)).Actual_Value__c).toBe(3);
    });
  });

  it('converts opportunity amounts with dated rates into the corporate currency, then into the target currency', async () => {
    // EUR is worth more from February: 0.8 EUR per USD.
    await withOrg({ datedRates: [{ isoCode: 'EUR', conversionRate: 0.8, startDate: '2026-02-01' }] }, async (t) => {
      const { partner, section } = await euroPlan(t.conn);
      const revenue = await create(t.conn, 'Plan_Target__c', {
        Plan_Section__c: section,
        Metric__c: 'Closed_Won_Revenue',
        ...Q1,
        Target_Value__c: 4000,
      });
      // EUR 900 on Jan 10 at 0.9 = USD 1,000; EUR 800 on Feb 10 at 0.8 = USD 1,000: USD 2,000 in all.
      await won(t.conn, partner, '2026-01-10', 900, 'EUR');
      await won(t.conn, partner, '2026-02-10', 800, 'EUR');
      await rollupAsOf(t, AS_OF);
      // USD 2,000 x 0.9 (CurrencyType's rate) = EUR 1,800 of 4,000; 2,000 expected by now: 90 %, On Track.
      expect(await targetValues(t.conn, revenue)).toEqual({
        Actual_Value__c: 1800,
        Attainment__c: 45,
        Expected_To_Date__c: 2000,
        Pace_Status__c: 'On Track',
      });
    });
  });
});
