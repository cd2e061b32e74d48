/**
 * FORMAT(): values as the user's locale shows them, here the org's default locale en_US in the org's
 * time zone (GMT): numbers with grouping and the field's decimals ("1,234.50"), percents ("12.50%"),
 * currencies ("$44,000.00"; in a multi-currency org "EUR 1,500.00", followed by the amount in the
 * user's currency when the record's differs: "EUR 1,500.00 (USD 1,666.67)"), dates ("12/28/2015") and
 * datetimes ("4/10/2025, 3:31 PM"), as the SOQL reference shows them. Other values are returned as they are.
 */
import type { FieldModel } from '@partner-planning/model';
import type { CurrencyInfo } from '../currency/sql';

const LOCALE = 'en-US';
const TIME_ZONE = 'UTC';

const number = (value: number, decimals: number): string =>
  value.toLocaleString(LOCALE, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

export function formatDate(value: string): string {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  return `${m}/${d}/${y}`;
}

export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(LOCALE, {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}

/** What a currency amount is formatted with: the org's currencies (multi-currency) and the record's code. */
export interface CurrencyContext {
  currencies?: Map<string, CurrencyInfo>;
  /** The record's CurrencyIsoCode; the user's or corporate currency for converted and aggregated values. */
  code?: string;
  /** The user's currency (the corporate one if absent). */
  user?: CurrencyInfo;
  /** The amount in the user's currency, shown after a record amount in another currency. */
  converted?: number | null;
}

function formatCurrency(value: number, scale: number, context: CurrencyContext): string {
  const { currencies, code } = context;
  const corporate = currencies && [...currencies.values()].find((c) => c.isCorporate);
  if (!currencies || !corporate) {
    return value.toLocaleString(LOCALE, {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: scale,
      maximumFractionDigits: scale,
    });
  }
  const own = currencies.get(code ?? corporate.isoCode) ?? corporate;
  const user = context.user ?? corporate;
  const text = `${own.isoCode} ${number(value, own.decimalPlaces)}`;
  if (own.isoCode === user.isoCode || context.converted === undefined || context.converted === null) return text;
  return `${text} (${user.isoCode} ${number(context.converted, user.decimalPlaces)})`;
}

/** A value of a field of type `model.type` (or the type an aggregate returns) as FORMAT() returns it. */
export function formatValue(model: FieldModel, value: unknown, context: CurrencyContext = {}): unknown {
  if (value === null || value === undefined) return null;
  const scale = model.scale ?? 0;
  switch (model.type) {
    case 'Currency':
      return typeof value === 'number' ? formatCurrency(value, scale, context) : value;
    case 'Number':
    case 'Summary':
      return typeof value === 'number' ? number(value, scale) : value;
    case 'Percent':
      return typeof value === 'number' ? `${number(value, scale)}%` : value;
    case 'Date':
      return typeof value === 'string' ? formatDate(value) : value;
    case 'DateTime':
      return typeof value === 'string' ? formatDateTime(value) : value;
    default:
      return value;
  }
}
