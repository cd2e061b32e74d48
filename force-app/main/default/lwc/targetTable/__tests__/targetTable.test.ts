/** c-target-table: the targets of a section as an editable grid, with each row's state. */
import TargetTable from 'c/targetTable';
import type { Metric, PlanTarget, SaveOutcome } from 'c/planData';
import { click, find, findAll, flushPromises, mount, prop, textOf, typeInto } from '@lwc-test/render';
import { deepText } from '@lwc-test/deep';
import { targetId } from '@lwc-test/fixtures';
import { domainMetric, domainTarget } from '@lwc-test/domain';
import { freezeTime, restoreTime } from '@lwc-test/time';

const T1 = targetId(1);
const T2 = targetId(2);

const metric = (name: string, label: string, unit: string | null): Metric =>
  domainMetric(name, null, { label, category: 'Revenue', unit, sortOrder: 10, sourceObject: 'Opportunity' });

const METRICS = [metric('Closed_Won_Revenue', 'Closed Won Revenue', 'Currency'), metric('Demos', 'Demos', null)];

// Closed Won Revenue of 250,000 in Q2 2026 (started on the frozen day, 2026-05-20), 40% attained, Behind.
const target = (id: string, patch: Partial<PlanTarget> = {}): PlanTarget =>
  domainTarget({
    id,
    name: id,
    sectionId: 'a01000000000001AAA',
    metric: 'Closed_Won_Revenue',
    targetValue: 250000,
    actualValue: 100000,
    attainment: 40,
    paceStatus: 'Behind',
    weight: null,
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
const bar = (tr: HTMLElement): HTMLElement => tr.querySelector('[data-id="attainment-bar"]') as HTMLElement;

describe('c-target-table', () => {
  // 2026-05-20 in Los Angeles: Q2 2026 is open, Q3 has not started.
  beforeEach(() => freezeTime('2026-05-20T17:00:00.000Z'));
  afterEach(() => restoreTime());

  it('shows a row per target, named after its section, with values in their units', async () => {
    const host = await renderTable();
    expect(find(host, 'table').getAttribute('aria-label')).toBe('Sales objectives');
    expect(findAll(host, 'tbody tr[data-row]')).toHaveLength(2);
    expect(findAll(host, '[data-id="group-heading"]').map(textOf)).toEqual(['Quarter targets']);
    const revenue = row(host, T1);
    expect(textOf(revenue.querySelector('[data-id="metric"]'))).toBe('Closed Won Revenue');
    expect(textOf(revenue.querySelector('[data-id="period"]'))).toBe('Quarter · Apr 1 – Jun 30, 2026');
    expect(input(host, T1).value).toBe('250000');
    expect(deepText(revenue.querySelector('[data-id="actual"]'))).toBe('$100,000');
    expect(textOf(revenue.querySelector('[data-id="attainment-text"]'))).toBe('40%');
    expect(bar(revenue).getAttribute('aria-valuenow')).toBe('40');
    expect(bar(revenue).getAttribute('aria-label')).toBe('Attainment of Closed Won Revenue');
    expect(textOf(revenue.querySelector('[data-id="pace-label"]'))).toBe('Behind');
    expect(revenue.querySelector('[data-id="pace"] .slds-badge')?.className).toContain('slds-theme_error');
    expect(deepText(row(host, T2).querySelector('[data-id="actual"]'))).toBe('—');
    expect(bar(row(host, T2)).getAttribute('aria-valuenow')).toBe('0');
    expect(textOf(row(host, T2).querySelector('[data-id="pace-label"]'))).toBe('Behind');
    await expect(host).toBeAccessible();
  });

  it('gives the metric name its help text as a tooltip and to screen readers, when the metric has one', async () => {
    const help = 'Revenue of the deals closed won with this partner attached in the period. Higher is better.';
    const host = await renderTable({
      metrics: [{ ...METRICS[0], helpText: help }, METRICS[1]],
    });
    const revenue = row(host, T1);
    expect(revenue.querySelector('[data-id="metric"]')?.getAttribute('title')).toBe(help);
    const spoken = revenue.querySelector('[data-id="metric-help"]');
    expect(textOf(spoken)).toBe(help);
    expect(spoken?.classList.contains('slds-assistive-text')).toBe(true);
    expect(row(host, T2).querySelector('[data-id="metric"]')?.hasAttribute('title')).toBe(false);
    expect(row(host, T2).querySelector('[data-id="metric-help"]')).toBeNull();
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

  it('shows locked targets as numbers in their unit, not inputs', async () => {
    const host = await renderTable({
      readOnly: true,
      metrics: [...METRICS, metric('Win_Rate', 'Win Rate', 'Percent')],
      targets: [
        ...TARGETS,
        target('T3', { metric: 'Win_Rate', targetValue: 35.5 }),
        target('T4', { targetValue: null }),
      ],
    });
    expect(findAll(host, 'input')).toHaveLength(0);
    const value = (id: string): Element =>
      find(host, `tr[data-row="${id}"] [data-id="target-value"] lightning-formatted-number`);
    const shown = (id: string): unknown[] =>
      ['value', 'formatStyle', 'currencyCode', 'maximumFractionDigits'].map((name) => prop(value(id), name));
    expect(shown(T1)).toEqual([250000, 'currency', 'USD', 0]);
    expect(shown(T2)).toEqual([12, 'decimal', 'USD', 2]);
    expect(shown('T3')).toEqual([35.5, 'percent-fixed', 'USD', 1]);
    expect(textOf(row(host, 'T4').querySelector('[data-id="target-value"]'))).toBe('—');
    await expect(host).toBeAccessible();
  });

  it('keeps the inputs, disabled, while a save is under way, and focuses the input it is asked to', async () => {
    const host = await renderTable({ busy: true, rowActions: { edit: true, delete: true, split: true } });
    expect(findAll<HTMLInputElement>(host, 'input').every((i) => i.disabled)).toBe(true);
    const actionButtons = findAll<HTMLButtonElement>(host, '[data-id="row-actions"] button');
    expect(actionButtons).toHaveLength(4);
    expect(actionButtons.every((b) => b.disabled)).toBe(true);
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const table = host as HTMLElement & { focusTarget(id?: string): void };
    table.focusTarget(T2);
    expect(focus.mock.contexts.at(-1)).toBe(input(host, T2));
    table.focusTarget();
    expect(focus.mock.contexts.at(-1)).toBe(input(host, T1));
    focus.mockRestore();
  });

  it("labels a period by the plan's fiscal calendar, with its dates under it", async () => {
    const host = await renderTable({ plan: { fiscalYear: 'FY2027', periodStart: '2026-02-01' } });
    // Feb–Apr is FY2027 Q1 of a February year; the target's Apr–Jun is no fiscal quarter: its dates.
    expect(textOf(row(host, T1).querySelector('[data-id="period"]'))).toBe('Quarter · Apr 1 – Jun 30, 2026');
    const fiscal = await renderTable({
      targets: [target(T1, { periodStart: '2026-05-01', periodEnd: '2026-07-31' })],
      plan: { fiscalYear: 'FY2027', periodStart: '2026-02-01' },
    });
    expect(textOf(row(fiscal, T1).querySelector('[data-id="period"]'))).toBe('FY2027 Q2');
    expect(textOf(row(fiscal, T1).querySelector('[data-id="period-dates"]'))).toBe('May 1 – Jul 31, 2026');
  });

  it('shows an em dash read as "Not started" for the actual and attainment of a target not started', async () => {
    const q3 = target(T1, {
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
      actualValue: 0,
      attainment: 0,
      paceStatus: null,
    });
    const host = await renderTable({ targets: [q3] });
    // The dash is hidden from screen readers, which hear "Not started".
    const actual = row(host, T1).querySelector('[data-id="actual"]') as HTMLElement;
    expect(actual.querySelector('[aria-hidden="true"]')?.textContent).toBe('—');
    expect(textOf(actual.querySelector('.slds-assistive-text'))).toBe('Not started');
    const attainment = row(host, T1).querySelector('[data-id="attainment"]') as HTMLElement;
    expect(bar(row(host, T1)).getAttribute('aria-valuenow')).toBe('0');
    expect(attainment.querySelector('[aria-hidden="true"]')?.textContent).toBe('—');
    expect(textOf(attainment.querySelector('.slds-assistive-text'))).toBe('Not started');
    expect(deepText(host.shadowRoot?.querySelector('tbody'))).not.toMatch(/\$0|0%/);
    expect(textOf(row(host, T1).querySelector('[data-id="pace-label"]'))).toBe('Not started');
    await expect(host).toBeAccessible();
  });

  it("shows values in the target's currency (a EUR plan to a USD user), the org's without one", async () => {
    const host = await renderTable({
      targets: [target(T1, { currencyIsoCode: 'EUR', baselineValue: 200000 }), target(T2, { currencyIsoCode: null })],
    });
    expect(deepText(row(host, T1).querySelector('[data-id="actual"]'))).toBe('€100,000');
    expect(textOf(row(host, T1).querySelector('[data-id="baseline"]'))).toBe('€200,000');
    expect(deepText(row(host, T2).querySelector('[data-id="actual"]'))).toBe('$100,000');
  });

  describe('who, for which account and how much it weighs; row actions; a year and its parts', () => {
    const YEAR = target('YEAR', {
      periodType: 'Year',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      targetValue: 1000000,
    });
    const part = (n: number, value: number): PlanTarget =>
      target(`Q${n}`, {
        periodType: 'Quarter',
        periodStart: ['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'][n - 1],
        periodEnd: ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'][n - 1],
        targetValue: value,
        parentTargetId: 'YEAR',
      });

    it("shows each target's accountable AE and partner manager, customer account and weight compactly", async () => {
      const host = await renderTable({
        targets: [
          target(T1, {
            aeName: 'Avery Ellis',
            partnerManagerName: 'Priya Mehta',
            targetAccountName: 'Contoso Retail',
            weight: 2,
          }),
          target(T2, { metric: 'Demos' }),
        ],
      });
      expect(textOf(row(host, T1).querySelector('[data-id="target-account"]'))).toBe('Contoso Retail');
      expect(textOf(row(host, T1).querySelector('[data-id="target-details"]'))).toBe(
        'AE Avery Ellis · PM Priya Mehta · Weight 2',
      );
      // The account tells two rows of one metric apart, for screen readers too.
      expect(textOf(row(host, T1).querySelector('label')).replace(/\s/g, ' ')).toBe(
        'Target value for Closed Won Revenue, Contoso Retail, Apr 1 – Jun 30, 2026',
      );
      expect(row(host, T2).querySelector('[data-id="target-details"]')).toBeNull();
      expect(row(host, T2).querySelector('[data-id="target-account"]')).toBeNull();
    });

    it('offers Edit, Delete and (on a year target) Split as its owner allows, each reported as targetaction', async () => {
      const host = await renderTable({
        targets: [YEAR, target(T1)],
        rowActions: { edit: true, delete: true, split: true },
      });
      // Intl puts thin spaces around a range's dash: compare with plain spaces.
      const buttons = (id: string): HTMLButtonElement[] =>
        Array.from(row(host, id).querySelectorAll<HTMLButtonElement>('[data-id="row-actions"] button'));
      // Each icon button is named by its assistive text and titled alike.
      const labels = (id: string): string[] =>
        buttons(id).map((b) => {
          expect(b.title.replace(/\s/g, ' ')).toBe(textOf(b.querySelector('.slds-assistive-text')).replace(/\s/g, ' '));
          return b.title.replace(/\s/g, ' ');
        });
      expect(labels('YEAR')).toEqual([
        'Edit Closed Won Revenue, Jan 1 – Dec 31, 2026',
        'Split Closed Won Revenue, Jan 1 – Dec 31, 2026 into quarters or months',
        'Delete Closed Won Revenue, Jan 1 – Dec 31, 2026',
      ]);
      expect(labels(T1).map((l) => l.split(' ')[0])).toEqual(['Edit', 'Delete']);
      const actions: unknown[] = [];
      host.addEventListener('targetaction', (event) => actions.push((event as CustomEvent).detail));
      for (const button of buttons('YEAR')) button.click();
      expect(actions).toEqual([
        { targetId: 'YEAR', action: 'edit' },
        { targetId: 'YEAR', action: 'split' },
        { targetId: 'YEAR', action: 'delete' },
      ]);
      await expect(host).toBeAccessible();
    });

    it('offers no row action (and no Actions column) without rowActions, or only those allowed', async () => {
      const host = await renderTable({ targets: [YEAR] });
      expect(findAll(host, '[data-id="row-actions"]')).toHaveLength(0);
      (host as HTMLElement & { rowActions: unknown }).rowActions = { edit: true, delete: false, split: false };
      await flushPromises();
      expect(findAll(host, '[data-id="row-actions"] button').map((b) => b.dataset.action)).toEqual(['edit']);
    });

    it('flags a year whose parts do not add up to it, with Re-split, and says nothing when they do', async () => {
      const host = await renderTable({
        targets: [YEAR, part(1, 250000), part(2, 250000), part(3, 250000), part(4, 200000)],
        rowActions: { edit: true, delete: true, split: true },
      });
      const warning = row(host, 'YEAR').querySelector('[data-id="split-warning"]') as HTMLElement;
      expect(textOf(warning.querySelector('[data-id="split-warning-text"]'))).toBe(
        'Quarters total $950,000; the year target is $1,000,000.',
      );
      expect(textOf(warning.querySelector('button'))).toBe('Re-split');
      const actions: unknown[] = [];
      host.addEventListener('targetaction', (event) => actions.push((event as CustomEvent).detail));
      (warning.querySelector('button') as HTMLElement).click();
      expect(actions).toEqual([{ targetId: 'YEAR', action: 'split' }]);
      await expect(host).toBeAccessible();
      (host as HTMLElement & { targets: PlanTarget[] }).targets = [
        YEAR,
        part(1, 250000),
        part(2, 250000),
        part(3, 250000),
        part(4, 250000),
      ];
      await flushPromises();
      expect(row(host, 'YEAR').querySelector('[data-id="split-warning"]')).toBeNull();
    });
  });

  describe('grouped by period type, current period first, closed periods folded with met and missed', () => {
    const quarter = (id: string, n: number, pace: string | null): PlanTarget =>
      target(id, {
        periodType: 'Quarter',
        periodTypeLabel: 'Quarter',
        periodStart: ['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'][n - 1],
        periodEnd: ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'][n - 1],
        paceStatus: pace,
      });
    const month = (id: string, m: number, pace: string | null): PlanTarget => {
      const start = `2026-0${m}-01`;
      const end = new Date(Date.UTC(2026, m, 0)).toISOString().slice(0, 10);
      return target(id, {
        periodType: 'Month',
        periodTypeLabel: 'Month',
        periodStart: start,
        periodEnd: end,
        paceStatus: pace,
      });
    };
    const YEAR_TARGET = target('Y', {
      periodType: 'Year',
      periodTypeLabel: 'Year',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    });
    // Mixed on purpose: months before quarters, a closed quarter first, later periods before earlier ones.
    const MIXED = [
      month('M6', 6, null),
      quarter('Q4', 4, null),
      month('M1', 1, 'Missed'),
      quarter('Q1', 1, 'Met'),
      month('M5', 5, 'On Track'),
      month('M2', 2, 'Met'),
      YEAR_TARGET,
      quarter('Q3', 3, null),
      month('M3', 3, 'Over Budget'),
      quarter('Q2', 2, 'Behind'),
      month('M4', 4, null),
    ];
    const rowIds = (host: HTMLElement, group: string): string[] =>
      findAll(host, `tbody[data-group="${group}"] tr[data-row]`).map((tr) => tr.dataset.row as string);
    const toggle = (host: HTMLElement, group: string): HTMLButtonElement =>
      find<HTMLButtonElement>(host, `tbody[data-group="${group}"] [data-id="closed-toggle"]`);

    it('groups Year, Quarter and Month targets, the current period first and the closed ones folded', async () => {
      const host = await renderTable({ targets: MIXED });
      expect(findAll(host, '[data-id="group-heading"]').map(textOf)).toEqual([
        'Year targets',
        'Quarter targets',
        'Month targets',
      ]);
      expect(rowIds(host, 'Year')).toEqual(['Y']);
      expect(rowIds(host, 'Quarter')).toEqual(['Q2', 'Q3', 'Q4']);
      expect(rowIds(host, 'Month')).toEqual(['M5', 'M6']);
      expect(findAll(host, 'tbody[data-group="Year"] [data-id="closed-toggle"]')).toHaveLength(0);
      // Closed periods are not rendered, only counted: how many were met and missed (over budget is missed).
      expect(textOf(toggle(host, 'Quarter'))).toBe('Closed periods (1): 1 met, 0 missed');
      expect(textOf(toggle(host, 'Month'))).toBe('Closed periods (4): 1 met, 2 missed');
      expect(toggle(host, 'Month').getAttribute('aria-expanded')).toBe('false');
      expect(findAll(host, 'tr[data-phase="closed"]')).toHaveLength(0);
      await expect(host).toBeAccessible();
    });

    it('unfolds the closed periods, most recent first, with their Met or Missed, and folds them again', async () => {
      const host = await renderTable({ targets: MIXED });
      await click(toggle(host, 'Month'));
      expect(toggle(host, 'Month').getAttribute('aria-expanded')).toBe('true');
      expect(rowIds(host, 'Month')).toEqual(['M5', 'M6', 'M4', 'M3', 'M2', 'M1']);
      const pace = (id: string): string => textOf(row(host, id).querySelector('[data-id="pace-label"]'));
      expect([pace('M3'), pace('M2'), pace('M1'), pace('M4')]).toEqual(['Over budget', 'Met', 'Missed', 'No data yet']);
      expect(row(host, 'M2').querySelector('[data-id="pace"] .slds-badge')?.className).toContain('slds-theme_success');
      // The other group stays folded.
      expect(rowIds(host, 'Quarter')).toEqual(['Q2', 'Q3', 'Q4']);
      await expect(host).toBeAccessible();
      await click(toggle(host, 'Month'));
      expect(rowIds(host, 'Month')).toEqual(['M5', 'M6']);
    });

    it('never folds away a closed target with an unsaved value or a save error', async () => {
      const failed: SaveOutcome = { id: 'Q1', ok: false, messages: ['Record is locked.'], fieldErrors: {} };
      const host = await renderTable({ targets: MIXED, drafts: { M2: '7' }, errors: { Q1: failed } });
      expect(rowIds(host, 'Quarter')).toEqual(['Q2', 'Q3', 'Q4', 'Q1']);
      expect(rowIds(host, 'Month')).toEqual(['M5', 'M6', 'M4', 'M3', 'M2', 'M1']);
      expect(input(host, 'M2').value).toBe('7');
      expect(toggle(host, 'Month').getAttribute('aria-expanded')).toBe('true');
    });

    it('unfolds the closed periods to focus a target in them', async () => {
      const host = await renderTable({ targets: MIXED });
      const focus = jest.spyOn(HTMLElement.prototype, 'focus');
      (host as HTMLElement & { focusTarget(id?: string): void }).focusTarget('M1');
      await flushPromises();
      expect(focus.mock.contexts.at(-1)).toBe(input(host, 'M1'));
      focus.mockRestore();
    });
  });
});
