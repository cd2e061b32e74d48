/**
 * The building blocks of the REST describe layouts (DescribeLayoutSection, DescribeLayoutRow,
 * DescribeLayoutItem with its Field components, DescribeLayoutButton), shared by page layouts, compact
 * layouts and quick action layouts. Field items carry the field's describe in `details`, as the API does;
 * fields the caller cannot read are left out (field-level security), and editability follows their access.
 */
import type { LayoutItemModel } from '@partner-planning/model';
import { describeField } from '../describe';
import type { FieldSchema, ObjectSchema } from '../schema';
import type { UserAccess } from '../security';

export type Json = Record<string, unknown>;

/** What every builder needs: the object laid out and the caller's access to it. */
export interface LayoutScope {
  obj: ObjectSchema;
  access: UserAccess;
}

/** A cell resolved against the schema: a readable field with its behaviour, or an empty space. */
export type Cell = { field: FieldSchema; behavior: NonNullable<LayoutItemModel['behavior']> } | { field?: undefined };

const systemField = (field: FieldSchema): boolean => field.model.systemManaged || field.name === 'Id';

/** The columns with each field resolved and the unreadable (or unknown) ones left out. */
export function resolveColumns(scope: LayoutScope, columns: LayoutItemModel[][]): Cell[][] {
  return columns.map((column) =>
    column.flatMap((item): Cell[] => {
      if (item.emptySpace || !item.field) return [{}];
      const field = scope.obj.fieldsByLower.get(item.field.toLowerCase());
      if (!field || !scope.access.canReadField(field)) return [];
      return [{ field, behavior: item.behavior ?? 'Edit' }];
    }),
  );
}

/** Standard lookups whose layout label is not their field label with " ID" dropped. */
const STANDARD_LOOKUP_LABELS: Record<string, string> = {
  AccountId: 'Account Name',
  ContactId: 'Contact Name',
  CreatedById: 'Created By',
  LastModifiedById: 'Last Modified By',
  CampaignId: 'Primary Campaign Source',
  Pricebook2Id: 'Price Book',
};

/**
 * The label a layout shows for a field: a custom field's own label; for a standard lookup the name of what it
 * points at, as page layouts show it ("Opportunity Owner", "Account Name", "Created By", "Parent Account").
 */
export function layoutLabel(obj: ObjectSchema, field: FieldSchema): string {
  const m = field.model;
  if (m.custom || (m.type !== 'Lookup' && m.type !== 'MasterDetail')) return m.label;
  if (field.name === 'OwnerId') return `${obj.model.label} Owner`;
  return STANDARD_LOOKUP_LABELS[field.name] ?? m.label.replace(/ ID$/, '');
}

/** A field's DescribeLayoutItem. */
export function fieldItem(scope: LayoutScope, cell: Cell, tabOrder: number): Json {
  if (!cell.field) {
    return {
      editableForNew: false,
      editableForUpdate: false,
      label: null,
      layoutComponents: [{ displayLines: 1, tabOrder, type: 'EmptySpace' }],
      placeholder: false,
      required: false,
    };
  }
  const { field, behavior } = cell;
  const perms = scope.access.object(scope.obj);
  const editable = behavior !== 'Readonly' && !systemField(field) && scope.access.canEditField(field);
  const lines = field.model.type === 'LongTextArea' || field.model.type === 'TextArea' ? 3 : 1;
  return {
    editableForNew: editable && perms.allowCreate,
    editableForUpdate: editable && perms.allowEdit && !field.model.createOnly && field.model.type !== 'MasterDetail',
    label: layoutLabel(scope.obj, field),
    layoutComponents: [
      {
        details: describeField(scope.obj, field, scope.access),
        displayLines: lines,
        tabOrder,
        type: 'Field',
        value: field.name,
      },
    ],
    placeholder: false,
    required:
      behavior === 'Required' || (field.model.required && field.model.type !== 'Checkbox' && !systemField(field)),
  };
}

/** A cell no column fills in a row: a placeholder, as the API pads short columns. */
const placeholderItem = (): Json => ({
  editableForNew: false,
  editableForUpdate: false,
  label: null,
  layoutComponents: [],
  placeholder: true,
  required: false,
});

/**
 * A DescribeLayoutSection from resolved columns: row i holds the i-th cell of every column. Tab order runs
 * down each column (`TopToBottom`) or across each row (`LeftToRight`).
 */
export function section(
  scope: LayoutScope,
  options: {
    heading: string | null;
    useHeading: boolean;
    id: string;
    parentLayoutId: string | null;
    leftToRight?: boolean;
  },
  columns: Cell[][],
): Json {
  const filled = columns.filter((c) => c.length > 0);
  const cols = Math.max(filled.length, 1);
  const rowCount = Math.max(0, ...filled.map((c) => c.length));
  const tabOrder = (row: number, col: number): number =>
    options.leftToRight ? row * cols + col + 1 : filled.slice(0, col).reduce((n, c) => n + c.length, 0) + row + 1;
  const layoutRows = [];
  for (let row = 0; row < rowCount; row++) {
    const layoutItems = filled.map((column, col) =>
      row < column.length ? fieldItem(scope, column[row], tabOrder(row, col)) : placeholderItem(),
    );
    layoutRows.push({ layoutItems, numItems: layoutItems.length });
  }
  return {
    collapsed: false,
    columns: cols,
    heading: options.heading,
    layoutRows,
    layoutSectionId: options.id,
    parentLayoutId: options.parentLayoutId,
    rows: layoutRows.length,
    tabOrder: options.leftToRight ? 'LeftToRight' : 'TopToBottom',
    useCollapsibleSection: false,
    useHeading: options.useHeading,
  };
}

/** A standard DescribeLayoutButton (Edit, Delete, Clone...). */
export const standardButton = (name: string, label: string): Json => ({
  behavior: null,
  colors: null,
  content: null,
  contentSource: null,
  custom: false,
  encoding: null,
  height: null,
  icons: null,
  label,
  menubar: false,
  name,
  overridden: false,
  resizeable: false,
  scrollbars: false,
  showsLocation: false,
  showsStatus: false,
  toolbar: false,
  url: null,
  width: null,
  windowPosition: null,
});

/** The detail page's standard buttons the caller may use. */
export function detailButtons(scope: LayoutScope): Json[] {
  const perms = scope.access.object(scope.obj);
  const buttons: Json[] = [];
  if (perms.allowEdit) buttons.push(standardButton('Edit', 'Edit'));
  if (perms.allowDelete) buttons.push(standardButton('Delete', 'Delete'));
  if (perms.allowCreate) buttons.push(standardButton('Clone', 'Clone'));
  return buttons;
}

/** The field that names a record: Name, else Subject (activities), else Id. */
export function nameFieldOf(obj: ObjectSchema): FieldSchema {
  return (obj.fields.get('Name') ?? obj.fields.get('Subject') ?? obj.fields.get('Id')) as FieldSchema;
}
