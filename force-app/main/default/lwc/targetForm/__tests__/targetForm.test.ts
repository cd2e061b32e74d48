/** c-target-form: the fields of a new target; its owner keeps the values, the form reports and asks. */
import TargetForm, { type TargetFormValues } from 'c/targetForm';
import type { Metric } from 'c/planData';
import { changeValue, click, errorMessages, find, findAll, flushPromises, mount, prop, textOf } from '@lwc-test/render';
import { PICKLISTS } from '@lwc-test/fixtures';
import { domainMetric } from '@lwc-test/domain';
import { fiscalPeriods } from 'c/planInsights';
import { trackValidity } from '@lwc-test/validity';
import { USERS, CUSTOMER } from '@lwc-test/fixtures';

const metric = (name: string, label: string, category: string | null, active = true): Metric =>
  domainMetric(name, null, { label, category, unit: null, sortOrder: 10, active });

const METRICS = [
  metric('Joint_Calls', 'Joint Calls', 'Activity'),
  metric('Demos', 'Demos', null),
  metric('Retired_Metric', 'Retired Metric', 'Activity', false),
];

const VALUES: TargetFormValues = {
  metric: null,
  periodType: 'Quarter',
  periodStart: '2026-04-01',
  periodEnd: '2026-06-30',
  targetValue: '',
};

async function renderForm(props: Record<string, unknown> = {}): Promise<HTMLElement> {
  const host = mount('c-target-form', TargetForm, {
    values: VALUES,
    metrics: METRICS,
    periodTypeOptions: PICKLISTS.periodType,
    ...props,
  });
  await flushPromises();
  return host;
}

const field = (host: HTMLElement, name: string): HTMLElement => find(host, `[data-field="${name}"]`);

