/**
 * Realistic creation dates for the records whose metrics count by CreatedDate (opportunities, leads, campaign
 * members). An org takes them on insert only with "Set Audit Fields upon Record Creation"; elsewhere the
 * loader leaves them out and the org stamps the day of the load (see load.ts).
 */
import { addDays, type IsoDate } from '../periods';
import type { Random } from '../random';
import type { RecordOutcome } from '../writer';

/**
 * Audit fields the dataset gives on insert (realistic creation dates); the org takes them only with "Set Audit
 * Fields upon Record Creation" (the org setting and the running user's CreateAuditFields permission).
 */
export const SEED_AUDIT_FIELDS: ReadonlySet<string> = new Set(['CreatedDate', 'CreatedById']);

/**
 * The objects whose generated records give them (a partner may have none of some, so no sample to check):
 * their creation dates, and a plan comment's author too.
 */
export const DATED_OBJECTS: readonly string[] = ['Opportunity', 'Lead', 'CampaignMember', 'Plan_Comment__c'];

/** What the seed says when the org does not take the creation dates, and how to make it. */
export const AUDIT_FIELDS_NOTE =
  "records were created today: the running user cannot set CreatedDate, so metrics counted by creation date read only this day and the sales and lead cycle times are off. To load realistic creation dates, turn on Setup > User Interface > \"Enable 'Set Audit Fields upon Record Creation' and 'Update Records with Inactive Owners' User Permissions\" (the scratch definition's securitySettings.enableAuditFieldsInactiveOwner) and assign the Partner_Planning_Data_Load permission set to the user who seeds (npm run setup:scratch does both), then seed a new org.";

/**
 * A CreatedDate on `day` at a working hour (UTC), never later than the day before `asOf`: a record cannot be
 * created in the future, and the as-of day may not have reached that hour yet.
 */
export function createdAt(rng: Random, day: IsoDate, asOf: IsoDate): string {
  const latest = addDays(asOf, -1);
  const date = day < latest ? day : latest;
  const hour = rng.int(8, 17);
  const minute = rng.int(0, 59);
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
}

/**
 * Writes one level: new records that give audit fields (their creation date) are inserted, as an org takes
 * audit fields on insert only, never on an upsert; the others are upserted. One outcome per payload, in order.
 */
export async function writeDated(
  payloads: Record<string, unknown>[],
  write: (payloads: Record<string, unknown>[], operation: 'upsert' | 'insert') => Promise<RecordOutcome[]>,
): Promise<RecordOutcome[]> {
  const dated = (p: Record<string, unknown>): boolean => Object.keys(p).some((f) => SEED_AUDIT_FIELDS.has(f));
  const inserts = payloads.flatMap((p, i) => (dated(p) ? [i] : []));
  if (inserts.length === 0) return write(payloads, 'upsert');
  const upserts = payloads.flatMap((p, i) => (dated(p) ? [] : [i]));
  const outcomes: RecordOutcome[] = new Array(payloads.length);
  const inserted = await write(
    inserts.map((i) => payloads[i]),
    'insert',
  );
  // A create's result has no `created` flag: every success is a new record.
  inserted.forEach((outcome, n) => (outcomes[inserts[n]] = { ...outcome, created: outcome.success }));
  if (upserts.length > 0) {
    const upserted = await write(
      upserts.map((i) => payloads[i]),
      'upsert',
    );
    upserted.forEach((outcome, n) => (outcomes[upserts[n]] = outcome));
  }
  return outcomes;
}
