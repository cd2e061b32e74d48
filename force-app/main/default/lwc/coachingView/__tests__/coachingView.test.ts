import CoachingView from 'c/coachingView';
import {
  ACTIONS_SINCE_QUERY,
  COACHING_NOTES_QUERY,
  METRIC_CATALOG_QUERY,
  PAIR_TARGETS_QUERY,
  STALE_DEALS_QUERY,
} from 'c/planData';
import {
  changeValue,
  click,
  errorMessages,
  find,
  findAll,
  flushPromises,
  mount,
  prop,
  settle,
  textOf,
} from '@lwc-test/render';
import {
  CURRENT_USER_ID,
  captureToasts,
  createPayloads,
  createRecord,
  emitGraphQL,
  emitGraphQLErrors,
  graphQLVariables,
  navigate,
  recordError,
} from '@lwc-test/platform';
import {
  CUSTOMER_2,
  PARTNER,
  USERS,
  actionId,
  catalogData,
  targetId,
  targetWithPlanNode,
  uiapi,
  type ActionSpec,
} from '@lwc-test/fixtures';
import { freezeTime } from '@lwc-test/time';

import {
  FY26,
  PARTNER_2,
  ME,
  q2,
  T_COACHING,
  TARGETS,
  ae,
  ACTIONS,
  DEALS,
  emitTargetInfo,
  renderView,
  emitPairData,
  el,
  texts,
  bar,
  attr,
} from './coachingFixtures';

