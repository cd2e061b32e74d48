/**
 * A report's rows: one SOQL query per object of the report type's join chain, run as the user (sharing and
 * field-level security apply; a filter may read a field the user cannot see, as reports still apply such
 * filters without showing the field), joined in memory as the report type joins them: an inner join keeps
 * only records with children, an outer join keeps them with an empty child.
 */
import { executeSoql, type SfRecord } from '../soql';
import type { QueryAccess } from '../security';
import type { FieldSchema, ObjectSchema } from '../schema';
import type { OrgRuntime } from '../rest/context';
import type { ReportColumn, ReportLevel } from './columns';

/** One report row: a record of each level (null where an outer join found none). */
export type ReportRow = (SfRecord | null)[];

export interface FetchPlan {
  levels: ReportLevel[];
  /** Columns whose values are read (shown, grouped, summarized, sorted or filtered). */
  columns: ReportColumn[];
  /** Fields read only by filters: readable for the query even where the user cannot see them. */
  filterOnly: Set<FieldSchema>;
  /** Lookups whose names the user may read (else the Id is the label). */
  namedLookups: Set<ReportColumn>;
  /** `user` scope: only base records the user owns. */
  ownedBy?: string;
}

export interface FetchContext {
  org: OrgRuntime;
  access?: QueryAccess;
  userId: string;
  now: Date;
  apiVersion: string;
}

/** The user's access, with the filter-only fields made readable for the query. */
function filterAccess(access: QueryAccess | undefined, extra: Set<FieldSchema>): QueryAccess | undefined {
  if (!access || extra.size === 0) return access;
  return {
    canReadObject: (obj: ObjectSchema) => access.canReadObject(obj),
    canReadField: (field: FieldSchema) => extra.has(field) || access.canReadField(field),
    sharingHides: (obj: ObjectSchema) => access.sharingHides(obj),
    rowFilter: (obj, alias, bind) => access.rowFilter(obj, alias, bind),
  };
}

const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function levelQuery(plan: FetchPlan, index: number): string {
  const level = plan.levels[index];
  const fields = new Set<string>(['Id']);
  if (level.parentField) fields.add(level.parentField);
  for (const column of plan.columns) {
    if (column.level !== index) continue;
    fields.add(column.valuePath);
    if (column.labelPath && plan.namedLookups.has(column)) fields.add(column.labelPath);
  }
  let soql = `SELECT ${[...fields].join(', ')} FROM ${level.object.name}`;
  if (index === 0 && plan.ownedBy && level.object.fields.has('OwnerId'))
    soql += ` WHERE OwnerId = ${quote(plan.ownedBy)}`;
  return `${soql} ORDER BY Id`;
}

function queryLevel(ctx: FetchContext, plan: FetchPlan, index: number): SfRecord[] {
  const cursor = executeSoql(ctx.org.storage, levelQuery(plan, index), {
    includeDeleted: false,
    now: ctx.now,
    apiVersion: ctx.apiVersion,
    fiscalYearStartMonth: ctx.org.fiscalYearStartMonth,
    access: filterAccess(ctx.access, plan.filterOnly),
    userId: ctx.userId,
  });
  return cursor.next(cursor.remaining);
}

/** The report's rows, in the base records' order and their children's. */
export function fetchRows(ctx: FetchContext, plan: FetchPlan): ReportRow[] {
  let rows: ReportRow[] = queryLevel(ctx, plan, 0).map((r) => [r]);
  for (let i = 1; i < plan.levels.length; i++) {
    const level = plan.levels[i];
    const parentField = level.parentField as string;
    const children = new Map<string, SfRecord[]>();
    for (const record of queryLevel(ctx, plan, i)) {
      const parent = record[parentField];
      if (typeof parent !== 'string') continue;
      const list = children.get(parent) ?? [];
      list.push(record);
      children.set(parent, list);
    }
    const joined: ReportRow[] = [];
    for (const row of rows) {
      const parent = row[i - 1];
      const mine = parent ? children.get(parent.Id as string) : undefined;
      if (mine?.length) for (const child of mine) joined.push([...row, child]);
      else if (level.outerJoin) joined.push([...row, null]);
    }
    rows = joined;
  }
  return rows;
}

/** A value at a SOQL path (`Partner_Account__r.Partner_Tier__c`) of a record in the REST API's shape. */
export function valueAt(record: SfRecord | null, path: string): unknown {
  let current: unknown = record;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[key];
  }
  return current ?? null;
}
