/**
 * Reads the package's reporting metadata: custom report types (`reportTypes/`), report folders and the reports
 * in them (`reports/<Folder>/`), dashboard folders and dashboards (`dashboards/<Folder>/`). The checks over
 * them (every name resolves) live in report-checks.ts.
 */
import { basename, dirname, join, relative, sep } from 'node:path';
import { bool, element, list, listDirs, listFiles, readMetadataXml, str, texts, type Xml } from './xml';

/**
 * A report's time frame interval (the Metadata API's UserDateInterval) as the relative dates it spans
 * (`INTERVAL_CURFY` → THIS_FISCAL_YEAR; `INTERVAL_PREVCURFY` → last and this fiscal year). Quarters without
 * a calendar word (`INTERVAL_CURRENT`, `INTERVAL_PREV1`...) are fiscal quarters.
 */
export const REPORT_INTERVALS: Readonly<Record<string, string>> = {
  INTERVAL_CUSTOM: 'CUSTOM',
  INTERVAL_YESTERDAY: 'YESTERDAY',
  INTERVAL_TODAY: 'TODAY',
  INTERVAL_TOMORROW: 'TOMORROW',
  INTERVAL_LASTWEEK: 'LAST_WEEK',
  INTERVAL_THISWEEK: 'THIS_WEEK',
  INTERVAL_NEXTWEEK: 'NEXT_WEEK',
  INTERVAL_LASTMONTH: 'LAST_MONTH',
  INTERVAL_THISMONTH: 'THIS_MONTH',
  INTERVAL_NEXTMONTH: 'NEXT_MONTH',
  INTERVAL_LASTTHISMONTH: 'LAST_MONTH,THIS_MONTH',
  INTERVAL_THISNEXTMONTH: 'THIS_MONTH,NEXT_MONTH',
  INTERVAL_CURRENT: 'THIS_FISCAL_QUARTER',
  INTERVAL_CURNEXT1: 'THIS_FISCAL_QUARTER,NEXT_FISCAL_QUARTER',
  INTERVAL_CURPREV1: 'LAST_FISCAL_QUARTER,THIS_FISCAL_QUARTER',
  INTERVAL_NEXT1: 'NEXT_FISCAL_QUARTER',
  INTERVAL_PREV1: 'LAST_FISCAL_QUARTER',
  INTERVAL_CURFY: 'THIS_FISCAL_YEAR',
  INTERVAL_PREVFY: 'LAST_FISCAL_YEAR',
  INTERVAL_NEXTFY: 'NEXT_FISCAL_YEAR',
  INTERVAL_PREVCURFY: 'LAST_FISCAL_YEAR,THIS_FISCAL_YEAR',
  INTERVAL_CURNEXTFY: 'THIS_FISCAL_YEAR,NEXT_FISCAL_YEAR',
  INTERVAL_CURRENTQ: 'THIS_QUARTER',
  INTERVAL_CURNEXTQ: 'THIS_QUARTER,NEXT_QUARTER',
  INTERVAL_CURPREVQ: 'LAST_QUARTER,THIS_QUARTER',
  INTERVAL_NEXTQ: 'NEXT_QUARTER',
  INTERVAL_PREVQ: 'LAST_QUARTER',
  INTERVAL_CURY: 'THIS_YEAR',
  INTERVAL_PREVY: 'LAST_YEAR',
  INTERVAL_NEXTY: 'NEXT_YEAR',
  INTERVAL_PREVCURY: 'LAST_YEAR,THIS_YEAR',
  INTERVAL_CURNEXTY: 'THIS_YEAR,NEXT_YEAR',
  INTERVAL_LAST7: 'LAST_N_DAYS:7',
  INTERVAL_LAST30: 'LAST_N_DAYS:30',
  INTERVAL_LAST60: 'LAST_N_DAYS:60',
  INTERVAL_LAST90: 'LAST_N_DAYS:90',
  INTERVAL_LAST120: 'LAST_N_DAYS:120',
  INTERVAL_NEXT7: 'NEXT_N_DAYS:7',
  INTERVAL_NEXT30: 'NEXT_N_DAYS:30',
  INTERVAL_NEXT60: 'NEXT_N_DAYS:60',
  INTERVAL_NEXT90: 'NEXT_N_DAYS:90',
  INTERVAL_NEXT120: 'NEXT_N_DAYS:120',
};

