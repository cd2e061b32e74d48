/**
 * Builders of c/planData's domain values (what the readers return), for tests of the pure modules
 * (c/planInsights, c/targetEdits) that take them directly rather than through a wire.
 */
import type { Metric, PlanTarget } from 'c/planData';

/** A catalog metric: an APR action count unless `extra` says otherwise; default semantics (Higher, Cumulative). */
export const domainMetric = (name: string, filter: string | null, extra: Partial<Metric> = {}): Metric => ({
  name,
  label: name.replace(/_/g, ' '),
  category: 'Activity',
  unit: 'Count',
  sortOrder: 1,
  active: true,
  sourceObject: 'APR_Action__c',
  filter,
  description: null,
  helpText: null,
  direction: 'Higher is better',
  shape: 'Cumulative',
  aheadThreshold: null,
  behindThreshold: null,
  ...extra,
});

let n = 0;

/** A quarterly Joint Calls target of 10 in Q2 2026 of plan P26 (FY2026, from 2026-01-01), nothing measured yet. */
export const domainTarget = (spec: Partial<PlanTarget>): PlanTarget => ({
  id: `a03${++n}`,
  name: '',
  sectionId: null,
  metric: 'Joint_Calls',
  periodType: 'Quarter',
  periodTypeLabel: 'Quarter',
  periodStart: '2026-04-01',
  periodEnd: '2026-06-30',
  targetValue: 10,
  baselineValue: null,
  revisionReason: null,
  actualValue: null,
  attainment: null,
  expectedToDate: null,
  paceStatus: null,
  weight: 1,
  aeId: null,
  aeName: null,
  partnerManagerId: null,
  partnerManagerName: null,
  targetAccountId: null,
  targetAccountName: null,
  currencyIsoCode: null,
  planId: 'P26',
  planName: 'FY26',
  planStatus: 'Active',
  partnerAccountId: 'ACC1',
  partnerName: 'Northwind',
  planFiscalYear: 'FY2026',
  planPeriodStart: '2026-01-01',
  ...spec,
});
