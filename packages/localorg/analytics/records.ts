/**
 * The Report and Dashboard records: one per report and dashboard of the org's project, with the Ids the
 * Analytics REST API and the Metadata API give them, written at start and again after each deploy.
 */
import { quoteIdent } from '../sql';
import type { Storage } from '../storage';
import { analyticsId } from './catalog';

export function ensureAnalyticsRecords(storage: Storage, now: Date): void {
  const report = storage.schema.objects.get('Report');
  const dashboard = storage.schema.objects.get('Dashboard');
  if (!report || !dashboard) return;
  const stamp = now.toISOString();
  const audit = { IsDeleted: 0, CreatedDate: stamp, LastModifiedDate: stamp, SystemModstamp: stamp };
  const model = storage.schema.model;
  const folderLabel = (folders: { name: string; label: string }[], name: string): string =>
    folders.find((f) => f.name === name)?.label ?? name;
  storage.db.transaction(() => {
    storage.db.prepare(`DELETE FROM ${quoteIdent(report.table)}`).run();
    for (const r of model.reports) {
      storage.insertRow(report, {
        Id: analyticsId('Report', r.fullName),
        Name: r.name,
        DeveloperName: r.developerName,
        FolderName: folderLabel(model.reportFolders, r.folder),
        Description: r.description ?? null,
        Format: r.format,
        NamespacePrefix: null,
        LastRunDate: null,
        ...audit,
      });
    }
    storage.db.prepare(`DELETE FROM ${quoteIdent(dashboard.table)}`).run();
    for (const d of model.dashboards) {
      storage.insertRow(dashboard, {
        Id: analyticsId('Dashboard', d.fullName),
        Title: d.title,
        DeveloperName: d.developerName,
        FolderName: folderLabel(model.dashboardFolders, d.folder),
        Description: d.description ?? null,
        Type: d.dashboardType,
        RunningUserId: null,
        NamespacePrefix: null,
        ...audit,
      });
    }
  })();
}