/** One column a report type offers: `table` is the base object or a join path (`Base.Child__r`). */
export interface ReportTypeColumnModel {
  table: string;
  /** A field of the table's object, a lookup's relationship name (`Owner`) or a lookup path (`Account.Name`). */
  field: string;
  checkedByDefault: boolean;
  displayNameOverride?: string;
}

export interface ReportTypeJoinModel {
  /** The child relationship name (`Plan_Sections__r`, `Opportunities`). */
  relationship: string;
  outerJoin: boolean;
  join?: ReportTypeJoinModel;
}

/** `reportTypes/<Name>.reportType-meta.xml`; reports name it `<Name>__c`. */
export interface ReportTypeModel {
  name: string;
  label: string;
  description?: string;
  baseObject: string;
  category: string;
  deployed: boolean;
  join?: ReportTypeJoinModel;
  sections: { masterLabel: string; columns: ReportTypeColumnModel[] }[];
  sourcePath: string;
}

export interface FolderModel {
  /** The folder's name in paths (`Partner_Program_Reports`). */
  name: string;
  label: string;
  accessType?: string;
  shares: { sharedTo: string; sharedToType: string; accessLevel: string }[];
  sourcePath: string;
}

export interface ReportFilterItemModel {
  column: string;
  operator: string;
  value?: string;
  columnToColumn: boolean;
}

export interface ReportColumnModel {
  field: string;
  aggregateTypes: string[];
}

export interface ReportGroupingModel {
  field: string;
  sortOrder?: string;
  dateGranularity?: string;
}

export interface ReportAggregateModel {
  developerName: string;
  masterLabel: string;
  calculatedFormula: string;
  datatype?: string;
  downGroupingContext?: string;
  acrossGroupingContext?: string;
}

/** `reports/<Folder>/<DeveloperName>.report-meta.xml`. */
export interface ReportModel {
  /** `<Folder>/<DeveloperName>`, how dashboards and the Metadata API name it. */
  fullName: string;
  folder: string;
  developerName: string;
  name: string;
  description?: string;
  /** `Tabular`, `Summary`, `Matrix`, `MultiBlock`. */
  format: string;
  /** A custom report type's name with `__c`, or a standard report type (`Opportunity`). */
  reportType: string;
  columns: ReportColumnModel[];
  groupingsDown: ReportGroupingModel[];
  groupingsAcross: ReportGroupingModel[];
  filters: ReportFilterItemModel[];
  /** Filter logic over the numbered filters (`1 AND (2 OR 3)`); absent means all of them. */
  booleanFilter?: string;
  aggregates: ReportAggregateModel[];
  /** Bucket fields' developer names and the column each buckets. */
  buckets: { developerName: string; sourceColumnName: string }[];
  timeFrameFilter?: { dateColumn: string; interval: string; startDate?: string; endDate?: string };
  sortColumn?: string;
  sortOrder?: string;
  /** A tabular report's row limit: only the first rows in its sort order. */
  rowLimit?: number;
  chart?: { chartType: string; groupingColumn?: string; summaries: { column: string; aggregate?: string }[] };
  scope?: string;
  showDetails: boolean;
  sourcePath: string;
}

