/**
 * Report filters evaluated on report rows, as the report builder defines them: `equals` and `notEqual` take a
 * comma-separated list (any / none of the values), an empty value means blank, text compares without case,
 * picklists and lookups match their value or label, checkboxes take 1/0 or true/false, numbers may carry
 * thousands separators, and dates take a day (`2026-03-31`) or a relative date (`THIS_FISCAL_QUARTER`,
 * `LAST_N_DAYS:14`) whose range `lessThan` means "before" and `greaterThan` "after". The filter logic
 * (`1 AND (2 OR 3)`) combines the numbered filters; like Salesforce, it must reference every filter and put
 * parentheses between AND and OR.
 */
import { dateLiteralRange } from '../soql/dates';
import type { FiscalCalendar } from '../fiscal';
import { SalesforceError } from '../errors';
import type { ReportColumn } from './columns';

export interface FilterSpec {
  column: string;
  operator: string;
  value?: string | null;
}

export interface DateContext {
  now: Date;
  fiscalStartMonth: number;
  calendar?: FiscalCalendar;
}

/** Reads a column's raw value and, for lookups and picklists, its label, from a row. */
export type CellReader = (row: unknown, column: ReportColumn) => { raw: unknown; label?: string };

type Test = (raw: unknown, label: string | undefined) => boolean;

const badRequest = (message: string): SalesforceError => new SalesforceError(400, 'BAD_REQUEST', message);

/** The report builder's filter operators, in its order. */
export const FILTER_OPERATORS = [
  'equals',
  'notEqual',
  'lessThan',
  'greaterThan',
  'lessOrEqual',
  'greaterOrEqual',
  'contains',
  'notContain',
  'startsWith',
  'includes',
  'excludes',
] as const;
const OPERATORS: ReadonlySet<string> = new Set(FILTER_OPERATORS);

/** `a,"b,c",d` → [a, b,c, d]: values holding a comma are quoted. */
export function splitValues(text: string): string[] {
  const values: string[] = [];
  const pattern = /\s*(?:"((?:[^"]|"")*)"|([^,]*))\s*(?:,|$)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null && match.index < text.length) {
    values.push(match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2].trim());
    if (pattern.lastIndex === match.index) pattern.lastIndex++;
  }
  return values;
}

const isBlank = (raw: unknown): boolean => raw === null || raw === undefined || raw === '';

/** A day range [start, end) for a date filter value: a day, a datetime, or a relative date. */
function dayRange(text: string, column: string, dates: DateContext): { start: string; end: string } {
  const trimmed = text.trim();
  const literal = /^([A-Z_0-9]+?)(?::(\d+))?$/i.exec(trimmed);
  if (literal && !/^\d/.test(trimmed)) {
    const range = dateLiteralRange(
      literal[1].toUpperCase(),
      literal[2] === undefined ? undefined : Number(literal[2]),
      dates.now,
      dates.fiscalStartMonth,
      dates.calendar,
    );
    if (range) return range;
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(trimmed);
  const parsed = day ? new Date(`${day[1]}-${day[2]}-${day[3]}T00:00:00Z`) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime())) {
    throw badRequest(`The filter value ${trimmed} on ${column} isn't a valid date or relative date.`);
  }
  const next = new Date(parsed.getTime() + 86_400_000).toISOString().slice(0, 10);
  return { start: parsed.toISOString().slice(0, 10), end: next };
}

function dateTest(column: ReportColumn, operator: string, values: string[], dates: DateContext): Test {
  const ranges = values.map((v) => dayRange(v, column.name, dates));
  const dayOf = (raw: unknown): string => String(raw).slice(0, 10);
  const within = (d: string): boolean => ranges.some((r) => d >= r.start && d < r.end);
  const first = ranges[0];
  switch (operator) {
    case 'equals':
      return (raw) => !isBlank(raw) && within(dayOf(raw));
    case 'notEqual':
      return (raw) => isBlank(raw) || !within(dayOf(raw));
    case 'lessThan':
      return (raw) => !isBlank(raw) && dayOf(raw) < first.start;
    case 'greaterThan':
      return (raw) => !isBlank(raw) && dayOf(raw) >= first.end;
    case 'lessOrEqual':
      return (raw) => !isBlank(raw) && dayOf(raw) < first.end;
    case 'greaterOrEqual':
      return (raw) => !isBlank(raw) && dayOf(raw) >= first.start;
    default:
      throw badRequest(`The operator ${operator} can't be used on the date column ${column.name}.`);
  }
}

