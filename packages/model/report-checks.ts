/**
 * Checks over the reporting metadata, as a deploy checks it: a report type's base object, joins and columns
 * exist; a report's folder and report type exist and every column it names (details, groupings, filters,
 * summaries, chart, sort) is a column of its report type; a dashboard's folder and the reports its components
 * show exist. Messages follow Salesforce's deploy problems, so the local org's deploy reports them as they are.
 */
import { relative } from 'node:path';
import { findField, findObject } from './objects';
import { REPORT_INTERVALS, type ReportModel, type ReportTypeModel } from './reports';
import type { FieldModel, ForceAppModel, ObjectModel } from './types';

interface Problem {
  file: string;
  message: string;
}

/** A column a report may name: its object and the field path on that object (`Owner.Name`). */
export interface ReportColumnTarget {
  /** The name reports use (`Plan_Target__c$Pace_Status__c`, `AMOUNT`). */
  name: string;
  object: string;
  path: string;
  /** How aggregates in custom summary formulas name it (`Plan_Target__c.Pace_Status__c`, `AMOUNT`). */
  formulaName: string;
  /** The field it reads, when the model knows it (undefined for a platform field the model lacks). */
  field?: FieldModel;
}

/**
 * The standard report types the project's reports may use, with their columns (names from the Analytics REST
 * API's documented Opportunity report) and the field each reads. Custom fields are `Opportunity.<Field>`.
 */
export const STANDARD_REPORT_TYPES: Record<string, { baseObject: string; columns: Record<string, string> }> = {
  Opportunity: {
    baseObject: 'Opportunity',
    columns: {
      OPPORTUNITY_ID: 'Id',
      OPPORTUNITY_NAME: 'Name',
      ACCOUNT_ID: 'AccountId',
      ACCOUNT_NAME: 'Account.Name',
      TYPE: 'Type',
      LEAD_SOURCE: 'LeadSource',
      AMOUNT: 'Amount',
      EXP_AMOUNT: 'ExpectedRevenue',
      CLOSE_DATE: 'CloseDate',
      NEXT_STEP: 'NextStep',
      STAGE_NAME: 'StageName',
      PROBABILITY: 'Probability',
      FISCAL_QUARTER: 'FiscalQuarter',
      FISCAL_YEAR: 'FiscalYear',
      AGE: 'AgeInDays',
      CLOSED: 'IsClosed',
      WON: 'IsWon',
      FORECAST_CATEGORY: 'ForecastCategoryName',
      CREATED_DATE: 'CreatedDate',
      CREATED: 'CreatedBy.Name',
      LAST_UPDATE: 'LastModifiedDate',
      LAST_ACTIVITY: 'LastActivityDate',
      FULL_NAME: 'Owner.Name',
      ROLLUP_DESCRIPTION: 'Owner.UserRole.Name',
    },
  },
};

/** The object a child relationship (`Plan_Sections__r`) of `parent` leads to. */
function childObject(model: ForceAppModel, parent: string, relationship: string): ObjectModel | undefined {
  const wanted = relationship.toLowerCase();
  for (const obj of model.objects.values()) {
    for (const f of obj.fields.values()) {
      if (!f.referenceTo?.includes(parent) || !f.relationshipName) continue;
      const name = f.custom ? `${f.relationshipName}__r` : f.relationshipName;
      if (name.toLowerCase() === wanted) return obj;
    }
  }
  return undefined;
}

/** A report type's tables (`Base`, `Base.Child__r`...) and the object each holds, or a problem with its joins. */
function reportTypeTables(model: ForceAppModel, type: ReportTypeModel): Map<string, ObjectModel> | string {
  const base = findObject(model, type.baseObject);
  if (!base) return `In field: baseObject - no CustomObject named ${type.baseObject} found`;
  const tables = new Map([[base.apiName, base]]);
  let table = base.apiName;
  let current = base;
  for (let join = type.join; join; join = join.join) {
    const child = childObject(model, current.apiName, join.relationship);
    if (!child)
      return `In field: relationship - no child relationship named ${join.relationship} on ${current.apiName}`;
    table = `${table}.${join.relationship}`;
    tables.set(table, child);
    current = child;
  }
  return tables;
}

/** A lookup of `obj` named by its field (`Partner_Account__c`, `OwnerId`) or relationship (`Partner_Account__r`, `Owner`). */
function lookupOf(obj: ObjectModel, name: string): FieldModel | undefined {
  const lower = name.toLowerCase();
  return [...obj.fields.values()].find(
    (f) =>
      f.referenceTo?.length &&
      (f.apiName.toLowerCase() === lower ||
        f.relationshipName?.toLowerCase() === lower ||
        (f.custom && f.apiName.replace(/__c$/, '__r').toLowerCase() === lower)),
  );
}

/**
 * A report type column's field: a field, a lookup's relationship name (`Owner`), or a path through lookups as
 * report types write it (`Partner_Account__c.Partner_Tier__c`, `Owner.Name`).
 */
