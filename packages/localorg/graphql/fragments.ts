/**
 * GraphQL fragments for the org's UI API GraphQL (query.ts): the named fragments of a document, checked as a GraphQL server checks them (unique names, no unknown spread, no cycle), and the
 * expansion of a record's selection set (`...TargetFields`, `... on Plan_Target__c { }`, `... { }`) into
 * its fields, with each fragment's type condition checked against the record's object.
 *
 * Messages are graphql-js's validation messages, so the components see what the platform would answer.
 */
import {
  Kind,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { GraphQLRequestError } from './errors';

export type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

/** The fragment spreads a selection set makes, at any depth, in document order. */
function spreadsIn(selectionSet: SelectionSetNode): string[] {
  const names: string[] = [];
  visit(selectionSet, {
    FragmentSpread(node) {
      names.push(node.name.value);
    },
  });
  return names;
}

/** Throws when a fragment spreads itself, directly or through others (it would expand forever). */
function checkCycles(fragments: Fragments): void {
  const acyclic = new Set<string>();
  const walk = (name: string, path: string[]): void => {
    const at = path.indexOf(name);
    if (at >= 0) {
      const via = path.slice(at + 1).map((n) => `"${n}"`);
      throw new GraphQLRequestError(
        via.length > 0
          ? `Cannot spread fragment "${name}" within itself via ${via.join(', ')}.`
          : `Cannot spread fragment "${name}" within itself.`,
      );
    }
    const fragment = fragments.get(name);
    if (!fragment || acyclic.has(name)) return;
    for (const next of spreadsIn(fragment.selectionSet)) walk(next, [...path, name]);
    acyclic.add(name);
  };
  for (const name of fragments.keys()) walk(name, []);
}

/** The named fragments of a document, by name: each defined once, every spread defined, none cyclic. */
export function fragmentsOf(document: DocumentNode): Fragments {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const name = definition.name.value;
    if (fragments.has(name)) throw new GraphQLRequestError(`There can be only one fragment named "${name}".`);
    fragments.set(name, definition);
  }
  visit(document, {
    FragmentSpread(node) {
      if (!fragments.has(node.name.value)) throw new GraphQLRequestError(`Unknown fragment "${node.name.value}".`);
    },
  });
  checkCycles(fragments);
  return fragments;
}

/**
 * The fields selected on a record of `objectName` (a connection's node or a parent record): the fields
 * written there and those of its fragments, expanded in order. A fragment must be on the record's own
 * type (UI API names record types after their object), as the platform's schema requires.
 */
export function recordFields(
  selectionSet: SelectionSetNode | undefined,
  objectName: string,
  fragments: Fragments,
): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      fields.push(selection);
    } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment) throw new GraphQLRequestError(`Unknown fragment "${name}".`);
      checkType(fragment.typeCondition.name.value, objectName, `Fragment "${name}"`);
      fields.push(...recordFields(fragment.selectionSet, objectName, fragments));
    } else {
      // An inline fragment without a type condition is on the enclosing type.
      if (selection.typeCondition) checkType(selection.typeCondition.name.value, objectName, 'Fragment');
      fields.push(...recordFields(selection.selectionSet, objectName, fragments));
    }
  }
  return fields;
}

function checkType(typeCondition: string, objectName: string, what: string): void {
  if (typeCondition !== objectName)
    throw new GraphQLRequestError(
      `${what} cannot be spread here as objects of type "${objectName}" can never be of type "${typeCondition}".`,
    );
}
