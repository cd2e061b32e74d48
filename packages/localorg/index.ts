/**
 * The local org's public entry: start a Salesforce REST API server over SQLite whose schema is compiled from
 * any Salesforce DX project's force-app. Everything else in this package is internal; code outside it
 * imports from here (the benchmark's storage-level measurements use `./internal`).
 */
export {
  startLocalOrg,
  MIN_API_VERSION,
  MAX_API_VERSION,
  DEFAULT_API_DAILY_LIMIT,
  type LocalOrgOptions,
  type LocalOrg,
} from './server';
export { faultOptionsFromEnv, type FaultOptions } from './faults';
export { SHARED_DEV_PASSWORD, ADMIN_USERNAME } from './auth';
export { SalesforceError, type ApiErrorBody } from './errors';
// The HTTP hardening the org applies, for servers that stand in front of it (the local app).
export { answerClientErrors, localHostName, hasBody, mediaType } from './http';
