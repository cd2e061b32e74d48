/** c-plan-template-dialog: a partner's plan for a fiscal year from a template by tier, or an empty plan filled from one. */
import PlanTemplateDialog from 'c/planTemplateDialog';
import {
  LATEST_PLAN_QUERY,
  METRIC_CATALOG_QUERY,
  PARTNER_PLAN_YEARS_QUERY,
  PLAN_RECORD_KEYS_QUERY,
  PLAN_TEMPLATES_QUERY,
  SEASONAL_PROFILES_QUERY,
} from 'c/planData';
import { click, find, findAll, flushPromises, prop, settle, textOf } from '@lwc-test/render';
import { openModals } from '@lwc-test/modal';
import { freezeTime } from '@lwc-test/time';
import {
  CURRENT_USER_ID,
  createPayloads,
  createRecord,
  emitGraphQL,
  emitGraphQLErrors,
  emitRecord,
  navigate,
  recordError,
} from '@lwc-test/platform';
import { catalogData, id } from '@lwc-test/fixtures';
import {
  ACCOUNT_ID,
  accountRecord,
  planYearsData,
  profilesData,
  recordKeysData,
  templatesData,
  type PlanYearSpec,
} from '@lwc-test/yearFixtures';

const FY2026: PlanYearSpec = {
  id: id('a01', 26),
  name: 'Northwind FY2026 Plan',
  fiscalYear: 'FY2026',
  start: '2026-01-01',
  end: '2026-12-31',
};

type Dialog = { result: Promise<unknown>; dialog: HTMLElement };

async function openDialog(options: { planId?: string } = {}): Promise<Dialog> {
  const result = PlanTemplateDialog.open({
    label: 'New plan from template',
    size: 'medium',
    accountId: ACCOUNT_ID,
    ...options,
  });
  await flushPromises();
  const dialog = openModals().at(-1) as HTMLElement;
  return { result, dialog };
}

/** Emits everything the dialog reads. */
async function load(
  options: { plans?: PlanYearSpec[]; latest?: PlanYearSpec[]; tier?: string | null; none?: boolean } = {},
): Promise<void> {
  emitRecord(accountRecord({ tier: options.tier }));
  emitGraphQL(PLAN_TEMPLATES_QUERY, templatesData({ none: options.none }));
  emitGraphQL(PARTNER_PLAN_YEARS_QUERY, planYearsData(options.plans ?? [FY2026]));
  emitGraphQL(LATEST_PLAN_QUERY, planYearsData(options.latest ?? []));
  emitGraphQL(SEASONAL_PROFILES_QUERY, profilesData());
  emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
  await settle();
}

const el = (dialog: HTMLElement, dataId: string) => find(dialog, `[data-id="${dataId}"]`);

async function change(element: HTMLElement, value: string): Promise<void> {
  element.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flushPromises();
}

