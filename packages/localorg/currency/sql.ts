/**
 * Currency conversion in SQL for the SOQL engine of a multi-currency org. A currency field's value is in
 * its record's CurrencyIsoCode; CurrencyType.ConversionRate is units of a currency per unit of the corporate
 * currency, so value / rate is the value in the corporate currency. With advanced currency management
 * (DatedConversionRate present), an opportunity converts with the dated rate whose range holds its CloseDate.
 */
import type { FieldSchema, ObjectSchema, OrgSchema } from '../schema';
import { quoteIdent } from '../sql';

export interface CurrencyInfo {
  isoCode: string;
  conversionRate: number;
  decimalPlaces: number;
  isActive: boolean;
  isCorporate: boolean;
}

/** The org has multiple currencies (the option adds CurrencyType to the schema). */
export const isMultiCurrency = (schema: OrgSchema): boolean => schema.objects.has('CurrencyType');

/** Objects whose currency fields convert with dated rates, and the date field that picks the rate. */
const DATED_BY: Record<string, string> = { Opportunity: 'CloseDate' };

/**
 * The rate of the currency of the record of `obj` read through table alias `alias`; undefined in a
 * single-currency org or for an object without a currency.
 */
export function recordRateSql(schema: OrgSchema, obj: ObjectSchema, alias: string): string | undefined {
  const iso = obj.fields.get('CurrencyIsoCode');
  return iso && rateSql(schema, obj, alias, `${alias}.${quoteIdent(iso.column)}`);
}

/**
 * The rate of the currency whose code `code` (SQL) gives, for a record of `obj` read through `alias`: the
 * dated rate on the record's date where dated rates apply to `obj`, else CurrencyType's.
 */
export function rateSql(schema: OrgSchema, obj: ObjectSchema, alias: string, code: string): string | undefined {
  const currencyType = schema.objects.get('CurrencyType');
  if (!currencyType) return undefined;
  const fixed = `(SELECT "ConversionRate" FROM ${quoteIdent(currencyType.table)} WHERE "IsoCode" = ${code})`;
  const dated = schema.objects.get('DatedConversionRate');
  const dateField = DATED_BY[obj.name] ? obj.fields.get(DATED_BY[obj.name]) : undefined;
  if (!dated || !dateField) return fixed;
  const day = `${alias}.${quoteIdent(dateField.column)}`;
  const range = `"IsoCode" = ${code} AND "IsDeleted" = 0 AND "StartDate" <= ${day} AND "NextStartDate" > ${day}`;
  return `COALESCE((SELECT "ConversionRate" FROM ${quoteIdent(dated.table)} WHERE ${range}), ${fixed})`;
}

/** The value of a currency field in the corporate currency, or undefined when nothing converts. */
export function toCorporateSql(
  schema: OrgSchema,
  field: FieldSchema,
  valueSql: string,
  recordAlias: string,
): string | undefined {
  if (field.model.type !== 'Currency') return undefined;
  const obj = schema.objects.get(field.model.objectApiName);
  const rate = obj && recordRateSql(schema, obj, recordAlias);
  return rate ? `(${valueSql} / ${rate})` : undefined;
}

/**
 * The value of a currency field in the currency `target` (the user's): through the corporate currency,
 * with the rates that apply to the record (dated ones for opportunities). `bind` binds the target's code.
 */
export function toCurrencySql(
  schema: OrgSchema,
  field: FieldSchema,
  valueSql: string,
  recordAlias: string,
  target: CurrencyInfo | undefined,
  bind: (value: unknown) => string,
): string | undefined {
  const corporate = toCorporateSql(schema, field, valueSql, recordAlias);
  const obj = schema.objects.get(field.model.objectApiName);
  if (!corporate || !obj || !target || target.isCorporate) return corporate;
  return `(${corporate} * ${rateSql(schema, obj, recordAlias, bind(target.isoCode))})`;
}

/** The org's currencies, read once per query (for formatting and currency-prefixed literals). */
export function readCurrencies(
  schema: OrgSchema,
  all: (sql: string) => unknown[],
): Map<string, CurrencyInfo> | undefined {
  const currencyType = schema.objects.get('CurrencyType');
  if (!currencyType) return undefined;
  const rows = all(
    `SELECT "IsoCode", "ConversionRate", "DecimalPlaces", "IsActive", "IsCorporate" FROM ${quoteIdent(currencyType.table)}`,
  ) as { IsoCode: string; ConversionRate: number; DecimalPlaces: number; IsActive: number; IsCorporate: number }[];
  return new Map(
    rows.map((r) => [
      r.IsoCode,
      {
        isoCode: r.IsoCode,
        conversionRate: r.ConversionRate,
        decimalPlaces: r.DecimalPlaces,
        isActive: r.IsActive === 1,
        isCorporate: r.IsCorporate === 1,
      },
    ]),
  );
}

export function corporateOf(currencies: Map<string, CurrencyInfo>): CurrencyInfo | undefined {
  return [...currencies.values()].find((c) => c.isCorporate);
}
