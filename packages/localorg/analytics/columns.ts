/**
 * A report type's columns as the report runner reads them. A report names a column `<table>$<field>`: the
 * table is the report type's base object or a join path (`Partner_Account_Plan__c.Plan_Sections__r`), the
 * field a field of that table's object, a lookup's relationship name (`Owner`) or a lookup path
 * (`Partner_Account__c.Partner_Tier__c`). Each column knows the SOQL paths that read its value and, for
 * lookups, the referenced record's name.
 */
import type { FieldModel, ReportTypeModel } from '@partner-planning/model';
import { SalesforceError } from '../errors';
import type { FieldSchema, ObjectSchema, OrgSchema } from '../schema';

/** One object of the report type's join chain. */
export interface ReportLevel {
  /** `Base`, `Base.Child__r`, `Base.Child__r.Grandchild__r`. */
  table: string;
  object: ObjectSchema;
  /** The field of this level's records that points at the level above (none for the base). */
  parentField?: string;
  /** Rows of the level above are kept without records of this level. */
  outerJoin: boolean;
}

export interface ReportColumn {
  /** `<table>$<field>`, the column's name in reports and the Analytics API. */
  name: string;
  level: number;
  label: string;
  /** The Analytics API's data type: string, picklist, currency, double, percent, int, date, datetime, boolean, id... */
  dataType: string;
  /** The field the value is read from (the last one of a lookup path). */
  field: FieldModel;
  /** Every field read on the way, for field-level security. */
  path: FieldSchema[];
  /** The SOQL path of the value from the level's object (`Partner_Account__r.Partner_Tier__c`). */
  valuePath: string;
  /** For a lookup, the SOQL path of the referenced record's name (`Owner.Name`). */
  labelPath?: string;
  /** The object the lookup's name is read from (its read access decides whether the name shows). */
  labelObject?: ObjectSchema;
  isLookup: boolean;
  /** `Object.Field` as the Analytics API's entityColumnName gives it. */
  entityColumnName: string;
}

export interface ResolvedReportType {
  type: ReportTypeModel;
  levels: ReportLevel[];
  columns: Map<string, ReportColumn>;
  /** Report type sections with their columns' names, for describe's reportTypeMetadata. */
  sections: { label: string; columns: string[] }[];
}

const typeError = (message: string): SalesforceError => new SalesforceError(400, 'BAD_REQUEST', message);

/** The Analytics API's data type of a field. */
export function reportDataType(field: FieldModel): string {
  switch (field.type) {
    case 'Id':
      return 'id';
    case 'Lookup':
    case 'MasterDetail':
      return 'reference';
    case 'Currency':
      return 'currency';
    case 'Percent':
      return 'percent';
    case 'Number':
      return field.scale === 0 && !field.formula ? 'int' : 'double';
    case 'Summary':
      return 'double';
    case 'Date':
      return 'date';
    case 'DateTime':
      return 'datetime';
    case 'Checkbox':
      return 'boolean';
    case 'Picklist':
      return 'picklist';
    case 'MultiselectPicklist':
      return 'multipicklist';
    case 'TextArea':
    case 'LongTextArea':
      return 'textarea';
    case 'Html':
      return 'html';
    case 'Email':
      return 'email';
    case 'Phone':
      return 'phone';
    case 'Url':
      return 'url';
    default:
      return 'string';
  }
}

/** The field a lookup's records are named by (`Name`, else the Id). */
function nameFieldOf(obj: ObjectSchema): string {
  return obj.fields.has('Name') ? 'Name' : 'Id';
}

/** `Owner ID` → `Owner`: a lookup's label without the Id suffix, as reports show it. */
const lookupLabel = (field: FieldModel): string => field.label.replace(/ ID$/, '');

function relationshipOf(
  schema: OrgSchema,
  obj: ObjectSchema,
  field: FieldSchema,
): { name: string; target: ObjectSchema } | undefined {
  for (const parent of obj.parents.values()) {
    const target = parent.field === field ? schema.objects.get(parent.target) : undefined;
    if (target) return { name: parent.name, target };
  }
  return undefined;
}

function resolveColumn(
  schema: OrgSchema,
  level: ReportLevel,
  index: number,
  fieldText: string,
): Omit<ReportColumn, 'name'> | undefined {
  const obj = level.object;
  const segments = fieldText.split('.');
  const path: FieldSchema[] = [];
  const labels: string[] = [];
  let current = obj;
  let soql = '';
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const last = i === segments.length - 1;
    let field = current.fieldsByLower.get(segment.toLowerCase());
    // A relationship name (`Owner`, `CreatedBy`) stands for its lookup field.
    const viaRelationship = !field ? current.parents.get(segment.toLowerCase()) : undefined;
    if (viaRelationship) field = viaRelationship.field;
    if (!field) return undefined;
    path.push(field);
    const relationship = field.referenceTo ? relationshipOf(schema, current, field) : undefined;
    if (!last) {
      if (!relationship) return undefined;
      labels.push(lookupLabel(field.model));
      soql += `${relationship.name}.`;
      current = relationship.target;
      continue;
    }
    const isLookup = relationship !== undefined;
    labels.push(isLookup ? lookupLabel(field.model) : field.model.label);
    return {
      level: index,
      label: labels.join(': '),
      dataType: isLookup ? 'string' : reportDataType(field.model),
      field: field.model,
      path,
      valuePath: soql + field.name,
      labelPath: relationship ? `${soql}${relationship.name}.${nameFieldOf(relationship.target)}` : undefined,
      labelObject: relationship?.target,
      isLookup,
      entityColumnName: `${current.name}.${field.name}`,
    };
  }
  return undefined;
}

/** The report type's join chain and columns; BAD_REQUEST when it names an object or relationship the org lacks. */
export function resolveReportType(schema: OrgSchema, type: ReportTypeModel): ResolvedReportType {
  const base = schema.objects.get(type.baseObject);
  if (!base) throw typeError(`The report type ${type.name}__c names an object that doesn't exist: ${type.baseObject}`);
  const levels: ReportLevel[] = [{ table: base.name, object: base, outerJoin: false }];
  for (let join = type.join; join; join = join.join) {
    const above = levels[levels.length - 1];
    const child = above.object.children.get(join.relationship.toLowerCase());
    const object = child ? schema.objects.get(child.childObject) : undefined;
    if (!child || !object) {
      throw typeError(`The report type ${type.name}__c joins a relationship that doesn't exist: ${join.relationship}`);
    }
    levels.push({
      table: `${above.table}.${child.name}`,
      object,
      parentField: child.field,
      outerJoin: join.outerJoin,
    });
  }
  const columns = new Map<string, ReportColumn>();
  const sections = type.sections.map((section) => {
    const names: string[] = [];
    for (const c of section.columns) {
      const index = levels.findIndex((l) => l.table === c.table);
      const resolved = index < 0 ? undefined : resolveColumn(schema, levels[index], index, c.field);
      if (!resolved) continue;
      const name = `${c.table}$${c.field}`;
      columns.set(name, { ...resolved, name, label: c.displayNameOverride ?? resolved.label });
      names.push(name);
    }
    return { label: section.masterLabel, columns: names };
  });
  return { type, levels, columns, sections };
}
