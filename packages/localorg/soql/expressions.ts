/**
 * Expressions and conditions to SQL: field references, date functions, aggregates, comparisons with
 * typed literals (strings, numbers, booleans, dates, datetimes, date literals as day ranges), LIKE,
 * IN lists, INCLUDES/EXCLUDES and semi-/anti-joins. A comparison with a null field is not true, also
 * `!=` and NOT IN (SQL's null semantics); only `= null` finds nulls.
 */
import type { SalesforceError } from '../errors';
import { findObjectSchema } from '../schema';
import { normalizeId } from '../ids';
import { parseDate, parseDateTime } from '../values';
import { toCorporateSql } from '../currency/sql';
import { unknownObject } from './errors';
import { currencyComparison, hasCurrencyLiteral } from './currency-literals';
import { relabeledCondition, valueCall } from './functions';
import { DATE_FUNCTIONS, DATETIME_ONLY_FUNCTIONS, dateFunctionSql, dateLiteralRange } from './dates';
import { aggregatable, filterable, isNumeric, isTextual, SOAP_TYPE, type Kind } from './fields';
import type { Cond, Expr, Literal, SoqlQuery } from './parse';
import { Scope, whereClause, type FieldRef } from './scope';

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);

export interface Compiled {
  sql: string;
  kind: Kind;
  /** Identifies the expression: equal keys mean the same value (GROUP BY membership). */
  key: string;
  text: string;
  aggregate: boolean;
  /** The field read, for plain fields and the argument of a function. */
  ref?: FieldRef;
  /** Upper-cased function name, for calls. */
  fn?: string;
}

export const isAggregateCall = (e: Expr): boolean => e.kind === 'call' && AGGREGATES.has(e.name);
export const isDateFunctionCall = (e: Expr): boolean => e.kind === 'call' && DATE_FUNCTIONS.has(e.name);

/** The field a date function reads; `convertTimezone()` is the identity in a UTC org. */
function dateArgument(scope: Scope, call: Extract<Expr, { kind: 'call' }>): FieldRef {
  const { text } = scope.env;
  let arg = call.args[0];
  if (arg?.kind === 'call' && arg.name === 'CONVERTTIMEZONE') arg = arg.args[0];
  if (call.args.length !== 1 || arg?.kind !== 'field')
    throw text.malformed(`Invalid argument to ${call.name}`, call.text);
  const ref = scope.field(arg);
  const wrongType = ref.kind !== 'date' && ref.kind !== 'datetime';
  if (wrongType || (ref.kind === 'date' && DATETIME_ONLY_FUNCTIONS.has(call.name))) {
    throw text.malformed(`field ${ref.field.name} does not support date function ${call.name}`, call.text);
  }
  return ref;
}

export function compileExpr(scope: Scope, expr: Expr, allowAggregates: boolean): Compiled {
  const { text, options } = scope.env;
  if (expr.kind === 'field') {
    const ref = scope.field(expr);
    return { sql: ref.sql, kind: ref.kind, key: ref.key, text: expr.text, aggregate: false, ref };
  }
  const name = expr.name;
  if (DATE_FUNCTIONS.has(name)) {
    const ref = dateArgument(scope, expr);
    const sql = dateFunctionSql(name, ref.sql, options.fiscalStartMonth, options.fiscal);
    const kind: Kind = name === 'DAY_ONLY' ? 'date' : 'int';
    return { sql, kind, key: `${name}(${ref.key})`, text: expr.text, aggregate: false, ref, fn: name };
  }
  if (AGGREGATES.has(name)) {
    if (!allowAggregates) throw text.malformed(`Aggregate function ${expr.text} is not allowed here`, expr.text);
    if (name === 'COUNT' && expr.args.length === 0) {
      return { sql: 'COUNT(*)', kind: 'int', key: 'COUNT()', text: expr.text, aggregate: true, fn: name };
    }
    const arg = expr.args[0];
    if (expr.args.length !== 1 || arg.kind !== 'field') throw text.malformed(`Invalid argument to ${name}`, expr.text);
    const ref = scope.field(arg);
    if (!aggregatable(name, ref.kind)) {
      throw text.malformed(`field ${arg.text} does not support aggregate operator ${name}`, expr.text);
    }
    // In a multi-currency org, SUM, AVG, MIN and MAX of a currency field are in the corporate currency.
    const recordAlias = ref.rels[ref.rels.length - 1]?.alias ?? scope.alias;
    const converted = name.startsWith('COUNT')
      ? undefined
      : toCorporateSql(scope.env.schema, ref.field, ref.sql, recordAlias);
    const value = converted ?? ref.sql;
    const sql = name === 'COUNT_DISTINCT' ? `COUNT(DISTINCT ${value})` : `${name}(${value})`;
    const kind: Kind = name.startsWith('COUNT') ? 'int' : name === 'SUM' || name === 'AVG' ? 'double' : ref.kind;
    return { sql, kind, key: `${name}(${ref.key})`, text: expr.text, aggregate: true, ref, fn: name };
  }
  if (name === 'FIELDS') {
    throw text.malformed('FIELDS() can only be used in the SELECT list of a query without aggregates', expr.text);
  }
  if (valueCall(expr)) {
    throw text.malformed(`${expr.text.split('(')[0]}() can only be used in the SELECT list`, expr.text);
  }
  throw text.malformed(`${name}() is not supported by the local org`, expr.text);
}

