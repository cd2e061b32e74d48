/**
 * `lightning/graphql` for the node type-check of modules shared with tests (programOverview/queries.ts): the
 * shapes the component modules use, and `gql` keeping the document's text, as the app's module and the jest
 * mock do. Tests load the real modules through jest with their own mock; this file only serves the compiler.
 */
export interface DocumentNode {
  readonly kind: 'Document';
  readonly source?: string;
}

export interface GraphQLResult<TData = unknown> {
  data?: TData;
  errors?: { message: string }[];
  refresh?: () => Promise<void>;
}

export const gql = (strings: TemplateStringsArray, ...values: unknown[]): DocumentNode => ({
  kind: 'Document',
  source: String.raw({ raw: strings }, ...values),
});
