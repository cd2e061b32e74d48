/**
 * Composite (`POST /composite`): up to 25 subrequests to sObject, query and sObject Collections resources,
 * run in order as the caller, where later subrequests refer to earlier results with `@{refId.path}`.
 * Subrequests go through the server's own routing. With allOrNone, the first failure rolls everything
 * back and every other subrequest answers PROCESSING_HALTED; without it, each subrequest is atomic on
 * its own and only those that refer to a failed one are skipped. The top-level answer is always 200.
 */
import { SalesforceError } from '../errors';
import {
  bodyArray,
  bodyObject,
  notFoundError,
  ok,
  parseJsonBody,
  type ApiRequest,
  type OrgRuntime,
  type Reply,
} from './context';

export const MAX_SUBREQUESTS = 25;
/** Of which at most this many may be queries or sObject Collections requests. */
export const MAX_QUERY_OR_COLLECTION = 5;

/** One subrequest, once its references are replaced. */
export interface Subrequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  bodyText: string;
}

/** Routes a subrequest like a request of its own, as the parent request's user. */
export type SubrequestDispatch = (parent: ApiRequest, sub: Subrequest) => Reply;

interface SubrequestResult {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string | null;
}

interface Input {
  method: string;
  url: string;
  referenceId: string;
  body?: unknown;
  httpHeaders?: Record<string, string>;
}

const REFERENCE_ID = /^[A-Za-z0-9][A-Za-z0-9_]*$/;
/** `@{refId.path}`, where path is `.name` and `[index]` steps. */
const REFERENCE = /@\{([^.}[\]]+)((?:\.[^.}[\]]+|\[\d+\])*)\}/g;

const invalidInput = (message: string): SalesforceError => new SalesforceError(400, 'INVALID_INPUT', message);

const errorResult = (referenceId: string, code: string, message: string): SubrequestResult => ({
  body: [{ errorCode: code, message }],
  httpHeaders: {},
  httpStatusCode: 400,
  referenceId,
});

const halted = (referenceId: string): SubrequestResult =>
  errorResult(
    referenceId,
    'PROCESSING_HALTED',
    'The transaction was rolled back since another operation in the same transaction failed.',
  );

const queryLimitMessage = `The request can’t contain more than ${MAX_QUERY_OR_COLLECTION} query or sObject Collections operations.`;

/** The request-level answer to a limit: one result, with no reference id. */
const limitExceeded = (message: string): Reply =>
  ok({
    compositeResponse: [
      { body: [{ errorCode: 'LIMIT_EXCEEDED', message }], httpHeaders: {}, httpStatusCode: 400, referenceId: null },
    ],
  });

function parseInputs(req: ApiRequest): { allOrNone: boolean; inputs: Input[] } {
  const parsed = bodyObject(parseJsonBody(req.bodyText));
  const list = bodyArray(parsed, 'compositeRequest');
  if (!list) throw invalidInput('The request body must contain a compositeRequest array');
  const seen = new Set<string>();
  const inputs = list.map((raw): Input => {
    const item = bodyObject(raw) ?? {};
    const { method, url, referenceId } = item;
    if (typeof method !== 'string' || typeof url !== 'string' || typeof referenceId !== 'string') {
      throw invalidInput('Each subrequest needs a method, a url and a referenceId');
    }
    if (!REFERENCE_ID.test(referenceId)) {
      throw invalidInput(
        `Provided referenceId ('${referenceId}') must start with a letter or a number, and it can contain only letters, numbers and underscores ('_').`,
      );
    }
    if (seen.has(referenceId)) throw invalidInput(`Duplicate ReferenceId provided in the request: ${referenceId}`);
    seen.add(referenceId);
    // Header values are text; a number or boolean a caller sent is read as its text.
    const headers = bodyObject(item.httpHeaders);
    return {
      method: method.toUpperCase(),
      url,
      referenceId,
      body: item.body,
      httpHeaders: headers
        ? Object.fromEntries(
            Object.entries(headers)
              .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
              .map(([k, v]) => [k, String(v)]),
          )
        : undefined,
    };
  });
  return { allOrNone: parsed?.allOrNone === true, inputs };
}

