/**
 * The SQL condition of a roll-up summary's filter criteria: metadata filter items (ANDed), each compared
 * with the child field's column, with values typed by that field.
 */
import type { FilterItem } from '@partner-planning/model';
import { findFieldSchema, type ObjectSchema } from '../schema';
import { quoteIdent, type SqlValue } from '../sql';
import { NUMBER_TYPES } from './common';

/** A SQL condition for roll-up filter items (ANDed); appends its parameters to `params`. */
export function filterSql(child: ObjectSchema, filters: FilterItem[], params: SqlValue[]): string {
  if (filters.length === 0) return '1';
  return filters
    .map((item) => {
      const name = item.field.includes('.') ? item.field.split('.')[1] : item.field;
      const field = findFieldSchema(child, name);
      if (!field) return '0';
      const column = quoteIdent(field.column);
      const raw = item.value ?? '';
      const typed = (text: string): SqlValue => {
        if (field.model.type === 'Checkbox') return text.toLowerCase() === 'true' ? 1 : 0;
        if (NUMBER_TYPES.has(field.model.type)) return Number(text);
        return text;
      };
      const list = raw.split(',').map((v) => v.trim());
      const placeholders = (values: string[]): string => {
        for (const v of values) params.push(typed(v));
        return values.map(() => '?').join(', ');
      };
      switch (item.operation) {
        case 'equals':
          return raw === '' ? `${column} IS NULL` : `${column} IN (${placeholders(list)})`;
        case 'notEqual':
          return raw === ''
            ? `${column} IS NOT NULL`
            : `(${column} IS NULL OR ${column} NOT IN (${placeholders(list)}))`;
        case 'lessThan':
          return `${column} < ${placeholders([raw])}`;
        case 'greaterThan':
          return `${column} > ${placeholders([raw])}`;
        case 'lessOrEqual':
          return `${column} <= ${placeholders([raw])}`;
        case 'greaterOrEqual':
          return `${column} >= ${placeholders([raw])}`;
        case 'startsWith':
          params.push(`${raw}%`);
          return `${column} LIKE ?`;
        case 'contains':
          return `(${list.map((v) => (params.push(`%${v}%`), `${column} LIKE ?`)).join(' OR ')})`;
        case 'notContain':
          return `(${column} IS NULL OR (${list.map((v) => (params.push(`%${v}%`), `${column} NOT LIKE ?`)).join(' AND ')}))`;
        case 'includes':
          return `(${list.map((v) => (params.push(v), `(';' || ${column} || ';') LIKE ('%;' || ? || ';%')`)).join(' OR ')})`;
        case 'excludes':
          return `(${column} IS NULL OR (${list.map((v) => (params.push(v), `(';' || ${column} || ';') NOT LIKE ('%;' || ? || ';%')`)).join(' AND ')}))`;
        default:
          return '0';
      }
    })
    .join(' AND ');
}
