/**
 * Records the platform owns rather than any client: the Organization row (with the fiscal year start
 * month and naming that FISCAL_* periods follow), the fiscal calendar's FiscalYearSettings and Period rows,
 * the profiles users are given and the licences they take (partner-users.ts), and the groups of every role
 * (role-groups.ts, backfilled for roles that have none). Written on every start, with stable Ids; read-only
 * through the API, as in an org. And the org's standard price book, which every org has (IsStandard = true): made once, then
 * kept, since clients may update it (not delete it) and its entries point at it.
 */
import { PROFILES } from '@partner-planning/model';
import {
  CUSTOM_FISCAL_YEARS_META,
  customFiscalYears,
  FISCAL_NAME_START_META,
  periodRows,
  type CustomFiscalYearSpec,
  type FiscalCalendar,
} from './fiscal';
import { makeId } from './ids';
import { ensureLicenses, licenseOfProfile } from './partner-users';
import { ensurePermissionSets } from './permission-sets';
import { ensureAnalyticsRecords } from './analytics/records';
import { backfillRoleGroups } from './role-groups';
import { quoteIdent, type Row } from './sql';
import type { Storage } from './storage';

export interface PlatformOptions {
  /** Organization.FiscalYearStartMonth, 1-12 (January by default, as in a new org). */
  fiscalYearStartMonth?: number;
  /** Organization.UsesStartDateAsFiscalYearName: true names a fiscal year after the calendar year it starts in. */
  fiscalYearNameStart?: boolean;
  /** Custom fiscal years (FiscalYearSettings and their Period rows); an empty list returns to standard years. */
  customFiscalYears?: CustomFiscalYearSpec[];
  /** Partner Community licences (UserLicense.TotalLicenses); default: the data folder's, else 50. */
  partnerLicenses?: number;
  now: Date;
}

export interface PlatformRecords {
  orgId: string;
  fiscalYearStartMonth: number;
  fiscal: FiscalCalendar;
  /** Profile name to Id. */
  profiles: Map<string, string>;
}

