/**
 * A report run (the Analytics REST API's Execute Sync answer: reportMetadata, reportExtendedMetadata, factMap,
 * groupingsDown and groupingsAcross) turned into what the page draws: a tabular report's rows, a summary
 * report's groups with their detail rows, subtotals and grand total, a matrix report's cross-tab with row and
 * column totals, the filters applied, and a chart's series. Pure functions over the documented shapes, so
 * they are tested on JSON fixtures and on a running local org alike.
 */

export interface Cell {
  label: string;
  value: unknown;
}

export interface FactMapEntry {
  aggregates: Cell[];
  rows?: { dataCells: Cell[] }[];
}

export interface Grouping {
  key: string;
  label: string;
  value: unknown;
  groupings: Grouping[];
}

export interface ReportFilter {
  column: string;
  operator: string;
  value: string;
}

export interface ReportChart {
  chartType: string;
  groupings: string[];
  summaries: string[];
  title?: string | null;
  hasLegend?: boolean;
}

export interface ReportMetadata {
  id: string;
  name: string;
  developerName?: string;
  description?: string | null;
  folderId?: string | null;
  reportFormat: string;
  aggregates: string[];
  detailColumns: string[];
  groupingsDown: { name: string }[];
  groupingsAcross: { name: string }[];
  reportFilters: ReportFilter[];
  reportBooleanFilter?: string | null;
  standardDateFilter?: { column: string; durationValue: string } | null;
  reportType?: { label: string; type: string };
  showGrandTotal?: boolean;
  showSubtotals?: boolean;
  chart?: ReportChart | ReportChart[] | null;
}

interface ColumnInfo {
  label: string;
  dataType?: string;
}

export interface ReportExtendedMetadata {
  aggregateColumnInfo: Record<string, ColumnInfo>;
  detailColumnInfo: Record<string, ColumnInfo>;
  groupingColumnInfo: Record<string, ColumnInfo>;
}

export interface ReportResult {
  attributes?: { reportId?: string; reportName?: string } | null;
  allData?: boolean;
  factMap: Record<string, FactMapEntry | undefined>;
  groupingsDown?: { groupings: Grouping[] } | null;
  groupingsAcross?: { groupings: Grouping[] } | null;
  hasDetailRows?: boolean;
  reportMetadata: ReportMetadata;
  reportExtendedMetadata: ReportExtendedMetadata;
}

/** A column of a drawn table. */
export interface Column {
  key: string;
  label: string;
  numeric: boolean;
}

/** A drawn row: a group's heading, a detail row, a subtotal or the grand total. */
export interface Row {
  key: string;
  kind: 'group' | 'detail' | 'subtotal' | 'total';
  level: number;
  /** A group with no subgroups: its subtotal names it, so its heading may go when details are hidden. */
  leaf?: boolean;
  label: string;
  cells: { key: string; text: string; numeric: boolean }[];
  className: string;
}

export interface Table {
  columns: Column[];
  rows: Row[];
}

const NUMERIC = new Set(['double', 'int', 'currency', 'percent']);

/** The text a cell shows: its label, or its value when the API gave none. */
export const cellText = (cell: Cell | undefined): string => {
  if (!cell) return '';
  if (cell.label !== undefined && cell.label !== null && cell.label !== '') return String(cell.label);
  if (cell.value === null || cell.value === undefined) return '';
  return typeof cell.value === 'number' ? cell.value.toLocaleString('en-US') : String(cell.value);
};

