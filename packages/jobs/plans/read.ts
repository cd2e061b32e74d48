/**
 * What the plans job reads from the org: the templates and seasonal profiles (custom metadata), the metric
 * semantics, partner accounts, the plans that already exist for a fiscal year, and users' activity. Every
 * record is narrowed where it arrives (response.ts), so a malformed answer names the record it came from.
 */
import type { JsonMap } from '@salesforce/ts-types';
import type { OrgSession } from '../connection';
import { queryAll, queryIn, soqlString } from '../query';
import { expectString, optionalNumber, optionalString } from '../response';
import { EVEN_PROFILE, type MetricTraits, type PeriodType, type SeasonalProfile, type TemplateDef } from './year';

const text = (record: JsonMap, field: string, where: string): string | null =>
  optionalString(record, field, where) ?? null;
const num = (record: JsonMap, field: string, where: string): number | null =>
  optionalNumber(record, field, where) ?? null;

/** A template with what picks it: its tier, whether it is active, its order among the tier's templates. */
export interface TemplateRecord extends TemplateDef {
  active: boolean;
  sortOrder: number;
}

const PERIOD_TYPES = new Set<PeriodType>(['Year', 'Quarter', 'Month']);

/** Every plan template with its sections and targets, in their sort order. */
export async function readTemplates(session: OrgSession): Promise<Map<string, TemplateRecord>> {
  const templates = await queryAll<JsonMap>(
    session,
    'SELECT DeveloperName, MasterLabel, Partner_Tier__c, Review_Cadence__c, Active__c, Sort_Order__c FROM Plan_Template__mdt',
  );
  const sections = await queryAll<JsonMap>(
    session,
    'SELECT DeveloperName, MasterLabel, Template__c, Section_Type__c, Summary__c, Sort_Order__c, Visible_To_Partner__c FROM Plan_Template_Section__mdt',
  );
  const targets = await queryAll<JsonMap>(
    session,
    'SELECT DeveloperName, Template_Section__c, Metric__c, Period_Type__c, Default_Value__c, Split_Profile__c, Weight__c, Sort_Order__c FROM Plan_Template_Target__mdt',
  );
  const byName = new Map<string, TemplateRecord>();
  for (const record of templates) {
    const where = `the Plan_Template__mdt record ${JSON.stringify(record.DeveloperName ?? null)}`;
    const name = expectString(record, 'DeveloperName', where);
    byName.set(name, {
      name,
      label: expectString(record, 'MasterLabel', where),
      tier: text(record, 'Partner_Tier__c', where),
      reviewCadence: text(record, 'Review_Cadence__c', where),
      active: record.Active__c === true,
      sortOrder: num(record, 'Sort_Order__c', where) ?? 0,
      sections: [],
    });
  }
  const sectionsByName = new Map<string, TemplateDef['sections'][number]>();
  for (const record of sections) {
    const where = `the Plan_Template_Section__mdt record ${JSON.stringify(record.DeveloperName ?? null)}`;
    const name = expectString(record, 'DeveloperName', where);
    const template = byName.get(text(record, 'Template__c', where) ?? '');
    if (!template) continue; // the model's checks refuse an unknown template; another org may hold strays
    const section = {
      name,
      label: expectString(record, 'MasterLabel', where),
      sectionType: text(record, 'Section_Type__c', where) ?? 'Custom',
      summary: text(record, 'Summary__c', where),
      sortOrder: num(record, 'Sort_Order__c', where) ?? 0,
      visibleToPartner: record.Visible_To_Partner__c === true,
      targets: [],
    };
    template.sections.push(section);
    sectionsByName.set(name, section);
  }
  for (const record of targets) {
    const where = `the Plan_Template_Target__mdt record ${JSON.stringify(record.DeveloperName ?? null)}`;
    const section = sectionsByName.get(text(record, 'Template_Section__c', where) ?? '');
    const periodType = text(record, 'Period_Type__c', where) as PeriodType | null;
    if (!section) continue;
    if (!periodType || !PERIOD_TYPES.has(periodType))
      throw new Error(`${where} has the period type ${JSON.stringify(periodType)}: expected Year, Quarter or Month`);
    section.targets.push({
      metric: expectString(record, 'Metric__c', where),
      periodType,
      defaultValue: num(record, 'Default_Value__c', where) ?? 0,
      splitProfile: text(record, 'Split_Profile__c', where),
      weight: num(record, 'Weight__c', where),
      sortOrder: num(record, 'Sort_Order__c', where) ?? 0,
    });
  }
  for (const template of byName.values()) {
    template.sections.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));
    for (const section of template.sections) section.targets.sort((a, b) => a.sortOrder - b.sortOrder);
  }
  return byName;
}

