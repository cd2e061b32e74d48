import PlanProgress from 'c/planProgress';
import {
  ACCOUNT_PLANS_QUERY,
  ACCOUNT_TARGETS_CURRENCY_QUERY,
  ACCOUNT_TARGETS_QUERY,
  LAST_SUCCESSFUL_RUN_QUERY,
  METRIC_CATALOG_QUERY,
  RECENT_RUNS_QUERY,
} from 'c/planData';
import { click, find, findAll, flushPromises, mount, prop, textOf } from '@lwc-test/render';
import {
  emitGraphQL,
  emitGraphQLErrors,
  emitObjectInfo,
  emitPicklist,
  generateUrl,
  getObjectInfo,
  graphQLVariables,
  navigate,
} from '@lwc-test/platform';
import {
  CATALOG,
  MARKETING_SPEND,
  PARTNER,
  catalogData,
  id,
  planNode,
  runsData,
  targetId,
  targetWithPlanNode,
  uiapi,
  type PlanNodeSpec,
  type TargetSpec,
} from '@lwc-test/fixtures';
import { freezeTime } from '@lwc-test/time';

const ACTIVE = id('a01', 26);
const DRAFT = id('a01', 27);
const OLD = id('a01', 25);
const q2 = { planId: ACTIVE, periodStart: '2026-04-01', periodEnd: '2026-06-30' };

const PLANS: PlanNodeSpec[] = [
  { id: DRAFT, name: 'Northwind FY2027', status: 'Draft', periodStart: '2027-01-01', periodEnd: '2027-12-31' },
  { id: ACTIVE, name: 'Northwind FY2026', status: 'Active', overallAttainment: 61.5 },
];

const TARGETS: TargetSpec[] = [
  // Pace ratio = actual / expected to date: 40%, 90%, 20%, 125%, 75%; one not started; one in Q1.
  {
    id: targetId(1),
    metric: 'Closed_Won_Revenue',
    targetValue: 200000,
    actualValue: 40000,
    expectedToDate: 100000,
    attainment: 20,
    paceStatus: 'Behind',
    ...q2,
  },
  {
    id: targetId(2),
    metric: 'Joint_Calls',
    targetValue: 30,
    actualValue: 18,
    expectedToDate: 20,
    attainment: 60,
    paceStatus: 'On Track',
    ...q2,
  },
  {
    id: targetId(3),
    metric: 'Demos',
    targetValue: 10,
    actualValue: 1,
    expectedToDate: 5,
    attainment: 10,
    paceStatus: 'Behind',
    ...q2,
  },
  {
    id: targetId(4),
    metric: 'Deal_Registrations',
    targetValue: 8,
    actualValue: 5,
    expectedToDate: 4,
    attainment: 62.5,
    paceStatus: 'Ahead',
    ...q2,
  },
  {
    id: targetId(5),
    metric: 'Email_Campaigns',
    targetValue: 4,
    actualValue: 1.5,
    expectedToDate: 2,
    attainment: 37.5,
    paceStatus: 'Behind',
    ...q2,
  },
  {
    id: targetId(6),
    metric: 'Win_Rate',
    targetValue: 30,
    actualValue: null,
    expectedToDate: 0,
    attainment: null,
    paceStatus: null,
    ...q2,
  },
  {
    id: targetId(7),
    metric: 'Demos',
    planId: ACTIVE,
    periodStart: '2026-01-01',
    periodEnd: '2026-03-31',
    actualValue: 0,
    expectedToDate: 9,
  },
  {
    id: targetId(8),
    metric: 'Demos',
    planId: DRAFT,
    periodStart: '2027-01-01',
    periodEnd: '2027-03-31',
    actualValue: 0,
    expectedToDate: 9,
  },
];

/** `currency`: a multi-currency org (targets have CurrencyIsoCode) whose plans are in that currency. */
async function renderProgress(plans: PlanNodeSpec[] = PLANS, targets: TargetSpec[] = TARGETS, currency?: string) {
  const host = mount('c-plan-progress', PlanProgress, { recordId: PARTNER.id });
  await flushPromises();
  // The targets' document is chosen from their object info (with CurrencyIsoCode or not): then it runs.
  emitObjectInfo('Plan_Target__c', { fields: currency ? ['CurrencyIsoCode'] : [] });
  await flushPromises();
  emitGraphQL(METRIC_CATALOG_QUERY, catalogData([...CATALOG, MARKETING_SPEND]));
  emitGraphQL(ACCOUNT_PLANS_QUERY, uiapi('Partner_Account_Plan__c', plans.map(planNode)));
  const nodes = targets.map((t) => targetWithPlanNode({ ...t, currencyIsoCode: currency }));
  if (currency) emitGraphQL(ACCOUNT_TARGETS_CURRENCY_QUERY, uiapi('Plan_Target__c', nodes));
  else emitGraphQL(ACCOUNT_TARGETS_QUERY, uiapi('Plan_Target__c', nodes));
  await flushPromises();
  return host;
}

