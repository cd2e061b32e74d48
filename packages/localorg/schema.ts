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
  /** Lookups and master-detail: the object referenced (the first one, for a polymorphic lookup). */
  referenceTo?: string;
  /** Every object the field may reference: more than one for a polymorphic lookup (Task.WhoId, WhatId). */
  referenceTargets: string[];
}

/**
 * A polymorphic parent (`Who`, `What`): its target depends on each row's Id, so it is not joined as one
 * object; filters and TYPEOF read the field's Id and its key prefix.
 */
export interface PolymorphicRelationship {
  name: string;
  field: FieldSchema;
  targets: string[];
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
  /** Lower-cased relationship name to polymorphic parent relationship (not in `parents`). */
  polymorphic: Map<string, PolymorphicRelationship>;
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
  'User.UserRoleId': 'Users',
  'GroupMember.GroupId': 'GroupMembers',
  'Opportunity.Pricebook2Id': 'Opportunities',
  'Opportunity.CampaignId': 'Opportunities',
  'Lead.PartnerAccountId': 'PartnerLeads',
  'Campaign.ParentId': 'ChildCampaigns',
  'CampaignMember.CampaignId': 'CampaignMembers',
  'CampaignMember.LeadId': 'CampaignMembers',
  'CampaignMember.ContactId': 'CampaignMembers',
  'Task.WhoId': 'Tasks',
  'Task.WhatId': 'Tasks',
  'Event.WhoId': 'Events',
  'Event.WhatId': 'Events',
  'PricebookEntry.Pricebook2Id': 'PricebookEntries',
  'PricebookEntry.Product2Id': 'PricebookEntries',
  'OpportunityLineItem.OpportunityId': 'OpportunityLineItems',
  'OpportunityLineItem.PricebookEntryId': 'OpportunityLineItems',
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
        referenceTargets: f.referenceTo ?? [],
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
      polymorphic: new Map(),
      readOnly: obj.readOnly,
    });
  }
  for (const obj of objects.values()) {
    for (const f of obj.fields.values()) {
      const targets = f.referenceTargets.flatMap((name) => objects.get(name) ?? []);
      if (targets.length === 0) continue;
      // A custom lookup Foo__c is traversed as Foo__r; its <relationshipName> names the parent's child list.
      const relName = f.model.custom ? f.name.replace(/__c$/, '__r') : f.model.relationshipName;
      if (relName && targets.length === 1) {
        obj.parents.set(relName.toLowerCase(), { name: relName, field: f, target: targets[0].name });
      } else if (relName) {
        obj.polymorphic.set(relName.toLowerCase(), { name: relName, field: f, targets: targets.map((t) => t.name) });
      }
      const childName = childRelationshipName(f.model, obj.model);
      if (!childName) continue;
      // Each object a polymorphic lookup may name lists the records that point at it (Lead.Tasks, Account.Tasks).
      for (const target of targets) {
        target.children.set(childName.toLowerCase(), {
          name: childName,
          childObject: obj.name,
          field: f.name,
          // Lookups that cascade (CampaignMember.LeadId) go with their parent as master-detail children do.
          cascadeDelete: f.model.type === 'MasterDetail' || f.model.deleteConstraint === 'Cascade',
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
