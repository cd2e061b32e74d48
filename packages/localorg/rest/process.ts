/**
 * Process rules and approvals (`/process/rules`, `/process/approvals`), answered from the metadata the
 * project ships. force-app defines no workflow rules and no approval processes, so the lists are empty
 * (`{"rules":{}}`, `{"approvals":{}}`), evaluating rules on records succeeds with nothing to do, as
 * Salesforce answers when no rule applies, and submitting a record for approval fails as it does in an org
 * without an approval process for the object: 400 NO_APPLICABLE_PROCESS. Ids are checked first, so a
 * malformed or unknown record fails as it would in the org (MALFORMED_ID, INVALID_CROSS_REFERENCE_KEY).
 */
import type { AnyJson, JsonMap } from '@salesforce/ts-types';
import { SalesforceError, SalesforceErrors } from '../errors';
import { normalizeId } from '../ids';
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
import { accessOf, objectNamed } from './sobjects';

type Handler = (org: OrgRuntime, req: ApiRequest) => Reply;

const ACTION_TYPES = ['Submit', 'Approve', 'Reject'];

const malformedId = (raw: string): SalesforceError => new SalesforceError(400, 'MALFORMED_ID', `malformed id ${raw}`);
const invalidReference = (): SalesforceError =>
  new SalesforceError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');

/** A record the caller can see, by Id of any object, or the error the org answers for the Id. */
function visibleRecord(org: OrgRuntime, req: ApiRequest, value: AnyJson | undefined): void {
  const raw = typeof value === 'string' ? value : '';
  const id = normalizeId(raw);
  if (!id) throw malformedId(raw);
  const obj = org.schema.byKeyPrefix.get(id.slice(0, 3));
  if (!obj || !accessOf(org, req).canReadObject(obj)) throw invalidReference();
  if (org.dml.lookup(obj, id, req.ctx).kind !== 'live') throw invalidReference();
}

/** `GET process/rules`: every active workflow rule, by object (none are defined). */
const listRules: Handler = () => ok({ rules: {} });

/** `GET process/rules/{sObject}`: the object's rules; an object the caller cannot see is not found. */
const objectRules: Handler = (org, req) => {
  objectNamed(org, req.params[0], accessOf(org, req));
  return ok({ rules: {} });
};

/** `GET process/rules/{sObject}/{workflowRuleId}`: no rule exists, so every Id is not found. */
const oneRule: Handler = (org, req) => {
  objectNamed(org, req.params[0], accessOf(org, req));
  throw notFoundError();
};

/** `POST process/rules` `{ contextIds }`: evaluates the rules on those records; with none defined, nothing fires. */
const triggerRules: Handler = (org, req) => {
  const ids = bodyArray(bodyObject(parseJsonBody(req.bodyText)), 'contextIds');
  if (!ids || ids.length === 0) {
    throw new SalesforceError(400, 'MISSING_ARGUMENT', 'contextIds must be a non-empty array of record Ids');
  }
  for (const id of ids) visibleRecord(org, req, id);
  return ok({ errors: null, success: true });
};

/** `GET process/approvals`: every approval process, by object (none are defined). */
const listApprovals: Handler = () => ok({ approvals: {} });

/**
 * `POST process/approvals` `{ requests: [{ actionType, contextId, ... }] }`. A Submit names a record: with no
 * approval process in the org, none applies. Approve and Reject name a pending work item, and there are none.
 */
const processApprovals: Handler = (org, req) => {
  const requests = bodyArray(bodyObject(parseJsonBody(req.bodyText)), 'requests');
  if (!requests || requests.length === 0) {
    throw new SalesforceError(400, 'MISSING_ARGUMENT', 'requests must be a non-empty array of process requests');
  }
  // No request can succeed here; each one reports why, in request order.
  const errors = requests.map((value) => requestError(org, req, bodyObject(value)).toBody()[0]);
  throw new SalesforceErrors(400, errors);
};

/** Why one process request fails in an org without approval processes. */
function requestError(org: OrgRuntime, req: ApiRequest, request: JsonMap | undefined): SalesforceError {
  const actionType = request?.actionType;
  if (typeof actionType !== 'string' || !ACTION_TYPES.includes(actionType)) {
    return new SalesforceError(
      400,
      'JSON_PARSER_ERROR',
      `actionType must be one of ${ACTION_TYPES.join(', ')}, not ${JSON.stringify(actionType ?? null)}`,
    );
  }
  try {
    if (actionType === 'Submit') {
      visibleRecord(org, req, request?.contextId);
      return new SalesforceError(400, 'NO_APPLICABLE_PROCESS', 'No applicable approval process was found.');
    }
    const raw = typeof request?.contextId === 'string' ? request.contextId : '';
    return normalizeId(raw) ? invalidReference() : malformedId(raw);
  } catch (error) {
    if (error instanceof SalesforceError) return error;
    throw error;
  }
}

export interface ProcessRoute {
  path: string;
  methods: Partial<Record<string, Handler>>;
}

/** The routes server.ts registers under /services/data/vXX.X/. */
export function processRoutes(): ProcessRoute[] {
  return [
    { path: 'process/rules', methods: { GET: listRules, POST: triggerRules } },
    { path: 'process/rules/:type', methods: { GET: objectRules } },
    { path: 'process/rules/:type/:id', methods: { GET: oneRule } },
    { path: 'process/approvals', methods: { GET: listApprovals, POST: processApprovals } },
  ];
}
