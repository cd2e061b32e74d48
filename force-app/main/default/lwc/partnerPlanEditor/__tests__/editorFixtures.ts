/**
 * Shared fixtures of the plan editor's tests: three sections and three targets, and renderEditor, which
 * mounts the editor and emits every wire it reads (object info, picklists, the plan, the catalog, the
 * sections and targets) the way the platform would.
 */
import PartnerPlanEditor from 'c/partnerPlanEditor';
import { METRIC_CATALOG_QUERY, PLAN_SECTIONS_QUERY, PLAN_TARGETS_CURRENCY_QUERY, PLAN_TARGETS_QUERY } from 'c/planData';
import { flushPromises, mount, prop, textOf } from '@lwc-test/render';
import { find, findAll } from '@lwc-test/deep';
import { captureToasts, emitGraphQL, emitObjectInfo, emitPicklist, emitRecord } from '@lwc-test/platform';
import { freezeTime, restoreTime } from '@lwc-test/time';
import {
  PICKLISTS,
  PLAN_ID,
  catalogData,
  planRecord,
  sectionId,
  sectionNode,
  targetId,
  targetNode,
  uiapi,
  type PlanSpec,
  type SectionSpec,
  type TargetSpec,
} from '@lwc-test/fixtures';

// The grids fold closed periods away: every test file of the editor runs on 2026-05-20 in Los Angeles, when
// the fixtures' Q2 2026 targets are current, unless a test freezes another day (its own beforeEach runs after).
beforeEach(() => freezeTime('2026-05-20T17:00:00.000Z'));
afterEach(() => restoreTime());

export const S1 = sectionId(1);
export const S2 = sectionId(2);
export const S3 = sectionId(3);
export const T1 = targetId(1);
export const T2 = targetId(2);
export const T3 = targetId(3);

export const SECTIONS: SectionSpec[] = [
  { id: S1, name: 'Sales objectives', sectionType: 'Sales Objectives', sortOrder: 10, summary: 'Grow retail revenue' },
  { id: S2, name: 'Marketing', sectionType: 'Marketing', sortOrder: 20 },
  { id: S3, name: 'Enablement', sectionType: 'Training and Certification', sortOrder: 30 },
];

export const TARGETS: TargetSpec[] = [
  {
    id: T1,
    sectionId: S1,
    metric: 'Closed_Won_Revenue',
    targetValue: 250000,
    actualValue: 100000,
    attainment: 40,
    paceStatus: 'Behind',
  },
  {
    id: T2,
    sectionId: S1,
    metric: 'Joint_Calls',
    targetValue: 30,
    actualValue: 21,
    attainment: 70,
    paceStatus: 'On Track',
  },
  {
    id: T3,
    sectionId: S2,
    metric: 'Email_Campaigns',
    targetValue: 4,
    actualValue: 4,
    attainment: 100,
    paceStatus: 'Ahead',
  },
];

export interface Setup {
  plan?: PlanSpec;
  sections?: SectionSpec[];
  targets?: TargetSpec[];
  truncated?: boolean;
  /** The running user may edit plans, sections and targets (a partner manager); false: read only (an AE). */
  editable?: boolean;
  /** A multi-currency org (targets have CurrencyIsoCode) whose plan is in this currency; default single-currency. */
  currency?: string;
  /** The page shows the plan's comment thread beside the editor (the plan record page does). */
  hidePlanComments?: boolean;
}

export async function renderEditor(setup: Setup = {}) {
  const host = mount('c-partner-plan-editor', PartnerPlanEditor, {
    recordId: PLAN_ID,
    hidePlanComments: setup.hidePlanComments ?? false,
  });
  const toasts = captureToasts(host);
  await flushPromises();
  const editable = setup.editable ?? true;
  emitObjectInfo('Partner_Account_Plan__c', { editable, fields: ['Status__c'] });
  emitObjectInfo('Plan_Section__c', { editable, fields: ['Summary__c'] });
  const targetFields = setup.currency ? ['Target_Value__c', 'CurrencyIsoCode'] : ['Target_Value__c'];
  emitObjectInfo('Plan_Target__c', { editable, fields: targetFields });
  await flushPromises();
  emitPicklist('Partner_Account_Plan__c.Status__c', PICKLISTS.planStatus);
  emitPicklist('Plan_Section__c.Section_Type__c', PICKLISTS.sectionType);
  emitPicklist('Plan_Target__c.Period_Type__c', PICKLISTS.periodType);
  emitRecord(planRecord(setup.plan));
  emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
  const refreshSections = emitGraphQL(
    PLAN_SECTIONS_QUERY,
    uiapi('Plan_Section__c', (setup.sections ?? SECTIONS).map(sectionNode)),
  );
  const targetSpecs = (setup.targets ?? TARGETS).map((t) => ({ ...t, currencyIsoCode: setup.currency }));
  const refreshTargets = emitGraphQL(
    setup.currency ? PLAN_TARGETS_CURRENCY_QUERY : PLAN_TARGETS_QUERY,
    uiapi('Plan_Target__c', targetSpecs.map(targetNode), { hasNextPage: setup.truncated }),
  );
  await flushPromises();
  return { host, toasts, refreshSections, refreshTargets };
}

export const row = (host: HTMLElement, id: string): HTMLElement => find(host, `tr[data-row="${id}"]`);
export const input = (host: HTMLElement, id: string): HTMLInputElement =>
  find<HTMLInputElement>(host, `input[data-id="${id}"]`);
/** A locked target's value: no input, the number in its unit (lightning-formatted-number). */
export function lockedValue(host: HTMLElement, id: string): Element {
  if (row(host, id).querySelector('input')) throw new Error(`target ${id} still shows an input`);
  return find(host, `tr[data-row="${id}"] [data-id="target-value"] lightning-formatted-number`);
}
export const sectionNames = (host: HTMLElement): string[] => findAll(host, '[data-id="section-title"]').map(textOf);
/** The status the lifecycle path shows as its current step. */
export const statusText = (host: HTMLElement): string =>
  prop<string>(find(host, 'lightning-progress-indicator'), 'currentStep');