describe('c-coaching-view', () => {
  beforeEach(() => freezeTime('2026-05-20T17:00:00.000Z'));

  describe('states and pair selection', () => {
    it("loads the current user's targets as AE or partner manager on an app page", async () => {
      const host = mount('c-coaching-view', CoachingView, {});
      await flushPromises();
      await emitTargetInfo();
      expect(graphQLVariables(PAIR_TARGETS_QUERY)).toEqual({ userId: CURRENT_USER_ID, planId: null });
      expect(el(host, 'loading').querySelector('lightning-spinner')).toBeTruthy();
      // The pair queries wait for a pair.
      expect(graphQLVariables(ACTIONS_SINCE_QUERY)).toBeUndefined();
    });

    it('shows the error when the targets cannot be read', async () => {
      const host = mount('c-coaching-view', CoachingView, {});
      await flushPromises();
      await emitTargetInfo();
      emitGraphQLErrors(PAIR_TARGETS_QUERY, ['Insufficient access']);
      await flushPromises();
      expect(textOf(el(host, 'load-error'))).toContain('Insufficient access');
    });

    it('says so when the user has no pair', async () => {
      const { host } = await renderView({ targets: [TARGETS[6]] });
      expect(textOf(el(host, 'empty'))).toBe(
        'You are not the accountable AE or partner manager of a target on an open plan yet.',
      );
      await expect(host).toBeAccessible();
    });

    it("defaults to the user's pair with the most targets and offers the user's other pairs", async () => {
      const { host } = await renderView();
      const options = prop<{ label: string; value: string }[]>(el(host, 'pair'), 'options');
      expect(options.map((o) => o.label)).toEqual([
        'Avery Ellis (AE) with Alex Morgan (partner manager)',
        'Alex Morgan (AE) with Jordan Lee (partner manager)',
      ]);
      expect(prop(el(host, 'pair'), 'value')).toBe(options[0].value);
      expect(graphQLVariables(ACTIONS_SINCE_QUERY)).toEqual({
        actorIds: [USERS.ae.id, ME],
        partnerIds: [PARTNER.id],
        since: '2026-03-02',
      });
      expect(graphQLVariables(STALE_DEALS_QUERY)).toEqual({
        partnerIds: [PARTNER.id],
        ownerId: USERS.ae.id,
        cutoff: '2026-05-06',
      });
      expect(graphQLVariables(COACHING_NOTES_QUERY)).toEqual({ partnerIds: [PARTNER.id] });
    });

    it('switches to another pair', async () => {
      const { host } = await renderView();
      const options = prop<{ value: string }[]>(el(host, 'pair'), 'options');
      await changeValue(el(host, 'pair'), options[1].value);
      expect(graphQLVariables(ACTIONS_SINCE_QUERY)).toEqual({
        actorIds: [ME, USERS.pm2.id],
        partnerIds: [PARTNER_2.id],
        since: '2026-03-02',
      });
      expect(graphQLVariables(STALE_DEALS_QUERY)).toMatchObject({ ownerId: ME, partnerIds: [PARTNER_2.id] });
      expect(texts(host, '[data-id="shared"] tbody th')).toEqual(['Joint Calls']);
    });

    it('offers the pairs of the plan on a plan record page', async () => {
      const { host } = await renderView({ props: { recordId: FY26, objectApiName: 'Partner_Account_Plan__c' } });
      expect(graphQLVariables(PAIR_TARGETS_QUERY)).toEqual({ userId: CURRENT_USER_ID, planId: FY26 });
      expect(prop<{ label: string }[]>(el(host, 'pair'), 'options').map((o) => o.label)).toEqual([
        'Avery Ellis (AE) with Alex Morgan (partner manager)',
        'Sam Ortiz (AE) with Jordan Lee (partner manager)',
      ]);
    });

    it('says so when no target of the plan has a pair', async () => {
      const { host } = await renderView({
        props: { recordId: FY26, objectApiName: 'Partner_Account_Plan__c' },
        targets: [{ id: targetId(1), metric: 'Demos', ...q2 }],
      });
      expect(textOf(el(host, 'empty'))).toBe(
        'No target of this plan has both an accountable AE and an accountable partner manager.',
      );
    });
  });

  describe('APR actions', () => {
    it("draws each person's actions per week for 12 weeks from computed bar geometry", async () => {
      const { host } = await renderView();
      const groups = findAll(host, 'svg g[data-week]');
      expect(groups.map((g) => g.getAttribute('data-week'))).toEqual([
        '2026-03-02',
        '2026-03-09',
        '2026-03-16',
        '2026-03-23',
        '2026-03-30',
        '2026-04-06',
        '2026-04-13',
        '2026-04-20',
        '2026-04-27',
        '2026-05-04',
        '2026-05-11',
        '2026-05-18',
      ]);
      expect(texts(host, 'svg .week-label')[11]).toBe('May 18');
      // Week of May 18: Avery 1 demo + 2 joint calls = 3 (the maximum, full height); me none.
      const aeBar = bar(host, '2026-05-18', 0);
      expect(aeBar.getAttribute('class')).toBe('bar series-0');
      expect(attr(aeBar, 'data-value')).toBe(3);
      expect(attr(aeBar, 'height')).toBe(188);
      expect(attr(aeBar, 'y')).toBe(8);
      expect(attr(aeBar, 'x')).toBe(587.3);
      expect(attr(aeBar, 'width')).toBe(19.87);
      const pmBar = bar(host, '2026-05-18', 1);
      expect(attr(pmBar, 'height')).toBe(0);
      expect(attr(pmBar, 'x')).toBe(607.17);
      // Week of Apr 20: my email campaign of 3; the coaching session and other people's actions do not count.
      expect(attr(bar(host, '2026-04-20', 1), 'data-value')).toBe(3);
      expect(attr(bar(host, '2026-05-11', 1), 'data-value')).toBe(1);
      expect(texts(host, 'svg .tick-label')).toEqual(['0', '1', '2', '3']);
      expect(texts(host, '[data-id="legend"] li')).toEqual(['Avery Ellis (AE): 5', 'Alex Morgan (partner manager): 4']);
    });

    it('gives the chart a text alternative and an accessible data table', async () => {
      const { host } = await renderView();
      const svg = el(host, 'chart');
      expect(svg.getAttribute('role')).toBe('img');
      const [titleId, descId] = (svg.getAttribute('aria-labelledby') as string).split(' ');
      expect(textOf(find(host, `svg title[id="${titleId}"]`))).toBe('APR actions per week, last 12 weeks');
      expect(textOf(find(host, `svg desc[id="${descId}"]`))).toBe(
        'Avery Ellis (AE) logged 5 APR actions and Alex Morgan (partner manager) 4 in the last 12 weeks.',
      );
      const table = el(host, 'chart-table');
      expect(table.className).toBe('slds-assistive-text');
      await click(el(host, 'table-toggle'));
      expect(table.className).toContain('slds-table');
      expect(texts(host, '[data-id="chart-table"] thead th')).toEqual([
        'Week of',
        'Avery Ellis (AE)',
        'Alex Morgan (partner manager)',
      ]);
      const rows = findAll(host, '[data-id="chart-table"] tbody tr').map((r) =>
        Array.from(r.querySelectorAll('th, td')).map(textOf),
      );
      expect(rows).toHaveLength(12);
      expect(rows[11]).toEqual(['May 18', '3', '0']);
      expect(rows[10]).toEqual(['May 11', '1', '1']);
      expect(prop(el(host, 'table-toggle'), 'label')).toBe('Hide table');
      await expect(host).toBeAccessible();
    });

    it('shows the action mix by type and the actions per won deal', async () => {
      const { host } = await renderView();
      expect(texts(host, '[data-id="mix-label"]')).toEqual(['Joint Call', 'Email Campaign', 'Demo', 'Proposal']);
      expect(texts(host, '[data-id="mix-value"]')).toEqual(['4 (44%)', '3 (33%)', '1 (11%)', '1 (11%)']);
      expect(find(host, '.mix-bar').getAttribute('style')).toBe('width: 44%');
      expect(textOf(el(host, 'per-won'))).toBe(
        '1.5 actions per won deal (3 actions on 2 won deals in the last 12 weeks).',
      );
    });

    it('shows an empty chart and says so when the pair logged nothing', async () => {
      const { host } = await renderView({ actions: [] });
      expect(textOf(el(host, 'no-actions'))).toBe('No APR actions logged by this pair in the last 12 weeks.');
      expect(findAll(host, 'svg rect').every((r) => r.getAttribute('height') === '0')).toBe(true);
      expect(textOf(el(host, 'per-won'))).toBe('No action in the last 12 weeks was on a deal that is won yet.');
    });

    it('shows the error of the actions query in its section', async () => {
      const host = mount('c-coaching-view', CoachingView, {});
      await flushPromises();
      await emitTargetInfo();
      emitGraphQL(PAIR_TARGETS_QUERY, uiapi('Plan_Target__c', TARGETS.map(targetWithPlanNode)));
      await flushPromises();
      emitGraphQLErrors(ACTIONS_SINCE_QUERY, ['Query timed out']);
      await flushPromises();
      expect(textOf(el(host, 'actions-error'))).toBe('Query timed out');
      expect(findAll(host, '[data-id="shared"]')).toHaveLength(1);
    });
  });

  describe('no action for 14 days', () => {
    it("lists the AE's open deals with the partner whose last action is older than 14 days, or none", async () => {
      const { host } = await renderView();
      expect(findAll(host, '[data-id="stale-deals"] lightning-button').map((b) => prop(b, 'label'))).toEqual([
        'Fabrikam data platform',
        'Contoso kiosks',
      ]);
      expect(texts(host, '[data-id="stale-deals"] li div')).toEqual([
        'Fabrikam Foods · Needs Analysis · Last action: Never',
        'Contoso Retail · Proposal/Price Quote · Last action: Apr 1, 2026',
      ]);
      await click(find(host, '[data-id="stale-deals"] lightning-button'));
      expect(navigate).toHaveBeenCalledWith(
        { type: 'standard__recordPage', attributes: { recordId: DEALS[0].id, actionName: 'view' } },
        undefined,
      );
    });

    it('lists the target accounts without an action for 14 days', async () => {
      const { host } = await renderView();
      // Contoso had a demo yesterday; Fabrikam's last action was the April email campaign.
      expect(findAll(host, '[data-id="stale-accounts"] lightning-button').map((b) => prop(b, 'label'))).toEqual([
        'Fabrikam Foods',
      ]);
      expect(texts(host, '[data-id="stale-accounts"] li div')).toEqual(['Last action: Apr 20, 2026']);
    });

    it('says when nothing is stale', async () => {
      const fresh: ActionSpec[] = [
        ...ACTIONS,
        { id: actionId(30), actionType: 'Demo', actionDate: '2026-05-19', opportunityAccountId: CUSTOMER_2.id, ...ae },
      ];
      const { host } = await renderView({ deals: [], actions: fresh });
      expect(textOf(el(host, 'no-stale-deals'))).toBe(
        'Every open deal of this AE with the partner had an action in the last 14 days.',
      );
      expect(textOf(el(host, 'no-stale-accounts'))).toBe('Every target account had an action in the last 14 days.');
    });
  });

  describe('coaching notes', () => {
    it('shows the recent coaching notes', async () => {
      const { host } = await renderView();
      expect(texts(host, '[data-id="note-heading"]')).toEqual([
        'May 14, 2026 · Alex Morgan',
        'Apr 30, 2026 · Jordan Lee',
      ]);
      expect(texts(host, '[data-id="note-text"]')).toEqual([
        'Prepare the Contoso QBR together.',
        'More joint calls on Fabrikam.',
      ]);
      expect(texts(host, '[data-id="note-next-step"]')).toEqual(['Next step: Draft the QBR deck by Friday']);
    });

    it("adds a coaching note as a coaching session toward the pair's coaching target", async () => {
      const host = mount('c-coaching-view', CoachingView, {});
      const toasts = captureToasts(host);
      await flushPromises();
      await emitTargetInfo();
      emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
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
      expect(prop(el(host, 'note-input'), 'value')).toBe('Discuss pipeline hygiene.');
    });

    it('says when there are no notes yet', async () => {
      const { host } = await renderView({ notes: [] });
      expect(textOf(el(host, 'no-notes'))).toBe('No coaching notes yet.');
    });
  });

  it('is accessible with all sections filled', async () => {
    const { host } = await renderView();
    await expect(host).toBeAccessible();
  });
});
