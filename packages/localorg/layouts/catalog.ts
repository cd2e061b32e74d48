/**
 * The quick actions the local org knows: the standard global actions a scratch org has (those whose target
 * objects the local org has: Log a Call, New Task, New Event, New Contact, New Lead, New Opportunity) and the
 * package's own quick actions (force-app `quickActions/`), global or object-specific. Also the stable Ids the
 * describe resources give layouts, compact layouts and actions: derived from their names, so that they are
 * the same on every start and every machine.
 */
import { createHash } from 'node:crypto';
import type { LayoutItemModel, QuickActionFieldOverrideModel, QuickActionModel } from '@partner-planning/model';
import { makeId } from '../ids';
import type { OrgSchema } from '../schema';

/** A quick action as the resources serve it, whether standard or from the package. */
export interface ActionDef {
  /** `LogACall` for a global action, `Opportunity.Log_APR_Action` for an object-specific one. */
  name: string;
  /** The object whose records the action runs on (object-specific actions only). */
  contextObject?: string;
  label: string;
  /** `Create`, `Update`, `LogACall`, `LightningWebComponent`, `VisualforcePage`, `Flow`... */
  type: string;
  /** The object the action creates or updates; none for a component, page or flow action. */
  targetObject?: string;
  /** The target's fields that may point at the context record, the first that fits being set. */
  parentFields: string[];
  /** The form's columns (the action layout). */
  columns: LayoutItemModel[][];
  overrides: QuickActionFieldOverrideModel[];
  lightningWebComponent?: string;
  height?: number;
  width?: number;
  successMessage?: string;
  icon?: string;
  standard: boolean;
}

/** A deterministic 18-character Id with the key prefix, from a name (the same name gives the same Id). */
export function stableId(keyPrefix: string, name: string): string {
  const digest = createHash('sha1').update(`${keyPrefix}:${name}`).digest();
  // 6 bytes fit below 62^9, the largest counter makeId encodes.
  return makeId(keyPrefix, digest.readUIntBE(0, 6));
}

/** Key prefixes of the describe entities (Layout, CompactLayout, QuickActionDefinition, LightningComponentBundle). */
export const LAYOUT_PREFIX = '00h';
export const COMPACT_LAYOUT_PREFIX = '0AH';
export const QUICK_ACTION_PREFIX = '09D';
export const COMPONENT_BUNDLE_PREFIX = '0Rb';

const edit = (field: string, behavior: LayoutItemModel['behavior'] = 'Edit'): LayoutItemModel => ({
  field,
  behavior,
  emptySpace: false,
});

const ACTIVITY_PARENTS = ['WhoId', 'WhatId'];

/** The standard global actions, as a Developer Edition scratch org defines them. */
const STANDARD_GLOBAL: ActionDef[] = [
  {
    name: 'LogACall',
    label: 'Log a Call',
    type: 'LogACall',
    targetObject: 'Task',
    parentFields: ACTIVITY_PARENTS,
    columns: [[edit('Subject'), edit('Description'), edit('WhoId'), edit('WhatId')]],
    // A logged call is a task that is already done.
    overrides: [{ field: 'Status', literalValue: 'Completed' }],
    standard: true,
  },
  {
    name: 'NewTask',
    label: 'New Task',
    type: 'Create',
    targetObject: 'Task',
    parentFields: ACTIVITY_PARENTS,
    columns: [
      [edit('Subject', 'Required'), edit('ActivityDate'), edit('WhoId'), edit('WhatId')],
      [edit('OwnerId', 'Required'), edit('Status', 'Required'), edit('Priority')],
    ],
    overrides: [],
    standard: true,
  },
  {
    name: 'NewEvent',
    label: 'New Event',
    type: 'Create',
    targetObject: 'Event',
    parentFields: ACTIVITY_PARENTS,
    columns: [
      [edit('Subject', 'Required'), edit('StartDateTime', 'Required'), edit('EndDateTime', 'Required')],
      [edit('Location'), edit('WhoId'), edit('WhatId')],
    ],
    overrides: [],
    standard: true,
  },
  {
    name: 'NewContact',
    label: 'New Contact',
    type: 'Create',
    targetObject: 'Contact',
    parentFields: ['AccountId'],
    columns: [[edit('FirstName'), edit('LastName', 'Required'), edit('AccountId'), edit('Title'), edit('Email')]],
    overrides: [],
    standard: true,
  },
  {
    name: 'NewLead',
    label: 'New Lead',
    type: 'Create',
    targetObject: 'Lead',
    parentFields: [],
    columns: [[edit('FirstName'), edit('LastName', 'Required'), edit('Company', 'Required'), edit('Email')]],
    overrides: [],
    standard: true,
  },
  {
    name: 'NewOpportunity',
    label: 'New Opportunity',
    type: 'Create',
    targetObject: 'Opportunity',
    parentFields: ['AccountId'],
    columns: [
      [edit('Name', 'Required'), edit('AccountId'), edit('CloseDate', 'Required')],
      [edit('StageName', 'Required'), edit('Amount')],
    ],
    overrides: [],
    standard: true,
  },
];

function fromModel(model: QuickActionModel): ActionDef {
  // An update action changes the context record itself; a create action makes a target record.
  const targetObject = model.type === 'Update' ? model.contextObject : model.targetObject;
  return {
    name: model.fullName,
    contextObject: model.contextObject,
    label: model.label,
    type: model.type,
    targetObject:
      model.type === 'Create' || model.type === 'Update' || model.type === 'LogACall' ? targetObject : undefined,
    parentFields: model.targetParentField ? [model.targetParentField] : [],
    columns: model.layoutColumns,
    overrides: model.fieldOverrides,
    lightningWebComponent: model.lightningWebComponent,
    height: model.height,
    width: model.width,
    successMessage: model.successMessage,
    icon: model.icon,
    standard: false,
  };
}

const catalogs = new WeakMap<OrgSchema, ActionDef[]>();

/** Every action of the org: standard global ones whose target object exists, then the package's. */
export function allActions(schema: OrgSchema): ActionDef[] {
  let actions = catalogs.get(schema);
  if (!actions) {
    actions = [
      ...STANDARD_GLOBAL.filter((a) => a.targetObject !== undefined && schema.objects.has(a.targetObject)),
      ...schema.model.quickActions.map(fromModel),
    ];
    catalogs.set(schema, actions);
  }
  return actions;
}

/** The global actions (`/quickActions`). */
export const globalActions = (schema: OrgSchema): ActionDef[] =>
  allActions(schema).filter((a) => a.contextObject === undefined);

/** An object's actions (`sobjects/{Type}/quickActions`): its own, then the global ones, as the docs describe. */
export const objectActions = (schema: OrgSchema, objectName: string): ActionDef[] => [
  ...allActions(schema).filter((a) => a.contextObject === objectName),
  ...globalActions(schema),
];

/** An action by name among `actions`: the full name, or an object action's name without its object. */
export function findAction(actions: ActionDef[], name: string): ActionDef | undefined {
  const lower = name.toLowerCase();
  return (
    actions.find((a) => a.name.toLowerCase() === lower) ??
    actions.find(
      (a) => a.contextObject !== undefined && a.name.slice(a.contextObject.length + 1).toLowerCase() === lower,
    )
  );
}
