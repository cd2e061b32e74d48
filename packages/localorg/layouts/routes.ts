/**
 * The layout and quick action resources the local org serves under `/services/data/vXX.X/`: page layout,
 * compact layout, named layout and approval layout describes, and quick actions (global and per object).
 * Registered by server.ts with the REST API's routes; their literal segments make them win over the
 * external-id route `sobjects/{Type}/{Field}/{Value}` that used to swallow them.
 */
import type { ApiRequest, OrgRuntime, Reply } from '../rest/context';
import { compactLayout, compactLayouts, compactLayoutsOfObjects } from './compact-layouts';
import { approvalLayouts, layoutForRecordType, layouts, namedLayout } from './page-layouts';
import { actionDefaultValues, actionDescribe, actionResource, listActions } from './quick-actions';

type Handler = (org: OrgRuntime, req: ApiRequest) => Reply;

export interface LayoutRoute {
  path: string;
  methods: Partial<Record<string, Handler>>;
}

export function layoutRoutes(): LayoutRoute[] {
  const routes: [string, Partial<Record<string, Handler>>][] = [
    ['sobjects/:type/describe/layouts', { GET: layouts }],
    ['sobjects/:type/describe/layouts/:recordTypeId', { GET: layoutForRecordType }],
    ['sobjects/:type/describe/namedLayouts/:name', { GET: namedLayout }],
    ['sobjects/:type/describe/approvalLayouts', { GET: approvalLayouts }],
    ['sobjects/:type/describe/compactLayouts', { GET: compactLayouts }],
    ['sobjects/:type/describe/compactLayouts/:which', { GET: compactLayout }],
    ['compactLayouts', { GET: compactLayoutsOfObjects }],
    ['quickActions', { GET: listActions(false) }],
    ['quickActions/:action', { GET: actionResource(false), POST: actionResource(false) }],
    ['quickActions/:action/describe', { GET: actionDescribe(false) }],
    ['quickActions/:action/defaultValues', { GET: actionDefaultValues(false) }],
    ['quickActions/:action/defaultValues/:contextId', { GET: actionDefaultValues(false) }],
    ['sobjects/:type/quickActions', { GET: listActions(true) }],
    ['sobjects/:type/quickActions/:action', { GET: actionResource(true), POST: actionResource(true) }],
    ['sobjects/:type/quickActions/:action/describe', { GET: actionDescribe(true) }],
    ['sobjects/:type/quickActions/:action/defaultValues', { GET: actionDefaultValues(true) }],
    ['sobjects/:type/quickActions/:action/defaultValues/:contextId', { GET: actionDefaultValues(true) }],
  ];
  return routes.map(([path, methods]) => ({ path, methods }));
}
