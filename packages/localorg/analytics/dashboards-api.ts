/**
 * The Dashboards REST API (`/analytics/dashboards`): the dashboards the user can see, a dashboard's
 * metadata (`describe`), its results (each component's source report run with the component's groupings
 * and summaries, without detail rows), the components' status, and refresh (PUT). A LoggedInUser dashboard
 * runs as the viewer; a SpecifiedUser one as its running user. A component whose report fails carries the
 * error in its status, and the others still show.
 */
import type { DashboardComponentModel, DashboardModel } from '@partner-planning/model';
import { quoteIdent } from '../sql';
import { SalesforceError } from '../errors';
import { bodyObject, parseJsonBody, type ApiRequest, type OrgRuntime, type Reply, ok } from '../rest/context';
import { dashboardIdOf, reportIdOf, stableId } from './catalog';
import { reportMetadataOf, type GroupingJson } from './metadata';
import { catalogOf, reportTypeOf, runBody, runContext } from './reports-api';
import { runReport } from './run';

const AGGREGATE_PREFIX: Record<string, string> = { Sum: 's', Average: 'a', Maximum: 'x', Minimum: 'm', Unique: 'u' };

/** Chart types in dashboard metadata and the Analytics API's visualization types. */
const VISUALIZATIONS: Record<string, { type: string; groupByType: string }> = {
  Bar: { type: 'Bar', groupByType: 'none' },
  BarGrouped: { type: 'Bar', groupByType: 'side-by-side' },
  BarStacked: { type: 'Bar', groupByType: 'stacked' },
  BarStacked100: { type: 'Bar', groupByType: 'stacked100' },
  Column: { type: 'Column', groupByType: 'none' },
  ColumnGrouped: { type: 'Column', groupByType: 'side-by-side' },
  ColumnStacked: { type: 'Column', groupByType: 'stacked' },
  ColumnStacked100: { type: 'Column', groupByType: 'stacked100' },
  Donut: { type: 'Donut', groupByType: 'none' },
  Pie: { type: 'Pie', groupByType: 'none' },
  Funnel: { type: 'Funnel', groupByType: 'none' },
  Line: { type: 'Line', groupByType: 'none' },
  Scatter: { type: 'Scatter', groupByType: 'none' },
  Gauge: { type: 'Gauge', groupByType: 'none' },
  Metric: { type: 'Metric', groupByType: 'none' },
  Table: { type: 'Table', groupByType: 'none' },
  FlexTable: { type: 'FlexTable', groupByType: 'none' },
};

/** Dashboard components have Ids of their own (key prefix 01a). */
const componentIdOf = (dashboard: DashboardModel, index: number): string =>
  stableId('01a', `DashboardComponent:${dashboard.fullName}#${index}`);

/** The component's summaries as aggregate names (`a!<column>`, `RowCount`). */
function aggregatesOf(component: DashboardComponentModel): string[] {
  const fromTable = component.tableColumns.filter((c) => c.type === 'aggregate').map((c) => c.column);
  const fromChart = component.summaries.map((s) =>
    s.aggregate ? `${AGGREGATE_PREFIX[s.aggregate] ?? 's'}!${s.column}` : s.column,
  );
  return [...new Set([...fromChart, ...fromTable])];
}

function groupingsOf(component: DashboardComponentModel): string[] {
  const fromTable = component.tableColumns.filter((c) => c.type === 'grouping').map((c) => c.column);
  return [...new Set([...component.groupingColumns, ...fromTable])];
}

function sortOf(component: DashboardComponentModel, aggregates: string[], groupings: string[]): unknown {
  if (component.tableSort) {
    return { column: component.tableSort.column, sortOrder: component.tableSort.descending ? 'desc' : 'asc' };
  }
  const match = /^Row(Label|Value)(Ascending|Descending)$/.exec(component.sortBy ?? '');
  if (!match) return null;
  const column = match[1] === 'Label' ? groupings[0] : aggregates[0];
  return column ? { column, sortOrder: match[2] === 'Ascending' ? 'asc' : 'desc' } : null;
}

function visualizationProperties(component: DashboardComponentModel, aggregates: string[]): Record<string, unknown> {
  const common = { displayUnits: 'auto', drillURL: null };
  const kind = VISUALIZATIONS[component.componentType]?.type ?? component.componentType;
  if (kind === 'Gauge' || kind === 'Metric') {
    const g = component.gauge;
    const bounds = g ? [g.min, ...g.breakpoints, g.max] : [];
    return {
      ...common,
      breakPoints: g
        ? [
            {
              aggregateName: aggregates[0] ?? 'RowCount',
              breaks: bounds.slice(1).map((upper, i) => ({
                color: g.colors[i] ?? null,
                lowerBound: bounds[i],
                upperBound: upper,
              })),
            },
          ]
        : [],
      showPercentages: false,
      showTotal: false,
      ...(kind === 'Metric' ? { metricLabel: component.title ?? null } : {}),
    };
  }
  if (kind === 'FlexTable' || kind === 'Table') {
    return {
      ...common,
      flexTableType: component.tableColumns.some((c) => c.type === 'grouping') ? 'summary' : 'tabular',
      tableColumns: component.tableColumns.map((c) => ({
        column: c.column,
        isPercent: false,
        scale: null,
        showTotal: c.showTotal,
        type: c.type,
      })),
    };
  }
  return {
    ...common,
    axisRange: 'auto',
    decimalPrecision: -1,
    groupByType: VISUALIZATIONS[component.componentType]?.groupByType ?? 'none',
    legendPosition: (component.legendPosition ?? 'bottom').toLowerCase(),
    showValues: component.showValues,
  };
}