/**
 * A subrequest URL as the server will route it: `.` and `..` segments resolved (also percent-encoded
 * ones and backslashes, as a URL parser reads them), each segment decoded once and encoded again.
 * Undefined for a URL that is not a path on this org, or whose decoded segments would hide another path
 * (`%2F`, a dot segment). The allow-list applies to this form, so `sobjects/../jobs` is `jobs`.
 */
export function resolveSubrequestUrl(url: string): string | undefined {
  if (!url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://127.0.0.1');
  } catch {
    return undefined;
  }
  if (parsed.host !== '127.0.0.1') return undefined;
  let segments: string[];
  try {
    segments = parsed.pathname
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  if (segments.some((s) => s === '.' || s === '..' || /[/\\]/.test(s))) return undefined;
  return `/${segments.map((s) => encodeURIComponent(s)).join('/')}${parsed.search}`;
}

/** Queries and collections count against the lower limit (on the resolved URL). */
function isQueryOrCollection(url: string | undefined): boolean {
  return url !== undefined && /^\/services\/data\/v[\d.]+\/(query|queryAll|composite\/sobjects)(\/|\?|$)/i.test(url);
}

/**
 * The resources a subrequest may use (on the resolved URL): sObject resources, queries and sObject
 * Collections, as Salesforce documents. Anything else, a nested composite or Bulk included, does not exist.
 */
function isSupported(url: string | undefined): url is string {
  return (
    url !== undefined && /^\/services\/data\/v[\d.]+\/(sobjects|query|queryAll|composite\/sobjects)(\/|\?|$)/i.test(url)
  );
}

/** The value at `path` (`.id`, `.records[0].Id`) of an earlier subrequest's body, or undefined. */
function lookupPath(body: unknown, path: string): unknown {
  let current = body;
  for (const step of path.match(/\.[^.[\]]+|\[\d+\]/g) ?? []) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = step.startsWith('[') ? Number(step.slice(1, -1)) : step.slice(1);
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A reference that cannot be resolved: the subrequest is not run. */
class UnresolvedReference extends Error {
  constructor(
    readonly expression: string,
    readonly referenceId: string,
  ) {
    super(`Invalid reference specified. No value for ${expression} found in ${referenceId}.`);
  }
}

/** Replaces references in a string; a string that is one reference takes the value's own JSON type. */
function substitute(text: string, bodies: Map<string, unknown>): unknown {
  const resolve = (refId: string, path: string): unknown => {
    const value = bodies.has(refId) ? lookupPath(bodies.get(refId), path) : undefined;
    if (value === undefined || value === null || typeof value === 'object') {
      throw new UnresolvedReference(`${refId}${path}`, refId);
    }
    return value;
  };
  const whole = new RegExp(`^${REFERENCE.source}$`).exec(text);
  if (whole) return resolve(whole[1], whole[2]);
  return text.replace(REFERENCE, (_match, refId: string, path: string) => String(resolve(refId, path)));
}

function substituteDeep(value: unknown, bodies: Map<string, unknown>): unknown {
  if (typeof value === 'string') return substitute(value, bodies);
  if (Array.isArray(value)) return value.map((v) => substituteDeep(v, bodies));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteDeep(v, bodies)]));
  }
  return value;
}

/** Headers a subrequest's answer carries: Location for a created record. */
function responseHeaders(url: string, reply: Reply): Record<string, string> {
  const id = (reply.body as { id?: unknown } | undefined)?.id;
  const type = /^(\/services\/data\/v[\d.]+\/sobjects\/[^/?]+)/i.exec(url)?.[1];
  return reply.status === 201 && typeof id === 'string' && type ? { Location: `${type}/${id}` } : {};
}

/** A subrequest that answered an error: thrown to roll back its savepoint, then reported. */
class FailedSubrequest extends Error {
  constructor(readonly reply: Reply) {
    super('failed subrequest');
  }
}

