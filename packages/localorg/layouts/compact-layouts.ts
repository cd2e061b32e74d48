/**
 * Compact layout describes, in the REST API's shapes: `sobjects/{Type}/describe/compactLayouts`
 * (DescribeCompactLayoutsResult), `describe/compactLayouts/primary` (the primary one's DescribeCompactLayout)
 * and `/compactLayouts?q=A,B` (the primary compact layout of each object, keyed by object). An object's
 * compact layouts are the package's (force-app `objects/<Object>/compactLayouts/`); its primary one is the
 * object's `<compactLayoutAssignment>`, else the System Default layout of its name field, whose Id is null
 * as the docs say. Fields the caller cannot read are left out.
 */
import type { CompactLayoutModel } from '@partner-planning/model';
import { MASTER_RECORD_TYPE_ID } from '../describe';
import { SalesforceError } from '../errors';
import type { ObjectSchema } from '../schema';
import { notFoundError, ok, type ApiRequest, type OrgRuntime, type Reply } from '../rest/context';
import { accessOf, objectNamed } from '../rest/sobjects';
import { COMPACT_LAYOUT_PREFIX, stableId } from './catalog';
import { checkLayoutable } from './page-layouts';
import { fieldItem, nameFieldOf, resolveColumns, type Json, type LayoutScope } from './sections';

/** Salesforce's compact layout when none is assigned: the record's name. */
const SYSTEM_DEFAULT = 'SYSTEM';

/** At most this many objects in one `compactLayouts?q=` request (the docs' limit). */
const MAX_OBJECTS = 100;

function systemDefault(obj: ObjectSchema): CompactLayoutModel {
  return { name: SYSTEM_DEFAULT, label: 'System Default', fields: [nameFieldOf(obj).name], sourcePath: '' };
}

/** The object's primary compact layout: the assigned one, else the system default. */
export function primaryCompactLayout(obj: ObjectSchema): CompactLayoutModel {
  const assigned = obj.model.compactLayoutAssignment;
  const found = assigned ? obj.model.compactLayouts.find((c) => c.name === assigned) : undefined;
  return found ?? systemDefault(obj);
}

const compactLayoutId = (obj: ObjectSchema, layout: CompactLayoutModel): string | null =>
  layout.name === SYSTEM_DEFAULT ? null : stableId(COMPACT_LAYOUT_PREFIX, `${obj.name}.${layout.name}`);

/** One DescribeCompactLayout for the caller. */
function describeCompactLayout(scope: LayoutScope, layout: CompactLayoutModel): Json {
  const cells = resolveColumns(scope, [
    layout.fields.map((field) => ({ field, behavior: 'Readonly' as const, emptySpace: false })),
  ])[0];
  return {
    actions: [],
    fieldItems: cells.map((cell, i) => fieldItem(scope, cell, i + 1)),
    id: compactLayoutId(scope.obj, layout),
    imageItems: [],
    label: layout.label,
    name: layout.name,
    objectType: scope.obj.name,
  };
}

function layoutObject(org: OrgRuntime, req: ApiRequest, name: string): LayoutScope {
  const access = accessOf(org, req);
  const obj = objectNamed(org, name, access);
  checkLayoutable(obj);
  return { obj, access };
}

/** `GET sobjects/{Type}/describe/compactLayouts`. */
export function compactLayouts(org: OrgRuntime, req: ApiRequest): Reply {
  const scope = layoutObject(org, req, req.params[0]);
  const primary = primaryCompactLayout(scope.obj);
  const own = scope.obj.model.compactLayouts;
  const listed = own.length > 0 ? own : [primary];
  return ok({
    compactLayouts: listed.map((l) => describeCompactLayout(scope, l)),
    defaultCompactLayoutId: compactLayoutId(scope.obj, primary),
    recordTypeCompactLayoutMappings: [
      {
        available: true,
        compactLayoutId: compactLayoutId(scope.obj, primary),
        compactLayoutName: primary.name,
        recordTypeId: MASTER_RECORD_TYPE_ID,
        recordTypeName: 'Master',
        urls: {
          compactLayout: `/services/data/v${req.ctx.apiVersion}/sobjects/${scope.obj.name}/describe/compactLayouts/${MASTER_RECORD_TYPE_ID}`,
        },
      },
    ],
    urls: {
      primary: `/services/data/v${req.ctx.apiVersion}/sobjects/${scope.obj.name}/describe/compactLayouts/primary`,
    },
  });
}

/** `GET sobjects/{Type}/describe/compactLayouts/{primary | recordTypeId}`: the primary compact layout. */
export function compactLayout(org: OrgRuntime, req: ApiRequest): Reply {
  const scope = layoutObject(org, req, req.params[0]);
  const which = req.params[1];
  const isMaster = which === MASTER_RECORD_TYPE_ID || which === MASTER_RECORD_TYPE_ID.slice(0, 15);
  if (which.toLowerCase() !== 'primary' && !isMaster) throw notFoundError();
  return ok(describeCompactLayout(scope, primaryCompactLayout(scope.obj)));
}

/** `GET /compactLayouts?q=Account,Contact`: each object's primary compact layout, keyed by the name asked for. */
export function compactLayoutsOfObjects(org: OrgRuntime, req: ApiRequest): Reply {
  const names = (req.query.get('q') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) {
    throw new SalesforceError(400, 'MISSING_ARGUMENT', 'Missing required query parameter: q');
  }
  if (names.length > MAX_OBJECTS) {
    throw new SalesforceError(
      400,
      'INVALID_QUERY_PARAMETER_VALUE',
      `At most ${MAX_OBJECTS} objects can be queried at once`,
    );
  }
  const body: Record<string, Json> = {};
  for (const name of names) {
    const scope = layoutObject(org, req, name);
    body[name] = describeCompactLayout(scope, primaryCompactLayout(scope.obj));
  }
  return ok(body);
}
