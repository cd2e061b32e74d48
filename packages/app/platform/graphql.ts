/**
 * `lightning/graphql`: `gql` keeps the document's text; the `graphql` wire adapter posts it with its
 * variables to the org's UI API GraphQL resource (through the app server's proxy as the signed-in user) and
 * provisions `{ data, errors, refresh }`. A config without a query, or whose variables are not set yet,
 * does not run (as on the platform).
 */
import { API } from './api';

export interface DocumentNode {
  kind: 'Document';
  source: string;
}

export function gql(strings: TemplateStringsArray, ...values: unknown[]): DocumentNode {
  return { kind: 'Document', source: String.raw({ raw: strings }, ...values) };
}

interface GraphQLConfig {
  query?: DocumentNode;
  variables?: Record<string, unknown>;
  operationName?: string;
}

interface GraphQLError {
  message: string;
}

interface GraphQLResult {
  data: unknown;
  errors: GraphQLError[] | undefined;
  refresh: () => Promise<void>;
}

export class graphql {
  private config: GraphQLConfig = {};
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
        body: JSON.stringify({ query: query.source, variables: variables ?? {}, operationName }),
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
