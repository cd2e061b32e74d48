/** c-plan-rollover: next year's plan from this one, with the carried shortfalls previewed per target. */
import PlanRollover from 'c/planRollover';
import { METRIC_CATALOG_QUERY, PARTNER_PLAN_YEARS_QUERY, PLAN_SOURCE_QUERY } from 'c/planData';
import {
  buttonByLabel,
  click,
  find,
  findAll,
  flushPromises,
  mount,
  prop,
  settle,
  shadow,
  textOf,
} from '@lwc-test/render';
import {
  createPayloads,
  createRecord,
  emitGraphQL,
  emitGraphQLErrors,
  emitObjectInfo,
  emitRecord,
  graphQLVariables,
  navigate,
  recordError,
} from '@lwc-test/platform';
import { catalogData, id, planRecord } from '@lwc-test/fixtures';
import { planSourceData, planYearsData, type PlanYearSpec, type SourceTargetSpec } from '@lwc-test/yearFixtures';

const PLAN_ID = id('a01', 26);
const SECTION = id('a02', 1);
const YEAR = id('a03', 1);

/** A revenue year target split into four quarters, a rate and a target that was beaten. */
const TARGETS: SourceTargetSpec[] = [
  {
    id: YEAR,
    sectionId: SECTION,
    metric: 'Closed_Won_Revenue',
    periodType: 'Year',
    start: '2026-01-01',
    end: '2026-12-31',
    value: 400000,
    actual: 300000,
  },
  ...[1, 2, 3, 4].map((q) => ({
    id: id('a03', 10 + q),
    sectionId: SECTION,
    metric: 'Closed_Won_Revenue',
    periodType: 'Quarter' as const,
    start: `2026-${String(q * 3 - 2).padStart(2, '0')}-01`,
    end: ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'][q - 1],
    value: 100000,
    actual: 60000 + q * 5000,
    parentId: YEAR,
  })),
  {
    id: id('a03', 2),
    sectionId: SECTION,
    metric: 'Win_Rate',
    periodType: 'Year',
    start: '2026-01-01',
    end: '2026-12-31',
    value: 30,
    actual: 20,
  },
  {
    id: id('a03', 3),
    sectionId: SECTION,
    metric: 'Deal_Registrations',
    periodType: 'Year',
    start: '2026-01-01',
    end: '2026-12-31',
    value: 24,
    actual: 30,
  },
];

const THIS_PLAN: PlanYearSpec = {
  id: PLAN_ID,
  name: 'Northwind Partners FY2026 Plan',
  fiscalYear: 'FY2026',
  start: '2026-01-01',
  end: '2026-12-31',
};

async function render(
  options: { status?: string; plans?: PlanYearSpec[]; createable?: boolean; targets?: SourceTargetSpec[] } = {},
): Promise<HTMLElement> {
  const host = mount('c-plan-rollover', PlanRollover, { recordId: PLAN_ID });
  await flushPromises();
  emitObjectInfo('Partner_Account_Plan__c', { editable: options.createable ?? true });
  emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
  emitGraphQL(
    PLAN_SOURCE_QUERY,
    planSourceData(
      { id: PLAN_ID, status: options.status ?? 'Active', fiscalYear: 'FY2026', start: '2026-01-01', end: '2026-12-31' },
      [{ id: SECTION, name: 'Sales Objectives' }],
      options.targets ?? TARGETS,
    ),
  );
  await flushPromises();
  emitGraphQL(PARTNER_PLAN_YEARS_QUERY, planYearsData(options.plans ?? [THIS_PLAN]));
  await settle();
  return host;
}

/** The card as a plan page shows it: from the plan record alone, before a rollover starts. */
async function renderFromRecord(): Promise<HTMLElement> {
  const host = mount('c-plan-rollover', PlanRollover, { recordId: PLAN_ID });
  await flushPromises();
  emitObjectInfo('Partner_Account_Plan__c', { editable: true });
  emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
  emitRecord(planRecord({ id: PLAN_ID, status: 'Active', fiscalYear: 'FY2026' }));
  await flushPromises();
  emitGraphQL(PARTNER_PLAN_YEARS_QUERY, planYearsData([THIS_PLAN]));
  await settle();
  return host;
}

const source = () =>
  planSourceData(
    { id: PLAN_ID, status: 'Active', fiscalYear: 'FY2026', start: '2026-01-01', end: '2026-12-31' },
    [{ id: SECTION, name: 'Sales Objectives' }],
    TARGETS,
  );

const el = (host: HTMLElement, dataId: string) => find(host, `[data-id="${dataId}"]`);
const cells = (row: Element) =>
  ['metric', 'period', 'previous', 'actual', 'carried', 'new'].map((c) =>
    textOf(row.querySelector(`[data-id="${c}"]`)),
  );

