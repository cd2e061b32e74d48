/**
 * A dashboard's results (the Analytics REST API's Dashboard Results answer: dashboardMetadata with its
 * components and grid layout, and componentData with each component's report run and status) turned into
 * what the page draws: each component's place on the grid, and its gauge, chart, table or metric with a
 * text alternative. Pure functions over the documented shapes, tested on fixtures and a running local org.
 */
import {
  cellText,
  chartData,
  columnLabel,
  failureMessage,
  groupsAt,
  type ChartData,
  type Grouping,
  type ReportResult,
} from '../reportPage/reportModel';

export { failureMessage };

export interface Break {
  color: string;
  lowerBound: number;
  upperBound: number;
}

export interface ComponentProperties {
  visualizationType: string;
  visualizationProperties?: {
    breakPoints?: { aggregateName?: string; breaks: Break[] }[];
    tableColumns?: { column: string; type: string; showTotal?: boolean; isPercent?: boolean }[];
    groupByType?: string | null;
    legendPosition?: string | null;
    showValues?: boolean;
    metricLabel?: string | null;
  } | null;
  aggregates?: { name: string }[] | null;
  groupings?: { name: string }[] | null;
  maxRows?: number | null;
  sort?: { column: string; sortOrder?: string | null } | null;
}

export interface DashboardComponent {
  id: string;
  header?: string | null;
  title?: string | null;
  footer?: string | null;
  reportId: string;
  type?: string;
  componentData?: number;
  properties: ComponentProperties;
}

export interface ComponentStatus {
  dataStatus: 'NODATA' | 'DATA' | 'ERROR' | string;
  errorMessage?: string | null;
  errorCode?: string | null;
  refreshDate?: string | null;
}

export interface DashboardResult {
  componentData: { componentId: string; reportResult: ReportResult | null; status: ComponentStatus }[];
  dashboardMetadata: {
    id: string;
    name: string;
    description?: string | null;
    components: DashboardComponent[];
    layout?: {
      gridLayout?: boolean;
      numColumns?: number;
      rowHeight?: number;
      components?: { colspan: number; column: number; row: number; rowspan: number }[];
      columns?: { components: number[] }[];
    } | null;
    runningUser?: { displayName: string; id: string } | null;
  };
}

export interface GaugeBand {
  key: string;
  color: string;
  path: string;
  text: string;
}

export interface Gauge {
  value: number;
  valueText: string;
  min: number;
  max: number;
  bands: GaugeBand[];
  /** The needle, from the centre to the arc at the value. */
  needle: { x2: number; y2: number };
  /** The band the value falls in: its colour names the reading ("in the 90 to 100 band"). */
  bandText: string;
}

export interface ChartView {
  /** chart.js type and options the page passes on. */
  type: 'bar' | 'doughnut' | 'pie' | 'line';
  horizontal: boolean;
  stacked: boolean;
  data: ChartData;
  legend: 'bottom' | 'right' | 'none';
}

export interface TableView {
  columns: { key: string; label: string; numeric: boolean }[];
  rows: { key: string; cells: { key: string; text: string; numeric: boolean }[] }[];
  totals: { key: string; text: string; numeric: boolean }[] | null;
}

export interface ComponentView {
  id: string;
  header: string;
  title: string;
  reportId: string;
  kind: 'gauge' | 'chart' | 'table' | 'metric' | 'error' | 'empty';
  style: string;
  gauge?: Gauge;
  chart?: ChartView;
  table?: TableView;
  metric?: { text: string; label: string };
  error?: string;
  /** What a screen reader hears for the chart or gauge (the hidden table carries the figures). */
  summary: string;
}

/** The CSS grid placement of each component (1-based lines), from the grid layout; stacked otherwise. */
export function placements(result: DashboardResult): string[] {
  const layout = result.dashboardMetadata.layout;
  const cells = layout?.components ?? [];
  return result.dashboardMetadata.components.map((_, i) => {
    const cell = cells[i];
    if (!layout?.gridLayout || !cell) return 'grid-column: 1 / -1;';
    return `grid-column: ${cell.column + 1} / span ${cell.colspan}; grid-row: ${cell.row + 1} / span ${cell.rowspan};`;
  });
}

