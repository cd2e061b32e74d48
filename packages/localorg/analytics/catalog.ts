/**
 * The org's reports and dashboards as the Analytics REST API names them: stable Ids derived from each
 * component's full name (the Metadata API's listMetadata gives the same ones), and who may see what. A report
 * or dashboard is visible to the System Administrator (View All Data) and to the users its folder is shared
 * with: `Organization` / `AllInternalUsers` shares every internal user, `User` shares name a username.
 * Partner users see no folder unless one is shared with them by username.
 */
import type { DashboardModel, FolderModel, ForceAppModel, ReportModel } from '@partner-planning/model';
import { SalesforceError } from '../errors';
import { makeId } from '../ids';
import type { UserAccess } from '../security';

/** Key prefixes of the analytics components (Salesforce's). */
export const ANALYTICS_PREFIXES = {
  Report: '00O',
  Dashboard: '01Z',
  ReportFolder: '00l',
  DashboardFolder: '00l',
} as const;

/** FNV-1a over the full name: an Id that stays the same across restarts and deploys of other components. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A stable Id with a key prefix, from a key. */
export const stableId = (prefix: string, key: string): string => makeId(prefix, hashOf(key) + 1);

/** The Id of a report, dashboard or folder, from its metadata type and full name. */
export function analyticsId(type: keyof typeof ANALYTICS_PREFIXES, fullName: string): string {
  return stableId(ANALYTICS_PREFIXES[type], `${type}:${fullName}`);
}

export const reportIdOf = (report: ReportModel): string => analyticsId('Report', report.fullName);
export const dashboardIdOf = (dashboard: DashboardModel): string => analyticsId('Dashboard', dashboard.fullName);

/** 15- and 18-character Ids name the same component; Salesforce answers either. */
const sameId = (a: string, b: string): boolean => a.length >= 15 && b.length >= 15 && a.slice(0, 15) === b.slice(0, 15);

const notFound = (): SalesforceError => new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');

/** The user can see a folder's contents. */
export function canSeeFolder(folder: FolderModel | undefined, access: UserAccess, username: string): boolean {
  if (access.allData || access.hasSystemPermission('ViewAllData')) return true;
  if (!folder) return false;
  return folder.shares.some((share) => {
    const type = share.sharedToType.toLowerCase();
    if (type === 'organization') return !access.isPartner;
    if (type === 'user') return share.sharedTo.toLowerCase() === username.toLowerCase();
    return false;
  });
}

export class AnalyticsCatalog {
  constructor(
    private readonly model: ForceAppModel,
    private readonly access: UserAccess,
    private readonly username: string,
  ) {}

  private visible(folders: FolderModel[], folder: string): boolean {
    return canSeeFolder(
      folders.find((f) => f.name === folder),
      this.access,
      this.username,
    );
  }

  /** The reports the user can see, by name. */
  reports(): ReportModel[] {
    return this.model.reports
      .filter((r) => this.visible(this.model.reportFolders, r.folder))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A report by Id; NOT_FOUND when there is none or its folder is not shared with the user. */
  report(id: string): ReportModel {
    const report = this.model.reports.find((r) => sameId(reportIdOf(r), id));
    if (!report || !this.visible(this.model.reportFolders, report.folder)) throw notFound();
    return report;
  }

  /** A report by its `<Folder>/<DeveloperName>` (dashboards name their reports so). */
  reportByFullName(fullName: string): ReportModel | undefined {
    return this.model.reports.find((r) => r.fullName === fullName);
  }

  dashboards(): DashboardModel[] {
    return this.model.dashboards
      .filter((d) => this.visible(this.model.dashboardFolders, d.folder))
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  dashboard(id: string): DashboardModel {
    const dashboard = this.model.dashboards.find((d) => sameId(dashboardIdOf(d), id));
    if (!dashboard || !this.visible(this.model.dashboardFolders, dashboard.folder)) throw notFound();
    return dashboard;
  }

  reportFolderId(report: ReportModel): string {
    return analyticsId('ReportFolder', report.folder);
  }

  dashboardFolderId(dashboard: DashboardModel): string {
    return analyticsId('DashboardFolder', dashboard.folder);
  }
}