/** Runs one subrequest in a savepoint of its own, so that a failure undoes only its own writes. */
function execute(
  org: OrgRuntime,
  req: ApiRequest,
  dispatch: SubrequestDispatch,
  input: Input,
  bodies: Map<string, unknown>,
  queries: { count: number },
): SubrequestResult {
  let url: string;
  let bodyText: string;
  try {
    url = String(substitute(input.url, bodies));
    bodyText = input.body === undefined ? '' : JSON.stringify(substituteDeep(input.body, bodies));
  } catch (error) {
    if (!(error instanceof UnresolvedReference)) throw error;
    return errorResult(input.referenceId, 'PROCESSING_HALTED', error.message);
  }
  const resolved = resolveSubrequestUrl(url);
  // A reference can turn a URL into a query (`sobjects/@{r.Name}` with a Name of `../query?q=…`):
  // the limit on queries and collections holds for what actually runs, not only for what was sent.
  if (isQueryOrCollection(resolved) && ++queries.count > MAX_QUERY_OR_COLLECTION) {
    return errorResult(input.referenceId, 'LIMIT_EXCEEDED', queryLimitMessage);
  }
  const headers = Object.fromEntries(
    Object.entries(input.httpHeaders ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
  );
  let answer: Reply;
  try {
    answer = org.storage.db.transaction(() => {
      const reply = runOne(req, resolved, { method: input.method, url: resolved ?? url, headers, bodyText }, dispatch);
      if (reply.status >= 400) throw new FailedSubrequest(reply);
      return reply;
    })();
  } catch (error) {
    if (!(error instanceof FailedSubrequest)) throw error;
    answer = error.reply;
  }
  return {
    body: answer.body ?? null,
    httpHeaders: responseHeaders(resolved ?? url, answer),
    httpStatusCode: answer.status,
    referenceId: input.referenceId,
  };
}

/** `POST composite`. */
export function composite(org: OrgRuntime, req: ApiRequest, dispatch: SubrequestDispatch): Reply {
  const { allOrNone, inputs } = parseInputs(req);
  if (inputs.length > MAX_SUBREQUESTS) {
    return limitExceeded(`The request can’t contain more than ${MAX_SUBREQUESTS} operations.`);
  }
  if (inputs.filter((i) => isQueryOrCollection(resolveSubrequestUrl(i.url))).length > MAX_QUERY_OR_COLLECTION) {
    return limitExceeded(queryLimitMessage);
  }
  // Bodies of the subrequests that succeeded, for references.
  const bodies = new Map<string, unknown>();
  const results: SubrequestResult[] = [];
  const queries = { count: 0 };
  const rolledBack = new Error('rolled back');
  try {
    org.storage.db.transaction(() => {
      for (const input of inputs) {
        const result = execute(org, req, dispatch, input, bodies, queries);
        results.push(result);
        if (result.httpStatusCode < 400) bodies.set(input.referenceId, result.body);
        else if (allOrNone) throw rolledBack;
      }
    })();
  } catch (error) {
    if (error !== rolledBack) throw error;
    const failed = results.length - 1;
    return ok({
      compositeResponse: inputs.map((input, i) => (i === failed ? results[i] : halted(input.referenceId))),
    });
  }
  return ok({ compositeResponse: results });
}

/** One subrequest's reply; errors become their REST error reply. */
function runOne(
  parent: ApiRequest,
  resolved: string | undefined,
  sub: Subrequest,
  dispatch: SubrequestDispatch,
): Reply {
  try {
    if (!isSupported(resolved)) throw notFoundError();
    return dispatch(parent, sub);
  } catch (error) {
    if (error instanceof SalesforceError) return { status: error.status, body: error.toBody() };
    throw error;
  }
}

/** `GET composite`: the composite resources. */
export function compositeResources(_org: OrgRuntime, req: ApiRequest): Reply {
  const base = `/services/data/v${req.ctx.apiVersion}/composite`;
  return ok({ tree: `${base}/tree`, sobjects: `${base}/sobjects` });
}
