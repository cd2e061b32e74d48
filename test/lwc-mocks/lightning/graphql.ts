/**
 * Jest mock of `lightning/graphql`. `gql` returns a document that keeps its source text, so tests can tell
 * queries apart by identity (import the document constant) and read the text. `graphql` is a test wire
 * adapter: tests emit `{ data, errors, refresh }` values (see test/lwc-support/platform.ts).
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';
import type { DocumentNode } from 'lightning/graphql';

export interface MockDocument {
  kind: 'Document';
  source: string;
}

/** Typed as the platform's `gql`: the document carries its data and variables types (phantom, as there). */
export function gql<TData = unknown, TVariables = Record<string, unknown>>(
  strings: TemplateStringsArray,
  ...values: unknown[]
): DocumentNode<TData, TVariables> & MockDocument {
  return { kind: 'Document', source: String.raw({ raw: strings }, ...values) };
}

export const graphql = createTestWireAdapter(jest.fn());
