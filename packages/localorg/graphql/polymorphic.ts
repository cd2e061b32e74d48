/**
 * A polymorphic parent in a UI API GraphQL query (`Task.What`, `Task.Who`): as the GraphQL API documents, its
 * type is a union of the objects it may reference, named `<Object>_<Relationship>` (`Task_What`), so its fields
 * are selected per type with inline fragments (`What { __typename ... on Opportunity { Name { value } } }`) or
 * named fragments on those types; a field selected on the union itself is undefined there. It runs as SOQL
 * `TYPEOF What WHEN Opportunity THEN Id, Name ... END`, so sharing and FLS apply as to any parent: a related
 * record the caller cannot see is null. A fragment's fields are the type's own fields (Id and value fields);
 * filtering or ordering by a polymorphic parent is refused as not supported by the local org.
 */
import { Kind, type FieldNode, type SelectionSetNode } from 'graphql';
import { fieldUndefined, GraphQLRequestError } from './errors';
import type { Fragments } from './fragments';
import type { FieldDescribe, Schema } from './query';

/** The fields selected on one type of the union. */
export interface PolymorphicVariant<S> {
  type: string;
  selected: S[];
}

export interface PolymorphicSelection<S> {
  kind: 'polymorphic';
  alias: string;
  /** Relationship name (`What`) and its reference field (`WhatId`). */
  name: string;
  fieldName: string;
  /** Aliases under which `__typename` is asked. */
  typenames: string[];
  variants: PolymorphicVariant<S>[];
  /** The types the caller can read, for `__typename` of records no fragment selects. */
  readableTypes: string[];
}

/** Selects the fields of a record of `objectName` from a selection set (query.ts `selections`). */
export type SelectFields<S> = (objectName: string, node: FieldNode, path: string[]) => S[];

/** The reference field whose relationship `relationship` is polymorphic, or undefined. */
export function polymorphicField(
  schema: Schema,
  objectName: string,
  relationship: string,
  node: FieldNode,
  path: string[],
): FieldDescribe | undefined {
  const describe = schema.describe(objectName, node, path);
  const field = describe.fields.find((f) => f.relationshipName?.toLowerCase() === relationship.toLowerCase());
  return field && field.referenceTo.length > 1 ? field : undefined;
}

/** Filters and orderings through a polymorphic parent are refused, clearly, rather than misread. */
export function refusePolymorphic(
  schema: Schema,
  objectName: string,
  key: string,
  node: FieldNode,
  path: string[],
  what: string,
): void {
  if (polymorphicField(schema, objectName, key, node, path)) {
    throw new GraphQLRequestError(
      `${what} by the polymorphic relationship ${objectName}.${key} is not supported by the local org: filter or order by its Id field, or query each related object`,
      node,
    );
  }
}

/** The selection of a polymorphic parent: `__typename` and one variant per type its fragments name. */
export function polymorphicSelection<S extends { kind: string }>(
  schema: Schema,
  objectName: string,
  f: FieldNode,
  field: FieldDescribe,
  fragments: Fragments,
  path: string[],
  select: SelectFields<S>,
): PolymorphicSelection<S> {
  const name = field.relationshipName ?? f.name.value;
  const union = `${objectName}_${name}`;
  const here = [...path, f.name.value];
  const out: PolymorphicSelection<S> = {
    kind: 'polymorphic',
    alias: f.alias?.value ?? f.name.value,
    name,
    fieldName: field.name,
    typenames: [],
    variants: [],
    readableTypes: field.referenceTo.filter((type) => readable(schema, type, f, here)),
  };
  const addVariant = (type: string, selectionSet: SelectionSetNode): void => {
    if (!field.referenceTo.includes(type)) {
      throw new GraphQLRequestError(
        `Fragment cannot be spread here as objects of type "${union}" can never be of type "${type}".`,
        selectionSet,
      );
    }
    const node: FieldNode = { kind: Kind.FIELD, name: f.name, selectionSet, loc: selectionSet.loc };
    const selected = select(type, node, here);
    const nested = selected.find((s) => s.kind !== 'id' && s.kind !== 'value');
    if (nested) {
      throw new GraphQLRequestError(
        `A fragment on ${type} under the polymorphic relationship ${name} selects a relationship: the local org reads the type's own fields there (TYPEOF)`,
        selectionSet,
      );
    }
    const same = out.variants.find((v) => v.type === type);
    if (same) same.selected.push(...selected);
    else out.variants.push({ type, selected });
  };
  const walk = (selectionSet: SelectionSetNode): void => {
    for (const s of selectionSet.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value !== '__typename') throw fieldUndefined(s.name.value, union, s, here);
        out.typenames.push(s.alias?.value ?? '__typename');
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (s.typeCondition) addVariant(s.typeCondition.name.value, s.selectionSet);
        else walk(s.selectionSet);
      } else {
        const fragment = fragments.get(s.name.value);
        if (!fragment) throw new GraphQLRequestError(`Unknown fragment "${s.name.value}".`, s);
        if (fragment.typeCondition.name.value === union) walk(fragment.selectionSet);
        else addVariant(fragment.typeCondition.name.value, fragment.selectionSet);
      }
    }
  };
  if (f.selectionSet) walk(f.selectionSet);
  return out;
}

/** The caller may read the type (it is in their schema). */
function readable(schema: Schema, type: string, node: FieldNode, path: string[]): boolean {
  try {
    schema.describe(type, node, path);
    return true;
  } catch (error) {
    if (error instanceof GraphQLRequestError) return false;
    throw error;
  }
}

/** The SOQL TYPEOF reading the selection; `fieldsOf` gives a variant's field names. */
export function polymorphicSoql<S>(s: PolymorphicSelection<S>, fieldsOf: (selected: S[]) => string[]): string {
  const whens = s.variants.map(
    (v) => `WHEN ${v.type} THEN ${[...new Set(['Id', ...fieldsOf(v.selected)])].join(', ')}`,
  );
  const others = s.readableTypes.filter((type) => !s.variants.some((v) => v.type === type));
  // Records of the other types are still read for __typename.
  if (whens.length === 0 && others.length > 0) whens.push(`WHEN ${others.shift()} THEN Id`);
  if (whens.length === 0) return s.fieldName;
  return `TYPEOF ${s.name} ${whens.join(' ')}${others.length > 0 ? ' ELSE Id' : ''} END`;
}

/** The node of the related record (its variant's fields, `__typename`), or null. */
export function polymorphicNode<S>(
  record: Record<string, unknown>,
  s: PolymorphicSelection<S>,
  toNode: (record: Record<string, unknown>, selected: S[]) => Record<string, unknown>,
): Record<string, unknown> | null {
  const parent = record[s.name];
  if (typeof parent !== 'object' || parent === null) return null;
  const related = parent as Record<string, unknown>;
  const type = (related.attributes as { type?: string } | undefined)?.type ?? '';
  const variant = s.variants.find((v) => v.type === type);
  const node = variant ? toNode(related, variant.selected) : {};
  for (const alias of s.typenames) node[alias] = type;
  return node;
}
