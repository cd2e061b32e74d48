/**
 * The Reports REST API (`/analytics/reports`): the list of reports the user can see, a report's describe
 * (reportMetadata, reportExtendedMetadata, reportTypeMetadata), synchronous runs (GET, or POST with
 * reportMetadata overrides; `includeDetails=true` for detail rows) and asynchronous runs (`instances`, run at
 * once and kept for the user who asked, as results Salesforce keeps for 24 hours).
 */
import type { ReportModel } from '@partner-planning/model';
import { quoteIdent } from '../sql';
import { SalesforceError } from '../errors';
import { makeId } from '../ids';
import { parseJsonBody, type ApiRequest, type OrgRuntime, type Reply, ok } from '../rest/context';
import { accessOf } from '../rest/sobjects';
import { AnalyticsCatalog, reportIdOf } from './catalog';
import { resolveReportType, type ReportColumn, type ResolvedReportType } from './columns';
import { FILTER_OPERATORS } from './filters';
import { checkMetadata, parseAggregate, reportMetadataOf, withOverrides, type ReportMetadataJson } from './metadata';
import { runReport, type RunContext, type RunOutcome } from './run';

const badRequest = (message: string): SalesforceError => new SalesforceError(400, 'BAD_REQUEST', message);

function usernameOf(org: OrgRuntime, userId: string): string {
  const user = org.schema.objects.get('User');
  if (!user) return '';
  const name = org.storage
    .statement(`SELECT "Username" FROM ${quoteIdent(user.table)} WHERE "Id" = ?`)
    .pluck(true)
    .get(userId);
  return typeof name === 'string' ? name : '';
}

export function catalogOf(org: OrgRuntime, req: ApiRequest): AnalyticsCatalog {
  return new AnalyticsCatalog(org.schema.model, accessOf(org, req), usernameOf(org, req.ctx.userId));
}

/**
 * The query a report's run starts from (its report type's base object), for Query Performance Feedback's
 * `explain=<report Id>`; undefined when the Id names no report the user can see.
 */
export function reportQueryOfId(org: OrgRuntime, req: ApiRequest, id: string): string | undefined {
  if (!id.startsWith('00O')) return undefined;
  try {
    const report = catalogOf(org, req).report(id);
    return `SELECT Id FROM ${reportTypeOf(org, report).levels[0].object.name}`;
  } catch (error) {
    if (error instanceof SalesforceError) return undefined;
    throw error;
  }
}

export function runContext(org: OrgRuntime, req: ApiRequest): RunContext {
  const userAccess = accessOf(org, req);
  return {
    org,
    access: userAccess.forQuery(),
    userAccess,
    userId: req.ctx.userId,
    now: req.ctx.now,
    apiVersion: req.ctx.apiVersion,
  };
}

/** The report's report type, resolved against the org's schema. */
export function reportTypeOf(org: OrgRuntime, report: ReportModel): ResolvedReportType {
  // Custom report types are named with `__c`; without it the name is a standard report type's.
  const custom = report.reportType.endsWith('__c');
  const name = report.reportType.slice(0, -3);
  const type = custom ? org.schema.model.reportTypes.find((t) => t.name === name) : undefined;
  if (!type)
    throw badRequest(`The report ${report.name} can't be run: its report type ${report.reportType} doesn't exist.`);
  return resolveReportType(org.schema, type);
}

const base = (req: ApiRequest): string => `/services/data/v${req.ctx.apiVersion}/analytics/reports`;

function attributes(req: ApiRequest, report: ReportModel, id: string): Record<string, string> {
  return {
    describeUrl: `${base(req)}/${id}/describe`,
    instancesUrl: `${base(req)}/${id}/instances`,
    reportId: id,
    reportName: report.name,
    type: 'Report',
  };
}

const AGGREGATE_LABELS: Record<string, string> = {
  s: 'Sum of',
  a: 'Average',
  m: 'Smallest',
  x: 'Largest',
  u: 'Unique',
};

function aggregateInfo(name: string, columns: Map<string, ReportColumn>): Record<string, unknown> {
  const { kind, column } = parseAggregate(name);
  const of = column ? columns.get(column) : undefined;
  if (!of) return { label: 'Record Count', dataType: 'int', acrossGroupingContext: null, downGroupingContext: null };
  const dataType =
    kind === 'u' ? 'int' : kind === 'a' && of.dataType === 'int' ? 'double' : of.isLookup ? 'string' : of.dataType;
  return {
    label: `${AGGREGATE_LABELS[kind]} ${of.label}`,
    dataType,
    acrossGroupingContext: null,
    downGroupingContext: null,
  };
}

