/**
 * The local org's runtime schema, compiled from the force-app model: per object, its table,
 * its columns, and its parent and child relationships, all looked up case-insensitively as the API does.
 */
import type { FieldModel, ForceAppModel, ObjectModel } from '@partner-planning/model';

export type SqlAffinity = 'TEXT' | 'REAL' | 'INTEGER';

export interface FieldSchema {
  name: string;
  model: FieldModel;
  /** SQLite column name (the API name). */
  column: string;
  affinity: SqlAffinity;
  /** Lookups and master-detail: the object referenced. */
  referenceTo?: string;
}

export interface ParentRelationship {
  /** Relationship name as used in SOQL, e.g. `Owner`, `Partner_Account__r`. */
  name: string;
  field: FieldSchema;
  target: string;
}

export interface ChildRelationship {
  /** Child relationship name, e.g. `Plan_Sections__r`, `Opportunities`. */
  name: string;
  childObject: string;
  field: string;
  cascadeDelete: boolean;
}

export interface ObjectSchema {
  name: string;
  model: ObjectModel;
  table: string;
  keyPrefix: string;
  fields: Map<string, FieldSchema>;
  /** Lower-cased field name to field. */
  fieldsByLower: Map<string, FieldSchema>;
  /** Lower-cased relationship name to parent relationship. */
  parents: Map<string, ParentRelationship>;
  /** Lower-cased child relationship name to child relationship. */
  children: Map<string, ChildRelationship>;
  /** Custom metadata types are read-only through the API. */
  readOnly: boolean;
}

export interface OrgSchema {
  model: ForceAppModel;
  objects: Map<string, ObjectSchema>;
  byLower: Map<string, ObjectSchema>;
  byKeyPrefix: Map<string, ObjectSchema>;
}

export function affinityOf(field: FieldModel): SqlAffinity {
  switch (field.type) {
    case 'Number':
    case 'Currency':
    case 'Percent':
      return 'REAL';
    case 'Checkbox':
      return 'INTEGER';
    case 'Summary':
      // COUNT/SUM are numbers; MIN/MAX of a date or datetime would be TEXT, but this project sums numbers.
      return 'REAL';
    default:
      return 'TEXT';
  }
}

/** Standard child relationship names that Salesforce gives standard lookups. */
const STANDARD_CHILD_NAMES: Record<string, string> = {
  'Contact.AccountId': 'Contacts',
  'Opportunity.AccountId': 'Opportunities',
  'Account.ParentId': 'ChildAccounts',
  'User.ManagerId': 'ManagedUsers',
  'PermissionSetAssignment.AssigneeId': 'PermissionSetAssignments',
  'PermissionSetAssignment.PermissionSetId': 'Assignments',
};

function childRelationshipName(field: FieldModel, owner: ObjectModel): string | undefined {
  if (field.custom) return field.relationshipName ? `${field.relationshipName}__r` : undefined;
  if (owner.shareOf && field.apiName === 'ParentId') return 'Shares';
  return STANDARD_CHILD_NAMES[`${field.objectApiName}.${field.apiName}`];
}

export function compileSchema(model: ForceAppModel): OrgSchema {
  const objects = new Map<string, ObjectSchema>();
  for (const obj of model.objects.values()) {
    const fields = new Map<string, FieldSchema>();
    const fieldsByLower = new Map<string, FieldSchema>();
    for (const f of obj.fields.values()) {
      const fs: FieldSchema = {
        name: f.apiName,
        model: f,
        column: f.apiName,
        affinity: affinityOf(f),
        referenceTo: f.referenceTo?.[0],
      };
      fields.set(f.apiName, fs);
      fieldsByLower.set(f.apiName.toLowerCase(), fs);
    }
    objects.set(obj.apiName, {
      name: obj.apiName,
      model: obj,
      table: obj.apiName,
      keyPrefix: obj.keyPrefix,
      fields,
      fieldsByLower,
      parents: new Map(),
      children: new Map(),
      readOnly: obj.readOnly,
    });
  }
  for (const obj of objects.values()) {
    for (const f of obj.fields.values()) {
      if (!f.referenceTo) continue;
      const target = objects.get(f.referenceTo);
      if (!target) continue;
      // A custom lookup Foo__c is traversed as Foo__r; its <relationshipName> names the parent's child list.
      const relName = f.model.custom ? f.name.replace(/__c$/, '__r') : f.model.relationshipName;
      if (relName) obj.parents.set(relName.toLowerCase(), { name: relName, field: f, target: target.name });
      const childName = childRelationshipName(f.model, obj.model);
      if (childName) {
        target.children.set(childName.toLowerCase(), {
          name: childName,
          childObject: obj.name,
          field: f.name,
          cascadeDelete: f.model.type === 'MasterDetail',
        });
      }
    }
  }
  const byLower = new Map<string, ObjectSchema>();
  const byKeyPrefix = new Map<string, ObjectSchema>();
  for (const obj of objects.values()) {
    byLower.set(obj.name.toLowerCase(), obj);
    byKeyPrefix.set(obj.keyPrefix, obj);
  }
  return { model, objects, byLower, byKeyPrefix };
}

export function findObjectSchema(schema: OrgSchema, name: string): ObjectSchema | undefined {
  return schema.byLower.get(name.toLowerCase());
}

export function findFieldSchema(obj: ObjectSchema, name: string): FieldSchema | undefined {
  return obj.fieldsByLower.get(name.toLowerCase());
}
