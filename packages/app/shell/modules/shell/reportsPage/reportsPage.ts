/**
 * The Reports tab: the reports and dashboards the signed-in user may see, from the org's Analytics REST API
 * (`/analytics/reports` and `/analytics/dashboards`), each report described (`/describe`) for its format and
 * description, and its folder's name from the Report object (`FolderName`, as in any org). A report opens on
 * `/reports/<id>` (run as the user), a dashboard on `/dashboards/<id>`.
 */
import { LightningElement } from 'lwc';
import { query, request } from '../../../../platform/api';
import { NAVIGATE_EVENT } from '../../../../platform/navigation';
import { failureMessage, type ReportMetadata } from '../reportPage/reportModel';

interface ReportInfo {
  id: string;
  name: string;
}

interface DashboardInfo {
  id: string;
  name: string;
}

interface Describe {
  reportMetadata: ReportMetadata;
}

interface ReportRow {
  id: string;
  name: string;
  href: string;
  folder: string;
  format: string;
  description: string;
}

const FORMATS: Record<string, string> = { TABULAR: 'Tabular', SUMMARY: 'Summary', MATRIX: 'Matrix' };

/** Each report's folder name by its 15-character Id, from the Report object (none when it cannot be read). */
async function folderNames(): Promise<Map<string, string>> {
  const rows = await query('SELECT Id, FolderName FROM Report').catch(() => []);
  return new Map(rows.map((r) => [String(r.Id).slice(0, 15), typeof r.FolderName === 'string' ? r.FolderName : '']));
}

export default class ReportsPage extends LightningElement {
  reports: ReportRow[] = [];
  dashboards: { id: string; name: string; href: string }[] = [];
  loading = true;
  error = '';

  connectedCallback(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [reports, dashboards] = await Promise.all([
        request<ReportInfo[]>('GET', '/analytics/reports'),
        request<DashboardInfo[]>('GET', '/analytics/dashboards'),
      ]);
      this.dashboards = [...dashboards]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((d) => ({ id: d.id, name: d.name, href: `/dashboards/${d.id}` }));
      const folders = await folderNames();
      const rows = await Promise.all(
        reports.map(async (report): Promise<ReportRow> => {
          const describe = await request<Describe>('GET', `/analytics/reports/${report.id}/describe`).catch(
            () => undefined,
          );
          const meta = describe?.reportMetadata;
          return {
            id: report.id,
            name: report.name,
            href: `/reports/${report.id}`,
            folder: folders.get(report.id.slice(0, 15)) ?? '',
            format: meta ? (FORMATS[meta.reportFormat] ?? meta.reportFormat) : '',
            description: meta?.description ?? '',
          };
        }),
      );
      this.reports = rows.sort((a, b) => a.folder.localeCompare(b.folder) || a.name.localeCompare(b.name));
    } catch (error) {
      this.error = failureMessage(error, 'The reports could not be loaded.');
    } finally {
      this.loading = false;
    }
  }

  get hasReports(): boolean {
    return this.reports.length > 0;
  }

  /** The folder column shows when the org named the folders. */
  get hasFolders(): boolean {
    return this.reports.some((r) => r.folder !== '');
  }

  get hasDashboards(): boolean {
    return this.dashboards.length > 0;
  }

  get isEmpty(): boolean {
    return !this.loading && !this.error && !this.hasReports && !this.hasDashboards;
  }

  get countText(): string {
    if (this.loading) return 'Loading…';
    const reports = `${this.reports.length} report${this.reports.length === 1 ? '' : 's'}`;
    return `${reports}, ${this.dashboards.length} dashboard${this.dashboards.length === 1 ? '' : 's'}`;
  }

  handleLink(event: Event): void {
    event.preventDefault();
    const url = (event.currentTarget as HTMLElement).dataset.href;
    if (url) window.dispatchEvent(new CustomEvent(NAVIGATE_EVENT, { detail: { url, replace: false } }));
  }
}
