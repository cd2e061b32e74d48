/**
 * Values a new record gets without the client giving them: checkbox, picklist and literal defaults from
 * metadata, roll-up starting values, the owner, and auto-numbers from the org's counters.
 */
import type { RequestContext } from '../context';
import type { FieldSchema, ObjectSchema } from '../schema';
import type { Row, SqlValue } from '../sql';
import type { Storage } from '../storage';
import { today } from '../values';
import { NUMBER_TYPES } from './common';

/** Values a new record gets when the client does not give them. */
export function defaultValues(ctx: RequestContext, obj: ObjectSchema): Row {
  const row: Row = {};
  for (const field of obj.fields.values()) {
    const model = field.model;
    // Formula and compound fields are not stored: they are computed on read.
    if (model.formula !== undefined || model.type === 'Address') continue;
    if (model.type === 'Checkbox') row[field.column] = model.defaultChecked ? 1 : 0;
    else if (model.summary)
      row[field.column] = model.summary.operation === 'count' || model.summary.operation === 'sum' ? 0 : null;
    else if (model.picklist) {
      const defaults = model.picklist.values.filter((v) => v.isDefault).map((v) => v.value);
      row[field.column] = defaults.length > 0 ? defaults.join(';') : null;
    } else row[field.column] = literalDefault(model.defaultValue, model.type, ctx.now);
  }
  if (obj.fields.has('OwnerId')) row.OwnerId = ctx.userId;
  return row;
}

/** A metadata `defaultValue` that is a literal (number, quoted text, boolean, TODAY(), NOW()); others are not evaluated. */
function literalDefault(expr: string | undefined, type: string, now: Date): SqlValue {
  if (expr === undefined) return null;
  const text = expr.trim();
  if (/^-?\d+(\.\d+)?$/.test(text) && NUMBER_TYPES.has(type)) return Number(text);
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(text);
  if (quoted) return quoted[1] ?? quoted[2] ?? '';
  if (/^TODAY\(\)$/i.test(text) && type === 'Date') return today(now);
  if (/^NOW\(\)$/i.test(text) && type === 'DateTime') return now.toISOString();
  return null;
}

/** The org's counter behind an auto-number field. */
export const autoNumberCounter = (obj: ObjectSchema, field: FieldSchema): string =>
  `autonumber:${obj.name}.${field.name}`;

/** The next value of an auto-number field: the org's counter for it, in the field's display format. */
export function nextAutoNumber(storage: Storage, obj: ObjectSchema, field: FieldSchema, now: Date): string {
  const counter = storage
    .statement(
      `INSERT INTO _localorg_counters (prefix, next) VALUES (?, 1) ON CONFLICT(prefix) DO UPDATE SET next = next + 1 RETURNING next`,
    )
    .get(autoNumberCounter(obj, field)) as { next: number };
  return formatAutoNumber(field, counter.next, now);
}

/** Counter value `n` in the field's display format. */
export function formatAutoNumber(field: FieldSchema, n: number, now: Date): string {
  const format = field.model.autoNumberFormat ?? '{0}';
  const day = today(now);
  return format
    .replace(/\{(0+)\}/, (_, zeros: string) => String(n).padStart(zeros.length, '0'))
    .replace(/\{YYYY\}/g, day.slice(0, 4))
    .replace(/\{YY\}/g, day.slice(2, 4))
    .replace(/\{MM\}/g, day.slice(5, 7))
    .replace(/\{DD\}/g, day.slice(8, 10));
}
