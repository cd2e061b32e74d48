/**
 * The GraphQL API resource, `/services/data/vXX.X/graphql`: POST `{ query, variables, operationName }` (and GET
 * with the same as URL parameters, for queries only). It always answers HTTP 200 with `{ data, errors }`,
 * the GraphQL response shape, except for a request that is not GraphQL at all (no query), which is a 400 in the
 * REST API's shape. Queries run as the caller through the SOQL engine, mutations through the write path.
 */
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { describeObject } from '../describe';
import { SalesforceError } from '../errors';
import { findObjectSchema } from '../schema';
import { executeSoql } from '../soql';
import { bodyObject, ok, parseJsonBody, type ApiRequest, type OrgRuntime, type Reply } from '../rest/context';
import { accessOf } from '../rest/sobjects';
import { aggregateConnection } from './aggregate';
import { errorBody, GraphQLRequestError, type GraphQLResponse } from './errors';
import { fragmentsOf } from './fragments';
import { runMutations } from './mutations';
import { connection, fieldsOf, Schema, type GraphQLRuntime, type ObjectDescribe, type Variables } from './query';

/** Tokens a document may have (graphql-js stops parsing past it with a syntax error). */
const MAX_TOKENS = 20000;
/** Nesting of selections, arguments and lists a document may have: UI API documents need a handful. */
const MAX_DEPTH = 64;

/**
 * Refuses a document nested deeper than MAX_DEPTH before parsing it, in one pass that skips strings and
 * comments: graphql-js parses recursively, so depth, not size, is what could exhaust the stack.
 */
function checkDepth(source: string): void {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '#') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (ch === '"') {
      const block = source.startsWith('"""', i);
      const end = block ? source.indexOf('"""', i + 3) : i + 1;
      i = block ? (end < 0 ? source.length : end + 2) : skipString(source, end);
    } else if (ch === '{' || ch === '(' || ch === '[') {
      if (++depth > MAX_DEPTH)
        throw new GraphQLRequestError(
          `The document is nested more than ${MAX_DEPTH} levels deep`,
          undefined,
          'InvalidSyntax',
        );
    } else if (ch === '}' || ch === ')' || ch === ']') {
      depth--;
    }
  }
}

/** The index of the quote closing a string that starts before `from`. */
function skipString(source: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '"' || source[i] === '\n') return i;
  }
  return source.length;
}

/** The SOQL engine and describes as the caller. */
export function runtimeOf(org: OrgRuntime, req: ApiRequest): GraphQLRuntime {
  const access = accessOf(org, req);
  return {
    query(soql) {
      const cursor = executeSoql(org.storage, soql, {
        includeDeleted: false,
        now: req.ctx.now,
        apiVersion: req.ctx.apiVersion,
        fiscalYearStartMonth: org.fiscalYearStartMonth,
        access: access.forQuery(),
      });
      const totalSize = cursor.totalSize;
      return { totalSize, records: cursor.next(cursor.remaining) };
    },
    describe(objectName) {
      const obj = findObjectSchema(org.schema, objectName);
      // UI API's schema names objects exactly (Account, not account), and has none the user cannot read.
      if (!obj || obj.name !== objectName || !access.canReadObject(obj)) return undefined;
      return describeObject(org.schema, obj, req.ctx.apiVersion, access) as unknown as ObjectDescribe;
    },
  };
}