/** The seasonal profiles by DeveloperName (Even is always there, as the split's default). */
export async function readProfiles(session: OrgSession): Promise<Record<string, SeasonalProfile>> {
  const rows = await queryAll<JsonMap>(
    session,
    'SELECT DeveloperName, MasterLabel, Q1_Share__c, Q2_Share__c, Q3_Share__c, Q4_Share__c FROM Seasonal_Profile__mdt',
  );
  const profiles: Record<string, SeasonalProfile> = { [EVEN_PROFILE.name]: EVEN_PROFILE };
  for (const record of rows) {
    const where = `the Seasonal_Profile__mdt record ${JSON.stringify(record.DeveloperName ?? null)}`;
    const share = (q: number): number => num(record, `Q${q}_Share__c`, where) ?? 0;
    const name = expectString(record, 'DeveloperName', where);
    profiles[name] = {
      name,
      label: expectString(record, 'MasterLabel', where),
      quarterShares: [share(1), share(2), share(3), share(4)],
    };
  }
  return profiles;
}

/**
 * How each metric's figures read (direction, shape), for the shortfall a rollover may carry, and its unit (a
 * Count splits and carries in whole numbers).
 */
export async function readMetricSemantics(session: OrgSession): Promise<Record<string, MetricTraits>> {
  const rows = await queryAll<JsonMap>(
    session,
    'SELECT DeveloperName, Direction__c, Shape__c, Unit__c FROM Plan_Metric__mdt',
  );
  const metrics: Record<string, MetricTraits> = {};
  for (const record of rows) {
    const where = `the Plan_Metric__mdt record ${JSON.stringify(record.DeveloperName ?? null)}`;
    metrics[expectString(record, 'DeveloperName', where)] = {
      direction: text(record, 'Direction__c', where),
      shape: text(record, 'Shape__c', where),
      unit: text(record, 'Unit__c', where),
    };
  }
  return metrics;
}

export interface Partner {
  id: string;
  /** Account.External_Key__c, else its Id: the partner's part of the plan key. */
  key: string;
  name: string;
  tier: string | null;
  ownerId: string;
  isPartner: boolean;
}

function partnerOf(record: JsonMap): Partner {
  const where = `the Account record ${JSON.stringify(record.Id ?? null)}`;
  const id = expectString(record, 'Id', where);
  return {
    id,
    key: text(record, 'External_Key__c', where) ?? id,
    name: expectString(record, 'Name', where),
    tier: text(record, 'Partner_Tier__c', where),
    ownerId: expectString(record, 'OwnerId', where),
    isPartner: text(record, 'Partner_Type__c', where) !== null,
  };
}

const ACCOUNT_FIELDS = 'SELECT Id, Name, External_Key__c, Partner_Type__c, Partner_Tier__c, OwnerId FROM Account';

/** The partner accounts (with a Partner Type) of a tier, by name. */
export async function partnersOfTier(session: OrgSession, tier: string): Promise<Partner[]> {
  const rows = await queryAll<JsonMap>(
    session,
    `${ACCOUNT_FIELDS} WHERE Partner_Type__c != null AND Partner_Tier__c = ${soqlString(tier)} ORDER BY Name, Id`,
  );
  return rows.map(partnerOf);
}

