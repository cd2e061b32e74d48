/**
 * Helpers for the plans job's tests (`plans create` / `plans rollover`): partner accounts of a tier, a plan read
 * back with its sections and targets in key order, and the templates and profiles as the org holds them.
 */
import type { TestOrg } from './localorg';

/** Creates a partner account (Reseller) of a tier; returns its Id. */
export async function createTierPartner(
  t: TestOrg,
  spec: { name: string; tier: string | null; key?: string; ownerId?: string; partnerType?: string | null },
): Promise<string> {
  const created = await t.conn.sobject('Account').create({
    Name: spec.name,
    Partner_Type__c: spec.partnerType === undefined ? 'Reseller' : spec.partnerType,
    Partner_Tier__c: spec.tier,
    ...(spec.key ? { External_Key__c: spec.key } : {}),
    ...(spec.ownerId ? { OwnerId: spec.ownerId } : {}),
  });
  if (!created.success) throw new Error(`could not create account ${spec.name}`);
  return created.id;
}

export interface PlanRow {
  Id: string;
  Name: string;
  External_Key__c: string | null;
  Status__c: string;
  OwnerId: string;
  Partner_Account__c: string;
  Fiscal_Year__c: string | null;
  Period_Start__c: string;
  Period_End__c: string;
  Review_Cadence__c: string | null;
  Template__c: string | null;
  Previous_Plan__c: string | null;
  Vision__c: string | null;
}

export interface SectionRow {
  Id: string;
  Name: string;
  External_Key__c: string | null;
  Section_Type__c: string;
  Summary__c: string | null;
  Sort_Order__c: number | null;
  Visible_To_Partner__c: boolean;
}

export interface TargetRow {
  Id: string;
  External_Key__c: string | null;
  Plan_Section__c: string;
  Metric__c: string;
  Period_Type__c: string;
  Period_Start__c: string;
  Period_End__c: string;
  Target_Value__c: number;
  Actual_Value__c: number | null;
  Parent_Target__c: string | null;
  Split_Profile__c: string | null;
  Carried_Shortfall__c: number | null;
  Previous_Target__c: string | null;
  Accountable_AE__c: string | null;
  Weight__c: number | null;
}

const PLAN_FIELDS =
  'Id, Name, External_Key__c, Status__c, OwnerId, Partner_Account__c, Fiscal_Year__c, Period_Start__c, Period_End__c, Review_Cadence__c, Template__c, Previous_Plan__c, Vision__c';
const TARGET_FIELDS =
  'Id, External_Key__c, Plan_Section__c, Metric__c, Period_Type__c, Period_Start__c, Period_End__c, Target_Value__c, Actual_Value__c, Parent_Target__c, Split_Profile__c, Carried_Shortfall__c, Previous_Target__c, Accountable_AE__c, Weight__c';

/** The plans of an account, by key. */
export async function plansOf(t: TestOrg, accountId: string): Promise<PlanRow[]> {
  const result = await t.conn.query<PlanRow>(
    `SELECT ${PLAN_FIELDS} FROM Partner_Account_Plan__c WHERE Partner_Account__c = '${accountId}' ORDER BY Period_Start__c, External_Key__c`,
  );
  return result.records;
}

/** A plan with its sections (by sort order) and targets (by external key). */
export async function planTree(
  t: TestOrg,
  planId: string,
): Promise<{ plan: PlanRow; sections: SectionRow[]; targets: TargetRow[] }> {
  const plan = (
    await t.conn.query<PlanRow>(`SELECT ${PLAN_FIELDS} FROM Partner_Account_Plan__c WHERE Id = '${planId}'`)
  ).records[0];
  const sections = (
    await t.conn.query<SectionRow>(
      `SELECT Id, Name, External_Key__c, Section_Type__c, Summary__c, Sort_Order__c, Visible_To_Partner__c FROM Plan_Section__c WHERE Partner_Account_Plan__c = '${planId}' ORDER BY Sort_Order__c`,
    )
  ).records;
  const targets = (
    await t.conn.query<TargetRow>(
      `SELECT ${TARGET_FIELDS} FROM Plan_Target__c WHERE Plan_Section__r.Partner_Account_Plan__c = '${planId}' ORDER BY External_Key__c`,
    )
  ).records;
  return { plan, sections, targets };
}

export interface TemplateTargetRow {
  DeveloperName: string;
  Template_Section__c: string;
  Metric__c: string;
  Period_Type__c: string;
  Default_Value__c: number;
  Split_Profile__c: string | null;
  Sort_Order__c: number;
}

/** A template's sections (by sort order) and targets, as the org's custom metadata holds them. */
export async function templateOf(
  t: TestOrg,
  template: string,
): Promise<{ sections: { DeveloperName: string; MasterLabel: string }[]; targets: TemplateTargetRow[] }> {
  const sections = (
    await t.conn.query<{ DeveloperName: string; MasterLabel: string; Sort_Order__c: number }>(
      `SELECT DeveloperName, MasterLabel, Sort_Order__c FROM Plan_Template_Section__mdt WHERE Template__c = '${template}'`,
    )
  ).records.sort((a, b) => a.Sort_Order__c - b.Sort_Order__c);
  const names = new Set(sections.map((s) => s.DeveloperName));
  const targets = (
    await t.conn.query<TemplateTargetRow>(
      'SELECT DeveloperName, Template_Section__c, Metric__c, Period_Type__c, Default_Value__c, Split_Profile__c, Sort_Order__c FROM Plan_Template_Target__mdt',
    )
  ).records.filter((r) => names.has(r.Template_Section__c));
  return { sections, targets };
}

/** A seasonal profile's four quarter shares. */
export async function profileShares(t: TestOrg, profile: string): Promise<number[]> {
  const row = (
    await t.conn.query<Record<string, number>>(
      `SELECT Q1_Share__c, Q2_Share__c, Q3_Share__c, Q4_Share__c FROM Seasonal_Profile__mdt WHERE DeveloperName = '${profile}'`,
    )
  ).records[0];
  return [row.Q1_Share__c, row.Q2_Share__c, row.Q3_Share__c, row.Q4_Share__c];
}

/** Sums money figures exactly (to the cent). */
export const sumCents = (values: number[]): number => Math.round(values.reduce((s, v) => s + v * 100, 0)) / 100;