function userLabel(org: OrgRuntime, userId: string): string {
  const user = org.schema.objects.get('User');
  const name = user
    ? org.storage
        .statement(`SELECT "Name" FROM ${quoteIdent(user.table)} WHERE "Id" = ?`)
        .pluck(true)
        .get(userId)
    : undefined;
  return typeof name === 'string' ? name : '';
}

/** The user a dashboard runs as: the viewer, or a SpecifiedUser dashboard's running user when the org has them. */
function runningUserOf(org: OrgRuntime, req: ApiRequest, dashboard: DashboardModel): string {
  if (dashboard.dashboardType !== 'SpecifiedUser' || !dashboard.runningUser) return req.ctx.userId;
  const user = org.schema.objects.get('User');
  const id = user
    ? org.storage
        .statement(`SELECT "Id" FROM ${quoteIdent(user.table)} WHERE lower("Username") = lower(?)`)
        .pluck(true)
        .get(dashboard.runningUser)
    : undefined;
  return typeof id === 'string' ? id : req.ctx.userId;
}

export class DashboardsApi {
  /** When each user last refreshed each dashboard (results are computed on each read). */
  private readonly refreshed = new Map<string, string>();

  private base(req: ApiRequest): string {
    return `/services/data/v${req.ctx.apiVersion}/analytics/dashboards`;
  }

  list(org: OrgRuntime, req: ApiRequest): Reply {
    return ok(
      catalogOf(org, req)
        .dashboards()
        .map((d) => {
          const id = dashboardIdOf(d);
          return { id, name: d.title, statusUrl: `${this.base(req)}/${id}/status`, url: `${this.base(req)}/${id}` };
        }),
    );
  }

  private metadata(org: OrgRuntime, req: ApiRequest, dashboard: DashboardModel): Record<string, unknown> {
    const catalog = catalogOf(org, req);
    const id = dashboardIdOf(dashboard);
    const runningUser = runningUserOf(org, req, dashboard);
    const grid = dashboard.components.every((c) => c.grid !== undefined);
    return {
      attributes: {
        dashboardId: id,
        dashboardName: dashboard.title,
        statusUrl: `${this.base(req)}/${id}/status`,
        type: 'Dashboard',
      },
      canChangeRunningUser: false,
      canUseStickyFilter: false,
      chartTheme: 'light',
      colorPalette: 'unity',
      components: dashboard.components.map((c, index) => {
        const aggregates = aggregatesOf(c);
        const groupings = groupingsOf(c);
        const report = catalog.reportByFullName(c.report);
        return {
          componentData: index,
          footer: null,
          header: c.header ?? null,
          id: componentIdOf(dashboard, index),
          properties: {
            aggregates: aggregates.map((name) => ({ name })),
            autoSelectColumns: false,
            filterColumns: [],
            groupings: groupings.map((name) => ({ name, sortOrder: null })),
            maxRows: c.maxValuesDisplayed ?? null,
            reportFormat: report ? report.format.toUpperCase() : null,
            sort: sortOf(c, aggregates, groupings),
            useReportChart: false,
            visualizationProperties: visualizationProperties(c, aggregates),
            visualizationType: VISUALIZATIONS[c.componentType]?.type ?? c.componentType,
          },
          reportId: report ? reportIdOf(report) : null,
          title: c.title ?? null,
          type: 'Report',
        };
      }),
      dashboardType: dashboard.dashboardType,
      description: dashboard.description ?? null,
      developerName: dashboard.developerName,
      filters: [],
      folderId: catalog.dashboardFolderId(dashboard),
      id,
      layout: grid
        ? {
            gridLayout: true,
            components: dashboard.components.map((c) => ({
              colspan: c.grid?.colSpan ?? 1,
              column: c.grid?.column ?? 0,
              row: c.grid?.row ?? 0,
              rowspan: c.grid?.rowSpan ?? 1,
            })),
            numColumns: 12,
            rowHeight: 36,
          }
        : {
            gridLayout: false,
            columns: (['left', 'middle', 'right'] as const).map((side) => ({
              components: dashboard.components.flatMap((c, i) => (c.section === side ? [i] : [])),
            })),
          },
      maxFilterOptions: 50,
      name: dashboard.title,
      runningUser: { displayName: userLabel(org, runningUser), id: runningUser },
    };
  }

