/**
 * Reads the package's user-interface metadata into the model: page layouts, compact layouts, quick actions,
 * Lightning pages, tabs and apps (list views are read with their object, in fields.ts).
 */
import { basename, join } from 'node:path';
import type {
  ActionOverrideModel,
  ApplicationModel,
  CompactLayoutModel,
  FlexiPageModel,
  LayoutItemModel,
  LayoutModel,
  QuickActionModel,
  TabModel,
} from './ui-types';
import { bool, element, list, listFiles, num, readMetadataXml, str, texts, type Xml } from './xml';

const behaviorOf = (v: unknown): LayoutItemModel['behavior'] => {
  const text = str(v);
  return text === 'Edit' || text === 'Required' || text === 'Readonly' ? text : undefined;
};

/** A layout item; page layouts name its behaviour `behavior`, quick action layouts `uiBehavior`. */
const layoutItem = (item: Xml): LayoutItemModel => ({
  field: str(item.field),
  behavior: str(item.field) ? (behaviorOf(item.behavior ?? item.uiBehavior) ?? 'Edit') : undefined,
  emptySpace: bool(item.emptySpace) || !str(item.field),
});

/** `layouts/<Object>-<Layout Name>.layout-meta.xml`. */
export function readLayout(path: string): LayoutModel {
  const x = readMetadataXml(path, 'Layout');
  const fullName = basename(path, '.layout-meta.xml');
  const dash = fullName.indexOf('-');
  const platformActions = list(element(x.platformActionList).platformActionListItems)
    .map((a) => ({
      actionType: str(a.actionType) ?? 'QuickAction',
      actionName: str(a.actionName) ?? '',
      sortOrder: num(a.sortOrder) ?? 0,
    }))
    .filter((a) => a.actionName !== '')
    .sort((a, b) => a.sortOrder - b.sortOrder);
  return {
    fullName,
    object: fullName.slice(0, dash),
    name: fullName.slice(dash + 1),
    sections: list(x.layoutSections).map((s) => ({
      label: str(s.label) ?? '',
      customLabel: bool(s.customLabel),
      detailHeading: s.detailHeading === undefined ? true : bool(s.detailHeading),
      editHeading: s.editHeading === undefined ? true : bool(s.editHeading),
      style: str(s.style) ?? 'TwoColumnsTopToBottom',
      columns: list(s.layoutColumns).map((c) => list(c.layoutItems).map(layoutItem)),
    })),
    relatedLists: list(x.relatedLists).map((r) => {
      const order = str(r.sortOrder);
      return {
        relatedList: str(r.relatedList) ?? '',
        fields: texts(r.fields),
        sortField: str(r.sortField),
        sortOrder: order === 'Asc' || order === 'Desc' ? order : undefined,
      };
    }),
    platformActions,
    quickActions: list(element(x.quickActionList).quickActionListItems)
      .map((q) => str(q.quickActionName) ?? '')
      .filter((name) => name !== ''),
    sourcePath: path,
  };
}

/** `objects/<Object>/compactLayouts/<Name>.compactLayout-meta.xml`. */
export function readCompactLayout(path: string): CompactLayoutModel {
  const x = readMetadataXml(path, 'CompactLayout');
  const name = str(x.fullName) ?? basename(path, '.compactLayout-meta.xml');
  return { name, label: str(x.label) ?? name, fields: texts(x.fields), sourcePath: path };
}

/** `quickActions/<Object>.<Name>.quickAction-meta.xml` or `quickActions/<Name>.quickAction-meta.xml` (global). */
export function readQuickAction(path: string): QuickActionModel {
  const x = readMetadataXml(path, 'QuickAction');
  const fullName = basename(path, '.quickAction-meta.xml');
  const dot = fullName.indexOf('.');
  const contextObject = dot > 0 ? fullName.slice(0, dot) : undefined;
  const layout = element(x.quickActionLayout);
  return {
    fullName,
    contextObject,
    name: dot > 0 ? fullName.slice(dot + 1) : fullName,
    label: str(x.label) ?? fullName,
    description: str(x.description),
    type: str(x.type) ?? 'Create',
    actionSubtype: str(x.actionSubtype),
    targetObject: str(x.targetObject),
    targetParentField: str(x.targetParentField),
    lightningWebComponent: str(x.lightningWebComponent),
    layoutColumns: list(layout.quickActionLayoutColumns).map((c) => list(c.quickActionLayoutItems).map(layoutItem)),
    fieldOverrides: list(x.fieldOverrides).map((o) => ({
      field: str(o.field) ?? '',
      formula: str(o.formula),
      literalValue: str(o.literalValue),
    })),
    icon: str(x.icon),
    successMessage: str(x.successMessage),
    height: num(x.height),
    width: num(x.width),
    optionsCreateFeedItem: bool(x.optionsCreateFeedItem),
    sourcePath: path,
  };
}

