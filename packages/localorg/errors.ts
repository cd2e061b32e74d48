/**
 * Salesforce's REST error shape: an HTTP status and a JSON array of
 * `{ message, errorCode, fields }`. Everything the local org refuses is one of these.
 */
export interface ApiErrorBody {
  message: string;
  errorCode: string;
  fields?: string[];
}

export class SalesforceError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = 'SalesforceError';
  }

  toBody(): ApiErrorBody[] {
    return [{ message: this.message, errorCode: this.errorCode, fields: this.fields }];
  }
}

/** Several record-level errors at once: every validation rule that fails reports its own. */
export class SalesforceErrors extends SalesforceError {
  constructor(
    status: number,
    readonly errors: ApiErrorBody[],
  ) {
    super(status, errors[0].errorCode, errors[0].message, errors[0].fields);
  }

  override toBody(): ApiErrorBody[] {
    return this.errors.map((e) => ({ message: e.message, errorCode: e.errorCode, fields: e.fields ?? [] }));
  }
}

export const malformedQuery = (message: string): SalesforceError =>
  new SalesforceError(400, 'MALFORMED_QUERY', message);
export const invalidField = (message: string): SalesforceError => new SalesforceError(400, 'INVALID_FIELD', message);
export const invalidType = (message: string): SalesforceError => new SalesforceError(400, 'INVALID_TYPE', message);
export const notFound = (message = 'The requested resource does not exist'): SalesforceError =>
  new SalesforceError(404, 'NOT_FOUND', message);
