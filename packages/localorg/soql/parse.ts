/**
 * Parses SOQL with soql-parser-js and reshapes its output into a small syntax tree the compiler walks:
 * expressions (field paths and function calls), conditions as a real AND/OR/NOT tree (the parser returns
 * a flat chain with parenthesis counts), literals as written, and clauses with their defaults applied.
 */
import {
  parseQuery,
  type Condition,
  type FieldType,
  type FunctionExp,
  type GroupByClause,
  type HavingClause,
  type LiteralType,
  type Operator,
  type OrderByClause,
  type Query,
  type Subquery,
  type WhereClause,
} from '@jetstreamapp/soql-parser-js';
import type { SalesforceError } from '../errors';
import type { QueryText } from './errors';
import { isComplexityLimit, queryTooComplicated } from './limits';

export type Expr =
  | { kind: 'field'; path: string[]; text: string }
  /** A function call: date functions, aggregates, convertTimezone(); `name` is upper-cased. */
  | { kind: 'call'; name: string; args: Expr[]; text: string };

export interface Literal {
  type: LiteralType;
  /** As written: strings keep their quotes and escapes. */
  text: string;
  /** The n of a `LAST_N_DAYS:n`-style literal. */
  n?: number;
}

export type Cond =
  | { kind: 'and' | 'or'; items: Cond[] }
  | { kind: 'not'; item: Cond }
  | { kind: 'compare'; left: Expr; op: Operator; values: Literal[]; list: boolean }
  | { kind: 'semijoin'; left: Expr; op: Operator; query: SoqlQuery };

/** `TYPEOF Rel WHEN Type THEN fields ... ELSE fields END`: the fields to read for each type of a polymorphic parent. */
export interface TypeofItem {
  kind: 'typeof';
  relationship: string;
  whens: { type: string; fields: string[] }[];
  elseFields?: string[];
  text: string;
}

export type SelectItem =
  { kind: 'expr'; expr: Expr; alias?: string; text: string } | { kind: 'subquery'; query: SoqlQuery } | TypeofItem;

export interface OrderItem {
  expr: Expr;
  desc: boolean;
  nullsFirst: boolean;
}

export type GroupType = 'plain' | 'ROLLUP' | 'CUBE';

export interface SoqlQuery {
  /** Object name, or the child relationship name of a parent-to-child subquery. */
  from: string;
  alias?: string;
  select: SelectItem[];
  where?: Cond;
  groupBy: Expr[];
  groupType: GroupType;
  having?: Cond;
  orderBy: OrderItem[];
  limit?: number;
  offset?: number;
}

function fieldExpr(path: string): Expr {
  return { kind: 'field', path: path.split('.'), text: path };
}

function callExpr(fn: FunctionExp): Extract<Expr, { kind: 'call' }> {
  const args = (fn.parameters ?? []).map((p) => (typeof p === 'string' ? fieldExpr(p) : callExpr(p)));
  const name = (fn.functionName ?? '').toUpperCase();
  return { kind: 'call', name, args, text: fn.rawValue ?? `${fn.functionName}(...)` };
}

function selectItem(field: FieldType, text: QueryText): SelectItem {
  switch (field.type) {
    case 'Field': {
      const path = 'objectPrefix' in field ? `${field.objectPrefix}.${field.field}` : field.field;
      return { kind: 'expr', expr: fieldExpr(path), alias: field.alias, text: path };
    }
    case 'FieldRelationship': {
      const prefix = 'objectPrefix' in field ? [field.objectPrefix] : [];
      const path = [...prefix, ...field.relationships, field.field].join('.');
      return { kind: 'expr', expr: fieldExpr(path), alias: 'alias' in field ? field.alias : undefined, text: path };
    }
    case 'FieldFunctionExpression': {
      const expr = callExpr(field);
      return { kind: 'expr', expr, alias: field.alias, text: expr.text };
    }
    case 'FieldSubquery':
      return { kind: 'subquery', query: toQuery(field.subquery, text) };
    case 'FieldTypeof': {
      const whens = field.conditions.flatMap((c) =>
        c.type === 'WHEN' ? [{ type: c.objectType ?? '', fields: c.fieldList }] : [],
      );
      const otherwise = field.conditions.find((c) => c.type === 'ELSE');
      return { kind: 'typeof', relationship: field.field, whens, elseFields: otherwise?.fieldList, text: 'TYPEOF' };
    }
  }
}