  private componentData(org: OrgRuntime, req: ApiRequest, dashboard: DashboardModel, index: number): unknown {
    const component = dashboard.components[index];
    const refreshDate =
      this.refreshed.get(`${req.ctx.userId}:${dashboardIdOf(dashboard)}`) ?? req.ctx.now.toISOString();
    const componentId = componentIdOf(dashboard, index);
    const status = (error?: SalesforceError): Record<string, unknown> => ({
      dataStatus: error ? 'ERROR' : 'DATA',
      errorCode: error?.errorCode ?? null,
      errorMessage: error?.message ?? null,
      errorSeverity: error ? 'Error' : null,
      refreshDate,
      refreshStatus: 'IDLE',
    });
    try {
      const runAs = runningUserOf(org, req, dashboard);
      const asUser: ApiRequest = { ...req, ctx: { ...req.ctx, userId: runAs } };
      const catalog = catalogOf(org, asUser);
      const report = catalog.reportByFullName(component.report);
      if (!report) throw new SalesforceError(404, 'NOT_FOUND', `The source report ${component.report} doesn't exist.`);
      // The viewer needs the report's folder shared with them, as the source report of a component.
      catalog.report(reportIdOf(report));
      const type = reportTypeOf(org, report);
      const meta = reportMetadataOf(report, type, { id: reportIdOf(report), folderId: catalog.reportFolderId(report) });
      const groupings = groupingsOf(component);
      const byName = new Map(meta.groupingsDown.map((g) => [g.name, g] as [string, GroupingJson]));
      const effective = {
        ...meta,
        aggregates: [...new Set([...aggregatesOf(component), 'RowCount'])],
        groupingsDown: groupings.length
          ? groupings.map(
              (name) => byName.get(name) ?? { name, sortOrder: 'Asc', dateGranularity: 'None', sortAggregate: null },
            )
          : meta.groupingsDown,
        groupingsAcross: groupings.length ? [] : meta.groupingsAcross,
        reportFormat: groupings.length ? ('SUMMARY' as const) : meta.reportFormat,
        hasDetailRows: false,
      };
      // A table of detail columns lists records: those come with the results, as its table needs them.
      const details = component.tableColumns.some((c) => c.type === 'detail');
      const outcome = runReport(runContext(org, asUser), type, { ...effective, hasDetailRows: details }, details);
      return { componentId, reportResult: runBody(asUser, report, reportIdOf(report), outcome), status: status() };
    } catch (e) {
      if (!(e instanceof SalesforceError)) throw e;
      return { componentId, reportResult: null, status: status(e) };
    }
  }

  private results(org: OrgRuntime, req: ApiRequest, only?: Set<string>): Reply {
    const dashboard = catalogOf(org, req).dashboard(req.params[0]);
    const wanted = dashboard.components
      .map((_, i) => i)
      .filter((i) => !only || only.has(componentIdOf(dashboard, i).slice(0, 15)));
    return ok({
      componentData: wanted.map((i) => this.componentData(org, req, dashboard, i)),
      dashboardMetadata: this.metadata(org, req, dashboard),
    });
  }

  get(org: OrgRuntime, req: ApiRequest): Reply {
    return this.results(org, req);
  }

  /** POST `{componentIds: [...]}`: the results of those components only. */
  components(org: OrgRuntime, req: ApiRequest): Reply {
    const body = req.bodyText.trim() === '' ? {} : bodyObject(parseJsonBody(req.bodyText));
    if (!body) throw new SalesforceError(400, 'BAD_REQUEST', 'The request body must be a JSON object.');
    const ids = body.componentIds;
    if (ids !== undefined && (!Array.isArray(ids) || ids.some((i) => typeof i !== 'string'))) {
      throw new SalesforceError(400, 'BAD_REQUEST', 'componentIds must be an array of component Ids.');
    }
    return this.results(org, req, ids ? new Set((ids as string[]).map((i) => i.slice(0, 15))) : undefined);
  }

  describe(org: OrgRuntime, req: ApiRequest): Reply {
    const dashboard = catalogOf(org, req).dashboard(req.params[0]);
    return ok(this.metadata(org, req, dashboard));
  }

  status(org: OrgRuntime, req: ApiRequest): Reply {
    const dashboard = catalogOf(org, req).dashboard(req.params[0]);
    const refreshDate = this.refreshed.get(`${req.ctx.userId}:${dashboardIdOf(dashboard)}`) ?? null;
    return ok({
      componentStatus: dashboard.components.map((_, i) => ({
        componentId: componentIdOf(dashboard, i),
        refreshDate,
        refreshStatus: 'IDLE',
      })),
    });
  }

  /** PUT: refreshes the dashboard (its results are computed when read, so this stamps the refresh). */
  refresh(org: OrgRuntime, req: ApiRequest): Reply {
    const dashboard = catalogOf(org, req).dashboard(req.params[0]);
    const id = dashboardIdOf(dashboard);
    this.refreshed.set(`${req.ctx.userId}:${id}`, req.ctx.now.toISOString());
    return ok({ statusUrl: `${this.base(req)}/${id}/status` }, 201);
  }
}
