/**
 * The metric catalog, read from the org's Plan_Metric__mdt records (the same records force-app deploys),
 * and checked before use: a definition that cannot work fails alone, with a message that names it.
 */
import type { OrgSession } from '../connection';
import type { JsonMap } from '@salesforce/ts-types';
import { semanticsOf, type MetricSemantics } from './semantics';
import { expectString, optionalNumber, optionalString, queryPage } from '../response';

export type Aggregate = 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX' | 'COUNT_DISTINCT' | 'RATIO';
export type AccountablePerson = 'None' | 'AE' | 'Partner Manager' | 'AE or Partner Manager';

export interface MetricDefinition {
  name: string;
  label: string;
  category: string;
  sourceObject: string;
  aggregate: Aggregate;
  valueField: string | null;
  dateField: string | null;
  partnerPath: string | null;
  personPath: string | null;
  accountablePerson: AccountablePerson;
  customerPath: string | null;
  filter: string | null;
  numerator: string | null;
  denominator: string | null;
  unit: string;
  /** Direction, shape and pace thresholds: how the metric's figures read. */
  semantics: MetricSemantics;
}

interface MetricRow {
  DeveloperName: string;
  MasterLabel: string;
  Category__c: string | null;
  Source_Object__c: string | null;
  Aggregate__c: string | null;
  Value_Field__c: string | null;
  Date_Field__c: string | null;
  Partner_Path__c: string | null;
  Person_Path__c: string | null;
  Accountable_Person__c: string | null;
  Customer_Path__c: string | null;
  Filter__c: string | null;
  Numerator_Metric__c: string | null;
  Denominator_Metric__c: string | null;
  Unit__c: string | null;
  Direction__c: string | null;
  Shape__c: string | null;
  Ahead_Threshold__c: number | null;
  Behind_Threshold__c: number | null;
}

export const METRIC_FIELDS = [
  'DeveloperName',
  'MasterLabel',
  'Category__c',
  'Source_Object__c',
  'Aggregate__c',
  'Value_Field__c',
  'Date_Field__c',
  'Partner_Path__c',
  'Person_Path__c',
  'Accountable_Person__c',
  'Customer_Path__c',
  'Filter__c',
  'Numerator_Metric__c',
  'Denominator_Metric__c',
  'Unit__c',
  'Direction__c',
  'Shape__c',
  'Ahead_Threshold__c',
  'Behind_Threshold__c',
];

const AGGREGATES = new Set<Aggregate>(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'COUNT_DISTINCT', 'RATIO']);
const PATH = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*){0,4}$/;

export function toDefinition(row: MetricRow): MetricDefinition {
  return {
    name: row.DeveloperName,
    label: row.MasterLabel,
    category: row.Category__c ?? '',
    sourceObject: row.Source_Object__c ?? '',
    aggregate: (row.Aggregate__c ?? '') as Aggregate,
    valueField: row.Value_Field__c,
    dateField: row.Date_Field__c,
    partnerPath: row.Partner_Path__c,
    personPath: row.Person_Path__c,
    accountablePerson: (row.Accountable_Person__c ?? 'None') as AccountablePerson,
    customerPath: row.Customer_Path__c,
    filter: row.Filter__c,
    numerator: row.Numerator_Metric__c,
    denominator: row.Denominator_Metric__c,
    unit: row.Unit__c ?? 'Number',
    semantics: semanticsOf({
      direction: row.Direction__c,
      shape: row.Shape__c,
      aheadThreshold: row.Ahead_Threshold__c,
      behindThreshold: row.Behind_Threshold__c,
    }),
  };
}

/** Problems with one definition that make it impossible to compute (empty when it is usable). */
export function definitionProblems(metric: MetricDefinition, catalog: Map<string, MetricDefinition>): string[] {
  const problems: string[] = [];
  if (!AGGREGATES.has(metric.aggregate)) problems.push(`unknown aggregate "${metric.aggregate}"`);
  const { aheadAt, behindBelow } = metric.semantics;
  if (aheadAt <= behindBelow) problems.push(`ahead threshold ${aheadAt} must be above behind threshold ${behindBelow}`);
  if (metric.aggregate === 'RATIO') {
    for (const [role, name] of [
      ['numerator', metric.numerator],
      ['denominator', metric.denominator],
    ] as const) {
      const other = name ? catalog.get(name) : undefined;
      if (!other) problems.push(`${role} metric "${name ?? ''}" is not in the catalog`);
      else if (other.aggregate === 'RATIO') problems.push(`${role} metric ${name} is itself a ratio`);
    }
    return problems;
  }
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(metric.sourceObject))
    problems.push(`source object "${metric.sourceObject}" is not an object name`);
  for (const [label, path, required] of [
    ['value field', metric.valueField, metric.aggregate !== 'COUNT'],
    // A snapshot without a date field is the current value, not restricted to a period.
    ['date field', metric.dateField, metric.semantics.shape !== 'Snapshot'],
    ['partner path', metric.partnerPath, true],
    ['person path', metric.personPath, metric.accountablePerson !== 'None'],
    ['customer path', metric.customerPath, false],
  ] as const) {
    if (!path) {
      if (required) problems.push(`${label} is required`);
    } else if (!PATH.test(path)) {
      problems.push(`${label} "${path}" is not a field path`);
    }
  }
  // Distinct counts do not add up across people, so they are computed per partner (and customer) only.
  if (metric.aggregate === 'COUNT_DISTINCT' && metric.accountablePerson !== 'None') {
    problems.push(
      'COUNT_DISTINCT metrics must have Accountable Person "None": distinct counts do not add up across people',
    );
  }
  return problems;
}

export async function readCatalog(session: OrgSession): Promise<Map<string, MetricDefinition>> {
  const result = await session.conn.query<JsonMap>(
    `SELECT ${METRIC_FIELDS.join(', ')} FROM Plan_Metric__mdt WHERE Active__c = true ORDER BY DeveloperName`,
  );
  const page = queryPage<JsonMap>(result, 'the metric catalog query response (Plan_Metric__mdt)');
  return new Map(
    page.records.map((record) => {
      const row = metricRow(record);
      return [row.DeveloperName, toDefinition(row)];
    }),
  );
}

/** One Plan_Metric__mdt record as the query returned it: its names required, every other field text or null. */
function metricRow(record: JsonMap): MetricRow {
  const where = `the metric catalog record ${JSON.stringify(record.DeveloperName ?? null)}`;
  const text = (field: string): string | null => optionalString(record, field, where) ?? null;
  return {
    DeveloperName: expectString(record, 'DeveloperName', where),
    MasterLabel: expectString(record, 'MasterLabel', where),
    Category__c: text('Category__c'),
    Source_Object__c: text('Source_Object__c'),
    Aggregate__c: text('Aggregate__c'),
    Value_Field__c: text('Value_Field__c'),
    Date_Field__c: text('Date_Field__c'),
    Partner_Path__c: text('Partner_Path__c'),
    Person_Path__c: text('Person_Path__c'),
    Accountable_Person__c: text('Accountable_Person__c'),
    Customer_Path__c: text('Customer_Path__c'),
    Filter__c: text('Filter__c'),
    Numerator_Metric__c: text('Numerator_Metric__c'),
    Denominator_Metric__c: text('Denominator_Metric__c'),
    Unit__c: text('Unit__c'),
    Direction__c: text('Direction__c'),
    Shape__c: text('Shape__c'),
    Ahead_Threshold__c: optionalNumber(record, 'Ahead_Threshold__c', where) ?? null,
    Behind_Threshold__c: optionalNumber(record, 'Behind_Threshold__c', where) ?? null,
  };
}
