/**
 * The org's formulas, compiled once per schema at startup: formula fields (computed on read), active
 * validation rules and active required lookup filters (checked on every create and update, inside the
 * DML write path). A formula the local org cannot evaluate fails startup with a message naming it.
 */
import type { FieldModel, FilterItem, ValidationRuleModel } from '@partner-planning/model';
import { SalesforceError, SalesforceErrors, type ApiErrorBody } from '../errors';
import type { FieldSchema, ObjectSchema, OrgSchema } from '../schema';
import type { Db, Row, SqlValue } from '../sql';
import type { Storage } from '../storage';
import { roundToScale } from '../values';
import {
  compileFormula,
  FormulaCompileError,
  formulaTypeOf,
  toStored,
  TYPE_NAMES,
  type CompiledFormula,
  type FormulaType,
  type Value,
} from './compile';
import type { Node } from './parse';

/** A formula, validation rule or lookup filter the local org cannot evaluate: a startup error. */
export class FormulaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormulaError';
  }
}

interface CompiledRule {
  rule: ValidationRuleModel;
  formula: CompiledFormula;
}

interface CompiledFilter {
  field: FieldSchema;
  message: string;
  formula: CompiledFormula;
}

export interface OrgFormulas {
  fields: Map<FieldSchema, CompiledFormula>;
  rules: Map<ObjectSchema, CompiledRule[]>;
  filters: Map<ObjectSchema, CompiledFilter[]>;
}

/** Who saves or reads, and when: what TODAY(), NOW() and $User answer. */
export interface FormulaEnv {
  now: Date;
  userId: string;
}

/** The SQLite function that computes a formula field inside a query: (field key, now, ...input values). */
export const FORMULA_SQL_FUNCTION = 'localorg_formula';
const DEFAULT_FILTER_MESSAGE = 'Value does not exist or does not match filter criteria.';

const cache = new WeakMap<OrgSchema, OrgFormulas>();

const fieldKey = (field: FieldSchema): string => `${field.model.objectApiName}.${field.name}`;

const where = (path: string | undefined): string => (path ? ` (${path})` : '');

/**
 * Runs `compile`, naming `what` in any error. A FormulaError passes through: it already names the formula
 * field it comes from (one this formula reads).
 */
function named<T>(what: string, compile: () => T): T {
  try {
    return compile();
  } catch (error) {
    if (error instanceof FormulaError) throw error;
    throw new FormulaError(`${what}: ${(error as Error).message}`);
  }
}

const incompatible = (actual: FormulaType, expected: FormulaType): FormulaCompileError =>
  new FormulaCompileError(
    `Formula result is data type (${TYPE_NAMES[actual]}), incompatible with expected data type (${TYPE_NAMES[expected]}).`,
  );

function compileAll(schema: OrgSchema): OrgFormulas {
  const fields = new Map<FieldSchema, CompiledFormula>();
  const inProgress = new Set<FieldSchema>();

  const requireFormula = (field: FieldSchema): void => {
    if (fields.has(field)) return;
    const what = `Formula field ${fieldKey(field)}${where(field.model.sourcePath)}`;
    if (inProgress.has(field)) throw new FormulaError(`${what} refers to itself`);
    inProgress.add(field);
    const model = field.model;
    const compiled = named(what, () => {
      const obj = schema.objects.get(model.objectApiName)!;
      const formula = compileFormula(schema, obj, model.formula ?? '', {
        context: 'field',
        blankAsZero: model.formulaTreatBlanksAs !== 'BlankAsBlank',
        requireFormula,
      });
      const expected = formulaTypeOf(model);
      if (expected === 'picklist' || expected === 'multipicklist') {
        throw new FormulaCompileError(`a formula field cannot be of type ${model.type}`);
      }
      if (formula.type !== expected && formula.type !== 'null') throw incompatible(formula.type, expected);
      return formula;
    });
    inProgress.delete(field);
    fields.set(field, compiled);
  };

  const rules = new Map<ObjectSchema, CompiledRule[]>();
  const filters = new Map<ObjectSchema, CompiledFilter[]>();
  for (const obj of schema.objects.values()) {
    for (const field of obj.fields.values()) if (field.model.formula !== undefined) requireFormula(field);
    const compiledRules: CompiledRule[] = [];
    for (const rule of obj.model.validationRules) {
      if (!rule.active) continue;
      const formula = named(`Validation rule ${obj.name}.${rule.name}${where(rule.sourcePath)}`, () => {
        const compiled = compileFormula(schema, obj, rule.formula, {
          context: 'validation',
          blankAsZero: false,
          requireFormula,
        });
        if (compiled.type !== 'boolean') throw incompatible(compiled.type, 'boolean');
        if (rule.errorDisplayField && !obj.fieldsByLower.has(rule.errorDisplayField.toLowerCase())) {
          throw new FormulaCompileError(`error display field ${rule.errorDisplayField} does not exist`);
        }
        return compiled;
      });
      compiledRules.push({ rule, formula });
    }
    if (compiledRules.length > 0) rules.set(obj, compiledRules);
    const compiledFilters: CompiledFilter[] = [];
    for (const field of obj.fields.values()) {
      const filter = field.model.lookupFilter;
      if (!filter?.active || filter.optional || filter.filters.length === 0) continue;
      const formula = named(`Lookup filter of ${fieldKey(field)}${where(field.model.sourcePath)}`, () =>
        compileFormula(schema, obj, filterTree(schema, obj, field, filter.filters), {
          context: 'validation',
          blankAsZero: false,
          requireFormula,
        }),
      );
      compiledFilters.push({ field, message: filter.errorMessage ?? DEFAULT_FILTER_MESSAGE, formula });
    }
    if (compiledFilters.length > 0) filters.set(obj, compiledFilters);
  }
  return { fields, rules, filters };
}

