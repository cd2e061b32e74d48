/**
 * The local org's public entry: start a Salesforce REST API server over SQLite whose schema is compiled from
 * any Salesforce DX project's force-app. Everything else in this package is internal; code outside it
 * imports from here (the benchmark's storage-level measurements use `./internal`).
 */
import { startLocalOrg as startOrg, type LocalOrg as RunningOrg, type LocalOrgOptions } from './server';

export { MIN_API_VERSION, MAX_API_VERSION, DEFAULT_API_DAILY_LIMIT, type LocalOrgOptions } from './server';

/** A running local org: where it listens, the admin's credentials, and how to stop it. */
export type LocalOrg = Omit<RunningOrg, 'storage'>;

/**
 * Starts a local org (see LocalOrgOptions: port, data folder or ':memory:', forceAppRoot of any Salesforce DX
 * project, clock, limits, faults). Resolves once it listens; `close()` stops it and releases its data folder.
 */
export function startLocalOrg(options: LocalOrgOptions = {}): Promise<LocalOrg> {
  // The org's storage stays internal: it is reached through the REST API only.
  return startOrg(options);
}
export { faultOptionsFromEnv, type FaultOptions } from './faults';
export type { CustomFiscalYearSpec } from './fiscal';
export { SHARED_DEV_PASSWORD, ADMIN_USERNAME } from './auth';
export { SalesforceError, type ApiErrorBody } from './errors';
// The HTTP hardening the org applies, for servers that stand in front of it (the local app).
export { answerClientErrors, localHostName, hasBody, mediaType } from './http';
