/* eslint-disable no-restricted-globals -- the babel parser reports property signatures (name) as uses of globals */
/** The Program Overview's test data: aggregate rows as the org answers the overview's documents. */
import { METRIC_CATALOG_QUERY } from 'c/planData';
import { emitGraphQL, emitObjectInfo, emitPicklist } from '@lwc-test/platform';
import { PARTNER, USERS, catalogData, id } from '@lwc-test/fixtures';
import {
  ACTION_LEADERBOARD_QUERY,
  ATTAINMENT_BY_TIER_QUERY,
  BEHIND_BY_MANAGER_QUERY,
  PLANS_BY_PARTNER_QUERY,
  STALE_DEALS_BY_OWNER_QUERY,
  TARGETS_BY_MANAGER_QUERY,
} from '../queries';

const v = <T>(value: T | null) => ({ value });
const connection = (object: string, rows: Record<string, unknown>[], hasNextPage = false) => ({
  uiapi: {
    aggregate: { [object]: { edges: rows.map((aggregate) => ({ node: { aggregate } })), pageInfo: { hasNextPage } } },
  },
});

export const PARTNER_2 = { id: id('001', 9), name: 'Contoso Systems' };
export const PLAN_1 = { id: id('a01', 1), name: 'Northwind FY2026' };
export const PLAN_2 = { id: id('a01', 2), name: 'Contoso FY2026' };
export const PLAN_3 = { id: id('a01', 3), name: 'Contoso Services FY2026' };

export interface PlanSpec {
  plan: { id: string; name: string };
  partner: { id: string; name: string } | null;
  tier: string | null;
  attainment: number | null;
}

export const PLANS: PlanSpec[] = [
  { plan: PLAN_1, partner: PARTNER, tier: 'Gold', attainment: 82.5 },
  { plan: PLAN_2, partner: PARTNER_2, tier: 'Platinum', attainment: 40 },
  { plan: PLAN_3, partner: PARTNER_2, tier: 'Platinum', attainment: 60 },
];

export const plansData = (plans: PlanSpec[] = PLANS, hasNextPage = false) =>
  connection(
    'Partner_Account_Plan__c',
    plans.map((p) => ({
      Partner_Account__c: v(p.partner ? p.partner.id : null),
      Partner_Account__r: { Name: v(p.partner ? p.partner.name : null), Partner_Tier__c: v(p.tier) },
      Id: v(p.plan.id),
      Name: v(p.plan.name),
      Overall_Attainment__c: { avg: v(p.attainment) },
    })),
    hasNextPage,
  );

export const tiersData = () =>
  connection('Partner_Account_Plan__c', [
    {
      Partner_Account__r: { Partner_Tier__c: v('Gold') },
      Id: { count: v(1) },
      Partner_Account__c: { countDistinct: v(1) },
      Overall_Attainment__c: { avg: v(82.5), min: v(82.5), max: v(82.5) },
    },
    {
      Partner_Account__r: { Partner_Tier__c: v('Platinum') },
      Id: { count: v(2) },
      Partner_Account__c: { countDistinct: v(1) },
      Overall_Attainment__c: { avg: v(50), min: v(40), max: v(60) },
    },
  ]);

const managerRow = (
  manager: { id: string; name: string } | null,
  metric: string,
  figures: {
    targets: number;
    avg: number | null;
    withAttainment: number;
    target: number;
    expected: number;
    actual: number;
  },
) => ({
  Accountable_Partner_Manager__c: v(manager ? manager.id : null),
  Accountable_Partner_Manager__r: { Name: v(manager ? manager.name : null) },
  Metric__c: v(metric),
  Id: { count: v(figures.targets) },
  Attainment__c: { avg: v(figures.avg), count: v(figures.withAttainment) },
  Target_Value__c: { sum: v(figures.target) },
  Expected_To_Date__c: { sum: v(figures.expected) },
  Actual_Value__c: { sum: v(figures.actual) },
});

