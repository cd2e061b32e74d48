/**
 * What an object's list page draws from the UI API's list answers (List Info, List Record Collection) and
 * the object's Object Info: each cell's text, alignment and link, a flag column as a badge, and the list's
 * filters as a sentence. Pure functions over the documented shapes, tested without a browser.
 */
import { scaledNumber, scaledPercent } from '../../../../platform/numbers';

export interface DisplayColumn {
  fieldApiName: string;
  label: string;
  lookupId: string | null;
  sortable: boolean;
}

export interface ListFilter {
  fieldApiName?: string;
  label: string;
  operandLabels: string[];
  operator: string;
}

export interface FieldValue {
  value: unknown;
  displayValue: string | null;
}

export interface UiRecord {
  apiName: string;
  id: string;
  fields: Record<string, FieldValue | undefined>;
}

/** How a list shows some of its columns (by field API name). */
export interface ColumnStyles {
  /** Checkbox columns drawn as a badge with this text when true (and nothing when false). */
  badges?: Record<string, string>;
  /** What a blank cell of the column says. */
  blanks?: Record<string, string>;
}

export interface Cell {
  key: string;
  text: string;
  href: string | null;
  badge: boolean;
  className: string;
}

/** UI API data types whose values are figures: right-aligned, as Lightning's list views align them. */
const FIGURES = new Set(['Currency', 'Double', 'Int', 'Percent', 'Long']);

/** Whether a column holds figures: one of the object's own number fields (a parent's name is text). */
export const isFigure = (column: DisplayColumn, dataTypes: Record<string, string>): boolean =>
  !column.fieldApiName.includes('.') && FIGURES.has(dataTypes[column.fieldApiName] ?? '');

/** The field a column path names in a UI API record (`Partner_Account__r.Name` through the parent). */
export function fieldAt(record: UiRecord, path: string): FieldValue | undefined {
  const [first, ...rest] = path.split('.');
  const field = record.fields[first];
  if (rest.length === 0 || !field) return field;
  const parent = field.value as UiRecord | null;
  return parent && typeof parent === 'object' ? fieldAt(parent, rest.join('.')) : undefined;
}

/**
 * A value as the list shows it: the UI API's display value, else the value formatted for en-US (a number in its
 * field's scale, a percent field with its sign, as Lightning shows them: the API gives the number only).
 */
export function cellText(field: FieldValue | undefined, dataType?: string, scale?: number): string {
  if (!field || field.value === null || field.value === undefined) return '';
  if (field.displayValue !== null) return field.displayValue;
  if (typeof field.value === 'number')
    return dataType === 'Percent' ? scaledPercent(field.value, scale) : scaledNumber(field.value, scale);
  if (typeof field.value === 'boolean') return field.value ? 'Yes' : 'No';
  return String(field.value);
}

/** One record's cells; `hrefOf` gives a record's address in the app, or null when it has no page. */
export function rowCells(
  record: UiRecord,
  columns: DisplayColumn[],
  dataTypes: Record<string, string>,
  styles: ColumnStyles,
  hrefOf: (objectApiName: string, id: string) => string | null,
  /** The object's number fields' scales (Object Info), by field API name. */
  scales: Record<string, number> = {},
): Cell[] {
  return columns.map((c) => {
    const field = fieldAt(record, c.fieldApiName);
    const figure = isFigure(c, dataTypes);
    const badgeText = styles.badges?.[c.fieldApiName];
    if (badgeText !== undefined) {
      const on = field?.value === true;
      return { key: c.fieldApiName, text: on ? badgeText : '', href: null, badge: on, className: '' };
    }
    const own = !c.fieldApiName.includes('.');
    let text = cellText(field, own ? dataTypes[c.fieldApiName] : undefined, own ? scales[c.fieldApiName] : undefined);
    let href: string | null = null;
    if (text && c.lookupId === 'Id') href = hrefOf(record.apiName, record.id);
    else if (text && c.lookupId) {
      // The parent's link: its Id field, and its object from the relationship's record.
      const parent = fieldAt(record, c.fieldApiName.split('.')[0])?.value as UiRecord | null | undefined;
      const id = fieldAt(record, c.lookupId)?.value;
      if (parent && typeof parent === 'object' && typeof id === 'string') href = hrefOf(parent.apiName, id);
    }
    const blank = text === '' ? styles.blanks?.[c.fieldApiName] : undefined;
    if (blank) text = blank;
    const className = [figure ? 'slds-text-align_right' : '', blank ? 'slds-text-color_weak' : '']
      .filter(Boolean)
      .join(' ');
    return { key: c.fieldApiName, text, href, badge: false, className };
  });
}

const OPERATOR_WORDS: Record<string, string> = {
  Equals: 'is',
  NotEqual: 'is not',
  LessThan: 'is less than',
  GreaterThan: 'is greater than',
  LessOrEqual: 'is at most',
  GreaterOrEqual: 'is at least',
  Contains: 'contains',
  NotContain: 'does not contain',
  StartsWith: 'starts with',
  Includes: 'includes',
  Excludes: 'excludes',
  Within: 'is within',
};

/** A checkbox operand as a person reads it (list view metadata writes 1 and 0). */
function operandText(operand: string, dataType: string | undefined): string {
  if (dataType === 'Boolean' && /^(0|1|true|false)$/i.test(operand))
    return /^(1|true)$/i.test(operand) ? 'true' : 'false';
  return operand;
}

/** The list's filters as one sentence part each: "Closed is false", "Partner Account is not blank". */
export function filterPhrases(filters: ListFilter[], dataTypes: Record<string, string>): string[] {
  return filters.map((f) => {
    const words = OPERATOR_WORDS[f.operator] ?? f.operator;
    const operands = f.operandLabels.map((o) => o.trim()).filter((o) => o !== '');
    if (operands.length === 0) return `${f.label} ${words} blank`;
    const type = f.fieldApiName ? dataTypes[f.fieldApiName] : undefined;
    return `${f.label} ${words} ${operands.map((o) => operandText(o, type)).join(' or ')}`;
  });
}
