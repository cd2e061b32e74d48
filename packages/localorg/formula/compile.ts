/**
 * Type-checks a parsed formula against the org's schema and compiles it to a function of the values of
 * the fields it reads. Everything a formula could get wrong at run time (unknown fields and functions,
 * wrong argument types or counts, picklists outside the functions that take them, context functions in
 * a formula field) is found here, once, at startup.
 *
 * Values: numbers, text (blank is null), booleans, dates as 'YYYY-MM-DD', datetimes as ISO UTC text.
 * Null semantics follow Salesforce: arithmetic and functions of a blank are blank, `&` and text
 * comparisons read a blank as "", and any other comparison with a blank is false.
 */
import type { FieldModel } from '@partner-planning/model';
import type { FieldSchema, ObjectSchema, OrgSchema, ParentRelationship } from '../schema';
import type { SqlValue } from '../sql';
import { findFieldSchema } from '../schema';
import { parseFormula, type Node } from './parse';

export type FormulaType = 'number' | 'text' | 'boolean' | 'date' | 'datetime' | 'picklist' | 'multipicklist' | 'null';
export type Value = number | string | boolean | null;

/** Where a formula runs: a formula field (no record context) or a validation rule / filter on save. */
export type FormulaContext = 'field' | 'validation';

/** A field the formula reads, by path from the formula's object. */
export interface FormulaInput {
  /** Canonical relationship names then the field name, e.g. ['Partner_Account__r', 'Partner_Type__c']. */
  path: string[];
  rels: ParentRelationship[];
  field: FieldSchema;
}

/** What the formula is given when it runs: raw stored values of its inputs, in `inputs` order. */
export interface EvalContext {
  values: readonly SqlValue[];
  /** Values before the write (validation rules on update), for PRIORVALUE and ISCHANGED. */
  prior?: readonly SqlValue[];
  isNew: boolean;
  now: Date;
  userId: string;
}

export interface CompiledFormula {
  type: FormulaType;
  inputs: FormulaInput[];
  evaluate(ctx: EvalContext): Value;
}

/** A formula the local org cannot evaluate; the message names the problem, the caller names the formula. */
export class FormulaCompileError extends Error {}

type Eval = (ctx: EvalContext) => Value;
interface Typed {
  type: FormulaType;
  run: Eval;
  /** The input a bare field reference reads (ISCHANGED and PRIORVALUE need one). */
  input?: number;
}

export const TYPE_NAMES: Record<FormulaType, string> = {
  number: 'Number',
  text: 'Text',
  boolean: 'Boolean',
  date: 'Date',
  datetime: 'Date/Time',
  picklist: 'Picklist',
  multipicklist: 'Multi-Select Picklist',
  null: 'Null',
};

/** Salesforce allows ten relationships in a formula's field path. */
const MAX_RELATIONSHIPS = 10;
const DAY_MS = 86_400_000;

export function formulaTypeOf(field: FieldModel): FormulaType {
  switch (field.type) {
    case 'Number':
    case 'Currency':
    case 'Percent':
    case 'Summary':
      return 'number';
    case 'Checkbox':
      return 'boolean';
    case 'Date':
      return 'date';
    case 'DateTime':
      return 'datetime';
    case 'Picklist':
      return 'picklist';
    case 'MultiselectPicklist':
      return 'multipicklist';
    default:
      return 'text';
  }
}

/** A stored value as the formula sees it; numbers read as 0 when the formula treats blanks as zeroes. */
function fromStored(type: FormulaType, raw: SqlValue | undefined, blankAsZero: boolean): Value {
  if (raw === null || raw === undefined || raw === '') {
    if (type === 'boolean') return false;
    return type === 'number' && blankAsZero ? 0 : null;
  }
  if (type === 'boolean') return raw === 1 || raw === '1';
  if (type === 'number') return Number(raw);
  return String(raw);
}