type Token = '(' | ')' | 'NOT' | 'AND' | 'OR' | { cond: Condition };

/** The parser's right-nested chain with parenthesis counts, back as a token stream. */
function tokens(clause: WhereClause | HavingClause): Token[] {
  const out: Token[] = [];
  const repeat = (token: Token, count: number | undefined) => {
    for (let i = 0; i < (count ?? 0); i++) out.push(token);
  };
  let node: WhereClause | HavingClause | undefined = clause;
  while (node) {
    const left = node.left as (Condition & { closeParen?: number }) | null;
    const operator = 'operator' in node ? node.operator : undefined;
    if (operator === 'NOT') {
      if (left) repeat('(', left.openParen);
      out.push('NOT');
    } else if (left) {
      repeat('(', left.openParen);
      out.push({ cond: left });
      repeat(')', left.closeParen);
      if (operator) out.push(operator);
    }
    node = 'right' in node ? node.right : undefined;
  }
  return out;
}

class ConditionParser {
  private pos = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly text: QueryText,
  ) {}

  parse(): Cond {
    const cond = this.expression();
    if (this.pos < this.tokens.length) throw this.unexpected();
    return cond;
  }

  /** SOQL needs parentheses to mix AND with OR: `a AND b OR c` is a syntax error. */
  private expression(): Cond {
    const items = [this.unary()];
    let op: 'AND' | 'OR' | undefined;
    for (let t = this.tokens[this.pos]; t === 'AND' || t === 'OR'; t = this.tokens[this.pos]) {
      if (op && t !== op) throw this.unexpected();
      op = t;
      this.pos++;
      items.push(this.unary());
    }
    return op ? { kind: op === 'AND' ? 'and' : 'or', items } : items[0];
  }

  private unary(): Cond {
    const t = this.tokens[this.pos++];
    if (t === 'NOT') return { kind: 'not', item: this.unary() };
    if (t === '(') {
      const inner = this.expression();
      if (this.tokens[this.pos++] !== ')') throw this.unexpected(-1);
      return inner;
    }
    if (t === undefined || typeof t === 'string') throw this.unexpected(-1);
    return condition(t.cond, this.text);
  }

  private unexpected(back = 0): SalesforceError {
    const t = this.tokens[this.pos + back];
    return this.text.unexpectedToken(t === undefined ? '<EOF>' : typeof t === 'string' ? t : 'condition');
  }
}

/** The parser's condition variants, seen as one shape. */
interface RawCondition {
  field?: string;
  fn?: FunctionExp;
  operator?: Operator;
  value?: string | string[];
  literalType?: LiteralType | LiteralType[];
  dateLiteralVariable?: number | number[];
  valueQuery?: Query;
}

function condition(condition: Condition, text: QueryText): Cond {
  const c = condition as RawCondition;
  if (!c.operator) throw text.unexpectedToken('NOT');
  // Keywords are case-insensitive (the parser keeps `like` as written); `<>` is another spelling of `!=`.
  const written = c.operator.toUpperCase() as Operator | '<>';
  const op: Operator = written === '<>' ? '!=' : written;
  const left: Expr = c.fn ? callExpr(c.fn) : fieldExpr(c.field ?? '');
  if (c.valueQuery) return { kind: 'semijoin', left, op, query: toQuery(c.valueQuery, text) };
  const list = Array.isArray(c.value);
  const texts = Array.isArray(c.value) ? c.value : [c.value ?? ''];
  const types = texts.map((_, i) => (Array.isArray(c.literalType) ? c.literalType[i] : c.literalType) ?? 'STRING');
  const values = texts.map((value, i): Literal => {
    const n = Array.isArray(c.dateLiteralVariable) ? c.dateLiteralVariable[i] : c.dateLiteralVariable;
    return { type: types[i], text: value, n: typeof n === 'number' ? n : undefined };
  });
  return { kind: 'compare', left, op, values, list };
}

