/**
 * The aggregate SOQL of the rollup: the queries of one metric over one period, grouped by partner and person
 * (keyset-paged past 2000 groups), and the month-grouped queries that serve many periods of whole months at
 * once, restricted to batches of partners or customer accounts. Field types come from describes, once each.
 */
import type { OrgSession } from '../connection';
import { AGGREGATE_PAGE, aggregateAll, aggregateByIds } from '../query';
import type { MetricDefinition } from './catalog';
import { MetricCells, toCell, type AggregateRow } from './cells';
import { mergeCells, type Cell } from './compute';
import type { MonthPeriod } from './plan';
import { groupKey, idList, idLiteral, norm, periodCondition } from './soql';
import type { Scope } from './types';

export interface FieldTypes {
  dateType(object: string, path: string): Promise<string>;
  /** The object's formula fields: lower-case name -> formula. */
  formulas(object: string): Promise<Map<string, string>>;
}

interface FieldInfo {
  formula: string | null;
  type: string;
  referenceTo: string[];
  relationshipName: string | null;
}

/**
 * Describes objects once each, to know whether a metric's date field is a date or a datetime, and which fields are
 * formulas of what.
 */
export function fieldTypes(session: OrgSession): FieldTypes {
  const cache = new Map<string, Promise<Map<string, FieldInfo>>>();
  const describe = (object: string) => {
    let entry = cache.get(object);
    if (!entry) {
      entry = session.conn
        .sobject(object)
        .describe()
        .then((d) => {
          const fields = new Map<string, FieldInfo>();
          for (const f of d.fields) {
            const info = {
              formula: f.calculatedFormula ?? null,
              type: f.type,
              referenceTo: (f.referenceTo ?? []) as string[],
              relationshipName: f.relationshipName ?? null,
            };
            fields.set(f.name.toLowerCase(), info);
            if (f.relationshipName) fields.set(`rel:${f.relationshipName.toLowerCase()}`, info);
          }
          return fields;
        });
      cache.set(object, entry);
    }
    return entry;
  };
  return {
    async dateType(object, path) {
      const parts = path.split('.');
      let current = object;
      for (const part of parts.slice(0, -1)) {
        const rel = (await describe(current)).get(`rel:${part.toLowerCase()}`);
        if (!rel?.referenceTo[0]) throw new Error(`${current} has no relationship ${part}`);
        current = rel.referenceTo[0];
      }
      const field = (await describe(current)).get(parts[parts.length - 1].toLowerCase());
      if (!field) throw new Error(`${current}.${parts[parts.length - 1]} does not exist`);
      if (field.type !== 'date' && field.type !== 'datetime')
        throw new Error(`${path} is a ${field.type} field, not a date`);
      return field.type;
    },
    async formulas(object) {
      const formulas = new Map<string, string>();
      for (const [name, field] of await describe(object)) {
        if (field.formula && !name.startsWith('rel:')) formulas.set(name, field.formula);
      }
      return formulas;
    },
  };
}

/** The SELECT list of a metric's aggregates, under the aliases `toCell` reads. */
export function selectAggregates(metric: MetricDefinition): string {
  const v = metric.valueField;
  switch (metric.aggregate) {
    case 'COUNT':
      return 'COUNT(Id) n';
    case 'SUM':
      return `SUM(${v}) s`;
    case 'AVG':
      return `SUM(${v}) s, COUNT(${v}) n`;
    case 'MIN':
      return `MIN(${v}) lo`;
    case 'MAX':
      return `MAX(${v}) hi`;
    case 'COUNT_DISTINCT':
      return `COUNT_DISTINCT(${v}) d`;
    default:
      throw new Error(`${metric.aggregate} is not an aggregate query`);
  }
}

/** The conditions every aggregate query of a metric has: records with a partner, the filter, the scope. */
export function baseConditions(metric: MetricDefinition, scope: Scope): string[] {
  const partnerPath = metric.partnerPath ?? '';
  const conditions = [`${partnerPath} != null`];
  if (metric.filter?.trim()) conditions.push(`(${metric.filter})`);
  if (scope.partners && scope.partners.size <= 200) {
    conditions.push(`${partnerPath} IN (${idList(scope.partners)})`);
  }
  return conditions;
}

/** Where each row of an aggregate query goes: its partner, person, customer ('' if none) and cell. */
type RowSink = (row: AggregateRow, partner: string, person: string, customer: string) => void;

/**
 * Runs the aggregate queries of one metric under the given conditions: grouped by partner and person (and by
 * `extraGroups`, e.g. calendar month), then again by customer for the customer accounts targets name.
 */
async function runAggregates(
  session: OrgSession,
  metric: MetricDefinition,
  conditions: string[],
  customers: string[],
  extraGroups: { expr: string; alias: string }[],
  sink: RowSink,
): Promise<number> {
  const partnerPath = metric.partnerPath ?? '';
  const personPath = metric.accountablePerson !== 'None' && metric.personPath ? metric.personPath : undefined;
  let queries = 0;
  const run = async (extra: string[], withCustomer: boolean): Promise<void> => {
    const groups = [
      { expr: partnerPath, alias: 'p' },
      ...(personPath ? [{ expr: personPath, alias: 'u' }] : []),
      ...(withCustomer ? [{ expr: metric.customerPath ?? '', alias: 'c' }] : []),
      ...extraGroups,
    ];
    const result = await aggregateAll<AggregateRow & Record<string, unknown>>(session, 'p', (cursor) =>
      [
        `SELECT ${groups.map((g) => `${g.expr} ${g.alias}`).join(', ')}, ${selectAggregates(metric)}`,
        `FROM ${metric.sourceObject}`,
        `WHERE ${[...conditions, ...extra, ...(cursor ? [`${partnerPath} >= ${idLiteral(cursor)}`] : [])].join(' AND ')}`,
        `GROUP BY ${groups.map((g) => g.expr).join(', ')} ORDER BY ${partnerPath} LIMIT 2000`,
      ].join(' '),
    );
    queries += result.queries;
    for (const row of result.rows) sink(row, norm(row.p), norm(row.u), withCustomer ? norm(row.c) : '');
  };
  await run([], false);
  // Targets that name a customer account: the same metric restricted to those accounts, 200 Ids a query.
  if (customers.length > 0 && metric.customerPath) {
    for (let i = 0; i < customers.length; i += 200) {
      await run([`${metric.customerPath} IN (${idList(customers.slice(i, i + 200))})`], true);
    }
  }
  return queries;
}

