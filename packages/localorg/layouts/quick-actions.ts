/**
 * Quick action resources, as the REST API documents them: `GET /quickActions` (global actions) and
 * `GET sobjects/{Type}/quickActions` (the object's actions, then the global ones); `{action}` and
 * `{action}/describe` (DescribeQuickActionResult: layout, target object and parent field, the component of a
 * Lightning web component action); `{action}/defaultValues[/{contextId}]` (the record the action's form starts
 * from: its fields, the predefined values evaluated (literals, and formulas over the context record), the
 * parent field set to the context record); and `POST {action}` with `{ contextId, record }`, which runs a
 * create, log-a-call or update action as the caller. A component, page or flow action runs only in the UI.
 */
import type { LayoutItemModel } from '@partner-planning/model';
import { deserializeRecord } from '../dml';
import { SalesforceError } from '../errors';
import { withFormulaValues } from '../formula';
import { compileFormula } from '../formula/compile';
import type { CompiledFormula } from '../formula/types';
import { normalizeId } from '../ids';
import type { FieldSchema, ObjectSchema } from '../schema';
import type { Row } from '../sql';
import {
  bodyObject,
  notFoundError,
  ok,
  parseJsonBody,
  type ApiRequest,
  type OrgRuntime,
  type Reply,
} from '../rest/context';
import { accessOf, objectNamed } from '../rest/sobjects';
import {
  COMPONENT_BUNDLE_PREFIX,
  QUICK_ACTION_PREFIX,
  findAction,
  globalActions,
  objectActions,
  stableId,
  type ActionDef,
} from './catalog';
import { actionUrls } from './page-layouts';
import { resolveColumns, section, type Json } from './sections';

/** Action types REST can run: they create or update a record. */
const RUNNABLE = new Set(['Create', 'LogACall', 'Update']);

/** The actions a route lists: the object's (sobjects/{Type}/quickActions) or the global ones. */
function actionsOf(
  org: OrgRuntime,
  req: ApiRequest,
  scoped: boolean,
): { actions: ActionDef[]; context?: ObjectSchema } {
  if (!scoped) return { actions: globalActions(org.schema) };
  const context = objectNamed(org, req.params[0], accessOf(org, req));
  return { actions: objectActions(org.schema, context.name), context };
}

function namedAction(org: OrgRuntime, req: ApiRequest, scoped: boolean): { action: ActionDef; context?: ObjectSchema } {
  const { actions, context } = actionsOf(org, req, scoped);
  const action = findAction(actions, req.params[scoped ? 1 : 0]);
  if (!action) throw notFoundError();
  return { action, context };
}

const listItem = (req: ApiRequest, action: ActionDef): Json => ({
  actionEnumOrId: action.standard ? action.name : stableId(QUICK_ACTION_PREFIX, action.name),
  label: action.label,
  name: action.name,
  type: action.type,
  urls: actionUrls(req, action),
});

/** The target object, when the caller may read it. */
function targetOf(org: OrgRuntime, req: ApiRequest, action: ActionDef): ObjectSchema | undefined {
  if (!action.targetObject) return undefined;
  const target = org.schema.objects.get(action.targetObject);
  return target && accessOf(org, req).canReadObject(target) ? target : undefined;
}

/** The target's field that points at a context record of `context`, if any. */
function parentField(
  action: ActionDef,
  target: ObjectSchema,
  context: ObjectSchema | undefined,
): FieldSchema | undefined {
  if (!context) return undefined;
  return action.parentFields
    .map((name) => fieldOrRelationship(target, name))
    .find((f) => f !== undefined && f.referenceTargets.includes(context.name));
}

/** A lookup named by its field (`AccountId`) or, as quick action metadata may name it, its relationship (`Account`). */
function fieldOrRelationship(obj: ObjectSchema, name: string): FieldSchema | undefined {
  return obj.fieldsByLower.get(name.toLowerCase()) ?? obj.parents.get(name.toLowerCase())?.field;
}

