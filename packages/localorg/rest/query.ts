/**
 * `query` and `queryAll`: the first page of up to batchSize records, then further pages through query
 * locators kept in memory (`/query/{locator}-{offset}`), which expire after 15 idle minutes or once read.
 */
import { SalesforceError } from '../errors';
import { makeId } from '../ids';
import { executeSoql, type QueryCursor } from '../soql';
import { queryColumns } from './columns';
import { ok, type ApiRequest, type OrgRuntime, type Reply } from './context';
import { explainQuery } from './explain';
import { listViewQueryOfId } from '../list-views/run';
import { reportQueryOfId } from '../analytics/reports-api';
import { marksViewed, noteViewed } from './recent';
import { accessOf } from './sobjects';

const DEFAULT_BATCH = 2000;
const MIN_BATCH = 200;
const IDLE_MS = 15 * 60 * 1000;

interface Locator {
  /** Pages belong to the user who ran the query. */
  userId: string;
  cursor: QueryCursor;
  batchSize: number;
  resource: 'query' | 'queryAll';
  lastUsed: number;
  /** `FOR VIEW` / `FOR REFERENCE`: the records returned become the user's recent items. */
  viewed: boolean;
}

const invalidLocator = (): SalesforceError =>
  new SalesforceError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');

/** `Sforce-Query-Options: batchSize=N`, honoured within 200..2000 as the API does. */
function batchSizeOf(req: ApiRequest): number {
  const header = req.headers['sforce-query-options'];
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const match = /batchSize\s*=\s*(\d+)/i.exec(text);
  if (!match) return DEFAULT_BATCH;
  return Math.min(DEFAULT_BATCH, Math.max(MIN_BATCH, Number(match[1])));
}

export class QueryLocators {
  private readonly open = new Map<string, Locator>();
  private counter = 0;

  /** `GET query?q=` / `queryAll?q=`. */
  start(org: OrgRuntime, req: ApiRequest, resource: 'query' | 'queryAll'): Reply {
    this.expire();
    // Query Performance Feedback (`explain=`) and column metadata (`columns=true`) answer without running it.
    const explain = req.query.get('explain');
    // `explain` takes a query, a list view's Id or a report's Id (whose query is explained).
    if (explain !== null && explain.trim() !== '')
      return explainQuery(
        org,
        req,
        listViewQueryOfId(org, req, explain.trim()) ?? reportQueryOfId(org, req, explain.trim()) ?? explain,
      );
    const soql = req.query.get('q');
    if (soql === null || soql.trim() === '') {
      throw new SalesforceError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
    }
    if (req.query.get('columns') === 'true') return queryColumns(org, req, soql);
    const cursor = executeSoql(org.storage, soql, {
      includeDeleted: resource === 'queryAll',
      now: req.ctx.now,
      apiVersion: req.ctx.apiVersion,
      fiscalYearStartMonth: org.fiscalYearStartMonth,
      // The API always runs as the user.
      access: accessOf(org, req).forQuery(),
      userId: req.ctx.userId,
    });
    const locator = {
      userId: req.ctx.userId,
      cursor,
      batchSize: batchSizeOf(req),
      resource,
      lastUsed: Date.now(),
      viewed: marksViewed(soql),
    };
    return ok(this.page(org, req, locator, undefined));
  }

  /** `GET query/{locator}-{offset}`. */
  next(org: OrgRuntime, req: ApiRequest): Reply {
    this.expire();
    const match = /^(.+)-(\d+)$/.exec(req.params[0]);
    const locator = match ? this.open.get(match[1]) : undefined;
    if (!match || !locator || locator.userId !== req.ctx.userId) throw invalidLocator();
    // Pages are served in order: the offset must be where the previous page ended.
    const position = locator.cursor.totalSize - locator.cursor.remaining;
    if (Number(match[2]) !== position) throw invalidLocator();
    locator.lastUsed = Date.now();
    return ok(this.page(org, req, locator, match[1]));
  }

  private page(org: OrgRuntime, req: ApiRequest, locator: Locator, id: string | undefined): Record<string, unknown> {
    const cursor = locator.cursor;
    const records = cursor.next(cursor.singleBatch ? cursor.remaining : locator.batchSize);
    if (locator.viewed) noteViewed(org, req, records);
    const remaining = locator.cursor.remaining;
    const totalSize = locator.cursor.totalSize;
    if (remaining === 0) {
      if (id) this.open.delete(id);
      return { totalSize, done: true, records };
    }
    const locatorId = id ?? makeId('01g', ++this.counter);
    this.open.set(locatorId, locator);
    const offset = totalSize - remaining;
    return {
      totalSize,
      done: false,
      nextRecordsUrl: `/services/data/v${req.ctx.apiVersion}/${locator.resource}/${locatorId}-${offset}`,
      records,
    };
  }

  private expire(): void {
    const cutoff = Date.now() - IDLE_MS;
    for (const [id, locator] of this.open) if (locator.lastUsed < cutoff) this.open.delete(id);
  }
}