async function check(host: HTMLElement, checked: boolean): Promise<void> {
  el(host, 'carry').dispatchEvent(new CustomEvent('change', { detail: { checked } }));
  await flushPromises();
}

describe('c-plan-rollover', () => {
  it('offers to roll an active plan over to the next fiscal year, accessibly', async () => {
    const host = await render();
    expect(prop(find(host, 'lightning-card'), 'title')).toBe('Next plan');
    expect(prop(el(host, 'rollover'), 'label')).toBe('Roll over to FY2027');
    await expect(host).toBeAccessible();
  });

  it('previews each new target: last year’s target and actual, the carried shortfall spread over the parts, the new value', async () => {
    const host = await render({ status: 'Closed' });
    await click(el(host, 'rollover'));
    expect(textOf(el(host, 'help'))).toContain('Creates a Draft plan for FY2027');
    const rows = () => findAll(host, '[data-row]');
    // Without carrying, the new targets are last year's values in next year's periods.
    expect(cells(rows()[0])).toEqual(['Closed Won Revenue', 'FY2027', '$400,000', '$300,000', '—', '$400,000']);

    await check(host, true);
    expect(rows().map((r) => cells(r))).toEqual([
      ['Closed Won Revenue', 'FY2027', '$400,000', '$300,000', '$100,000', '$500,000'],
      ['Closed Won Revenue', 'FY2027 Q1', '$100,000', '$65,000', '$25,000', '$125,000'],
      ['Closed Won Revenue', 'FY2027 Q2', '$100,000', '$70,000', '$25,000', '$125,000'],
      ['Closed Won Revenue', 'FY2027 Q3', '$100,000', '$75,000', '$25,000', '$125,000'],
      ['Closed Won Revenue', 'FY2027 Q4', '$100,000', '$80,000', '$25,000', '$125,000'],
      // A rate is not carried; a beaten target carries nothing.
      ['Win Rate', 'FY2027', '30%', '20%', '—', '30%'],
      ['Deal Registrations', 'FY2027', '24', '30', '0', '24'],
    ]);
    expect(rows()[1].className).toContain('part-row');
    await expect(host).toBeAccessible();
  });

  it('creates the next Draft plan with the carried shortfalls, then opens it', async () => {
    const host = await render();
    await click(el(host, 'rollover'));
    await check(host, true);
    await click(el(host, 'confirm'));
    await settle(5);
    const calls = createPayloads();
    expect(calls[0]).toMatchObject({
      apiName: 'Partner_Account_Plan__c',
      fields: {
        Name: 'Northwind Partners FY2027 Plan',
        Status__c: 'Draft',
        Fiscal_Year__c: 'FY2027',
        Period_Start__c: '2027-01-01',
        Period_End__c: '2027-12-31',
        Previous_Plan__c: PLAN_ID,
        External_Key__c: 'PLAN-P-0001-FY2027',
        Vision__c: 'Lead the region',
      },
    });
    const targets = calls.filter((c) => c.apiName === 'Plan_Target__c');
    expect(targets.map((c) => [c.fields.Target_Value__c, c.fields.Carried_Shortfall__c ?? null])).toEqual([
      [500000, 100000],
      [30, null],
      [24, 0],
      [125000, 25000],
      [125000, 25000],
      [125000, 25000],
      [125000, 25000],
    ]);
    expect(targets[3].fields).toMatchObject({
      Previous_Target__c: id('a03', 11),
      Parent_Target__c: 'a0X000000000000003',
    });
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({ attributes: expect.objectContaining({ recordId: 'a0X000000000000001' }) }),
      undefined,
    );
  });

  it('says what failed in Salesforce’s words and a retry adds only what is missing to the same plan', async () => {
    createRecord.mockImplementationOnce(async (input) => ({ id: 'new-plan', apiName: input.apiName, fields: {} }));
    createRecord.mockRejectedValueOnce(recordError({ errors: ['insufficient access rights on cross-reference id'] }));
    const host = await render();
    await click(el(host, 'rollover'));
    await click(el(host, 'confirm'));
    await settle(5);
    expect(prop<string[]>(el(host, 'errors'), 'messages')).toEqual([
      'Some records could not be created. What was created is kept; fix the cause and try again to add the rest.',
      // The section's targets were not attempted: only the record that failed is named.
      'Sales Objectives: insufficient access rights on cross-reference id',
    ]);
    expect(prop(el(host, 'confirm'), 'label')).toBe('Try again');
    expect(prop(el(host, 'carry'), 'disabled')).toBe(true);
    createRecord.mockClear();
    await click(el(host, 'confirm'));
    await settle(5);
    const calls = createPayloads();
    expect(calls[0]).toMatchObject({ apiName: 'Plan_Section__c', fields: { Partner_Account_Plan__c: 'new-plan' } });
    expect(calls.some((c) => c.apiName === 'Partner_Account_Plan__c')).toBe(false);
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({ attributes: expect.objectContaining({ recordId: 'new-plan' }) }),
      undefined,
    );
  });

  it('links to the next plan once it exists, instead of offering the rollover', async () => {
    const rolled = {
      id: id('a01', 27),
      name: 'Northwind Partners FY2027 Plan',
      fiscalYear: 'FY2027',
      start: '2027-01-01',
      end: '2027-12-31',
      status: 'Draft',
      previousPlanId: PLAN_ID,
    };
    const host = await render({ plans: [rolled, THIS_PLAN] });
    expect(textOf(el(host, 'next-text'))).toBe('The FY2027 plan:');
    expect(textOf(el(host, 'next-link'))).toBe('Northwind Partners FY2027 Plan');
    expect(shadow(host).querySelector('[data-id="rollover"]')).toBeNull();
    await expect(host).toBeAccessible();
    await click(el(host, 'next-link'));
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({ attributes: expect.objectContaining({ recordId: rolled.id }) }),
      undefined,
    );
    // The partner's plan for the next year counts too, whatever it was made from.
    const other = await render({ plans: [{ ...rolled, previousPlanId: null, fiscalYear: 'fy2027' }, THIS_PLAN] });
    expect(textOf(el(other, 'next-link'))).toBe('Northwind Partners FY2027 Plan');
  });

  it('copies only the sections of a plan without targets, and says so', async () => {
    const host = await render({ targets: [] });
    await click(el(host, 'rollover'));
    expect(textOf(el(host, 'no-targets'))).toContain('no targets');
    await click(el(host, 'cancel'));
    expect(el(host, 'rollover')).toBeTruthy();
  });

  it('shows nothing on a plan not yet accepted, or to users who cannot create plans', async () => {
    const draft = await render({ status: 'Draft' });
    expect(shadow(draft).querySelector('lightning-card')).toBeNull();
    const readOnly = await render({ createable: false });
    expect(shadow(readOnly).querySelector('lightning-card')).toBeNull();
  });

  it('shows a failed load in Salesforce’s words', async () => {
    const host = mount('c-plan-rollover', PlanRollover, { recordId: PLAN_ID });
    await flushPromises();
    emitObjectInfo('Partner_Account_Plan__c');
    emitGraphQLErrors(PLAN_SOURCE_QUERY, ['No such column Previous_Plan__c']);
    await settle();
    expect(textOf(find(host, '[data-id="load-error"]'))).toContain('No such column Previous_Plan__c');
    await expect(host).toBeAccessible();
  });

  it('reads the plan’s sections and targets only once a rollover starts, saying they are loading', async () => {
    const host = await renderFromRecord();
    // The offer comes from the plan record alone: the plan page reads no sections or targets for it.
    expect(prop(el(host, 'rollover'), 'label')).toBe('Roll over to FY2027');
    expect(graphQLVariables(PLAN_SOURCE_QUERY)).toBeUndefined();

    await click(el(host, 'rollover'));
    expect(graphQLVariables(PLAN_SOURCE_QUERY)).toEqual({ planId: PLAN_ID });
    expect(find(host, '[data-id="source-loading"] [data-id="loading"]')).toBeTruthy();
    expect(shadow(host).querySelector('[data-id="preview"]')).toBeNull();
    expect(shadow(host).querySelector('[data-id="no-targets"]')).toBeNull();
    expect(prop(el(host, 'confirm'), 'disabled')).toBe(true);
    await expect(host).toBeAccessible();

    emitGraphQL(PLAN_SOURCE_QUERY, source());
    await settle();
    expect(shadow(host).querySelector('[data-id="source-loading"]')).toBeNull();
    expect(findAll(host, '[data-row]')).toHaveLength(7);
    expect(prop(el(host, 'confirm'), 'disabled')).toBe(false);
  });

  it('says in Salesforce’s words when the targets could not be read after a start, and shows them after a retry', async () => {
    const host = await renderFromRecord();
    await click(el(host, 'rollover'));
    emitGraphQLErrors(PLAN_SOURCE_QUERY, ['Request limit exceeded for this organization']);
    await settle();
    expect(textOf(find(host, '[data-id="load-error"]'))).toContain('Request limit exceeded for this organization');
    expect(shadow(host).querySelector('[data-id="confirm"]')).toBeNull();
    await expect(host).toBeAccessible();

    await click(buttonByLabel(host, 'Try again'));
    emitGraphQL(PLAN_SOURCE_QUERY, source());
    await settle();
    expect(shadow(host).querySelector('[data-id="load-error"]')).toBeNull();
    expect(findAll(host, '[data-row]')).toHaveLength(7);
  });
});