export function ensurePlatformRecords(storage: Storage, options: PlatformOptions): PlatformRecords {
  const month = options.fiscalYearStartMonth ?? Number(storage.getMeta('fiscalYearStartMonth') ?? 1);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new Error(`fiscalYearStartMonth must be a month number from 1 to 12, not ${month}`);
  }
  // Like the start month, settings given once are kept by the data folder for later starts.
  const namedByStart = options.fiscalYearNameStart ?? storage.getMeta(FISCAL_NAME_START_META) === '1';
  const customSpecs =
    options.customFiscalYears ??
    (JSON.parse(storage.getMeta(CUSTOM_FISCAL_YEARS_META) ?? '[]') as CustomFiscalYearSpec[]);
  const fiscal: FiscalCalendar = { startMonth: month, namedByStart, custom: customFiscalYears(customSpecs) };
  const orgId = storage.getMeta('orgId') ?? makeId('00D', 1);
  const stamp = options.now.toISOString();
  const organization = storage.schema.objects.get('Organization');
  const profile = storage.schema.objects.get('Profile');
  if (!organization || !profile) throw new Error('the model has no Organization or Profile object');
  const profiles = new Map(PROFILES.map((name, i) => [name, makeId('00e', i + 1)]));
  storage.db.transaction(() => {
    storage.setMeta('orgId', orgId);
    storage.setMeta('fiscalYearStartMonth', String(month));
    storage.setMeta(FISCAL_NAME_START_META, namedByStart ? '1' : '0');
    storage.setMeta(CUSTOM_FISCAL_YEARS_META, JSON.stringify(customSpecs));
    const audit = { IsDeleted: 0, CreatedDate: stamp, LastModifiedDate: stamp, SystemModstamp: stamp };
    storage.db.prepare(`DELETE FROM ${quoteIdent(organization.table)}`).run();
    storage.insertRow(organization, {
      Id: orgId,
      Name: 'Local Org',
      FiscalYearStartMonth: month,
      UsesStartDateAsFiscalYearName: namedByStart ? 1 : 0,
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
    const licenses = licenseOfProfile();
    for (const [name, id] of profiles) {
      storage.insertRow(profile, { Id: id, Name: name, UserLicenseId: licenses.get(name) ?? null, ...audit });
    }
    ensureLicenses(storage, options.partnerLicenses, stamp);
    backfillRoleGroups(storage, options.now);
    writeFiscalRecords(storage, fiscal, options.now, audit);
    ensurePermissionSets(storage, options.now);
    ensureAnalyticsRecords(storage, options.now);
    ensureStandardPricebook(storage, audit);
  })();
  return { orgId, fiscalYearStartMonth: month, fiscal, profiles };
}

/** The standard price book's Id, stable across starts; its own pod character keeps it apart from client-made books. */
export const STANDARD_PRICEBOOK_ID = makeId('01s', 1, '1');

/** Makes the standard price book if the org has none; an existing one keeps what clients changed (IsActive). */
function ensureStandardPricebook(storage: Storage, audit: Row): void {
  const pricebook = storage.schema.objects.get('Pricebook2');
  if (!pricebook) throw new Error('the model has no Pricebook2 object');
  if (storage.getRow(pricebook, STANDARD_PRICEBOOK_ID)) return;
  storage.insertRow(pricebook, {
    Id: STANDARD_PRICEBOOK_ID,
    Name: 'Standard Price Book',
    Description: null,
    IsActive: 1,
    IsStandard: 1,
    ...audit,
  });
}

/**
 * The Period rows of the calendar (standard years around today, and every custom year) and a
 * FiscalYearSettings row per custom year, rewritten with stable Ids.
 */
function writeFiscalRecords(storage: Storage, fiscal: FiscalCalendar, now: Date, audit: Row): void {
  const settings = storage.schema.objects.get('FiscalYearSettings');
  const period = storage.schema.objects.get('Period');
  if (!settings || !period) throw new Error('the model has no FiscalYearSettings or Period object');
  storage.db.prepare(`DELETE FROM ${quoteIdent(period.table)}`).run();
  storage.db.prepare(`DELETE FROM ${quoteIdent(settings.table)}`).run();
  const settingsIds = new Map(fiscal.custom.map((c, i) => [c.year, makeId(settings.keyPrefix, i + 1)]));
  const yearPeriodIds = new Map<number, string>();
  periodRows(fiscal, now.toISOString().slice(0, 10)).forEach((row, i) => {
    const id = makeId(period.keyPrefix, i + 1);
    if (row.type === 'Year' && row.customYear !== undefined) yearPeriodIds.set(row.customYear, id);
    storage.insertRow(period, {
      Id: id,
      FiscalYearSettingsId: row.customYear === undefined ? null : (settingsIds.get(row.customYear) ?? null),
      Type: row.type,
      StartDate: row.start,
      EndDate: row.end,
      Number: row.number,
      FullyQualifiedLabel: row.fullyQualifiedLabel,
      PeriodLabel: null,
      QuarterLabel: null,
      IsForecastPeriod: 0,
      ...audit,
    });
  });
  fiscal.custom.forEach((c, i) => {
    storage.insertRow(settings, {
      Id: makeId(settings.keyPrefix, i + 1),
      Name: String(c.year),
      Description: null,
      StartDate: c.start,
      EndDate: c.end,
      PeriodId: yearPeriodIds.get(c.year) ?? null,
      IsStandardYear: 0,
      YearType: 'Custom',
      QuarterLabelScheme: 'NumberByYear',
      QuarterPrefix: 'Q',
      PeriodLabelScheme: 'NumberByYear',
      PeriodPrefix: 'P',
      WeekLabelScheme: 'NumberByYear',
      // Sunday, the en_US locale's first day of the week.
      WeekStartDay: 1,
      ...audit,
    });
  });
}
