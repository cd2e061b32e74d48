/**
 * The SELECT functions that change how a value is returned, not which rows match: `toLabel()` (picklist
 * labels, also in WHERE), `FORMAT()` (see format.ts) and, in a multi-currency org, `convertCurrency()` (to
 * the user's currency: User.DefaultCurrencyIsoCode, the corporate currency unless changed).
 * Each one reads a field; FORMAT() may wrap convertCurrency(), an aggregate or a grouped expression.
 */
import type { FieldModel } from '@partner-planning/model';
import { corporateOf, isMultiCurrency, toCurrencySql, type CurrencyInfo } from '../currency/sql';
import type { SqlValue } from '../sql';
import { toApiValue } from '../values';
import { formatValue } from './format';
import type { Cond, Expr, Literal } from './parse';
import type { FieldRef, Scope } from './scope';

type Call = Extract<Expr, { kind: 'call' }>;

export const VALUE_FUNCTIONS = new Set(['TOLABEL', 'FORMAT', 'CONVERTCURRENCY']);
/** The call when `e` is toLabel(), FORMAT() or convertCurrency(). */
export const valueCall = (e: Expr): Call | undefined =>
  e.kind === 'call' && VALUE_FUNCTIONS.has(e.name) ? e : undefined;

/** A selected function of a record query: SQL columns in, one API value out. */
export interface ValueSelection {
  /** The field's name: the result key unless the query gives an alias. */
  name: string;
  ref: FieldRef;
  sqls: string[];
  format: (values: unknown[]) => unknown;
}

/** The picklist's (or stage list's) label of each value, by lower-cased value. */
function labels(model: FieldModel): Map<string, string> | undefined {
  const values = model.picklist?.values ?? model.stages;
  return values && new Map(values.map((v) => [v.value.toLowerCase(), v.label]));
}

function labelOf(model: FieldModel, value: unknown): unknown {
  const map = labels(model);
  if (!map || typeof value !== 'string') return value;
  if (model.type === 'MultiselectPicklist') {
    return value
      .split(';')
      .map((v) => map.get(v.toLowerCase()) ?? v)
      .join(';');
  }
  return map.get(value.toLowerCase()) ?? value;
}

const apiValue = (model: FieldModel, value: unknown): unknown =>
  value === null || value === undefined ? null : toApiValue(model, value as SqlValue);

const round = (value: unknown, decimals: number): unknown =>
  typeof value === 'number' ? Number(value.toFixed(decimals)) : value;

/** The single field argument of toLabel(), FORMAT() or convertCurrency(). */
function fieldArgument(scope: Scope, call: Call): FieldRef {
  const arg = call.args[0];
  if (call.args.length !== 1 || arg?.kind !== 'field') {
    throw scope.env.text.malformed(`Invalid argument to ${call.text.split('(')[0]}()`, call.text);
  }
  return scope.field(arg);
}

/** The table alias of the record that holds the field: the last parent joined, or the query's object. */
const recordAlias = (scope: Scope, ref: FieldRef): string => ref.rels[ref.rels.length - 1]?.alias ?? scope.alias;

/** The running user's currency: the one the query gives, else the corporate one. */
const userCurrencyOf = (scope: Scope): CurrencyInfo | undefined => {
  const { currencies, userCurrency } = scope.env.options;
  return userCurrency ?? (currencies && corporateOf(currencies));
};

/** A currency field in the user's currency (SQL), or undefined for a field that is not a currency. */
function inUserCurrency(scope: Scope, ref: FieldRef): string | undefined {
  const { env } = scope;
  const bind = (value: unknown) => env.param(value);
  return toCurrencySql(env.schema, ref.field, ref.sql, recordAlias(scope, ref), userCurrencyOf(scope), bind);
}

/** convertCurrency(field): the field in the user's currency. */
function converted(scope: Scope, call: Call): { ref: FieldRef; sql: string; target: CurrencyInfo | undefined } {
  const { env } = scope;
  if (!isMultiCurrency(env.schema)) {
    throw env.text.malformed(
      'convertCurrency() needs a multi-currency org (start the local org with --multi-currency)',
      call.text,
    );
  }
  const ref = fieldArgument(scope, call);
  const sql = inUserCurrency(scope, ref);
  if (!sql)
    throw env.text.invalidField(`convertCurrency can only be used on currency fields: ${ref.field.name}`, call.text);
  return { ref, sql, target: userCurrencyOf(scope) };
}