/** One account by its Id or External_Key__c; throws when there is none. */
export async function partnerByIdOrKey(session: OrgSession, idOrKey: string): Promise<Partner> {
  const byKey = `External_Key__c = ${soqlString(idOrKey)}`;
  const where = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(idOrKey) ? `Id = ${soqlString(idOrKey)} OR ${byKey}` : byKey;
  const [row] = await queryAll<JsonMap>(session, `${ACCOUNT_FIELDS} WHERE ${where} LIMIT 1`);
  if (!row) throw new Error(`No account has the Id or External_Key__c "${idOrKey}".`);
  return partnerOf(row);
}

/** A plan that already exists: its key and status, and the partner and fiscal year it is for. */
export interface ExistingPlan {
  id: string;
  key: string | null;
  name: string;
  status: string | null;
  partnerAccountId: string;
}

/** The plans of these partners for a fiscal year (by its label), or with one of these keys. */
export async function existingPlans(
  session: OrgSession,
  partnerIds: string[],
  fiscalYear: string,
  keys: string[],
): Promise<ExistingPlan[]> {
  const select =
    'SELECT Id, Name, External_Key__c, Status__c, Partner_Account__c, Fiscal_Year__c FROM Partner_Account_Plan__c';
  // queryIn takes no other condition: the partners' plans of other years are dropped here.
  const ofPartners = await queryIn<JsonMap>(session, select, 'Partner_Account__c', partnerIds);
  const rows = [
    ...ofPartners.filter((record) => record.Fiscal_Year__c === fiscalYear),
    ...(await queryIn<JsonMap>(session, select, 'External_Key__c', keys)),
  ];
  const byId = new Map<string, ExistingPlan>();
  for (const record of rows) {
    const where = `the plan record ${JSON.stringify(record.Id ?? null)}`;
    const id = expectString(record, 'Id', where);
    byId.set(id, {
      id,
      key: text(record, 'External_Key__c', where),
      name: expectString(record, 'Name', where),
      status: text(record, 'Status__c', where),
      partnerAccountId: expectString(record, 'Partner_Account__c', where),
    });
  }
  return [...byId.values()];
}

/** The sections' and targets' Ids by External_Key__c under these plans, for completing one a run left half-made. */
export async function childKeys(
  session: OrgSession,
  planIds: string[],
): Promise<{ sections: Map<string, string>; targets: Map<string, string> }> {
  const sections = new Map<string, string>();
  const targets = new Map<string, string>();
  if (planIds.length === 0) return { sections, targets };
  const sectionRows = await queryIn<JsonMap>(
    session,
    'SELECT Id, External_Key__c FROM Plan_Section__c',
    'Partner_Account_Plan__c',
    planIds,
  );
  for (const row of sectionRows) {
    const key = text(row, 'External_Key__c', 'a section record');
    if (key) sections.set(key, expectString(row, 'Id', 'a section record'));
  }
  const targetRows = await queryIn<JsonMap>(
    session,
    'SELECT Id, External_Key__c FROM Plan_Target__c',
    'Plan_Section__c',
    [...new Set(sectionRows.map((row) => expectString(row, 'Id', 'a section record')))],
  );
  for (const row of targetRows) {
    const key = text(row, 'External_Key__c', 'a target record');
    if (key) targets.set(key, expectString(row, 'Id', 'a target record'));
  }
  return { sections, targets };
}

/** The Id of an active user by username; throws when there is none. */
export async function activeUserId(session: OrgSession, username: string): Promise<string> {
  const [row] = await queryAll<JsonMap>(
    session,
    `SELECT Id, IsActive FROM User WHERE Username = ${soqlString(username)} LIMIT 1`,
  );
  if (!row) throw new Error(`No user has the username "${username}".`);
  if (row.IsActive !== true) throw new Error(`The user "${username}" is inactive and cannot own plans.`);
  return expectString(row, 'Id', `the User record of ${username}`);
}

/** Which of these users are active. */
export async function activeUsers(session: OrgSession, ids: string[]): Promise<Set<string>> {
  const rows = await queryIn<JsonMap>(session, 'SELECT Id, IsActive FROM User', 'Id', ids);
  return new Set(rows.filter((row) => row.IsActive === true).map((row) => expectString(row, 'Id', 'a User record')));
}
