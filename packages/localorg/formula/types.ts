/**
 * The formula compiler's types and value conventions: formula types and their display names, the values a
 * compiled formula reads and returns, and the conversions between stored (SQLite) values and formula values.
 *
 * Values: numbers, text (blank is null), booleans, dates as 'YYYY-MM-DD', datetimes as ISO UTC text.
 */
import type { FieldModel } from '@partner-planning/model';
import type { FieldSchema, ParentRelationship } from '../schema';
import type { SqlValue } from '../sql';

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
  /** A column of the running user's User row, for `$User.<Field>` (absent: every such field reads blank). */
  user?: (column: string) => SqlValue | undefined;
}

export interface CompiledFormula {
  type: FormulaType;
  inputs: FormulaInput[];
  /** PRIORVALUE or ISCHANGED: the formula reads the values before the write (`EvalContext.prior`). */
  readsPrior: boolean;
  evaluate(ctx: EvalContext): Value;
}

/** A formula the local org cannot evaluate; the message names the problem, the caller names the formula. */
export class FormulaCompileError extends Error {}

/** A compiled sub-expression: its type and how to evaluate it. */
export type Eval = (ctx: EvalContext) => Value;
export interface Typed {
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

export const wrongType = (what: string, expected: FormulaType, received: FormulaType): FormulaCompileError =>
  new FormulaCompileError(
    `Incorrect parameter type for ${what}. Expected ${TYPE_NAMES[expected]}, received ${TYPE_NAMES[received]}`,
  );

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
export function fromStored(type: FormulaType, raw: SqlValue | undefined, blankAsZero: boolean): Value {
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

export const isBlank = (v: Value): boolean => v === null || v === '';
export const asText = (v: Value): string => (v === null ? '' : String(v));
/** A value the type checker has proven to be a number (or text): no conversion. */
export const n = (v: Value): number => v as number;
export const s = (v: Value): string => v as string;