/** `GET .../quickActions/{action}/describe` (and `GET .../quickActions/{action}`). */
function describeAction(org: OrgRuntime, req: ApiRequest, action: ActionDef, context?: ObjectSchema): Json {
  const target = targetOf(org, req, action);
  const contextObject = action.contextObject ?? context?.name ?? null;
  const layout = target
    ? section(
        { obj: target, access: accessOf(org, req) },
        { heading: null, useHeading: false, id: stableId('01B', action.name), parentLayoutId: null },
        resolveColumns({ obj: target, access: accessOf(org, req) }, action.columns),
      )
    : null;
  const lwc = action.lightningWebComponent;
  return {
    ...listItem(req, action),
    canvasApplicationId: null,
    canvasApplicationName: null,
    colors: [],
    contextSobjectType: contextObject,
    defaultValues: [],
    flowDevName: null,
    flowRecordIdVar: null,
    height: action.height ?? null,
    iconName: action.icon ?? null,
    iconUrl: null,
    icons: [],
    layout,
    lightningComponentBundleId: null,
    lightningComponentBundleName: null,
    lightningComponentQualifiedName: null,
    lightningWebComponentBundleId: lwc ? stableId(COMPONENT_BUNDLE_PREFIX, lwc) : null,
    lightningWebComponentBundleName: lwc ?? null,
    lightningWebComponentQualifiedName: lwc ? `c:${lwc}` : null,
    miniIconUrl: null,
    mobileExtensionId: null,
    showQuickActionLcHeader: true,
    showQuickActionVfHeader: true,
    targetParentField: target
      ? (parentField(action, target, context)?.name ??
        (action.parentFields[0] ? fieldOrRelationship(target, action.parentFields[0])?.name : undefined) ??
        null)
      : null,
    targetRecordTypeId: null,
    targetSobjectType: action.targetObject ?? null,
    visualforcePageName: null,
    visualforcePageUrl: null,
    width: action.width ?? null,
  };
}

/** The context record a contextId names, as the caller sees it (with its formula values), or 404. */
function contextRecord(org: OrgRuntime, req: ApiRequest, rawId: string): { obj: ObjectSchema; row: Row } {
  const id = normalizeId(rawId);
  const obj = id ? org.schema.byKeyPrefix.get(id.slice(0, 3)) : undefined;
  const access = accessOf(org, req);
  if (!obj || !access.canReadObject(obj)) throw notFoundError();
  const found = org.dml.lookup(obj, rawId, req.ctx);
  if (found.kind !== 'live') throw notFoundError();
  return { obj, row: withFormulaValues(org.storage, obj, found.row, req.ctx) };
}

/**
 * A predefined value's formula evaluated over the context record. References name the context object
 * (`Opportunity.Name`) or its parents through it; without a context record every field reads blank.
 */
function evaluateFormula(
  org: OrgRuntime,
  req: ApiRequest,
  source: string,
  on: ObjectSchema,
  row: Row | undefined,
): unknown {
  const prefix = new RegExp(`(^|[^\\w.$])${on.name}\\.`, 'gi');
  let compiled: CompiledFormula;
  try {
    compiled = compileFormula(org.schema, on, source.replace(prefix, '$1'), {
      context: 'validation',
      blankAsZero: false,
      requireFormula: () => undefined,
    });
  } catch (error) {
    // A deployed org refuses such an action; the local org says which formula it could not evaluate.
    throw new SalesforceError(
      400,
      'FIELD_INTEGRITY_EXCEPTION',
      `Cannot evaluate the predefined value ${source}: ${(error as Error).message}`,
    );
  }
  const values = compiled.inputs.map((input) => {
    let current: Row | undefined = row;
    for (const rel of input.rels) {
      const parentId = current?.[rel.field.column];
      const parentObj = org.schema.objects.get(rel.target);
      const parentRow = typeof parentId === 'string' && parentObj ? org.storage.getRow(parentObj, parentId) : undefined;
      current = parentRow && parentObj ? withFormulaValues(org.storage, parentObj, parentRow, req.ctx) : undefined;
    }
    return current?.[input.field.column] ?? null;
  });
  return compiled.evaluate({ values, isNew: true, now: req.ctx.now, userId: req.ctx.userId });
}

/** A literal predefined value as the field's JSON value. */
function literal(field: FieldSchema, text: string): unknown {
  const type = field.model.type;
  if (type === 'Number' || type === 'Currency' || type === 'Percent') return Number(text);
  if (type === 'Checkbox') return text.toLowerCase() === 'true';
  return text;
}

/** The record an action's form starts from, with the fields the caller can read. */
function defaultRecord(
  org: OrgRuntime,
  req: ApiRequest,
  action: ActionDef,
  context?: { obj: ObjectSchema; row: Row },
): Json {
  const target = targetOf(org, req, action);
  if (!target) return {};
  const access = accessOf(org, req);
  const record: Json = { attributes: { type: target.name } };
  const visible = (name: string): FieldSchema | undefined => {
    const field = target.fieldsByLower.get(name.toLowerCase());
    return field && access.canReadField(field) ? field : undefined;
  };
  const layoutFields = action.columns.flat().filter((i: LayoutItemModel) => i.field);
  for (const item of layoutFields) {
    const field = visible(item.field as string);
    if (!field) continue;
    // An update action starts from the record as it is.
    record[field.name] = action.type === 'Update' && context ? (context.row[field.column] ?? null) : null;
  }
  for (const override of action.overrides) {
    const field = visible(override.field);
    if (!field) continue;
    if (override.formula !== undefined) {
      const on =
        context?.obj ?? (action.contextObject ? org.schema.objects.get(action.contextObject) : target) ?? target;
      record[field.name] = evaluateFormula(org, req, override.formula, on, context?.row);
    } else {
      record[field.name] = override.literalValue === undefined ? null : literal(field, override.literalValue);
    }
  }
  const parent = parentField(action, target, context?.obj);
  if (parent && context && action.type !== 'Update' && access.canReadField(parent))
    record[parent.name] = context.row.Id;
  return record;
}

