/**
 * Type checking and code generation of the formula operators: `!` and unary minus, `&&` `||`, text `&`,
 * comparisons (with Salesforce's blank semantics: text compares a blank as "", anything else compared with
 * a blank is false) and arithmetic on numbers, dates and date/times.
 */
import { DAY_MS, epochDays, fromEpochDays } from './functions';
import { asText, isBlank, n, s, wrongType, type FormulaType, type Typed, type Value } from './types';

/** Refuses an argument of another type than `type` (NULL fits any type). */
export function expectType(arg: Typed, type: FormulaType, what: string): void {
  if (arg.type !== type && arg.type !== 'null') throw wrongType(what, type, arg.type);
}

export function unary(op: string, operand: Typed): Typed {
  if (op === '!') {
    expectType(operand, 'boolean', `operator '!'`);
    return { type: 'boolean', run: (ctx) => !operand.run(ctx) };
  }
  expectType(operand, 'number', `operator '${op}'`);
  return {
    type: 'number',
    run: (ctx) => {
      const v = operand.run(ctx);
      return v === null ? null : op === '-' ? -n(v) : n(v);
    },
  };
}

export function binary(op: string, left: Typed, right: Typed): Typed {
  const what = `operator '${op}'`;
  if (op === '&&' || op === '||') {
    expectType(left, 'boolean', what);
    expectType(right, 'boolean', what);
    return op === '&&'
      ? { type: 'boolean', run: (ctx) => Boolean(left.run(ctx)) && Boolean(right.run(ctx)) }
      : { type: 'boolean', run: (ctx) => Boolean(left.run(ctx)) || Boolean(right.run(ctx)) };
  }
  if (op === '&') {
    expectType(left, 'text', what);
    expectType(right, 'text', what);
    return {
      type: 'text',
      run: (ctx) => {
        const joined = asText(left.run(ctx)) + asText(right.run(ctx));
        return joined === '' ? null : joined;
      },
    };
  }
  if (['=', '==', '!=', '<>', '<', '<=', '>', '>='].includes(op)) return comparison(op, left, right);
  return arithmetic(op, left, right);
}

function comparison(op: string, left: Typed, right: Typed): Typed {
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

function arithmetic(op: string, left: Typed, right: Typed): Typed {
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
