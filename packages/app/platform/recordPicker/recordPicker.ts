/**
 * `lightning-record-picker` (not in the npm base components): a combobox of the object's records by name,
 * read with SOQL as the signed-in user. Fires `change` with `{ recordId }` like the platform's, and honours
 * the platform's `filter` (`{ criteria: [{ fieldPath, operator, value }], filterLogic? }`): only the records
 * it matches are offered. Without a filter, User pickers offer active users (as before).
 */
import { LightningElement, api } from 'lwc';
import { query, soqlString } from '../api';

interface Option {
  label: string;
  value: string;
}

interface Validity {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
  checkValidity(): boolean;
  focus(): void;
}

type FilterValue = string | number | boolean | null;

/** One condition of a picker filter, as the platform takes it. */
export interface FilterCriterion {
  fieldPath: string;
  operator: string;
  value?: FilterValue | FilterValue[];
}

export interface RecordPickerFilter {
  criteria: FilterCriterion[];
  /** "1 AND (2 OR NOT 3)": numbers are 1-based criteria; AND of all when absent. */
  filterLogic?: string;
}

const COMPARISONS: Record<string, string> = { eq: '=', ne: '!=', lt: '<', gt: '>', lte: '<=', gte: '>=', like: 'LIKE' };
const SETS: Record<string, string> = { in: 'IN', nin: 'NOT IN', includes: 'INCLUDES', excludes: 'EXCLUDES' };
/** A field or relationship path (`IsActive`, `Owner.Partner_Planning_Role__c`); nothing else reaches the SOQL. */
const FIELD_PATH = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;
/** Dates and date-times are SOQL literals without quotes. */
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2}))?$/;

function literal(value: FilterValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Not a filter value: ${value}`);
    return String(value);
  }
  if (DATE.test(value)) return value;
  return soqlString(value);
}

function condition(criterion: FilterCriterion): string {
  if (!FIELD_PATH.test(criterion.fieldPath)) throw new Error(`Not a field path: ${criterion.fieldPath}`);
  const operator = criterion.operator;
  const value = criterion.value ?? null;
  if (COMPARISONS[operator]) {
    if (Array.isArray(value)) throw new Error(`${operator} takes one value`);
    // LIKE patterns are strings even when they look like numbers.
    const text = operator === 'like' ? soqlString(String(value)) : literal(value);
    return `${criterion.fieldPath} ${COMPARISONS[operator]} ${text}`;
  }
  if (SETS[operator]) {
    const values = Array.isArray(value) ? value : [value];
    if (values.length === 0) throw new Error(`${operator} needs values`);
    return `${criterion.fieldPath} ${SETS[operator]} (${values.map(literal).join(', ')})`;
  }
  throw new Error(`Unknown filter operator: ${operator}`);
}

/**
 * The SOQL condition of a picker filter (no WHERE keyword). Field paths must be identifiers, values are
 * quoted and escaped, and the logic may only hold criterion numbers, AND, OR, NOT and parentheses: anything
 * else throws, so a filter can never inject SOQL.
 */
export function filterCondition(filter: RecordPickerFilter): string {
  const conditions = filter.criteria.map(condition);
  if (conditions.length === 0) return '';
  if (!filter.filterLogic || !filter.filterLogic.trim()) return conditions.map((c) => `(${c})`).join(' AND ');
  const tokens = filter.filterLogic.match(/\d+|\(|\)|[A-Za-z]+|\S/g) ?? [];
  let depth = 0;
  const parts = tokens.map((token) => {
    if (/^\d+$/.test(token)) {
      const c = conditions[Number(token) - 1];
      if (!c) throw new Error(`filterLogic names no criterion ${token}`);
      return `(${c})`;
    }
    const word = token.toUpperCase();
    if (word === 'AND' || word === 'OR' || word === 'NOT') return word;
    if (token === '(' || token === ')') {
      depth += token === '(' ? 1 : -1;
      if (depth < 0) throw new Error('Unbalanced filterLogic');
      return token;
    }
    throw new Error(`Not allowed in filterLogic: ${token}`);
  });
  if (depth !== 0) throw new Error('Unbalanced filterLogic');
  return parts.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')');
}

/** The query of a picker: the object's records by name, filtered. */
export function pickerQuery(objectApiName: string, filter: RecordPickerFilter | null | undefined): string {
  if (!FIELD_PATH.test(objectApiName) || objectApiName.includes('.')) {
    throw new Error(`Not an object: ${objectApiName}`);
  }
  const where = filter ? filterCondition(filter) : objectApiName === 'User' ? 'IsActive = true' : '';
  return `SELECT Id, Name FROM ${objectApiName}${where ? ` WHERE ${where}` : ''} ORDER BY Name LIMIT 500`;
}

export default class RecordPicker extends LightningElement {
  @api label = '';
  @api objectApiName = '';
  @api value: string | null = null;
  @api required = false;
  @api disabled = false;
  @api placeholder = 'Search...';
  @api fieldLevelHelp: string | undefined;

  options: Option[] = [];
  private filterValue: RecordPickerFilter | null = null;
  private connected = false;

  /** The platform's record filter; a new filter reloads the choices. */
  @api
  get filter(): RecordPickerFilter | null {
    return this.filterValue;
  }
  set filter(value: RecordPickerFilter | null) {
    this.filterValue = value ?? null;
    if (this.connected) this.load();
  }

  connectedCallback(): void {
    this.connected = true;
    this.load();
  }

  disconnectedCallback(): void {
    this.connected = false;
  }

  private load(): void {
    let soql: string;
    try {
      soql = pickerQuery(this.objectApiName, this.filterValue);
    } catch (error) {
      // A filter the picker cannot express offers nothing rather than everything.
      console.error(error);
      this.options = [];
      return;
    }
    query(soql).then(
      (records) => {
        this.options = records.map((r) => ({ label: String(r.Name), value: String(r.Id) }));
      },
      () => {
        this.options = [];
      },
    );
  }

  private get combobox(): Validity | null {
    return (this.template?.querySelector('lightning-combobox') ?? null) as unknown as Validity | null;
  }

  @api setCustomValidity(message: string): void {
    this.combobox?.setCustomValidity(message);
  }

  @api reportValidity(): boolean {
    return this.combobox ? this.combobox.reportValidity() : true;
  }

  @api checkValidity(): boolean {
    return this.combobox ? this.combobox.checkValidity() : true;
  }

  @api focus(): void {
    this.combobox?.focus();
  }

  handleChange(event: CustomEvent<{ value: string }>): void {
    event.stopPropagation();
    this.value = event.detail.value || null;
    this.dispatchEvent(new CustomEvent('change', { detail: { recordId: this.value } }));
  }
}