/** toLabel(), FORMAT() or convertCurrency() over a field, in the SELECT list of a record query. */
export function selectValueFunction(scope: Scope, call: Call): ValueSelection {
  const { env } = scope;
  const currencies = env.options.currencies;
  if (call.name === 'TOLABEL') {
    const ref = fieldArgument(scope, call);
    const model = ref.field.model;
    return { name: ref.field.name, ref, sqls: [ref.sql], format: ([v]) => labelOf(model, apiValue(model, v)) };
  }
  if (call.name === 'CONVERTCURRENCY') {
    const c = converted(scope, call);
    const decimals = c.target?.decimalPlaces ?? 2;
    return { name: c.ref.field.name, ref: c.ref, sqls: [c.sql], format: ([v]) => round(v, decimals) };
  }
  const inner = call.args[0];
  if (call.args.length === 1 && inner?.kind === 'call' && inner.name === 'CONVERTCURRENCY') {
    const c = converted(scope, inner);
    const model = c.ref.field.model;
    return {
      name: c.ref.field.name,
      ref: c.ref,
      sqls: [c.sql],
      format: ([v]) => formatValue(model, v, { currencies, code: c.target?.isoCode }),
    };
  }
  const ref = fieldArgument(scope, call);
  const model = ref.field.model;
  const alias = recordAlias(scope, ref);
  const toUser = inUserCurrency(scope, ref);
  if (!toUser) {
    return { name: ref.field.name, ref, sqls: [ref.sql], format: ([v]) => formatValue(model, apiValue(model, v)) };
  }
  // A currency amount shows its record's currency, then the amount in the user's when that differs.
  return {
    name: ref.field.name,
    ref,
    sqls: [ref.sql, `${alias}."CurrencyIsoCode"`, toUser],
    format: ([v, code, inUser]) =>
      formatValue(model, v, {
        currencies,
        code: code as string,
        user: userCurrencyOf(scope),
        converted: inUser as number | null,
      }),
  };
}

/**
 * FORMAT() or toLabel() of an aggregate query's column (an aggregate or a grouped field): a function of the
 * column's value. `model` is the field the value comes from (undefined for COUNT and date functions);
 * aggregates over currency fields are in the corporate currency.
 */
export function aggregateValueFunction(
  scope: Scope,
  call: Call,
  model: FieldModel | undefined,
  aggregate: boolean,
): (value: unknown) => unknown {
  const { env } = scope;
  if (call.name === 'CONVERTCURRENCY') {
    throw env.text.malformed(
      'convertCurrency() cannot be used in an aggregate query: aggregates of currency fields are in the corporate currency',
      call.text,
    );
  }
  if (call.name === 'TOLABEL') return (v) => (model && !aggregate ? labelOf(model, v) : v);
  const currencies = env.options.currencies;
  const code = currencies && corporateOf(currencies)?.isoCode;
  return (v) => formatValue(model ?? NUMBER, v, { currencies, code });
}

/** COUNT() and date functions are whole numbers. */
const NUMBER = { type: 'Number', scale: 0 } as FieldModel;

const quoteString = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * `WHERE toLabel(field) = 'Label'`: the labels become the values they label, and the field is compared
 * with those. A text that labels no value is compared as a value (the SOQL reference: with no translation,
 * the comparison is made against the master values).
 */
export function relabeledCondition(scope: Scope, cond: Extract<Cond, { kind: 'compare' }>): Cond {
  const call = cond.left as Call;
  const ref = fieldArgument(scope, call);
  if (!['=', '!=', 'IN', 'NOT IN'].includes(cond.op)) {
    throw scope.env.text.invalidOperator(`toLabel() can be compared with =, !=, IN and NOT IN only`, call.text);
  }
  const byLabel = new Map<string, string>();
  for (const v of ref.field.model.picklist?.values ?? ref.field.model.stages ?? []) {
    if (!byLabel.has(v.label.toLowerCase())) byLabel.set(v.label.toLowerCase(), v.value);
  }
  const values = cond.values.map((literal): Literal => {
    if (literal.type !== 'STRING') return literal;
    const text = literal.text.slice(1, -1).replace(/\\(.)/g, '$1');
    const value = byLabel.get(text.toLowerCase());
    return value === undefined ? literal : { ...literal, text: quoteString(value) };
  });
  return { ...cond, left: call.args[0], values };
}
