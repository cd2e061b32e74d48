/**
 * Conversions between the API's JSON values, the stored SQLite values and the API's output formats.
 * Storage keeps dates as 'YYYY-MM-DD', datetimes as ISO UTC 'YYYY-MM-DDTHH:MM:SS.sssZ', checkboxes as 0/1.
 */
import type { FieldModel } from '@partner-planning/model';
import type { SqlValue } from './sql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Days in a month of the proleptic Gregorian calendar (Date.UTC would read years 0-99 as 1900-1999). */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/**
 * Salesforce stores dates and datetimes from 1700-01-01T00:00:00Z to 4000-12-31T00:00:00Z GMT (SOQL and SOSL
 * Reference, "Minimum and Maximum Dates"); a write outside that range is refused.
 */
export const MIN_DATETIME = '1700-01-01T00:00:00.000Z';
export const MAX_DATETIME = '4000-12-31T00:00:00.000Z';

/** Whether a stored date ('YYYY-MM-DD') or datetime (ISO UTC) is inside Salesforce's range. */
export function inDateRange(stored: string): boolean {
  if (stored.length === 10) return stored >= MIN_DATETIME.slice(0, 10) && stored <= MAX_DATETIME.slice(0, 10);
  // toISOString writes years before 0 as '-00000Y...', which sorts before every '1700...' anyway.
  return stored >= MIN_DATETIME && stored <= MAX_DATETIME;
}

/** A calendar date 'YYYY-MM-DD', or undefined when the text is not one. */
export function parseDate(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m || !validYmd(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  return text;
}

/**
 * A Salesforce datetime (`2026-03-31T17:05:00.000+0000`, `...Z`, `+02:00`, no zone meaning UTC)
 * as stored ISO UTC, or undefined when the text is not one.
 */
export function parseDateTime(text: string): string | undefined {
  const m = DATETIME.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const s = Number(m[6] ?? 0);
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const digits = zone.replace(':', '');
    offsetMinutes = (digits[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  // setUTCFullYear keeps years 0-99 as written (Date.UTC would make them 1900-1999).
  const date = new Date(Date.UTC(2000, 0, 1, h, mi, s, ms));
  date.setUTCFullYear(y, mo - 1, d);
  return new Date(date.getTime() - offsetMinutes * 60_000).toISOString();
}

/** Stored ISO UTC to the REST output form `2026-03-31T17:05:00.000+0000`. */
export function formatDateTime(iso: string): string {
  return iso.endsWith('Z') ? `${iso.slice(0, -1)}+0000` : iso;
}

export const today = (now: Date): string => now.toISOString().slice(0, 10);

/** A compound address as the API returns it: its parts in alphabetical order, null when every part is. */
export type AddressValue = Record<string, string | number | null>;

/** An address from its parts' stored values (`city` → the BillingCity value). */
function addressOf(parts: Record<string, unknown>): AddressValue | null {
  const keys = Object.keys(parts).sort();
  if (keys.every((key) => parts[key] === null || parts[key] === undefined)) return null;
  return Object.fromEntries(keys.map((key) => [key, (parts[key] ?? null) as string | number | null]));
}

/** A compound field's value from a stored row's component columns. */
export function compoundValue(field: FieldModel, row: Record<string, SqlValue>): AddressValue | null {
  const components = field.compoundComponents ?? {};
  return addressOf(Object.fromEntries(Object.entries(components).map(([key, column]) => [key, row[column] ?? null])));
}

/** A stored value as the REST API returns it for this field. */
export function toApiValue(field: FieldModel, value: SqlValue): string | number | boolean | AddressValue | null {
  if (value === null || value === undefined) return field.type === 'Checkbox' ? false : null;
  switch (field.type) {
    case 'Address':
      // Queries select a compound field as the JSON object of its components (soql/scope.ts).
      return typeof value === 'string' ? addressOf(JSON.parse(value) as Record<string, unknown>) : null;
    case 'Checkbox':
      return value === 1 || value === '1';
    case 'DateTime':
      return typeof value === 'string' ? formatDateTime(value) : value;
    case 'Number':
    case 'Currency':
    case 'Percent':
    case 'Summary':
      return typeof value === 'number' ? value : Number(value);
    default:
      return value;
  }
}

/** Lengths the platform applies to text-like fields when metadata gives none. */
const DEFAULT_LENGTH: Partial<Record<FieldModel['type'], number>> = {
  Text: 255,
  TextArea: 255,
  LongTextArea: 131072,
  Html: 131072,
  Email: 80,
  Phone: 40,
  Url: 255,
  Picklist: 255,
  MultiselectPicklist: 4099,
  AutoNumber: 30,
};

/** The maximum length of a text-like field, or undefined for other types. */
export function maxLength(field: FieldModel): number | undefined {
  const platform = DEFAULT_LENGTH[field.type];
  return platform === undefined ? undefined : (field.length ?? platform);
}

/** Number of digits before the decimal point that a Number/Currency/Percent field accepts. */
export function integerDigits(field: FieldModel): number | undefined {
  if (field.precision === undefined) return undefined;
  return field.precision - (field.scale ?? 0);
}

/** Rounds half up to the field's scale, as the platform stores numbers. */
export function roundToScale(value: number, scale: number | undefined): number {
  if (scale === undefined) return value;
  const factor = 10 ** scale;
  return Math.sign(value) * (Math.round(Math.abs(value) * factor + Number.EPSILON) / factor);
}

/** Line and column (1-based) of a character offset, as the API reports JSON positions. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
