/**
 * The data of a record page, read from the org as a Lightning record page reads it: the highlights panel
 * from the object's primary compact layout (`describe/compactLayouts/primary`: its fields in order, the
 * first being the title), the details panel from the page layout (`describe/layouts`: its sections, rows
 * and fields, those the user cannot read already left out by the org), the related lists the layout names,
 * and the quick actions of the layout's action list. Values come from one SOQL query of the record (and one
 * per related list). Pure of the browser: the caller gives the function that GETs a data API path, so that
 * node tests drive it against the local org.
 */
import { scaledNumber, scaledPercent } from '../../../../platform/numbers';

/** GETs a path under `/services/data/vXX.X` (e.g. `/sobjects/Account/describe/layouts`) and parses the JSON. */
export type DataGet = <T>(path: string) => Promise<T>;

interface FieldDetails {
  name: string;
  type: string;
  label: string;
  relationshipName: string | null;
  referenceTo: string[];
  /** Decimal places of a number, percent or currency field (0 for other types). */
  scale?: number;
}
interface LayoutItem {
  label: string | null;
  layoutComponents: { type: string; value?: string; details?: FieldDetails }[];
}
interface LayoutSection {
  heading: string | null;
  useHeading: boolean;
  columns: number;
  layoutRows: { layoutItems: LayoutItem[] }[];
}
interface RelatedListDescribe {
  name: string;
  label: string;
  sobject: string;
  field: string;
  limitRows: number;
  columns: { fieldApiName: string; label: string; lookupId: string | null; format: string | null }[];
  sort: { ascending: boolean; column: string }[];
}
interface QuickActionItem {
  quickActionName: string;
  label: string;
  type: string;
}
interface LayoutDescribe {
  detailLayoutSections: LayoutSection[];
  relatedLists: RelatedListDescribe[];
  quickActionList: { quickActionListItems: QuickActionItem[] } | null;
}
interface CompactLayoutDescribe {
  fieldItems: LayoutItem[];
}

/** A field shown on the page: where its value is read in the SOQL record, and how to format it. */
export interface FieldView {
  name: string;
  label: string;
  type: string;
  /** SOQL path of the shown value: the field, or the parent's name for a lookup (`Owner.Name`). */
  path: string;
  /** A lookup's parent: the field holding its id and its object, so the page can link to it. */
  parent?: { idPath: string; objectName: string };
  /** A number or percent field's decimal places (its metadata scale), which the page shows. */
  scale?: number;
}

export interface SectionView {
  key: string;
  heading: string;
  useHeading: boolean;
  /** Rows of cells; a cell without a field is a blank space. */
  rows: { key: string; cells: { key: string; field?: FieldView }[] }[];
}

export interface RelatedListView {
  name: string;
  label: string;
  sobject: string;
  field: string;
  limitRows: number;
  columns: FieldView[];
  orderBy: string;
}

/** A quick action the page offers, with the Lightning web component it opens. */
export interface ActionView {
  name: string;
  label: string;
  component: string;
}

export interface RecordLayoutView {
  highlights: FieldView[];
  sections: SectionView[];
  relatedLists: RelatedListView[];
  actions: ActionView[];
}

/** Describe types whose values a record page shows in their field's scale. */
const NUMBER_TYPES = new Set(['double', 'int', 'percent']);

function fieldView(details: FieldDetails): FieldView {
  const isLookup = details.type === 'reference' && details.relationshipName !== null;
  const view: FieldView = {
    name: details.name,
    label: details.label,
    type: details.type,
    path: isLookup ? `${details.relationshipName}.Name` : details.name,
  };
  if (details.scale !== undefined && NUMBER_TYPES.has(details.type)) view.scale = details.scale;
  // A lookup to one object links to its parent (a polymorphic one, such as an owner, stays text).
  if (isLookup && details.referenceTo.length === 1)
    view.parent = { idPath: details.name, objectName: details.referenceTo[0] };
  return view;
}

const fieldOf = (item: LayoutItem): FieldView | undefined => {
  const component = item.layoutComponents.find((c) => c.type === 'Field' && c.details);
  return component?.details
    ? { ...fieldView(component.details), label: item.label ?? component.details.label }
    : undefined;
};

/** The sections of a page layout, as rows of cells. */
export function sectionViews(sections: LayoutSection[]): SectionView[] {
  return sections.map((section, s) => ({
    key: `section-${s}`,
    heading: section.heading ?? '',
    useHeading: section.useHeading,
    rows: section.layoutRows.map((row, r) => ({
      key: `row-${s}-${r}`,
      cells: row.layoutItems.map((item, c) => ({ key: `cell-${s}-${r}-${c}`, field: fieldOf(item) })),
    })),
  }));
}

function relatedListView(list: RelatedListDescribe): RelatedListView {
  const columns = list.columns.map((column) => {
    // A lookup column names its parent by `lookupId` (`Owner.Id`): show the parent's name.
    const parent = column.lookupId && column.lookupId !== 'Id' ? column.lookupId.replace(/\.Id$/, '') : undefined;
    return {
      name: column.fieldApiName,
      label: column.label,
      // The column's format says how to show dates and datetimes; the rest show as text.
      type: parent ? 'reference' : (column.format ?? 'string'),
      path: parent ? `${parent}.Name` : column.fieldApiName,
    };
  });
  const sort = list.sort[0];
  return {
    name: list.name,
    label: list.label,
    sobject: list.sobject,
    field: list.field,
    limitRows: list.limitRows,
    columns,
    orderBy: sort ? `${sort.column} ${sort.ascending ? 'ASC' : 'DESC'}` : 'CreatedDate DESC',
  };
}