const refuseUnrunnable = (action: ActionDef): void => {
  if (!RUNNABLE.has(action.type)) {
    throw new SalesforceError(
      400,
      'INVALID_TYPE',
      `The ${action.type} action ${action.name} runs only in the Salesforce UI; the API runs create and update actions.`,
    );
  }
};

/** `POST .../quickActions/{action}` with `{ contextId, record }`. */
function invoke(org: OrgRuntime, req: ApiRequest, action: ActionDef, scopedContext?: ObjectSchema): Reply {
  refuseUnrunnable(action);
  const body = bodyObject(parseJsonBody(req.bodyText));
  if (!body) throw new SalesforceError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object');
  const contextId = typeof body.contextId === 'string' && body.contextId !== '' ? body.contextId : undefined;
  const context = contextId ? contextRecord(org, req, contextId) : undefined;
  if (action.contextObject && context?.obj.name !== action.contextObject) {
    throw new SalesforceError(
      400,
      'INVALID_CROSS_REFERENCE_KEY',
      `Give the Id of a ${action.contextObject} record as contextId`,
    );
  }
  if (scopedContext && context && context.obj !== scopedContext) {
    throw new SalesforceError(
      400,
      'INVALID_CROSS_REFERENCE_KEY',
      `The contextId is not a ${scopedContext.name} record`,
    );
  }
  const target = targetOf(org, req, action);
  if (!target) throw new SalesforceError(403, 'INSUFFICIENT_ACCESS', 'insufficient access rights on object id');
  const given = bodyObject(body.record ?? {}) ?? {};
  const access = accessOf(org, req);
  const readable = (f: FieldSchema): boolean => access.canReadField(f);
  if (action.type === 'Update') {
    if (!context)
      throw new SalesforceError(400, 'REQUIRED_FIELD_MISSING', 'Required fields are missing: [contextId]', [
        'contextId',
      ]);
    const values = { ...overrideValues(org, req, action, context), ...given };
    const row = org.storage.getRow(context.obj, context.row.Id as string) as Row;
    org.dml.update(req.ctx, context.obj, row, deserializeRecord(org.schema, context.obj, values, undefined, readable));
    return ok(result(action, context.row.Id as string, false, contextId));
  }
  const defaults = defaultRecord(org, req, action, context);
  delete defaults.attributes;
  // The form's blank fields are not sent: only values the action sets or the caller gives.
  const preset = Object.fromEntries(Object.entries(defaults).filter(([, v]) => v !== null));
  const id = org.dml.create(
    req.ctx,
    target,
    deserializeRecord(org.schema, target, { ...preset, ...given }, undefined, readable),
  );
  return ok(result(action, id, true, contextId), 201);
}

function overrideValues(
  org: OrgRuntime,
  req: ApiRequest,
  action: ActionDef,
  context: { obj: ObjectSchema; row: Row },
): Json {
  const record = defaultRecord(org, req, { ...action, columns: [] }, context);
  delete record.attributes;
  return record;
}

const result = (action: ActionDef, id: string, created: boolean, contextId: string | undefined): Json => ({
  contextId: contextId ?? null,
  created,
  errors: [],
  feedItemIds: [],
  id,
  ids: [id],
  success: true,
  successMessage: action.successMessage ?? null,
});

/** `GET /quickActions` and `GET sobjects/{Type}/quickActions`. */
export const listActions =
  (scoped: boolean) =>
  (org: OrgRuntime, req: ApiRequest): Reply =>
    ok(actionsOf(org, req, scoped).actions.map((a) => listItem(req, a)));

/** `GET` (describe) and `POST` (invoke) of one action. */
export const actionResource =
  (scoped: boolean) =>
  (org: OrgRuntime, req: ApiRequest): Reply => {
    const { action, context } = namedAction(org, req, scoped);
    if (req.method === 'POST') return invoke(org, req, action, context);
    return ok(describeAction(org, req, action, context));
  };

export const actionDescribe =
  (scoped: boolean) =>
  (org: OrgRuntime, req: ApiRequest): Reply => {
    const { action, context } = namedAction(org, req, scoped);
    return ok(describeAction(org, req, action, context));
  };

/** `GET .../defaultValues` and `.../defaultValues/{contextId}`. */
export const actionDefaultValues =
  (scoped: boolean) =>
  (org: OrgRuntime, req: ApiRequest): Reply => {
    const { action } = namedAction(org, req, scoped);
    const contextId = req.params[scoped ? 2 : 1];
    const context = contextId === undefined ? undefined : contextRecord(org, req, contextId);
    return ok(defaultRecord(org, req, action, context));
  };