function runQuery(
  runtime: GraphQLRuntime,
  operation: OperationDefinitionNode,
  document: DocumentNode,
  variables: Variables,
): GraphQLResponse {
  const schema = new Schema(runtime);
  const fragments = fragmentsOf(document);
  const data: Record<string, unknown> = {};
  for (const root of fieldsOf(operation.selectionSet)) {
    if (root.name.value !== 'uiapi')
      throw new GraphQLRequestError(
        `Validation error (FieldUndefined@[${root.name.value}]) : Field '${root.name.value}' in type 'Query' is undefined`,
        root,
      );
    const uiapi: Record<string, unknown> = {};
    for (const section of fieldsOf(root.selectionSet)) {
      const kind = section.name.value;
      if (kind !== 'query' && kind !== 'aggregate')
        throw new GraphQLRequestError(
          `Validation error (FieldUndefined@[uiapi/${kind}]) : Field '${kind}' in type 'UIAPI' is undefined`,
          section,
        );
      const answer: Record<string, unknown> = {};
      for (const conn of fieldsOf(section.selectionSet)) {
        answer[conn.alias?.value ?? conn.name.value] =
          kind === 'query'
            ? connection(runtime, schema, conn, variables, fragments)
            : aggregateConnection(runtime, schema, conn, variables);
      }
      uiapi[section.alias?.value ?? kind] = answer;
    }
    data[root.alias?.value ?? 'uiapi'] = uiapi;
  }
  return { data };
}

/** Runs a UI API GraphQL document as the caller. */
export function runGraphQL(
  org: OrgRuntime,
  req: ApiRequest,
  source: string,
  variables: Variables,
  operationName: string | undefined,
  allowMutations: boolean,
): GraphQLResponse {
  try {
    checkDepth(source);
    let document: DocumentNode;
    try {
      // A bounded document: its parse and every walk over it stay far from the stack's limit.
      document = parse(source, { maxTokens: MAX_TOKENS });
    } catch (error) {
      const located = error as { message: string; locations?: { line: number; column: number }[] };
      return {
        data: null,
        errors: [
          { message: located.message, locations: located.locations, extensions: { classification: 'InvalidSyntax' } },
        ],
      };
    }
    const operations = document.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
    if (!operation) throw new GraphQLRequestError(`Unknown operation named "${operationName ?? ''}".`);
    if (!operationName && operations.length > 1)
      throw new GraphQLRequestError('Must provide operation name if query contains multiple operations.');
    const runtime = runtimeOf(org, req);
    if (operation.operation === 'query') return runQuery(runtime, operation, document, variables);
    if (operation.operation !== 'mutation')
      throw new GraphQLRequestError('Subscriptions are not supported by the UI API GraphQL', operation);
    if (!allowMutations) throw new GraphQLRequestError('Mutations are only allowed in POST requests', operation);
    const fragments = fragmentsOf(document);
    const roots = fieldsOf(operation.selectionSet);
    const root = roots.find((r) => r.name.value === 'uiapi');
    if (!root || roots.length !== 1)
      throw new GraphQLRequestError("Validation error : a mutation selects 'uiapi' alone", operation);
    return runMutations({ storage: org.storage, dml: org.dml, ctx: req.ctx, runtime }, root, fragments, variables);
  } catch (error) {
    return { data: null, errors: [errorBody(error)] };
  }
}

const badRequest = (message: string): SalesforceError => new SalesforceError(400, 'INVALID_INPUT', message);

/** `GET|POST /graphql`. */
export function graphqlResource(org: OrgRuntime, req: ApiRequest): Reply {
  let query: unknown;
  let variables: unknown;
  let operationName: unknown;
  if (req.method === 'GET') {
    query = req.query.get('query');
    operationName = req.query.get('operationName') ?? undefined;
    const text = req.query.get('variables');
    variables = text ? parseJsonBody(text) : undefined;
  } else {
    const body = bodyObject(parseJsonBody(req.bodyText));
    if (!body) throw badRequest('The request body must be a JSON object with a query');
    ({ query, variables, operationName } = body);
  }
  if (typeof query !== 'string' || query.trim() === '') throw badRequest('The GraphQL request has no query');
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables)))
    throw badRequest('variables must be a JSON object');
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    throw badRequest('operationName must be a string');
  const vars = (variables ?? {}) as Variables;
  const name = typeof operationName === 'string' ? operationName : undefined;
  return ok(runGraphQL(org, req, query, vars, name, req.method === 'POST'));
}
