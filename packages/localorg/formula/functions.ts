/**
 * The formula functions whose arguments are plain values (ABS, ROUND, LEFT, CONTAINS, DATE, ADDMONTHS, ...):
 * their parameter and result types and their implementation, with the date and number helpers they and the
 * operators share. Functions with their own typing rules (IF, CASE, ISPICKVAL, ...) are in compile.ts.
 */
import { asText, isBlank, n, s, type FormulaType, type Value } from './types';

export const DAY_MS = 86_400_000;

export const epochDays = (date: string): number =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
export const fromEpochDays = (days: number): string => new Date(Math.round(days) * DAY_MS).toISOString().slice(0, 10);

/** TEXT() of a number: no exponent, no trailing zeros. */
export function numberText(n: number): string {
  if (Number.isInteger(n)) return n.toFixed(0);
  return n.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
}

/** ROUND() rounds half away from zero, as the platform does. */
function round(n: number, digits: number): number {
  const factor = 10 ** Math.trunc(digits);
  return (Math.sign(n) * Math.round(Math.abs(n) * factor + Number.EPSILON * factor)) / factor;
}

function addMonths(date: string, months: number): string {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7) - 1 + Math.trunc(months);
  const d = +date.slice(8, 10);
  const target = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

function makeDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Functions whose arguments are plain values: their types and their implementation on non-blank arguments. */
export interface SimpleFunction {
  params: FormulaType[];
  /** Further arguments of the last parameter's type (MAX, MIN). */
  variadic?: boolean;
  result: FormulaType;
  /** Called with every argument non-blank unless `blanks` is set. */
  apply: (args: Value[]) => Value;
  blanks?: boolean;
}

export const SIMPLE: Record<string, SimpleFunction> = {
  ABS: { params: ['number'], result: 'number', apply: ([a]) => Math.abs(n(a)) },
  CEILING: { params: ['number'], result: 'number', apply: ([a]) => Math.ceil(n(a)) },
  FLOOR: { params: ['number'], result: 'number', apply: ([a]) => Math.floor(n(a)) },
  ROUND: { params: ['number', 'number'], result: 'number', apply: ([a, d]) => round(n(a), n(d)) },
  MOD: { params: ['number', 'number'], result: 'number', apply: ([a, b]) => (n(b) === 0 ? null : n(a) % n(b)) },
  MAX: { params: ['number'], variadic: true, result: 'number', apply: (args) => Math.max(...args.map(n)) },
  MIN: { params: ['number'], variadic: true, result: 'number', apply: (args) => Math.min(...args.map(n)) },
  LEN: { params: ['text'], result: 'number', blanks: true, apply: ([a]) => asText(a).length },
  UPPER: { params: ['text'], result: 'text', apply: ([a]) => s(a).toUpperCase() },
  LOWER: { params: ['text'], result: 'text', apply: ([a]) => s(a).toLowerCase() },
  TRIM: { params: ['text'], result: 'text', apply: ([a]) => s(a).trim() },
  LEFT: { params: ['text', 'number'], result: 'text', apply: ([a, k]) => s(a).slice(0, Math.max(0, n(k))) },
  RIGHT: {
    params: ['text', 'number'],
    result: 'text',
    apply: ([a, k]) => (n(k) <= 0 ? '' : s(a).slice(-Math.trunc(n(k)))),
  },
  MID: {
    params: ['text', 'number', 'number'],
    result: 'text',
    apply: ([a, start, k]) => s(a).substr(Math.max(0, n(start) - 1), Math.max(0, n(k))),
  },
  CONTAINS: {
    params: ['text', 'text'],
    result: 'boolean',
    blanks: true,
    apply: ([a, b]) => asText(a).includes(asText(b)),
  },
  BEGINS: {
    params: ['text', 'text'],
    result: 'boolean',
    blanks: true,
    apply: ([a, b]) => asText(a).startsWith(asText(b)),
  },
  SUBSTITUTE: {
    params: ['text', 'text', 'text'],
    result: 'text',
    blanks: true,
    apply: ([a, from, to]) => (isBlank(a) ? null : isBlank(from) ? a : s(a).split(s(from)).join(asText(to))),
  },
  VALUE: {
    params: ['text'],
    result: 'number',
    apply: ([a]) => (/^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/.test(s(a)) ? Number(s(a)) : null),
  },
  YEAR: { params: ['date'], result: 'number', apply: ([d]) => +s(d).slice(0, 4) },
  MONTH: { params: ['date'], result: 'number', apply: ([d]) => +s(d).slice(5, 7) },
  DAY: { params: ['date'], result: 'number', apply: ([d]) => +s(d).slice(8, 10) },
  DATE: { params: ['number', 'number', 'number'], result: 'date', apply: ([y, m, d]) => makeDate(n(y), n(m), n(d)) },
  ADDMONTHS: { params: ['date', 'number'], result: 'date', apply: ([d, k]) => addMonths(s(d), n(k)) },
  DATEVALUE: { params: ['datetime'], result: 'date', apply: ([d]) => s(d).slice(0, 10) },
};

/** Functions that need the record's save context: validation rules only. */
export const CONTEXT_FUNCTIONS = new Set(['ISNEW', 'ISCHANGED', 'PRIORVALUE']);
