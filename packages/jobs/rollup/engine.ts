/**
 * The rollup: each target's actual is its metric computed for its partner (and accountable person, and
 * target customer account, where they apply) over its own period, with aggregate SOQL grouped by partner
 * and person, never one per target: for all of a metric's periods of whole calendar months, queries grouped
 * also by month (then added up per period), each restricted to a batch of the targets' partners so its groups
 * fit in one response; one query per other period (keyset-paged past 2000 groups). Then attainment, linear
 * pace and pace status per target, weighted attainment per section and plan, and APR counters per opportunity.
 * Only values that changed are written.
 */
import { get, getString, type JsonMap } from '@salesforce/ts-types';
import type { OrgSession } from '../connection';
import type { IsoDate } from '../periods';
import { AGGREGATE_PAGE, AggregateSplitError, aggregateAll, aggregateByIds, queryAll } from '../query';
import { expectString, optionalString, queryPage } from '../response';
import type { RetryPolicy } from '../retry';
import { failuresOf, writeRecords, type WriteFailure } from '../writer';
import { definitionProblems, readCatalog, type MetricDefinition } from './catalog';
import {
  cellValue,
  emptyCell,
  mergeCells,
  ratioValue,
  targetFigures,
  weightedAttainment,
  type Cell,
  type TargetFigures,
} from './compute';

export interface RollupOptions {
  asOf: IsoDate;
  /** Only this plan (an Id). */
  planId?: string;
  /** Only plans whose inputs changed since this ISO datetime. */
  since?: string;
  dryRun: boolean;
  /** Stamp written into Last_Calculated_At__c (ISO datetime). */
  now: string;
  onStep?: (step: string, total: number) => { tick: (n: number) => void; done: () => void };
  /** Retry policy for writes (default: the shared policy). */
  policy?: RetryPolicy;
}

export interface Change {
  sobject: string;
  id: string;
  field: string;
  from: unknown;
  to: unknown;
}

export interface MetricReport {
  name: string;
  targets: number;
  queries: number;
  error?: string;
}

export interface RollupReport {
  metrics: MetricReport[];
  read: { targets: number; sections: number; plans: number; opportunities: number };
  changed: Record<string, number>;
  written: Record<string, number>;
  changes: Change[];
  failures: WriteFailure[];
  aggregateQueries: number;
}

interface TargetRow {
  Id: string;
  Metric__c: string;
  Period_Start__c: string;
  Period_End__c: string;
  Target_Value__c: number | null;
  Weight__c: number | null;
  Accountable_AE__c: string | null;
  Accountable_Partner_Manager__c: string | null;
  Target_Account__c: string | null;
  Actual_Value__c: number | null;
  Attainment__c: number | null;
  Expected_To_Date__c: number | null;
  Pace_Status__c: string | null;
  Plan_Section__c: string;
  Plan_Section__r: {
    Partner_Account_Plan__c: string;
    Partner_Account_Plan__r: { Partner_Account__c: string } | null;
  } | null;
}

const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** A SOQL literal for an Id; Ids are checked so they can be inlined safely. */
function idLiteral(id: string): string {
  if (!ID.test(id)) throw new Error(`not a record Id: ${id}`);
  return `'${id}'`;
}

const periodKey = (start: string, end: string): string => `${start}..${end}`;
const groupKey = (partner: string, person: string, customer: string): string => `${partner}|${person}|${customer}`;

/** Ids compare case-insensitively in their 18-character form; the API returns 18-character Ids. */
const norm = (id: string | null | undefined): string => (id ?? '').slice(0, 18);

interface FieldTypes {
  dateType(object: string, path: string): Promise<string>;
}

