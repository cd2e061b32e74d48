/**
 * The GraphQL API's error shape: HTTP 200 with `{ data, errors: [{ message, locations, path, extensions }] }`,
 * as the GraphQL specification and Salesforce's GraphQL API answer a document that fails validation or
 * execution. `extensions.classification` names the kind (graphql-java's: ValidationError, DataFetchingException).
 */
import type { ASTNode } from 'graphql';
import { SalesforceError } from '../errors';

export interface GraphQLErrorBody {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions: Record<string, unknown>;
}

export interface GraphQLResponse {
  data: Record<string, unknown> | null;
  errors?: GraphQLErrorBody[];
}

/** A refusal of the document or of one of its fields, answered in `errors` (never an HTTP error). */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly node?: ASTNode,
    readonly classification = 'ValidationError',
    readonly path?: (string | number)[],
    readonly errorCode?: string,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

/**
 * graphql-java's message for a field the schema does not have: for a user, fields hidden by field-level
 * security and objects they cannot read are not in the schema, so they are refused exactly like unknown ones.
 */
export const fieldUndefined = (name: string, type: string, node: ASTNode, path: string[]): GraphQLRequestError =>
  new GraphQLRequestError(
    `Validation error (FieldUndefined@[${[...path, name].join('/')}]) : Field '${name}' in type '${type}' is undefined`,
    node,
  );

/** One error of the response, from a refusal or a Salesforce error raised while running it. */
export function errorBody(error: unknown): GraphQLErrorBody {
  if (error instanceof GraphQLRequestError) {
    const start = error.node?.loc?.startToken;
    return {
      message: error.message,
      ...(start ? { locations: [{ line: start.line, column: start.column }] } : {}),
      ...(error.path ? { path: error.path } : {}),
      extensions: {
        classification: error.classification,
        ...(error.errorCode ? { errorCode: error.errorCode } : {}),
      },
    };
  }
  if (error instanceof SalesforceError) {
    return {
      message: error.message,
      extensions: { classification: 'DataFetchingException', errorCode: error.errorCode },
    };
  }
  throw error;
}
