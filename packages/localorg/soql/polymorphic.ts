/**
 * Polymorphic relationship paths (`What.Name`, `Who.Type`, `What.Type = 'Opportunity'`): Salesforce resolves a
 * polymorphic parent to the `Name` object, a fixed set of fields filled from whichever object the row's Id
 * names (see "Understanding Relationship Fields and Polymorphic Fields" and the Name object's reference).
 * Any other field is INVALID_FIELD "No such column ... on entity 'Name'".
 *
 * Each type the reference may point to is LEFT JOINed on its own (an Id lookup, with the user's sharing in the
 * join, as for any parent); a Name field is the value of the join that matched. A parent the user cannot see,
 * or of an object they cannot read, matches no join and comes back as null. FLS of the type's own field
 * applies: an unreadable source field gives null for that type.
 */
import type { FieldModel, FieldType } from '@partner-planning/model';
import { findFieldSchema, type FieldSchema, type ObjectSchema, type PolymorphicRelationship } from '../schema';
import { quoteIdent } from '../sql';
import { noSuchColumn } from './errors';
import { kindOf } from './fields';
import type { FieldRef, Scope } from './scope';

/** The object name a polymorphic parent has in query results (`attributes.type`) and in messages. */
export const NAME_OBJECT = 'Name';

interface NameField {
  name: string;
  type: FieldType;
  /** The types whose records fill the field (the Name reference's "contains a value only if..."); all if absent. */
  only?: string[];
  /** The field of the related record that fills it, when its name differs. */
  source?: string;
}

const PERSON = ['User', 'Contact', 'Lead'];
const USER = ['User'];

/** The Name object's fields (Object Reference: Name). */
const NAME_FIELDS: NameField[] = [
  { name: 'Id', type: 'Id' },
  { name: 'Name', type: 'Text' },
  { name: 'Type', type: 'Picklist' },
  { name: 'Alias', type: 'Text', only: USER },
  { name: 'Email', type: 'Email', only: ['User', 'Group'] },
  { name: 'FirstName', type: 'Text', only: PERSON },
  { name: 'LastName', type: 'Text', only: PERSON },
  { name: 'Title', type: 'Text', only: PERSON },
  { name: 'IsActive', type: 'Checkbox', only: USER },
  { name: 'Phone', type: 'Phone', only: USER },
  { name: 'Username', type: 'Text', only: USER },
  { name: 'ProfileId', type: 'Lookup', only: USER },
  { name: 'UserRoleId', type: 'Lookup', only: USER },
  { name: 'RecordTypeId', type: 'Lookup' },
  { name: 'NameOrAlias', type: 'Text', source: 'Name' },
  { name: 'LastReferencedDate', type: 'DateTime' },
  { name: 'LastViewedDate', type: 'DateTime' },
];

function nameFieldSchema(spec: NameField): FieldSchema {
  const model: FieldModel = {
    objectApiName: NAME_OBJECT,
    apiName: spec.name,
    label: spec.name,
    type: spec.type,
    custom: false,
    required: false,
    unique: false,
    externalId: false,
    caseSensitive: false,
    systemManaged: true,
  };
  return { name: spec.name, model, column: spec.name, affinity: 'TEXT', referenceTargets: [] };
}

const BY_LOWER = new Map(NAME_FIELDS.map((spec) => [spec.name.toLowerCase(), { spec, schema: nameFieldSchema(spec) }]));

/** Where a polymorphic segment sits in a field path: the relationship, the record it starts from, the path so far. */
export interface PolymorphicStep {
  poly: PolymorphicRelationship;
  /** Table alias of the record holding the reference. */
  fromAlias: string;
  /** Lower-cased path before the relationship (`` at the query's object). */
  keyPrefix: string;
  rels: FieldRef['rels'];
  /** The Name field asked for and the path as written, for errors. */
  name: string;
  text: string;
}

/** `CASE WHEN join1 matched THEN v1 WHEN join2 matched THEN v2 END` over the joins that give a value. */
function firstMatch(values: { alias: string; sql: string | undefined }[]): string {
  const whens = values.flatMap((v) => (v.sql === undefined ? [] : [`WHEN ${v.alias}."Id" IS NOT NULL THEN ${v.sql}`]));
  return whens.length > 0 ? `CASE ${whens.join(' ')} END` : 'NULL';
}

/** A Name field reached through a polymorphic relationship, joining each type the reference may name. */
export function polymorphicField(scope: Scope, step: PolymorphicStep): FieldRef {
  const { env } = scope;
  const found = BY_LOWER.get(step.name.toLowerCase());
  if (!found) throw noSuchColumn(env.text, step.name, NAME_OBJECT, step.text);
  const { spec, schema: field } = found;
  const types = step.poly.targets.flatMap((name) => {
    const obj = env.schema.objects.get(name);
    return env.readable(obj) ? [obj] : [];
  });
  const joins = types.map((target) => ({
    target,
    alias: scope.typedJoin(step.poly, target, step.fromAlias, step.keyPrefix),
  }));
  const valueOf = (target: ObjectSchema, alias: string): string | undefined => {
    if (spec.name === 'Type') return env.param(target.name);
    if (spec.only && !spec.only.includes(target.name)) return undefined;
    const source = findFieldSchema(target, spec.source ?? spec.name);
    if (!source || !env.readableField(source)) return undefined;
    return source.model.formula === undefined
      ? `${alias}.${quoteIdent(source.column)}`
      : scope.relatedFormula(target, alias, source);
  };
  const poly = {
    idSql: firstMatch(joins.map((j) => ({ alias: j.alias, sql: `${j.alias}."Id"` }))),
    typeSql: firstMatch(joins.map((j) => ({ alias: j.alias, sql: env.param(j.target.name) }))),
  };
  const rel = { name: step.poly.name, field: step.poly.field, target: NAME_OBJECT };
  const value = firstMatch(joins.map((j) => ({ alias: j.alias, sql: valueOf(j.target, j.alias) })));
  const kind = kindOf(field);
  return {
    field,
    kind,
    // A CASE loses its columns' collation: strings compare case-insensitively, as SOQL does (storage.ts).
    sql: kind === 'string' || kind === 'id' ? `(${value}) COLLATE NOCASE` : value,
    // The Name record has no table of its own: its Id and type are computed (see plan.ts parentShape).
    rels: [...step.rels, { rel, alias: joins[0]?.alias ?? step.fromAlias, poly }],
    key: `${step.keyPrefix}${step.poly.name.toLowerCase()}.${field.name.toLowerCase()}`,
  };
}
