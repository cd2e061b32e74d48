/**
 * Whether packages/app/dist is up to date with its sources. Kept apart from build.ts so that code which only
 * asks (the e2e tests under jest) does not load rollup and the LWC compiler.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@partner-planning/model';

export const APP_DIR = join(REPO_ROOT, 'packages', 'app');
export const DIST_DIR = join(APP_DIR, 'dist');
export const LWC_DIR = join(REPO_ROOT, 'force-app', 'main', 'default', 'lwc');
export const PLATFORM_DIR = join(APP_DIR, 'platform');
export const SHELL_DIR = join(APP_DIR, 'shell');
/** The built chunks (hashed names, served as immutable), and the page naming the entry chunk, written last. */
export const CHUNKS_DIR = join(DIST_DIR, 'chunks');
export const INDEX_HTML = join(DIST_DIR, 'index.html');

/** The folders and files whose changes need a rebuild. */
const SOURCES = [
  SHELL_DIR,
  PLATFORM_DIR,
  LWC_DIR,
  join(APP_DIR, 'build.ts'),
  join(REPO_ROOT, 'force-app', 'main', 'default', 'labels'),
  join(REPO_ROOT, 'package-lock.json'),
  // Its API version is built into the platform modules.
  join(REPO_ROOT, 'sfdx-project.json'),
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    // Compiled component .js files and tests do not go into the app.
    if (entry === '__tests__' || (path.startsWith(LWC_DIR) && entry.endsWith('.js'))) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when packages/app/dist holds a build newer than every source (a build of one file, app.js, is stale). */
export function appIsUpToDate(): boolean {
  if (!existsSync(CHUNKS_DIR) || !existsSync(INDEX_HTML)) return false;
  const built = statSync(INDEX_HTML).mtimeMs;
  return SOURCES.every((source) => newestMtime(source) <= built);
}
