/**
 * A report run as the signed-in user (`GET /analytics/reports/<id>?includeDetails=true`, the Analytics REST
 * API's Execute Sync) and drawn as Lightning's report run page draws it: a tabular report as a table, a
 * summary report as its groups with subtotals and the grand total, a matrix report as a cross-tab with row and
 * column totals, the report's chart when it has one, the filters applied, the row count and the run time.
 */
import { LightningElement, api } from 'lwc';
import { request } from '../../../../platform/api';
import { NAVIGATE_EVENT } from '../../../../platform/navigation';
import type { ChartView } from '../dashboardPage/dashboardModel';
import { chartSummary } from '../dashboardPage/dashboardModel';
import {
  aggregateColumns,
  chartData,
  failureMessage,
  filterTexts,
  format,
  matrixTable,
  reportChart,
  rowCount,
  summaryTable,
  tabularTable,
  type Matrix,
  type ReportResult,
  type Table,
} from './reportModel';

const FORMATS: Record<string, string> = { TABULAR: 'Tabular', SUMMARY: 'Summary', MATRIX: 'Matrix' };
/** A summary report with more records than this opens with its details hidden (its groups and totals only). */
const DETAIL_LIMIT = 200;

/** The report chart's kind, from its chartType ("Bar", "Column", "Donut", "Pie", "Line", "StackedBar"...). */
function chartView(result: ReportResult): ChartView | undefined {
  const chart = reportChart(result);
  if (!chart) return undefined;
  const type = chart.chartType;
  const depth = Math.max(
    0,
    result.reportMetadata.groupingsDown.findIndex((g) => g.name === chart.groupings[0]),
  );
  const stacked = /stack/i.test(type) && chart.groupings.length > 1;
  return {
    type: /donut/i.test(type) ? 'doughnut' : /pie/i.test(type) ? 'pie' : /line/i.test(type) ? 'line' : 'bar',
    horizontal: /bar/i.test(type) && !/column/i.test(type),
    stacked,
    data: chartData(result, chart.summaries, depth, stacked),
    legend: chart.hasLegend === false ? 'none' : 'bottom',
  };
}

export default class ReportPage extends LightningElement {
  private currentId = '';
  private connected = false;
  result: ReportResult | null = null;
  loading = true;
  error = '';
  /** When the run finished, and how long it took (ms). */
  ranAt: Date | null = null;
  runMillis = 0;
  /** The aggregate a matrix shows. */
  matrixAggregate = '';
  /** Whether a summary report shows its detail rows (the reader's choice once made). */
  detailsChoice: boolean | null = null;

  /** The report shown; another report (the shell reuses the page) runs at once. */
  @api
  get reportId(): string {
    return this.currentId;
  }
  set reportId(value: string) {
    const changed = value !== this.currentId;
    this.currentId = value;
    this.matrixAggregate = '';
    if (changed && this.connected) void this.run();
  }

  connectedCallback(): void {
    this.connected = true;
    void this.run();
  }

  disconnectedCallback(): void {
    this.connected = false;
  }

  private async run(): Promise<void> {
    this.loading = true;
    this.error = '';
    const started = performance.now();
    try {
      this.result = await request<ReportResult>(
        'GET',
        `/analytics/reports/${encodeURIComponent(this.reportId)}?includeDetails=true`,
      );
      this.runMillis = Math.round(performance.now() - started);
      this.ranAt = new Date();
    } catch (error) {
      this.result = null;
      this.error = failureMessage(error, 'The report could not be run.');
    } finally {
      this.loading = false;
    }
  }

  handleRunAgain(): void {
    void this.run();
  }

  handleBack(event: Event): void {
    event.preventDefault();
    window.dispatchEvent(new CustomEvent(NAVIGATE_EVENT, { detail: { url: '/reports', replace: false } }));
  }

  handleToggleDetails(): void {
    this.detailsChoice = !this.showDetails;
  }

  /** A summary report's detail rows show unless there are many (or the reader hid them). */
  get showDetails(): boolean {
    return this.detailsChoice ?? this.rows <= DETAIL_LIMIT;
  }