function columnInfo(column: ReportColumn): Record<string, unknown> {
  return {
    dataType: column.dataType,
    entityColumnName: column.entityColumnName,
    filterValues: (column.isLookup ? [] : (column.field.picklist?.values ?? [])).map((v) => ({
      label: v.label,
      name: v.value,
    })),
    filterable: true,
    isLookup: column.isLookup,
    label: column.label,
    uniqueCountable: true,
  };
}

export function extendedMetadata(meta: ReportMetadataJson, columns: Map<string, ReportColumn>): unknown {
  const info = (name: string): ReportColumn => columns.get(name) as ReportColumn;
  const grouping = (g: { name: string }, level: number): [string, unknown] => [
    g.name,
    { dataType: info(g.name).dataType, groupingLevel: level, label: info(g.name).label },
  ];
  return {
    aggregateColumnInfo: Object.fromEntries(meta.aggregates.map((a) => [a, aggregateInfo(a, columns)])),
    detailColumnInfo: Object.fromEntries(meta.detailColumns.map((c) => [c, columnInfo(info(c))])),
    groupingColumnInfo: Object.fromEntries([
      ...meta.groupingsDown.map(grouping),
      ...meta.groupingsAcross.map(grouping),
    ]),
  };
}

/** The operators each kind of column takes, from the runner's list (filters.ts). */
const COMPARISONS = FILTER_OPERATORS.slice(0, 6);
const OPERATORS_BY_KIND: Record<string, readonly string[]> = {
  string: FILTER_OPERATORS.slice(0, 9),
  number: COMPARISONS,
  date: COMPARISONS,
  boolean: FILTER_OPERATORS.slice(0, 2),
  multipicklist: [...FILTER_OPERATORS.slice(0, 2), 'includes', 'excludes'],
};

const OPERATOR_LABELS: Record<string, string> = {
  equals: 'equals',
  notEqual: 'not equal to',
  lessThan: 'less than',
  greaterThan: 'greater than',
  lessOrEqual: 'less or equal',
  greaterOrEqual: 'greater or equal',
  contains: 'contains',
  notContain: 'does not contain',
  startsWith: 'starts with',
  includes: 'includes',
  excludes: 'excludes',
};

function reportTypeMetadata(type: ResolvedReportType): unknown {
  const operators = (names: readonly string[]): { name: string; label: string }[] =>
    names.map((name) => ({ name, label: OPERATOR_LABELS[name] }));
  return {
    categories: type.sections.map((s) => ({
      label: s.label,
      columns: Object.fromEntries(
        s.columns.map((name) => {
          const c = type.columns.get(name) as ReportColumn;
          return [
            name,
            {
              ...columnInfo(c),
              allowedInCustomDetailFormula: true,
              bucketable: true,
              fieldToFieldFilterable: false,
              isCustom: c.field.custom,
              maxLength: c.field.length ?? null,
              inactiveFilterValues: [],
            },
          ];
        }),
      ),
    })),
    dataTypeFilterOperatorMap: {
      string: operators(OPERATORS_BY_KIND.string),
      picklist: operators(OPERATORS_BY_KIND.string),
      textarea: operators(OPERATORS_BY_KIND.string),
      id: operators(['equals', 'notEqual']),
      reference: operators(['equals', 'notEqual']),
      currency: operators(OPERATORS_BY_KIND.number),
      double: operators(OPERATORS_BY_KIND.number),
      int: operators(OPERATORS_BY_KIND.number),
      percent: operators(OPERATORS_BY_KIND.number),
      date: operators(OPERATORS_BY_KIND.date),
      datetime: operators(OPERATORS_BY_KIND.date),
      boolean: operators(OPERATORS_BY_KIND.boolean),
      multipicklist: operators(OPERATORS_BY_KIND.multipicklist),
    },
    dateGranularityInfos: ['Day', 'Month', 'Quarter', 'Year', 'FiscalQuarter', 'FiscalYear'].map((name) => ({
      name,
      label: name.replace(/([a-z])([A-Z])/g, '$1 $2'),
    })),
    divisionInfo: null,
    scopeInfo: {
      defaultValue: 'organization',
      values: [
        { allowsDivision: false, label: `My ${type.levels[0].object.model.pluralLabel}`, value: 'user' },
        { allowsDivision: false, label: `All ${type.levels[0].object.model.pluralLabel}`, value: 'organization' },
      ],
    },
    standardDateFilterDurationGroups: [],
    standardFilterInfos: null,
    supportsJoinedFormat: true,
  };
}

/** A run's response body. */
export function runBody(
  req: ApiRequest,
  report: ReportModel,
  id: string,
  outcome: RunOutcome,
): Record<string, unknown> {
  return {
    attributes: attributes(req, report, id),
    allData: outcome.allData,
    factMap: outcome.factMap,
    groupingsAcross: outcome.groupingsAcross,
    groupingsDown: outcome.groupingsDown,
    hasDetailRows: outcome.hasDetailRows,
    hasExceededTabularRowLimit: !outcome.allData,
    picklistColors: {},
    reportExtendedMetadata: extendedMetadata(outcome.metadata, outcome.columns),
    reportMetadata: outcome.metadata,
  };
}