const STRING_ESCAPES: Record<string, string> = {
  n: '\n',
  N: '\n',
  r: '\r',
  R: '\r',
  t: '\t',
  T: '\t',
  b: '\b',
  B: '\b',
  f: '\f',
  F: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
};

/**
 * The value of a quoted string literal. For LIKE the wildcard escapes `\%` and `\_` (and `\\`) stay
 * escaped, ready for SQLite's `LIKE ... ESCAPE '\'`.
 */
function decodeString(scope: Scope, literal: Literal, forLike: boolean): string {
  const raw = literal.text.slice(1, -1);
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = raw[++i] ?? '';
    if (next === '%' || next === '_') out += forLike ? `\\${next}` : next;
    else if (next === '\\' && forLike) out += '\\\\';
    else if (STRING_ESCAPES[next] !== undefined) out += STRING_ESCAPES[next];
    else {
      throw scope.env.text.malformed(
        `Invalid string literal '${raw}'. Illegal character sequence '\\${next}' in string literal.`,
        literal.text,
      );
    }
  }
  return out;
}

type Operand =
  { type: 'null' } | { type: 'value'; value: string | number } | { type: 'range'; start: string; end: string };

/** Salesforce's error for a literal of the wrong type for the field it is compared with. */
function typeError(scope: Scope, left: Compiled, literal: Literal): SalesforceError {
  const name = left.fn ? left.text : (left.ref?.field.name ?? left.text);
  const quoted = isTextual(left.kind);
  return scope.env.text.invalidField(
    `value of filter criterion for field '${name}' must be of type ${SOAP_TYPE[left.kind]} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
    literal.text,
  );
}

/** A literal as a value of the left side's type. */
function operand(scope: Scope, left: Compiled, literal: Literal): Operand {
  const { text, options } = scope.env;
  const kind = left.kind;
  const wrongType = () => typeError(scope, left, literal);
  switch (literal.type) {
    case 'NULL':
      return { type: 'null' };
    case 'STRING': {
      if (!isTextual(kind)) throw wrongType();
      const value = decodeString(scope, literal, false);
      if (kind !== 'id') return { type: 'value', value };
      // Ids compare in their canonical 18-character form; '' is how SOQL writes an empty reference.
      if (value === '') return { type: 'null' };
      const id = normalizeId(value);
      if (!id) throw text.invalidOperator(`invalid ID field: ${value}`, literal.text);
      return { type: 'value', value: id };
    }
    case 'INTEGER':
    case 'DECIMAL':
      if (!isNumeric(kind)) throw wrongType();
      return { type: 'value', value: Number(literal.text) };
    case 'BOOLEAN':
      if (kind !== 'boolean') throw wrongType();
      return { type: 'value', value: literal.text.toUpperCase() === 'TRUE' ? 1 : 0 };
    case 'DATE': {
      if (kind !== 'date') throw wrongType();
      const value = parseDate(literal.text);
      if (!value) throw text.malformed(`invalid date: ${literal.text}`, literal.text);
      return { type: 'value', value };
    }
    case 'DATETIME': {
      if (kind !== 'datetime') throw wrongType();
      const value = parseDateTime(literal.text);
      if (!value) throw text.malformed(`invalid dateTime: ${literal.text}`, literal.text);
      return { type: 'value', value };
    }
    case 'DATE_LITERAL':
    case 'DATE_N_LITERAL': {
      if (kind !== 'date' && kind !== 'datetime') throw wrongType();
      const literalName = literal.text.split(':')[0].toUpperCase();
      const range =
        literal.n === undefined || literal.n >= 0
          ? dateLiteralRange(literalName, literal.n, options.now, options.fiscalStartMonth, options.fiscal)
          : undefined;
      if (!range) throw text.malformed(`invalid date literal: ${literal.text}`, literal.text);
      if (kind === 'date') return { type: 'range', ...range };
      return { type: 'range', start: `${range.start}T00:00:00.000Z`, end: `${range.end}T00:00:00.000Z` };
    }
    case 'APEX_BIND_VARIABLE':
      throw text.malformed('Bind variables only allowed in Apex code', literal.text);
    default:
      // Currency-prefixed numbers (USD100) need a multi-currency org; this org has one currency.
      throw text.malformed(`unexpected token: '${literal.text}'`, literal.text);
  }
}

const SQL_OPERATORS: Record<string, string> = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

function comparison(scope: Scope, left: Compiled, op: string, value: Operand): string {
  const l = left.sql;
  if (value.type === 'null') {
    // A checkbox is never null: `= null` means false, `!= null` means true.
    if (left.kind === 'boolean' && (op === '=' || op === '!=')) return `${l} = ${op === '=' ? 0 : 1}`;
    if (op === '=') return `${l} IS NULL`;
    if (op === '!=') return `${l} IS NOT NULL`;
    return '0';
  }
  // SOQL treats null as a value for `!=`: a record whose field is null is "not equal" to any value.
  if (value.type === 'value' && op === '!=') return `(${l} != ${scope.env.param(value.value)} OR ${l} IS NULL)`;
  if (value.type === 'value') return `${l} ${SQL_OPERATORS[op]} ${scope.env.param(value.value)}`;
  // A date literal is a range: `=` means within it, `<` before its start, `>` after its end.
  const start = scope.env.param(value.start);
  const end = scope.env.param(value.end);
  switch (op) {
    case '=':
      return `(${l} >= ${start} AND ${l} < ${end})`;
    case '!=':
      return `(${l} < ${start} OR ${l} >= ${end} OR ${l} IS NULL)`;
    case '<':
      return `${l} < ${start}`;
    case '<=':
      return `${l} < ${end}`;
    case '>':
      return `${l} >= ${end}`;
    default:
      return `${l} >= ${start}`;
  }
}

/**
 * Joins SQL conditions with AND/OR as a balanced tree: SQLite parses `a OR b OR c ...` as a chain as
 * deep as it is long and refuses expressions deeper than 1000, while SOQL accepts thousands of terms.
 */
export function joinBalanced(parts: string[], op: 'AND' | 'OR'): string {
  if (parts.length <= 8) return `(${parts.join(` ${op} `)})`;
  const half = Math.ceil(parts.length / 2);
  return `(${joinBalanced(parts.slice(0, half), op)} ${op} ${joinBalanced(parts.slice(half), op)})`;
}

/** Longer IN lists are bound as one JSON array: one variable instead of one each (SQLite allows 32766). */
const MAX_INLINE_LIST = 100;

function inList(scope: Scope, left: Compiled, values: Operand[]): string {
  const parts: string[] = [];
  const scalars = values.flatMap((v) => (v.type === 'value' ? [v.value] : []));
  if (scalars.length > MAX_INLINE_LIST && scalars.every((v) => typeof v === 'string' || Number.isFinite(v))) {
    // json_each's value has no affinity, like a bound parameter: the column's affinity applies as for `=`.
    parts.push(`${left.sql} IN (SELECT value FROM json_each(${scope.env.param(JSON.stringify(scalars))}))`);
  } else if (scalars.length) {
    parts.push(`${left.sql} IN (${scalars.map((v) => scope.env.param(v)).join(', ')})`);
  }
  if (values.some((v) => v.type === 'null')) parts.push(comparison(scope, left, '=', { type: 'null' }));
  for (const v of values) if (v.type === 'range') parts.push(comparison(scope, left, '=', v));
  return joinBalanced(parts, 'OR');
}

/** `INCLUDES ('a;b', 'c')`: has both a and b, or has c. Stored values are `A;B;C`. */
function includes(scope: Scope, left: Compiled, values: Literal[]): string {
  const { text } = scope.env;
  if (left.kind !== 'multipicklist') {
    throw text.invalidOperator('includes or excludes operator only valid on multipicklist field', left.text);
  }
  const alternatives = values.map((literal) => {
    if (literal.type !== 'STRING') throw typeError(scope, left, literal);
    const terms = decodeString(scope, literal, false)
      .split(';')
      .map((t) => t.trim().toLowerCase())
      .filter((t) => t !== '');
    if (!terms.length) return `${left.sql} IS NULL`;
    // Every term present: no term of the JSON array is missing (one variable however many terms). A null
    // field stays unknown (null), so EXCLUDES, its negation, does not match it either.
    const wanted = scope.env.param(JSON.stringify(terms.map((t) => `;${t};`)));
    const stored = `';' || lower(${left.sql}) || ';'`;
    const allPresent = `NOT EXISTS (SELECT 1 FROM json_each(${wanted}) WHERE instr(${stored}, value) = 0)`;
    return `(CASE WHEN ${left.sql} IS NULL THEN NULL ELSE ${allPresent} END)`;
  });
  return joinBalanced(alternatives, 'OR');
}

function semiJoin(scope: Scope, cond: Extract<Cond, { kind: 'semijoin' }>): string {
  const { env } = scope;
  const { text, schema } = env;
  if (cond.op !== 'IN' && cond.op !== 'NOT IN') throw text.unexpectedToken('SELECT');
  const left = compileExpr(scope, cond.left, false);
  const inner = cond.query;
  if (left.kind !== 'id')
    throw text.malformed('Semi join sub-selects are only allowed on Id or reference fields', left.text);
  const obj = findObjectSchema(schema, inner.from);
  if (!env.readable(obj)) throw unknownObject(text, inner.from);
  const item = inner.select[0];
  if (inner.select.length !== 1 || item.kind !== 'expr' || item.expr.kind !== 'field') {
    throw text.malformed('Semi join sub-selects can only select one field, an Id or a reference', inner.from);
  }
  if (inner.groupBy.length || inner.having || inner.offset !== undefined) {
    throw text.malformed('Semi join sub-selects do not support GROUP BY, HAVING or OFFSET', inner.from);
  }
  const innerScope = new Scope(env, obj, inner.alias);
  const selected = compileExpr(innerScope, item.expr, false);
  if (selected.kind !== 'id')
    throw text.malformed('Semi join sub-selects can only select an Id or a reference field', item.text);
  const where = inner.where ? compileCondition(innerScope, inner.where, { semiJoins: false }) : undefined;
  // Nulls never match and must not poison NOT IN.
  const conditions = [innerScope.notDeleted(), innerScope.visible(), where, `${selected.sql} IS NOT NULL`];
  const limit = inner.limit !== undefined ? ` LIMIT ${Number(inner.limit)}` : '';
  const sub = `SELECT ${selected.sql} FROM ${innerScope.from()}${whereClause(conditions)}${limit}`;
  return `${left.sql} ${cond.op} (${sub})`;
}

export interface ConditionContext {
  semiJoins: boolean;
  /** HAVING: aggregates are allowed and plain expressions must be grouped (the callback checks). */
  having?: (c: Compiled) => void;
}

export function compileCondition(scope: Scope, cond: Cond, context: ConditionContext): string {
  const { text } = scope.env;
  switch (cond.kind) {
    case 'and':
    case 'or': {
      // `a AND (b AND c)` is `a AND b AND c`: flattened, then joined as a balanced tree (see joinBalanced).
      const items: Cond[] = [];
      const flatten = (c: Cond): void => {
        if (c.kind === cond.kind) c.items.forEach(flatten);
        else items.push(c);
      };
      flatten(cond);
      const parts = items.map((c) => compileCondition(scope, c, context));
      return joinBalanced(parts, cond.kind === 'and' ? 'AND' : 'OR');
    }
    case 'not':
      return `NOT (${compileCondition(scope, cond.item, context)})`;
    case 'semijoin':
      if (!context.semiJoins || context.having)
        throw text.malformed('Nesting of semi join sub-selects is not supported', 'SELECT');
      return semiJoin(scope, cond);
  }
  if (cond.left.kind === 'call' && cond.left.name === 'TOLABEL' && !context.having) {
    return compileCondition(scope, relabeledCondition(scope, cond), context);
  }
  const left = compileExpr(scope, cond.left, context.having !== undefined);
  if (context.having && !left.aggregate) context.having(left);
  if (hasCurrencyLiteral(cond.values)) return currencyComparison(scope, left, cond, context.having !== undefined);
  if (!filterable(left.kind))
    throw text.invalidField(`field '${left.text}' can not be filtered in a query call`, left.text);
  switch (cond.op) {
    case 'LIKE': {
      const literal = cond.values[0];
      if (cond.list || literal.type !== 'STRING' || !isTextual(left.kind)) throw typeError(scope, left, literal);
      return `${left.sql} LIKE ${scope.env.param(decodeString(scope, literal, true))} ESCAPE '\\'`;
    }
    case 'INCLUDES':
      return includes(scope, left, cond.values);
    case 'EXCLUDES':
      return `NOT ${includes(scope, left, cond.values)}`;
    case 'IN':
    case 'NOT IN': {
      const list = inList(
        scope,
        left,
        cond.values.map((v) => operand(scope, left, v)),
      );
      return cond.op === 'IN' ? list : `NOT ${list}`;
    }
    default:
      if (cond.list) throw text.unexpectedToken('(');
      return comparison(scope, left, cond.op, operand(scope, left, cond.values[0]));
  }
}

/** The compiled WHERE of a query level, if any. */
export function whereOf(scope: Scope, query: SoqlQuery, semiJoins: boolean): string | undefined {
  return query.where ? compileCondition(scope, query.where, { semiJoins }) : undefined;
}