/** The number of grid columns and the height of a grid row (px). */
export function gridStyle(result: DashboardResult): string {
  const layout = result.dashboardMetadata.layout;
  const columns = layout?.gridLayout ? (layout.numColumns ?? 12) : 1;
  const rowHeight = layout?.gridLayout ? (layout.rowHeight ?? 36) : 36;
  return `grid-template-columns: repeat(${columns}, minmax(0, 1fr)); grid-auto-rows: minmax(${rowHeight}px, auto);`;
}

const aggregateIndex = (report: ReportResult, name: string | undefined): number =>
  Math.max(0, name ? report.reportMetadata.aggregates.indexOf(name) : 0);

/** The depth of the report's down grouping a component groups by (0 when it names none the report has). */
const depthOf = (report: ReportResult, grouping: string | undefined): number =>
  Math.max(0, grouping ? report.reportMetadata.groupingsDown.findIndex((g) => g.name === grouping) : 0);

const formatNumber = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** A point on the gauge's half circle (centre 100,100, radius r) at a fraction 0..1 from left to right. */
function point(fraction: number, r: number): { x: number; y: number } {
  const angle = Math.PI * (1 - Math.min(1, Math.max(0, fraction)));
  return {
    x: Math.round((100 + r * Math.cos(angle)) * 100) / 100,
    y: Math.round((100 - r * Math.sin(angle)) * 100) / 100,
  };
}

/** An SVG path of the arc band between two fractions, 20 units thick. */
function bandPath(from: number, to: number): string {
  const [a, b, c, d] = [point(from, 90), point(to, 90), point(to, 70), point(from, 70)];
  return `M ${a.x} ${a.y} A 90 90 0 0 1 ${b.x} ${b.y} L ${c.x} ${c.y} A 70 70 0 0 0 ${d.x} ${d.y} Z`;
}

/** A gauge: the aggregate's grand total against the breakpoints' range and colours. */
export function gauge(report: ReportResult, properties: ComponentProperties): Gauge {
  const name = properties.aggregates?.[0]?.name;
  const cell = report.factMap['T!T']?.aggregates[aggregateIndex(report, name)];
  const value = typeof cell?.value === 'number' ? cell.value : 0;
  const breaks = properties.visualizationProperties?.breakPoints?.[0]?.breaks ?? [];
  const min = breaks[0]?.lowerBound ?? 0;
  const max = breaks[breaks.length - 1]?.upperBound ?? Math.max(100, value);
  const span = max - min || 1;
  const at = (v: number): number => (v - min) / span;
  const bands = breaks.map((b, i) => ({
    key: `band-${i}`,
    color: b.color,
    path: bandPath(at(b.lowerBound), at(b.upperBound)),
    text: `${formatNumber(b.lowerBound)} to ${formatNumber(b.upperBound)}`,
  }));
  const tip = point(at(value), 75);
  const inBand = breaks.find((b) => value >= b.lowerBound && value < b.upperBound) ?? breaks[breaks.length - 1];
  return {
    value,
    valueText: cellText(cell) || formatNumber(value),
    min,
    max,
    bands,
    needle: { x2: tip.x, y2: tip.y },
    bandText: inBand ? `${formatNumber(inBand.lowerBound)} to ${formatNumber(inBand.upperBound)}` : '',
  };
}

const CHART_TYPES: Record<string, ChartView['type']> = { Donut: 'doughnut', Pie: 'pie', Line: 'line' };

/**
 * Categories sorted as the component says — by label when its sort column is one of its groupings (or "RowLabel"),
 * by value otherwise, descending unless ascending — and cut to maxRows.
 */
