/**
 * `lightning/graphql`: `gql` keeps the document's text; the `graphql` wire adapter posts it with its
 * variables to the org's UI API GraphQL resource (through the app server's proxy as the signed-in user) and
 * provisions `{ data, errors, refresh }`. A config without a query, or whose variables are not set yet,
 * does not run (as on the platform).
 */
import type { DocumentNode as PlatformDocument, GraphQLConfig } from 'lightning/graphql';
import { API } from './api';

export interface DocumentNode {
  kind: 'Document';
  source: string;
}

export function gql(strings: TemplateStringsArray, ...values: unknown[]): DocumentNode {
  return { kind: 'Document', source: String.raw({ raw: strings }, ...values) };
}

interface GraphQLError {
  message: string;
}

interface GraphQLResult {
  data: unknown;
  errors: GraphQLError[] | undefined;
  refresh: () => Promise<void>;
}

/** The text of a document: components only get documents from this module's gql, which keeps it. */
function sourceOf(query: PlatformDocument): string {
  if ('source' in query && typeof query.source === 'string') return query.source;
  throw new Error('lightning/graphql: the query is not a gql document');
}

export class graphql {
  private config: GraphQLConfig = { query: undefined };
  private latest = 0;

  constructor(private readonly callback: (value: GraphQLResult) => void) {}

  update(config: GraphQLConfig): void {
    this.config = config;
    if (!config.query || ('variables' in config && config.variables === undefined)) return;
    void this.run();
  }

  connect(): void {}

  disconnect(): void {}

  private async run(): Promise<void> {
    const { query, variables, operationName } = this.config;
    if (!query) return;
    const ticket = ++this.latest;
    let data: unknown;
    let errors: GraphQLError[] | undefined;
    try {
      const response = await fetch(`${API}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: sourceOf(query), variables: variables ?? {}, operationName }),
        credentials: 'same-origin',
      });
      const body = (await response.json()) as { data?: unknown; errors?: GraphQLError[] } | GraphQLError[];
      if (Array.isArray(body)) errors = body;
      else {
        data = body.data ?? undefined;
        errors = body.errors && body.errors.length > 0 ? body.errors : undefined;
      }
    } catch (error) {
      errors = [{ message: (error as Error).message }];
    }
    if (ticket !== this.latest) return;
    this.callback({ data, errors, refresh: () => this.run() });
  }
}
