/**
 * REST API versions. The REST API started at 20.0 (Winter '11); versions up to 20.0 were retired in
 * Summer '22 and 21.0-30.0 in Summer '25, so a request to any of them answers 410 GONE, as Salesforce's
 * REST API does. `/services/data` lists only the versions served: 31.0 (Summer '14) to the project's own.
 */
import { SalesforceError } from '../errors';
import { notFoundError } from './context';

/** The REST API's first version. */
const FIRST_REST_VERSION = 20;
/** Versions up to this one are retired (21.0-30.0 in Summer '25, 20.0 before them). */
export const LAST_RETIRED_VERSION = 30;
export const OLDEST_SERVED_VERSION = LAST_RETIRED_VERSION + 1;

/** Release names of API versions: v20.0 was Winter '11, three releases a year since. */
export function versionLabel(major: number): string {
  const index = major - FIRST_REST_VERSION;
  return `${['Winter', 'Spring', 'Summer'][index % 3]} '${String(11 + Math.floor(index / 3)).padStart(2, '0')}`;
}

/** `GET /services/data`: the served versions, oldest first. */
export function servedVersions(newest: number): { label: string; url: string; version: string }[] {
  const list = [];
  for (let v = OLDEST_SERVED_VERSION; v <= newest; v++) {
    list.push({ label: versionLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
  }
  return list;
}

export const versionRetired = (major: number): SalesforceError =>
  new SalesforceError(
    410,
    'GONE',
    `API version ${major}.0 was retired and is no longer available. Use version ${OLDEST_SERVED_VERSION}.0 or later (GET /services/data lists the versions).`,
  );

/** The major version a `vNN.0` path segment names, served; 410 for a retired one, 404 for anything else. */
export function servedVersion(segment: string, newest: number): number {
  const match = /^v(\d+)\.0$/.exec(segment);
  const major = match ? Number(match[1]) : 0;
  if (major >= FIRST_REST_VERSION && major <= LAST_RETIRED_VERSION) throw versionRetired(major);
  if (major < OLDEST_SERVED_VERSION || major > newest) throw notFoundError();
  return major;
}