/** A column API name made readable when no metadata labels it (`Partner_Account_Plan__c$Status__c` → "Status"). */
export function humanize(column: string): string {
  const field = column.split('$').pop()?.split('.').pop() ?? column;
  return field
    .replace(/^s!|^a!|^m!|^mx!|^u!/, '')
    .replace(/__c$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim();
}

/** The label of a report column, from the run's extended metadata. */
export function columnLabel(result: ReportResult, name: string): string {
  const meta = result.reportExtendedMetadata;
  return (
    meta.detailColumnInfo[name]?.label ??
    meta.aggregateColumnInfo[name]?.label ??
    meta.groupingColumnInfo[name]?.label ??
    (name === 'RowCount' ? 'Record Count' : humanize(name))
  );
}

const isNumericColumn = (result: ReportResult, name: string): boolean => {
  const meta = result.reportExtendedMetadata;
  const info = meta.detailColumnInfo[name] ?? meta.aggregateColumnInfo[name];
  return name === 'RowCount' || NUMERIC.has(info?.dataType ?? '');
};

const fact = (result: ReportResult, key: string): FactMapEntry | undefined => result.factMap[key];

export const format = (result: ReportResult): 'TABULAR' | 'SUMMARY' | 'MATRIX' | string =>
  result.reportMetadata.reportFormat;

/** The detail columns of the report, labelled. */
export function detailColumns(result: ReportResult): Column[] {
  return result.reportMetadata.detailColumns.map((name) => ({
    key: name,
    label: columnLabel(result, name),
    numeric: isNumericColumn(result, name),
  }));
}

/** The aggregates ("s!Amount", "RowCount"...) in the factMap's order, labelled. */
export function aggregateColumns(result: ReportResult): Column[] {
  return result.reportMetadata.aggregates.map((name) => ({
    key: name,
    label: columnLabel(result, name),
    numeric: true,
  }));
}

const ROW_CLASS: Record<Row['kind'], string> = {
  group: 'report-row_group',
  detail: 'report-row_detail',
  subtotal: 'report-row_subtotal',
  total: 'report-row_total',
};

function detailRows(result: ReportResult, key: string, level: number): Row[] {
  const columns = detailColumns(result);
  return (fact(result, key)?.rows ?? []).map((row, i) => ({
    key: `${key}#${i}`,
    kind: 'detail' as const,
    level,
    label: '',
    cells: columns.map((column, c) => ({ key: column.key, text: cellText(row.dataCells[c]), numeric: column.numeric })),
    className: ROW_CLASS.detail,
  }));
}

/**
 * A row of aggregates under the detail columns: each aggregate of a detail column sits under that column
 * (several, joined, when the column has more than one); the rest (the record count) in the label.
 */
function aggregateRow(
  result: ReportResult,
  key: string,
  kind: 'subtotal' | 'total',
  level: number,
  label: string,
): Row {
  const columns = detailColumns(result);
  const aggregates = fact(result, key)?.aggregates ?? [];
  const names = result.reportMetadata.aggregates;
  const under = new Map<string, string[]>();
  const loose: string[] = [];
  names.forEach((name, i) => {
    const text = cellText(aggregates[i]);
    const column = name.includes('!') ? name.slice(name.indexOf('!') + 1) : '';
    if (column && columns.some((c) => c.key === column)) {
      const prefix = names.filter((n) => n.endsWith(`!${column}`)).length > 1 ? `${aggregateKind(name)} ` : '';
      under.set(column, [...(under.get(column) ?? []), `${prefix}${text}`]);
    } else if (name === 'RowCount') loose.push(`${text} record${aggregates[i]?.value === 1 ? '' : 's'}`);
    else loose.push(`${columnLabel(result, name)}: ${text}`);
  });
  return {
    key: `${kind}:${key}`,
    kind,
    level,
    label: [label, ...loose].filter((t) => t !== '').join(' · '),
    cells: columns.map((column) => ({
      key: column.key,
      text: (under.get(column.key) ?? []).join(' / '),
      numeric: column.numeric,
    })),
    className: ROW_CLASS[kind],
  };
}

const AGGREGATE_KINDS: Record<string, string> = { s: 'Sum', a: 'Avg', m: 'Min', mx: 'Max', x: 'Max', u: 'Unique' };
const aggregateKind = (name: string): string => AGGREGATE_KINDS[name.split('!')[0]] ?? '';

/** A tabular report: its detail rows, then the grand total when the report shows one. */
export function tabularTable(result: ReportResult): Table {
  const rows = detailRows(result, 'T!T', 0);
  if (result.reportMetadata.showGrandTotal !== false && fact(result, 'T!T'))
    rows.push(aggregateRow(result, 'T!T', 'total', 0, 'Grand Total'));
  return { columns: detailColumns(result), rows };
}

/** A summary report: each group's heading, its subgroups or detail rows, its subtotal; the grand total last. */
export function summaryTable(result: ReportResult): Table {
  const rows: Row[] = [];
  const subtotals = result.reportMetadata.showSubtotals !== false;
  const walk = (groups: Grouping[], level: number): void => {
    for (const group of groups) {
      const count = fact(result, `${group.key}!T`)?.aggregates;
      rows.push({
        key: `group:${group.key}`,
        kind: 'group',
        level,
        label: `${columnLabel(result, result.reportMetadata.groupingsDown[level]?.name ?? '')}: ${group.label || '-'}`,
        cells: [],
        className: `${ROW_CLASS.group} report-row_level-${level}`,
        leaf: group.groupings.length === 0,
      });
      if (group.groupings.length > 0) walk(group.groupings, level + 1);
      else rows.push(...detailRows(result, `${group.key}!T`, level + 1));
      if (subtotals && count)
        rows.push(aggregateRow(result, `${group.key}!T`, 'subtotal', level, `${group.label || '-'} subtotal`));
    }
  };
  walk(result.groupingsDown?.groupings ?? [], 0);
  if (result.reportMetadata.showGrandTotal !== false && fact(result, 'T!T'))
    rows.push(aggregateRow(result, 'T!T', 'total', 0, 'Grand Total'));
  return { columns: detailColumns(result), rows };
}

export interface MatrixHeader {
  key: string;
  label: string;
}

export interface MatrixRow {
  key: string;
  label: string;
  level: number;
  isTotal: boolean;
  className: string;
  cells: { key: string; text: string }[];
}

export interface Matrix {
  /** The down groupings' names, for the corner cell ("Accountable AE / Metric"). */
  corner: string;
  across: MatrixHeader[];
  rows: MatrixRow[];
  aggregate: Column;
}

/** The leaves of a grouping tree (the across groupings' columns), depth first. */
function leaves(groups: Grouping[], parents: string[] = []): MatrixHeader[] {
  return groups.flatMap((g) =>
    g.groupings.length > 0
      ? leaves(g.groupings, [...parents, g.label])
      : [{ key: g.key, label: [...parents, g.label || '-'].join(' / ') }],
  );
}

/**
 * A matrix report as a cross-tab of one of its aggregates (the first unless `aggregateName` says which): a row
 * per down grouping (a parent with its subtotal across, then its children), a column per across grouping leaf,
 * the row totals in the last column and the column totals in the last row.
 */
export function matrixTable(result: ReportResult, aggregateName?: string): Matrix {
  const names = result.reportMetadata.aggregates;
  const index = Math.max(0, aggregateName ? names.indexOf(aggregateName) : 0);
  const across = leaves(result.groupingsAcross?.groupings ?? []);
  const value = (down: string, acrossKey: string): string =>
    cellText(fact(result, `${down}!${acrossKey}`)?.aggregates[index]);
  const row = (key: string, label: string, level: number, isTotal: boolean): MatrixRow => ({
    key,
    label,
    level,
    isTotal,
    className: isTotal ? 'report-row_total' : `report-row_level-${level}`,
    cells: [...across.map((a) => ({ key: a.key, text: value(key, a.key) })), { key: 'T', text: value(key, 'T') }],
  });
  const rows: MatrixRow[] = [];
  const walk = (groups: Grouping[], level: number): void => {
    for (const group of groups) {
      rows.push(row(group.key, group.label || '-', level, false));
      walk(group.groupings, level + 1);
    }
  };
  walk(result.groupingsDown?.groupings ?? [], 0);
  rows.push(row('T', 'Total', 0, true));
  const name = names[index] ?? 'RowCount';
  return {
    corner: result.reportMetadata.groupingsDown.map((g) => columnLabel(result, g.name)).join(' / '),
    across: [...across, { key: 'T', label: 'Total' }],
    rows,
    aggregate: { key: name, label: columnLabel(result, name), numeric: true },
  };
}

/** The row count of the run: the grand total's record count, or the detail rows when it has none. */
export function rowCount(result: ReportResult): number {
  const index = result.reportMetadata.aggregates.indexOf('RowCount');
  const total = fact(result, 'T!T');
  if (index >= 0 && typeof total?.aggregates[index]?.value === 'number') return total.aggregates[index].value;
  return Object.values(result.factMap).reduce((sum, entry) => sum + (entry?.rows?.length ?? 0), 0);
}

const OPERATORS: Record<string, string> = {
  equals: 'equals',
  notEqual: 'not equal to',
  lessThan: 'less than',
  greaterThan: 'greater than',
  lessOrEqual: 'less or equal',
  greaterOrEqual: 'greater or equal',
  contains: 'contains',
  notContain: 'does not contain',
  startsWith: 'starts with',
  includes: 'includes',
  excludes: 'excludes',
  within: 'within',
};

/** The filters applied, in words: "1. Status equals Accepted, Active", the filter logic and the date range. */
export function filterTexts(result: ReportResult): string[] {
  const meta = result.reportMetadata;
  const texts = meta.reportFilters.map(
    (f, i) =>
      `${i + 1}. ${columnLabel(result, f.column)} ${OPERATORS[f.operator] ?? f.operator} ${
        f.value === '' ? '(blank)' : f.value.split(',').join(', ')
      }`,
  );
  if (meta.reportBooleanFilter) texts.push(`Filter logic: ${meta.reportBooleanFilter}`);
  const date = meta.standardDateFilter;
  if (date?.column && date.durationValue && date.durationValue !== 'CUSTOM')
    texts.push(`${columnLabel(result, date.column)}: ${date.durationValue.replace(/_/g, ' ').toLowerCase()}`);
  return texts;
}

/** One series of a chart: a label and a value per category. */
export interface Series {
  label: string;
  values: number[];
}

export interface ChartData {
  categories: string[];
  series: Series[];
}

const numberOf = (cell: Cell | undefined): number =>
  typeof cell?.value === 'number' && Number.isFinite(cell.value) ? cell.value : 0;

/** The groupings at a depth of the down tree (0: the first grouping). */
export function groupsAt(groups: Grouping[], depth: number): Grouping[] {
  return depth <= 0 ? groups : groups.flatMap((g) => groupsAt(g.groupings, depth - 1));
}

/**
 * A chart's data from a summary or matrix run: categories are the groups at `depth` of the down groupings,
 * one series per aggregate named; with `stackBy`, one series per label of the next level down instead (the
 * first aggregate), as a stacked chart draws a second grouping.
 */
export function chartData(result: ReportResult, aggregates: string[], depth = 0, stackBy = false): ChartData {
  const names = result.reportMetadata.aggregates;
  const groups = groupsAt(result.groupingsDown?.groupings ?? [], depth);
  const categories = groups.map((g) => g.label || '-');
  const indexes = (aggregates.length > 0 ? aggregates : [names[0]]).map((a) => Math.max(0, names.indexOf(a)));
  if (!stackBy) {
    return {
      categories,
      series: indexes.map((index) => ({
        label: columnLabel(result, names[index] ?? 'RowCount'),
        values: groups.map((g) => numberOf(fact(result, `${g.key}!T`)?.aggregates[index])),
      })),
    };
  }
  const stackLabels = [...new Set(groups.flatMap((g) => g.groupings.map((c) => c.label || '-')))];
  return {
    categories,
    series: stackLabels.map((label) => ({
      label,
      values: groups.map((g) => {
        const child = g.groupings.find((c) => (c.label || '-') === label);
        return child ? numberOf(fact(result, `${child.key}!T`)?.aggregates[indexes[0]]) : 0;
      }),
    })),
  };
}

/** The report's own chart, when its metadata has one (Salesforce gives an object, or null). */
export function reportChart(result: ReportResult): ReportChart | undefined {
  const chart = result.reportMetadata.chart;
  const first = Array.isArray(chart) ? chart[0] : chart;
  return first && first.chartType ? first : undefined;
}

/** A Salesforce error answer's message, never raw internals ("The report could not be run." otherwise). */
export function failureMessage(error: unknown, fallback: string): string {
  const body = (error as { body?: unknown } | null)?.body;
  const first = Array.isArray(body) ? (body[0] as { message?: unknown } | undefined) : undefined;
  return typeof first?.message === 'string' && first.message !== '' ? first.message : fallback;
}
