/**
 * Page layout describes, in the REST API's shapes: `sobjects/{Type}/describe/layouts` (DescribeLayoutResult:
 * layouts, recordTypeMappings, recordTypeSelectorRequired), `describe/layouts/{recordTypeId}` (the master
 * record type's DescribeLayout), `describe/namedLayouts/{name}` (User's UserAlt), `describe/approvalLayouts`
 * (none: the package defines no approval processes) and `sobjects/Global/describe/layouts` (the global
 * publisher layout). An object's layout is the package's page layout for it (force-app `layouts/`, the first
 * by file name, as one layout is assigned to every profile); an object without one gets a system default
 * layout: an Information section with its name and the fields people fill in, then System Information.
 */
import type { LayoutItemModel, LayoutModel, LayoutSectionModel } from '@partner-planning/model';
import { MASTER_RECORD_TYPE_ID, NAMED_LAYOUTS, describeField } from '../describe';
import { SalesforceError } from '../errors';
import type { ObjectSchema } from '../schema';
import { notFoundError, ok, type ApiRequest, type OrgRuntime, type Reply } from '../rest/context';
import { accessOf, objectNamed } from '../rest/sobjects';
import { LAYOUT_PREFIX, findAction, globalActions, objectActions, stableId, type ActionDef } from './catalog';
import { detailButtons, resolveColumns, section, type Json, type LayoutScope } from './sections';

/** Named layouts a scratch org defines, by object: the User object's alternate (mobile) layout. */

const AUDIT_FIELDS = new Set(['CreatedById', 'LastModifiedById', 'OwnerId']);

/** Throws unless the object has layouts (custom metadata types and share objects do not). */
export function checkLayoutable(obj: ObjectSchema): void {
  if (obj.readOnly || obj.model.shareOf) {
    throw new SalesforceError(400, 'INVALID_ARGUMENT_TYPE', 'Cannot get layout for non-layoutable entity');
  }
}

/** The object's layout model: the package's, else the system default. */
export function pageLayoutOf(org: OrgRuntime, obj: ObjectSchema): LayoutModel {
  return org.schema.model.layouts.find((l) => l.object === obj.name) ?? systemDefaultLayout(obj);
}

/** Standard fields that data enrichment fills in; a default page layout does not show them. */
const ENRICHMENT_FIELDS = new Set([
  'Jigsaw',
  'JigsawCompanyId',
  'JigsawContactId',
  'CleanStatus',
  'DandbCompanyId',
  'DunsNumber',
  'CompanyDunsNumber',
  'NaicsCode',
  'NaicsDesc',
  'Tradestyle',
  'YearStarted',
]);

function systemDefaultLayout(obj: ObjectSchema): LayoutModel {
  const item = (field: string, behavior: LayoutItemModel['behavior']): LayoutItemModel => ({
    field,
    behavior,
    emptySpace: false,
  });
  const fields = [...obj.fields.values()];
  const name = fields.find((f) => f.name === 'Name' && !f.model.systemManaged);
  // The fields people fill in: the name first, then every field the platform does not maintain. Address
  // parts show as their address, and the data enrichment fields (Data.com, D&B) stay off the page.
  const own = fields.filter(
    (f) =>
      !f.model.systemManaged &&
      f.name !== 'Id' &&
      f !== name &&
      !f.model.formula &&
      !f.model.compoundFieldName &&
      !ENRICHMENT_FIELDS.has(f.name),
  );
  const items = [...(name ? [name] : []), ...own].map((f) =>
    item(f.name, f.model.required && f.model.type !== 'Checkbox' ? 'Required' : 'Edit'),
  );
  const half = Math.ceil(items.length / 2);
  const sections: LayoutSectionModel[] = [
    {
      label: `${obj.model.label} Information`,
      customLabel: false,
      detailHeading: true,
      editHeading: true,
      style: 'TwoColumnsTopToBottom',
      columns: [items.slice(0, half), items.slice(half)],
    },
  ];
  const addresses = fields.filter((f) => f.model.type === 'Address').map((f) => item(f.name, 'Edit'));
  if (addresses.length > 0) {
    sections.push({
      label: 'Address Information',
      customLabel: false,
      detailHeading: true,
      editHeading: true,
      style: 'TwoColumnsTopToBottom',
      columns: [addresses.slice(0, 1), addresses.slice(1)],
    });
  }
  const audit = ['CreatedById', 'LastModifiedById'].filter((f) => obj.fields.has(f));
  if (audit.length > 0) {
    sections.push({
      label: 'System Information',
      customLabel: false,
      detailHeading: true,
      editHeading: false,
      style: 'TwoColumnsTopToBottom',
      columns: audit.map((f) => [item(f, 'Readonly')]),
    });
  }
  return {
    fullName: `${obj.name}-${obj.model.label} Layout`,
    object: obj.name,
    name: `${obj.model.label} Layout`,
    sections,
    // Every relationship of a child data object, except those through audit fields (every record has them).
    relatedLists: [...obj.children.values()]
      .filter((rel) => !AUDIT_FIELDS.has(rel.field))
      .map((rel) => ({ relatedList: `${rel.childObject}.${rel.field}`, fields: ['NAME'] })),
    platformActions: [],
    quickActions: [],
    sourcePath: '',
  };
}