/** Up to this many asynchronous results are kept per user and report, the newest first. */
const KEPT_INSTANCES = 20;

interface Instance {
  id: string;
  reportId: string;
  ownerId: string;
  requestDate: string;
  completionDate: string;
  body: Record<string, unknown>;
  hasDetailRows: boolean;
}

export class ReportsApi {
  private readonly instances = new Map<string, Instance[]>();
  private counter = 0;

  list(org: OrgRuntime, req: ApiRequest): Reply {
    return ok(
      catalogOf(org, req)
        .reports()
        .map((r) => {
          const id = reportIdOf(r);
          return {
            describeUrl: `${base(req)}/${id}/describe`,
            id,
            instancesUrl: `${base(req)}/${id}/instances`,
            name: r.name,
            url: `${base(req)}/${id}`,
          };
        }),
    );
  }

  private prepare(
    org: OrgRuntime,
    req: ApiRequest,
  ): { report: ReportModel; id: string; type: ResolvedReportType; meta: ReportMetadataJson } {
    const catalog = catalogOf(org, req);
    const report = catalog.report(req.params[0]);
    const id = reportIdOf(report);
    const type = reportTypeOf(org, report);
    const meta = reportMetadataOf(report, type, { id, folderId: catalog.reportFolderId(report) });
    return { report, id, type, meta };
  }

  describe(org: OrgRuntime, req: ApiRequest): Reply {
    const { report, id, type, meta } = this.prepare(org, req);
    // A report naming a column its type lacks fails to load, as the report builder refuses it.
    checkMetadata(meta, type, meta.name);
    return ok({
      attributes: attributes(req, report, id),
      reportExtendedMetadata: extendedMetadata(meta, type.columns),
      reportMetadata: meta,
      reportTypeMetadata: reportTypeMetadata(type),
    });
  }

  private execute(
    org: OrgRuntime,
    req: ApiRequest,
  ): { body: Record<string, unknown>; report: ReportModel; id: string; details: boolean } {
    const { report, id, type, meta } = this.prepare(org, req);
    const body = req.method === 'POST' && req.bodyText.trim() !== '' ? parseJsonBody(req.bodyText) : undefined;
    const effective = withOverrides(meta, body, type);
    const details = req.query.get('includeDetails') === 'true';
    const outcome = runReport(runContext(org, req), type, effective, details);
    return { body: runBody(req, report, id, outcome), report, id, details };
  }

  run(org: OrgRuntime, req: ApiRequest): Reply {
    return ok(this.execute(org, req).body);
  }

  private key(req: ApiRequest, reportId: string): string {
    return `${req.ctx.userId}:${reportId.slice(0, 15)}`;
  }

  private instanceInfo(req: ApiRequest, i: Instance): Record<string, unknown> {
    return {
      completionDate: i.completionDate,
      hasDetailRows: i.hasDetailRows,
      id: i.id,
      ownerId: i.ownerId,
      requestDate: i.requestDate,
      status: 'Success',
      url: `${base(req)}/${i.reportId}/instances/${i.id}`,
    };
  }

  /** POST instances: the run happens now; its result waits under the instance for the user who asked. */
  startInstance(org: OrgRuntime, req: ApiRequest): Reply {
    const requestDate = req.ctx.now.toISOString().replace('.000Z', 'Z');
    const { body, id, details } = this.execute(org, req);
    const instance: Instance = {
      id: makeId('0LG', ++this.counter),
      reportId: id,
      ownerId: req.ctx.userId,
      requestDate,
      completionDate: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      body,
      hasDetailRows: details,
    };
    const key = this.key(req, id);
    this.instances.set(key, [instance, ...(this.instances.get(key) ?? [])].slice(0, KEPT_INSTANCES));
    return ok(this.instanceInfo(req, instance), 201);
  }

  listInstances(org: OrgRuntime, req: ApiRequest): Reply {
    const { id } = this.prepare(org, req);
    return ok((this.instances.get(this.key(req, id)) ?? []).map((i) => this.instanceInfo(req, i)));
  }

  instance(org: OrgRuntime, req: ApiRequest): Reply {
    const { report, id } = this.prepare(org, req);
    const found = (this.instances.get(this.key(req, id)) ?? []).find(
      (i) => i.id.slice(0, 15) === req.params[1].slice(0, 15),
    );
    if (!found) throw new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const info = this.instanceInfo(req, found);
    return ok({
      ...found.body,
      attributes: { ...info, reportId: id, reportName: report.name, type: 'ReportInstance' },
    });
  }
}