/** A formula result as stored and returned by the API for a field of `type`. */
export function toStored(type: FormulaType, value: Value): SqlValue {
  if (value === null || value === '') return type === 'boolean' ? 0 : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

const epochDays = (date: string): number =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
const fromEpochDays = (days: number): string => new Date(Math.round(days) * DAY_MS).toISOString().slice(0, 10);
const isBlank = (v: Value): boolean => v === null || v === '';
const asText = (v: Value): string => (v === null ? '' : String(v));

/** TEXT() of a number: no exponent, no trailing zeros. */
function numberText(n: number): string {
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

const wrongType = (what: string, expected: FormulaType, received: FormulaType): FormulaCompileError =>
  new FormulaCompileError(
    `Incorrect parameter type for ${what}. Expected ${TYPE_NAMES[expected]}, received ${TYPE_NAMES[received]}`,
  );

/** Functions whose arguments are plain values: their types and their implementation on non-blank arguments. */
interface SimpleFunction {
  params: FormulaType[];
  /** Further arguments of the last parameter's type (MAX, MIN). */
  variadic?: boolean;
  result: FormulaType;
  /** Called with every argument non-blank unless `blanks` is set. */
  apply: (args: Value[]) => Value;
  blanks?: boolean;
}

const n = (v: Value): number => v as number;
const s = (v: Value): string => v as string;

const SIMPLE: Record<string, SimpleFunction> = {
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
const CONTEXT_FUNCTIONS = new Set(['ISNEW', 'ISCHANGED', 'PRIORVALUE']);

class Compiler {
  readonly inputs: FormulaInput[] = [];
  private readonly inputKeys = new Map<string, number>();

  constructor(
    private readonly schema: OrgSchema,
    private readonly obj: ObjectSchema,
    private readonly context: FormulaContext,
    private readonly blankAsZero: boolean,
    /** Compiles another formula field first, so formulas of formulas are checked (and cycles found). */
    private readonly requireFormula: (field: FieldSchema) => void,
  ) {}

  compile(node: Node, allowPicklist = false): Typed {
    switch (node.kind) {
      case 'number':
        return { type: 'number', run: () => node.value };
      case 'text':
        return { type: 'text', run: () => (node.value === '' ? null : node.value) };
      case 'boolean':
        return { type: 'boolean', run: () => node.value };
      case 'null':
        return { type: 'null', run: () => null };
      case 'field':
        return this.field(node, allowPicklist);
      case 'unary':
        return this.unary(node.op, this.compile(node.operand));
      case 'binary':
        return this.binary(node.op, this.compile(node.left), this.compile(node.right));
      case 'call':
        return this.call(node);
    }
  }

  private field(node: Extract<Node, { kind: 'field' }>, allowPicklist: boolean): Typed {
    if (node.path[0].startsWith('$')) return this.global(node);
    if (node.path.length - 1 > MAX_RELATIONSHIPS) {
      throw new FormulaCompileError(`Field ${node.text} spans more than ${MAX_RELATIONSHIPS} relationships`);
    }
    let obj = this.obj;
    const rels: ParentRelationship[] = [];
    for (const segment of node.path.slice(0, -1)) {
      const rel = obj.parents.get(segment.toLowerCase());
      const target = rel && this.schema.objects.get(rel.target);
      if (!rel || !target) throw new FormulaCompileError(`Field ${segment} does not exist. Check spelling.`);
      rels.push(rel);
      obj = target;
    }
    const name = node.path[node.path.length - 1];
    const field = findFieldSchema(obj, name);
    if (!field) throw new FormulaCompileError(`Field ${name} does not exist. Check spelling.`);
    if (field.model.formula !== undefined) this.requireFormula(field);
    const type = formulaTypeOf(field.model);
    if ((type === 'picklist' || type === 'multipicklist') && !allowPicklist) {
      throw new FormulaCompileError(
        `Field ${field.name} is a picklist field. Picklist fields are only supported in certain functions.`,
      );
    }
    const path = [...rels.map((r) => r.name), field.name];
    const key = path.join('.').toLowerCase();
    let index = this.inputKeys.get(key);
    if (index === undefined) {
      index = this.inputs.length;
      this.inputs.push({ path, rels, field });
      this.inputKeys.set(key, index);
    }
    const i = index;
    const blankAsZero = this.blankAsZero;
    return {
      type,
      run: (ctx) => fromStored(type, ctx.values[i], blankAsZero),
      input: rels.length === 0 ? i : undefined,
    };
  }

  /** `$User.Id`: the user saving the record. */
  private global(node: Extract<Node, { kind: 'field' }>): Typed {
    const [scope, name] = [node.path[0].toLowerCase(), node.path[1]?.toLowerCase()];
    if (scope !== '$user' || name !== 'id' || node.path.length !== 2) {
      throw new FormulaCompileError(`${node.text} is not supported by the local org: only $User.Id is`);
    }
    if (this.context === 'field') {
      throw new FormulaCompileError(`${node.text} is not supported in formula fields by the local org`);
    }
    return { type: 'text', run: (ctx) => ctx.userId };
  }

  private unary(op: string, operand: Typed): Typed {
    if (op === '!') {
      this.expect(operand, 'boolean', `operator '!'`);
      return { type: 'boolean', run: (ctx) => !operand.run(ctx) };
    }
    this.expect(operand, 'number', `operator '${op}'`);
    return {
      type: 'number',
      run: (ctx) => {
        const v = operand.run(ctx);
        return v === null ? null : op === '-' ? -n(v) : n(v);
      },
    };
  }

  private expect(arg: Typed, type: FormulaType, what: string): void {
    if (arg.type !== type && arg.type !== 'null') throw wrongType(what, type, arg.type);
  }

  private binary(op: string, left: Typed, right: Typed): Typed {
    const what = `operator '${op}'`;
    if (op === '&&' || op === '||') {
      this.expect(left, 'boolean', what);
      this.expect(right, 'boolean', what);
      return op === '&&'
        ? { type: 'boolean', run: (ctx) => Boolean(left.run(ctx)) && Boolean(right.run(ctx)) }
        : { type: 'boolean', run: (ctx) => Boolean(left.run(ctx)) || Boolean(right.run(ctx)) };
    }
    if (op === '&') {
      this.expect(left, 'text', what);
      this.expect(right, 'text', what);
      return {
        type: 'text',
        run: (ctx) => {
          const joined = asText(left.run(ctx)) + asText(right.run(ctx));
          return joined === '' ? null : joined;
        },
      };
    }
    if (['=', '==', '!=', '<>', '<', '<=', '>', '>='].includes(op)) return this.comparison(op, left, right);
    return this.arithmetic(op, left, right);
  }

  private comparison(op: string, left: Typed, right: Typed): Typed {
    const what = `operator '${op}'`;
    const equality = op === '=' || op === '==' || op === '!=' || op === '<>';
    const negate = op === '!=' || op === '<>';
    // `x = NULL` asks whether x is blank.
    if (equality && (left.type === 'null' || right.type === 'null')) {
      const other = left.type === 'null' ? right : left;
      return { type: 'boolean', run: (ctx) => isBlank(other.run(ctx)) !== negate };
    }
    const type = left.type;
    const comparable: FormulaType[] = equality
      ? ['number', 'text', 'date', 'datetime', 'boolean']
      : ['number', 'text', 'date', 'datetime'];
    if (!comparable.includes(type)) throw wrongType(what, 'number', type);
    if (right.type !== type) throw wrongType(what, type, right.type);
    const test = (c: number): boolean => {
      switch (op) {
        case '<':
          return c < 0;
        case '<=':
          return c <= 0;
        case '>':
          return c > 0;
        case '>=':
          return c >= 0;
        default:
          return (c === 0) !== negate;
      }
    };
    return {
      type: 'boolean',
      run: (ctx) => {
        let a = left.run(ctx);
        let b = right.run(ctx);
        if (type === 'text') {
          a = asText(a);
          b = asText(b);
        } else if (a === null || b === null) return false;
        return test(a < b ? -1 : a > b ? 1 : 0);
      },
    };
  }

  private arithmetic(op: string, left: Typed, right: Typed): Typed {
    const what = `operator '${op}'`;
    const lt = left.type === 'null' ? right.type : left.type;
    const rt = right.type === 'null' ? left.type : right.type;
    const both = (fn: (a: Value, b: Value) => Value, type: FormulaType): Typed => ({
      type,
      run: (ctx) => {
        const a = left.run(ctx);
        const b = right.run(ctx);
        return a === null || b === null ? null : fn(a, b);
      },
    });
    if (lt === 'number' && rt === 'number') {
      switch (op) {
        case '+':
          return both((a, b) => n(a) + n(b), 'number');
        case '-':
          return both((a, b) => n(a) - n(b), 'number');
        case '*':
          return both((a, b) => n(a) * n(b), 'number');
        case '/':
          return both((a, b) => (n(b) === 0 ? null : n(a) / n(b)), 'number');
        default:
          return both((a, b) => n(a) ** n(b), 'number');
      }
    }
    if (op === '+' && lt === 'text' && rt === 'text') {
      return { type: 'text', run: (ctx) => asText(left.run(ctx)) + asText(right.run(ctx)) || null };
    }
    if ((op === '+' || op === '-') && lt === 'date' && rt === 'number') {
      const sign = op === '+' ? 1 : -1;
      return both((d, k) => fromEpochDays(epochDays(s(d)) + sign * Math.trunc(n(k))), 'date');
    }
    if (op === '+' && lt === 'number' && rt === 'date') {
      return both((k, d) => fromEpochDays(epochDays(s(d)) + Math.trunc(n(k))), 'date');
    }
    if ((op === '+' || op === '-') && lt === 'datetime' && rt === 'number') {
      const sign = op === '+' ? 1 : -1;
      return both((d, k) => new Date(Date.parse(s(d)) + sign * n(k) * DAY_MS).toISOString(), 'datetime');
    }
    if (op === '-' && lt === 'date' && rt === 'date') {
      return both((a, b) => epochDays(s(a)) - epochDays(s(b)), 'number');
    }
    if (op === '-' && lt === 'datetime' && rt === 'datetime') {
      return both((a, b) => (Date.parse(s(a)) - Date.parse(s(b))) / DAY_MS, 'number');
    }
    throw wrongType(what, lt === 'number' ? 'number' : lt, rt === lt ? lt : rt);
  }

  private arity(node: Extract<Node, { kind: 'call' }>, min: number, max = min): void {
    const count = node.args.length;
    if (count < min || count > max) {
      const expected = min === max ? `${min}` : max === Infinity ? `${min} or more` : `${min} to ${max}`;
      throw new FormulaCompileError(
        `Incorrect number of parameters for function '${node.name}()'. Expected ${expected}, received ${count}`,
      );
    }
  }

  /** The common type of branches (IF, CASE, BLANKVALUE): equal types, or NULL beside any type. */
  private unify(name: string, types: FormulaType[]): FormulaType {
    let result: FormulaType = 'null';
    for (const t of types) {
      if (t === 'null') continue;
      if (result === 'null') result = t;
      else if (t !== result) throw wrongType(`function '${name}()'`, result, t);
    }
    return result;
  }

  private call(node: Extract<Node, { kind: 'call' }>): Typed {
    const name = node.name;
    const what = `function '${name}()'`;
    if (CONTEXT_FUNCTIONS.has(name) && this.context === 'field') {
      throw new FormulaCompileError(`Function ${name} may not be used in this type of formula`);
    }
    switch (name) {
      case 'AND':
      case 'OR': {
        this.arity(node, 1, Infinity);
        const args = node.args.map((a) => this.compile(a));
        for (const a of args) this.expect(a, 'boolean', what);
        return name === 'AND'
          ? { type: 'boolean', run: (ctx) => args.every((a) => Boolean(a.run(ctx))) }
          : { type: 'boolean', run: (ctx) => args.some((a) => Boolean(a.run(ctx))) };
      }
      case 'NOT': {
        this.arity(node, 1);
        const arg = this.compile(node.args[0]);
        this.expect(arg, 'boolean', what);
        return { type: 'boolean', run: (ctx) => !arg.run(ctx) };
      }
      case 'IF': {
        this.arity(node, 3);
        const [test, then, otherwise] = node.args.map((a) => this.compile(a));
        this.expect(test, 'boolean', what);
        const type = this.unify(name, [then.type, otherwise.type]);
        return { type, run: (ctx) => (test.run(ctx) ? then.run(ctx) : otherwise.run(ctx)) };
      }
      case 'CASE':
        return this.caseOf(node);
      case 'ISBLANK':
      case 'ISNULL': {
        this.arity(node, 1);
        const arg = this.compile(node.args[0], true);
        return { type: 'boolean', run: (ctx) => isBlank(arg.run(ctx)) };
      }
      case 'BLANKVALUE':
      case 'NULLVALUE': {
        this.arity(node, 2);
        const [value, substitute] = node.args.map((a) => this.compile(a));
        const type = this.unify(name, [value.type, substitute.type]);
        return {
          type,
          run: (ctx) => {
            const v = value.run(ctx);
            return isBlank(v) ? substitute.run(ctx) : v;
          },
        };
      }
      case 'ISPICKVAL': {
        this.arity(node, 2);
        const field = this.compile(node.args[0], true);
        if (field.type !== 'picklist') throw wrongType(what, 'picklist', field.type);
        const literal = this.compile(node.args[1]);
        this.expect(literal, 'text', what);
        return { type: 'boolean', run: (ctx) => asText(field.run(ctx)) === asText(literal.run(ctx)) };
      }
      case 'INCLUDES': {
        this.arity(node, 2);
        const field = this.compile(node.args[0], true);
        if (field.type !== 'multipicklist') throw wrongType(what, 'multipicklist', field.type);
        const literal = this.compile(node.args[1]);
        this.expect(literal, 'text', what);
        return {
          type: 'boolean',
          run: (ctx) =>
            asText(field.run(ctx))
              .split(';')
              .includes(asText(literal.run(ctx))),
        };
      }
      case 'TEXT': {
        this.arity(node, 1);
        const arg = this.compile(node.args[0], true);
        if (arg.type === 'boolean' || arg.type === 'multipicklist') throw wrongType(what, 'number', arg.type);
        return {
          type: 'text',
          run: (ctx) => {
            const v = arg.run(ctx);
            if (v === null) return null;
            if (arg.type === 'number') return numberText(n(v));
            // Date/times print as `2026-03-31 17:05:00Z`.
            if (arg.type === 'datetime') return `${s(v).slice(0, 10)} ${s(v).slice(11, 19)}Z`;
            return String(v);
          },
        };
      }
      case 'TODAY':
        this.arity(node, 0);
        return { type: 'date', run: (ctx) => ctx.now.toISOString().slice(0, 10) };
      case 'NOW':
        this.arity(node, 0);
        return { type: 'datetime', run: (ctx) => ctx.now.toISOString() };
      case 'ISNEW':
        this.arity(node, 0);
        return { type: 'boolean', run: (ctx) => ctx.isNew };
      case 'ISCHANGED':
      case 'PRIORVALUE':
        return this.prior(node);
      default:
        return this.simple(node);
    }
  }

  private caseOf(node: Extract<Node, { kind: 'call' }>): Typed {
    const count = node.args.length;
    if (count < 4 || count % 2 !== 0) {
      throw new FormulaCompileError(
        `Incorrect number of parameters for function 'CASE()'. Expected an expression, value-result pairs and an else result, received ${count}`,
      );
    }
    const subject = this.compile(node.args[0], true);
    const matchType: FormulaType = subject.type === 'picklist' ? 'text' : subject.type;
    if (!['number', 'text', 'date', 'datetime', 'boolean'].includes(matchType)) {
      throw wrongType(`function 'CASE()'`, 'text', subject.type);
    }
    const pairs: { value: Typed; result: Typed }[] = [];
    for (let i = 1; i + 1 < count; i += 2) {
      const value = this.compile(node.args[i]);
      this.expect(value, matchType, `function 'CASE()'`);
      pairs.push({ value, result: this.compile(node.args[i + 1]) });
    }
    const otherwise = this.compile(node.args[count - 1]);
    const type = this.unify('CASE', [...pairs.map((p) => p.result.type), otherwise.type]);
    return {
      type,
      run: (ctx) => {
        const v = subject.run(ctx);
        const hit = pairs.find((p) => v !== null && p.value.run(ctx) === v);
        return (hit ? hit.result : otherwise).run(ctx);
      },
    };
  }

  /** ISCHANGED(field) and PRIORVALUE(field): the field must be on the record itself. */
  private prior(node: Extract<Node, { kind: 'call' }>): Typed {
    this.arity(node, 1);
    const arg = this.compile(node.args[0], true);
    const index = arg.input;
    if (node.args[0].kind !== 'field' || index === undefined) {
      throw new FormulaCompileError(`Function ${node.name} takes a field of the record itself`);
    }
    const field = this.inputs[index].field;
    const type = arg.type;
    const blankAsZero = this.blankAsZero;
    const before = (ctx: EvalContext): Value =>
      ctx.prior ? fromStored(type, ctx.prior[index], blankAsZero) : arg.run(ctx);
    if (node.name === 'PRIORVALUE') return { type, run: before };
    if (field.model.formula !== undefined) {
      throw new FormulaCompileError(`Function ISCHANGED cannot be used with formula field ${field.name}`);
    }
    return {
      type: 'boolean',
      run: (ctx) => {
        if (ctx.isNew || !ctx.prior) return false;
        const a = before(ctx);
        const b = arg.run(ctx);
        return isBlank(a) ? !isBlank(b) : a !== b;
      },
    };
  }

  private simple(node: Extract<Node, { kind: 'call' }>): Typed {
    const spec = SIMPLE[node.name];
    if (!spec) throw new FormulaCompileError(`Unknown function ${node.name}. Check spelling.`);
    const max = spec.variadic ? Infinity : spec.params.length;
    this.arity(node, spec.params.length, max);
    const args = node.args.map((a) => this.compile(a));
    args.forEach((a, i) =>
      this.expect(a, spec.params[Math.min(i, spec.params.length - 1)], `function '${node.name}()'`),
    );
    return {
      type: spec.result,
      run: (ctx) => {
        const values = args.map((a) => a.run(ctx));
        if (!spec.blanks && values.some(isBlank)) return null;
        return spec.apply(values);
      },
    };
  }
}

export interface CompileOptions {
  context: FormulaContext;
  /** Formula fields: `formulaTreatBlanksAs` is BlankAsZero (number fields read blank as 0). */
  blankAsZero: boolean;
  requireFormula: (field: FieldSchema) => void;
}

/** Parses (unless given a tree) and compiles one formula on `obj`. Throws FormulaCompileError (or a syntax error) when it cannot run. */
export function compileFormula(
  schema: OrgSchema,
  obj: ObjectSchema,
  source: string | Node,
  options: CompileOptions,
): CompiledFormula {
  let tree: Node;
  try {
    tree = typeof source === 'string' ? parseFormula(source) : source;
  } catch (error) {
    throw new FormulaCompileError(`Syntax error: ${(error as Error).message}`);
  }
  const compiler = new Compiler(schema, obj, options.context, options.blankAsZero, options.requireFormula);
  const typed = compiler.compile(tree);
  return { type: typed.type, inputs: compiler.inputs, evaluate: typed.run };
}
