/**
 * The local app's public entry (node side): build the bundle of the project's Lightning components with
 * the local platform modules, serve it against a local org, and drive it in Debian's Chromium.
 */
export { startAppServer, APP_PORT, DIST_DIR, type AppServer, type AppServerOptions, type AppUser } from './server';
export { ACCESS_SYNC_SECONDS, type AccessSyncSummary } from './access-sync';
export { buildApp, appIsUpToDate, type BuildResult } from './build';
export { assertChromium, launchChromium, ensureAppBuilt, CHROMIUM_PATH } from './chromium';
