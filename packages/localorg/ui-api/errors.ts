/**
 * User Interface API error bodies. A refusal is a JSON array of Error Message bodies, `[{ errorCode, message }]`
 * (no `fields`, unlike the REST API); a failed record create or update is an Error with Output whose output is
 * a Record Exceptions body: `{ errors: [...], fieldErrors: { Field: [{ errorCode, field, fieldLabel, message, ... }] } }`.
 * Handlers run as they do for REST; `uiApi` turns what they throw into these shapes.
 */
import { SalesforceError, SalesforceErrors, type ApiErrorBody } from '../errors';
import type { ObjectSchema } from '../schema';
import type { ApiRequest, OrgRuntime, Reply } from '../rest/context';

type Handler = (org: OrgRuntime, req: ApiRequest) => Reply;

/** An error answered with a UI API body instead of the REST API's. */
export class UiApiError extends SalesforceError {
  constructor(
    status: number,
    private readonly body: unknown[],
  ) {
    const first = (body[0] ?? {}) as { errorCode?: string; message?: string };
    super(status, first.errorCode ?? 'UNKNOWN_EXCEPTION', first.message ?? '');
  }

  override toBody(): ApiErrorBody[] {
    return this.body as ApiErrorBody[];
  }
}

const messages = (error: SalesforceError): ApiErrorBody[] =>
  error instanceof SalesforceErrors
    ? error.errors
    : [{ message: error.message, errorCode: error.errorCode, fields: error.fields }];

/** The Error Message array of a REST error. */
export function uiApiError(error: SalesforceError): UiApiError {
  if (error instanceof UiApiError) return error;
  return new UiApiError(
    error.status,
    messages(error).map((e) => ({ errorCode: e.errorCode, message: e.message })),
  );
}

/** A record write's failure as Error with Output: field errors under their field, the others in `errors`. */
export function recordWriteError(error: SalesforceError, obj: ObjectSchema): UiApiError {
  const errors: { errorCode: string; message: string }[] = [];
  const fieldErrors: Record<string, unknown[]> = {};
  for (const e of messages(error)) {
    const fields = e.fields ?? [];
    if (fields.length === 0) errors.push({ errorCode: e.errorCode, message: e.message });
    for (const name of fields) {
      const field = obj.fieldsByLower.get(name.toLowerCase());
      (fieldErrors[name] ??= []).push({
        constituentField: null,
        duplicateRecordError: null,
        errorCode: e.errorCode,
        field: name,
        fieldLabel: field?.model.label ?? name,
        message: e.message,
      });
    }
  }
  const first = messages(error)[0];
  return new UiApiError(error.status, [
    {
      errorCode: first?.errorCode ?? error.errorCode,
      message: first?.message ?? error.message,
      enhancedErrorType: 'RecordError',
      output: { errors, fieldErrors },
    },
  ]);
}

/** A handler whose REST errors are answered in the UI API's shape. */
export function uiApi(handler: Handler): Handler {
  return (org, req) => {
    try {
      return handler(org, req);
    } catch (error) {
      if (error instanceof SalesforceError) throw uiApiError(error);
      throw error;
    }
  };
}

export const invalidInput = (message: string): UiApiError =>
  new UiApiError(400, [{ errorCode: 'INVALID_INPUT', message }]);

export const notFoundUi = (): UiApiError =>
  new UiApiError(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
