/**
 * The local app's Reports tab end to end in Chromium, as a partner manager: the shipped reports and the
 * dashboard listed, a summary report run (groups, subtotals, grand total, filters, row count and run time, the
 * details toggle), a matrix report run (a cross-tab with row and column totals, another summary shown), and the
 * Partner Program dashboard: every component drawn on its grid with its title and no error, its charts with a
 * text alternative, Refresh, and a component's link to its report. Screenshots go to
 * test-results/e2e/reports-*.png, and the README's docs/images/dashboard.png.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadForceApp, REPO_ROOT } from '../../packages/model';
import { screenshot, seededUsers, signedIn, startStack, type Stack } from './stack';

const model = loadForceApp();
const dashboard = model.dashboards.find((d) => d.developerName === 'Partner_Program');
const README_IMAGE = join(REPO_ROOT, 'docs', 'images', 'dashboard.png');

let stack: Stack;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  const pm = (await seededUsers(stack)).find((u) => u.role === 'Partner Manager');
  if (!pm) throw new Error('the seed has no partner manager');
  ({ page } = await signedIn(stack, pm.username));
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await stack?.close();
});

async function openReport(name: string): Promise<void> {
  await page.goto('/reports');
  await page.locator('[data-id="report-link"]', { hasText: name }).click();
  await page.locator('[data-id="report-title"]', { hasText: name }).waitFor();
  await page
    .locator('[data-id="report-table"], [data-id="report-matrix"], [data-id="report-error"], [data-id="report-empty"]')
    .first()
    .waitFor({ timeout: 60000 });
}

it('lists the shipped reports with their format and description, and the dashboard, under Reports', async () => {
  await page.goto('/');
  await page.locator('[data-nav="reports"]').click();
  await page.locator('[data-id="report-row"]').first().waitFor({ timeout: 60000 });
  expect(new URL(page.url()).pathname).toBe('/reports');
  const names = await page.locator('[data-id="report-link"]').allTextContents();
  expect(names.map((n) => n.trim()).sort()).toEqual(model.reports.map((r) => r.name).sort());
  const matrixRow = page.locator('[data-id="report-row"]', { hasText: 'Actions vs Closed Won by Pair' });
  await expect(matrixRow.locator('td', { hasText: /^Matrix$/ }).count()).resolves.toBe(1);
  expect(await page.locator('[data-id="dashboard-link"]').allTextContents()).toEqual([dashboard?.title]);
  await screenshot(page, 'reports-list');
});

it("shows each report's folder (the Report object's FolderName) to a user who may read Report records", async () => {
  const admin = await signedIn(stack, stack.org.adminUsername);
  await admin.page.goto('/reports');
  const row = admin.page.locator('[data-id="report-row"]', { hasText: 'Actions vs Closed Won by Pair' });
  await row.waitFor({ timeout: 60000 });
  await expect(row.locator('td', { hasText: /^Partner Program Reports$/ }).count()).resolves.toBe(1);
  await admin.context.close();
});

it('runs a summary report: its groups, subtotals and grand total, filters, row count and run time', async () => {
  await openReport('Attainment by Partner and Tier');
  await expect(page.locator('[data-id="report-error"]').count()).resolves.toBe(0);
  await expect(page.locator('[data-id="report-format"]').textContent()).resolves.toBe('Summary');
  expect(await page.locator('[data-id="report-run"]').textContent()).toMatch(
    /^[\d,]+ records · run at .+ in \d+\.\d s$/,
  );
  expect(await page.locator('[data-id="report-filters"] li').allTextContents()).toEqual([
    '1. Status equals Accepted, Active, In Revision, Partner Review',
  ]);
  const rows = page.locator('[data-id="report-row"]');
  await expect(page.locator('tr.report-row_group').first().textContent()).resolves.toMatch(/Partner Tier: \w+/);
  expect(await page.locator('tr.report-row_subtotal').count()).toBeGreaterThan(1);
  await expect(rows.last().textContent()).resolves.toMatch(/^Grand Total · [\d,]+ records/);
  // Many records: the groups first, the detail rows on request.
  const before = await rows.count();
  await page.locator('[data-id="toggle-details"]').click();
  await expect(page.locator('tr.report-row_detail').first().isVisible()).resolves.toBe(true);
  expect(await rows.count()).toBeGreaterThan(before);
  await page.locator('[data-id="toggle-details"]').click();
  await screenshot(page, 'reports-summary');
});

it('runs a matrix report as a cross-tab with row and column totals, and shows another summary', async () => {
  await openReport('Actions vs Closed Won by Pair');
  await expect(page.locator('[data-id="report-format"]').textContent()).resolves.toBe('Matrix');
  const matrix = page.locator('[data-id="report-matrix"]');
  const headers = (await matrix.locator('thead th').allTextContents()).map((h) => h.trim());
  expect(headers[0]).toBe('Accountable AE / Metric');
  expect(headers[headers.length - 1]).toBe('Total');
  expect(headers.length).toBeGreaterThan(2);
  const total = matrix.locator('[data-id="matrix-row"]').last();
  await expect(total.locator('th').textContent()).resolves.toBe('Total');
  const firstSummary = await matrix.locator('caption').textContent();
  const picker = page.locator('[data-id="matrix-aggregate"]');
  const options = await picker.locator('option').allTextContents();
  expect(options.length).toBeGreaterThan(1);
  await picker.selectOption({ label: options[1] });
  await expect(matrix.locator('caption').textContent()).resolves.not.toBe(firstSummary);
  expect(await matrix.locator('caption').textContent()).toContain(options[1]);
  await screenshot(page, 'reports-matrix');
});

it('draws every dashboard component on its grid, with its title and no error; Refresh runs it again', async () => {
  // A rollup from the app first, as a user would: the data freshness donut then has a run to show.
  const rollup = await page.request.post('/app/rollup', { data: {}, headers: { Origin: stack.app.url } });
  expect(rollup.ok()).toBe(true);
  await page.goto('/reports');
  await page.locator('[data-id="dashboard-link"]').click();
  const components = page.locator('[data-id="dashboard-component"]');
  await components.first().waitFor({ timeout: 60000 });
  await expect(page.locator('[data-id="dashboard-title"]').textContent()).resolves.toBe(dashboard?.title);
  const expected = (dashboard?.components ?? []).map((c) => c.title ?? c.header ?? '');
  expect(await page.locator('[data-id="component-title"]').allTextContents()).toEqual(expected);
  const kinds = await components.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  expect(kinds).not.toContain('error');
  // A gauge, charts and tables (a component whose report finds no records says so: "empty", never an error).
  expect(kinds[0]).toBe('gauge');
  expect(kinds.filter((k) => k === 'table')).toHaveLength(2);
  const chartCount = kinds.filter((k) => k === 'chart').length;
  expect(chartCount + kinds.filter((k) => k === 'empty').length).toBe(7);
  expect(chartCount).toBeGreaterThanOrEqual(6);
  // Each chart is an image named by its summary, with its figures in a hidden table; the gauge says its reading.
  const charts = page.locator('[data-id="chart"] canvas');
  await expect(charts.count()).resolves.toBe(chartCount);
  for (const label of await charts.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? '')))
    expect(label).toMatch(/by category/);
  expect(await page.locator('[data-id="chart-data"]').count()).toBe(chartCount);
  expect(await page.locator('[data-id="gauge"]').getAttribute('aria-label')).toMatch(/on a scale from 0 to 150/);
  // The grid: the gauge spans the first 3 of 12 columns and 8 rows.
  expect(await components.first().getAttribute('style')).toContain('grid-column: 1 / span 3');

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForTimeout(500);
  await screenshot(page, 'reports-dashboard');
  mkdirSync(join(REPO_ROOT, 'docs', 'images'), { recursive: true });
  await page.screenshot({ path: README_IMAGE, fullPage: true });
  expect(statSync(README_IMAGE).size).toBeLessThan(400 * 1024);

  await page.locator('[data-id="dashboard-refresh"]').click();
  await page.locator('[data-id="dashboard-refresh"] button', { hasText: /^Refresh$/ }).waitFor();
  await expect(components.count()).resolves.toBe(expected.length);
  expect(await components.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(kinds);
  expect(pageErrors).toEqual([]);
});

it("opens a component's report from its link", async () => {
  const component = page.locator('[data-id="dashboard-component"]', { hasText: 'Stale deals' });
  await component.locator('[data-id="component-report-link"]').click();
  await page.locator('[data-id="report-title"]', { hasText: 'Stale Partner Deals by Owner' }).waitFor();
  expect(new URL(page.url()).pathname).toMatch(/^\/reports\/00O\w{15}$/);
  await screenshot(page, 'reports-from-dashboard');
});

it('says plainly when a report or dashboard cannot be opened', async () => {
  await page.goto('/reports/00O000000000000AAA');
  await expect(page.locator('[data-id="report-error"] h2').textContent()).resolves.toBe('This report could not be run');
  expect(await page.locator('[data-id="report-table"], [data-id="report-matrix"]').count()).toBe(0);
  await page.goto('/dashboards/01Z000000000000AAA');
  await expect(page.locator('[data-id="dashboard-error"] h2').textContent()).resolves.toBe(
    'This dashboard could not be loaded',
  );
  await screenshot(page, 'reports-error');
});
