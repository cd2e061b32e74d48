/**
 * The User Interface API resources the local org serves under `/services/data/vXX.X/ui-api/`, each answering
 * its errors in the UI API's shape. Registered by server.ts with the REST API's routes.
 */
import { normalizeId } from '../ids';
import type { ApiRequest, OrgRuntime, Reply } from '../rest/context';
import { noteViewedIds } from '../rest/recent';
import { uiApi } from './errors';
import { lookups } from './lookups';
import { fieldPicklistValues, objectInfoBatch, objectInfoResource, objectPicklistValues } from './object-info';
import { recordUi } from './record-ui';
import { createRecord, record, recordBatch } from './records';
import { listInfoResource, listRecordsResource, listUiResource } from '../list-views/ui-api';

type Handler = (org: OrgRuntime, req: ApiRequest) => Reply;

export interface UiApiRoute {
  path: string;
  methods: Partial<Record<string, Handler>>;
}

/** A record read that, with `updateMru=true`, puts the records it read on the caller's recent list. */
const viewing =
  (handler: Handler): Handler =>
  (org, req) => {
    const reply = handler(org, req);
    if (req.query.get('updateMru') === 'true') {
      noteViewedIds(
        org,
        req,
        req.params[0].split(',').flatMap((raw) => normalizeId(raw.trim()) ?? []),
      );
    }
    return reply;
  };

export function uiApiRoutes(): UiApiRoute[] {
  const routes: [string, Partial<Record<string, Handler>>][] = [
    ['ui-api/records', { POST: createRecord }],
    ['ui-api/records/:id', { GET: viewing(record), PATCH: record, DELETE: record }],
    ['ui-api/records/batch/:ids', { GET: recordBatch }],
    ['ui-api/object-info/:object', { GET: objectInfoResource }],
    ['ui-api/object-info/batch/:objects', { GET: objectInfoBatch }],
    ['ui-api/object-info/:object/picklist-values/:recordTypeId', { GET: objectPicklistValues }],
    ['ui-api/object-info/:object/picklist-values/:recordTypeId/:field', { GET: fieldPicklistValues }],
    ['ui-api/record-ui/:ids', { GET: viewing(recordUi) }],
    ['ui-api/lookups/:object/:field', { GET: lookups }],
    ['ui-api/lookups/:object/:field/:target', { GET: lookups }],
    ['ui-api/list-ui/:objectOrListViewId', { GET: listUiResource }],
    ['ui-api/list-ui/:object/:listViewApiName', { GET: listUiResource }],
    ['ui-api/list-info/:object/:listViewApiName', { GET: listInfoResource }],
    ['ui-api/list-records/:listViewId', { GET: listRecordsResource }],
    ['ui-api/list-records/:object/:listViewApiName', { GET: listRecordsResource }],
  ];
  return routes.map(([path, methods]) => ({
    path,
    methods: Object.fromEntries(Object.entries(methods).map(([m, h]) => [m, uiApi(h as Handler)])),
  }));
}
