/**
 * Test data for a plan's year (the template dialog and rollover): plan templates, seasonal profiles, a
 * partner's plan years, a plan's record keys and a rollover's source plan, in the shapes of c/planData's
 * documents (typed, so a fixture that drifts from its query does not compile).
 */
import type { PlanSourceData, PlanYearsData, RecordKeysData, SeasonalProfilesData, TemplatesData } from 'c/planData';
import { PARTNER, id, recordOf, uiapi } from './fixtures';

const v = <T>(value: T | null): { value: T | null } => ({ value });

export const ACCOUNT_ID = PARTNER.id;

/** The partner account as getRecord gives it (Name, Partner_Tier__c, External_Key__c, Partner_Type__c). */
export function accountRecord(over: { tier?: string | null; key?: string | null; type?: string | null } = {}) {
  return recordOf('Account', ACCOUNT_ID, {
    Id: ACCOUNT_ID,
    Name: PARTNER.name,
    Partner_Tier__c: over.tier === undefined ? 'Gold' : over.tier,
    External_Key__c: over.key === undefined ? 'P-0001' : over.key,
    Partner_Type__c: over.type === undefined ? 'Reseller' : over.type,
  });
}

/** Two active templates (Gold: sales split by quarter Back Loaded and a year target; Silver) and an inactive one. */
export function templatesData(options: { none?: boolean } = {}): TemplatesData {
  const template = (name: string, tier: string, active: boolean, sort: number) => ({
    Id: id('m01', sort),
    DeveloperName: v(name),
    MasterLabel: v(`${name} partner plan`),
    Partner_Tier__c: v(tier),
    Description__c: v(`Sections and targets for ${tier} partners.`),
    Review_Cadence__c: v('Quarterly'),
    Active__c: v(active),
    Sort_Order__c: v(sort),
  });
  const section = (name: string, tpl: string, label: string, type: string, sort: number) => ({
    Id: id('m02', sort),
    DeveloperName: v(name),
    MasterLabel: v(label),
    Template__c: v(tpl),
    Section_Type__c: v(type),
    Summary__c: v(`${label} for the year.`),
    Sort_Order__c: v(sort),
    Visible_To_Partner__c: v(true),
  });
  const target = (
    name: string,
    sec: string,
    metric: string,
    periodType: string,
    value: number,
    profile: string | null,
    sort: number,
  ) => ({
    Id: id('m03', sort),
    DeveloperName: v(name),
    Template_Section__c: v(sec),
    Metric__c: v(metric),
    Period_Type__c: v(periodType),
    Default_Value__c: v(value),
    Split_Profile__c: v(profile),
    Weight__c: v(2),
    Sort_Order__c: v(sort),
  });
  const templates = options.none
    ? []
    : [template('Silver', 'Silver', true, 30), template('Gold', 'Gold', true, 20), template('Old', 'Gold', false, 5)];
  return {
    uiapi: {
      query: {
        Plan_Template__mdt: { edges: templates.map((node) => ({ node })) },
        Plan_Template_Section__mdt: {
          edges: [
            section('Gold_Sales', 'Gold', 'Sales Objectives', 'Sales Objectives', 10),
            section('Gold_Marketing', 'Gold', 'Marketing', 'Marketing', 20),
            section('Silver_Sales', 'Silver', 'Sales', 'Sales Objectives', 30),
          ].map((node) => ({ node })),
        },
        Plan_Template_Target__mdt: {
          edges: [
            target('Gold_Revenue', 'Gold_Sales', 'Closed_Won_Revenue', 'Quarter', 400000, 'Back_Loaded', 10),
            target('Gold_Deals', 'Gold_Sales', 'Deal_Registrations', 'Year', 24, null, 20),
            target('Silver_Revenue', 'Silver_Sales', 'Closed_Won_Revenue', 'Year', 100000, null, 30),
          ].map((node) => ({ node })),
        },
      },
    },
  };
}

export function profilesData(): SeasonalProfilesData {
  return uiapi('Seasonal_Profile__mdt', [
    {
      Id: id('m04', 1),
      DeveloperName: v('Back_Loaded'),
      MasterLabel: v('Back loaded'),
      Q1_Share__c: v(20),
      Q2_Share__c: v(23),
      Q3_Share__c: v(27),
      Q4_Share__c: v(30),
      Description__c: v(null),
      Sort_Order__c: v(20),
    },
  ]);
}