export interface DashboardComponentModel {
  componentType: string;
  /** `<Folder>/<DeveloperName>` of the report it shows. */
  report: string;
  header?: string;
  title?: string;
  groupingColumns: string[];
  summaryColumns: string[];
  /** The chart's summaries: `aggregate` is `Sum`, `Average`, `Maximum`, `Minimum` or `Unique` (none for RowCount). */
  summaries: { column: string; aggregate?: string }[];
  /** A flex table's columns: a grouping, a detail column, or an aggregate (`RowCount`, `s!<column>`). */
  tableColumns: { column: string; type: string; showTotal: boolean }[];
  /** A flex table's sort (`flexTableSortInfo`: sortOrder 1 ascending, 2 descending). */
  tableSort?: { column: string; descending: boolean };
  /** `RowLabelAscending`, `RowValueDescending`... */
  sortBy?: string;
  maxValuesDisplayed?: number;
  gauge?: { min: number; max: number; breakpoints: number[]; colors: string[] };
  legendPosition?: string;
  showValues: boolean;
  /** Where the component sits: `left`, `middle`, `right`, or `grid`. */
  section: string;
  /** Its cell in a grid layout (rows and columns from 0; the grid is 12 columns wide). */
  grid?: { row: number; column: number; rowSpan: number; colSpan: number };
}

/** `dashboards/<Folder>/<DeveloperName>.dashboard-meta.xml`. */
export interface DashboardModel {
  fullName: string;
  folder: string;
  developerName: string;
  title: string;
  description?: string;
  /** `SpecifiedUser`, `LoggedInUser` or `MyTeamUser`. */
  dashboardType: string;
  runningUser?: string;
  components: DashboardComponentModel[];
  sourcePath: string;
}

export interface ReportingModel {
  reportTypes: ReportTypeModel[];
  reportFolders: FolderModel[];
  reports: ReportModel[];
  dashboardFolders: FolderModel[];
  dashboards: DashboardModel[];
}

function readJoin(x: Xml): ReportTypeJoinModel | undefined {
  const relationship = str(x.relationship);
  if (!relationship) return undefined;
  return { relationship, outerJoin: bool(x.outerJoin), join: readJoin(element(x.join)) };
}

export function readReportType(path: string): ReportTypeModel {
  const x = readMetadataXml(path, 'ReportType');
  const name = basename(path, '.reportType-meta.xml');
  return {
    name,
    label: str(x.label) ?? name,
    description: str(x.description),
    baseObject: str(x.baseObject) ?? '',
    category: str(x.category) ?? '',
    deployed: bool(x.deployed),
    join: readJoin(element(x.join)),
    sections: list(x.sections).map((s) => ({
      masterLabel: str(s.masterLabel) ?? '',
      columns: list(s.columns).map((c) => ({
        table: str(c.table) ?? '',
        field: str(c.field) ?? '',
        checkedByDefault: bool(c.checkedByDefault),
        displayNameOverride: str(c.displayNameOverride),
      })),
    })),
    sourcePath: path,
  };
}

/** A folder file; its name is its path under `dir` without the suffix (`Parent/Child` when nested). */
function readFolder(path: string, dir: string, root: 'ReportFolder' | 'DashboardFolder', suffix: string): FolderModel {
  const x = readMetadataXml(path, root);
  const name = relative(dir, path).slice(0, -suffix.length).split(sep).join('/');
  return {
    name,
    label: str(x.name) ?? name,
    accessType: str(x.accessType),
    shares: list(x.folderShares)
      .filter((s) => str(s.sharedTo))
      .map((s) => ({
        sharedTo: str(s.sharedTo) ?? '',
        sharedToType: str(s.sharedToType) ?? '',
        accessLevel: str(s.accessLevel) ?? '',
      })),
    sourcePath: path,
  };
}

const grouping = (g: Xml): ReportGroupingModel => ({
  field: str(g.field) ?? '',
  sortOrder: str(g.sortOrder),
  dateGranularity: str(g.dateGranularity),
});