/**
 * The quick actions the page offers: the Lightning web component actions of the layout's action list whose
 * component the page can open; when the layout lists none, the object's own component actions whose
 * component the Lightning page places (`pageComponents`), as Lightning shows an action the page uses.
 */
async function actionViews(
  get: DataGet,
  objectName: string,
  layout: LayoutDescribe,
  pageComponents: string[],
  available: string[],
): Promise<ActionView[]> {
  const componentOf = async (path: string): Promise<string | undefined> => {
    const described = await get<{ lightningWebComponentQualifiedName: string | null }>(path);
    return described.lightningWebComponentQualifiedName?.replace(/^c:/, '') ?? undefined;
  };
  const listed = (layout.quickActionList?.quickActionListItems ?? []).filter((a) => a.type === 'LightningWebComponent');
  const candidates =
    listed.length > 0
      ? listed.map((a) => ({ name: a.quickActionName, label: a.label }))
      : (await get<{ name: string; label: string; type: string }[]>(`/sobjects/${objectName}/quickActions`)).filter(
          (a) => a.type === 'LightningWebComponent' && a.name.startsWith(`${objectName}.`),
        );
  const views: ActionView[] = [];
  for (const candidate of candidates) {
    const component = await componentOf(`/sobjects/${objectName}/quickActions/${candidate.name}/describe`);
    const onPage = listed.length > 0 || (component !== undefined && pageComponents.includes(component));
    if (component && onPage && available.includes(component))
      views.push({ name: candidate.name, label: candidate.label, component });
  }
  return views;
}

/** Reads the object's layouts from the org and shapes them for the page. */
export async function loadRecordLayout(
  get: DataGet,
  objectName: string,
  pageComponents: string[],
  availableComponents: string[],
): Promise<RecordLayoutView> {
  const [compact, layouts] = await Promise.all([
    get<CompactLayoutDescribe>(`/sobjects/${objectName}/describe/compactLayouts/primary`),
    get<{ layouts: LayoutDescribe[] }>(`/sobjects/${objectName}/describe/layouts`),
  ]);
  const layout = layouts.layouts[0];
  return {
    highlights: compact.fieldItems.map(fieldOf).filter((f): f is FieldView => f !== undefined),
    sections: sectionViews(layout.detailLayoutSections),
    relatedLists: layout.relatedLists.map(relatedListView),
    actions: await actionViews(get, objectName, layout, pageComponents, availableComponents),
  };
}

export type SoqlRecord = Record<string, unknown>;

const soqlString = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The SOQL that reads every field the page shows of one record. */
export function recordQuery(objectName: string, recordId: string, view: RecordLayoutView): string {
  const paths = new Set(['Id']);
  const add = (field: FieldView): void => {
    paths.add(field.path);
    if (field.parent) paths.add(field.parent.idPath);
  };
  view.highlights.forEach(add);
  for (const section of view.sections)
    for (const row of section.rows) for (const cell of row.cells) if (cell.field) add(cell.field);
  // FOR VIEW: opening a record page makes it one of the user's recent items, as a Lightning record page does.
  return `SELECT ${[...paths].join(', ')} FROM ${objectName} WHERE Id = ${soqlString(recordId)} FOR VIEW`;
}

/** The SOQL of a related list's first rows. */
export function relatedListQuery(list: RelatedListView, recordId: string): string {
  const paths = new Set(['Id', ...list.columns.map((c) => c.path)]);
  return `SELECT ${[...paths].join(', ')} FROM ${list.sobject} WHERE ${list.field} = ${soqlString(recordId)} ORDER BY ${list.orderBy} LIMIT ${list.limitRows}`;
}

/** A value at a SOQL path of a record (`Owner.Name`), or null. */
export function valueAt(record: SoqlRecord, path: string): unknown {
  let current: unknown = record;
  for (const name of path.split('.')) {
    if (!current || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[name];
  }
  return current ?? null;
}

/**
 * A value as the page shows it, by the field's describe type; numbers and percents in the field's scale (its
 * decimal places), as a Lightning record page shows them.
 */
export function formatValue(value: unknown, type: string, scale?: number): string {
  if (value === null || value === undefined || value === '') return '';
  if (type === 'date')
    return new Date(`${String(value).slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC' });
  if (type === 'datetime') return new Date(String(value)).toLocaleString('en-US', { timeZone: 'UTC' });
  if (type === 'currency')
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(
      Number(value),
    );
  if (type === 'percent') return scaledPercent(Number(value), scale);
  if ((type === 'double' || type === 'int') && typeof value === 'number') return scaledNumber(value, scale);
  if (type === 'boolean') return value === true ? 'Yes' : 'No';
  if (type === 'address' && typeof value === 'object') return addressText(value as Record<string, unknown>);
  return String(value);
}

/** A compound address on one line, as a record page shows it: street, city, state and postal code, country. */
function addressText(address: Record<string, unknown>): string {
  const part = (key: string): string => (typeof address[key] === 'string' ? (address[key] as string) : '');
  const region = [part('state'), part('postalCode')].filter(Boolean).join(' ');
  return [part('street').replace(/\s*\n\s*/g, ', '), part('city'), region, part('country')].filter(Boolean).join(', ');
}
