/**
 * Data storage, counted and enforced as Salesforce does it: most records take 2 KB whatever their fields
 * hold (a Campaign 8 KB, a Campaign Member 1 KB); setup records (users, profiles, permission sets and
 * their assignments, record shares) and read-only platform or metadata records take none. A scratch org
 * has 200 MB. A create that would take the org past its maximum fails with STORAGE_LIMIT_EXCEEDED and
 * writes nothing; updates and deletes are never refused.
 *
 * Counting every table on each insert would make a bulk load quadratic, so the usage is counted once and
 * then advanced by each record created. Deletes lower the real usage without telling the meter (the org has
 * no undelete), so the estimate only errs upwards: only when it would pass the maximum is it counted again,
 * before anything is refused. (A periodic recount would scan every table during large loads.)
 */
import type { ObjectSchema } from './schema';
import { SalesforceError } from './errors';
import { quoteIdent } from './sql';
import type { Storage } from './storage';

/** A Developer Edition scratch org's data storage. */
export const DEFAULT_DATA_STORAGE_MB = 200;
const DEFAULT_RECORD_KB = 2;
const RECORD_KB: Record<string, number> = { Campaign: 8, CampaignMember: 1 };
/** Setup objects: their records do not count toward data storage. */
const SETUP_OBJECTS = new Set([
  'User',
  'Profile',
  'PermissionSet',
  'PermissionSetAssignment',
  'UserRole',
  'Organization',
  'RecordType',
  'Group',
  'GroupMember',
]);

/**
 * Rows of counted objects that the platform itself makes with the org take none either, like the setup
 * records above: the standard price book (platform.ts). SQL conditions selecting the rows that do count.
 */
const COUNTED_ROWS: Record<string, string> = { Pricebook2: '"IsStandard" = 0' };

/** The storage a record of `obj` takes, in KB (0 for records that do not count). */
export function recordKb(obj: ObjectSchema): number {
  if (obj.readOnly || obj.model.shareOf || obj.model.kind === 'customMetadata' || SETUP_OBJECTS.has(obj.name)) return 0;
  return RECORD_KB[obj.name] ?? DEFAULT_RECORD_KB;
}

interface Meter {
  maxMb: number;
  /** Estimated usage in KB: exact when last counted, plus every record created since. */
  usedKb: number;
}

const meters = new WeakMap<Storage, Meter>();

/** The KB the org's live records take, counted table by table. */
export function countDataStorageKb(storage: Storage): number {
  let kb = 0;
  for (const obj of storage.schema.objects.values()) {
    const size = recordKb(obj);
    if (size === 0) continue;
    const counted = COUNTED_ROWS[obj.name];
    const where = counted ? `"IsDeleted" = 0 AND ${counted}` : '"IsDeleted" = 0';
    const count = storage
      .statement(`SELECT COUNT(*) FROM ${quoteIdent(obj.table)} WHERE ${where}`)
      .pluck(true)
      .get() as number;
    kb += count * size;
  }
  return kb;
}

/** Sets the org's data storage maximum (MB); the org calls it once at start. */
export function setDataStorageLimit(storage: Storage, maxMb: number): void {
  if (!Number.isFinite(maxMb) || maxMb <= 0)
    throw new RangeError(`dataStorageMB must be a positive number, not ${maxMb}`);
  meters.set(storage, { maxMb, usedKb: countDataStorageKb(storage) });
}

/** The org's data storage maximum and usage in MB, counted now. */
export function dataStorageUsage(storage: Storage): { maxMb: number; usedMb: number } {
  const meter = meters.get(storage);
  const usedKb = countDataStorageKb(storage);
  if (meter) meter.usedKb = usedKb;
  return { maxMb: meter?.maxMb ?? DEFAULT_DATA_STORAGE_MB, usedMb: usedKb / 1024 };
}

export const storageLimitExceeded = (): SalesforceError =>
  new SalesforceError(400, 'STORAGE_LIMIT_EXCEEDED', 'storage limit exceeded');

/**
 * Called before a record of `obj` is inserted: refuses it when it would take the org past its maximum,
 * else counts it. A storage without a limit set (a tool opening the database directly) is not metered.
 */
export function assertStorageAvailable(storage: Storage, obj: ObjectSchema): void {
  const meter = meters.get(storage);
  const size = recordKb(obj);
  if (!meter || size === 0) return;
  const maxKb = meter.maxMb * 1024;
  if (meter.usedKb + size > maxKb) meter.usedKb = countDataStorageKb(storage);
  if (meter.usedKb + size > maxKb) throw storageLimitExceeded();
  meter.usedKb += size;
}
