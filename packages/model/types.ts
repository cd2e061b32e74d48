/**
 * The typed model of the Salesforce metadata in force-app, plus the platform's standard objects
 * that the project uses. Every consumer (local org, scripts, generated types, tests) reads this.
 */

import type { ReportingModel } from './reports';
import type {
  ApplicationModel,
  CompactLayoutModel,
  FlexiPageModel,
  LayoutModel,
  QuickActionModel,
  TabModel,
} from './ui-types';

export type FieldType =
  | 'Id'
  | 'Text'
  | 'TextArea'
  | 'LongTextArea'
  | 'Html'
  | 'Number'
  | 'Currency'
  | 'Percent'
  | 'Date'
  | 'DateTime'
  | 'Checkbox'
  | 'Picklist'
  | 'MultiselectPicklist'
  | 'Email'
  | 'Phone'
  | 'Url'
  | 'Lookup'
  | 'MasterDetail'
  | 'Summary'
  | 'AutoNumber'
  /** A standard compound address (BillingAddress): read-only, computed from its component fields, not stored. */
  | 'Address';

export type SharingModel = 'Private' | 'Read' | 'ReadWrite' | 'ControlledByParent' | 'FullAccess' | 'Public';

export interface PicklistValue {
  value: string;
  label: string;
  isDefault: boolean;
}

export interface FilterItem {
  field: string;
  operation: string;
  value?: string;
  valueField?: string;
}

export interface RollupSummary {
  operation: 'count' | 'sum' | 'min' | 'max';
  /** Child object API name. */
  childObject: string;
  /** Master-detail field on the child that points at this object. */
  foreignKey: string;
  /** Child field aggregated (absent for count). */
  summarizedField?: string;
  filters: FilterItem[];
}

/** Opportunity stages carry closed/won semantics. */
export interface StageValue extends PicklistValue {
  probability: number;
  closed: boolean;
  won: boolean;
  forecastCategory: string;
}

export interface FieldModel {
  objectApiName: string;
  apiName: string;
  label: string;
  type: FieldType;
  custom: boolean;
  description?: string;
  inlineHelpText?: string;
  /** Required on every write (not nillable). */
  required: boolean;
  unique: boolean;
  externalId: boolean;
  caseSensitive: boolean;
  length?: number;
  precision?: number;
  scale?: number;
  visibleLines?: number;
  /** Default value as written in metadata (a formula expression such as `1` or `"Draft"`). */
  defaultValue?: string;
  defaultChecked?: boolean;
  picklist?: { restricted: boolean; values: PicklistValue[] };
  stages?: StageValue[];
  referenceTo?: string[];
  relationshipName?: string;
  relationshipLabel?: string;
  deleteConstraint?: 'SetNull' | 'Restrict' | 'Cascade';
  /**
   * A master-detail field's sharing setting: true ("Read Only") lets whoever reads the master create, edit and
   * delete the detail; false ("Read/Write", the default) needs edit access to the master.
   */
  writeRequiresMasterRead?: boolean;
  lookupFilter?: { active: boolean; optional: boolean; errorMessage?: string; filters: FilterItem[] };
  /** Formula text of a formula field; the field's type is the formula's result type. */
  formula?: string;
  /** How a formula field reads blank number fields (metadata default: BlankAsZero). */
  formulaTreatBlanksAs?: 'BlankAsZero' | 'BlankAsBlank';
  summary?: RollupSummary;
  autoNumberFormat?: string;
  /** Set by the platform, never by a client (audit fields, IsClosed, formulas, roll-ups, auto numbers). */
  systemManaged: boolean;
  /** Set when the record is created, never updated (PermissionSetAssignment's keys). */
  createOnly?: boolean;
  /** A compound field's parts: each key of its value and the component field that holds it (`city`: `BillingCity`). */
  compoundComponents?: Record<string, string>;
  /** The compound field this field is a component of (`BillingAddress` for `BillingCity`). */
  compoundFieldName?: string;
  /** Where the field was read from, for error messages; absent for platform standard fields. */
  sourcePath?: string;
}

export interface ValidationRuleModel {
  name: string;
  active: boolean;
  description?: string;
  formula: string;
  errorMessage: string;
  errorDisplayField?: string;
  sourcePath: string;
}