/** Reads a report; `folder` is its folder path under reports/ (`Partner_Program_Reports`). */
export function readReport(path: string, folder: string): ReportModel {
  const x = readMetadataXml(path, 'Report');
  const developerName = basename(path, '.report-meta.xml');
  const filter = element(x.filter);
  const timeFrame = element(x.timeFrameFilter);
  const chart = element(x.chart);
  return {
    fullName: `${folder}/${developerName}`,
    folder,
    developerName,
    name: str(x.name) ?? developerName,
    description: str(x.description),
    format: str(x.format) ?? 'Tabular',
    reportType: str(x.reportType) ?? '',
    columns: list(x.columns).map((c) => ({ field: str(c.field) ?? '', aggregateTypes: texts(c.aggregateTypes) })),
    groupingsDown: list(x.groupingsDown).map(grouping),
    groupingsAcross: list(x.groupingsAcross).map(grouping),
    filters: list(filter.criteriaItems).map((c) => ({
      column: str(c.column) ?? '',
      operator: str(c.operator) ?? '',
      value: str(c.value),
      columnToColumn: bool(c.columnToColumn),
    })),
    booleanFilter: str(filter.booleanFilter),
    aggregates: list(x.aggregates).map((a) => ({
      developerName: str(a.developerName) ?? '',
      masterLabel: str(a.masterLabel) ?? '',
      calculatedFormula: str(a.calculatedFormula) ?? '',
      datatype: str(a.datatype),
      downGroupingContext: str(a.downGroupingContext),
      acrossGroupingContext: str(a.acrossGroupingContext),
    })),
    buckets: list(x.buckets).map((b) => ({
      developerName: str(b.developerName) ?? '',
      sourceColumnName: str(b.sourceColumnName) ?? '',
    })),
    timeFrameFilter: str(timeFrame.dateColumn)
      ? {
          dateColumn: str(timeFrame.dateColumn) ?? '',
          interval: str(timeFrame.interval) ?? 'INTERVAL_CUSTOM',
          startDate: str(timeFrame.startDate),
          endDate: str(timeFrame.endDate),
        }
      : undefined,
    sortColumn: str(x.sortColumn),
    sortOrder: str(x.sortOrder),
    rowLimit: str(x.rowLimit) === undefined ? undefined : Number(str(x.rowLimit)),
    chart: str(chart.chartType)
      ? {
          chartType: str(chart.chartType) ?? '',
          groupingColumn: str(chart.groupingColumn),
          summaries: list(chart.chartSummaries).map((s) => ({
            column: str(s.column) ?? '',
            aggregate: str(s.aggregate),
          })),
        }
      : undefined,
    scope: str(x.scope),
    showDetails: x.showDetails === undefined ? true : bool(x.showDetails),
    sourcePath: path,
  };
}

const num = (v: unknown): number | undefined => {
  const text = str(v);
  return text === undefined || text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text);
};

function readGauge(c: Xml): DashboardComponentModel['gauge'] {
  const min = num(c.gaugeMin);
  const max = num(c.gaugeMax);
  if (min === undefined || max === undefined) return undefined;
  return {
    min,
    max,
    breakpoints: [num(c.indicatorBreakpoint1), num(c.indicatorBreakpoint2)].filter((b) => b !== undefined),
    colors: [str(c.indicatorLowColor), str(c.indicatorMiddleColor), str(c.indicatorHighColor)].filter(
      (k) => k !== undefined,
    ),
  };
}

