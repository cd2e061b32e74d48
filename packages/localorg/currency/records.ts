/**
 * The currency records a multi-currency org keeps in step with its settings on every start: one
 * CurrencyType per currency, the DatedConversionRate ranges of advanced currency management (each
 * currency's first range starts on 0000-12-30 and a range ends where the next one starts, the last on
 * 9999-12-31, as Salesforce keeps them), and the corporate currency on records that have none yet
 * (records written before the option was turned on, as enabling multi-currency does in an org).
 */
import { makeId } from '../ids';
import { quoteIdent } from '../sql';
import type { Storage } from '../storage';
import type { CurrencySettings, DatedRateSetting } from './model';

const FIRST_START = '0000-12-30';
const LAST_END = '9999-12-31';

/** Every currency's dated ranges: the static rate from the first day, then the given rates. */
function datedRanges(settings: CurrencySettings, given: DatedRateSetting[]) {
  return settings.currencies.flatMap((currency) => {
    const starts = [
      { conversionRate: currency.conversionRate, startDate: FIRST_START },
      ...given.filter((r) => r.isoCode === currency.isoCode),
    ].sort((a, b) => a.startDate.localeCompare(b.startDate));
    return starts.map((r, i) => ({
      isoCode: currency.isoCode,
      conversionRate: r.conversionRate,
      startDate: r.startDate,
      nextStartDate: starts[i + 1]?.startDate ?? LAST_END,
    }));
  });
}

export function ensureCurrencyRecords(storage: Storage, settings: CurrencySettings, now: Date): void {
  const { schema } = storage;
  const currencyType = schema.objects.get('CurrencyType');
  if (!currencyType) throw new Error('the multi-currency model has no CurrencyType object');
  const dated = schema.objects.get('DatedConversionRate');
  const stamp = now.toISOString();
  const audit = { IsDeleted: 0, CreatedDate: stamp, LastModifiedDate: stamp, SystemModstamp: stamp };
  storage.db.transaction(() => {
    storage.db.prepare(`DELETE FROM ${quoteIdent(currencyType.table)}`).run();
    settings.currencies.forEach((c, i) =>
      storage.insertRow(currencyType, {
        Id: makeId(currencyType.keyPrefix, i + 1),
        IsoCode: c.isoCode,
        ConversionRate: c.conversionRate,
        DecimalPlaces: c.decimalPlaces,
        IsActive: c.isActive ? 1 : 0,
        IsCorporate: c.isoCode === settings.corporate ? 1 : 0,
        ...audit,
      }),
    );
    if (dated) {
      storage.db.prepare(`DELETE FROM ${quoteIdent(dated.table)}`).run();
      datedRanges(settings, settings.datedRates ?? []).forEach((r, i) =>
        storage.insertRow(dated, {
          Id: makeId(dated.keyPrefix, i + 1),
          IsoCode: r.isoCode,
          ConversionRate: r.conversionRate,
          StartDate: r.startDate,
          NextStartDate: r.nextStartDate,
          ...audit,
        }),
      );
    }
    for (const obj of schema.objects.values()) {
      for (const name of ['CurrencyIsoCode', 'DefaultCurrencyIsoCode']) {
        const field = obj.fields.get(name);
        if (!field) continue;
        const column = quoteIdent(field.column);
        storage.db
          .prepare(`UPDATE ${quoteIdent(obj.table)} SET ${column} = ? WHERE ${column} IS NULL`)
          .run(settings.corporate);
      }
    }
  })();
}
