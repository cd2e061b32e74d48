/**
 * Values and labels of report cells, aggregates and groupings, as the Analytics API gives them for an
 * en_US user in a single-currency (USD) org: a currency cell's value is `{amount, currency}`, a lookup's is
 * the referenced Id with its name as the label, a picklist's is the API value with its label, dates are
 * ISO values with `M/D/YYYY` labels, and an empty cell is `{label: '-', value: null}`.
 */
import type { ReportColumn } from './columns';

export interface Cell {
  label: string;
  value: unknown;
}

const EMPTY: Cell = { label: '-', value: null };

const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

function decimals(value: number, scale: number | undefined): string {
  const digits = scale ?? (Number.isInteger(value) ? 0 : 2);
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** `3/31/2026` from `2026-03-31`. */
export function dateLabel(day: string): string {
  const [y, m, d] = day.slice(0, 10).split('-');
  return `${Number(m)}/${Number(d)}/${y}`;
}

function dateTimeLabel(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = at.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  return `${dateLabel(at.toISOString())}, ${time}`;
}

/** A datetime value as the Analytics API writes it (`2026-03-31T10:00:00Z`). */
const isoDateTime = (raw: string): string => {
  const at = new Date(raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(at.getTime()) ? raw : at.toISOString().replace('.000Z', 'Z');
};

/** A number's label in the column's type (currency, percent, number with the field's scale). */
export function numberLabel(dataType: string, value: number, scale?: number): string {
  if (dataType === 'currency') return currency.format(value);
  if (dataType === 'percent') return `${decimals(value, scale)}%`;
  if (dataType === 'int') return decimals(value, 0);
  return decimals(value, scale);
}

const NUMERIC = new Set(['currency', 'percent', 'double', 'int']);
export const isNumeric = (dataType: string): boolean => NUMERIC.has(dataType);

/** The label of a picklist value (its API value when the value is not in the field's list). */
function picklistLabel(column: ReportColumn, value: string): string {
  return column.field.picklist?.values.find((v) => v.value === value)?.label ?? value;
}

/** One detail cell of a column, from the raw value (and, for a lookup, the referenced record's name). */
export function cellOf(column: ReportColumn, raw: unknown, name?: unknown): Cell {
  if (raw === null || raw === undefined || raw === '') return EMPTY;
  if (column.isLookup) return { label: typeof name === 'string' && name !== '' ? name : String(raw), value: raw };
  switch (column.dataType) {
    case 'currency':
      return { label: currency.format(Number(raw)), value: { amount: Number(raw), currency: null } };
    case 'percent':
    case 'double':
    case 'int':
      return { label: numberLabel(column.dataType, Number(raw), column.field.scale), value: Number(raw) };
    case 'date':
      return { label: dateLabel(String(raw)), value: String(raw).slice(0, 10) };
    case 'datetime': {
      const value = isoDateTime(String(raw));
      return { label: dateTimeLabel(value), value };
    }
    case 'boolean':
      return { label: raw === true ? 'true' : 'false', value: raw === true };
    case 'picklist':
      return { label: picklistLabel(column, String(raw)), value: String(raw) };
    case 'multipicklist':
      return {
        label: String(raw)
          .split(';')
          .map((v) => picklistLabel(column, v))
          .join('; '),
        value: String(raw),
      };
    default:
      return { label: String(raw), value: String(raw) };
  }
}

/** An aggregate's `{label, value}`: value a number (null when nothing was summarized), label formatted. */
export function aggregateCell(dataType: string, value: number | string | null, scale?: number): Cell {
  if (value === null) return EMPTY;
  if (typeof value === 'string') return { label: dataType === 'date' ? dateLabel(value) : value, value };
  return { label: numberLabel(dataType, value, dataType === 'int' ? 0 : scale), value };
}
