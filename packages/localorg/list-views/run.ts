/**
 * Runs a list view as the caller: finds it, compiles it for them, and pages its records through the org's
 * SOQL engine (so CRUD, FLS and sharing apply). Shared by the REST list view resources and the UI API's
 * list resources. Also remembers which list views each user used last (`listviews/recent`).
 */
import { SalesforceError } from '../errors';
import { notFoundError, type ApiRequest, type OrgRuntime } from '../rest/context';
import { accessOf, objectNamed } from '../rest/sobjects';
import type { ObjectSchema } from '../schema';
import { executeSoql, type SfRecord } from '../soql';
import type { Storage } from '../storage';
import { compileListView, listViewSoql, type CompiledListView } from './compile';
import { findListView, findListViewById, listViewId, type ListViewDefinition } from './definitions';

/** The object (readable by the caller) and its list view named by Id or developer name; else not found. */
export function listViewOf(
  org: OrgRuntime,
  req: ApiRequest,
  objectName: string,
  idOrName: string,
): { obj: ObjectSchema; view: ListViewDefinition } {
  const obj = objectNamed(org, objectName, accessOf(org, req));
  const view = findListView(obj, idOrName);
  if (!view) throw notFoundError();
  return { obj, view };
}

export function compileFor(
  org: OrgRuntime,
  req: ApiRequest,
  obj: ObjectSchema,
  view: ListViewDefinition,
): CompiledListView {
  return compileListView(org.schema, obj, view, accessOf(org, req), req.ctx.userId);
}

export interface Page {
  records: SfRecord[];
  /** Every record the view matches for the caller. */
  total: number;
}

/** Runs `soql` as the caller and returns `limit` records from `offset`. */
export function runPage(org: OrgRuntime, req: ApiRequest, soql: string, offset: number, limit: number): Page {
  const cursor = executeSoql(org.storage, soql, {
    includeDeleted: false,
    now: req.ctx.now,
    apiVersion: req.ctx.apiVersion,
    fiscalYearStartMonth: org.fiscalYearStartMonth,
    access: accessOf(org, req).forQuery(),
    userId: req.ctx.userId,
  });
  if (offset > 0) cursor.next(offset);
  return { records: cursor.next(limit), total: cursor.totalSize };
}

/** The compiled view's page of records in its own order. */
export function viewPage(
  org: OrgRuntime,
  req: ApiRequest,
  obj: ObjectSchema,
  compiled: CompiledListView,
  offset: number,
  limit: number,
): Page {
  return runPage(org, req, listViewSoql(obj, compiled), offset, limit);
}

/** An integer query parameter, or the fallback when absent; a malformed one is refused. */
export function intParam(req: ApiRequest, name: string, fallback: number, min: number, max: number): number {
  const text = req.query.get(name);
  if (text === null || text === '') return fallback;
  if (!/^\d+$/.test(text)) {
    throw new SalesforceError(400, 'INVALID_INPUT', `The value '${text}' for ${name} is not a valid integer`);
  }
  const n = Number(text);
  if (n < min || n > max) {
    throw new SalesforceError(400, 'INVALID_INPUT', `${name} must be between ${min} and ${max}, not ${n}`);
  }
  return n;
}

/** When each user last used each list view (in memory: a restart forgets, as a new session would). */
const used = new WeakMap<Storage, Map<string, Map<string, number>>>();

export function noteUsed(org: OrgRuntime, req: ApiRequest, view: ListViewDefinition): void {
  let byUser = used.get(org.storage);
  if (!byUser) used.set(org.storage, (byUser = new Map()));
  let views = byUser.get(req.ctx.userId);
  if (!views) byUser.set(req.ctx.userId, (views = new Map()));
  const id = listViewId(view.objectName, view.developerName);
  views.delete(id);
  views.set(id, req.ctx.now.getTime());
}

/** The Ids of the list views the caller used, most recent first. */
export function recentlyUsed(org: OrgRuntime, req: ApiRequest): string[] {
  const views = used.get(org.storage)?.get(req.ctx.userId);
  return views ? [...views.keys()].reverse() : [];
}

/** The SOQL of the list view with this Id, run for the caller, or undefined when no list view has it. */
export function listViewQueryOfId(org: OrgRuntime, req: ApiRequest, id: string): string | undefined {
  const found = findListViewById(org.schema.objects.values(), id);
  if (!found || !accessOf(org, req).canReadObject(found.obj)) return undefined;
  return listViewSoql(found.obj, compileFor(org, req, found.obj, found.view));
}
