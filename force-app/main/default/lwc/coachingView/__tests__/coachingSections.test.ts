/** c-coaching-view's sections for a pair: the grouped targets, APR actions, stale deals and coaching notes. */
import CoachingView from 'c/coachingView';
import {
  ACTIONS_SINCE_QUERY,
  METRIC_CATALOG_QUERY,
  PAIRS_QUERY,
  PAIR_TARGETS_QUERY,
  STALE_DEALS_QUERY,
} from 'c/planData';
import { changeValue, click, flushPromises, mount, prop, settle, textOf } from '@lwc-test/render';
import { errorMessages, find, findAll } from '@lwc-test/deep';
import {
  CURRENT_USER_ID,
  captureToasts,
  createPayloads,
  createRecord,
  emitGraphQL,
  emitGraphQLErrors,
  emitPageReference,
  navigate,
  recordError,
} from '@lwc-test/platform';
import {
  CUSTOMER_2,
  PARTNER,
  actionId,
  catalogData,
  id,
  targetId,
  targetWithPlanNode,
  uiapi,
  type ActionSpec,
  type DealSpec,
} from '@lwc-test/fixtures';
import { freezeTime } from '@lwc-test/time';

import {
  FY26,
  T_COACHING,
  TARGETS,
  ae,
  ACTIONS,
  DEALS,
  coachingPage,
  emitTargetInfo,
  pairNodes,
  renderView,
  emitPairData,
  el,
  texts,
  bar,
  attr,
} from './coachingFixtures';

// The accessibility checks walk the whole view, its children included: slow on a busy machine.
jest.setTimeout(30000);

