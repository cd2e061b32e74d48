/**
 * UI API `record-ui/{ids}?layoutTypes=&modes=`: the records with their layouts and object infos, as
 * `{ layoutUserStates, layouts: { Object: { recordTypeId: { Full: { View: Layout } } } }, objectInfos, records }`.
 * A layout is the object's page layout in force-app (the fields its sections name, in order, read through
 * the model's layout references), laid out in two columns in one section, keeping the fields the caller can
 * read; an object without a page layout gets one of every field the caller can read. The Compact layout holds
 * the name field.
 */
import { MASTER_RECORD_TYPE_ID } from '../describe';
import type { FieldSchema, ObjectSchema } from '../schema';
import type { UserAccess } from '../security';
import { ok, type ApiRequest, type OrgRuntime, type Reply } from '../rest/context';
import { accessOf } from '../rest/sobjects';
import { invalidInput } from './errors';
import { objectInfo } from './object-info';
import { fieldTree, objectOfId, readRecord } from './records';

const LAYOUT_TYPES = ['Full', 'Compact'];
const MODES = ['View', 'Edit', 'Create'];

/** The fields of the object's force-app page layout, in layout order, or undefined when it has none. */
function pageLayoutFields(org: OrgRuntime, obj: ObjectSchema): FieldSchema[] | undefined {
  // The object's own layout file (`layouts/Object-Layout Name.layout-meta.xml`), not another object's related lists.
  const own = new RegExp(`(^|/)layouts/${obj.name}-[^/]*$`);
  const refs = org.schema.model.fieldReferences.filter((r) => own.test(r.sourcePath) && r.object === obj.name);
  if (refs.length === 0) return undefined;
  const first = refs[0].sourcePath;
  const fields = refs
    .filter((r) => r.sourcePath === first)
    .map((r) => obj.fieldsByLower.get(r.field.toLowerCase()))
    .filter((f): f is FieldSchema => f !== undefined);
  return [...new Set(fields)];
}

/** The fields a layout type shows the caller. */
export function layoutFields(
  org: OrgRuntime,
  access: UserAccess,
  obj: ObjectSchema,
  layoutType: string,
): FieldSchema[] {
  const all =
    layoutType === 'Compact'
      ? [obj.fields.get('Name')].filter((f): f is FieldSchema => f !== undefined)
      : (pageLayoutFields(org, obj) ?? [...obj.fields.values()]);
  return all.filter((f) => access.canReadField(f));
}

function layoutItem(field: FieldSchema, access: UserAccess, obj: ObjectSchema): Record<string, unknown> {
  const editable = access.canEditField(field) && !field.model.systemManaged && field.name !== 'Id';
  const perms = access.object(obj);
  return {
    editableForNew: editable && perms.allowCreate,
    editableForUpdate: editable && perms.allowEdit && field.model.type !== 'MasterDetail',
    label: field.model.label,
    layoutComponents: [{ apiName: field.name, componentType: 'Field', label: field.model.label }],
    lookupIdApiName: field.referenceTo ? field.name : null,
    required: field.model.required && field.model.type !== 'Checkbox',
    sortable: false,
  };
}

/** A Layout representation: one section, two columns, the fields row by row. */
function layout(
  obj: ObjectSchema,
  fields: FieldSchema[],
  access: UserAccess,
  layoutType: string,
  mode: string,
): Record<string, unknown> {
  const rows: { layoutItems: Record<string, unknown>[] }[] = [];
  for (let i = 0; i < fields.length; i += 2)
    rows.push({ layoutItems: fields.slice(i, i + 2).map((f) => layoutItem(f, access, obj)) });
  return {
    eTag: `${obj.name}-${layoutType}-${mode}`,
    id: null,
    layoutType,
    mode,
    objectApiName: obj.name,
    recordTypeId: MASTER_RECORD_TYPE_ID,
    saveOptions: [],
    sections: [
      {
        collapsible: false,
        columns: 2,
        heading: 'Information',
        id: `${obj.name}-${layoutType}-section-1`,
        layoutRows: rows,
        rows: rows.length,
        useHeading: true,
      },
    ],
  };
}

const listParam = (req: ApiRequest, name: string, fallback: string[], allowed: string[]): string[] => {
  const given = (req.query.get(name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const chosen = given.length > 0 ? given : fallback;
  for (const value of chosen) {
    if (!allowed.some((a) => a.toLowerCase() === value.toLowerCase()))
      throw invalidInput(`${name} must be one of ${allowed.join(', ')}: ${value}`);
  }
  return chosen.map((value) => allowed.find((a) => a.toLowerCase() === value.toLowerCase()) as string);
};

/** `GET record-ui/{ids}`. */
export function recordUi(org: OrgRuntime, req: ApiRequest): Reply {
  const access = accessOf(org, req);
  const ids = req.params[0].split(',').filter((s) => s !== '');
  if (ids.length === 0) throw invalidInput('Give at least one record Id');
  const layoutTypes = listParam(req, 'layoutTypes', ['Full'], LAYOUT_TYPES);
  const modes = listParam(req, 'modes', ['View'], MODES);
  const layouts: Record<string, Record<string, Record<string, Record<string, unknown>>>> = {};
  const objectInfos: Record<string, unknown> = {};
  const records: Record<string, unknown> = {};
  for (const id of ids) {
    const obj = objectOfId(org, access, id);
    const shown = new Set<FieldSchema>();
    if (!layouts[obj.name]) {
      const byType: Record<string, Record<string, unknown>> = {};
      for (const layoutType of layoutTypes) {
        const fields = layoutFields(org, access, obj, layoutType);
        byType[layoutType] = Object.fromEntries(modes.map((m) => [m, layout(obj, fields, access, layoutType, m)]));
      }
      layouts[obj.name] = { [MASTER_RECORD_TYPE_ID]: byType };
      objectInfos[obj.name] = objectInfo(org, req, obj);
    }
    for (const layoutType of layoutTypes) for (const f of layoutFields(org, access, obj, layoutType)) shown.add(f);
    const names = [...shown].map((f) => `${obj.name}.${f.name}`);
    records[id] = readRecord(org, req, obj, id, fieldTree(org, access, obj, [], names));
  }
  return ok({ layoutUserStates: {}, layouts, objectInfos, records });
}
