/**
 * What the partner API's calls on records (undelete, merge, convertLead) share: one result per request, each
 * request run atomically and failing alone with an `<errors>` element, and the fault for too many requests.
 */
import { SalesforceError } from '../errors';
import type { OrgRuntime } from '../rest/context';
import { xmlElements, type XmlFields } from '../xml';

/** A request the call refuses, reported in its result (never a fault). */
export class RecordCallError extends Error {
  constructor(
    readonly statusCode: string,
    message: string,
  ) {
    super(message);
  }
}

/** The `<result>` elements, or the fault that refuses the whole call. */
export type CallAnswer = string | { code: string; message: string };

/** A result's `<errors>` element. */
export const errorsElement = (statusCode: string, message: string): [string, XmlFields] => [
  'errors',
  [
    ['message', message],
    ['statusCode', statusCode],
  ],
];

/**
 * Runs `one` for each request, atomically; a refused request answers `failure` with the refusal. More than
 * `max` requests refuse the call, as the API's EXCEEDED_ID_LIMIT fault.
 */
export function perRequest<T>(
  org: OrgRuntime,
  requests: T[],
  max: number,
  one: (request: T) => XmlFields,
  failure: (request: T, statusCode: string, message: string) => XmlFields,
): CallAnswer {
  if (requests.length > max) {
    return {
      code: 'EXCEEDED_ID_LIMIT',
      message: `record limit reached. cannot submit more than ${max} records into this call`,
    };
  }
  return requests
    .map((request) => {
      let result: XmlFields;
      try {
        result = org.dml.atomic(() => one(request));
      } catch (error) {
        if (error instanceof RecordCallError) result = failure(request, error.statusCode, error.message);
        else if (error instanceof SalesforceError) result = failure(request, error.errorCode, error.message);
        else throw error;
      }
      return `<result>${xmlElements(result)}</result>`;
    })
    .join('');
}
