/**
 * Currency in the rollup. In a multi-currency org a target is in its plan's currency (Plan_Target__c's
 * CurrencyIsoCode, inherited from its master), while aggregate queries return currency amounts in the
 * corporate currency; a Currency-unit metric's actual is converted into the target's currency with
 * CurrencyType.ConversionRate (units per unit of the corporate currency). A single-currency org has no
 * CurrencyIsoCode field, and nothing converts.
 */
import type { OrgSession } from '../connection';
import { queryAll } from '../query';
import type { MetricDefinition } from './catalog';

export interface OrgCurrencies {
  corporate: string;
  /** ISO code -> units per unit of the corporate currency. */
  rates: Map<string, number>;
}

/** The org's currencies, read once per run; undefined in a single-currency org. */
export async function readCurrencies(session: OrgSession): Promise<OrgCurrencies | undefined> {
  const described = await session.conn.sobject('Plan_Target__c').describe();
  if (!described.fields.some((f) => f.name === 'CurrencyIsoCode')) return undefined;
  const rows = await queryAll<{ IsoCode: string; ConversionRate: number; IsCorporate: boolean }>(
    session,
    'SELECT IsoCode, ConversionRate, IsCorporate FROM CurrencyType',
  );
  const corporate = rows.find((r) => r.IsCorporate);
  if (!corporate) throw new Error('CurrencyType has no corporate currency');
  return { corporate: corporate.IsoCode, rates: new Map(rows.map((r) => [r.IsoCode, r.ConversionRate])) };
}

/** A metric's value (in the corporate currency when its unit is Currency) in the currency `code`. */
export function inCurrency(
  value: number | null,
  metric: MetricDefinition,
  code: string | null | undefined,
  currencies: OrgCurrencies | undefined,
): number | null {
  if (value === null || !currencies || metric.unit !== 'Currency' || !code || code === currencies.corporate)
    return value;
  const rate = currencies.rates.get(code);
  if (rate === undefined) throw new Error(`no conversion rate for ${code} in CurrencyType`);
  return value * rate;
}
