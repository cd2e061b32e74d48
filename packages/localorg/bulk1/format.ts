/**
 * Bulk API 1.0's wire formats: jobInfo, batchInfo, batchInfoList, result lists and errors, in XML (namespace
 * `http://www.force.com/2009/06/asyncapi/dataload`, numbers as text) or JSON (the same fields, numbers as
 * numbers), in the elements' documented order; and ingest batch results as CSV or JSON, one per record in
 * the batch's order. Errors are `<error><exceptionCode/><exceptionMessage/></error>` (or the JSON object).
 */
import type { Reply } from '../rest/context';
import { xmlElements, XML_DECLARATION, type XmlFields } from '../xml';
import type { Batch1, Job1 } from './store';

export const ASYNC_NAMESPACE = 'http://www.force.com/2009/06/asyncapi/dataload';

/** A refused Bulk API 1.0 request: `InvalidJob`, `InvalidBatch`, `InvalidSessionId`, ... */
export class Bulk1Error extends Error {
  constructor(
    readonly exceptionCode: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'Bulk1Error';
  }
}

export type WireFormat = 'xml' | 'json';

export type BatchState = 'Queued' | 'InProgress' | 'Completed' | 'Failed' | 'Not Processed';

/** A batch's state as its internal job reports it. */
export interface BatchStatus {
  state: BatchState;
  stateMessage: string | null;
  processed: number;
  failed: number;
  time: number;
  systemModstamp: string;
}

/** Fields written as JSON numbers (XML writes every value as text). */
type Fields = [string, string | number | null][];

function render(root: string, fields: Fields, format: WireFormat, status = 200): Reply {
  const present = fields.filter(([, value]) => value !== null) as [string, string | number][];
  if (format === 'json') {
    return { status, body: Object.fromEntries(present), headers: { 'Content-Type': 'application/json' } };
  }
  return xmlBody(`<${root} xmlns="${ASYNC_NAMESPACE}">${xmlElements(present as XmlFields)}</${root}>`, status);
}

const xmlBody = (content: string, status = 200): Reply => ({
  status,
  body: `${XML_DECLARATION}${content}`,
  headers: { 'Content-Type': 'application/xml' },
});

export function errorReply(error: Bulk1Error, format: WireFormat): Reply {
  return render(
    'error',
    [
      ['exceptionCode', error.exceptionCode],
      ['exceptionMessage', error.message],
    ],
    format,
    error.status,
  );
}

export interface JobTotals {
  queued: number;
  inProgress: number;
  completed: number;
  failed: number;
  total: number;
  processed: number;
  recordsFailed: number;
  time: number;
}

export function jobInfoReply(job: Job1, totals: JobTotals, format: WireFormat): Reply {
  return render(
    'jobInfo',
    [
      ['id', job.id],
      ['operation', job.operation],
      ['object', job.object],
      ['externalIdFieldName', job.externalIdFieldName],
      ['createdById', job.createdById],
      ['createdDate', job.createdDate],
      ['systemModstamp', job.systemModstamp],
      ['state', job.state],
      ['concurrencyMode', job.concurrencyMode],
      ['contentType', job.contentType],
      ['numberBatchesQueued', totals.queued],
      ['numberBatchesInProgress', totals.inProgress],
      ['numberBatchesCompleted', totals.completed],
      ['numberBatchesFailed', totals.failed],
      ['numberBatchesTotal', totals.total],
      ['numberRecordsProcessed', totals.processed],
      ['numberRetries', 0],
      ['apiVersion', format === 'json' ? Number(job.apiVersion) : job.apiVersion],
      ['numberRecordsFailed', totals.recordsFailed],
      ['totalProcessingTime', totals.time],
      ['apiActiveProcessingTime', totals.time],
      ['apexProcessingTime', 0],
    ],
    format,
  );
}

function batchFields(batch: Batch1, status: BatchStatus): Fields {
  return [
    ['id', batch.id],
    ['jobId', batch.jobId],
    ['state', status.state],
    ['stateMessage', status.stateMessage],
    ['createdDate', batch.createdDate],
    ['systemModstamp', status.systemModstamp],
    ['numberRecordsProcessed', status.processed],
    ['numberRecordsFailed', status.failed],
    ['totalProcessingTime', status.time],
    ['apiActiveProcessingTime', status.time],
    ['apexProcessingTime', 0],
  ];
}

export function batchInfoReply(batch: Batch1, status: BatchStatus, format: WireFormat, httpStatus = 200): Reply {
  return render('batchInfo', batchFields(batch, status), format, httpStatus);
}

export function batchListReply(batches: [Batch1, BatchStatus][], format: WireFormat): Reply {
  if (format === 'json') {
    const batchInfo = batches.map(([batch, status]) =>
      Object.fromEntries(batchFields(batch, status).filter(([, value]) => value !== null)),
    );
    return { status: 200, body: { batchInfo }, headers: { 'Content-Type': 'application/json' } };
  }
  const items = batches
    .map(([batch, status]) => {
      const present = batchFields(batch, status).filter(([, value]) => value !== null) as XmlFields;
      return `<batchInfo>${xmlElements(present)}</batchInfo>`;
    })
    .join('');
  return xmlBody(`<batchInfoList xmlns="${ASYNC_NAMESPACE}">${items}</batchInfoList>`);
}

/** A query batch's result Ids. */
export function resultListReply(ids: string[], format: WireFormat): Reply {
  if (format === 'json') return { status: 200, body: ids, headers: { 'Content-Type': 'application/json' } };
  const items = ids.map((id) => xmlElements([['result', id]])).join('');
  return xmlBody(`<result-list xmlns="${ASYNC_NAMESPACE}">${items}</result-list>`);
}

/** One record's outcome; `error` is `CODE:message:fields --` as Bulk API row errors read. */
export interface RecordResult {
  id: string | null;
  success: boolean;
  created: boolean;
  error: string;
}

const quoted = (value: string): string => `"${value.replace(/"/g, '""')}"`;

/** Ingest batch results: CSV (`"Id","Success","Created","Error"`) or JSON save results. */
export function ingestResultsReply(results: Iterable<RecordResult>, format: WireFormat): Reply {
  if (format === 'json') {
    const body = [...results].map((r) => ({
      success: r.success,
      created: r.created,
      id: r.id,
      errors: r.error ? [jsonError(r.error)] : [],
    }));
    return { status: 200, body, headers: { 'Content-Type': 'application/json' } };
  }
  const lines = ['"Id","Success","Created","Error"'];
  for (const r of results) {
    lines.push([r.id ?? '', String(r.success), String(r.created), r.error].map(quoted).join(','));
  }
  return { status: 200, body: `${lines.join('\n')}\n`, headers: { 'Content-Type': 'text/csv' } };
}

/** `CODE:message:FIELD,FIELD --` back into the JSON error object. */
function jsonError(text: string): { statusCode: string; message: string; fields: string[] } {
  const match = /^([^:]*):([\s\S]*):([^:]*?) ?--$/.exec(text);
  if (!match) return { statusCode: 'UNKNOWN_EXCEPTION', message: text, fields: [] };
  return { statusCode: match[1], message: match[2], fields: match[3] ? match[3].split(',') : [] };
}