function sortAndCut(data: ChartData, properties: ComponentProperties): ChartData {
  const order = properties.sort?.sortOrder ?? '';
  const column = properties.sort?.column ?? '';
  const byLabel = /label/i.test(column) || (properties.groupings ?? []).some((g) => g.name === column);
  const totals = data.categories.map((_, i) => data.series.reduce((sum, s) => sum + s.values[i], 0));
  let indexes = data.categories.map((_, i) => i);
  if (properties.sort) {
    indexes.sort((a, b) => (byLabel ? data.categories[a].localeCompare(data.categories[b]) : totals[b] - totals[a]));
    if (/asc/i.test(order) && !byLabel) indexes.reverse();
    if (/desc/i.test(order) && byLabel) indexes.reverse();
  }
  if (properties.maxRows && properties.maxRows > 0) indexes = indexes.slice(0, properties.maxRows);
  return {
    categories: indexes.map((i) => data.categories[i]),
    series: data.series.map((s) => ({ label: s.label, values: indexes.map((i) => s.values[i]) })),
  };
}

/** A bar, column, donut, pie or line chart of the component's groupings and aggregates. */
export function chart(report: ReportResult, properties: ComponentProperties): ChartView {
  const type = properties.visualizationType;
  const groupings = properties.groupings ?? [];
  const stacked =
    groupings.length > 1 || /stack/i.test(`${properties.visualizationProperties?.groupByType ?? ''}${type}`);
  const depth = depthOf(report, groupings[0]?.name);
  const aggregates = (properties.aggregates ?? []).map((a) => a.name);
  const data = sortAndCut(chartData(report, aggregates, depth, groupings.length > 1), properties);
  const legend = (properties.visualizationProperties?.legendPosition ?? 'bottom').toLowerCase();
  return {
    type: CHART_TYPES[type] ?? 'bar',
    horizontal: /^Bar/.test(type),
    stacked: stacked && groupings.length > 1,
    data,
    legend: legend === 'right' || legend === 'none' ? legend : 'bottom',
  };
}

/** The rows of a tabular run (every detail row), or of a summary run's groups at the table's grouping. */
export function table(report: ReportResult, properties: ComponentProperties): TableView {
  const tableColumns = properties.visualizationProperties?.tableColumns ?? [];
  const meta = report.reportMetadata;
  const columns = tableColumns.map((c) => ({
    key: c.column,
    label: columnLabel(report, c.column),
    numeric:
      c.type === 'aggregate' ||
      ['double', 'int', 'currency', 'percent'].includes(
        report.reportExtendedMetadata.detailColumnInfo[c.column]?.dataType ?? '',
      ),
  }));
  const grouping = tableColumns.find((c) => c.type === 'grouping');
  let rows: TableView['rows'];
  if (grouping) {
    const groups: Grouping[] = groupsAt(report.groupingsDown?.groupings ?? [], depthOf(report, grouping.column));
    rows = groups.map((g) => ({
      key: g.key,
      cells: tableColumns.map((c, i) => ({
        key: c.column,
        text:
          c.type === 'grouping'
            ? g.label || '-'
            : cellText(report.factMap[`${g.key}!T`]?.aggregates[aggregateIndex(report, c.column)]),
        numeric: columns[i].numeric,
      })),
    }));
    const sortColumn = properties.sort?.column;
    const sortIndex = tableColumns.findIndex((c) => c.column === sortColumn);
    if (sortIndex >= 0) {
      // By the sorted column's value: numbers as numbers, dates and text (ISO dates order as text) as text.
      const value = (row: TableView['rows'][number]): unknown => {
        const g = groups.find((x) => x.key === row.key);
        if (tableColumns[sortIndex].type === 'grouping') return g?.label ?? '';
        return g ? report.factMap[`${g.key}!T`]?.aggregates[aggregateIndex(report, sortColumn)]?.value : undefined;
      };
      const compare = (a: unknown, b: unknown): number =>
        typeof a === 'number' && typeof b === 'number' ? a - b : String(a ?? '').localeCompare(String(b ?? ''));
      const ascending = /asc/i.test(properties.sort?.sortOrder ?? '');
      rows.sort((a, b) => (ascending ? 1 : -1) * compare(value(a), value(b)));
    }
  } else {
    const detail = Object.entries(report.factMap)
      .filter(([key]) => key.endsWith('!T'))
      .flatMap(([, entry]) => entry?.rows ?? []);
    rows = detail.map((row, r) => ({
      key: `row-${r}`,
      cells: tableColumns.map((c, i) => ({
        key: c.column,
        text: cellText(row.dataCells[meta.detailColumns.indexOf(c.column)]),
        numeric: columns[i].numeric,
      })),
    }));
  }
  if (properties.maxRows && properties.maxRows > 0) rows = rows.slice(0, properties.maxRows);
  const hasTotals = tableColumns.some((c) => c.showTotal);
  const totals = hasTotals
    ? tableColumns.map((c, i) => ({
        key: c.column,
        text:
          i === 0 && !c.showTotal
            ? 'Total'
            : c.showTotal && c.type === 'aggregate'
              ? cellText(report.factMap['T!T']?.aggregates[aggregateIndex(report, c.column)])
              : '',
        numeric: columns[i].numeric,
      }))
    : null;
  return { columns, rows, totals };
}

