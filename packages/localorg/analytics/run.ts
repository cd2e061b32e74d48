/**
 * Runs a report as the calling user and answers in the Analytics API's shape: groupings down and across
 * (keys `0`, `0_1`, ...), the fact map (`<down>!<across>`, `T` for totals: `T!T`, `0!T`, `0_1!1`...) with each
 * key's aggregates in the order of reportMetadata.aggregates and, when details are asked for, the detail
 * rows of the innermost groupings (at most 2,000 in all, as a synchronous run returns; `allData` tells).
 * Columns the user cannot read are left out of the result; filters on them still apply.
 */
import { fiscalYearAndQuarter, MONTH_NAMES, storedFiscalCalendar, type FiscalCalendar } from '../fiscal';
import { SalesforceError } from '../errors';
import type { UserAccess } from '../security';
import type { ReportColumn, ResolvedReportType } from './columns';
import { fetchRows, valueAt, type FetchContext, type ReportRow } from './data';
import { compileFilter, evaluateLogic, parseFilterLogic, type DateContext } from './filters';
import { aggregateCell, cellOf, dateLabel, type Cell } from './format';
import { checkMetadata, parseAggregate, type GroupingJson, type ReportMetadataJson } from './metadata';

/** A synchronous run returns at most this many detail rows. */
export const DETAIL_ROW_LIMIT = 2000;

export interface RunContext extends FetchContext {
  userAccess: UserAccess;
}

export interface GroupingValue {
  key: string;
  label: string;
  value: unknown;
  groupings: GroupingValue[];
  dategroupings: unknown[];
}

export interface FactMapEntry {
  aggregates: Cell[];
  rows?: { dataCells: Cell[] }[];
}

export interface RunOutcome {
  metadata: ReportMetadataJson;
  factMap: Record<string, FactMapEntry>;
  groupingsDown: { groupings: GroupingValue[] };
  groupingsAcross: { groupings: GroupingValue[] };
  allData: boolean;
  hasDetailRows: boolean;
  /** The columns of the result, for reportExtendedMetadata. */
  columns: Map<string, ReportColumn>;
}

const forbidden = (): SalesforceError =>
  new SalesforceError(403, 'FORBIDDEN', "You don't have sufficient privileges to perform this operation.");

/** A group of rows under one grouping value, with its nested groups. */
interface GroupNode {
  key: string;
  value: GroupingValue;
  rows: ReportRow[];
  children: GroupNode[];
}

function readable(access: UserAccess, type: ResolvedReportType, column: ReportColumn): boolean {
  return access.canReadObject(type.levels[column.level].object) && column.path.every((f) => access.canReadField(f));
}

/** A date grouping's value and label at its granularity. */
function dateBucket(day: string, granularity: string, calendar: FiscalCalendar): { value: string; label: string } {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  switch (granularity) {
    case 'Month':
      return { value: `${day.slice(0, 7)}-01`, label: `${MONTH_NAMES[m - 1]} ${y}` };
    case 'Quarter': {
      const q = Math.floor((m - 1) / 3) + 1;
      return { value: `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`, label: `Q${q}-${y}` };
    }
    case 'Year':
      return { value: `${y}-01-01`, label: String(y) };
    case 'FiscalQuarter': {
      const f = fiscalYearAndQuarter(calendar, day);
      return { value: `${f.year}-Q${f.quarter}`, label: `Q${f.quarter}-${f.year}` };
    }
    case 'FiscalYear': {
      const f = fiscalYearAndQuarter(calendar, day);
      return { value: String(f.year), label: `FY${f.year}` };
    }
    default:
      return { value: day.slice(0, 10), label: dateLabel(day) };
  }
}

class ReportRun {
  private readonly calendar: FiscalCalendar;
  private detailRowsLeft = DETAIL_ROW_LIMIT;
  private truncated = false;

  constructor(
    ctx: RunContext,
    private readonly type: ResolvedReportType,
    private readonly meta: ReportMetadataJson,
    private readonly includeDetails: boolean,
  ) {
    this.calendar = storedFiscalCalendar(ctx.org.storage, ctx.org.fiscalYearStartMonth ?? 1);
  }

  private column(name: string): ReportColumn {
    return this.type.columns.get(name) as ReportColumn;
  }