/** A quick action list item (DescribeQuickActionListItemResult). */
export function quickActionListItem(req: ApiRequest, action: ActionDef): Json {
  return {
    accessLevelRequired: null,
    colors: [],
    iconUrl: null,
    icons: [],
    label: action.label,
    miniIconUrl: null,
    quickActionName: action.name,
    targetSobjectType: action.targetObject ?? null,
    type: action.type,
    urls: actionUrls(req, action),
  };
}

/** The urls of an action: under its object for an object-specific action, under /quickActions otherwise. */
export function actionUrls(req: ApiRequest, action: ActionDef): Record<string, string> {
  const base = `/services/data/v${req.ctx.apiVersion}`;
  const path = action.contextObject
    ? `${base}/sobjects/${action.contextObject}/quickActions/${action.name}`
    : `${base}/quickActions/${action.name}`;
  return {
    defaultValuesTemplate: `${path}/defaultValues/{ID}`,
    quickAction: path,
    describe: `${path}/describe`,
    defaultValues: `${path}/defaultValues`,
  };
}

/**
 * The layout's actions: its classic publisher list (`<quickActionList>`), else the quick actions of its
 * Lightning action bar (`<platformActionList>`), else (a layout that places none) the global actions.
 */
function layoutActions(org: OrgRuntime, obj: ObjectSchema, layout: LayoutModel): ActionDef[] {
  const available = objectActions(org.schema, obj.name);
  const names =
    layout.quickActions.length > 0
      ? layout.quickActions
      : layout.platformActions.filter((a) => a.actionType === 'QuickAction').map((a) => a.actionName);
  if (names.length === 0 && layout.sourcePath === '') return globalActions(org.schema);
  return names.map((n) => findAction(available, n)).filter((a): a is ActionDef => a !== undefined);
}

/** A related list (RelatedList): its child relationship, the columns the caller can read, its sort. */
function relatedList(org: OrgRuntime, scope: LayoutScope, spec: LayoutModel['relatedLists'][number]): Json | undefined {
  const [childName, fieldName] = spec.relatedList.split('.');
  const rel = [...scope.obj.children.values()].find(
    (r) =>
      r.childObject.toLowerCase() === childName?.toLowerCase() && r.field.toLowerCase() === fieldName?.toLowerCase(),
  );
  const child = rel ? org.schema.objects.get(rel.childObject) : undefined;
  const link = child?.fields.get(rel?.field ?? '');
  if (!rel || !child || !link || !scope.access.canReadObject(child) || !scope.access.canReadField(link))
    return undefined;
  const columns = spec.fields.flatMap((token) => {
    // Standard column tokens (`NAME`, `TASK.SUBJECT`) name a field after their last dot.
    const field = child.fieldsByLower.get(token.split('.').pop()?.toLowerCase() ?? '');
    if (!field || !scope.access.canReadField(field)) return [];
    const lookupName = [...child.parents.values()].find((p) => p.field === field)?.name;
    return [
      {
        field: `${child.name}.${field.name}`,
        fieldApiName: field.name,
        format: field.model.type === 'Date' ? 'date' : field.model.type === 'DateTime' ? 'datetime' : null,
        label: field.model.label,
        lookupId: lookupName ? `${lookupName}.Id` : field.name === 'Name' ? 'Id' : null,
        name: field.name,
        sortable: field.model.type !== 'LongTextArea',
      },
    ];
  });
  return {
    accessLevelRequiredForCreate: null,
    buttons: [],
    columns,
    custom: child.model.kind !== 'standard',
    field: rel.field,
    // A custom lookup's related list takes its relationship label (two lookups to one object differ by it).
    label: link.model.relationshipLabel ?? child.model.pluralLabel,
    limitRows: 5,
    name: rel.name,
    sobject: child.name,
    sort: spec.sortField ? [{ ascending: spec.sortOrder !== 'Desc', column: spec.sortField }] : [],
  };
}

/** One DescribeLayout for the caller. */
export function describeLayout(
  org: OrgRuntime,
  req: ApiRequest,
  obj: ObjectSchema,
  layout: LayoutModel,
  id: string,
): Json {
  const scope: LayoutScope = { obj, access: accessOf(org, req) };
  const sectionsFor = (mode: 'detail' | 'edit'): Json[] =>
    layout.sections.flatMap((s, i) => {
      if (s.style === 'CustomLinks') return [];
      const columns = resolveColumns(scope, s.columns);
      // A section whose fields the caller cannot read is left out; the layout says where headings show.
      if (!columns.some((c) => c.some((cell) => cell.field))) return [];
      const useHeading = mode === 'detail' ? s.detailHeading : s.editHeading;
      const options = {
        heading: s.label,
        useHeading,
        id: stableId('01B', `${layout.fullName}:${i}`),
        parentLayoutId: id,
        leftToRight: s.style === 'TwoColumnsLeftToRight',
      };
      return [section(scope, options, columns)];
    });
  return {
    buttonLayoutSection: { detailButtons: detailButtons(scope) },
    detailLayoutSections: sectionsFor('detail'),
    editLayoutSections: sectionsFor('edit'),
    feedView: null,
    highlightsPanelLayoutSection: null,
    id,
    multirowEditLayoutSections: [],
    offlineLinks: [],
    quickActionList: {
      quickActionListItems: layoutActions(org, obj, layout).map((a) => quickActionListItem(req, a)),
    },
    relatedContent: null,
    relatedLists: layout.relatedLists.map((r) => relatedList(org, scope, r)).filter((r): r is Json => r !== undefined),
    saveOptions: [],
  };
}