export const managersData = () =>
  connection('Plan_Target__c', [
    managerRow(USERS.pm, 'Closed_Won_Revenue', {
      targets: 2,
      avg: 50,
      withAttainment: 2,
      target: 400000,
      expected: 300000,
      actual: 200000,
    }),
    managerRow(USERS.pm, 'Win_Rate', { targets: 1, avg: 80, withAttainment: 1, target: 30, expected: 30, actual: 24 }),
    managerRow(USERS.pm2, 'Closed_Won_Revenue', {
      targets: 1,
      avg: 120,
      withAttainment: 1,
      target: 100000,
      expected: 75000,
      actual: 120000,
    }),
    managerRow(null, 'Deal_Registrations', {
      targets: 1,
      avg: null,
      withAttainment: 0,
      target: 10,
      expected: 5,
      actual: 0,
    }),
  ]);

const behindRow = (
  manager: { id: string; name: string },
  plan: { id: string; name: string },
  partner: string,
  count: number,
) => ({
  Accountable_Partner_Manager__c: v(manager.id),
  Accountable_Partner_Manager__r: { Name: v(manager.name) },
  Plan_Section__r: {
    Partner_Account_Plan__c: v(plan.id),
    Partner_Account_Plan__r: { Name: v(plan.name), Partner_Account__r: { Name: v(partner) } },
  },
  Id: { count: v(count) },
});

export const behindData = (empty = false) =>
  connection(
    'Plan_Target__c',
    empty ? [] : [behindRow(USERS.pm, PLAN_2, PARTNER_2.name, 2), behindRow(USERS.pm, PLAN_1, PARTNER.name, 1)],
  );

const actionRow = (actor: { id: string; name: string }, type: string, actions: number, quantity: number) => ({
  Actor__c: v(actor.id),
  Actor__r: { Name: v(actor.name) },
  Action_Type__c: v(type),
  Id: { count: v(actions) },
  Quantity__c: { sum: v(quantity) },
});

export const actionsData = (empty = false) =>
  connection(
    'APR_Action__c',
    empty
      ? []
      : [
          actionRow(USERS.ae, 'Joint Call', 3, 3),
          actionRow(USERS.pm, 'Demo', 4, 4),
          actionRow(USERS.pm, 'Joint Call', 2, 5),
        ],
  );

export const staleData = (empty = false) =>
  connection(
    'Opportunity',
    empty
      ? []
      : [
          {
            OwnerId: v(USERS.ae.id),
            Owner: { Name: v(USERS.ae.name) },
            Id: { count: v(2) },
            Amount: { sum: v(50000) },
          },
          {
            OwnerId: v(USERS.ae2.id),
            Owner: { Name: v(USERS.ae2.name) },
            Id: { count: v(3) },
            Amount: { sum: v(30000) },
          },
        ],
  );

/** Emits every wire's answer: the program as above, or pieces of it. */
export async function emitAll(
  options: { plans?: PlanSpec[]; emptyActivity?: boolean; multiCurrency?: boolean } = {},
  flush: () => Promise<void>,
): Promise<void> {
  emitObjectInfo('Account');
  emitObjectInfo('Plan_Target__c', { fields: options.multiCurrency ? ['CurrencyIsoCode'] : [] });
  await flush();
  emitPicklist('Account.Partner_Tier__c', [
    { label: 'Platinum', value: 'Platinum' },
    { label: 'Gold', value: 'Gold' },
    { label: 'Silver', value: 'Silver' },
  ]);
  emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
  emitGraphQL(PLANS_BY_PARTNER_QUERY, plansData(options.plans));
  emitGraphQL(ATTAINMENT_BY_TIER_QUERY, tiersData());
  emitGraphQL(TARGETS_BY_MANAGER_QUERY, managersData());
  emitGraphQL(BEHIND_BY_MANAGER_QUERY, behindData(options.emptyActivity));
  emitGraphQL(ACTION_LEADERBOARD_QUERY, actionsData(options.emptyActivity));
  emitGraphQL(STALE_DEALS_BY_OWNER_QUERY, staleData(options.emptyActivity));
  await flush();
}
