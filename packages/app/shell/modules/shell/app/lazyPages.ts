/**
 * The pages few visits need, each loaded on first use as chunks of their own (the app build splits at these
 * `import()`s): a plan's page never downloads chart.js, the report and dashboard code or the program overview.
 */
import type { LightningElement } from 'lwc';

export type LazyPage = 'reports' | 'report' | 'dashboard' | 'programOverview';
export type PageConstructor = typeof LightningElement;

const LOADERS: Record<LazyPage, () => Promise<{ default: PageConstructor }>> = {
  reports: () => import('shell/reportsPage'),
  report: () => import('shell/reportPage'),
  dashboard: () => import('shell/dashboardPage'),
  programOverview: () => import('c/programOverview'),
};

export function isLazyPage(page: string): page is LazyPage {
  return Object.hasOwn(LOADERS, page);
}

/** The page's component; a failed download may be retried (the next navigation asks again). */
export async function loadPage(page: LazyPage): Promise<PageConstructor> {
  return (await LOADERS[page]()).default;
}
