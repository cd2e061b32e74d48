/**
 * The plan editor and the coaching view host the suggested action targets (c-action-suggestions): the
 * editor hands it the plan's targets and the plan, the coaching view the selected pair's targets, and both
 * re-run their targets query when a suggestion is accepted.
 */
import CoachingView from 'c/coachingView';
import { METRIC_CATALOG_QUERY, PAIRS_QUERY, PAIR_TARGETS_QUERY, type PlanHeader, type PlanTarget } from 'c/planData';
import { flushPromises, mount, prop } from '@lwc-test/render';
import { find } from '@lwc-test/deep';
import { emitGraphQL, emitObjectInfo } from '@lwc-test/platform';
import { PARTNER, USERS, catalogData, targetWithPlanNode, uiapi, type TargetSpec } from '@lwc-test/fixtures';
import { freezeTime } from '@lwc-test/time';
import { pairNodes } from '../../coachingView/__tests__/coachingFixtures';
import { S1, T1, TARGETS, renderEditor } from './editorFixtures';

const pair = { aeId: USERS.ae.id, aeName: USERS.ae.name, pmId: USERS.me.id, pmName: USERS.me.name };

const accepted = (host: HTMLElement): Promise<void> => {
  find(host, 'c-action-suggestions').dispatchEvent(new CustomEvent('targetcreated', { detail: { targetId: 'x' } }));
  return flushPromises();
};

describe('hosts of c-action-suggestions', () => {
  it('the plan editor gives it the plan and its targets, and refetches the targets after an accept', async () => {
    freezeTime('2026-05-10T18:00:00Z');
    const targets: TargetSpec[] = TARGETS.map((t) => (t.id === T1 ? { ...t, ...pair } : t));
    const { host, refreshTargets } = await renderEditor({ targets });
    const suggestions = find(host, 'c-action-suggestions');
    const given = prop<PlanTarget[]>(suggestions, 'targets');
    expect(given.map((t) => t.id)).toEqual(TARGETS.map((t) => t.id));
    expect(given.find((t) => t.id === T1)).toMatchObject({
      sectionId: S1,
      aeId: USERS.ae.id,
      partnerManagerId: USERS.me.id,
    });
    expect(prop<PlanHeader>(suggestions, 'plan')).toMatchObject({ partnerAccountId: PARTNER.id });
    expect(refreshTargets).not.toHaveBeenCalled();
    await accepted(host);
    expect(refreshTargets).toHaveBeenCalledTimes(1);
  });

  it('the coaching view gives it the selected pair’s targets, and refetches them after an accept', async () => {
    freezeTime('2026-05-10T18:00:00Z');
    const host = mount('c-coaching-view', CoachingView, {});
    await flushPromises();
    emitObjectInfo('Plan_Target__c', { fields: ['Target_Value__c'] });
    await flushPromises();
    emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
    const specs: TargetSpec[] = [
      { id: T1, metric: 'Closed_Won_Revenue', targetValue: 200000, planId: 'a01000000000026AAA', ...pair },
    ];
    // The pairs the user may see: the view picks the user's own.
    emitGraphQL(PAIRS_QUERY, uiapi('Plan_Target__c', pairNodes(specs)));
    await flushPromises();
    const refresh = emitGraphQL(PAIR_TARGETS_QUERY, uiapi('Plan_Target__c', specs.map(targetWithPlanNode)));
    await flushPromises();
    const given = prop<PlanTarget[]>(find(host, 'c-action-suggestions'), 'targets');
    expect(given.map((t) => [t.id, t.aeId, t.partnerManagerId, t.partnerAccountId])).toEqual([
      [T1, USERS.ae.id, USERS.me.id, PARTNER.id],
    ]);
    await accepted(host);
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
