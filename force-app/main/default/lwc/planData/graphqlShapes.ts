/**
 * The shapes every UI API GraphQL answer shares, and the readers the domain modules (plans, targets,
 * actions, catalog) build on.
 *
 * Conventions of the UI API GraphQL schema: each field is an object (`Name { value }`, picklists also
 * `displayValue`), parent relationships are objects (`Partner_Account__r { Name { value } }`) that are
 * null when the lookup is empty, and a list is a connection (`edges { node }`, `pageInfo`). `first` is
 * at most 2000; `pageInfo.hasNextPage` tells us when a list was cut off, which the components show.
 *
 * Field selections are GraphQL fragments (`fragment TargetFields on Plan_Target__c { ... }`), each
 * written once in its domain module and appended to every document that spreads it: the fragment
 * definitions travel in the same document string, which is how the GraphQL wire adapter takes them.
 */
import type { GraphQLResult } from 'lightning/graphql';
import REQUEST_FAILED from '@salesforce/label/c.Partner_Planning_Request_Failed';
import { plainMessages } from './plainErrors';
import type { Loadable } from './types';

/** A field: `Field { value }`. */
export interface Value<T> {
  value: T | null;
}

/** A picklist field: `Field { value displayValue }`. */
export interface Labeled<T> extends Value<T> {
  displayValue: string | null;
}

/** A parent record of which only the name is selected: e.g. `Partner_Account__r { Name { value } }`, null when empty. */
export type NameRef = { Name: Value<string> } | null;

export interface Connection<N> {
  edges: { node: N }[];
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
}

/** `{ uiapi: { query: { <Object>: Connection } } }` */
export interface UiapiData<K extends string, N> {
  uiapi: { query: Record<K, Connection<N>> };
}

export const val = <T>(field: Value<T> | null | undefined): T | null => (field ? field.value : null);

/** A picklist's label (its value when the server sent no label). */
export function label(field: Labeled<string> | null | undefined): string | null {
  return field ? (field.displayValue ?? field.value) : null;
}

export const nameOf = (ref: NameRef | undefined): string | null => (ref ? ref.Name.value : null);

/** The message to show for GraphQL errors (or a failed request), in plain words (plainErrors). */
export function graphQLErrorMessage(result: GraphQLResult): string {
  const messages = (result.errors ?? []).map((e) => e.message).filter((m) => m);
  return messages.length > 0 ? plainMessages(messages).join(' ') : REQUEST_FAILED;
}

/**
 * Reads one connection out of a wire result: the raw nodes as a Loadable list. The wire gives
 * `undefined` data and no errors before the first response: that is loading. The cast is the one place
 * we trust the server to answer in the shape of the document we sent.
 */
function readNodes<N>(result: GraphQLResult | undefined, objectName: string): Loadable<N[]> {
  if (!result) return { kind: 'loading' };
  if (result.errors && result.errors.length > 0) return { kind: 'error', message: graphQLErrorMessage(result) };
  const data = result.data as UiapiData<string, N> | undefined;
  if (!data) return { kind: 'loading' };
  const connection = data.uiapi.query[objectName];
  if (!connection) return { kind: 'ready', value: [], truncated: false };
  return {
    kind: 'ready',
    value: connection.edges.map((edge) => edge.node),
    truncated: Boolean(connection.pageInfo && connection.pageInfo.hasNextPage),
  };
}

/** Reads one connection of a wire result and maps its nodes to domain values once it is ready. */
export function readConnection<N, T>(
  result: GraphQLResult | undefined,
  objectName: string,
  map: (node: N) => T,
): Loadable<T[]> {
  const nodes = readNodes<N>(result, objectName);
  return nodes.kind === 'ready' ? { ...nodes, value: nodes.value.map(map) } : nodes;
}