describe('c-target-form', () => {
  it('offers the active metrics with their category and shows the values its owner keeps', async () => {
    const host = await renderForm();
    expect(prop(field(host, 'metric'), 'options')).toEqual([
      { value: 'Joint_Calls', label: 'Joint Calls (Activity)' },
      { value: 'Demos', label: 'Demos' },
    ]);
    expect(prop(field(host, 'periodType'), 'options')).toEqual(PICKLISTS.periodType);
    expect(prop(field(host, 'periodType'), 'value')).toBe('Quarter');
    expect(prop(field(host, 'periodStart'), 'value')).toBe('2026-04-01');
    expect(prop(field(host, 'periodEnd'), 'value')).toBe('2026-06-30');
    expect(findAll(host, '[data-id="target-form-errors"]')).toHaveLength(0);
    await expect(host).toBeAccessible();
  });

  it("shows the chosen metric's help text under the picker, and none before a metric with help is chosen", async () => {
    const help = 'Sales calls made jointly with this partner. Adds up over the period; higher is better.';
    const metrics = [{ ...METRICS[0], helpText: help }, METRICS[1]];
    const host = await renderForm({ metrics });
    expect(findAll(host, '[data-id="target-metric-help"]')).toHaveLength(0);
    (host as HTMLElement & { values: TargetFormValues }).values = { ...VALUES, metric: 'Joint_Calls' };
    await flushPromises();
    expect(textOf(find(host, '[data-id="target-metric-help"]'))).toBe(help);
    await expect(host).toBeAccessible();
    (host as HTMLElement & { values: TargetFormValues }).values = { ...VALUES, metric: 'Demos' };
    await flushPromises();
    expect(findAll(host, '[data-id="target-metric-help"]')).toHaveLength(0);
  });

  it('reports each change as fieldchange with the field and value', async () => {
    const host = await renderForm();
    const changes: unknown[] = [];
    host.addEventListener('fieldchange', (event) => changes.push((event as CustomEvent).detail));
    await changeValue(field(host, 'metric'), 'Demos');
    await changeValue(field(host, 'periodType'), 'Month');
    await changeValue(field(host, 'targetValue'), '12');
    expect(changes).toEqual([
      { field: 'metric', value: 'Demos' },
      { field: 'periodType', value: 'Month' },
      { field: 'targetValue', value: '12' },
    ]);
  });

  it('asks its owner to save or cancel, and disables both while the owner saves', async () => {
    const host = await renderForm();
    const asked: string[] = [];
    host.addEventListener('save', () => asked.push('save'));
    host.addEventListener('cancel', () => asked.push('cancel'));
    await click(find(host, '[data-id="save-target"]'));
    await click(findAll(host, 'lightning-button')[0]);
    expect(asked).toEqual(['save', 'cancel']);
    (host as HTMLElement & { busy: boolean }).busy = true;
    await flushPromises();
    expect(findAll(host, 'lightning-button').map((b) => prop(b, 'disabled'))).toEqual([true, true]);
  });

  it('shows the messages of the last save attempt', async () => {
    const host = await renderForm({ messages: ['Choose a metric.', 'Period end must be on or after period start.'] });
    expect(errorMessages(host, '[data-id="target-form-errors"]')).toEqual([
      'Choose a metric.',
      'Period end must be on or after period start.',
    ]);
    await expect(host).toBeAccessible();
  });

  it("offers the plan's fiscal periods of the chosen type, and other dates for any that is not one", async () => {
    const periods = fiscalPeriods({ fiscalYear: 'FY2026', periodStart: '2026-01-01' }, 'en-US');
    const host = await renderForm({ periods });
    const labels = prop<{ label: string; value: string }[]>(field(host, 'period'), 'options').map((o) =>
      o.label.replace(/\s/g, ' '),
    );
    expect(labels).toEqual([
      'FY2026 Q1 (Jan 1 – Mar 31, 2026)',
      'FY2026 Q2 (Apr 1 – Jun 30, 2026)',
      'FY2026 Q3 (Jul 1 – Sep 30, 2026)',
      'FY2026 Q4 (Oct 1 – Dec 31, 2026)',
      'Other dates',
    ]);
    expect(prop(field(host, 'period'), 'value')).toBe('2026-04-01/2026-06-30');
    const changes: unknown[] = [];
    host.addEventListener('fieldchange', (event) => changes.push((event as CustomEvent).detail));
    await changeValue(field(host, 'period'), '2026-07-01/2026-09-30');
    expect(changes).toEqual([{ field: 'period', value: '2026-07-01/2026-09-30' }]);
    (host as HTMLElement & { values: TargetFormValues }).values = { ...VALUES, periodStart: '2026-04-15' };
    await flushPromises();
    expect(prop(field(host, 'period'), 'value')).toBe('other');
    await expect(host).toBeAccessible();
  });

  it('offers no fiscal period choice without a plan start', async () => {
    const host = await renderForm({ periods: [] });
    expect(findAll(host, '[data-field="period"]')).toHaveLength(0);
  });

  describe('editing a target', () => {
    const EDITED: TargetFormValues = {
      metric: 'Joint_Calls',
      periodType: 'Quarter',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      targetValue: '30',
      aeId: USERS.ae.id,
      partnerManagerId: null,
      targetAccountId: CUSTOMER.id,
      weight: '2',
    };

    it('shows the target, its people, customer account and weight, with pickers limited to the planning roles', async () => {
      const host = await renderForm({ values: EDITED, mode: 'edit', heading: 'Edit Joint Calls, FY2026 Q2' });
      expect(textOf(find(host, '[data-id="target-form-heading"]'))).toBe('Edit Joint Calls, FY2026 Q2');
      expect(prop(field(host, 'aeId'), 'value')).toBe(USERS.ae.id);
      expect(prop(field(host, 'aeId'), 'objectApiName')).toBe('User');
      expect(prop(field(host, 'aeId'), 'filter')).toEqual({
        criteria: [
          { fieldPath: 'IsActive', operator: 'eq', value: true },
          { fieldPath: 'Partner_Planning_Role__c', operator: 'eq', value: 'Account Executive' },
        ],
      });
      expect(
        prop<{ criteria: { value: unknown }[] }>(field(host, 'partnerManagerId'), 'filter').criteria[1].value,
      ).toBe('Partner Manager');
      expect(prop(field(host, 'targetAccountId'), 'objectApiName')).toBe('Account');
      expect(prop(field(host, 'targetAccountId'), 'value')).toBe(CUSTOMER.id);
      expect(prop(field(host, 'weight'), 'value')).toBe('2');
      expect(prop(find(host, '[data-id="save-target"]'), 'label')).toBe('Save changes');
      await expect(host).toBeAccessible();
    });

    it('reports a picked person as fieldchange with the record Id, and a cleared one as blank', async () => {
      const host = await renderForm({ values: EDITED, mode: 'edit' });
      const changes: unknown[] = [];
      host.addEventListener('fieldchange', (event) => changes.push((event as CustomEvent).detail));
      const picker = field(host, 'partnerManagerId');
      picker.dispatchEvent(new CustomEvent('change', { detail: { recordId: USERS.pm.id } }));
      picker.dispatchEvent(new CustomEvent('change', { detail: { recordId: null } }));
      expect(changes).toEqual([
        { field: 'partnerManagerId', value: USERS.pm.id },
        { field: 'partnerManagerId', value: '' },
      ]);
    });

    it('shows the fields an accepted plan locks as read-only, with why, and keeps the people editable', async () => {
      const lockedFields = [
        'metric',
        'periodType',
        'period',
        'periodStart',
        'periodEnd',
        'targetValue',
        'targetAccountId',
        'weight',
      ];
      const host = await renderForm({
        values: EDITED,
        mode: 'edit',
        periods: fiscalPeriods({ fiscalYear: 'FY2026', periodStart: '2026-01-01' }, 'en-US'),
        lockedFields,
        lockedNote: 'The plan is accepted: its metric, customer account, period, value and weight are locked.',
      });
      for (const name of lockedFields)
        expect({ name, disabled: prop(field(host, name), 'disabled') }).toEqual({ name, disabled: true });
      for (const name of ['aeId', 'partnerManagerId']) expect(prop(field(host, name), 'disabled')).toBeFalsy();
      expect(textOf(find(host, '[data-id="target-form-locked"]'))).toContain('are locked');
      await expect(host).toBeAccessible();
    });

    it("shows the server's field errors on their inputs and the others in the list", async () => {
      const host = await renderForm({ values: EDITED, mode: 'edit' });
      const weight = trackValidity(field(host, 'weight'));
      const ae = trackValidity(field(host, 'aeId'));
      const targetValue = trackValidity(field(host, 'targetValue'));
      (host as HTMLElement & { fieldErrors: Record<string, string[]> }).fieldErrors = {
        Weight__c: ['Weight must be greater than zero.'],
        Revision_Reason__c: ['Give a new revision reason when you change a target that has an accepted baseline.'],
      };
      (host as HTMLElement & { messages: string[] }).messages = ['Record is locked by the rollup.'];
      await flushPromises();
      expect(weight.message()).toBe('Weight must be greater than zero.');
      expect(weight.reported()).toBe(true);
      expect(ae.message()).toBe('');
      expect(targetValue.message()).toBe('');
      expect(errorMessages(host, '[data-id="target-form-errors"]')).toEqual([
        'Record is locked by the rollup.',
        'Give a new revision reason when you change a target that has an accepted baseline.',
      ]);
      await expect(host).toBeAccessible();
      // Without errors the inputs are valid again.
      (host as HTMLElement & { fieldErrors: Record<string, string[]> }).fieldErrors = {};
      await flushPromises();
      expect(weight.message()).toBe('');
    });
  });
});