describe('c-coaching-view sections', () => {
  beforeEach(() => freezeTime('2026-05-20T17:00:00.000Z'));

  describe('targets by plan, period type and period', () => {
    it('names the plan and each row its target account; the current period is open, a closed one collapsed with met and missed', async () => {
      const closed = { periodStart: '2026-01-01', periodEnd: '2026-03-31' };
      const { host } = await renderView({
        targets: [
          ...TARGETS.slice(0, 4),
          { ...TARGETS[4], ...closed, paceStatus: 'Met' },
          { ...TARGETS[4], id: targetId(9), metric: 'Joint_Calls', ...closed, paceStatus: 'Missed' },
        ],
      });
      expect(texts(host, '[data-id="plan-heading"]')).toEqual(['Northwind Partners · Northwind FY2026']);
      expect(texts(host, '[data-id="type-heading"]')).toEqual(['Quarter targets']);
      expect(texts(host, '[data-id="period-label"]')).toEqual(['FY2026 Q2', 'FY2026 Q1']);
      expect(texts(host, '[data-id="period-summary"]')).toEqual([
        'Current period · 4 targets',
        'Ended: 1 met, 1 missed',
      ]);
      expect(texts(host, '[data-id="target-account"]')).toEqual([
        'Contoso Retail',
        'Fabrikam Foods',
        'Partner-wide',
        'Partner-wide',
      ]);
      expect(findAll(host, '[data-id="target-table"]')).toHaveLength(1);
      const toggle = find(host, '[data-id="period-toggle"]');
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      await click(toggle);
      expect(find(host, '[data-id="period-toggle"]').getAttribute('aria-expanded')).toBe('true');
      expect(findAll(host, '[data-id="target-table"]')).toHaveLength(2);
      expect(texts(host, '[data-id="shared"] tbody th').slice(4)).toEqual(['Demos', 'Joint Calls']);
      await expect(host).toBeAccessible();
    });

    it("orders year targets before quarters, and labels the pair attainment as the current periods'", async () => {
      const year = {
        ...TARGETS[0],
        id: targetId(60),
        periodType: 'Year',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
      };
      const { host } = await renderView({ targets: [...TARGETS.slice(0, 3), year] });
      expect(texts(host, '[data-id="type-heading"]')).toEqual(['Year targets', 'Quarter targets']);
      expect(textOf(find(host, '#pair-attainment-label, [id^="pair-attainment-label"]'))).toBe(
        'Pair attainment (current periods)',
      );
    });
  });

  describe('APR actions', () => {
    it("draws each person's actions per week for 12 weeks, with a legend and a data table", async () => {
      const { host } = await renderView();
      const weeks = findAll(host, 'svg g[data-week]').map((g) => g.getAttribute('data-week'));
      expect(weeks).toHaveLength(12);
      expect(weeks[0]).toBe('2026-03-02');
      expect(weeks[11]).toBe('2026-05-18');
      expect(attr(bar(host, '2026-05-18', 0), 'data-value')).toBe(3);
      expect(attr(bar(host, '2026-05-18', 0), 'height')).toBe(188);
      expect(attr(bar(host, '2026-04-20', 1), 'data-value')).toBe(3);
      expect(texts(host, '[data-id="legend"] li')).toEqual(['Avery Ellis (AE): 5', 'Alex Morgan (partner manager): 4']);
      const table = el(host, 'chart-table');
      expect(table.className).toBe('slds-assistive-text');
      await click(el(host, 'table-toggle'));
      expect(el(host, 'chart-table').className).toContain('slds-table');
      const rows = findAll(host, '[data-id="chart-table"] tbody tr').map((r) =>
        Array.from(r.querySelectorAll('th, td')).map(textOf),
      );
      expect(rows[11]).toEqual(['May 18', '3', '0']);
      await expect(host).toBeAccessible();
    });

    it('shows the action mix in one percent style and the actions per won deal', async () => {
      const { host } = await renderView();
      expect(texts(host, '[data-id="mix-label"]')).toEqual(['Joint Call', 'Email Campaign', 'Demo', 'Proposal']);
      expect(texts(host, '[data-id="mix-value"]')).toEqual(['4 (44%)', '3 (33%)', '1 (11%)', '1 (11%)']);
      expect(textOf(el(host, 'per-won'))).toBe(
        '1.5 actions per won deal (3 actions on 2 won deals in the last 12 weeks).',
      );
    });

    it('explains the missing ratio when no deal the pair worked on is won', async () => {
      const { host } = await renderView({ actions: ACTIONS.map((a) => ({ ...a, opportunityWon: false })) });
      expect(textOf(el(host, 'per-won'))).toBe(
        'No deal this pair worked on in the last 12 weeks is won yet, so there is no ratio to show: it appears ' +
          'once one of those deals is Closed Won.',
      );
    });

    it('says so when the pair logged nothing', async () => {
      const { host } = await renderView({ actions: [] });
      expect(textOf(el(host, 'no-actions'))).toBe('No APR actions logged by this pair in the last 12 weeks.');
      expect(findAll(host, 'svg rect').every((r) => r.getAttribute('height') === '0')).toBe(true);
    });

    it('shows a friendly error in the section when the actions cannot be read', async () => {
      const host = mount('c-coaching-view', CoachingView, {});
      emitPageReference(coachingPage());
      await flushPromises();
      await emitTargetInfo();
      emitGraphQL(PAIRS_QUERY, uiapi('Plan_Target__c', pairNodes(TARGETS)));
      emitGraphQL(PAIR_TARGETS_QUERY, uiapi('Plan_Target__c', TARGETS.map(targetWithPlanNode)));
      await flushPromises();
      emitGraphQLErrors(ACTIONS_SINCE_QUERY, ['QUERY_TIMEOUT: Your query request was running for too long.']);
      await flushPromises();
      expect(textOf(el(host, 'actions-error'))).toBe(
        'This part of the page could not be loaded. Reload the page to try again.',
      );
      expect(findAll(host, '[data-id="shared"]')).toHaveLength(1);
    });
  });

  describe('no action for 14 days', () => {
    const deal = (n: number, spec: Partial<DealSpec>): DealSpec => ({
      id: id('006', 40 + n),
      name: `Deal ${n}`,
      ...spec,
    });

    it('ranks stale deals by amount, then the soonest close date, with amount, close date and days idle', async () => {
      const deals = [
        deal(1, { amount: 20000, closeDate: '2026-07-01', lastAprActionDate: '2026-05-01' }),
        deal(2, { amount: 90000, closeDate: '2026-08-01', lastAprActionDate: '2026-04-01' }),
        deal(3, { amount: 90000, closeDate: '2026-06-15', lastAprActionDate: null }),
        deal(4, { amount: null, closeDate: '2026-06-01', lastAprActionDate: '2026-05-19' }),
      ];
      const { host } = await renderView({ deals });
      expect(findAll(host, '[data-id="deal-link"]').map((b) => prop(b, 'label'))).toEqual([
        'Deal 3',
        'Deal 2',
        'Deal 1',
        'Deal 4',
      ]);
      expect(findAll(host, '[data-id="deal-amount"] lightning-formatted-number').map((n) => prop(n, 'value'))).toEqual([
        90000, 90000, 20000,
      ]);
      expect(prop(find(host, '[data-id="deal-amount"] lightning-formatted-number'), 'currencyCode')).toBe('USD');
      expect(textOf(findAll(host, '[data-id="deal-amount"]')[3])).toBe('—');
      expect(texts(host, '[data-id="deal-close"]')).toEqual([
        'Jun 15, 2026',
        'Aug 1, 2026',
        'Jul 1, 2026',
        'Jun 1, 2026',
      ]);
      expect(texts(host, '[data-id="deal-idle"]')).toEqual(['No APR action yet', '49 days', '19 days', '1 day']);
      await click(find(host, '[data-id="deal-link"]'));
      expect(navigate).toHaveBeenCalledWith(
        { type: 'standard__recordPage', attributes: { recordId: deals[2].id, actionName: 'view' } },
        undefined,
      );
      await expect(host).toBeAccessible();
    });

    it("shows each deal's account and stage, and the target accounts without an action for 14 days", async () => {
      const { host } = await renderView();
      // The same amount and close date: by name.
      expect(texts(host, '[data-id="deal-details"]')).toEqual([
        'Contoso Retail · Proposal/Price Quote',
        'Fabrikam Foods · Needs Analysis',
      ]);
      expect(findAll(host, '[data-id="stale-accounts"] lightning-button').map((b) => prop(b, 'label'))).toEqual([
        'Fabrikam Foods',
      ]);
      expect(texts(host, '[data-id="stale-accounts"] li div')).toEqual(['Last action: Apr 20, 2026']);
      expect(DEALS).toHaveLength(2);
    });

    it('says when nothing is stale, and shows a friendly error when deals cannot be read', async () => {
      const fresh: ActionSpec[] = [
        ...ACTIONS,
        { id: actionId(30), actionType: 'Demo', actionDate: '2026-05-19', opportunityAccountId: CUSTOMER_2.id, ...ae },
      ];
      const { host } = await renderView({ deals: [], actions: fresh });
      expect(textOf(el(host, 'no-stale-deals'))).toBe(
        'Every open deal of this AE with the partner had an action in the last 14 days.',
      );
      expect(textOf(el(host, 'no-stale-accounts'))).toBe('Every target account had an action in the last 14 days.');
      emitGraphQLErrors(STALE_DEALS_QUERY, ['INVALID_FIELD: No such column']);
      await flushPromises();
      expect(textOf(el(host, 'stale-error'))).toBe(
        'This part of the page could not be loaded. Reload the page to try again.',
      );
    });
  });

  describe('coaching notes', () => {
    it('shows the recent coaching notes', async () => {
      const { host } = await renderView();
      expect(texts(host, '[data-id="note-heading"]')).toEqual([
        'May 14, 2026 · Alex Morgan',
        'Apr 30, 2026 · Jordan Lee',
      ]);
      expect(texts(host, '[data-id="note-next-step"]')).toEqual(['Next step: Draft the QBR deck by Friday']);
    });

    it("adds a coaching note as a coaching session toward the pair's coaching target", async () => {
      const host = mount('c-coaching-view', CoachingView, {});
      const toasts = captureToasts(host);
      emitPageReference(coachingPage());
      await flushPromises();
      await emitTargetInfo();
      emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
      emitGraphQL(PAIRS_QUERY, uiapi('Plan_Target__c', pairNodes(TARGETS)));
      emitGraphQL(PAIR_TARGETS_QUERY, uiapi('Plan_Target__c', TARGETS.map(targetWithPlanNode)));
      await flushPromises();
      const { refreshNotes } = await emitPairData();
      await changeValue(el(host, 'note-input'), 'Avery should bring the partner SE to demos.');
      await changeValue(el(host, 'note-next-step-input'), 'Book two joint demos next week');
      await click(el(host, 'add-note'));
      await settle();
      expect(createPayloads()).toEqual([
        {
          apiName: 'APR_Action__c',
          fields: {
            Action_Type__c: 'Coaching Session',
            Action_Date__c: '2026-05-20',
            Actor__c: CURRENT_USER_ID,
            Quantity__c: 1,
            Actor_Role__c: 'Partner Manager',
            Partner_Account__c: PARTNER.id,
            Partner_Account_Plan__c: FY26,
            Plan_Target__c: T_COACHING,
            Next_Step__c: 'Book two joint demos next week',
            Notes__c: 'Avery should bring the partner SE to demos.',
          },
        },
      ]);
      expect(refreshNotes).toHaveBeenCalled();
      expect(prop(el(host, 'note-input'), 'value')).toBe('');
      expect(toasts[0]).toMatchObject({ variant: 'success', title: 'Note added' });
    });

    it('requires the note text, and shows server errors', async () => {
      const { host } = await renderView();
      await click(el(host, 'add-note'));
      expect(errorMessages(host, '[data-id="note-errors"]')).toEqual(['Write the note first.']);
      expect(createRecord).not.toHaveBeenCalled();
      createRecord.mockRejectedValueOnce(recordError({ errors: ['You do not have access to create APR actions.'] }));
      await changeValue(el(host, 'note-input'), 'Discuss pipeline hygiene.');
      await click(el(host, 'add-note'));
      await settle();
      expect(errorMessages(host, '[data-id="note-errors"]')).toEqual(['You do not have access to create APR actions.']);
    });

    it('says when there are no notes yet', async () => {
      const { host } = await renderView({ notes: [] });
      expect(textOf(el(host, 'no-notes'))).toBe('No coaching notes yet.');
    });
  });
});