describe('c-plan-progress', () => {
  beforeEach(() => freezeTime('2026-05-20T17:00:00.000Z'));

  it('reads the plans and targets of the account it is placed on', async () => {
    const host = mount('c-plan-progress', PlanProgress, { recordId: PARTNER.id });
    await flushPromises();
    expect(graphQLVariables(ACCOUNT_PLANS_QUERY)).toEqual({ accountId: PARTNER.id });
    // No targets query until their object info says whether CurrencyIsoCode exists (a single-currency org here).
    expect(graphQLVariables(ACCOUNT_TARGETS_QUERY)).toBeUndefined();
    emitObjectInfo('Plan_Target__c');
    await flushPromises();
    expect(graphQLVariables(ACCOUNT_TARGETS_QUERY)).toEqual({ accountId: PARTNER.id });
    expect(graphQLVariables(ACCOUNT_TARGETS_CURRENCY_QUERY)).toBeUndefined();
    expect(find(host, '[data-id="loading"] lightning-spinner')).toBeTruthy();
  });

  it('shows the active plan with attainment, pace to date and a link to it', async () => {
    const host = await renderProgress();
    const link = find<HTMLAnchorElement>(host, '[data-id="plan-link"]');
    expect(textOf(link)).toBe('Northwind FY2026');
    expect(link.getAttribute('href')).toBe(`/lightning/r/Partner_Account_Plan__c/${ACTIVE}/view`);
    expect(generateUrl).toHaveBeenCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: ACTIVE, objectApiName: 'Partner_Account_Plan__c', actionName: 'view' },
    });
    expect(textOf(find(host, '[data-id="plan-details"]'))).toBe('Active · Jan 1 – Dec 31, 2026');
    expect(textOf(find(host, '[data-id="attainment"]'))).toBe('61.5%');
    expect(prop(find(host, 'lightning-progress-bar'), 'value')).toBe(61.5);
    // Current (Q2) targets only: (40 + 90 + 20 + 125 + 75) / 5 = 70% of expected.
    expect(textOf(find(host, '[data-id="pace"]'))).toBe(
      'Actual is 70% of what was expected by today. 2 targets on track, ahead or met; 3 behind, missed or over budget.',
    );
    await expect(host).toBeAccessible();
  });

  it('lists the three targets furthest behind what was expected by today', async () => {
    const host = await renderProgress();
    expect(findAll(host, '[data-id="behind-metric"]').map(textOf)).toEqual([
      'Demos',
      'Closed Won Revenue',
      'Email Campaigns',
    ]);
    expect(findAll(host, '[data-id="behind-values"]').map(textOf)).toEqual([
      '1 of 10',
      '$40,000 of $200,000',
      '1.5 of 4',
    ]);
    expect(findAll(host, '[data-id="behind-expected"]').map(textOf)).toEqual([
      '20% of expected to date',
      '40% of expected to date',
      '75% of expected to date',
    ]);
    expect(findAll(host, 'c-pace-badge').map((b) => prop(b, 'status'))).toEqual(['Behind', 'Behind', 'Behind']);
    expect(findAll(host, '[data-id="behind-period"]').map(textOf)).toEqual(['FY2026 Q2', 'FY2026 Q2', 'FY2026 Q2']);
  });

  it('reads each target by its semantics: an over-budget spend is behind, though its ratio is capped', async () => {
    const spend: TargetSpec = {
      id: targetId(9),
      metric: 'Marketing_Spend',
      targetValue: 18800,
      actualValue: 35400,
      expectedToDate: 9400,
      attainment: 188.3,
      paceStatus: 'Over Budget',
      ...q2,
    };
    const host = await renderProgress(PLANS, [spend, TARGETS[1], TARGETS[2]]);
    // Demos 20% (Behind), Marketing Spend capped at 100% (Over Budget), Joint Calls 90% (On Track).
    expect(findAll(host, '[data-id="behind-metric"]').map(textOf)).toEqual(['Demos', 'Marketing Spend', 'Joint Calls']);
    expect(findAll(host, 'c-pace-badge').map((b) => prop(b, 'status'))).toEqual(['Behind', 'Over Budget', 'On Track']);
    expect(findAll(host, '[data-id="behind-values"]').map(textOf)[1]).toBe('$35,400 of $18,800');
    // (20 + 100 + 90) / 3 = 70: the overspend does not lift pace above 100%.
    expect(textOf(find(host, '[data-id="pace"]'))).toBe(
      'Actual is 70% of what was expected by today. 1 targets on track, ahead or met; 2 behind, missed or over budget.',
    );
    await expect(host).toBeAccessible();
  });

  it("shows a EUR plan's values in euros to a USD user (multi-currency org)", async () => {
    const host = await renderProgress(PLANS, TARGETS, 'EUR');
    expect(graphQLVariables(ACCOUNT_TARGETS_CURRENCY_QUERY)).toEqual({ accountId: PARTNER.id });
    expect(graphQLVariables(ACCOUNT_TARGETS_QUERY)).toBeUndefined();
    expect(findAll(host, '[data-id="behind-values"]').map(textOf)[1]).toBe('€40,000 of €200,000');
  });

  it('says when the actuals are as of, and warns when the last rollup run failed', async () => {
    const host = await renderProgress();
    const success = { name: 'RUN-0000007', status: 'Succeeded', startedAt: '2026-05-20T16:15:00.000Z' };
    const failed = { name: 'RUN-0000008', status: 'Failed', startedAt: '2026-05-20T16:45:00.000Z' };
    emitGraphQL(LAST_SUCCESSFUL_RUN_QUERY, runsData([success]));
    emitGraphQL(RECENT_RUNS_QUERY, runsData([failed, success]));
    await flushPromises();
    const freshness = find(host, 'c-rollup-freshness');
    expect(textOf(find(freshness, '[data-id="as-of"]'))).toBe('Actuals as of May 20, 2026, 9:15 AM');
    expect(textOf(find(freshness, '[data-id="freshness-warning"]'))).toBe(
      'The last rollup run (RUN-0000008, May 20, 2026, 9:45 AM) failed: actuals may be out of date.',
    );
    await expect(host).toBeAccessible();
  });

  it('navigates to the plan on click', async () => {
    const host = await renderProgress();
    await click(find(host, '[data-id="plan-link"]'));
    expect(navigate).toHaveBeenCalledWith(
      {
        type: 'standard__recordPage',
        attributes: { recordId: ACTIVE, objectApiName: 'Partner_Account_Plan__c', actionName: 'view' },
      },
      undefined,
    );
  });

  it('prefers an active plan whose period contains today over an accepted or older one', async () => {
    const host = await renderProgress([
      { id: OLD, name: 'Northwind FY2025', status: 'Active', periodStart: '2025-01-01', periodEnd: '2025-12-31' },
      { id: DRAFT, name: 'Northwind H2', status: 'Accepted', periodStart: '2026-01-01', periodEnd: '2026-12-31' },
      { id: ACTIVE, name: 'Northwind FY2026', status: 'Active' },
    ]);
    expect(textOf(find(host, '[data-id="plan-link"]'))).toBe('Northwind FY2026');
  });

  it('says when no target expects anything yet', async () => {
    const host = await renderProgress(PLANS, [{ id: targetId(1), metric: 'Demos', expectedToDate: 0, ...q2 }]);
    expect(textOf(find(host, '[data-id="none-behind"]'))).toBe('No target expects results yet in the current period.');
    expect(textOf(find(host, '[data-id="pace"]'))).toBe(
      'Nothing is expected yet in this period. 0 targets on track, ahead or met; 1 behind, missed or over budget.',
    );
  });

  it('shows the empty state, pointing to a plan that is not active yet', async () => {
    const host = await renderProgress([PLANS[0]], []);
    expect(textOf(find(host, '[data-id="empty"]'))).toContain('This partner has no accepted or active plan.');
    const upcoming = find(host, '[data-id="upcoming-link"]');
    expect(prop(upcoming, 'label')).toBe('Open Northwind FY2027 (Draft)');
    await click(upcoming);
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({ attributes: expect.objectContaining({ recordId: DRAFT }) }),
      undefined,
    );
    await expect(host).toBeAccessible();
  });

  it('shows statuses with the picklist labels of the user language', async () => {
    const host = await renderProgress([PLANS[0]], []);
    emitObjectInfo('Partner_Account_Plan__c');
    await flushPromises();
    emitPicklist('Partner_Account_Plan__c.Status__c', [{ value: 'Draft', label: 'Entwurf' }]);
    await flushPromises();
    expect(prop(find(host, '[data-id="upcoming-link"]'), 'label')).toBe('Open Northwind FY2027 (Entwurf)');
  });

  it('still loads the targets, in the org currency, when their object info fails', async () => {
    const host = mount('c-plan-progress', PlanProgress, { recordId: PARTNER.id });
    await flushPromises();
    getObjectInfo.emitError({ status: 500, body: [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'Server error' }] });
    await flushPromises();
    expect(graphQLVariables(ACCOUNT_TARGETS_QUERY)).toEqual({ accountId: PARTNER.id });
    emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
    emitGraphQL(ACCOUNT_PLANS_QUERY, uiapi('Partner_Account_Plan__c', PLANS.map(planNode)));
    emitGraphQL(ACCOUNT_TARGETS_QUERY, uiapi('Plan_Target__c', TARGETS.map(targetWithPlanNode)));
    await flushPromises();
    expect(findAll(host, '[data-id="behind-values"]').map(textOf)[1]).toBe('$40,000 of $200,000');
  });

  it('shows the error of a failed query', async () => {
    const host = mount('c-plan-progress', PlanProgress, { recordId: PARTNER.id });
    await flushPromises();
    emitGraphQLErrors(ACCOUNT_PLANS_QUERY, ['Object Partner_Account_Plan__c is not supported']);
    await flushPromises();
    const alert = find(host, '[data-id="load-error"]');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(textOf(alert)).toContain('Object Partner_Account_Plan__c is not supported');
  });
});
