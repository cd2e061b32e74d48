/**
 * A dashboard as its viewer runs it (`GET /analytics/dashboards/<id>`, the Analytics REST API's Dashboard
 * Results): its components on the grid layout (rows, columns and spans from the metadata), each drawn from its
 * component data — a gauge with its range and coloured bands, bar, column and donut charts (chart.js), tables,
 * a metric — with a text alternative, a link to its report, and its error or empty state. "Refresh" asks the
 * org to refresh (PUT) and reads the results again.
 */
import { LightningElement, api } from 'lwc';
import { request } from '../../../../platform/api';
import { NAVIGATE_EVENT } from '../../../../platform/navigation';
import type { ReportResult } from '../reportPage/reportModel';
import { componentViews, failureMessage, gridStyle, type ComponentView, type DashboardResult } from './dashboardModel';

interface CardView extends ComponentView {
  href: string;
  headingId: string;
  isGauge: boolean;
  isChart: boolean;
  isTable: boolean;
  isMetric: boolean;
  isError: boolean;
  isEmpty: boolean;
  className: string;
}

/**
 * A table of detail columns shows its report's records: when a component's data carries none (an org that
 * runs every component without detail rows), they are read from the report's own run, as the signed-in user.
 */
async function withDetailRows(result: DashboardResult): Promise<DashboardResult> {
  const componentData = await Promise.all(
    result.componentData.map(async (data) => {
      const component = result.dashboardMetadata.components.find((c) => c.id === data.componentId);
      const columns = component?.properties.visualizationProperties?.tableColumns ?? [];
      const report = data.reportResult;
      const hasRows = Object.values(report?.factMap ?? {}).some((entry) => (entry?.rows?.length ?? 0) > 0);
      if (!component || !report || hasRows || !columns.some((c) => c.type === 'detail')) return data;
      const run = await request<ReportResult>(
        'GET',
        `/analytics/reports/${encodeURIComponent(component.reportId)}?includeDetails=true`,
      ).catch(() => undefined);
      return run ? { ...data, reportResult: run } : data;
    }),
  );
  return { ...result, componentData };
}

export default class DashboardPage extends LightningElement {
  @api dashboardId = '';
  result: DashboardResult | null = null;
  loading = true;
  refreshing = false;
  error = '';
  ranAt: Date | null = null;

  connectedCallback(): void {
    void this.load();
  }

  private get path(): string {
    return `/analytics/dashboards/${encodeURIComponent(this.dashboardId)}`;
  }

  private async load(): Promise<void> {
    this.error = '';
    try {
      this.result = await withDetailRows(await request<DashboardResult>('GET', this.path));
      this.ranAt = new Date();
    } catch (error) {
      this.result = null;
      this.error = failureMessage(error, 'The dashboard could not be loaded.');
    } finally {
      this.loading = false;
    }
  }

  async handleRefresh(): Promise<void> {
    this.refreshing = true;
    try {
      // The documented refresh; an org that runs the components on every read answers the GET alone.
      await request('PUT', this.path).catch(() => undefined);
      await this.load();
    } finally {
      this.refreshing = false;
    }
  }

  handleLink(event: Event): void {
    event.preventDefault();
    const url = (event.currentTarget as HTMLElement).dataset.href;
    if (url) window.dispatchEvent(new CustomEvent(NAVIGATE_EVENT, { detail: { url, replace: false } }));
  }

  get name(): string {
    return this.result?.dashboardMetadata.name ?? 'Dashboard';
  }

  get description(): string {
    return this.result?.dashboardMetadata.description ?? '';
  }

  get metaText(): string {
    if (!this.result || !this.ranAt) return '';
    const viewer = this.result.dashboardMetadata.runningUser?.displayName;
    return `${viewer ? `Viewing as ${viewer} · ` : ''}As of ${this.ranAt.toLocaleString('en-US')}`;
  }

  get gridStyle(): string {
    return this.result ? gridStyle(this.result) : '';
  }

  get components(): CardView[] {
    if (!this.result) return [];
    return componentViews(this.result).map((view) => ({
      ...view,
      href: `/reports/${view.reportId}`,
      headingId: `component-${view.id}`,
      isGauge: view.kind === 'gauge',
      isChart: view.kind === 'chart',
      isTable: view.kind === 'table',
      isMetric: view.kind === 'metric',
      isError: view.kind === 'error',
      isEmpty: view.kind === 'empty',
      className: `slds-card dashboard-component dashboard-component_${view.kind}`,
    }));
  }

  get hasComponents(): boolean {
    return this.components.length > 0;
  }

  get isEmpty(): boolean {
    return !!this.result && !this.hasComponents;
  }

  get refreshLabel(): string {
    return this.refreshing ? 'Refreshing…' : 'Refresh';
  }
}
