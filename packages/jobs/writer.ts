/**
 * Writes records through sObject Collections, 200 at a time with allOrNone false, reading every per-record
 * result: transient per-record failures (UNABLE_TO_LOCK_ROW) are retried with backoff, others are reported
 * with the record and message. Nothing is silently dropped: every input record gets exactly one outcome.
 */
import type { OrgSession } from './connection';
import { expectBoolean, expectMap, MalformedResponseError, optionalString } from './response';
import { backoffDelay, DEFAULT_RETRY_POLICY, isTransientRecordError, withRetry, type RetryPolicy } from './retry';

export const COLLECTION_LIMIT = 200;

/** `delete` takes records of their `Id` alone. */
export type WriteOperation = 'create' | 'upsert' | 'update' | 'delete';

export interface RecordOutcome {
  success: boolean;
  id?: string;
  created?: boolean;
  /** First error code and message, when the record failed. */
  errorCode?: string;
  message?: string;
  fields?: string[];
}

export interface WriteFailure {
  sobject: string;
  /** External key or Id of the failed record. */
  record: string;
  errorCode: string;
  message: string;
  fields: string[];
}

export interface WriteRequest {
  sobject: string;
  operation: WriteOperation;
  /** For upsert: the external id field. */
  externalIdField?: string;
  records: Record<string, unknown>[];
  policy?: RetryPolicy;
  /** Called after each collection request with the number of records it settled. */
  onProgress?: (settled: number) => void;
  /** Told about every retry, for verbose output. */
  onRetry?: (reason: string, attempt: number) => void;
}

interface CollectionResult {
  id?: string;
  success: boolean;
  created?: boolean;
  errors?: { statusCode?: string; errorCode?: string; message?: string; fields?: string[] }[];
}

/** One per-record result of a collection request, checked where it arrives. */
function collectionResult(value: unknown, where: string): CollectionResult {
  const result = expectMap(value, where);
  const success = expectBoolean(result, 'success', where);
  const created = result.created;
  const errors = result.errors ?? [];
  if (!Array.isArray(errors)) throw new MalformedResponseError(`${where} has an errors value that is not an array`);
  return {
    id: optionalString(result, 'id', where),
    success,
    created: typeof created === 'boolean' ? created : undefined,
    errors: errors.map((raw, i) => {
      const error = expectMap(raw, `${where}: errors[${i}]`);
      const fields = Array.isArray(error.fields) ? error.fields.map(String) : [];
      return {
        statusCode: optionalString(error, 'statusCode', `${where}: errors[${i}]`),
        errorCode: optionalString(error, 'errorCode', `${where}: errors[${i}]`),
        message: optionalString(error, 'message', `${where}: errors[${i}]`),
        fields,
      };
    }),
  };
}

async function sendCollection(
  session: OrgSession,
  request: WriteRequest,
  batch: Record<string, unknown>[],
): Promise<CollectionResult[]> {
  const sobject = session.conn.sobject(request.sobject);
  const options = { allOrNone: false };
  let results: unknown;
  if (request.operation === 'create') results = await sobject.create(batch as never[], options);
  else if (request.operation === 'upsert')
    results = await sobject.upsert(batch as never[], request.externalIdField ?? 'External_Key__c', options);
  else if (request.operation === 'delete')
    results = await sobject.destroy(
      batch.map((record) => String(record.Id)),
      options,
    );
  else results = await sobject.update(batch as never[], options);
  const where = `the ${request.operation} response for ${request.sobject}`;
  return (Array.isArray(results) ? results : [results]).map((r, i) => collectionResult(r, `${where}: result ${i}`));
}

function outcomeOf(result: CollectionResult): RecordOutcome {
  if (result.success) return { success: true, id: result.id, created: result.created };
  const error = result.errors?.[0];
  return {
    success: false,
    id: result.id,
    errorCode: error?.statusCode ?? error?.errorCode ?? 'UNKNOWN_EXCEPTION',
    message: error?.message ?? 'The org reported a failure without a message',
    fields: error?.fields ?? [],
  };
}

/**
 * Writes every record; returns one outcome per input record, in input order. Whole-request transient
 * failures (503, network) are retried by withRetry; per-record lock errors by resending just those records.
 */
export async function writeRecords(session: OrgSession, request: WriteRequest): Promise<RecordOutcome[]> {
  const policy = request.policy ?? DEFAULT_RETRY_POLICY;
  const outcomes: RecordOutcome[] = new Array(request.records.length);
  for (let start = 0; start < request.records.length; start += COLLECTION_LIMIT) {
    let pending = request.records
      .slice(start, start + COLLECTION_LIMIT)
      .map((record, i) => ({ record, index: start + i }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      const results = await withRetry(
        () =>
          sendCollection(
            session,
            request,
            pending.map((p) => p.record),
          ),
        policy,
        (error, n) => request.onRetry?.(`${request.sobject}: ${(error as Error).message}`, n),
      );
      const retry: typeof pending = [];
      pending.forEach((p, i) => {
        const outcome = outcomeOf(
          results[i] ?? {
            success: false,
            errors: [{ statusCode: 'UNKNOWN_EXCEPTION', message: 'No result returned for this record' }],
          },
        );
        if (!outcome.success && isTransientRecordError(outcome.errorCode ?? '') && attempt < policy.retries)
          retry.push(p);
        else outcomes[p.index] = outcome;
      });
      if (retry.length > 0) {
        request.onRetry?.(`${request.sobject}: ${retry.length} record(s) locked`, attempt + 1);
        await policy.sleep(backoffDelay(attempt, policy));
      }
      request.onProgress?.(pending.length - retry.length);
      pending = retry;
    }
  }
  return outcomes;
}

/** The failures among outcomes, labelled by the record key function. */
export function failuresOf(
  sobject: string,
  records: Record<string, unknown>[],
  outcomes: RecordOutcome[],
  label: (record: Record<string, unknown>) => string,
): WriteFailure[] {
  const failures: WriteFailure[] = [];
  outcomes.forEach((outcome, i) => {
    if (!outcome.success) {
      failures.push({
        sobject,
        record: label(records[i]),
        errorCode: outcome.errorCode ?? 'UNKNOWN_EXCEPTION',
        message: outcome.message ?? '',
        fields: outcome.fields ?? [],
      });
    }
  });
  return failures;
}
