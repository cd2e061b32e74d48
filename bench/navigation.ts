/**
 * A fresh navigation of the smallest plan in the local app, as a first visit: a new browser context each time
 * (empty cache), from the address to the plan editor showing its first target, against the same navigation
 * again in that context (the app's code cached); and what the app's code weighs, built and as sent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { DIST_DIR } from '@partner-planning/app';
import { percentile, round } from './stats';

const WAIT_MS = 60_000;

/** The built app's JavaScript: its chunks' bytes, and gzipped (level 9, as the build writes them). */
export interface BundleSize {
  chunks: number;
  bytes: number;
  gzipBytes: number;
}

/** What one page load downloaded. */
export interface PageLoadBytes {
  /** JavaScript files, their bytes as sent (compressed when the server compresses) and decoded. */
  scripts: number;
  scriptTransferBytes: number;
  scriptBytes: number;
  /** Every request, JavaScript, stylesheets, icons and API calls alike. */
  requests: number;
}

export interface FreshNavigationBench {
  label: string;
  repetitions: number;
  /** To the first target input, with an empty cache. */
  cold: { p50Ms: number; p95Ms: number };
  /** The same navigation again in the same browser context: what the app's code costs to download is gone. */
  warm: { p50Ms: number; p95Ms: number };
  /** cold p50 / warm p50 */
  ratio: number;
  /** What the first (cold) navigation downloaded. */
  coldLoad: PageLoadBytes;
  bundle: BundleSize;
}

/** The chunks of the built app (a build of one file, app.js, counts as its one chunk). */
export function bundleSize(distDir: string = DIST_DIR): BundleSize {
  const chunksDir = join(distDir, 'chunks');
  const files = existsSync(chunksDir)
    ? readdirSync(chunksDir)
        .filter((name) => name.endsWith('.js'))
        .map((name) => join(chunksDir, name))
    : [join(distDir, 'app.js')];
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const code = readFileSync(file);
    bytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
  }
  return { chunks: files.length, bytes, gzipBytes };
}

/** Counts what a page downloads until `stop()`, which waits for the bodies of the JavaScript it saw. */
function recordLoad(page: Page): { stop: () => Promise<PageLoadBytes> } {
  const scripts: Response[] = [];
  let requests = 0;
  const onResponse = (response: Response): void => {
    requests++;
    if ((response.headers()['content-type'] ?? '').includes('javascript')) scripts.push(response);
  };
  page.on('response', onResponse);
  return {
    async stop() {
      page.off('response', onResponse);
      let scriptTransferBytes = 0;
      let scriptBytes = 0;
      for (const response of scripts) {
        // responseBodySize is the body as received (encoded); body() is decoded.
        scriptTransferBytes += (await response.request().sizes()).responseBodySize;
        scriptBytes += (await response.body()).length;
      }
      return { scripts: scripts.length, scriptTransferBytes, scriptBytes, requests };
    },
  };
}

/** Milliseconds from the address to the editor's first target input shown. */
async function timeToFirstTarget(page: Page, url: string): Promise<number> {
  const started = process.hrtime.bigint();
  await page.goto(url);
  await page
    .locator('c-partner-plan-editor input.target-input')
    .first()
    .waitFor({ state: 'visible', timeout: WAIT_MS });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * `repetitions` first visits of a plan's page, each in a new signed-in browser context (`newPage`), then a second
 * visit in the same context; the first visit's downloads are counted.
 */
export async function benchFreshNavigation(options: {
  label: string;
  url: string;
  repetitions: number;
  newPage: () => Promise<Page>;
  distDir?: string;
  log: (line: string) => void;
}): Promise<FreshNavigationBench> {
  const cold: number[] = [];
  const warm: number[] = [];
  let coldLoad: PageLoadBytes | undefined;
  // One untimed first visit: the server's first answers (compressed copies, the org's caches) are not a browser's.
  for (let i = 0; i <= options.repetitions; i++) {
    if (i > 0) options.log(`Timing fresh navigations of ${options.label}, ${i} of ${options.repetitions}...`);
    const page = await options.newPage();
    try {
      const load = recordLoad(page);
      const coldMs = await timeToFirstTarget(page, options.url);
      const bytes = await load.stop();
      const warmMs = await timeToFirstTarget(page, options.url);
      if (i === 0) continue;
      coldLoad ??= bytes;
      cold.push(coldMs);
      warm.push(warmMs);
    } finally {
      await page.context().close();
    }
  }
  const timing = (samples: number[]) => ({
    p50Ms: round(percentile(samples, 50), 1),
    p95Ms: round(percentile(samples, 95), 1),
  });
  if (!coldLoad) throw new Error('no fresh navigation was timed');
  return {
    label: options.label,
    repetitions: options.repetitions,
    cold: timing(cold),
    warm: timing(warm),
    ratio: round(percentile(cold, 50) / percentile(warm, 50)),
    coldLoad,
    bundle: bundleSize(options.distDir),
  };
}