function numberTest(column: ReportColumn, operator: string, values: string[]): Test {
  const numbers = values.map((v) => {
    const n = Number(v.replace(/[,$%\s]/g, ''));
    if (v.trim() === '' || !Number.isFinite(n)) {
      throw badRequest(`The filter value ${v} on ${column.name} isn't a valid number.`);
    }
    return n;
  });
  const first = numbers[0];
  const num = (raw: unknown): number => Number(raw);
  switch (operator) {
    case 'equals':
      return (raw) => !isBlank(raw) && numbers.includes(num(raw));
    case 'notEqual':
      return (raw) => isBlank(raw) || !numbers.includes(num(raw));
    case 'lessThan':
      return (raw) => !isBlank(raw) && num(raw) < first;
    case 'greaterThan':
      return (raw) => !isBlank(raw) && num(raw) > first;
    case 'lessOrEqual':
      return (raw) => !isBlank(raw) && num(raw) <= first;
    case 'greaterOrEqual':
      return (raw) => !isBlank(raw) && num(raw) >= first;
    default:
      throw badRequest(`The operator ${operator} can't be used on the number column ${column.name}.`);
  }
}

function booleanTest(column: ReportColumn, operator: string, values: string[]): Test {
  const wanted = values.map((v) => {
    const t = v.trim().toLowerCase();
    if (t === '1' || t === 'true') return true;
    if (t === '0' || t === 'false') return false;
    throw badRequest(`The filter value ${v} on ${column.name} isn't a valid checkbox value (true, false, 1 or 0).`);
  });
  if (operator === 'equals') return (raw) => wanted.includes(raw === true);
  if (operator === 'notEqual') return (raw) => !wanted.includes(raw === true);
  throw badRequest(`The operator ${operator} can't be used on the checkbox column ${column.name}.`);
}

function textTest(column: ReportColumn, operator: string, values: string[]): Test {
  const wanted = values.map((v) => v.toLowerCase());
  const texts = (raw: unknown, label: string | undefined): string[] =>
    [raw, label].filter((t) => typeof t === 'string').map((t) => t.toLowerCase());
  const matches = (raw: unknown, label: string | undefined): boolean =>
    texts(raw, label).some((t) => wanted.includes(t));
  const parts = (raw: unknown): string[] => (isBlank(raw) ? [] : String(raw).toLowerCase().split(';'));
  switch (operator) {
    case 'equals':
      return matches;
    case 'notEqual':
      return (raw, label) => !matches(raw, label);
    case 'contains':
      return (raw, label) => texts(raw, label).some((t) => wanted.some((w) => t.includes(w)));
    case 'notContain':
      return (raw, label) => !texts(raw, label).some((t) => wanted.some((w) => t.includes(w)));
    case 'startsWith':
      return (raw, label) => texts(raw, label).some((t) => wanted.some((w) => t.startsWith(w)));
    case 'includes':
      return (raw) => parts(raw).some((p) => wanted.includes(p));
    case 'excludes':
      return (raw) => !parts(raw).some((p) => wanted.includes(p));
    case 'lessThan':
      return (raw) => !isBlank(raw) && String(raw).toLowerCase() < wanted[0];
    case 'greaterThan':
      return (raw) => !isBlank(raw) && String(raw).toLowerCase() > wanted[0];
    case 'lessOrEqual':
      return (raw) => !isBlank(raw) && String(raw).toLowerCase() <= wanted[0];
    case 'greaterOrEqual':
      return (raw) => !isBlank(raw) && String(raw).toLowerCase() >= wanted[0];
    default:
      throw badRequest(`The operator ${operator} can't be used on the column ${column.name}.`);
  }
}

