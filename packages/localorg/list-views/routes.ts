/** The REST API's list view routes, registered by server.ts ahead of `sobjects/{Type}/{field}/{value}`. */
import type { ApiRequest, OrgRuntime, Reply } from '../rest/context';
import { listViewDescribe, listViewInfo, listViewResults, listViews, recentListViews } from './rest';

type Handler = (org: OrgRuntime, req: ApiRequest) => Reply;

export const listViewRoutes = (): { path: string; methods: Partial<Record<string, Handler>> }[] => [
  { path: 'sobjects/:type/listviews', methods: { GET: listViews } },
  { path: 'sobjects/:type/listviews/recent', methods: { GET: recentListViews } },
  { path: 'sobjects/:type/listviews/:id', methods: { GET: listViewInfo } },
  { path: 'sobjects/:type/listviews/:id/describe', methods: { GET: listViewDescribe } },
  { path: 'sobjects/:type/listviews/:id/results', methods: { GET: listViewResults } },
];
