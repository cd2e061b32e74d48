/** c-coaching-view: its states, the pair picker (defaults, the address, managers' pairs) and the page heading. */
import CoachingView from 'c/coachingView';
import {
  ACTIONS_SINCE_QUERY,
  COACHING_NOTES_QUERY,
  PAIRS_QUERY,
  PAIR_TARGETS_QUERY,
  STALE_DEALS_QUERY,
} from 'c/planData';
import { changeValue, flushPromises, mount, prop, textOf } from '@lwc-test/render';
import { findAll } from '@lwc-test/deep';
import {
  CURRENT_USER_ID,
  emitGraphQL,
  emitGraphQLErrors,
  emitPageReference,
  graphQLVariables,
  navigate,
} from '@lwc-test/platform';
import { PARTNER, USERS, targetId, uiapi, type TargetSpec } from '@lwc-test/fixtures';
import { freezeTime } from '@lwc-test/time';

import {
  FY26,
  PARTNER_2,
  ME,
  q2,
  TARGETS,
  coachingPage,
  emitTargetInfo,
  pairNodes,
  renderView,
  el,
} from './coachingFixtures';

const optionLabels = (host: HTMLElement): string[] =>
  prop<{ label: string }[]>(el(host, 'pair'), 'options').map((o) => o.label);

/** Pairs the current user is not in: Sam with Jordan (1 target) and Avery with Priya (2 targets). */
const OTHERS: TargetSpec[] = [
  TARGETS[6],
  {
    id: targetId(40),
    metric: 'Demos',
    aeId: USERS.ae.id,
    aeName: USERS.ae.name,
    pmId: USERS.pm.id,
    pmName: USERS.pm.name,
    partnerId: PARTNER_2.id,
    partnerName: PARTNER_2.name,
    ...q2,
  },
  {
    id: targetId(41),
    metric: 'Joint_Calls',
    aeId: USERS.ae.id,
    aeName: USERS.ae.name,
    pmId: USERS.pm.id,
    pmName: USERS.pm.name,
    partnerId: PARTNER_2.id,
    partnerName: PARTNER_2.name,
    ...q2,
  },
];

// The accessibility checks walk the whole view, its children included: slow on a busy machine.
jest.setTimeout(30000);

