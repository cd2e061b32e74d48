/**
 * What drives the local app in a browser, shared by the end-to-end tests and the component benchmark:
 * Debian's Chromium through playwright-core (never a downloaded browser), and the app build it loads.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT } from '@partner-planning/model';
import { appIsUpToDate } from './build-state';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Fails with what to do when there is no Chromium to launch (callers check before long work). */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install chromium) ` +
        'or set CHROMIUM_PATH to a Chromium executable.',
    );
}

/** Headless Chromium; playwright-core gives a non-persistent browser a fresh profile directory of its own. */
export async function launchChromium(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Builds packages/app/dist when it is missing or older than its sources (minutes: it minifies); true when it built. */
export function ensureAppBuilt(): boolean {
  if (appIsUpToDate()) return false;
  // In its own process: rollup and the LWC compiler are ES modules jest cannot load. Its output goes to
  // stderr so that callers printing JSON on stdout keep it clean.
  execFileSync('npx', ['tsx', join(REPO_ROOT, 'packages', 'app', 'build.ts')], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 2, 2],
  });
  return true;
}
