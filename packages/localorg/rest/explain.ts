/**
 * `GET query?explain=SOQL`: the Query Performance Feedback resource. Salesforce answers the plans it
 * considered, most efficient first; the local org reasons the same way over its own data: one `Index`
 * plan per top-level `=` / `IN` filter on a field Salesforce indexes (Id, Name, OwnerId, CreatedDate,
 * SystemModstamp, lookups, master-details, unique and external ids), whose cardinality is the number of
 * records that filter matches, and always a `TableScan` plan whose notes name the filters it could not
 * use. relativeCost is the plan's cardinality over Salesforce's selectivity threshold for a standard
 * index (30% of the records), so a plan below 1 is selective, and a table scan costs more than any
 * selective plan. Counts run as the calling user, as the query would; the query itself is not run.
 */
import { composeQuery, parseQuery, type FieldFunctionExpression } from '@jetstreamapp/soql-parser-js';
import { findObjectSchema, findFieldSchema, type FieldSchema, type ObjectSchema } from '../schema';
import { quoteIdent } from '../sql';
import { executeSoql } from '../soql';
import { QueryText } from '../soql/errors';
import { parseSoql, type Cond } from '../soql/parse';
import { describeColumns } from './columns';
import { ok, type ApiRequest, type OrgRuntime, type Reply } from './context';
import { accessOf } from './sobjects';

/** Salesforce's selectivity threshold for a standard index: 30% of the first million records. */
const INDEX_THRESHOLD = 0.3;
const INDEXED_STANDARD_FIELDS = new Set(['Id', 'Name', 'OwnerId', 'CreatedDate', 'SystemModstamp', 'RecordTypeId']);

export interface PlanNote {
  description: string;
  fields: string[];
  tableEnumOrId: string;
}

export interface QueryPlan {
  cardinality: number;
  fields: string[];
  leadingOperationType: 'Index' | 'TableScan';
  notes: PlanNote[];
  relativeCost: number;
  sobjectCardinality: number;
  sobjectType: string;
}

function indexed(field: FieldSchema): boolean {
  const m = field.model;
  return (
    INDEXED_STANDARD_FIELDS.has(field.name) ||
    m.type === 'Lookup' ||
    m.type === 'MasterDetail' ||
    m.unique ||
    m.externalId
  );
}

/** The conditions joined by the WHERE clause's top-level AND (the only ones an index can lead). */
function topLevelFilters(where: Cond | undefined): Cond[] {
  if (!where) return [];
  return where.kind === 'and' ? where.items : [where];
}

/** A comparison on a field of the queried object itself: its field, as written and as a SOQL filter. */
function simpleFilter(
  obj: ObjectSchema,
  alias: string | undefined,
  cond: Cond,
): { field: FieldSchema; soql: string; usable: boolean } | undefined {
  if (cond.kind !== 'compare' || cond.left.kind !== 'field') return undefined;
  let path = cond.left.path;
  if (path.length === 2 && [alias?.toLowerCase(), obj.name.toLowerCase()].includes(path[0].toLowerCase())) {
    path = path.slice(1);
  }
  if (path.length !== 1) return undefined;
  const field = findFieldSchema(obj, path[0]);
  if (!field) return undefined;
  // `LAST_N_DAYS:n` comes back as the literal and its n.
  const values = cond.values
    .map((v) => (v.n === undefined || v.text.includes(':') ? v.text : `${v.text}:${v.n}`))
    .join(', ');
  const soql = `${cond.left.text} ${cond.op} ${cond.list ? `(${values})` : values}`;
  // An index serves equality and IN; `!=`, `NOT IN`, `LIKE '%x'` and comparisons with null do not lead it.
  const usable = (cond.op === '=' || cond.op.toUpperCase() === 'IN') && !cond.values.some((v) => v.type === 'NULL');
  return { field, soql, usable };
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

/** `GET query?explain=`. */
export function explainQuery(org: OrgRuntime, req: ApiRequest, soql: string): Reply {
  // The query must be valid for the caller before anything is counted (MALFORMED_QUERY, INVALID_FIELD...).
  describeColumns(org, req, soql);
  const query = parseSoql(new QueryText(soql));
  const obj = findObjectSchema(org.schema, query.from) as ObjectSchema;
  const access = accessOf(org, req).forQuery();
  const count = (text: string): number =>
    executeSoql(org.storage, text, {
      includeDeleted: false,
      now: req.ctx.now,
      apiVersion: req.ctx.apiVersion,
      fiscalYearStartMonth: org.fiscalYearStartMonth,
      access,
    }).totalSize;
  const sobjectCardinality = org.storage
    .statement(`SELECT COUNT(*) FROM ${quoteIdent(obj.table)} WHERE "IsDeleted" = 0`)
    .pluck(true)
    .get() as number;
  // The whole filter's cardinality: the query's FROM and WHERE as a COUNT().
  const parsed = parseQuery(soql);
  const countAll: FieldFunctionExpression = {
    type: 'FieldFunctionExpression',
    functionName: 'COUNT',
    parameters: [],
    rawValue: 'COUNT()',
  };
  const counted = composeQuery({
    sObject: parsed.sObject,
    sObjectAlias: parsed.sObjectAlias,
    where: parsed.where,
    fields: [countAll],
  });
  const cardinality = count(counted);
  const threshold = Math.max(1, INDEX_THRESHOLD * sobjectCardinality);
  const plans: QueryPlan[] = [];
  const unindexed: string[] = [];
  const from = `${obj.name}${query.alias ? ` ${query.alias}` : ''}`;
  for (const cond of topLevelFilters(query.where)) {
    const filter = simpleFilter(obj, query.alias, cond);
    if (!filter) continue;
    if (!indexed(filter.field) || !filter.usable) {
      if (!unindexed.includes(filter.field.name)) unindexed.push(filter.field.name);
      continue;
    }
    const matches = count(`SELECT COUNT() FROM ${from} WHERE ${filter.soql}`);
    plans.push({
      cardinality: matches,
      fields: [filter.field.name],
      leadingOperationType: 'Index',
      notes: [],
      relativeCost: round(matches / threshold),
      sobjectCardinality,
      sobjectType: obj.name,
    });
  }
  plans.push({
    cardinality,
    fields: [],
    leadingOperationType: 'TableScan',
    notes: unindexed.length
      ? [
          {
            description: 'Not considering filter for optimization because unindexed',
            fields: unindexed,
            tableEnumOrId: obj.name,
          },
        ]
      : [],
    // A scan reads every record: it costs more than any index plan.
    relativeCost: round(sobjectCardinality / threshold),
    sobjectCardinality,
    sobjectType: obj.name,
  });
  plans.sort((a, b) => a.relativeCost - b.relativeCost);
  return ok({ plans });
}