function columnField(model: ForceAppModel, obj: ObjectModel, field: string): FieldModel | undefined {
  const parts = field.split('.');
  let current = obj;
  for (const part of parts.slice(0, -1)) {
    const lookup = lookupOf(current, part);
    const next = lookup?.referenceTo ? findObject(model, lookup.referenceTo[0]) : undefined;
    if (!next) return undefined;
    current = next;
  }
  const last = parts[parts.length - 1];
  return findField(current, last) ?? lookupOf(current, last);
}

/** The columns of a report type (custom `Name__c`, or a standard one), by lower-cased name; undefined when none. */
export function reportTypeColumns(
  model: ForceAppModel,
  reportType: string,
): Map<string, ReportColumnTarget> | undefined {
  const columns = new Map<string, ReportColumnTarget>();
  const standard = STANDARD_REPORT_TYPES[reportType];
  if (standard) {
    const base = findObject(model, standard.baseObject);
    for (const [name, path] of Object.entries(standard.columns)) {
      const field = base && columnField(model, base, path);
      columns.set(name.toLowerCase(), { name, object: standard.baseObject, path, formulaName: name, field });
    }
    for (const f of base?.fields.values() ?? []) {
      if (!f.custom) continue;
      const name = `${standard.baseObject}.${f.apiName}`;
      columns.set(name.toLowerCase(), {
        name,
        object: standard.baseObject,
        path: f.apiName,
        formulaName: name,
        field: f,
      });
    }
    return columns;
  }
  const type = /__c$/.test(reportType) ? model.reportTypes.find((t) => `${t.name}__c` === reportType) : undefined;
  if (!type) return undefined;
  const tables = reportTypeTables(model, type);
  for (const section of type.sections) {
    for (const c of section.columns) {
      const obj = typeof tables === 'string' ? undefined : tables.get(c.table);
      const name = `${c.table}$${c.field}`;
      columns.set(name.toLowerCase(), {
        name,
        object: obj?.apiName ?? '',
        path: c.field,
        formulaName: `${c.table}.${c.field}`,
        field: obj && columnField(model, obj, c.field),
      });
    }
  }
  return columns;
}

/** A custom report type: its base object, joins, and each column's table and field. */
export function reportTypeProblems(model: ForceAppModel, type: ReportTypeModel): string[] {
  const tables = reportTypeTables(model, type);
  if (typeof tables === 'string') return [tables];
  const problems: string[] = [];
  if (type.sections.every((s) => s.columns.length === 0)) problems.push('A report type needs at least one column');
  for (const section of type.sections) {
    for (const c of section.columns) {
      const obj = tables.get(c.table);
      if (!obj) problems.push(`In field: table - no table named ${c.table} in this report type`);
      else if (!columnField(model, obj, c.field))
        problems.push(`In field: field - no CustomField named ${obj.apiName}.${c.field} found`);
    }
  }
  return problems;
}

const AGGREGATE_TYPES = ['Sum', 'Average', 'Maximum', 'Minimum', 'Unique', 'Median', 'Count'];
const GROUPING_LIMITS: Record<string, { down: number; across: number }> = {
  Tabular: { down: 0, across: 0 },
  Summary: { down: 3, across: 0 },
  Matrix: { down: 2, across: 2 },
};
const NUMERIC = new Set(['Number', 'Currency', 'Percent', 'Summary']);
const DATES = new Set(['Date', 'DateTime']);
/** The summaries a field of a type allows: numbers all, dates the largest and smallest, others unique counts. */
const aggregates = (type: string): string[] =>
  NUMERIC.has(type) ? AGGREGATE_TYPES : DATES.has(type) ? ['Maximum', 'Minimum', 'Unique'] : ['Unique'];
const GRAND_CONTEXTS = ['GRAND_SUMMARY', 'COLUMN_GRAND_SUMMARY', 'ROW_GRAND_SUMMARY'];