/** The schema's compiled formulas; the first call compiles them and throws FormulaError for any it cannot run. */
export function formulasOf(schema: OrgSchema): OrgFormulas {
  let formulas = cache.get(schema);
  if (!formulas) {
    formulas = compileAll(schema);
    cache.set(schema, formulas);
  }
  return formulas;
}

/**
 * A required lookup filter as a formula on the source record: `Account.Partner_Type__c notEqual ''` on
 * Partner_Account__c becomes NOT(ISBLANK(Partner_Account__r.Partner_Type__c)). Items are ANDed.
 */
function filterTree(schema: OrgSchema, obj: ObjectSchema, lookup: FieldSchema, items: FilterItem[]): Node {
  const rel = [...obj.parents.values()].find((p) => p.field === lookup);
  if (!rel) throw new Error('the lookup has no relationship');
  const target = schema.objects.get(rel.target)!;
  /** `Account.Field` (the target) or `$Source.Field` (the record being saved), as a path from `obj`. */
  const pathOf = (ref: string): { path: string[]; model: FieldModel | undefined } => {
    const [head, ...rest] = ref.split('.');
    if (head.toLowerCase() === '$source') {
      return { path: rest, model: obj.fieldsByLower.get(rest[rest.length - 1]?.toLowerCase() ?? '')?.model };
    }
    if (head.toLowerCase() !== target.name.toLowerCase() || rest.length === 0) {
      throw new Error(`filter field ${ref} is neither on ${target.name} nor $Source`);
    }
    const model = rest.length === 1 ? target.fieldsByLower.get(rest[0].toLowerCase())?.model : undefined;
    return { path: [rel.name, ...rest], model };
  };
  const fieldNode = (path: string[]): Node => ({ kind: 'field', path, text: path.join('.') });
  const call = (name: string, ...args: Node[]): Node => ({ kind: 'call', name, args, text: name });
  const conditions = items.map((item): Node => {
    const { path, model } = pathOf(item.field);
    const type: FormulaType = model ? formulaTypeOf(model) : 'text';
    // Picklists compare by their text; everything else by its own type.
    const subject = type === 'picklist' ? call('TEXT', fieldNode(path)) : fieldNode(path);
    const literal = (text: string): Node => {
      if (type === 'number') return { kind: 'number', value: Number(text) };
      if (type === 'boolean') return { kind: 'boolean', value: text.toLowerCase() === 'true' };
      if (type === 'date') {
        const [y, m, d] = text.split('-').map((p) => ({ kind: 'number', value: Number(p) }) as Node);
        return call('DATE', y, m, d);
      }
      return { kind: 'text', value: text };
    };
    const compareTo = (op: string, value: Node): Node => ({ kind: 'binary', op, left: subject, right: value });
    if (item.valueField) {
      const other = pathOf(item.valueField);
      const right = other.model?.type === 'Picklist' ? call('TEXT', fieldNode(other.path)) : fieldNode(other.path);
      const op = OPERATORS[item.operation];
      if (!op) throw new Error(`operation ${item.operation} cannot compare two fields`);
      return compareTo(op, right);
    }
    const raw = item.value ?? '';
    const values = raw.split(',').map((v) => v.trim());
    switch (item.operation) {
      case 'equals':
        return raw === '' ? call('ISBLANK', subject) : anyOf(values.map((v) => compareTo('=', literal(v))));
      case 'notEqual':
        return raw === ''
          ? call('NOT', call('ISBLANK', subject))
          : call('AND', ...values.map((v) => call('NOT', compareTo('=', literal(v)))));
      case 'lessThan':
      case 'greaterThan':
      case 'lessOrEqual':
      case 'greaterOrEqual':
        return compareTo(OPERATORS[item.operation], literal(raw));
      case 'startsWith':
        return anyOf(values.map((v) => call('BEGINS', subject, { kind: 'text', value: v })));
      case 'contains':
        return anyOf(values.map((v) => call('CONTAINS', subject, { kind: 'text', value: v })));
      case 'notContain':
        return call('NOT', anyOf(values.map((v) => call('CONTAINS', subject, { kind: 'text', value: v }))));
      case 'includes':
        return anyOf(values.map((v) => call('INCLUDES', fieldNode(path), { kind: 'text', value: v })));
      case 'excludes':
        return call('NOT', anyOf(values.map((v) => call('INCLUDES', fieldNode(path), { kind: 'text', value: v }))));
      default:
        throw new Error(`unsupported filter operation ${item.operation}`);
    }
  });
  return conditions.length === 1 ? conditions[0] : call('AND', ...conditions);
}