export interface PlanYearSpec {
  id: string;
  name: string;
  fiscalYear: string | null;
  start: string;
  end: string;
  status?: string;
  key?: string | null;
  previousPlanId?: string | null;
}

export function planYearsData(plans: PlanYearSpec[]): PlanYearsData {
  return uiapi(
    'Partner_Account_Plan__c',
    plans.map((p) => ({
      Id: p.id,
      Name: v(p.name),
      External_Key__c: v(p.key ?? null),
      Status__c: v(p.status ?? 'Active'),
      Fiscal_Year__c: v(p.fiscalYear),
      Period_Start__c: v(p.start),
      Period_End__c: v(p.end),
      Previous_Plan__c: v(p.previousPlanId ?? null),
    })),
  );
}

export function recordKeysData(sections: [string, string | null][] = [], targets: [string, string | null][] = []) {
  const nodes = (list: [string, string | null][]) =>
    list.map(([recordId, key]) => ({ node: { Id: recordId, External_Key__c: v(key) } }));
  const data: RecordKeysData = {
    uiapi: { query: { Plan_Section__c: { edges: nodes(sections) }, Plan_Target__c: { edges: nodes(targets) } } },
  };
  return data;
}

export interface SourceTargetSpec {
  id: string;
  sectionId: string;
  metric: string;
  periodType: 'Year' | 'Quarter' | 'Month';
  start: string;
  end: string;
  value: number;
  actual: number | null;
  parentId?: string | null;
}

/** A plan with its sections and targets, as PLAN_SOURCE_QUERY answers. */
export function planSourceData(
  plan: { id: string; status: string; fiscalYear: string | null; start: string; end: string } | null,
  sections: { id: string; name: string }[],
  targets: SourceTargetSpec[],
): PlanSourceData {
  const plans = plan
    ? [
        {
          Id: plan.id,
          Name: v(`${PARTNER.name} ${plan.fiscalYear ?? ''} Plan`),
          External_Key__c: v(`PLAN-P-0001-${plan.fiscalYear ?? ''}`),
          Status__c: v(plan.status),
          Partner_Account__c: v(ACCOUNT_ID),
          Partner_Account__r: { Name: v(PARTNER.name), External_Key__c: v('P-0001') },
          Fiscal_Year__c: v(plan.fiscalYear),
          Period_Start__c: v(plan.start),
          Period_End__c: v(plan.end),
          Review_Cadence__c: v('Quarterly'),
          OwnerId: v(id('005', 1)),
          Vision__c: v('Lead the region'),
          Strategic_Priorities__c: v(null),
          Strengths__c: v(null),
          Weaknesses__c: v(null),
          Opportunities__c: v(null),
          Threats__c: v(null),
          Communication_Plan__c: v(null),
          Budget__c: v(null),
          Executive_Sponsor__c: v(null),
          Partner_Contact__c: v(null),
        },
      ]
    : [];
  return {
    uiapi: {
      query: {
        Partner_Account_Plan__c: { edges: plans.map((node) => ({ node })) },
        Plan_Section__c: {
          edges: sections.map((s, i) => ({
            node: {
              Id: s.id,
              Name: v(s.name),
              Section_Type__c: v('Sales Objectives'),
              Summary__c: v(null),
              Sort_Order__c: v((i + 1) * 10),
              Visible_To_Partner__c: v(true),
              Budget__c: v(null),
              Section_Owner__c: v(null),
            },
          })),
        },
        Plan_Target__c: {
          edges: targets.map((t) => ({
            node: {
              Id: t.id,
              Plan_Section__c: v(t.sectionId),
              External_Key__c: v(null),
              Metric__c: v(t.metric),
              Period_Type__c: v(t.periodType),
              Period_Start__c: v(t.start),
              Period_End__c: v(t.end),
              Target_Value__c: v(t.value),
              Actual_Value__c: v(t.actual),
              Accountable_AE__c: v(null),
              Accountable_Partner_Manager__c: v(null),
              Target_Account__c: v(null),
              Weight__c: v(1),
              Parent_Target__c: v(t.parentId ?? null),
              Split_Profile__c: v(null),
            },
          })),
        },
      },
    },
  };
}