/** One filter as a test of a row's cell. */
export function compileFilter(column: ReportColumn, filter: FilterSpec, dates: DateContext): Test {
  if (!OPERATORS.has(filter.operator)) {
    throw badRequest(`The filter operator ${filter.operator} on ${column.name} isn't valid.`);
  }
  const text = filter.value ?? '';
  if (text.trim() === '') {
    if (filter.operator === 'equals') return (raw) => isBlank(raw);
    if (filter.operator === 'notEqual') return (raw) => !isBlank(raw);
  }
  const values = splitValues(text);
  if (column.isLookup) return textTest(column, filter.operator, values);
  switch (column.dataType) {
    case 'date':
    case 'datetime':
      return dateTest(column, filter.operator, values, dates);
    case 'currency':
    case 'percent':
    case 'double':
    case 'int':
      return numberTest(column, filter.operator, values);
    case 'boolean':
      return booleanTest(column, filter.operator, values);
    default:
      return textTest(column, filter.operator, values);
  }
}

/** The longest filter logic accepted, and the most filters a report takes (Salesforce's: 20 field filters). */
export const MAX_FILTER_LOGIC = 1000;
export const MAX_FILTERS = 20;

type Logic = { kind: 'ref'; index: number } | { kind: 'not'; of: Logic } | { kind: 'and' | 'or'; of: Logic[] };

/** Parses filter logic over `count` filters; BAD_REQUEST as the report builder refuses it. */
export function parseFilterLogic(text: string, count: number): Logic {
  // Long enough for any report's logic; a longer text is refused before it is parsed (its nesting is recursion).
  if (text.length > MAX_FILTER_LOGIC) {
    throw badRequest(`The filter logic is longer than ${MAX_FILTER_LOGIC} characters.`);
  }
  const tokens = text.match(/\d+|\(|\)|[A-Za-z]+|\S/g) ?? [];
  let pos = 0;
  const used = new Set<number>();
  const fail = (why: string): never => {
    throw badRequest(`The filter logic "${text}" isn't valid: ${why}.`);
  };
  const peek = (): string | undefined => tokens[pos]?.toUpperCase();
  const factor = (): Logic => {
    const token = peek();
    if (token === undefined) return fail('it ends too early');
    pos++;
    if (token === 'NOT') return { kind: 'not', of: factor() };
    if (token === '(') {
      const inner = expression();
      if (peek() !== ')') fail('a parenthesis is not closed');
      pos++;
      return inner;
    }
    if (!/^\d+$/.test(token)) return fail(`unexpected "${tokens[pos - 1]}"`);
    const index = Number(token);
    if (index < 1 || index > count) fail(`it references filter ${index}, which isn't defined`);
    used.add(index);
    return { kind: 'ref', index: index - 1 };
  };
  const expression = (): Logic => {
    const parts = [factor()];
    let op: string | undefined;
    while (peek() === 'AND' || peek() === 'OR') {
      if (op && op !== peek()) fail('use parentheses between AND and OR');
      op = peek();
      pos++;
      parts.push(factor());
    }
    return parts.length === 1 ? parts[0] : { kind: op === 'AND' ? 'and' : 'or', of: parts };
  };
  const logic = expression();
  if (pos < tokens.length) fail(`unexpected "${tokens[pos]}"`);
  if (used.size < count) fail('some filters are defined but not referenced');
  return logic;
}

export function evaluateLogic(logic: Logic, results: (i: number) => boolean): boolean {
  switch (logic.kind) {
    case 'ref':
      return results(logic.index);
    case 'not':
      return !evaluateLogic(logic.of, results);
    case 'and':
      return logic.of.every((l) => evaluateLogic(l, results));
    case 'or':
      return logic.of.some((l) => evaluateLogic(l, results));
  }
}