const OPERATORS: Record<string, string> = {
  equals: '=',
  notEqual: '!=',
  lessThan: '<',
  greaterThan: '>',
  lessOrEqual: '<=',
  greaterOrEqual: '>=',
};

function anyOf(nodes: Node[]): Node {
  return nodes.length === 1 ? nodes[0] : { kind: 'call', name: 'OR', args: nodes, text: 'OR' };
}

/** A formula field's result as stored and returned: numbers rounded to the field's decimal places. */
function storedResult(field: FieldSchema, value: Value): SqlValue {
  const stored = toStored(formulaTypeOf(field.model), value);
  return typeof stored === 'number' ? roundToScale(stored, field.model.scale) : stored;
}

/**
 * The columns a set of formulas reads of each parent object, or undefined when one of them reads a parent's
 * formula field (whose own inputs may be anywhere): then parents are read whole.
 */
function parentColumns(compiled: CompiledFormula[]): Map<string, string[]> | undefined {
  const columns = new Map<string, Set<string>>();
  for (const { inputs } of compiled) {
    for (const input of inputs) {
      const { rels, field } = input;
      if (rels.length > 0 && field.model.formula !== undefined) return undefined;
      rels.forEach((rel, k) => {
        const set = columns.get(rel.target) ?? new Set<string>();
        set.add(k + 1 < rels.length ? rels[k + 1].field.column : field.column);
        columns.set(rel.target, set);
      });
    }
  }
  return new Map([...columns].map(([target, set]) => [target, [...set]]));
}

/** Per object, the parent columns its lookup filters and validation rules read (worked out on first use). */
const ruleParentColumns = new WeakMap<OrgFormulas, Map<ObjectSchema, Map<string, string[]> | undefined>>();

function parentColumnsOfRules(formulas: OrgFormulas, obj: ObjectSchema): Map<string, string[]> | undefined {
  let byObject = ruleParentColumns.get(formulas);
  if (!byObject) {
    byObject = new Map();
    ruleParentColumns.set(formulas, byObject);
  }
  if (!byObject.has(obj)) {
    const compiled = [
      ...(formulas.filters.get(obj) ?? []).map((f) => f.formula),
      ...(formulas.rules.get(obj) ?? []).map((r) => r.formula),
    ];
    byObject.set(obj, parentColumns(compiled));
  }
  return byObject.get(obj);
}

/** Reads formula inputs from rows: the record's own columns, parents fetched by Id, formulas computed. */
class RowReader {
  /** Parent rows read so far, by object and Id: a record's rules read the same parents many times over. */
  private readonly parents = new Map<ObjectSchema, Map<string, Row | undefined>>();

  /** `narrow`: the only columns read of each parent object (a wide parent row costs far more than a few values). */
  constructor(
    private readonly storage: Storage,
    private readonly formulas: OrgFormulas,
    private readonly env: FormulaEnv,
    private readonly narrow?: Map<string, string[]>,
  ) {}

  private parent(target: ObjectSchema, id: SqlValue): Row | undefined {
    if (typeof id !== 'string') return undefined;
    let rows = this.parents.get(target);
    if (!rows) {
      rows = new Map();
      this.parents.set(target, rows);
    }
    if (!rows.has(id)) {
      const columns = this.narrow?.get(target.name);
      rows.set(id, columns ? this.storage.getColumns(target, id, columns) : this.storage.getRow(target, id));
    }
    return rows.get(id);
  }

  inputs(compiled: CompiledFormula, row: Row): SqlValue[] {
    return compiled.inputs.map((input) => {
      let current: Row | undefined = row;
      for (const rel of input.rels) {
        current = current && this.parent(this.storage.schema.objects.get(rel.target)!, current[rel.field.column]);
      }
      if (!current) return null;
      return input.field.model.formula !== undefined
        ? this.formula(input.field, current)
        : (current[input.field.column] ?? null);
    });
  }

