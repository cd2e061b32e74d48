/**
 * Data replication: `sobjects/{Type}/updated/?start=&end=` and `sobjects/{Type}/deleted/?start=&end=`, as
 * Salesforce answers them. The seconds of both bounds are dropped; start must come before end
 * (INVALID_REPLICATION_DATE) and lie within the last 30 days; the window is covered up to the end or, when
 * that is later, the start of the current minute (`latestDateCovered`), so a client that polls from its
 * last latestDateCovered never misses a change. A record counts as updated when its SystemModstamp lies in
 * the window (created or changed, not deleted), as deleted when it went to the recycle bin in the window;
 * records hard-deleted are gone for good, as after Salesforce purges them. More than 600,000 ids is
 * EXCEEDED_ID_LIMIT. The caller sees only objects they can read and records their sharing lets them see.
 */
import { SalesforceError } from '../errors';
import { quoteIdent } from '../sql';
import { formatDateTime, parseDateTime } from '../values';
import { ok, type ApiRequest, type OrgRuntime, type Reply } from './context';
import { accessOf, objectNamed } from './sobjects';

const MAX_IDS = 600_000;
const WINDOW_DAYS = 30;
const MINUTE_MS = 60_000;

const replicationError = (message: string): SalesforceError =>
  new SalesforceError(400, 'INVALID_REPLICATION_DATE', message);

/** A bound of the window: an ISO 8601 datetime, its seconds dropped. */
function bound(req: ApiRequest, name: 'start' | 'end'): Date {
  // An unencoded `+00:00` arrives as ` 00:00`.
  const text = req.query.get(name)?.replace(' ', '+');
  if (!text) throw replicationError(`Missing required parameter: ${name}`);
  const iso = parseDateTime(text);
  if (!iso)
    throw replicationError(`${name} is not a valid dateTime (use ISO 8601, e.g. 2026-03-31T17:05:00+00:00): ${text}`);
  const time = new Date(iso).getTime();
  return new Date(time - (((time % MINUTE_MS) + MINUTE_MS) % MINUTE_MS));
}

interface Window {
  start: string;
  /** Exclusive: the latest date covered. */
  covered: string;
}

function windowOf(req: ApiRequest): Window {
  const start = bound(req, 'start');
  const end = bound(req, 'end');
  if (start.getTime() >= end.getTime()) {
    throw replicationError('startDate must chronologically precede endDate by more than one minute');
  }
  const now = req.ctx.now.getTime();
  if (start.getTime() < now - WINDOW_DAYS * 24 * 60 * MINUTE_MS) {
    throw replicationError(`startDate cannot be more than ${WINDOW_DAYS} days ago`);
  }
  const currentMinute = now - (now % MINUTE_MS);
  const covered = new Date(Math.min(end.getTime(), currentMinute));
  return { start: start.toISOString(), covered: covered.toISOString() };
}

/** The ids (and stamps) of the type's records in the window that the caller can see. */
function changes(
  org: OrgRuntime,
  req: ApiRequest,
  deleted: boolean,
): { rows: { Id: string; stamp: string }[]; window: Window } {
  const access = accessOf(org, req);
  const obj = objectNamed(org, req.params[0], access);
  const window = windowOf(req);
  const params: Record<string, unknown> = { start: window.start, covered: window.covered };
  // Sharing: the rows the caller can see, as their queries do.
  const visible = access.forQuery()?.rowFilter(obj, 't', (value) => {
    const name = `v${Object.keys(params).length}`;
    params[name] = value;
    return `@${name}`;
  });
  const sql = `SELECT t."Id" AS Id, t."SystemModstamp" AS stamp FROM ${quoteIdent(obj.table)} AS t
    WHERE t."SystemModstamp" >= @start AND t."SystemModstamp" < @covered AND t."IsDeleted" = ${deleted ? 1 : 0}${visible ? ` AND ${visible}` : ''}
    ORDER BY t."SystemModstamp", t."Id" LIMIT ${MAX_IDS + 1}`;
  const rows = org.storage.statement(sql).all(params) as { Id: string; stamp: string }[];
  if (rows.length > MAX_IDS) {
    throw new SalesforceError(
      400,
      'EXCEEDED_ID_LIMIT',
      `More than ${MAX_IDS} ids: choose start and end dates closer together`,
    );
  }
  return { rows, window };
}

/** `GET sobjects/{Type}/updated/?start=&end=`. */
export function updated(org: OrgRuntime, req: ApiRequest): Reply {
  const { rows, window } = changes(org, req, false);
  return ok({ ids: rows.map((r) => r.Id), latestDateCovered: formatDateTime(window.covered) });
}

/** `GET sobjects/{Type}/deleted/?start=&end=`. */
export function deleted(org: OrgRuntime, req: ApiRequest): Reply {
  const { rows, window } = changes(org, req, true);
  // Deletion data reaches back as far as the recycle bin does: the oldest deletion still kept, else the window.
  const oldest = org.storage
    .statement(
      `SELECT MIN("SystemModstamp") FROM ${quoteIdent(objectNamed(org, req.params[0]).table)} WHERE "IsDeleted" = 1`,
    )
    .pluck(true)
    .get() as string | null;
  return ok({
    deletedRecords: rows.map((r) => ({ id: r.Id, deletedDate: formatDateTime(r.stamp) })),
    earliestDateAvailable: formatDateTime(oldest ?? window.start),
    latestDateCovered: formatDateTime(window.covered),
  });
}