function conditionTree(clause: WhereClause | HavingClause | undefined, text: QueryText): Cond | undefined {
  return clause ? new ConditionParser(tokens(clause), text).parse() : undefined;
}

function groupBy(clauses: GroupByClause[]): { items: Expr[]; type: GroupType } {
  const first = clauses[0];
  if (clauses.length === 1 && first && 'fn' in first) {
    const name = (first.fn.functionName ?? '').toUpperCase();
    if (name === 'ROLLUP' || name === 'CUBE') return { items: callExpr(first.fn).args, type: name };
  }
  return { items: clauses.map((g) => ('fn' in g ? callExpr(g.fn) : fieldExpr(g.field))), type: 'plain' };
}

function orderItem(o: OrderByClause): OrderItem {
  const desc = o.order === 'DESC';
  return {
    expr: 'fn' in o ? callExpr(o.fn) : fieldExpr(o.field),
    desc,
    // Nulls sort as the lowest value: first when ascending, last when descending.
    nullsFirst: o.nulls ? o.nulls === 'FIRST' : !desc,
  };
}

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** LIMIT and OFFSET are 32-bit integers. */
const MAX_INTEGER = 2_147_483_647;

function toQuery(q: Query | Subquery, text: QueryText): SoqlQuery {
  for (const [keyword, value] of [
    ['LIMIT', q.limit],
    ['OFFSET', q.offset],
  ] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0 && value <= MAX_INTEGER)) {
      throw text.malformed(`${keyword} must be an integer from 0 to ${MAX_INTEGER}`, keyword);
    }
  }
  if (q.usingScope !== undefined) throw text.malformed('USING SCOPE is not supported by the local org', 'USING');
  if (q.withDataCategory) throw text.malformed('WITH DATA CATEGORY is not supported by the local org', 'DATA');
  const grouping = groupBy(asArray(q.groupBy));
  return {
    from: 'relationshipName' in q ? q.relationshipName : (q.sObject ?? ''),
    alias: q.sObjectAlias,
    select: (q.fields ?? []).map((f) => selectItem(f, text)),
    where: conditionTree(q.where, text),
    groupBy: grouping.items,
    groupType: grouping.type,
    having: conditionTree(q.having, text),
    orderBy: asArray(q.orderBy).map(orderItem),
    limit: q.limit,
    offset: q.offset,
  };
}

/** The token the parser stopped at, from its message (it reports no position). */
function parserErrorToken(message: string): { token: string; offset?: number } {
  const lexing = /unexpected character: ->([^]*?)<- at offset: (\d+)/.exec(message);
  if (lexing) return { token: lexing[1], offset: Number(lexing[2]) };
  const found =
    /but found --> '([^]*?)' <--/.exec(message) ??
    /but found: '([^]*)'\s*$/.exec(message) ??
    /expecting EOF but found: ([^]*)$/.exec(message);
  const token = found?.[1].trim() ?? '';
  return { token: token === '' ? '<EOF>' : token };
}

export function parseSoql(text: QueryText): SoqlQuery {
  let parsed: Query;
  try {
    parsed = parseQuery(text.soql);
  } catch (e) {
    // The parser recurses per nesting level: a statement nested deeper than the stack is too complex.
    if (isComplexityLimit(e)) throw queryTooComplicated();
    const { token, offset } = parserErrorToken(e instanceof Error ? e.message : String(e));
    if (offset !== undefined) throw text.malformed(`unexpected token: '${token}'`, offset);
    if (token === ':' || /^:\w/.test(token)) throw text.malformed('Bind variables only allowed in Apex code', token);
    throw text.syntaxError(token);
  }
  return toQuery(parsed, text);
}
