/**
 * The Analytics REST API's routes (`/services/data/vXX.X/analytics/...`): reports and dashboards.
 */
import type { ApiRequest, OrgRuntime, Reply } from '../rest/context';
import { DashboardsApi } from './dashboards-api';
import { ReportsApi } from './reports-api';

type Handler = (org: OrgRuntime, req: ApiRequest) => Reply;

export function analyticsRoutes(): { path: string; methods: Record<string, Handler> }[] {
  const reports = new ReportsApi();
  const dashboards = new DashboardsApi();
  return [
    { path: 'analytics/reports', methods: { GET: (o, r) => reports.list(o, r) } },
    { path: 'analytics/reports/:id', methods: { GET: (o, r) => reports.run(o, r), POST: (o, r) => reports.run(o, r) } },
    { path: 'analytics/reports/:id/describe', methods: { GET: (o, r) => reports.describe(o, r) } },
    {
      path: 'analytics/reports/:id/instances',
      methods: { GET: (o, r) => reports.listInstances(o, r), POST: (o, r) => reports.startInstance(o, r) },
    },
    { path: 'analytics/reports/:id/instances/:instance', methods: { GET: (o, r) => reports.instance(o, r) } },
    { path: 'analytics/dashboards', methods: { GET: (o, r) => dashboards.list(o, r) } },
    {
      path: 'analytics/dashboards/:id',
      methods: {
        GET: (o, r) => dashboards.get(o, r),
        POST: (o, r) => dashboards.components(o, r),
        PUT: (o, r) => dashboards.refresh(o, r),
      },
    },
    { path: 'analytics/dashboards/:id/describe', methods: { GET: (o, r) => dashboards.describe(o, r) } },
    { path: 'analytics/dashboards/:id/status', methods: { GET: (o, r) => dashboards.status(o, r) } },
  ];
}
