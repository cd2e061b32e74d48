/** Helpers of the org's UI API and GraphQL tests: a GraphQL request over HTTP as a connection's user. */
import type { Connection } from 'jsforce';
import { dataPath, rawRequest } from './localorg';

export interface GraphQLAnswer {
  status: number;
  data: Record<string, unknown> | null;
  errors?: { message: string; locations?: unknown[]; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

/** Posts a document to the org's GraphQL resource as `conn`'s user. */
export async function gql(
  conn: Connection,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLAnswer> {
  const response = await rawRequest(conn, 'POST', dataPath('/graphql'), { body: { query, variables } });
  return { status: response.status, ...(response.body as { data: Record<string, unknown> | null }) };
}