  raw(row: ReportRow, column: ReportColumn): unknown {
    return valueAt(row[column.level], column.valuePath);
  }

  cell(row: ReportRow, column: ReportColumn): Cell {
    const record = row[column.level];
    const name = column.labelPath ? valueAt(record, column.labelPath) : undefined;
    return cellOf(column, valueAt(record, column.valuePath), name);
  }

  private groupValue(row: ReportRow, grouping: GroupingJson): { value: unknown; label: string } {
    const column = this.column(grouping.name);
    const cell = this.cell(row, column);
    if (cell.value !== null && (column.dataType === 'date' || column.dataType === 'datetime') && !column.isLookup) {
      return dateBucket(String(cell.value), grouping.dateGranularity, this.calendar);
    }
    const value =
      cell.value !== null && typeof cell.value === 'object' ? (cell.value as { amount: number }).amount : cell.value;
    return { value, label: cell.label };
  }

  /** Sorts a level's groups as the report builder does: picklists in their order, numbers and dates by value. */
  private sortGroups(nodes: GroupNode[], grouping: GroupingJson): GroupNode[] {
    const column = this.column(grouping.name);
    const picklist = column.field.picklist?.values.map((v) => v.value);
    const rank = (node: GroupNode): string | number => {
      const v = node.value.value;
      if (v === null) return '';
      if (!column.isLookup && picklist && typeof v === 'string') return picklist.indexOf(v);
      if (typeof v === 'number') return v;
      if (!column.isLookup && (column.dataType === 'date' || column.dataType === 'datetime')) return String(v);
      return node.value.label.toLowerCase();
    };
    const direction = grouping.sortOrder.toLowerCase() === 'desc' ? -1 : 1;
    return nodes.sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      // Blank groups go last whatever the order.
      if (a.value.value === null || b.value.value === null) return a.value.value === null ? 1 : -1;
      return (x < y ? -1 : x > y ? 1 : 0) * direction;
    });
  }

  private group(rows: ReportRow[], groupings: GroupingJson[], depth: number, prefix: string): GroupNode[] {
    if (depth >= groupings.length) return [];
    const buckets = new Map<string, { value: unknown; label: string; rows: ReportRow[] }>();
    for (const row of rows) {
      const g = this.groupValue(row, groupings[depth]);
      const id = JSON.stringify(g.value);
      const bucket = buckets.get(id) ?? { ...g, rows: [] };
      bucket.rows.push(row);
      buckets.set(id, bucket);
    }
    const nodes: GroupNode[] = [...buckets.values()].map((b) => ({
      key: '',
      value: { key: '', label: b.label, value: b.value, groupings: [], dategroupings: [] },
      rows: b.rows,
      children: [],
    }));
    return this.sortGroups(nodes, groupings[depth]).map((node, i) => {
      node.key = prefix ? `${prefix}_${i}` : String(i);
      node.value.key = node.key;
      node.children = this.group(node.rows, groupings, depth + 1, node.key);
      node.value.groupings = node.children.map((c) => c.value);
      return node;
    });
  }

  private aggregates(rows: ReportRow[]): Cell[] {
    return this.meta.aggregates.map((name) => {
      const { kind, column: of } = parseAggregate(name);
      if (!of) return aggregateCell('int', rows.length);
      const column = this.column(of);
      const values = rows.map((r) => this.raw(r, column)).filter((v) => v !== null && v !== '');
      if (kind === 'u') return aggregateCell('int', new Set(values.map((v) => JSON.stringify(v))).size);
      const dataType = column.dataType;
      if (dataType === 'date' || dataType === 'datetime') {
        const days = values.map((v) => String(v).slice(0, 10)).sort();
        if (days.length === 0) return aggregateCell('date', null);
        return aggregateCell('date', kind === 'm' ? days[0] : days[days.length - 1]);
      }
      const numbers = values.map(Number);
      const scale = column.field.scale;
      if (kind === 's')
        return aggregateCell(
          dataType,
          numbers.reduce((a, b) => a + b, 0),
          scale,
        );
      if (numbers.length === 0) return aggregateCell(dataType, null);
      if (kind === 'a') {
        const average = numbers.reduce((a, b) => a + b, 0) / numbers.length;
        return aggregateCell(dataType === 'int' ? 'double' : dataType, average, 2);
      }
      return aggregateCell(dataType, kind === 'm' ? Math.min(...numbers) : Math.max(...numbers), scale);
    });
  }

  private detailRows(rows: ReportRow[]): { dataCells: Cell[] }[] {
    const columns = this.meta.detailColumns.map((c) => this.column(c));
    const out: { dataCells: Cell[] }[] = [];
    for (const row of rows) {
      if (this.detailRowsLeft <= 0) {
        this.truncated = true;
        break;
      }
      this.detailRowsLeft--;
      out.push({ dataCells: columns.map((c) => this.cell(row, c)) });
    }
    return out;
  }

  private entry(rows: ReportRow[], withRows: boolean): FactMapEntry {
    const entry: FactMapEntry = { aggregates: this.aggregates(rows) };
    if (withRows && this.includeDetails) entry.rows = this.detailRows(rows);
    return entry;
  }

  private sortRows(rows: ReportRow[]): ReportRow[] {
    const sort = this.meta.sortBy[0];
    if (!sort) return rows;
    const column = this.column(sort.sortColumn);
    const direction = sort.sortOrder.toLowerCase() === 'desc' ? -1 : 1;
    const key = (row: ReportRow): string | number | null => {
      const cell = this.cell(row, column);
      if (cell.value === null) return null;
      if (typeof cell.value === 'number') return cell.value;
      if (typeof cell.value === 'object') return (cell.value as { amount: number }).amount;
      return column.isLookup ? cell.label.toLowerCase() : String(cell.value).toLowerCase();
    };
    return rows
      .map((row) => ({ row, k: key(row) }))
      .sort((a, b) => {
        if (a.k === null || b.k === null) return a.k === b.k ? 0 : a.k === null ? 1 : -1;
        return (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) * direction;
      })
      .map((x) => x.row);
  }

  run(rows: ReportRow[]): Omit<RunOutcome, 'metadata' | 'columns'> {
    const ordered = this.sortRows(rows);
    // A row limit keeps the first rows in the sort order; the totals are of those rows.
    const sorted = this.meta.topRows ? ordered.slice(0, this.meta.topRows.rowLimit) : ordered;
    const factMap: Record<string, FactMapEntry> = {};
    const down = this.group(sorted, this.meta.groupingsDown, 0, '');
    const across = this.group(sorted, this.meta.groupingsAcross, 0, '');
    const flatten = (nodes: GroupNode[]): GroupNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
    const downNodes = flatten(down);
    const acrossNodes = flatten(across);
    const leafDown = (n: GroupNode): boolean => n.children.length === 0;
    if (this.meta.reportFormat === 'MATRIX') {
      const acrossSets = acrossNodes.map((a) => ({ node: a, rows: new Set(a.rows) }));
      for (const d of [undefined, ...downNodes]) {
        const dRows = d ? d.rows : sorted;
        factMap[`${d?.key ?? 'T'}!T`] = this.entry(dRows, false);
        for (const a of acrossSets) {
          const cellRows = dRows.filter((r) => a.rows.has(r));
          const leaf = d !== undefined && leafDown(d) && leafDown(a.node);
          factMap[`${d?.key ?? 'T'}!${a.node.key}`] = this.entry(cellRows, leaf);
        }
      }
    } else {
      factMap['T!T'] = this.entry(sorted, down.length === 0 && this.meta.groupingsDown.length === 0);
      for (const d of downNodes) factMap[`${d.key}!T`] = this.entry(d.rows, leafDown(d));
    }
    return {
      factMap,
      groupingsDown: { groupings: down.map((n) => n.value) },
      groupingsAcross: { groupings: across.map((n) => n.value) },
      allData: !this.truncated,
      hasDetailRows: this.includeDetails,
    };
  }
}

