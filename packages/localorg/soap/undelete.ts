/**
 * The partner API's `undelete(ids)` (jsforce's `conn.soap.undelete`): restores records from the recycle bin,
 * with what their delete took along (dml/recycle-bin.ts). One result per Id, in order; each Id succeeds or
 * fails alone, and a failure is an UndeleteResult error, never a fault: a malformed Id, a record that is not
 * in the recycle bin (UNDELETE_FAILED), one the caller cannot see or may not delete.
 */
import type { RequestContext } from '../context';
import { normalizeId } from '../ids';
import type { OrgRuntime } from '../rest/context';
import { child, type XmlFields } from '../xml';
import { errorsElement, perRequest, RecordCallError, type CallAnswer } from './record-calls';

/** At most 200 Ids per call, as the API documents for undelete(). */
const MAX_IDS = 200;

/** The Ids of an undelete call's `<ids>` elements (repeated or single), as sent. */
export function undeleteIds(call: unknown): string[] {
  const value = call && typeof call === 'object' ? (call as Record<string, unknown>).ids : undefined;
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.map((item) => (typeof item === 'string' ? item : String(child(item, '#text') ?? '')).trim());
}

function undeleteOne(org: OrgRuntime, ctx: RequestContext, raw: string): XmlFields {
  const id = normalizeId(raw);
  if (!id) throw new RecordCallError('MALFORMED_ID', `bad id ${raw}`);
  const obj = org.schema.byKeyPrefix.get(id.slice(0, 3));
  if (!obj) throw new RecordCallError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
  const found = org.dml.lookup(obj, id, ctx);
  if (found.kind === 'live') throw new RecordCallError('UNDELETE_FAILED', 'Entity is not in the recycle bin');
  if (found.kind !== 'deleted') throw new RecordCallError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
  org.dml.undelete(ctx, obj, found.row);
  return [
    ['id', id],
    ['success', true],
  ];
}

/** The `<result>` elements of an undeleteResponse, or the fault when the call itself is refused. */
export function undeleteResults(org: OrgRuntime, ctx: RequestContext, ids: string[]): CallAnswer {
  return perRequest(
    org,
    ids,
    MAX_IDS,
    (raw) => undeleteOne(org, ctx, raw),
    (raw, statusCode, message) => [
      errorsElement(statusCode, message),
      ['id', normalizeId(raw) ?? null],
      ['success', false],
    ],
  );
}