/** Describes objects once each, to know whether a metric's date field is a date or a datetime. */
function fieldTypes(session: OrgSession): FieldTypes {
  const cache = new Map<
    string,
    Promise<Map<string, { type: string; referenceTo: string[]; relationshipName: string | null }>>
  >();
  const describe = (object: string) => {
    let entry = cache.get(object);
    if (!entry) {
      entry = session.conn
        .sobject(object)
        .describe()
        .then((d) => {
          const fields = new Map<string, { type: string; referenceTo: string[]; relationshipName: string | null }>();
          for (const f of d.fields) {
            const info = {
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
  };
}

/** The WHERE condition placing records of a date or datetime field inside a period (inclusive days, UTC). */
function periodCondition(path: string, type: string, start: string, end: string): string {
  if (type === 'date') return `${path} >= ${start} AND ${path} <= ${end}`;
  const endExclusive = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().replace('.000Z', 'Z');
  return `${path} >= ${start}T00:00:00Z AND ${path} < ${endExclusive}`;
}

interface Scope {
  /** Partner account Ids whose plans are in scope; undefined = all. */
  partners?: Set<string>;
  /** Plan Ids in scope; undefined = all. */
  plans?: Set<string>;
}

/** Which plans to roll up: one (--plan), those whose inputs changed (--since), or all. */
async function resolveScope(
  session: OrgSession,
  catalog: Map<string, MetricDefinition>,
  options: RollupOptions,
): Promise<Scope> {
  if (options.planId) {
    const where = `the query for plan ${options.planId}`;
    const result = await session.conn.query<JsonMap>(
      `SELECT Id, Partner_Account__c FROM Partner_Account_Plan__c WHERE Id = ${idLiteral(options.planId)}`,
    );
    const plan = queryPage<JsonMap>(result, where).records[0];
    if (!plan) throw new Error(`No plan with Id ${options.planId} is visible in this org.`);
    return {
      plans: new Set([norm(expectString(plan, 'Id', where))]),
      partners: new Set([norm(optionalString(plan, 'Partner_Account__c', where))]),
    };
  }
  if (!options.since) return {};
  if (!DATETIME.test(options.since))
    throw new Error(`--since must be an ISO datetime such as 2026-11-01T00:00:00Z, not "${options.since}"`);
  const partners = new Set<string>();
  // Partners with changed source records (per distinct source object and partner path)...
  const sources = new Map<string, string>();
  for (const m of catalog.values())
    if (m.aggregate !== 'RATIO' && m.partnerPath) sources.set(`${m.sourceObject}|${m.partnerPath}`, m.partnerPath);
  for (const [key, path] of sources) {
    const object = key.split('|')[0];
    const { rows } = await aggregateAll<{ p: string }>(
      session,
      'p',
      (cursor) =>
        `SELECT ${path} p, COUNT(Id) n FROM ${object} WHERE SystemModstamp > ${options.since} AND ${path} != null` +
        `${cursor ? ` AND ${path} >= ${idLiteral(cursor)}` : ''} GROUP BY ${path} ORDER BY ${path} LIMIT 2000`,
    );
    for (const row of rows) partners.add(norm(row.p));
  }
  // ...and plans whose own targets, sections or plan record changed.
  const changedPlans = await queryAll<{ Plan_Section__r: { Partner_Account_Plan__r: { Partner_Account__c: string } } }>(
    session,
    `SELECT Plan_Section__r.Partner_Account_Plan__r.Partner_Account__c FROM Plan_Target__c WHERE SystemModstamp > ${options.since} OR Plan_Section__r.SystemModstamp > ${options.since} OR Plan_Section__r.Partner_Account_Plan__r.SystemModstamp > ${options.since}`,
  );
  for (const row of changedPlans) partners.add(norm(row.Plan_Section__r.Partner_Account_Plan__r.Partner_Account__c));
  return { partners };
}

const TARGET_FIELDS = [
  'Id',
  'Metric__c',
  'Period_Start__c',
  'Period_End__c',
  'Target_Value__c',
  'Weight__c',
  'Accountable_AE__c',
  'Accountable_Partner_Manager__c',
  'Target_Account__c',
  'Actual_Value__c',
  'Attainment__c',
  'Expected_To_Date__c',
  'Pace_Status__c',
  'Plan_Section__c',
  'Plan_Section__r.Partner_Account_Plan__c',
  'Plan_Section__r.Partner_Account_Plan__r.Partner_Account__c',
];

/** The people whose records count for a target, or undefined for everyone at the partner. */
function peopleFor(metric: MetricDefinition, target: TargetRow): string[] | undefined {
  const ae = target.Accountable_AE__c ? norm(target.Accountable_AE__c) : undefined;
  const pm = target.Accountable_Partner_Manager__c ? norm(target.Accountable_Partner_Manager__c) : undefined;
  switch (metric.accountablePerson) {
    case 'AE':
      return ae ? [ae] : undefined;
    case 'Partner Manager':
      return pm ? [pm] : undefined;
    case 'AE or Partner Manager': {
      const people = [ae, pm].filter((p): p is string => p !== undefined);
      return people.length > 0 ? [...new Set(people)] : undefined;
    }
    default:
      return undefined;
  }
}

/** Aggregate cells of one metric over one period: by partner and person, and by customer where needed. */
class MetricCells {
  /** `${partner}|${person}|${customer}` -> cell; customer '' for partner-level rows. */
  readonly cells = new Map<string, Cell>();
  /** partner -> group keys, for fast merging. */
  readonly byPartner = new Map<string, string[]>();

  add(partner: string, person: string, customer: string, cell: Cell): void {
    const key = groupKey(partner, person, customer);
    this.cells.set(key, cell);
    const list = this.byPartner.get(partner) ?? [];
    list.push(key);
    this.byPartner.set(partner, list);
  }

  value(metric: MetricDefinition, partner: string, people: string[] | undefined, customer: string): number | null {
    const keys = this.byPartner.get(partner) ?? [];
    const selected: Cell[] = [];
    for (const key of keys) {
      const [, person, cust] = key.split('|');
      if (cust !== customer) continue;
      if (people && !people.includes(person)) continue;
      selected.push(this.cells.get(key) ?? emptyCell());
    }
    return cellValue(metric, selected.length ? mergeCells(selected) : emptyCell());
  }
}

function selectAggregates(metric: MetricDefinition): string {
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

interface AggregateRow {
  p: string;
  u?: string | null;
  c?: string | null;
  n?: number | null;
  s?: number | null;
  lo?: number | null;
  hi?: number | null;
  d?: number | null;
  /** Calendar year and month, in month-grouped queries. */
  y?: number | null;
  m?: number | null;
}

const toCell = (row: AggregateRow): Cell => ({
  sum: row.s ?? 0,
  count: row.n ?? 0,
  min: row.lo ?? null,
  max: row.hi ?? null,
  distinct: row.d ?? 0,
});

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
      await run(
        [
          `${metric.customerPath} IN (${customers
            .slice(i, i + 200)
            .map(idLiteral)
            .join(', ')})`,
        ],
        true,
      );
    }
  }
  return queries;
}

/** The conditions every aggregate query of a metric has: records with a partner, the filter, the scope. */
function baseConditions(metric: MetricDefinition, scope: Scope): string[] {
  const partnerPath = metric.partnerPath ?? '';
  const conditions = [`${partnerPath} != null`];
  if (metric.filter?.trim()) conditions.push(`(${metric.filter})`);
  if (scope.partners && scope.partners.size <= 200) {
    conditions.push(`${partnerPath} IN (${[...scope.partners].map(idLiteral).join(', ')})`);
  }
  return conditions;
}

/** Runs the aggregate queries of one metric for one period. */
async function computeCells(
  session: OrgSession,
  types: FieldTypes,
  metric: MetricDefinition,
  start: string,
  end: string,
  customers: string[],
  scope: Scope,
): Promise<{ cells: MetricCells; queries: number }> {
  const cells = new MetricCells();
  const dateType = await types.dateType(metric.sourceObject, metric.dateField ?? '');
  const conditions = [periodCondition(metric.dateField ?? '', dateType, start, end), ...baseConditions(metric, scope)];
  const queries = await runAggregates(session, metric, conditions, customers, [], (row, p, u, c) =>
    cells.add(p, u, c, toCell(row)),
  );
  return { cells, queries };
}

/** A period of whole calendar months (from a 1st to a month's last day), as month numbers year * 12 + month - 1. */
export function monthSpan(start: string, end: string): { first: number; last: number } | undefined {
  const s = /^(\d{4})-(\d{2})-01$/.exec(start);
  const e = /^(\d{4})-(\d{2})-(\d{2})$/.exec(end);
  if (!s || !e) return undefined;
  const [ey, em, ed] = [Number(e[1]), Number(e[2]), Number(e[3])];
  const lastDay = new Date(Date.UTC(ey, em, 0)).getUTCDate(); // day 0 of the next month
  const first = Number(s[1]) * 12 + Number(s[2]) - 1;
  const last = ey * 12 + em - 1;
  return ed === lastDay && last >= first ? { first, last } : undefined;
}

const monthStart = (month: number): string =>
  `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
const monthEnd = (month: number): string => {
  const [y, m] = [Math.floor(month / 12), (month % 12) + 1];
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/**
 * Whether a metric's month cells add up exactly into any period of whole months: COUNT_DISTINCT does not add
 * up, and datetime fields are left to per-period queries so boundaries never depend on how an org buckets
 * a datetime into a month (UTC by default, the user's time zone under convertTimezone()).
 */
const monthly = (metric: MetricDefinition, dateType: string): boolean =>
  dateType === 'date' && ['COUNT', 'SUM', 'AVG', 'MIN', 'MAX'].includes(metric.aggregate);

/**
 * The cells of one metric for many periods of whole months at once, over the months they span, grouped also by
 * calendar year and month, whose month cells are merged into each period. The queries are restricted to batches
 * of the targets' partners (at most 100 a query, sized from people x months per partner so a batch's groups fit
 * in one response; a full response is split in half and rerun), and then to batches of the customer accounts
 * targets name, so each query can use the partner (or customer) index and none is keyset-paged.
 * Throws AggregateSplitError when one partner has 2000 month groups or more; the caller then queries per period.
 */
async function computeMonthCells(
  session: OrgSession,
  metric: MetricDefinition,
  periods: { key: string; first: number; last: number }[],
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
          `WHERE ${[range, ...conditions, `${field} IN (${batch.map(idLiteral).join(', ')})`].join(' AND ')}`,
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

const same = (a: unknown, b: unknown): boolean => {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.005;
  return (a ?? null) === (b ?? null);
};

export async function runRollup(session: OrgSession, options: RollupOptions): Promise<RollupReport> {
  const report: RollupReport = {
    metrics: [],
    read: { targets: 0, sections: 0, plans: 0, opportunities: 0 },
    changed: {},
    written: {},
    changes: [],
    failures: [],
    aggregateQueries: 0,
  };
  const catalog = await readCatalog(session);
  const scope = await resolveScope(session, catalog, options);
  const types = fieldTypes(session);

  // Targets in scope, with their partner.
  const where = scope.plans
    ? ` WHERE Plan_Section__r.Partner_Account_Plan__c IN (${[...scope.plans].map(idLiteral).join(', ')})`
    : '';
  let targets = await queryAll<TargetRow>(session, `SELECT ${TARGET_FIELDS.join(', ')} FROM Plan_Target__c${where}`);
  if (scope.partners && !scope.plans) {
    targets = targets.filter((t) =>
      scope.partners?.has(norm(t.Plan_Section__r?.Partner_Account_Plan__r?.Partner_Account__c)),
    );
  }
  report.read.targets = targets.length;

  // Which metric values are needed, per period: each target's metric, and the parts of ratio metrics.
  const needed = new Map<string, Map<string, Set<string>>>(); // metric -> period -> customer ids
  const metricErrors = new Map<string, string>();
  // metric -> partner -> accountable people its targets name, to size the month-grouped queries' partner batches.
  const partnersOf = new Map<string, Map<string, Set<string>>>();
  const require = (name: string, t: TargetRow): void => {
    const [start, end, customer] = [t.Period_Start__c, t.Period_End__c, t.Target_Account__c];
    const partners = partnersOf.get(name) ?? new Map<string, Set<string>>();
    const partner = norm(t.Plan_Section__r?.Partner_Account_Plan__r?.Partner_Account__c);
    const people = partners.get(partner) ?? new Set<string>();
    const part = catalog.get(name);
    for (const person of (part && peopleFor(part, t)) ?? []) people.add(person);
    if (partner) partners.set(partner, people);
    partnersOf.set(name, partners);
    const periods = needed.get(name) ?? new Map<string, Set<string>>();
    const customers = periods.get(periodKey(start, end)) ?? new Set<string>();
    if (customer) customers.add(norm(customer));
    periods.set(periodKey(start, end), customers);
    needed.set(name, periods);
  };
  for (const metric of catalog.values()) {
    const problems = definitionProblems(metric, catalog);
    if (problems.length) metricErrors.set(metric.name, problems.join('; '));
  }
  for (const t of targets) {
    const metric = catalog.get(t.Metric__c);
    if (!metric) {
      // Reported like any failed metric, so the summary names it and the targets that use it.
      metricErrors.set(t.Metric__c, `no active metric named ${t.Metric__c} in the catalog`);
      needed.set(t.Metric__c, needed.get(t.Metric__c) ?? new Map());
      continue;
    }
    if (metric.aggregate === 'RATIO') {
      for (const part of [metric.numerator, metric.denominator]) if (part) require(part, t);
    } else {
      require(metric.name, t);
    }
  }

  // Month-grouped queries per metric, else one per period (plus customer-restricted ones); a failing metric fails alone.
  const values = new Map<string, MetricCells>(); // `${metric}@${period}`
  const step = options.onStep?.(
    'metrics',
    [...needed.values()].reduce((n, p) => n + p.size, 0),
  );
  for (const [name, periods] of needed) {
    const metric = catalog.get(name);
    const metricReport: MetricReport = {
      name,
      targets: targets.filter((t) => t.Metric__c === name).length,
      queries: 0,
    };
    report.metrics.push(metricReport);
    if (!metric) {
      metricErrors.set(name, metricErrors.get(name) ?? `no active metric named ${name} in the catalog`);
    }
    if (metricErrors.has(name)) {
      metricReport.error = metricErrors.get(name);
      step?.tick(periods.size);
      continue;
    }
    const fail = (error: unknown): void => {
      const code = getString(error, 'errorCode');
      const message = `${code ? `${code}: ` : ''}${getString(error, 'message') ?? String(error)}`;
      metricErrors.set(name, message);
      metricReport.error = message;
    };
    const count = (queries: number): void => {
      metricReport.queries += queries;
      report.aggregateQueries += queries;
    };
    // Periods of whole months share one query grouped by month, for metrics whose month cells add up.
    const perPeriod = new Map(periods);
    try {
      const def = metric as MetricDefinition;
      if (monthly(def, await types.dateType(def.sourceObject, def.dateField ?? ''))) {
        const whole: { key: string; first: number; last: number }[] = [];
        const customers = new Set<string>();
        for (const [period, periodCustomers] of periods) {
          const [start, end] = period.split('..');
          const span = monthSpan(start, end);
          if (!span) continue;
          whole.push({ key: period, ...span });
          for (const c of periodCustomers) customers.add(c);
        }
        if (whole.length > 0) {
          try {
            const partners = new Map(
              [...(partnersOf.get(name) ?? new Map<string, Set<string>>())].map(([p, people]) => [p, people.size || 1]),
            );
            const { cells, queries } = await computeMonthCells(session, def, whole, partners, [...customers], scope);
            count(queries);
            for (const [period, periodCells] of cells) {
              values.set(`${name}@${period}`, periodCells);
              perPeriod.delete(period);
              step?.tick(1);
            }
          } catch (error) {
            // One partner with 2000 month groups or more: those periods are queried one by one below.
            if (!(error instanceof AggregateSplitError)) throw error;
          }
        }
      }
    } catch (error) {
      fail(error);
      step?.tick(perPeriod.size);
      continue;
    }
    for (const [period, customers] of perPeriod) {
      const [start, end] = period.split('..');
      try {
        const { cells, queries } = await computeCells(
          session,
          types,
          metric as MetricDefinition,
          start,
          end,
          [...customers],
          scope,
        );
        values.set(`${name}@${period}`, cells);
        count(queries);
      } catch (error) {
        fail(error);
        break;
      }
      step?.tick(1);
    }
  }
  step?.done();
  for (const metric of catalog.values()) {
    const usedByTargets = targets.some((t) => t.Metric__c === metric.name);
    if (metric.aggregate === 'RATIO' && usedByTargets) {
      const broken = [metric.numerator, metric.denominator].find((p) => p && metricErrors.has(p));
      const entry = report.metrics.find((m) => m.name === metric.name) ?? {
        name: metric.name,
        targets: targets.filter((t) => t.Metric__c === metric.name).length,
        queries: 0,
      };
      if (!report.metrics.includes(entry)) report.metrics.push(entry);
      if (broken && !metricErrors.has(metric.name)) metricErrors.set(metric.name, `depends on ${broken}, which failed`);
      entry.error = metricErrors.get(metric.name);
    }
  }

  // Per-target figures; targets of failed metrics keep their stored values.
  const figures = new Map<string, TargetFigures>();
  const targetUpdates: Record<string, unknown>[] = [];
  const fieldMap: [keyof TargetFigures, string][] = [
    ['actual', 'Actual_Value__c'],
    ['attainment', 'Attainment__c'],
    ['expectedToDate', 'Expected_To_Date__c'],
    ['pace', 'Pace_Status__c'],
  ];
  for (const t of targets) {
    const metric = catalog.get(t.Metric__c);
    if (!metric || metricErrors.has(t.Metric__c)) continue;
    const partner = norm(t.Plan_Section__r?.Partner_Account_Plan__r?.Partner_Account__c);
    const customer = t.Target_Account__c ? norm(t.Target_Account__c) : '';
    const period = periodKey(t.Period_Start__c, t.Period_End__c);
    const valueOf = (name: string): number | null => {
      const part = catalog.get(name);
      const cells = values.get(`${name}@${period}`);
      return part && cells ? cells.value(part, partner, peopleFor(part, t), customer) : null;
    };
    const actual =
      metric.aggregate === 'RATIO'
        ? ratioValue(metric, valueOf(metric.numerator ?? ''), valueOf(metric.denominator ?? ''))
        : valueOf(metric.name);
    const f = targetFigures(t.Target_Value__c, actual, t.Period_Start__c, t.Period_End__c, options.asOf);
    figures.set(t.Id, f);
    const update: Record<string, unknown> = { Id: t.Id };
    for (const [key, field] of fieldMap) {
      const current = get(t, field);
      if (!same(current, f[key])) {
        update[field] = f[key];
        report.changes.push({ sobject: 'Plan_Target__c', id: t.Id, field, from: current ?? null, to: f[key] });
      }
    }
    if (Object.keys(update).length > 1) {
      update.Last_Calculated_At__c = options.now;
      update.__parent = t.Plan_Section__c;
      targetUpdates.push(update);
    }
  }

  // Weighted attainment of sections and plans, over targets whose period has started.
  const bySection = new Map<string, { attainment: number | null; weight: number | null; started: boolean }[]>();
  const byPlan = new Map<string, { attainment: number | null; weight: number | null; started: boolean }[]>();
  const planOfSection = new Map<string, string>();
  for (const t of targets) {
    const f = figures.get(t.Id);
    const item = {
      attainment: f ? f.attainment : t.Attainment__c,
      weight: t.Weight__c,
      started: t.Period_Start__c <= options.asOf,
    };
    const plan = t.Plan_Section__r?.Partner_Account_Plan__c ?? '';
    planOfSection.set(t.Plan_Section__c, plan);
    bySection.set(t.Plan_Section__c, [...(bySection.get(t.Plan_Section__c) ?? []), item]);
    byPlan.set(plan, [...(byPlan.get(plan) ?? []), item]);
  }
  const sectionRows = await queryAll<{
    Id: string;
    Partner_Account_Plan__c: string;
    Weighted_Attainment__c: number | null;
  }>(
    session,
    `SELECT Id, Partner_Account_Plan__c, Weighted_Attainment__c FROM Plan_Section__c${scope.plans ? ` WHERE Partner_Account_Plan__c IN (${[...scope.plans].map(idLiteral).join(', ')})` : ''}`,
  );
  const sectionUpdates: Record<string, unknown>[] = [];
  for (const s of sectionRows) {
    if (scope.partners && !byPlan.has(s.Partner_Account_Plan__c) && !scope.plans) continue;
    const value = weightedAttainment(bySection.get(s.Id) ?? []);
    report.read.sections++;
    if (!same(s.Weighted_Attainment__c, value)) {
      sectionUpdates.push({ Id: s.Id, Weighted_Attainment__c: value, __parent: s.Partner_Account_Plan__c });
      report.changes.push({
        sobject: 'Plan_Section__c',
        id: s.Id,
        field: 'Weighted_Attainment__c',
        from: s.Weighted_Attainment__c,
        to: value,
      });
    }
  }
  const planRows = await queryAll<{ Id: string; Overall_Attainment__c: number | null }>(
    session,
    `SELECT Id, Overall_Attainment__c FROM Partner_Account_Plan__c${scope.plans ? ` WHERE Id IN (${[...scope.plans].map(idLiteral).join(', ')})` : ''}`,
  );
  const planUpdates: Record<string, unknown>[] = [];
  for (const p of planRows) {
    if (scope.partners && !scope.plans && !byPlan.has(p.Id)) continue;
    const value = weightedAttainment(byPlan.get(p.Id) ?? []);
    report.read.plans++;
    if (!same(p.Overall_Attainment__c, value)) {
      planUpdates.push({ Id: p.Id, Overall_Attainment__c: value, Last_Calculated_At__c: options.now, __parent: p.Id });
      report.changes.push({
        sobject: 'Partner_Account_Plan__c',
        id: p.Id,
        field: 'Overall_Attainment__c',
        from: p.Overall_Attainment__c,
        to: value,
      });
    }
  }

  // APR counters on opportunities, for stale-deal detection.
  const opportunityUpdates = await opportunityCounters(session, scope, report);

  const batches: [string, Record<string, unknown>[]][] = [
    ['Plan_Target__c', targetUpdates],
    ['Plan_Section__c', sectionUpdates],
    ['Partner_Account_Plan__c', planUpdates],
    ['Opportunity', opportunityUpdates],
  ];
  for (const [sobject, updates] of batches) {
    report.changed[sobject] = updates.length;
    report.written[sobject] = 0;
    if (options.dryRun || updates.length === 0) continue;
    // Sorted by parent: children of one master are written together, so fewer lock conflicts.
    updates.sort((a, b) => String(a.__parent).localeCompare(String(b.__parent)));
    const records = updates.map(({ __parent: _parent, ...record }) => record);
    const bar = options.onStep?.(`write ${sobject}`, records.length);
    const outcomes = await writeRecords(session, {
      sobject,
      operation: 'update',
      records,
      policy: options.policy,
      onProgress: bar?.tick,
    });
    bar?.done();
    report.written[sobject] = outcomes.filter((o) => o.success).length;
    report.failures.push(...failuresOf(sobject, records, outcomes, (r) => String(r.Id)));
  }
  report.metrics.sort((a, b) => a.name.localeCompare(b.name));
  return report;
}

/** Last APR action date and action count per opportunity, compared with the stored values. */
async function opportunityCounters(
  session: OrgSession,
  scope: Scope,
  report: RollupReport,
): Promise<Record<string, unknown>[]> {
  const partnerFilter =
    scope.partners && scope.partners.size <= 200 ? [...scope.partners].map(idLiteral).join(', ') : undefined;
  const { rows, queries } = await aggregateAll<{ o: string; d: string; n: number }>(
    session,
    'o',
    (cursor) =>
      `SELECT Opportunity__c o, MAX(Action_Date__c) d, COUNT(Id) n FROM APR_Action__c WHERE Opportunity__c != null` +
      `${partnerFilter ? ` AND Opportunity__r.Partner_Account__c IN (${partnerFilter})` : ''}` +
      `${cursor ? ` AND Opportunity__c >= ${idLiteral(cursor)}` : ''} GROUP BY Opportunity__c ORDER BY Opportunity__c LIMIT 2000`,
  );
  report.aggregateQueries += queries;
  const computed = new Map(rows.map((r) => [norm(r.o), { date: r.d, count: r.n }]));
  // Opportunities that have counters now (they may have lost their actions) or get them now.
  const stored = await queryAll<{
    Id: string;
    Last_APR_Action_Date__c: string | null;
    APR_Action_Count__c: number | null;
    Partner_Account__c: string | null;
  }>(
    session,
    `SELECT Id, Last_APR_Action_Date__c, APR_Action_Count__c, Partner_Account__c FROM Opportunity WHERE APR_Action_Count__c != null` +
      `${partnerFilter ? ` AND Partner_Account__c IN (${partnerFilter})` : ''}`,
  );
  const updates: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  const compare = (id: string, current: { date: string | null; count: number | null }): void => {
    const next = computed.get(norm(id)) ?? { date: null, count: null };
    if (!same(current.date, next.date) || !same(current.count, next.count)) {
      updates.push({ Id: id, Last_APR_Action_Date__c: next.date, APR_Action_Count__c: next.count, __parent: id });
      report.changes.push({
        sobject: 'Opportunity',
        id,
        field: 'APR_Action_Count__c',
        from: current.count,
        to: next.count,
      });
    }
  };
  for (const o of stored) {
    if (scope.partners && !scope.partners.has(norm(o.Partner_Account__c))) continue;
    seen.add(norm(o.Id));
    compare(o.Id, { date: o.Last_APR_Action_Date__c, count: o.APR_Action_Count__c });
  }
  for (const [id] of computed) if (!seen.has(id)) compare(id, { date: null, count: null });
  report.read.opportunities = seen.size + [...computed.keys()].filter((id) => !seen.has(id)).length;
  return updates;
}
