/**
 * The built app as the browser receives it: a plan's page loads minified chunks, compressed, cached as
 * immutable under hashed names, and none of the code of the lazily loaded pages (chart.js comes with the
 * Reports tab's report and dashboard pages, on first use); the page itself is revalidated on every load.
 */
import type { Page, Response } from 'playwright-core';
import { signedIn, startStack, type Stack } from './stack';

/** A message only chart.js's code holds (minifiers keep string literals). */
const CHART_JS = "Failed to create chart: can't acquire context from the given item";

interface Loaded {
  url: URL;
  headers: Record<string, string>;
  body: string;
}

let stack: Stack;
let page: Page;
const pageErrors: string[] = [];
let loaded: Loaded[] = [];

/** Records each JavaScript file and document the page receives, with its headers and decoded body. */
function record(target: Page): () => Promise<void> {
  const pending: Promise<void>[] = [];
  target.on('response', (response: Response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!type.includes('javascript') && !type.includes('text/html')) return;
    pending.push(
      response.body().then((body) => {
        loaded.push({ url: new URL(response.url()), headers: response.headers(), body: body.toString('utf8') });
      }),
    );
  });
  return async () => {
    await Promise.all(pending);
  };
}

const chunks = (): Loaded[] => loaded.filter((l) => l.url.pathname.startsWith('/chunks/'));

beforeAll(async () => {
  stack = await startStack();
  ({ page } = await signedIn(stack, stack.org.adminUsername));
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await stack?.close();
});

test("a plan's page loads minified, compressed, immutable chunks and no chart.js", async () => {
  const plans = await stack.admin.conn.query<{ Id: string }>('SELECT Id FROM Partner_Account_Plan__c LIMIT 1');
  const settled = record(page);
  await page.goto(`/plans/${plans.records[0].Id}`);
  await page.locator('c-partner-plan-editor').waitFor();
  await page.waitForLoadState('networkidle');
  await settled();

  const document = loaded.find((l) => l.headers['content-type']?.includes('text/html'));
  expect(document?.headers['cache-control']).toBe('no-cache');
  expect(document?.headers.etag).toMatch(/^"/);
  const entry = document?.body.match(/<script type="module" src="(\/chunks\/app-[\w-]+\.js)"><\/script>/)?.[1];
  expect(entry).toBeDefined();

  expect(chunks().map((c) => c.url.pathname)).toContain(entry);
  for (const chunk of chunks()) {
    expect(chunk.url.pathname).toMatch(/^\/chunks\/[\w-]+-[\w-]{8}\.js$/);
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(['br', 'gzip']).toContain(chunk.headers['content-encoding']);
    // Minified: long lines (the unminified build had a line every 30 bytes or so; licence comments stay).
    expect(chunk.body.split('\n').length).toBeLessThan(chunk.body.length / 1000 + 2);
    expect(chunk.body).not.toContain(CHART_JS);
  }
  expect(pageErrors).toEqual([]);
});

test('the Reports tab loads its pages on first use, and a dashboard brings chart.js', async () => {
  loaded = [];
  const settled = record(page);
  await page.locator('a[data-nav="reports"]').click();
  await page.locator('[data-id="dashboard-link"]').click();
  await page.locator('[data-id="dashboard-grid"], [data-id="dashboard-component"]').first().waitFor();
  await page.waitForLoadState('networkidle');
  await settled();
  const names = chunks().map((c) => c.url.pathname);
  expect(names.some((n) => n.startsWith('/chunks/reportsPage-'))).toBe(true);
  expect(names.some((n) => n.startsWith('/chunks/dashboardPage-'))).toBe(true);
  const withChartJs = new Set(
    chunks()
      .filter((c) => c.body.includes(CHART_JS))
      .map((c) => c.url.pathname),
  );
  expect(withChartJs.size).toBe(1);
  // An in-app navigation: the page and the entry chunk are not asked for again.
  expect(loaded.filter((l) => !l.url.pathname.startsWith('/chunks/'))).toEqual([]);
  expect(pageErrors).toEqual([]);
});
