/** c-coaching-view: the pair's shared number (targets, attainment and pace, in the plan's currency). */
import {
  LAST_SUCCESSFUL_RUN_QUERY,
  PAIR_TARGETS_CURRENCY_QUERY,
  PAIR_TARGETS_QUERY,
  RECENT_RUNS_QUERY,
} from 'c/planData';
import { click, flushPromises, prop, textOf } from '@lwc-test/render';
import { find } from '@lwc-test/deep';
import { CURRENT_USER_ID, emitGraphQL, graphQLVariables } from '@lwc-test/platform';
import { runsData, targetId, type TargetSpec } from '@lwc-test/fixtures';
import { freezeTime } from '@lwc-test/time';
import { deepText } from '@lwc-test/deep';

import { FY26, q2, pairA, T_REVENUE, TARGETS, renderView, el, texts } from './coachingFixtures';

// The accessibility checks walk the whole view, its children included: slow on a busy machine.
jest.setTimeout(30000);

describe('c-coaching-view', () => {
  beforeEach(() => freezeTime('2026-05-20T17:00:00.000Z'));

  describe('the shared number', () => {
    it('shows their current targets, weighted attainment and pace to date', async () => {
      const { host } = await renderView();
      expect(texts(host, '[data-id="shared"] tbody th')).toEqual([
        'Closed Won Revenue',
        'Joint Calls',
        'Demos',
        'Coaching Sessions',
      ]);
      const revenue = find(host, `[data-id="shared"] tr[data-row="${T_REVENUE}"]`);
      expect(Array.from(revenue.querySelectorAll('td'), (cell) => deepText(cell)).slice(0, 4)).toEqual([
        'Contoso Retail',
        '$200,000',
        '$90,000',
        '45%',
      ]);
      expect(prop(revenue.querySelector('[data-id="target-attainment"]') as Element, 'value')).toBe(45);
      expect(prop(revenue.querySelector('c-pace-badge') as Element, 'status')).toBe('On Track');
      // (45 + 40 + 60) / 3; the coaching target has no attainment yet.
      expect(textOf(el(host, 'attainment'))).toBe('48.3%');
      // Actual vs expected: (90 + 60 + 120) / 3.
      expect(textOf(el(host, 'pace'))).toBe(
        'Actual is 90% of what was expected by today. 2 targets on track, ahead or met; 1 behind, missed or over budget.',
      );
    });

    it("shows a EUR plan's values in euros to a USD user (multi-currency org)", async () => {
      const { host } = await renderView({ currency: 'EUR' });
      expect(graphQLVariables(PAIR_TARGETS_CURRENCY_QUERY)).toEqual({ userId: CURRENT_USER_ID, planId: null });
      expect(graphQLVariables(PAIR_TARGETS_QUERY)).toBeUndefined();
      const revenue = find(host, `[data-id="shared"] tr[data-row="${T_REVENUE}"]`);
      expect(Array.from(revenue.querySelectorAll('td'), (cell) => deepText(cell)).slice(1, 3)).toEqual([
        '€200,000',
        '€90,000',
      ]);
    });

    it('caps an over-budget target at 100 in weighted attainment and shows it as over budget', async () => {
      const spend: TargetSpec = {
        id: targetId(30),
        metric: 'Marketing_Spend',
        targetValue: 18800,
        actualValue: 35400,
        expectedToDate: 9400,
        attainment: 188.3,
        paceStatus: 'Over Budget',
        ...q2,
        ...pairA,
      };
      const { host } = await renderView({ targets: [TARGETS[0], spend] });
      // (45 + 100) / 2 = 72.5, not (45 + 188.3) / 2.
      expect(textOf(el(host, 'attainment'))).toBe('72.5%');
      const row = find(host, `[data-id="shared"] tr[data-row="${targetId(30)}"]`);
      expect(prop(row.querySelector('c-pace-badge') as Element, 'status')).toBe('Over Budget');
      await expect(host).toBeAccessible();
    });

    it('shows an em dash read as "Not started" for a target whose period has not begun', async () => {
      const q3: TargetSpec = {
        id: targetId(31),
        metric: 'Demos',
        planId: FY26,
        periodStart: '2026-07-01',
        periodEnd: '2026-09-30',
        actualValue: 0,
        attainment: 0,
        expectedToDate: null,
        paceStatus: null,
        ...pairA,
      };
      // Only a Q3 target: its period is collapsed until opened.
      const { host } = await renderView({ targets: [q3] });
      expect(textOf(find(host, '[data-id="period-summary"]'))).toBe('Not started · 1 target');
      await click(find(host, '[data-id="period-toggle"]'));
      const row = find(host, `[data-id="shared"] tr[data-row="${targetId(31)}"]`);
      // c-target-value and c-attainment-meter hide the dash from screen readers and say "Not started".
      const actual = row.querySelector('[data-id="target-actual"] c-target-value') as Element;
      expect([prop(actual, 'text'), prop(actual, 'withheld')]).toEqual(['—', true]);
      const attainment = row.querySelector('[data-id="target-attainment"]') as Element;
      expect([prop(attainment, 'text'), prop(attainment, 'notStarted')]).toEqual(['—', true]);
      expect(deepText(attainment)).toBe('— Not started');
      expect(prop(row.querySelector('c-pace-badge') as Element, 'started')).toBe(false);
      // Its 0% does not count: nothing has started, so there is no attainment yet.
      expect(textOf(el(host, 'attainment'))).toBe('—');
      await expect(host).toBeAccessible();
    });
    it('says when the actuals are as of, and warns when they are stale', async () => {
      const { host } = await renderView();
      const old = { name: 'RUN-0000003', status: 'Succeeded', startedAt: '2026-05-18T16:00:00.000Z' };
      emitGraphQL(LAST_SUCCESSFUL_RUN_QUERY, runsData([old]));
      emitGraphQL(RECENT_RUNS_QUERY, runsData([old]));
      await flushPromises();
      const freshness = find(host, '[data-id="shared"] c-rollup-freshness');
      expect(textOf(find(freshness, '[data-id="as-of"]'))).toBe('Actuals as of May 18, 2026, 9:00 AM');
      expect(textOf(find(freshness, '[data-id="freshness-warning"]'))).toMatch(/more than 24 hours old/);
    });
  });
});
