/** c-target-table: the targets of a section as an editable grid, with each row's state. */
import TargetTable from 'c/targetTable';
import type { Metric, PlanTarget, SaveOutcome } from 'c/planData';
import { find, findAll, flushPromises, mount, prop, textOf, typeInto } from '@lwc-test/render';
import { targetId } from '@lwc-test/fixtures';

const T1 = targetId(1);
const T2 = targetId(2);

const metric = (name: string, label: string, unit: string | null): Metric => ({
  name,
  label,
  category: 'Revenue',
  unit,
  sortOrder: 10,
  active: true,
  sourceObject: 'Opportunity',
  filter: null,
  description: null,
});

const METRICS = [metric('Closed_Won_Revenue', 'Closed Won Revenue', 'Currency'), metric('Demos', 'Demos', null)];

const target = (id: string, patch: Partial<PlanTarget> = {}): PlanTarget => ({
  id,
  name: id,
  sectionId: 'a01000000000001AAA',
  metric: 'Closed_Won_Revenue',
  periodType: 'Quarter',
  periodTypeLabel: 'Quarter',
  periodStart: '2026-04-01',
  periodEnd: '2026-06-30',
  targetValue: 250000,
  baselineValue: null,
  revisionReason: null,
  actualValue: 100000,
  attainment: 40,
  expectedToDate: null,
  paceStatus: 'Behind',
  weight: null,
  aeId: null,
  aeName: null,
  partnerManagerId: null,
  partnerManagerName: null,
  targetAccountId: null,
  targetAccountName: null,
  planId: null,
  planName: null,
  planStatus: null,
  partnerAccountId: null,
  partnerName: null,
  ...patch,
});

const TARGETS = [target(T1), target(T2, { metric: 'Demos', targetValue: 12, actualValue: null, attainment: null })];

async function renderTable(props: Record<string, unknown> = {}): Promise<HTMLElement> {
  const host = mount('c-target-table', TargetTable, {
    label: 'Sales objectives',
    targets: TARGETS,
    metrics: METRICS,
    ...props,
  });
  await flushPromises();
  return host;
}

const row = (host: HTMLElement, id: string): HTMLElement => find(host, `tr[data-row="${id}"]`);
const input = (host: HTMLElement, id: string): HTMLInputElement =>
  find<HTMLInputElement>(host, `input[data-id="${id}"]`);

describe('c-target-table', () => {
  it('shows a row per target, named after its section, with values in their units', async () => {
    const host = await renderTable();
    expect(find(host, 'table').getAttribute('aria-label')).toBe('Sales objectives');
    expect(findAll(host, 'tbody tr')).toHaveLength(2);
    const revenue = row(host, T1);
    expect(textOf(revenue.querySelector('[data-id="metric"]'))).toBe('Closed Won Revenue');
    expect(textOf(revenue.querySelector('[data-id="period"]'))).toBe('Quarter · Apr 1 – Jun 30, 2026');
    expect(input(host, T1).value).toBe('250000');
    expect(textOf(revenue.querySelector('[data-id="actual"]'))).toBe('$100,000');
    expect(textOf(revenue.querySelector('[data-id="attainment"]'))).toBe('40%');
    expect(prop(revenue.querySelector('c-pace-badge') as Element, 'status')).toBe('Behind');
    expect(textOf(row(host, T2).querySelector('[data-id="actual"]'))).toBe('—');
    expect(prop(row(host, T2).querySelector('lightning-progress-bar') as Element, 'value')).toBe(0);
    await expect(host).toBeAccessible();
  });

  it('shows the baseline with the reason it was revised', async () => {
    const host = await renderTable({
      targets: [target(T1, { baselineValue: 200000, revisionReason: 'Distributor contract renegotiated' })],
    });
    const baseline = row(host, T1).querySelector('[data-id="baseline"]') as HTMLElement;
    expect(textOf(baseline)).toMatch(/^\$200,000/);
    expect(textOf(baseline.querySelector('div'))).toBe('Distributor contract renegotiated');
  });

  it('reports typing as draftchange and shows the draft its owner keeps', async () => {
    const host = await renderTable();
    const changes: unknown[] = [];
    host.addEventListener('draftchange', (event) => changes.push((event as CustomEvent).detail));
    await typeInto(input(host, T2), '15');
    expect(changes).toEqual([{ targetId: T2, value: '15' }]);
    (host as HTMLElement & { drafts: Record<string, string> }).drafts = { [T2]: '15' };
    await flushPromises();
    expect(input(host, T2).value).toBe('15');
  });

  it('marks a draft that is not a valid target value and links the message to the input', async () => {
    const host = await renderTable({ drafts: { [T1]: '-5' } });
    const field = input(host, T1);
    const message = find(host, '[data-id="field-error"]');
    expect(textOf(message)).toBe('Target value cannot be negative.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe(message.id);
    expect(row(host, T1).className).toContain('slds-theme_alert-texture');
    await expect(host).toBeAccessible();
  });

  it('shows the server errors of a failed save: field errors on the input, others on the row', async () => {
    const outcome: SaveOutcome = {
      id: T2,
      ok: false,
      messages: ['Record is locked by the quarterly rollup.'],
      fieldErrors: { Revision_Reason__c: ['Give a new revision reason.'], Weight__c: ['Weight must be positive.'] },
    };
    const host = await renderTable({ errors: { [T2]: outcome } });
    expect(textOf(row(host, T2).querySelector('[data-id="field-error"]'))).toBe('Give a new revision reason.');
    expect(findAll(host, `tr[data-row="${T2}"] [data-id="row-errors"] li`).map(textOf)).toEqual([
      'Record is locked by the quarterly rollup.',
      'Weight must be positive.',
    ]);
    expect(row(host, T1).querySelector('[data-id="row-errors"]')).toBeNull();
    await expect(host).toBeAccessible();
  });

  it('disables every input when read-only and focuses the input it is asked to', async () => {
    const host = await renderTable({ readOnly: true });
    expect(findAll<HTMLInputElement>(host, 'input').every((i) => i.disabled)).toBe(true);
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const table = host as HTMLElement & { focusTarget(id?: string): void };
    table.focusTarget(T2);
    expect(focus.mock.contexts.at(-1)).toBe(input(host, T2));
    table.focusTarget();
    expect(focus.mock.contexts.at(-1)).toBe(input(host, T1));
    focus.mockRestore();
  });
});
