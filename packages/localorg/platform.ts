/**
 * Records the platform owns rather than any client: the Organization row (with the fiscal year start
 * month that FISCAL_* periods follow) and the profiles users are given. Written on every start, with
 * stable Ids; read-only through the API, as in an org.
 */
import { PROFILES } from '@partner-planning/model';
import { makeId } from './ids';
import { ensurePermissionSets } from './permission-sets';
import { quoteIdent } from './sql';
import type { Storage } from './storage';

export interface PlatformOptions {
  /** Organization.FiscalYearStartMonth, 1-12 (January by default, as in a new org). */
  fiscalYearStartMonth?: number;
  now: Date;
}

export interface PlatformRecords {
  orgId: string;
  fiscalYearStartMonth: number;
  /** Profile name to Id. */
  profiles: Map<string, string>;
}

export function ensurePlatformRecords(storage: Storage, options: PlatformOptions): PlatformRecords {
  const month = options.fiscalYearStartMonth ?? Number(storage.getMeta('fiscalYearStartMonth') ?? 1);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new Error(`fiscalYearStartMonth must be a month number from 1 to 12, not ${month}`);
  }
  const orgId = storage.getMeta('orgId') ?? makeId('00D', 1);
  const stamp = options.now.toISOString();
  const organization = storage.schema.objects.get('Organization');
  const profile = storage.schema.objects.get('Profile');
  if (!organization || !profile) throw new Error('the model has no Organization or Profile object');
  const profiles = new Map(PROFILES.map((name, i) => [name, makeId('00e', i + 1)]));
  storage.db.transaction(() => {
    storage.setMeta('orgId', orgId);
    storage.setMeta('fiscalYearStartMonth', String(month));
    const audit = { IsDeleted: 0, CreatedDate: stamp, LastModifiedDate: stamp, SystemModstamp: stamp };
    storage.db.prepare(`DELETE FROM ${quoteIdent(organization.table)}`).run();
    storage.insertRow(organization, {
      Id: orgId,
      Name: 'Local Org',
      FiscalYearStartMonth: month,
      DefaultLocaleSidKey: 'en_US',
      TimeZoneSidKey: 'GMT',
      OrganizationType: 'Developer Edition',
      IsSandbox: 0,
      // A Developer Edition org: no namespace, no trial end; the instance is this machine.
      InstanceName: 'LOCAL',
      NamespacePrefix: null,
      TrialExpirationDate: null,
      ...audit,
    });
    storage.db.prepare(`DELETE FROM ${quoteIdent(profile.table)}`).run();
    for (const [name, id] of profiles) storage.insertRow(profile, { Id: id, Name: name, ...audit });
    ensurePermissionSets(storage, options.now);
  })();
  return { orgId, fiscalYearStartMonth: month, profiles };
}