/** Runs the aggregate queries of one metric for one period (or for now, for a metric without a date field). */
export async function computeCells(
  session: OrgSession,
  types: FieldTypes,
  metric: MetricDefinition,
  start: string,
  end: string,
  customers: string[],
  scope: Scope,
): Promise<{ cells: MetricCells; queries: number }> {
  const cells = new MetricCells();
  // A snapshot metric without a date field counts its records as they are now, whatever the period.
  const period = metric.dateField
    ? [periodCondition(metric.dateField, await types.dateType(metric.sourceObject, metric.dateField), start, end)]
    : [];
  const conditions = [...period, ...baseConditions(metric, scope)];
  const queries = await runAggregates(session, metric, conditions, customers, [], (row, p, u, c) =>
    cells.add(p, u, c, toCell(row)),
  );
  return { cells, queries };
}

const monthStart = (month: number): string =>
  `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
const monthEnd = (month: number): string => {
  const [y, m] = [Math.floor(month / 12), (month % 12) + 1];
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/**
 * The cells of one metric for many periods of whole months at once, over the months they span, grouped also by
 * calendar year and month, whose month cells are merged into each period. The queries are restricted to batches
 * of the targets' partners (at most 100 a query, sized from people x months per partner so a batch's groups fit
 * in one response; a full response is split in half and rerun), and then to batches of the customer accounts
 * targets name, so each query can use the partner (or customer) index and none is keyset-paged.
 * Throws AggregateSplitError when one partner has 2000 month groups or more; the caller then queries per period.
 */
export async function computeMonthCells(
  session: OrgSession,
  metric: MetricDefinition,
  periods: MonthPeriod[],
  partners: Map<string, number>,
  customers: string[],
  scope: Scope,
): Promise<{ cells: Map<string, MetricCells>; queries: number }> {
  const date = metric.dateField ?? '';
  const partnerPath = metric.partnerPath ?? '';
  const personPath = metric.accountablePerson !== 'None' && metric.personPath ? metric.personPath : undefined;
  const first = Math.min(...periods.map((p) => p.first));
  const last = Math.max(...periods.map((p) => p.last));
  const span = last - first + 1;
  const range = periodCondition(date, 'date', monthStart(first), monthEnd(last));
  // group key -> month -> cell
  const months = new Map<string, Map<number, Cell>>();
  let queries = 0;
  const run = async (
    ids: string[],
    field: string,
    conditions: string[],
    withCustomer: boolean,
    weight: (id: string) => number,
  ): Promise<void> => {
    const groups = [
      { expr: partnerPath, alias: 'p' },
      ...(personPath ? [{ expr: personPath, alias: 'u' }] : []),
      ...(withCustomer ? [{ expr: metric.customerPath ?? '', alias: 'c' }] : []),
      { expr: `CALENDAR_YEAR(${date})`, alias: 'y' },
      { expr: `CALENDAR_MONTH(${date})`, alias: 'm' },
    ];
    const result = await aggregateByIds<AggregateRow>(
      session,
      ids,
      (batch) =>
        [
          `SELECT ${groups.map((g) => `${g.expr} ${g.alias}`).join(', ')}, ${selectAggregates(metric)}`,
          `FROM ${metric.sourceObject}`,
          `WHERE ${[range, ...conditions, `${field} IN (${idList(batch)})`].join(' AND ')}`,
          `GROUP BY ${groups.map((g) => g.expr).join(', ')} LIMIT ${AGGREGATE_PAGE}`,
        ].join(' '),
      weight,
    );
    queries += result.queries;
    for (const row of result.rows) {
      const key = groupKey(norm(row.p), norm(row.u), withCustomer ? norm(row.c) : '');
      const byMonth = months.get(key) ?? new Map<number, Cell>();
      byMonth.set(Number(row.y) * 12 + Number(row.m) - 1, toCell(row));
      months.set(key, byMonth);
    }
  };
  // The partners' own Ids restrict these queries (all within the scope), so the scope's list is not repeated.
  await run(
    [...partners.keys()],
    partnerPath,
    baseConditions(metric, {}),
    false,
    (id) => (partners.get(id) ?? 1) * span,
  );
  if (customers.length > 0 && metric.customerPath) {
    await run(customers, metric.customerPath, baseConditions(metric, scope), true, () => span);
  }
  const cells = new Map<string, MetricCells>();
  for (const period of periods) cells.set(period.key, new MetricCells());
  for (const [key, byMonth] of months) {
    const [p, u, c] = key.split('|');
    for (const period of periods) {
      const inPeriod: Cell[] = [];
      for (const [month, cell] of byMonth) if (month >= period.first && month <= period.last) inPeriod.push(cell);
      if (inPeriod.length > 0) cells.get(period.key)?.add(p, u, c, mergeCells(inPeriod));
    }
  }
  return { cells, queries };
}