export interface ListViewModel {
  name: string;
  label: string;
  /** `Everything`, `Mine`, `Queue`, `Team`, `MyTerritory`... */
  filterScope: string;
  columns: string[];
  filters: FilterItem[];
  /** Filter logic over the numbered filters (`1 AND (2 OR 3)`); absent means all of them. */
  booleanFilter?: string;
  sourcePath: string;
}

export type ObjectKind = 'standard' | 'custom' | 'customMetadata';

export interface ObjectModel {
  apiName: string;
  label: string;
  pluralLabel: string;
  kind: ObjectKind;
  description?: string;
  sharingModel: SharingModel;
  /**
   * The organization-wide default for external users (partner users): `<externalSharingModel>`, else
   * Salesforce's default for the object (see security.ts); never more open than sharingModel.
   */
  externalSharingModel?: SharingModel;
  /** Three-character Id prefix. */
  keyPrefix: string;
  /** The Name field is an auto number (not createable). */
  nameIsAutoNumber: boolean;
  /** Records come from the platform or from metadata, never from API writes (Organization, custom metadata). */
  readOnly: boolean;
  fields: Map<string, FieldModel>;
  validationRules: ValidationRuleModel[];
  listViews: ListViewModel[];
  compactLayouts: CompactLayoutModel[];
  /** The compact layout the object's records show (`<compactLayoutAssignment>`); the system default when absent. */
  compactLayoutAssignment?: string;
  sourcePath?: string;
  /** Share objects (`Foo__Share`): the object whose records they share; the platform makes them, not force-app. */
  shareOf?: string;
  /** A custom object with `<enableActivities>`: tasks and events may relate to its records (WhatId). */
  enableActivities?: boolean;
}

export interface CustomMetadataRecord {
  /** Type API name, e.g. Plan_Metric__mdt. */
  type: string;
  developerName: string;
  label: string;
  protected: boolean;
  values: Record<string, string | number | boolean | null>;
  sourcePath: string;
}

export interface ObjectPermission {
  allowCreate: boolean;
  allowRead: boolean;
  allowEdit: boolean;
  allowDelete: boolean;
  viewAllRecords: boolean;
  modifyAllRecords: boolean;
}

export interface FieldPermission {
  readable: boolean;
  editable: boolean;
}

export interface PermissionSetModel {
  name: string;
  label: string;
  description?: string;
  /** Keyed by object API name. */
  objectPermissions: Map<string, ObjectPermission>;
  /** Keyed by `Object.Field`. */
  fieldPermissions: Map<string, FieldPermission>;
  /** System permissions the set enables (`<userPermissions>` names, e.g. `ManageDataIntegrations`). */
  userPermissions: Set<string>;
  tabs: string[];
  applications: string[];
  sourcePath: string;
}

/** A reference from a metadata file to a field, for integrity checks. */
export interface FieldReference {
  object: string;
  field: string;
  sourcePath: string;
}

/** A restriction rule (`restrictionRules/<Name>.rule-meta.xml`): what matching users may see of an object. */
export interface RestrictionRuleModel {
  /** The file's name, the rule's full name. */
  name: string;
  active: boolean;
  description?: string;
  /** `Restrict` (a restriction rule) or `Scoping` (a scoping rule, which changes no access). */
  enforcementType: string;
  masterLabel: string;
  /** The records the matching users may see, a SOQL-like condition (`Internal_Only__c = false`). */
  recordFilter: string;
  /** The object the rule restricts. */
  targetEntity: string;
  /** Which users the rule applies to (`$User.UserType = 'PowerPartner'`). */
  userCriteria: string;
  version: number;
  sourcePath: string;
}

/** The report types, report folders, reports, dashboard folders and dashboards come from reports.ts. */
export interface ForceAppModel extends ReportingModel {
  root: string;
  objects: Map<string, ObjectModel>;
  customMetadataRecords: CustomMetadataRecord[];
  permissionSets: Map<string, PermissionSetModel>;
  /** Field references made by layouts, quick actions, list views and compact metadata. */
  fieldReferences: FieldReference[];
  /** Custom label names. */
  labels: Map<string, { value: string; shortDescription?: string }>;
  /** Lightning web component bundle names. */
  components: string[];
  layouts: LayoutModel[];
  quickActions: QuickActionModel[];
  flexiPages: FlexiPageModel[];
  tabs: TabModel[];
  applications: ApplicationModel[];
  restrictionRules: RestrictionRuleModel[];
}