/** The master record type's mapping to the layout, with the picklist values of the fields the caller reads. */
function recordTypeMapping(org: OrgRuntime, req: ApiRequest, obj: ObjectSchema, layoutId: string): Json {
  const access = accessOf(org, req);
  const picklists = [...obj.fields.values()].filter((f) => f.model.picklist && access.canReadField(f));
  return {
    active: true,
    available: true,
    defaultRecordTypeMapping: true,
    developerName: 'Master',
    layoutId,
    master: true,
    name: 'Master',
    picklistsForRecordType: picklists.map((f) => ({
      picklistName: f.name,
      picklistValues: describeField(obj, f, access).picklistValues,
    })),
    recordTypeId: MASTER_RECORD_TYPE_ID,
    urls: {
      layout: `/services/data/v${req.ctx.apiVersion}/sobjects/${obj.name}/describe/layouts/${MASTER_RECORD_TYPE_ID}`,
    },
  };
}

/** The layout, its Id and the object a layout resource names (the global publisher layout excepted). */
function layoutFor(org: OrgRuntime, req: ApiRequest): { obj: ObjectSchema; layout: LayoutModel; id: string } {
  const obj = objectNamed(org, req.params[0], accessOf(org, req));
  checkLayoutable(obj);
  const layout = pageLayoutOf(org, obj);
  return { obj, layout, id: stableId(LAYOUT_PREFIX, layout.fullName) };
}

/** The global publisher layout: no fields, the global actions. */
function globalLayouts(org: OrgRuntime, req: ApiRequest): Reply {
  const id = stableId(LAYOUT_PREFIX, 'Global-Global Layout');
  const layout = {
    buttonLayoutSection: null,
    detailLayoutSections: [],
    editLayoutSections: [],
    feedView: null,
    highlightsPanelLayoutSection: null,
    id,
    multirowEditLayoutSections: [],
    offlineLinks: [],
    quickActionList: { quickActionListItems: globalActions(org.schema).map((a) => quickActionListItem(req, a)) },
    relatedContent: null,
    relatedLists: [],
    saveOptions: [],
  };
  return ok({ layouts: [layout], recordTypeMappings: [], recordTypeSelectorRequired: [false] });
}

/** `GET sobjects/{Type}/describe/layouts`. */
export function layouts(org: OrgRuntime, req: ApiRequest): Reply {
  if (req.params[0].toLowerCase() === 'global' && !org.schema.byLower.has('global')) return globalLayouts(org, req);
  const { obj, layout, id } = layoutFor(org, req);
  return ok({
    layouts: [describeLayout(org, req, obj, layout, id)],
    recordTypeMappings: [recordTypeMapping(org, req, obj, id)],
    recordTypeSelectorRequired: [false],
  });
}

/** `GET sobjects/{Type}/describe/layouts/{recordTypeId}`: the master record type is the only one. */
export function layoutForRecordType(org: OrgRuntime, req: ApiRequest): Reply {
  const { obj, layout, id } = layoutFor(org, req);
  const recordTypeId = req.params[1];
  if (recordTypeId !== MASTER_RECORD_TYPE_ID && recordTypeId !== MASTER_RECORD_TYPE_ID.slice(0, 15)) {
    throw notFoundError();
  }
  return ok(describeLayout(org, req, obj, layout, id));
}

/** `GET sobjects/{Type}/describe/namedLayouts/{name}`: User's UserAlt, laid out as the User layout. */
export function namedLayout(org: OrgRuntime, req: ApiRequest): Reply {
  const obj = objectNamed(org, req.params[0], accessOf(org, req));
  checkLayoutable(obj);
  const name = (NAMED_LAYOUTS[obj.name] ?? []).find((n) => n.toLowerCase() === req.params[1].toLowerCase());
  if (!name) throw notFoundError();
  const layout = pageLayoutOf(org, obj);
  const id = stableId(LAYOUT_PREFIX, `${obj.name}-${name}`);
  return ok({
    layouts: [describeLayout(org, req, obj, layout, id)],
    recordTypeMappings: [recordTypeMapping(org, req, obj, id)],
    recordTypeSelectorRequired: [false],
  });
}

/** `GET sobjects/{Type}/describe/approvalLayouts`: the package defines no approval processes. */
export function approvalLayouts(org: OrgRuntime, req: ApiRequest): Reply {
  const obj = objectNamed(org, req.params[0], accessOf(org, req));
  checkLayoutable(obj);
  return ok({ approvalLayouts: [] });
}