function readComponent(c: Xml, section: string, cell?: Xml): DashboardComponentModel {
  const summaries = list(c.chartSummary).map((s) => ({ column: str(s.column) ?? '', aggregate: str(s.aggregate) }));
  return {
    componentType: str(c.componentType) ?? '',
    report: str(c.report) ?? '',
    header: str(c.header),
    title: str(c.title),
    groupingColumns: texts(c.groupingColumn),
    summaryColumns: summaries.map((s) => s.column),
    summaries,
    tableColumns: list(element(c.flexComponentProperties).flexTableColumn).map((t) => ({
      column: str(t.reportColumn) ?? '',
      type: str(t.type) ?? 'detail',
      showTotal: bool(t.showTotal),
    })),
    tableSort: str(element(element(c.flexComponentProperties).flexTableSortInfo).sortColumn)
      ? {
          column: str(element(element(c.flexComponentProperties).flexTableSortInfo).sortColumn) ?? '',
          descending: str(element(element(c.flexComponentProperties).flexTableSortInfo).sortOrder) === '2',
        }
      : undefined,
    sortBy: str(c.sortBy),
    maxValuesDisplayed: num(c.maxValuesDisplayed),
    gauge: readGauge(c),
    legendPosition: str(c.legendPosition),
    showValues: bool(c.showValues),
    section,
    grid: cell
      ? {
          row: num(cell.rowIndex) ?? 0,
          column: num(cell.columnIndex) ?? 0,
          rowSpan: num(cell.rowSpan) ?? 1,
          colSpan: num(cell.colSpan) ?? 1,
        }
      : undefined,
  };
}

export function readDashboard(path: string, folder: string): DashboardModel {
  const x = readMetadataXml(path, 'Dashboard');
  const developerName = basename(path, '.dashboard-meta.xml');
  // Classic dashboards put components in three columns; Lightning ones in a grid layout.
  const components = (['left', 'middle', 'right'] as const).flatMap((side) =>
    list(element(x[`${side}Section`]).components).map((c) => readComponent(c, side)),
  );
  for (const cell of list(element(x.dashboardGridLayout).dashboardGridComponents)) {
    components.push(readComponent(element(cell.dashboardComponent), 'grid', cell));
  }
  return {
    fullName: `${folder}/${developerName}`,
    folder,
    developerName,
    title: str(x.title) ?? developerName,
    description: str(x.description),
    dashboardType: str(x.dashboardType) ?? 'SpecifiedUser',
    runningUser: str(x.runningUser),
    components,
    sourcePath: path,
  };
}

/** Every file with `suffix` in the folders under `dir` (any depth), with its folder path. */
function inFolders(dir: string, suffix: string): { path: string; folder: string }[] {
  const found: { path: string; folder: string }[] = [];
  const visit = (folder: string): void => {
    for (const path of listFiles(folder, suffix)) found.push({ path, folder: relative(dir, dirname(path)) });
    for (const child of listDirs(folder)) visit(join(folder, child));
  };
  for (const child of listDirs(dir)) visit(join(dir, child));
  return found.map((f) => ({ ...f, folder: f.folder.split(sep).join('/') }));
}

/** The report types, folders, reports and dashboards of a package directory, in file-name order. */
export function readReporting(defaultDir: string): ReportingModel {
  const reportsDir = join(defaultDir, 'reports');
  const dashboardsDir = join(defaultDir, 'dashboards');
  return {
    reportTypes: listFiles(join(defaultDir, 'reportTypes'), '.reportType-meta.xml').map(readReportType),
    reportFolders: inFolderFiles(reportsDir, '.reportFolder-meta.xml').map((p) =>
      readFolder(p, reportsDir, 'ReportFolder', '.reportFolder-meta.xml'),
    ),
    reports: inFolders(reportsDir, '.report-meta.xml').map((f) => readReport(f.path, f.folder)),
    dashboardFolders: inFolderFiles(dashboardsDir, '.dashboardFolder-meta.xml').map((p) =>
      readFolder(p, dashboardsDir, 'DashboardFolder', '.dashboardFolder-meta.xml'),
    ),
    dashboards: inFolders(dashboardsDir, '.dashboard-meta.xml').map((f) => readDashboard(f.path, f.folder)),
  };
}

/** Folder files: `<dir>/<Folder>.xFolder-meta.xml` and nested ones inside folders. */
function inFolderFiles(dir: string, suffix: string): string[] {
  return [...listFiles(dir, suffix), ...inFolders(dir, suffix).map((f) => f.path)];
}