  formula(field: FieldSchema, row: Row): SqlValue {
    const compiled = this.formulas.fields.get(field)!;
    const value = compiled.evaluate({ values: this.inputs(compiled, row), isNew: false, ...this.env });
    return storedResult(field, value);
  }
}

/** The row with every formula field of `obj` computed, for rendering (REST reads). */
export function withFormulaValues(storage: Storage, obj: ObjectSchema, row: Row, env: FormulaEnv): Row {
  const formulas = formulasOf(storage.schema);
  const reader = new RowReader(storage, formulas, env);
  const out: Row = { ...row };
  for (const field of obj.fields.values()) {
    if (formulas.fields.has(field)) out[field.column] = reader.formula(field, row);
  }
  return out;
}

/**
 * Checks a record about to be written: required lookup filters first (the platform runs them before
 * validation rules), then every active validation rule, all of whose failures are reported together.
 * `prior` is the stored row on update, undefined on create.
 */
export function enforceRules(
  storage: Storage,
  obj: ObjectSchema,
  row: Row,
  prior: Row | undefined,
  env: FormulaEnv,
): void {
  const formulas = formulasOf(storage.schema);
  const reader = new RowReader(storage, formulas, env, parentColumnsOfRules(formulas, obj));
  const user = userColumns(storage, env.userId);
  const run = (compiled: CompiledFormula): boolean =>
    compiled.evaluate({
      values: reader.inputs(compiled, row),
      // Most rules never look at the values before the write: reading them for every rule was wasted work.
      prior: prior && compiled.readsPrior ? reader.inputs(compiled, prior) : undefined,
      isNew: prior === undefined,
      ...env,
      user,
    }) === true;
  for (const filter of formulas.filters.get(obj) ?? []) {
    if (row[filter.field.column] === null || row[filter.field.column] === undefined) continue;
    if (!run(filter.formula)) {
      throw new SalesforceError(400, 'FIELD_FILTER_VALIDATION_EXCEPTION', filter.message, [filter.field.name]);
    }
  }
  const failures: ApiErrorBody[] = [];
  for (const { rule, formula } of formulas.rules.get(obj) ?? []) {
    if (!run(formula)) continue;
    const display = rule.errorDisplayField ? obj.fieldsByLower.get(rule.errorDisplayField.toLowerCase()) : undefined;
    failures.push({
      message: rule.errorMessage,
      errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      // A rule shown at the top of the page names no field.
      fields: display ? [display.name] : [],
    });
  }
  if (failures.length > 0) throw new SalesforceErrors(400, failures);
}

/**
 * The running user's columns for `$User.<Field>`, each read once on first use, alone: rules run on every
 * record written, and reading the whole User row for each cost more than the rules (no user, the platform's
 * own writes: every field blank).
 */
export function userColumns(storage: Storage, userId: string): (column: string) => SqlValue | undefined {
  const read = new Map<string, SqlValue | undefined>();
  return (column) => {
    if (!read.has(column)) {
      const users = storage.schema.objects.get('User');
      const row = userId !== '' && users ? storage.getColumns(users, userId, [column]) : undefined;
      read.set(column, row?.[column]);
    }
    return read.get(column);
  };
}

/** The SQL expression of a formula field inside a query, given the SQL of each of its inputs and of `now`. */
export function formulaSql(field: FieldSchema, nowSql: string, inputSql: string[]): string {
  const key = `'${fieldKey(field).replace(/'/g, "''")}'`;
  return `${FORMULA_SQL_FUNCTION}(${[key, nowSql, ...inputSql].join(', ')})`;
}

/** The compiled formula of a formula field (the schema's formulas compile on first use). */
export function formulaOf(schema: OrgSchema, field: FieldSchema): CompiledFormula {
  const compiled = formulasOf(schema).fields.get(field);
  if (!compiled) throw new Error(`${fieldKey(field)} is not a formula field`);
  return compiled;
}

/** Registers the SQL function that queries use to compute formula fields from their input columns. */
export function registerFormulaFunction(db: Db, schema: OrgSchema): void {
  const byKey = new Map<string, FieldSchema>();
  for (const obj of schema.objects.values()) {
    for (const field of obj.fields.values()) if (field.model.formula !== undefined) byKey.set(fieldKey(field), field);
  }
  db.function(FORMULA_SQL_FUNCTION, { varargs: true, deterministic: true }, (...args: unknown[]) => {
    const [key, now, ...values] = args as [string, string, ...SqlValue[]];
    const field = byKey.get(key);
    if (!field) throw new Error(`no formula field ${key}`);
    const compiled = formulaOf(schema, field);
    // Formula fields never read $User (refused at compile time), so no user is needed here.
    const value = compiled.evaluate({ values, isNew: false, now: new Date(now), userId: '' });
    return storedResult(field, value);
  });
}