  get isSummary(): boolean {
    return !!this.result && format(this.result) === 'SUMMARY';
  }

  get detailsLabel(): string {
    return this.showDetails ? 'Hide details' : 'Show details';
  }

  handleAggregateChange(event: Event): void {
    this.matrixAggregate = (event.target as HTMLSelectElement).value;
  }

  get name(): string {
    return this.result?.reportMetadata.name ?? this.result?.attributes?.reportName ?? 'Report';
  }

  get description(): string {
    return this.result?.reportMetadata.description ?? '';
  }

  get formatLabel(): string {
    return this.result ? (FORMATS[format(this.result)] ?? format(this.result)) : '';
  }

  get rows(): number {
    return this.result ? rowCount(this.result) : 0;
  }

  get runText(): string {
    if (!this.result || !this.ranAt) return '';
    const time = this.ranAt.toLocaleTimeString('en-US');
    const rows = `${this.rows.toLocaleString('en-US')} record${this.rows === 1 ? '' : 's'}`;
    return `${rows} · run at ${time} in ${(this.runMillis / 1000).toFixed(1)} s`;
  }

  get filters(): { key: string; text: string }[] {
    return this.result ? filterTexts(this.result).map((text, i) => ({ key: `f${i}`, text })) : [];
  }

  get hasFilters(): boolean {
    return this.filters.length > 0;
  }

  get isEmpty(): boolean {
    return !!this.result && this.rows === 0;
  }

  get hasResult(): boolean {
    return !!this.result && this.rows > 0;
  }

  get isMatrix(): boolean {
    return !!this.result && format(this.result) === 'MATRIX';
  }

  /** A tabular or summary report's rows, with a label column first for a summary's headings and totals. */
  get table(): (Table & { labelColumn: boolean; width: number }) | null {
    if (!this.result || this.isMatrix) return null;
    const summary = format(this.result) === 'SUMMARY';
    const table = summary ? summaryTable(this.result) : tabularTable(this.result);
    return { ...table, labelColumn: true, width: table.columns.length + 1 };
  }

  get tableRows(): {
    key: string;
    isGroup: boolean;
    label: string;
    className: string;
    labelClass: string;
    cells: { key: string; text: string; className: string }[];
  }[] {
    // Details hidden: a group without subgroups is its subtotal row alone (the subtotal names it).
    const hidden = this.isSummary && !this.showDetails;
    const rows = (this.table?.rows ?? []).filter(
      (row) => !hidden || (row.kind !== 'detail' && !(row.kind === 'group' && row.leaf)),
    );
    return rows.map((row) => ({
      key: row.key,
      isGroup: row.kind === 'group',
      label: row.label,
      className: row.className,
      labelClass: `report-label report-indent-${row.level}`,
      cells: row.cells.map((c) => ({ key: c.key, text: c.text, className: c.numeric ? 'slds-text-align_right' : '' })),
    }));
  }

  get matrix(): Matrix | null {
    return this.result && this.isMatrix ? matrixTable(this.result, this.matrixAggregate || undefined) : null;
  }

  get matrixRows(): {
    key: string;
    label: string;
    className: string;
    labelClass: string;
    cells: { key: string; text: string }[];
  }[] {
    return (this.matrix?.rows ?? []).map((row) => ({
      key: row.key,
      label: row.label,
      className: row.className,
      labelClass: `report-label report-indent-${row.level}`,
      cells: row.cells,
    }));
  }

  get aggregateOptions(): { value: string; label: string; selected: boolean }[] {
    if (!this.result) return [];
    const shown = this.matrix?.aggregate.key;
    return aggregateColumns(this.result).map((c) => ({ value: c.key, label: c.label, selected: c.key === shown }));
  }

  get chart(): ChartView | undefined {
    return this.result ? chartView(this.result) : undefined;
  }

  get chartTitle(): string {
    const chart = this.result ? reportChart(this.result) : undefined;
    return chart?.title || `${this.name} chart`;
  }

  get chartSummary(): string {
    return this.chart ? chartSummary(this.chartTitle, this.chart) : '';
  }
}
