/**
 * A report's metadata in the Analytics API's shape (`reportMetadata`), built from the report's metadata
 * file; the overrides a POST to a report may carry (filters, filter logic, groupings, aggregates, detail
 * columns, sort, standard date filter, scope, format); and the checks a run makes before reading data:
 * every column the report names exists in its report type, aggregates summarize columns that can be
 * summarized, and the format allows the groupings.
 */
import { REPORT_INTERVALS, type ReportModel } from '@partner-planning/model';
import { SalesforceError } from '../errors';
import type { ReportColumn, ResolvedReportType } from './columns';
import { MAX_FILTERS, type FilterSpec } from './filters';
import { isNumeric } from './format';

export interface GroupingJson {
  name: string;
  sortOrder: string;
  dateGranularity: string;
  sortAggregate: string | null;
}

export interface ReportMetadataJson {
  aggregates: string[];
  buckets: unknown[];
  chart: {
    chartType: string;
    groupings: string[];
    hasLegend: boolean;
    showChartValues: boolean;
    summaries: string[];
    summaryAxisLocations: string[];
    title: string | null;
  } | null;
  crossFilters: unknown[];
  currency: string | null;
  customDetailFormula: Record<string, unknown>;
  customSummaryFormula: Record<string, unknown>;
  dashboardSetting: null;
  description: string | null;
  detailColumns: string[];
  developerName: string;
  division: null;
  folderId: string;
  groupingsAcross: GroupingJson[];
  groupingsDown: GroupingJson[];
  hasDetailRows: boolean;
  hasRecordCount: boolean;
  historicalSnapshotDates: string[];
  id: string;
  name: string;
  presentationOptions: { hasStackedSummaries: boolean };
  reportBooleanFilter: string | null;
  reportFilters: (FilterSpec & { filterType: string; isRunPageEditable: boolean })[];
  reportFormat: 'TABULAR' | 'SUMMARY' | 'MATRIX';
  reportType: { label: string; type: string };
  scope: string;
  showGrandTotal: boolean;
  showSubtotals: boolean;
  sortBy: { sortColumn: string; sortOrder: string }[];
  standardDateFilter: { column: string; durationValue: string; startDate: string | null; endDate: string | null };
  standardFilters: null;
  supportsRoleHierarchy: boolean;
  /** A tabular report's row limit (the first `rowLimit` rows in the sort order). */
  topRows: { rowLimit: number; direction: string } | null;
  userOrHierarchyFilterId: null;
}

const badRequest = (message: string): SalesforceError => new SalesforceError(400, 'BAD_REQUEST', message);

/** Report metadata aggregate types and the Analytics API's prefixes. */
const AGGREGATE_PREFIX: Record<string, string> = { Sum: 's', Average: 'a', Maximum: 'x', Minimum: 'm', Unique: 'u' };

function durationOf(interval: string): string {
  const duration = REPORT_INTERVALS[interval];
  if (!duration) throw badRequest(`The time frame interval ${interval} isn't a valid date interval.`);
  return duration;
}

const FORMATS: Record<string, ReportMetadataJson['reportFormat']> = {
  tabular: 'TABULAR',
  summary: 'SUMMARY',
  matrix: 'MATRIX',
};

/** The most groupings each format takes: [down, across]. */
const GROUPING_LIMITS: Record<ReportMetadataJson['reportFormat'], [number, number]> = {
  TABULAR: [0, 0],
  SUMMARY: [3, 0],
  MATRIX: [2, 2],
};

const isDate = (column: ReportColumn | undefined): boolean =>
  column !== undefined && !column.isLookup && (column.dataType === 'date' || column.dataType === 'datetime');

function groupingJson(
  type: ResolvedReportType,
  g: { field: string; sortOrder?: string; dateGranularity?: string },
): GroupingJson {
  return {
    name: g.field,
    sortOrder: g.sortOrder ?? 'Asc',
    dateGranularity: isDate(type.columns.get(g.field)) ? (g.dateGranularity ?? 'Day') : 'None',
    sortAggregate: null,
  };
}