/** A report: its report type, the columns it names, its groupings for its format, its filter logic. */
export function reportProblems(model: ForceAppModel, report: ReportModel): string[] {
  const problems: string[] = [];
  if (report.folder !== 'unfiled$public' && !model.reportFolders.some((f) => f.name === report.folder))
    problems.push(`In field: folder - no ReportFolder named ${report.folder} found`);
  const columns = reportTypeColumns(model, report.reportType);
  if (!columns) return [...problems, `Invalid report type: ${report.reportType}`];
  const buckets = new Set(report.buckets.map((b) => b.developerName.toLowerCase()));
  const formulas = new Set(report.aggregates.map((a) => a.developerName.toLowerCase()));
  const check = (column: string | undefined, where: string, extra: Set<string> = new Set()): void => {
    if (column === undefined) return;
    const lower = column.toLowerCase();
    if (columns.has(lower) || buckets.has(lower) || extra.has(lower)) return;
    problems.push(`Invalid field name: ${column} (${where})`);
  };
  const summaries = new Set(['rowcount', ...formulas]);
  for (const c of report.columns) {
    check(c.field, 'columns');
    const type = columns.get(c.field.toLowerCase())?.field?.type;
    for (const a of c.aggregateTypes) {
      if (!AGGREGATE_TYPES.includes(a)) problems.push(`Invalid aggregate type: ${a} (columns ${c.field})`);
      else if (type && !aggregates(type).includes(a))
        problems.push(
          `Cannot summarize ${c.field} (${type}) by ${a}: it allows ${aggregates(type).join(', ') || 'none'}`,
        );
    }
  }
  for (const g of report.groupingsDown) check(g.field, 'groupingsDown');
  for (const g of report.groupingsAcross) check(g.field, 'groupingsAcross');
  for (const [i, f] of report.filters.entries()) {
    check(f.column, `filter ${i + 1}`);
    if (f.columnToColumn) check(f.value, `filter ${i + 1} value`);
  }
  check(report.timeFrameFilter?.dateColumn, 'timeFrameFilter');
  if (report.timeFrameFilter && !(report.timeFrameFilter.interval in REPORT_INTERVALS))
    problems.push(`Invalid time frame interval: ${report.timeFrameFilter.interval} (timeFrameFilter)`);
  check(report.sortColumn, 'sortColumn', summaries);
  for (const b of report.buckets) check(b.sourceColumnName, `bucket ${b.developerName}`);
  check(report.chart?.groupingColumn, 'chart');
  for (const s of report.chart?.summaries ?? []) check(s.column, 'chart', summaries);
  const formulaNames = new Set([...columns.values()].map((c) => c.formulaName.toLowerCase()));
  const groupings = new Set([...report.groupingsDown, ...report.groupingsAcross].map((g) => g.field.toLowerCase()));
  for (const a of report.aggregates) {
    for (const m of a.calculatedFormula.matchAll(/([A-Za-z_][\w.$]*):(SUM|AVG|MAX|MIN|UNIQUE)\b/g)) {
      if (!formulaNames.has(m[1].toLowerCase()))
        problems.push(`Invalid field name: ${m[1]} (custom summary formula ${a.developerName})`);
    }
    for (const context of [a.downGroupingContext, a.acrossGroupingContext]) {
      if (context && !GRAND_CONTEXTS.includes(context) && !groupings.has(context.toLowerCase()))
        problems.push(`Invalid grouping context: ${context} (custom summary formula ${a.developerName})`);
    }
  }
  const limits = GROUPING_LIMITS[report.format];
  if (limits) {
    const down = report.groupingsDown.length;
    const across = report.groupingsAcross.length;
    if (down > limits.down || across > limits.across)
      problems.push(`A ${report.format} report allows ${limits.down} row and ${limits.across} column groupings`);
    if (report.format !== 'Tabular' && down === 0) problems.push(`A ${report.format} report needs a row grouping`);
    if (report.format === 'Matrix' && across === 0) problems.push('A Matrix report needs a column grouping');
  }
  if (report.booleanFilter) {
    for (const n of report.booleanFilter.match(/\d+/g) ?? []) {
      if (Number(n) < 1 || Number(n) > report.filters.length)
        problems.push(
          `Invalid filter logic: ${report.booleanFilter} names filter ${n}; there are ${report.filters.length}`,
        );
    }
  }
  return problems;
}

const DASHBOARD_TYPES = ['SpecifiedUser', 'LoggedInUser', 'MyTeamUser'];

/** Checks report types, reports and dashboards: every name they use resolves. */
export function checkReporting(model: ForceAppModel): Problem[] {
  const problems: Problem[] = [];
  const say = (path: string, messages: string[]): void => {
    for (const message of messages) problems.push({ file: relative(model.root, path), message });
  };
  for (const type of model.reportTypes) say(type.sourcePath, reportTypeProblems(model, type));
  for (const report of model.reports) say(report.sourcePath, reportProblems(model, report));
  const reports = new Map(model.reports.map((r) => [r.fullName, r]));
  for (const dashboard of model.dashboards) {
    const messages: string[] = [];
    if (!model.dashboardFolders.some((f) => f.name === dashboard.folder))
      messages.push(`In field: folder - no DashboardFolder named ${dashboard.folder} found`);
    if (!DASHBOARD_TYPES.includes(dashboard.dashboardType))
      messages.push(`Invalid dashboardType: ${dashboard.dashboardType}`);
    if (dashboard.components.length === 0) messages.push('A dashboard needs at least one component');
    for (const c of dashboard.components) {
      const report = reports.get(c.report);
      if (!report) {
        messages.push(`In field: report - no Report named ${c.report} found`);
        continue;
      }
      const columns = reportTypeColumns(model, report.reportType);
      if (!columns) continue; // the report's own problem says so
      const summaries = new Set(['rowcount', ...report.aggregates.map((a) => a.developerName.toLowerCase())]);
      for (const column of [...c.groupingColumns, ...c.summaryColumns]) {
        const lower = column.toLowerCase();
        if (!columns.has(lower) && !summaries.has(lower))
          messages.push(`Invalid field name: ${column} (component over ${c.report})`);
      }
    }
    say(dashboard.sourcePath, messages);
  }
  return problems;
}