/** `flexipages/<Name>.flexipage-meta.xml`: regions and their components (item instances, or the older component instances). */
export function readFlexiPage(path: string): FlexiPageModel {
  const x = readMetadataXml(path, 'FlexiPage');
  const name = basename(path, '.flexipage-meta.xml');
  return {
    name,
    label: str(x.masterLabel) ?? name,
    description: str(x.description),
    type: str(x.type) ?? 'RecordPage',
    sobjectType: str(x.sobjectType),
    template: str(element(x.template).name) ?? '',
    regions: list(x.flexiPageRegions).map((r) => ({
      name: str(r.name) ?? '',
      components: [...list(r.itemInstances).map((i) => element(i.componentInstance)), ...list(r.componentInstances)]
        .filter((c) => str(c.componentName))
        .map((c) => ({
          componentName: str(c.componentName) ?? '',
          properties: Object.fromEntries(
            list(c.componentInstanceProperties).map((p) => [str(p.name) ?? '', str(p.value) ?? '']),
          ),
        })),
    })),
    sourcePath: path,
  };
}

/** `tabs/<Name>.tab-meta.xml`. */
export function readTab(path: string): TabModel {
  const x = readMetadataXml(path, 'CustomTab');
  return {
    name: basename(path, '.tab-meta.xml'),
    label: str(x.label),
    customObject: bool(x.customObject),
    flexiPage: str(x.flexiPage),
    motif: str(x.motif),
    description: str(x.description),
    sourcePath: path,
  };
}

const actionOverride = (o: Xml): ActionOverrideModel => ({
  actionName: str(o.actionName) ?? 'View',
  content: str(o.content) ?? '',
  formFactor: str(o.formFactor) ?? 'Large',
  pageOrSobjectType: str(o.pageOrSobjectType) ?? '',
  type: str(o.type) ?? 'Flexipage',
  skipRecordTypeSelect: bool(o.skipRecordTypeSelect),
  profile: str(o.profile),
});

/** `applications/<Name>.app-meta.xml`. */
export function readApplication(path: string): ApplicationModel {
  const x = readMetadataXml(path, 'CustomApplication');
  const name = basename(path, '.app-meta.xml');
  return {
    name,
    label: str(x.label) ?? name,
    description: str(x.description),
    navType: str(x.navType) ?? 'Standard',
    uiType: str(x.uiType) ?? 'Lightning',
    formFactors: texts(x.formFactors),
    headerColor: str(element(x.brand).headerColor),
    tabs: texts(x.tabs),
    actionOverrides: list(x.actionOverrides).map(actionOverride),
    profileActionOverrides: list(x.profileActionOverrides).map(actionOverride),
    sourcePath: path,
  };
}

/** Every layout, quick action, Lightning page, tab and app of a package directory, in file-name order. */
export function readUiMetadata(defaultDir: string): {
  layouts: LayoutModel[];
  quickActions: QuickActionModel[];
  flexiPages: FlexiPageModel[];
  tabs: TabModel[];
  applications: ApplicationModel[];
} {
  return {
    layouts: listFiles(join(defaultDir, 'layouts'), '.layout-meta.xml').map(readLayout),
    quickActions: listFiles(join(defaultDir, 'quickActions'), '.quickAction-meta.xml').map(readQuickAction),
    flexiPages: listFiles(join(defaultDir, 'flexipages'), '.flexipage-meta.xml').map(readFlexiPage),
    tabs: listFiles(join(defaultDir, 'tabs'), '.tab-meta.xml').map(readTab),
    applications: listFiles(join(defaultDir, 'applications'), '.app-meta.xml').map(readApplication),
  };
}