/** The report's own metadata, as describe and a run without overrides give it. */
export function reportMetadataOf(
  report: ReportModel,
  type: ResolvedReportType,
  ids: { id: string; folderId: string },
): ReportMetadataJson {
  const aggregates = report.columns.flatMap((c) =>
    c.aggregateTypes.map((a) => `${AGGREGATE_PREFIX[a] ?? a.toLowerCase()}!${c.field}`),
  );
  aggregates.push('RowCount');
  const firstDate = [...type.columns.values()].find((c) => c.level === 0 && isDate(c));
  const timeFrame = report.timeFrameFilter;
  const format = FORMATS[report.format.toLowerCase()];
  if (!format) throw badRequest(`The report format ${report.format} isn't supported by this API.`);
  return {
    aggregates,
    buckets: [],
    chart: report.chart
      ? {
          chartType: report.chart.chartType,
          groupings: report.chart.groupingColumn ? [report.chart.groupingColumn] : [],
          hasLegend: true,
          showChartValues: true,
          summaries: report.chart.summaries.map((s) =>
            s.aggregate ? `${AGGREGATE_PREFIX[s.aggregate] ?? 's'}!${s.column}` : s.column,
          ),
          summaryAxisLocations: ['Y'],
          title: null,
        }
      : null,
    crossFilters: [],
    currency: null,
    customDetailFormula: {},
    customSummaryFormula: {},
    dashboardSetting: null,
    description: report.description ?? null,
    detailColumns: report.columns.map((c) => c.field),
    developerName: report.developerName,
    division: null,
    folderId: ids.folderId,
    groupingsAcross: report.groupingsAcross.map((g) => groupingJson(type, g)),
    groupingsDown: report.groupingsDown.map((g) => groupingJson(type, g)),
    hasDetailRows: report.showDetails,
    hasRecordCount: true,
    historicalSnapshotDates: [],
    id: ids.id,
    name: report.name,
    presentationOptions: { hasStackedSummaries: true },
    reportBooleanFilter: report.booleanFilter ?? null,
    reportFilters: report.filters.map((f) => ({
      column: f.column,
      filterType: f.columnToColumn ? 'fieldToField' : 'fieldValue',
      isRunPageEditable: true,
      operator: f.operator,
      value: f.value ?? '',
    })),
    reportFormat: format,
    reportType: { label: type.type.label, type: `${type.type.name}__c` },
    scope: report.scope ?? 'organization',
    showGrandTotal: true,
    showSubtotals: true,
    sortBy: report.sortColumn ? [{ sortColumn: report.sortColumn, sortOrder: report.sortOrder ?? 'Asc' }] : [],
    standardDateFilter: {
      column: timeFrame?.dateColumn ?? firstDate?.name ?? '',
      durationValue: timeFrame ? durationOf(timeFrame.interval) : 'CUSTOM',
      startDate: timeFrame?.startDate ?? null,
      endDate: timeFrame?.endDate ?? null,
    },
    standardFilters: null,
    supportsRoleHierarchy: false,
    topRows:
      report.rowLimit !== undefined && format === 'TABULAR'
        ? { rowLimit: report.rowLimit, direction: report.sortOrder ?? 'Asc' }
        : null,
    userOrHierarchyFilterId: null,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function stringList(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw badRequest(`${what} must be an array of strings.`);
  }
  return value as string[];
}

function groupingList(value: unknown, what: string, type: ResolvedReportType): GroupingJson[] {
  if (!Array.isArray(value)) throw badRequest(`${what} must be an array.`);
  return value.map((g) => {
    if (!isObject(g) || typeof g.name !== 'string') throw badRequest(`Each of ${what} needs a name.`);
    const sortOrder = typeof g.sortOrder === 'string' ? g.sortOrder : 'Asc';
    if (!/^(asc|desc)$/i.test(sortOrder)) throw badRequest(`The sort order ${sortOrder} isn't valid.`);
    return groupingJson(type, {
      field: g.name,
      sortOrder: sortOrder.toLowerCase() === 'desc' ? 'Desc' : 'Asc',
      dateGranularity: typeof g.dateGranularity === 'string' ? g.dateGranularity : undefined,
    });
  });
}

/** The metadata of a POST run: the report's, with what the body's `reportMetadata` changes. */
export function withOverrides(base: ReportMetadataJson, body: unknown, type: ResolvedReportType): ReportMetadataJson {
  if (body === undefined) return base;
  if (!isObject(body)) throw badRequest('The request body must be a JSON object.');
  const given = body.reportMetadata;
  if (given === undefined) return base;
  if (!isObject(given)) throw badRequest('reportMetadata must be a JSON object.');
  const meta: ReportMetadataJson = { ...base };
  if (given.reportFilters !== undefined) {
    if (!Array.isArray(given.reportFilters)) throw badRequest('reportFilters must be an array.');
    if (given.reportFilters.length > MAX_FILTERS) throw badRequest(`A report takes at most ${MAX_FILTERS} filters.`);
    meta.reportFilters = given.reportFilters.map((f) => {
      if (!isObject(f) || typeof f.column !== 'string' || typeof f.operator !== 'string') {
        throw badRequest('Each report filter needs a column and an operator.');
      }
      if (f.value !== undefined && f.value !== null && typeof f.value !== 'string') {
        throw badRequest(`The value of the filter on ${f.column} must be a string.`);
      }
      return {
        column: f.column,
        operator: f.operator,
        value: typeof f.value === 'string' ? f.value : '',
        filterType: 'fieldValue',
        isRunPageEditable: true,
      };
    });
  }
  if (given.reportBooleanFilter !== undefined) {
    if (given.reportBooleanFilter !== null && typeof given.reportBooleanFilter !== 'string') {
      throw badRequest('reportBooleanFilter must be a string or null.');
    }
    meta.reportBooleanFilter = given.reportBooleanFilter === '' ? null : given.reportBooleanFilter;
  }
  if (given.detailColumns !== undefined) meta.detailColumns = stringList(given.detailColumns, 'detailColumns');
  if (given.aggregates !== undefined) meta.aggregates = stringList(given.aggregates, 'aggregates');
  if (given.groupingsDown !== undefined) meta.groupingsDown = groupingList(given.groupingsDown, 'groupingsDown', type);
  if (given.groupingsAcross !== undefined) {
    meta.groupingsAcross = groupingList(given.groupingsAcross, 'groupingsAcross', type);
  }
  if (given.reportFormat !== undefined) {
    const format = typeof given.reportFormat === 'string' ? FORMATS[given.reportFormat.toLowerCase()] : undefined;
    if (!format) throw badRequest(`The report format ${String(given.reportFormat)} isn't supported by this API.`);
    meta.reportFormat = format;
  }
  if (given.scope !== undefined) {
    if (typeof given.scope !== 'string') throw badRequest('scope must be a string.');
    meta.scope = given.scope;
  }
  if (given.sortBy !== undefined) {
    if (!Array.isArray(given.sortBy)) throw badRequest('sortBy must be an array.');
    meta.sortBy = given.sortBy.map((s) => {
      if (!isObject(s) || typeof s.sortColumn !== 'string') throw badRequest('Each sortBy entry needs a sortColumn.');
      const order = typeof s.sortOrder === 'string' && /^desc$/i.test(s.sortOrder) ? 'Desc' : 'Asc';
      return { sortColumn: s.sortColumn, sortOrder: order };
    });
  }
  if (given.topRows !== undefined) {
    const top = given.topRows;
    if (top !== null && (!isObject(top) || !Number.isInteger(top.rowLimit) || Number(top.rowLimit) < 1)) {
      throw badRequest('topRows needs a rowLimit of 1 or more.');
    }
    meta.topRows = top === null ? null : { rowLimit: Number(top.rowLimit), direction: String(top.direction ?? 'Asc') };
  }
  if (given.standardDateFilter !== undefined && given.standardDateFilter !== null) {
    const d = given.standardDateFilter;
    if (!isObject(d) || typeof d.column !== 'string') throw badRequest('standardDateFilter needs a column.');
    meta.standardDateFilter = {
      column: d.column,
      durationValue: typeof d.durationValue === 'string' ? d.durationValue : 'CUSTOM',
      startDate: typeof d.startDate === 'string' ? d.startDate : null,
      endDate: typeof d.endDate === 'string' ? d.endDate : null,
    };
  }
  return meta;
}

/** An aggregate's parts: `s!Opportunity$Amount` → sum of the column; `RowCount`. */
export function parseAggregate(name: string): { kind: string; column?: string } {
  if (name === 'RowCount') return { kind: 'RowCount' };
  const match = /^([samxu])!(.+)$/.exec(name);
  if (!match) throw badRequest(`The aggregate ${name} isn't valid.`);
  return { kind: match[1], column: match[2] };
}

/** Every name the metadata uses exists in the report type and suits its use. */
export function checkMetadata(meta: ReportMetadataJson, type: ResolvedReportType, reportName: string): void {
  const column = (name: string, use: string): ReportColumn => {
    const found = type.columns.get(name);
    if (!found) {
      throw badRequest(
        `The report ${reportName} can't be run: its ${use} ${name} isn't a column of the report type ${type.type.name}__c.`,
      );
    }
    return found;
  };
  meta.detailColumns.forEach((c) => column(c, 'detail column'));
  meta.reportFilters.forEach((f) => column(f.column, 'filter column'));
  meta.sortBy.forEach((s) => column(s.sortColumn, 'sort column'));
  [...meta.groupingsDown, ...meta.groupingsAcross].forEach((g) => column(g.name, 'grouping'));
  if (meta.standardDateFilter.durationValue !== 'CUSTOM' || meta.standardDateFilter.startDate) {
    const date = column(meta.standardDateFilter.column, 'standard date filter column');
    if (!isDate(date)) throw badRequest(`The standard date filter column ${date.name} isn't a date.`);
  }
  for (const name of meta.aggregates) {
    const { kind, column: of } = parseAggregate(name);
    if (!of) continue;
    const c = column(of, 'summary');
    const numeric = !c.isLookup && isNumeric(c.dataType);
    if ((kind === 's' || kind === 'a') && !numeric) throw badRequest(`The column ${of} can't be summed or averaged.`);
    if ((kind === 'm' || kind === 'x') && !numeric && !isDate(c)) {
      throw badRequest(`The column ${of} has no largest or smallest value.`);
    }
  }
  const [down, across] = GROUPING_LIMITS[meta.reportFormat];
  if (meta.groupingsDown.length > down || meta.groupingsAcross.length > across) {
    throw badRequest(
      `A ${meta.reportFormat.toLowerCase()} report takes at most ${down} row and ${across} column groupings.`,
    );
  }
  if (meta.topRows && (meta.reportFormat !== 'TABULAR' || meta.sortBy.length === 0)) {
    throw badRequest('A row limit needs a tabular report sorted by a column.');
  }
  if (!/^(organization|user)$/.test(meta.scope))
    throw badRequest(`The scope ${meta.scope} isn't valid for this report.`);
}
