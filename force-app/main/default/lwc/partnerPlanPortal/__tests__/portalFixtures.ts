/**
 * Shared fixtures of the partner portal's tests: a plan in review with two shared sections and three
 * targets, and renderPortal / renderList, which mount the portal and emit every wire it reads the way the
 * platform would (the running user, object info, picklists, the plan, the catalog, sections and targets).
 */
import PartnerPlanPortal from 'c/partnerPlanPortal';
import {
  METRIC_CATALOG_QUERY,
  PARTNER_PLANS_QUERY,
  SHARED_SECTIONS_QUERY,
  SHARED_TARGETS_CURRENCY_QUERY,
  SHARED_TARGETS_QUERY,
} from 'c/planData';
import { flushPromises, mount, textOf } from '@lwc-test/render';
import { find } from '@lwc-test/deep';
import { captureToasts, emitGraphQL, emitObjectInfo, emitPicklist, emitRecord } from '@lwc-test/platform';
import {
  PICKLISTS,
  PLAN_ID,
  catalogData,
  planNode,
  planRecord,
  sectionId,
  sectionNode,
  targetId,
  uiapi,
  type PlanNodeSpec,
  type PlanSpec,
  type SectionSpec,
  type TargetSpec,
} from '@lwc-test/fixtures';
import { sharedTargetNode, userRecord } from '@lwc-test/partnerFixtures';

export const S1 = sectionId(1);
export const S2 = sectionId(2);
export const T1 = targetId(1);
export const T2 = targetId(2);
export const T3 = targetId(3);

export const SECTIONS: SectionSpec[] = [
  { id: S1, name: 'Sales objectives', sectionType: 'Sales Objectives', sortOrder: 10, summary: 'Grow retail revenue' },
  { id: S2, name: 'Marketing', sectionType: 'Marketing', sortOrder: 20, weightedAttainment: 100 },
];

export const TARGETS: TargetSpec[] = [
  {
    id: T1,
    sectionId: S1,
    metric: 'Closed_Won_Revenue',
    targetValue: 250000,
    baselineValue: null,
    actualValue: 100000,
    attainment: 40,
    paceStatus: 'Behind',
  },
  {
    id: T2,
    sectionId: S1,
    metric: 'Joint_Calls',
    targetValue: 30,
    baselineValue: 30,
    actualValue: 21,
    attainment: 70,
    paceStatus: 'On Track',
  },
  {
    id: T3,
    sectionId: S2,
    metric: 'Email_Campaigns',
    targetValue: 4,
    baselineValue: 2,
    actualValue: 4,
    attainment: 100,
    paceStatus: 'Ahead',
  },
];

export interface Setup {
  plan?: PlanSpec;
  sections?: SectionSpec[];
  targets?: TargetSpec[];
  user?: 'partner' | 'internal';
  /** A multi-currency org whose plan is in this currency; default single-currency (USD). */
  currency?: string;
}

export async function renderPortal(setup: Setup = {}) {
  const host = mount('c-partner-plan-portal', PartnerPlanPortal, { recordId: PLAN_ID });
  const toasts = captureToasts(host);
  await flushPromises();
  emitRecord(userRecord(setup.user ?? 'partner'));
  emitObjectInfo('Partner_Account_Plan__c', { editable: true, fields: ['Status__c'] });
  emitObjectInfo('Plan_Target__c', {
    editable: false,
    fields: setup.currency ? ['Target_Value__c', 'CurrencyIsoCode'] : ['Target_Value__c'],
  });
  await flushPromises();
  emitPicklist('Partner_Account_Plan__c.Status__c', PICKLISTS.planStatus);
  emitRecord(planRecord({ status: 'Partner Review', version: 1, ...setup.plan }));
  emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
  const refreshSections = emitGraphQL(
    SHARED_SECTIONS_QUERY,
    uiapi('Plan_Section__c', (setup.sections ?? SECTIONS).map(sectionNode)),
  );
  const targetSpecs = (setup.targets ?? TARGETS).map((t) => ({ ...t, currencyIsoCode: setup.currency }));
  const refreshTargets = setup.currency
    ? emitGraphQL(SHARED_TARGETS_CURRENCY_QUERY, uiapi('Plan_Target__c', targetSpecs.map(sharedTargetNode)))
    : emitGraphQL(SHARED_TARGETS_QUERY, uiapi('Plan_Target__c', targetSpecs.map(sharedTargetNode)));
  await flushPromises();
  return { host, toasts, refreshSections, refreshTargets };
}

export async function renderList(plans: PlanNodeSpec[] | null) {
  const host = mount('c-partner-plan-portal', PartnerPlanPortal, {});
  await flushPromises();
  emitRecord(userRecord('partner'));
  emitObjectInfo('Partner_Account_Plan__c', { editable: true, fields: ['Status__c'] });
  await flushPromises();
  emitPicklist('Partner_Account_Plan__c.Status__c', PICKLISTS.planStatus);
  if (plans) emitGraphQL(PARTNER_PLANS_QUERY, uiapi('Partner_Account_Plan__c', plans.map(planNode)));
  await flushPromises();
  return host;
}

export const text = (host: HTMLElement, dataId: string): string => textOf(find(host, `[data-id="${dataId}"]`));
export const row = (host: HTMLElement, id: string): HTMLElement => find(host, `tr[data-row="${id}"]`);