describe('c-coaching-view', () => {
  beforeEach(() => freezeTime('2026-05-20T17:00:00.000Z'));

  describe('states', () => {
    it('loads the pairs the user may see and their own targets at once, with a spinner', async () => {
      const host = mount('c-coaching-view', CoachingView, {});
      emitPageReference(coachingPage());
      await flushPromises();
      await emitTargetInfo();
      expect(graphQLVariables(PAIRS_QUERY)).toEqual({});
      expect(graphQLVariables(PAIR_TARGETS_QUERY)).toEqual({ userId: CURRENT_USER_ID, planId: null });
      expect(el(host, 'loading').querySelector('lightning-spinner')).toBeTruthy();
      // The pair's own queries wait for a pair.
      expect(graphQLVariables(ACTIONS_SINCE_QUERY)).toBeUndefined();
    });

    it('has the page heading (h1) on the Coaching tab and a card heading (h2) on a plan page', async () => {
      const { host } = await renderView();
      expect(el(host, 'title').tagName).toBe('H1');
      expect(textOf(el(host, 'title'))).toBe('AE and partner manager coaching');
      const onPlan = await renderView({ props: { recordId: FY26, objectApiName: 'Partner_Account_Plan__c' } });
      expect(el(onPlan.host, 'title').tagName).toBe('H2');
    });

    it('says in plain words when the pairs cannot be read, never the server text', async () => {
      const host = mount('c-coaching-view', CoachingView, {});
      emitPageReference(coachingPage());
      await flushPromises();
      await emitTargetInfo();
      emitGraphQLErrors(PAIRS_QUERY, ['ERROR at Row:1:Column:121 No such column Accountable_AE__c']);
      await flushPromises();
      const error = textOf(el(host, 'load-error'));
      expect(error).toContain('Coaching could not be loaded. Reload the page');
      expect(error).toContain('ask your Partner Planning admin');
      expect(error).not.toContain('Row:1');
      await expect(host).toBeAccessible();
    });

    it('says what makes a pair and who can set it when the user may see none', async () => {
      const { host } = await renderView({ targets: [], visible: [] });
      expect(textOf(el(host, 'empty'))).toBe(
        'No AE and partner manager pairs to coach yet. A pair appears here once a target on an open plan names ' +
          "both an accountable AE and an accountable partner manager: ask the plan's owner or your Partner " +
          "Planning admin to set them on the plan's targets.",
      );
      expect(findAll(host, '[data-id="pair"]')).toHaveLength(0);
      await expect(host).toBeAccessible();
    });

    it('says so on a plan page whose targets name no pair', async () => {
      const { host } = await renderView({
        props: { recordId: FY26, objectApiName: 'Partner_Account_Plan__c' },
        targets: [{ id: targetId(1), metric: 'Demos', ...q2 }],
      });
      expect(textOf(el(host, 'empty'))).toBe(
        'No target of this plan names both an accountable AE and an accountable partner manager yet. Whoever can ' +
          'edit the plan sets them on its targets.',
      );
    });
  });

  describe('the pair picker', () => {
    it('starts an AE or partner manager on their own pair with the most targets, and lists every visible pair', async () => {
      const { host } = await renderView();
      expect(optionLabels(host)).toEqual([
        'Avery Ellis (AE) with Alex Morgan (partner manager) · Northwind Partners',
        'Alex Morgan (AE) with Jordan Lee (partner manager) · Contoso Systems Integration',
        'Sam Ortiz (AE) with Jordan Lee (partner manager) · Northwind Partners',
      ]);
      expect(prop(el(host, 'pair'), 'value')).toBe(`${USERS.ae.id}:${ME}`);
      expect(textOf(el(host, 'pair-count'))).toBe('3 pairs you can coach');
      expect(graphQLVariables(PAIR_TARGETS_QUERY)).toEqual({ userId: CURRENT_USER_ID, planId: null });
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
      await expect(host).toBeAccessible();
    });

    it("starts a manager or leader in no pair on the pair with the most targets, and reads that AE's targets", async () => {
      const { host } = await renderView({ targets: OTHERS });
      expect(optionLabels(host)).toEqual([
        'Avery Ellis (AE) with Priya Mehta (partner manager) · Contoso Systems Integration',
        'Sam Ortiz (AE) with Jordan Lee (partner manager) · Northwind Partners',
      ]);
      expect(prop(el(host, 'pair'), 'value')).toBe(`${USERS.ae.id}:${USERS.pm.id}`);
      expect(graphQLVariables(PAIR_TARGETS_QUERY)).toEqual({ userId: USERS.ae.id, planId: null });
      expect(graphQLVariables(ACTIONS_SINCE_QUERY)).toMatchObject({ actorIds: [USERS.ae.id, USERS.pm.id] });
      expect(findAll(host, '[data-id="shared"] tbody th').map(textOf)).toEqual(['Demos', 'Joint Calls']);
    });

    it('switches pairs and keeps the choice in the address, replacing it', async () => {
      const { host } = await renderView();
      await changeValue(el(host, 'pair'), `${ME}:${USERS.pm2.id}`);
      expect(navigate).toHaveBeenCalledWith(
        {
          type: 'standard__navItemPage',
          attributes: { apiName: 'Coaching' },
          state: { c__ae: ME, c__pm: USERS.pm2.id },
        },
        true,
      );
      expect(graphQLVariables(ACTIONS_SINCE_QUERY)).toEqual({
        actorIds: [ME, USERS.pm2.id],
        partnerIds: [PARTNER_2.id],
        since: '2026-03-02',
      });
      expect(graphQLVariables(STALE_DEALS_QUERY)).toMatchObject({ ownerId: ME, partnerIds: [PARTNER_2.id] });
      expect(findAll(host, '[data-id="shared"] tbody th').map(textOf)).toEqual(['Joint Calls']);
    });

    it("shows the address's pair after a reload, reading its AE's targets from the start", async () => {
      const state = { c__ae: USERS.ae2.id, c__pm: USERS.pm2.id };
      const { host } = await renderView({ state });
      expect(prop(el(host, 'pair'), 'value')).toBe(`${USERS.ae2.id}:${USERS.pm2.id}`);
      expect(graphQLVariables(PAIR_TARGETS_QUERY)).toEqual({ userId: USERS.ae2.id, planId: null });
      expect(findAll(host, '[data-id="pair-notice"]')).toHaveLength(0);
      expect(navigate).not.toHaveBeenCalled();
    });

    it('says so when the address names a pair the user cannot see, and shows their own', async () => {
      const { host } = await renderView({ state: { c__ae: USERS.pm.id, c__pm: USERS.ae2.id } });
      expect(prop(el(host, 'pair'), 'value')).toBe(`${USERS.ae.id}:${ME}`);
      expect(textOf(el(host, 'pair-notice'))).toBe(
        "The pair in this page's address is not one you can see, so Avery Ellis (AE) with Alex Morgan (partner " +
          'manager) · Northwind Partners is shown instead.',
      );
    });

    it('offers the pairs of the plan on a plan record page, without the query of every pair', async () => {
      const { host } = await renderView({ props: { recordId: FY26, objectApiName: 'Partner_Account_Plan__c' } });
      expect(graphQLVariables(PAIR_TARGETS_QUERY)).toEqual({ userId: CURRENT_USER_ID, planId: FY26 });
      expect(graphQLVariables(PAIRS_QUERY)).toBeUndefined();
      expect(optionLabels(host)).toEqual([
        'Avery Ellis (AE) with Alex Morgan (partner manager) · Northwind Partners',
        'Sam Ortiz (AE) with Jordan Lee (partner manager) · Northwind Partners',
      ]);
    });

    it('names the first two partners of a pair and how many more', async () => {
      const partners = ['Alpha', 'Beta', 'Gamma', 'Delta'].map((name, i) => ({
        id: targetId(50 + i),
        metric: 'Demos',
        partnerId: `001000000000${60 + i}AAA`,
        partnerName: name,
        ...q2,
        aeId: USERS.ae2.id,
        aeName: USERS.ae2.name,
        pmId: USERS.pm2.id,
        pmName: USERS.pm2.name,
      }));
      const { host } = await renderView({ targets: partners });
      expect(optionLabels(host)).toEqual(['Sam Ortiz (AE) with Jordan Lee (partner manager) · Alpha, Beta and 2 more']);
      expect(textOf(el(host, 'pair-count'))).toBe('1 pair you can coach');
    });

    it('says the list of pairs was cut off when the user may see more targets than one query reads', async () => {
      const { host } = await renderView();
      expect(findAll(host, '[data-id="pairs-truncated"]')).toHaveLength(0);
      emitGraphQL(PAIRS_QUERY, uiapi('Plan_Target__c', pairNodes(TARGETS), { hasNextPage: true }));
      await flushPromises();
      expect(textOf(el(host, 'pairs-truncated'))).toMatch(/\S/);
    });
  });
});