/** The metadata without the columns the user cannot read (filters keep theirs). */
function visibleMetadata(meta: ReportMetadataJson, type: ResolvedReportType, access: UserAccess): ReportMetadataJson {
  const canSee = (name: string): boolean => {
    const column = type.columns.get(name);
    return column !== undefined && readable(access, type, column);
  };
  return {
    ...meta,
    detailColumns: meta.detailColumns.filter(canSee),
    aggregates: meta.aggregates.filter((a) => {
      const { column } = parseAggregate(a);
      return column === undefined || canSee(column);
    }),
    groupingsDown: meta.groupingsDown.filter((g) => canSee(g.name)),
    groupingsAcross: meta.groupingsAcross.filter((g) => canSee(g.name)),
    sortBy: meta.sortBy.filter((s) => canSee(s.sortColumn)),
  };
}

/** Runs the report with the given (checked) metadata. */
export function runReport(
  ctx: RunContext,
  type: ResolvedReportType,
  given: ReportMetadataJson,
  includeDetails: boolean,
): RunOutcome {
  checkMetadata(given, type, given.name);
  const access = ctx.userAccess;
  if (type.levels.some((l) => !access.canReadObject(l.object))) throw forbidden();
  const meta = visibleMetadata(
    {
      ...given,
      aggregates: given.aggregates.includes('RowCount') ? given.aggregates : [...given.aggregates, 'RowCount'],
    },
    type,
    access,
  );
  const dates: DateContext = {
    now: ctx.now,
    fiscalStartMonth: ctx.org.fiscalYearStartMonth ?? 1,
    calendar: storedFiscalCalendar(ctx.org.storage, ctx.org.fiscalYearStartMonth ?? 1),
  };
  const filters = [...given.reportFilters];
  const shown = new Set<ReportColumn>();
  for (const name of [
    ...meta.detailColumns,
    ...meta.groupingsDown.map((g) => g.name),
    ...meta.groupingsAcross.map((g) => g.name),
    ...meta.sortBy.map((s) => s.sortColumn),
    ...meta.aggregates.map((a) => parseAggregate(a).column).filter((c) => c !== undefined),
  ]) {
    shown.add(type.columns.get(name) as ReportColumn);
  }
  const filterColumns = filters.map((f) => type.columns.get(f.column) as ReportColumn);
  const standard = given.standardDateFilter;
  const standardColumn =
    standard.durationValue !== 'CUSTOM' || standard.startDate || standard.endDate
      ? type.columns.get(standard.column)
      : undefined;
  const read = new Set<ReportColumn>([...shown, ...filterColumns, ...(standardColumn ? [standardColumn] : [])]);
  const filterOnly = new Set(
    [...filterColumns, ...(standardColumn ? [standardColumn] : [])].filter((c) => !shown.has(c)).flatMap((c) => c.path),
  );
  const namedLookups = new Set(
    [...read].filter((c) => {
      const target = c.labelObject;
      const nameField = target?.fields.get('Name');
      return target !== undefined && access.canReadObject(target) && (!nameField || access.canReadField(nameField));
    }),
  );
  const rows = fetchRows(ctx, {
    levels: type.levels,
    columns: [...read],
    filterOnly,
    namedLookups,
    ownedBy: meta.scope === 'user' ? ctx.userId : undefined,
  });
  const tests = filters.map((f, i) => compileFilter(filterColumns[i], f, dates));
  const logic = given.reportBooleanFilter ? parseFilterLogic(given.reportBooleanFilter, filters.length) : undefined;
  const run = new ReportRun(ctx, type, meta, includeDetails);
  const passes = (row: ReportRow): boolean => {
    const result = (i: number): boolean => {
      const column = filterColumns[i];
      const raw = run.raw(row, column);
      const label = raw === null || raw === '' ? undefined : run.cell(row, column).label;
      return tests[i](raw, label);
    };
    return logic ? evaluateLogic(logic, result) : tests.every((_, i) => result(i));
  };
  let kept = rows.filter(passes);
  if (standardColumn) {
    const range = compileFilter(
      standardColumn,
      standard.durationValue === 'CUSTOM'
        ? { column: standard.column, operator: 'greaterOrEqual', value: standard.startDate ?? '0001-01-01' }
        : { column: standard.column, operator: 'equals', value: standard.durationValue },
      dates,
    );
    const before = standard.endDate
      ? compileFilter(
          standardColumn,
          { column: standard.column, operator: 'lessOrEqual', value: standard.endDate },
          dates,
        )
      : undefined;
    kept = kept.filter((row) => {
      const raw = run.raw(row, standardColumn);
      return range(raw, undefined) && (!before || before(raw, undefined));
    });
  }
  return { ...run.run(kept), metadata: meta, columns: type.columns };
}
