/**
 * The model of the package's user-interface metadata: page layouts, compact layouts, list views, quick
 * actions, Lightning pages, tabs and apps. The local org serves them through the describe, list view,
 * quick action and UI API resources; the local app draws its pages from them.
 */

/** One cell of a layout column: a field with its behaviour, or a blank space. */
export interface LayoutItemModel {
  field?: string;
  /** `Edit`, `Required` or `Readonly` (a blank space has none). */
  behavior?: 'Edit' | 'Required' | 'Readonly';
  emptySpace: boolean;
}

export interface LayoutSectionModel {
  label: string;
  customLabel: boolean;
  /** Shown on the detail page / on the edit page. */
  detailHeading: boolean;
  editHeading: boolean;
  /** `TwoColumnsTopToBottom`, `TwoColumnsLeftToRight`, `OneColumn` or `CustomLinks`. */
  style: string;
  columns: LayoutItemModel[][];
}

export interface LayoutRelatedListModel {
  /** `Child__c.Lookup__c` for a custom relationship, or a standard name such as `RelatedContactList`. */
  relatedList: string;
  /** Column names as the layout spells them (`NAME`, `Field__c`, standard column tokens). */
  fields: string[];
  sortField?: string;
  sortOrder?: 'Asc' | 'Desc';
}

/** An action placed on a layout's Lightning action bar (`<platformActionList>`). */
export interface LayoutPlatformActionModel {
  /** `QuickAction`, `StandardButton`, `CustomButton`, `ProductivityAction`... */
  actionType: string;
  /** `Opportunity.Log_APR_Action`, `Edit`, `Delete`... */
  actionName: string;
  sortOrder: number;
}

export interface LayoutModel {
  /** Full name `<Object>-<Layout Name>` as the file names it. */
  fullName: string;
  object: string;
  /** The part after the object: the layout's name as Setup shows it. */
  name: string;
  sections: LayoutSectionModel[];
  relatedLists: LayoutRelatedListModel[];
  /** `Record` context of the platform action list, in its sort order. */
  platformActions: LayoutPlatformActionModel[];
  /** Classic publisher actions (`<quickActionList>`): action names in order. */
  quickActions: string[];
  sourcePath: string;
}

export interface CompactLayoutModel {
  /** Developer name (`fullName`). */
  name: string;
  label: string;
  fields: string[];
  sourcePath: string;
}

/** A field a quick action sets before the user sees the form. */
export interface QuickActionFieldOverrideModel {
  field: string;
  formula?: string;
  literalValue?: string;
}

export interface QuickActionModel {
  /** `Object.Action` for an object-specific action, the bare name for a global one. */
  fullName: string;
  /** The object whose records the action runs on; undefined for a global action. */
  contextObject?: string;
  name: string;
  label: string;
  description?: string;
  /** `Create`, `Update`, `LogACall`, `LightningWebComponent`, `VisualforcePage`... */
  type: string;
  /** `ScreenAction` or `QuickAction` for a Lightning web component action. */
  actionSubtype?: string;
  targetObject?: string;
  /** The target object's field that points at the context record (create actions). */
  targetParentField?: string;
  lightningWebComponent?: string;
  /** Layout columns of the action's form: field names with their behaviour. */
  layoutColumns: LayoutItemModel[][];
  fieldOverrides: QuickActionFieldOverrideModel[];
  icon?: string;
  successMessage?: string;
  height?: number;
  width?: number;
  optionsCreateFeedItem: boolean;
  sourcePath: string;
}

export interface FlexiPageComponentModel {
  /** `force:highlightsPanel`, `aprActionLogger`... */
  componentName: string;
  properties: Record<string, string>;
}

export interface FlexiPageRegionModel {
  name: string;
  components: FlexiPageComponentModel[];
}

export interface FlexiPageModel {
  name: string;
  label: string;
  description?: string;
  /** `RecordPage`, `AppPage` or `HomePage`. */
  type: string;
  sobjectType?: string;
  template: string;
  regions: FlexiPageRegionModel[];
  sourcePath: string;
}

export interface TabModel {
  /** The tab's name: an object API name for an object tab, the developer name otherwise. */
  name: string;
  /** Object tabs take the object's plural label. */
  label?: string;
  customObject: boolean;
  flexiPage?: string;
  /** `Custom14: Hands`. */
  motif?: string;
  description?: string;
  sourcePath: string;
}

/** An app's assignment of a Lightning page to an object's record view (the org default for the app). */
export interface ActionOverrideModel {
  actionName: string;
  /** The Lightning page name. */
  content: string;
  formFactor: string;
  pageOrSobjectType: string;
  type: string;
  skipRecordTypeSelect: boolean;
  /** Only for profile overrides: the profile the page is assigned to. */
  profile?: string;
}

export interface ApplicationModel {
  name: string;
  label: string;
  description?: string;
  navType: string;
  uiType: string;
  formFactors: string[];
  headerColor?: string;
  /** Tab names in order (`standard-Account`, `Partner_Account_Plan__c`, `Coaching`). */
  tabs: string[];
  actionOverrides: ActionOverrideModel[];
  profileActionOverrides: ActionOverrideModel[];
  sourcePath: string;
}
