/**
 * Currency-prefixed amounts in WHERE (`Amount > USD5000`, multi-currency orgs): the record's amount and the
 * literal are compared as amounts of one currency (both converted to the corporate currency), so USD5001
 * matches and JPY7000 does not. As the SOQL reference says, the code must be an active currency of the
 * org, a list cannot mix prefixed and plain numbers, and aggregates (HAVING) take no prefixed values.
 */
import { toCorporateSql } from '../currency/sql';
import type { Compiled } from './expressions';
import type { Cond, Literal } from './parse';
import type { Scope } from './scope';

const PREFIXED = new Set(['INTEGER_WITH_CURRENCY_PREFIX', 'DECIMAL_WITH_CURRENCY_PREFIX']);
const isPrefixed = (literal: Literal): boolean => PREFIXED.has(literal.type);

export const hasCurrencyLiteral = (values: Literal[]): boolean => values.some(isPrefixed);

const OPERATORS: Record<string, string> = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/** Both sides rounded alike, so that an amount equals itself after a round trip through a rate. */
const rounded = (sql: string): string => `ROUND(${sql}, 8)`;

export function currencyComparison(
  scope: Scope,
  left: Compiled,
  cond: Extract<Cond, { kind: 'compare' }>,
  inHaving: boolean,
): string {
  const { text, options, schema } = scope.env;
  const first = cond.values.find(isPrefixed) as Literal;
  const currencies = options.currencies;
  // A single-currency org does not know the syntax, as before multi-currency existed.
  if (!currencies) throw text.malformed(`unexpected token: '${first.text}'`, first.text);
  if (inHaving || left.aggregate) {
    throw text.malformed('Currency-prefixed values cannot be used with aggregate functions', first.text);
  }
  if (!cond.values.every(isPrefixed)) {
    throw text.malformed('A list cannot mix currency-prefixed and plain values', first.text);
  }
  const ref = left.ref;
  const recordAlias = ref && (ref.rels[ref.rels.length - 1]?.alias ?? scope.alias);
  const converted =
    ref && !left.fn && recordAlias ? toCorporateSql(schema, ref.field, left.sql, recordAlias) : undefined;
  if (!converted) {
    throw text.invalidField(`value of filter criterion for field '${left.text}' must be of type double`, first.text);
  }
  const amounts = cond.values.map((literal) => {
    const match = /^([A-Za-z]{3})(-?[\d.]+)$/.exec(literal.text);
    const currency = match ? currencies.get(match[1].toUpperCase()) : undefined;
    if (!match || !currency || !currency.isActive) {
      throw text.malformed(`invalid currency code in ${literal.text}: use an active currency of the org`, literal.text);
    }
    return scope.env.param(Number(match[2]) / currency.conversionRate);
  });
  const l = rounded(converted);
  switch (cond.op) {
    case 'IN':
    case 'NOT IN':
      return `${cond.op === 'NOT IN' ? 'NOT ' : ''}(${l} IN (${amounts.map(rounded).join(', ')}))`;
    case '!=':
      return `(${l} <> ${rounded(amounts[0])} OR ${left.sql} IS NULL)`;
    default: {
      const op = OPERATORS[cond.op];
      if (!op || cond.list)
        throw text.invalidOperator(`operator ${cond.op} does not take a currency amount`, first.text);
      return `${l} ${op} ${rounded(amounts[0])}`;
    }
  }
}
