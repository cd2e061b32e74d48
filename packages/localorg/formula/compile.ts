/**
 * Type-checks a parsed formula against the org's schema and compiles it to a function of the values of
 * the fields it reads. Everything a formula could get wrong at run time (unknown fields and functions,
 * wrong argument types or counts, picklists outside the functions that take them, context functions in
 * a formula field) is found here, once, at startup.
 *
 * This module resolves field paths and compiles the functions with typing rules of their own (IF, CASE,
 * ISPICKVAL, TEXT, PRIORVALUE, ...); the value conventions are in types.ts, the operators in operators.ts
 * and the plain-value functions in functions.ts.
 *
 * Null semantics follow Salesforce: arithmetic and functions of a blank are blank, `&` and text
 * comparisons read a blank as "", and any other comparison with a blank is false.
 */
import type { FieldSchema, ObjectSchema, OrgSchema, ParentRelationship } from '../schema';
import { findFieldSchema } from '../schema';
import { CONTEXT_FUNCTIONS, numberText, SIMPLE } from './functions';
import { binary, expectType, unary } from './operators';
import { parseFormula, type Node } from './parse';
import {
  asText,
  formulaTypeOf,
  fromStored,
  FormulaCompileError,
  isBlank,
  n,
  s,
  wrongType,
  type CompiledFormula,
  type EvalContext,
  type FormulaContext,
  type FormulaInput,
  type FormulaType,
  type Typed,
  type Value,
} from './types';

// The compiler's types and conversions, for the formula runtime (index.ts) and the tests.
export {
  FormulaCompileError,
  formulaTypeOf,
  toStored,
  TYPE_NAMES,
  type CompiledFormula,
  type EvalContext,
  type FormulaContext,
  type FormulaInput,
  type FormulaType,
  type Value,
} from './types';

/** Salesforce allows ten relationships in a formula's field path. */
const MAX_RELATIONSHIPS = 10;

class Compiler {
  readonly inputs: FormulaInput[] = [];
  /** Set by PRIORVALUE and ISCHANGED. */
  readsPrior = false;
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
        return unary(node.op, this.compile(node.operand));
      case 'binary':
        return binary(node.op, this.compile(node.left), this.compile(node.right));
      case 'call':
        return this.call(node);
    }
  }

  private field(node: Extract<Node, { kind: 'field' }>, allowPicklist: boolean): Typed {
    if (node.path[0].startsWith('$')) return this.global(node, allowPicklist);
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

  /**
   * `$User.<Field>`: a field of the user saving the record (`$User.Id`, `$User.ContactId`, `$User.UserType`...).
   * Picklists (UserType) follow the picklist rules: TEXT(), ISPICKVAL(), CASE() and ISBLANK() take them.
   */
  private global(node: Extract<Node, { kind: 'field' }>, allowPicklist: boolean): Typed {
    const [scope, name] = [node.path[0].toLowerCase(), node.path[1]];
    const users = this.schema.objects.get('User');
    if (scope !== '$user' || node.path.length !== 2 || !users) {
      throw new FormulaCompileError(`${node.text} is not supported by the local org: only $User fields are`);
    }
    if (this.context === 'field') {
      throw new FormulaCompileError(`${node.text} is not supported in formula fields by the local org`);
    }
    const field = findFieldSchema(users, name);
    if (!field || field.model.formula !== undefined) {
      throw new FormulaCompileError(`Field ${node.text} does not exist. Check spelling.`);
    }
    if (field.name === 'Id') return { type: 'text', run: (ctx) => ctx.userId };
    const type = formulaTypeOf(field.model);
    if ((type === 'picklist' || type === 'multipicklist') && !allowPicklist) {
      throw new FormulaCompileError(
        `Field ${node.text} is a picklist field. Picklist fields are only supported in certain functions.`,
      );
    }
    const column = field.column;
    return { type, run: (ctx) => fromStored(type, ctx.user?.(column) ?? null, false) };
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
        for (const a of args) expectType(a, 'boolean', what);
        return name === 'AND'
          ? { type: 'boolean', run: (ctx) => args.every((a) => Boolean(a.run(ctx))) }
          : { type: 'boolean', run: (ctx) => args.some((a) => Boolean(a.run(ctx))) };
      }
      case 'NOT': {
        this.arity(node, 1);
        const arg = this.compile(node.args[0]);
        expectType(arg, 'boolean', what);
        return { type: 'boolean', run: (ctx) => !arg.run(ctx) };
      }
      case 'IF': {
        this.arity(node, 3);
        const [test, then, otherwise] = node.args.map((a) => this.compile(a));
        expectType(test, 'boolean', what);
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
        expectType(literal, 'text', what);
        return { type: 'boolean', run: (ctx) => asText(field.run(ctx)) === asText(literal.run(ctx)) };
      }
      case 'INCLUDES': {
        this.arity(node, 2);
        const field = this.compile(node.args[0], true);
        if (field.type !== 'multipicklist') throw wrongType(what, 'multipicklist', field.type);
        const literal = this.compile(node.args[1]);
        expectType(literal, 'text', what);
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
      expectType(value, matchType, `function 'CASE()'`);
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
    this.readsPrior = true;
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
      expectType(a, spec.params[Math.min(i, spec.params.length - 1)], `function '${node.name}()'`),
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
  return { type: typed.type, inputs: compiler.inputs, readsPrior: compiler.readsPrior, evaluate: typed.run };
}