/** In words, for screen readers: what the chart shows and its largest values. */
export function chartSummary(title: string, view: ChartView): string {
  const { categories, series } = view.data;
  if (categories.length === 0) return `${title}: no data.`;
  const parts = categories
    .slice(0, 5)
    .map((c, i) => `${c} ${series.map((s) => formatNumber(s.values[i])).join(' / ')}`);
  const more = categories.length > 5 ? `, and ${categories.length - 5} more` : '';
  return `${title}: ${series.map((s) => s.label).join(' and ')} by category. ${parts.join('; ')}${more}.`;
}

const hasData = (report: ReportResult): boolean =>
  Object.values(report.factMap).some((entry) => (entry?.rows?.length ?? 0) > 0) ||
  (report.groupingsDown?.groupings.length ?? 0) > 0 ||
  (report.factMap['T!T']?.aggregates ?? []).some((a) => typeof a.value === 'number' && a.value !== 0);

/** Every component, placed, with what it draws (or its error, or that it has no data). */
export function componentViews(result: DashboardResult): ComponentView[] {
  const places = placements(result);
  return result.dashboardMetadata.components.map((component, i) => {
    const data =
      result.componentData.find((d) => d.componentId === component.id) ??
      result.componentData[component.componentData ?? i];
    const title = component.title || component.header || '';
    const base = {
      id: component.id,
      header: component.header ?? '',
      title,
      reportId: component.reportId,
      style: places[i],
      summary: '',
    };
    const report = data?.reportResult;
    if (!data || data.status.dataStatus === 'ERROR' || !report)
      return {
        ...base,
        kind: 'error' as const,
        error: data?.status.errorMessage || 'This component could not be loaded.',
      };
    const properties = component.properties;
    const type = properties.visualizationType;
    if (data.status.dataStatus === 'NODATA' || (!hasData(report) && type !== 'Gauge' && type !== 'Metric'))
      return { ...base, kind: 'empty' as const };
    if (type === 'Gauge') {
      const g = gauge(report, properties);
      return {
        ...base,
        kind: 'gauge' as const,
        gauge: g,
        summary: `${title}: ${g.valueText}, on a scale from ${formatNumber(g.min)} to ${formatNumber(g.max)}${
          g.bandText ? `, in the ${g.bandText} band` : ''
        }.`,
      };
    }
    if (type === 'Metric') {
      const name = properties.aggregates?.[0]?.name;
      const text = cellText(report.factMap['T!T']?.aggregates[aggregateIndex(report, name)]);
      const label = properties.visualizationProperties?.metricLabel || (name ? columnLabel(report, name) : '');
      return { ...base, kind: 'metric' as const, metric: { text, label }, summary: `${title}: ${text}` };
    }
    if (type === 'FlexTable' || type === 'Table')
      return { ...base, kind: 'table' as const, table: table(report, properties) };
    const view = chart(report, properties);
    return { ...base, kind: 'chart' as const, chart: view, summary: chartSummary(title, view) };
  });
}