describe('c-plan-template-dialog', () => {
  beforeEach(() => freezeTime('2026-05-20T17:00:00.000Z'));

  it('previews the template of the partner’s tier for the year after its latest plan, as an accessible dialog', async () => {
    const { dialog } = await openDialog();
    await load();
    expect(prop(el(dialog, 'template'), 'value')).toBe('Gold');
    expect(prop<{ label: string }[]>(el(dialog, 'template'), 'options').map((o) => o.label)).toEqual([
      'Gold partner plan',
      'Silver partner plan',
    ]);
    expect(textOf(el(dialog, 'template-description'))).toBe('Sections and targets for Gold partners.');
    expect(prop(el(dialog, 'fiscal-year'), 'value')).toBe('FY2027');
    expect(prop(el(dialog, 'period-start'), 'value')).toBe('2027-01-01');
    expect(prop(el(dialog, 'period-end'), 'value')).toBe('2027-12-31');

    const sections = findAll(dialog, '[data-section]');
    expect(sections.map((s) => textOf(s.querySelector('[data-id="section-name"]')))).toEqual([
      'Sales Objectives · Sales Objectives',
      'Marketing · Marketing',
    ]);
    const [revenue, deals] = Array.from(sections[0].querySelectorAll('[data-target]'));
    expect(textOf(revenue.querySelector('[data-id="year"]'))).toBe('Year: $400,000');
    expect(textOf(revenue.querySelector('[data-id="split"]'))).toBe('Split into quarters (Back loaded)');
    // Back loaded: 20/23/27/30 % of the year, which the parts add up to.
    expect(Array.from(revenue.querySelectorAll('[data-id="parts"] li')).map(textOf)).toEqual([
      'FY2027 Q1: $80,000',
      'FY2027 Q2: $92,000',
      'FY2027 Q3: $108,000',
      'FY2027 Q4: $120,000',
    ]);
    expect(textOf(deals.querySelector('[data-id="year"]'))).toBe('Year: 24');
    expect(deals.querySelector('[data-id="split"]')).toBeNull();
    expect(textOf(sections[1].querySelector('[data-id="no-targets"]'))).toBe('No targets');
    expect(prop(el(dialog, 'confirm'), 'label')).toBe('Create plan');
    expect(prop(el(dialog, 'confirm'), 'disabled')).toBe(false);
    await expect(dialog).toBeAccessible();
  });

  it('starts a first plan after the org’s latest plan, else in the calendar year; another template re-previews', async () => {
    const { dialog } = await openDialog();
    await load({
      plans: [],
      latest: [{ ...FY2026, id: id('a01', 99), fiscalYear: 'FY2030', start: '2030-02-01', end: '2031-01-31' }],
    });
    expect(prop(el(dialog, 'fiscal-year'), 'value')).toBe('FY2031');
    expect(prop(el(dialog, 'period-start'), 'value')).toBe('2031-02-01');
    expect(prop(el(dialog, 'period-end'), 'value')).toBe('2032-01-31');
    await change(el(dialog, 'template'), 'Silver');
    expect(findAll(dialog, '[data-section]').map((s) => textOf(s.querySelector('[data-id="section-name"]')))).toEqual([
      'Sales · Sales Objectives',
    ]);

    const second = await openDialog();
    await load({ plans: [], latest: [], tier: null });
    expect(prop(el(second.dialog, 'fiscal-year'), 'value')).toBe('FY2026');
    expect(prop(el(second.dialog, 'period-start'), 'value')).toBe('2026-01-01');
    // No tier: the first template.
    expect(prop(el(second.dialog, 'template'), 'value')).toBe('Gold');
  });

  it('refuses a fiscal year the partner already has a plan for, with a link to that plan', async () => {
    const { dialog, result } = await openDialog();
    await load();
    await change(el(dialog, 'fiscal-year'), ' fy2026');
    expect(textOf(el(dialog, 'exists-text'))).toBe('This partner already has a plan for fy2026:');
    expect(textOf(el(dialog, 'exists-link'))).toBe('Northwind FY2026 Plan');
    expect(prop(el(dialog, 'confirm'), 'disabled')).toBe(true);
    await expect(dialog).toBeAccessible();
    await click(el(dialog, 'exists-link'));
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'standard__recordPage',
        attributes: expect.objectContaining({ recordId: FY2026.id }),
      }),
      undefined,
    );
    await expect(result).resolves.toBeUndefined();
  });

  it('creates the Draft plan, its sections and targets, and resolves with the plan', async () => {
    const { dialog, result } = await openDialog();
    await load();
    await click(el(dialog, 'confirm'));
    await settle(5);
    const calls = createPayloads();
    expect(calls[0]).toEqual({
      apiName: 'Partner_Account_Plan__c',
      fields: {
        Name: 'Northwind Partners FY2027 Plan',
        Partner_Account__c: ACCOUNT_ID,
        Status__c: 'Draft',
        Fiscal_Year__c: 'FY2027',
        Period_Start__c: '2027-01-01',
        Period_End__c: '2027-12-31',
        External_Key__c: 'PLAN-P-0001-FY2027',
        Review_Cadence__c: 'Quarterly',
        OwnerId: CURRENT_USER_ID,
        Template__c: 'Gold',
      },
    });
    expect(calls.map((c) => c.apiName)).toEqual([
      'Partner_Account_Plan__c',
      'Plan_Section__c',
      'Plan_Section__c',
      'Plan_Target__c',
      'Plan_Target__c',
      'Plan_Target__c',
      'Plan_Target__c',
      'Plan_Target__c',
      'Plan_Target__c',
    ]);
    const parts = calls.filter((c) => c.fields.Period_Type__c === 'Quarter');
    expect(parts.map((c) => c.fields.Target_Value__c)).toEqual([80000, 92000, 108000, 120000]);
    expect(new Set(parts.map((c) => c.fields.Parent_Target__c)).size).toBe(1);
    await expect(result).resolves.toEqual({ planId: 'a0X000000000000001' });
  });

  it('shows the plan’s field errors in Salesforce’s words on their fields, and stays open', async () => {
    createRecord.mockRejectedValueOnce(recordError({ fieldErrors: { Period_End__c: 'End must be after start.' } }));
    const { dialog } = await openDialog();
    await load();
    const end = el(dialog, 'period-end') as HTMLElement & { setCustomValidity(m: string): void };
    const fieldMessage = jest.spyOn(end, 'setCustomValidity');
    await click(el(dialog, 'confirm'));
    await settle(5);
    expect(fieldMessage).toHaveBeenLastCalledWith('End must be after start.');
    expect(createRecord).toHaveBeenCalledTimes(1);
    expect(openModals()).toEqual([dialog]);
  });

  it('keeps what a partial failure created, says what failed, and a retry adds only the rest', async () => {
    let fail = true;
    createRecord.mockImplementation(async (input) => {
      const key = String(input.fields.External_Key__c);
      if (fail && key === 'PLAN-P-0001-FY2027-T002') {
        fail = false;
        throw recordError({ errors: ['Unable to lock row.'] });
      }
      return { id: `id-${key}`, apiName: input.apiName, fields: {} };
    });
    const { dialog, result } = await openDialog();
    await load();
    await click(el(dialog, 'confirm'));
    await settle(5);
    expect(prop<string[]>(el(dialog, 'errors'), 'messages')).toEqual([
      'Some records could not be created. What was created is kept; fix the cause and try again to add the rest.',
      'Closed Won Revenue FY2027 Q1: Unable to lock row.',
    ]);
    expect(prop(el(dialog, 'confirm'), 'label')).toBe('Try again');
    // The keys of what the plan already holds, as the query reads them back.
    emitGraphQL(PLAN_RECORD_KEYS_QUERY, recordKeysData([['id-PLAN-P-0001-FY2027-S01', 'PLAN-P-0001-FY2027-S01']]));
    createRecord.mockClear();
    await click(el(dialog, 'confirm'));
    await settle(5);
    expect(createPayloads().map((c) => c.fields.External_Key__c)).toEqual(['PLAN-P-0001-FY2027-T002']);
    expect(createPayloads()[0].fields.Parent_Target__c).toBe('id-PLAN-P-0001-FY2027-T001');
    await expect(result).resolves.toEqual({ planId: 'id-PLAN-P-0001-FY2027' });
  });

  it('fills an existing empty plan with its own year and key, without creating a plan', async () => {
    const planId = id('a01', 27);
    const plan = {
      id: planId,
      name: 'Northwind FY2027 Plan',
      fiscalYear: 'FY2027',
      start: '2027-02-01',
      end: '2028-01-31',
      key: 'NW-2027',
      status: 'Draft',
    };
    const { dialog, result } = await openDialog({ planId });
    await load({ plans: [plan, FY2026] });
    emitGraphQL(PLAN_RECORD_KEYS_QUERY, recordKeysData());
    await settle();
    expect(textOf(el(dialog, 'fill-period'))).toContain('FY2027');
    expect(dialog.shadowRoot?.querySelector('[data-id="fiscal-year"]')).toBeNull();
    expect(prop(el(dialog, 'confirm'), 'label')).toBe('Add to plan');
    await expect(dialog).toBeAccessible();
    await click(el(dialog, 'confirm'));
    await settle(5);
    const calls = createPayloads();
    expect(calls[0]).toMatchObject({
      apiName: 'Plan_Section__c',
      fields: { Partner_Account_Plan__c: planId, External_Key__c: 'NW-2027-S01' },
    });
    expect(calls.some((c) => c.apiName === 'Partner_Account_Plan__c')).toBe(false);
    expect(calls.find((c) => c.fields.Period_Type__c === 'Year')?.fields.Period_Start__c).toBe('2027-02-01');
    await expect(result).resolves.toEqual({ planId });
  });

  it('refuses to fill a plan that already has sections or targets', async () => {
    const planId = id('a01', 27);
    const { dialog } = await openDialog({ planId });
    await load({
      plans: [
        { id: planId, name: 'Northwind FY2027 Plan', fiscalYear: 'FY2027', start: '2027-01-01', end: '2027-12-31' },
      ],
    });
    emitGraphQL(PLAN_RECORD_KEYS_QUERY, recordKeysData([['s1', null]]));
    await settle();
    expect(textOf(el(dialog, 'not-empty'))).toContain('already has sections or targets');
    expect(prop(el(dialog, 'confirm'), 'disabled')).toBe(true);
  });

  it('says so when there is no active template, and shows a failed load in Salesforce’s words', async () => {
    const { dialog } = await openDialog();
    await load({ none: true });
    expect(textOf(el(dialog, 'empty'))).toContain('There are no active plan templates');
    expect(prop(el(dialog, 'confirm'), 'disabled')).toBe(true);
    await expect(dialog).toBeAccessible();

    const failed = await openDialog();
    emitGraphQLErrors(PLAN_TEMPLATES_QUERY, ['No access to entity Plan_Template__mdt']);
    await settle();
    expect(textOf(el(failed.dialog, 'load-error'))).toContain('No access to entity Plan_Template__mdt');
    await expect(failed.dialog).toBeAccessible();
  });

  it('shows a spinner while loading', async () => {
    const { dialog } = await openDialog();
    expect(el(dialog, 'loading')).toBeTruthy();
  });
});
