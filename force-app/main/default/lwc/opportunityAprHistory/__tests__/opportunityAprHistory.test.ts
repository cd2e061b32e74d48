/** c-opportunity-apr-history: the APR actions of an opportunity on its record page. */
import OpportunityAprHistory from 'c/opportunityAprHistory';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import { OPPORTUNITY_HISTORY_QUERY } from 'c/planData';
import { find, findAll, flushPromises, mount, prop, textOf } from '@lwc-test/render';
import { emitGraphQL, emitGraphQLErrors, emitRecord, graphQLVariables } from '@lwc-test/platform';
import {
  OPPORTUNITY_ID,
  USERS,
  actionId,
  actionNode,
  opportunityRecord,
  uiapi,
  type ActionSpec,
} from '@lwc-test/fixtures';
import { freezeTime } from '@lwc-test/time';

const ACTIONS: ActionSpec[] = [
  {
    id: actionId(1),
    actionType: 'Demo',
    actionDate: '2026-05-01',
    actorName: USERS.ae.name,
    actorRole: 'AE',
    outcome: 'Positive',
    quantity: 2,
  },
  {
    id: actionId(2),
    actionType: 'Joint Call',
    actionDate: '2026-04-10',
    actorName: USERS.pm.name,
    actorRole: 'Partner Manager',
  },
  {
    id: actionId(3),
    actionType: 'Customer Meeting',
    actionDate: '2026-04-08',
    actorName: USERS.ae.name,
    actorRole: 'AE',
  },
];

async function render(actions: ActionSpec[] | null, options: { closed?: boolean } = {}) {
  const host = mount('c-opportunity-apr-history', OpportunityAprHistory, { recordId: OPPORTUNITY_ID });
  await flushPromises();
  emitRecord(opportunityRecord({ isClosed: options.closed ?? false }));
  const refresh = actions
    ? emitGraphQL(OPPORTUNITY_HISTORY_QUERY, uiapi('APR_Action__c', actions.map(actionNode)))
    : null;
  await flushPromises();
  return { host, refresh };
}

const el = (host: HTMLElement, dataId: string): HTMLElement => find(host, `[data-id="${dataId}"]`);
type Row = Record<string, unknown>;

describe('c-opportunity-apr-history', () => {
  beforeEach(() => freezeTime('2026-05-20T17:00:00.000Z'));

  it('lists the actions newest first with type, who, role, date, outcome, quantity and days since the previous one', async () => {
    const { host } = await render(ACTIONS);
    expect(graphQLVariables(OPPORTUNITY_HISTORY_QUERY)).toEqual({ opportunityId: OPPORTUNITY_ID });
    expect(prop(find(host, 'lightning-card'), 'title')).toBe('APR History (3)');
    const table = find(host, 'lightning-datatable');
    expect(prop<{ label: string }[]>(table, 'columns').map((c) => c.label)).toEqual([
      'Date',
      'Action',
      'Done by',
      'Role',
      'Outcome',
      'How many',
      'Days since previous',
    ]);
    expect(prop<Row[]>(table, 'data')).toEqual([
      {
        id: actionId(1),
        actionDate: '2026-05-01',
        actionType: 'Demo',
        actorName: 'Avery Ellis',
        actorRole: 'AE',
        outcome: 'Positive',
        quantity: 2,
        daysSincePrevious: 21,
      },
      {
        id: actionId(2),
        actionDate: '2026-04-10',
        actionType: 'Joint Call',
        actorName: 'Priya Mehta',
        actorRole: 'Partner Manager',
        outcome: '',
        quantity: 1,
        daysSincePrevious: 2,
      },
      {
        id: actionId(3),
        actionDate: '2026-04-08',
        actionType: 'Customer Meeting',
        actorName: 'Avery Ellis',
        actorRole: 'AE',
        outcome: '',
        quantity: 1,
        daysSincePrevious: null,
      },
    ]);
    await expect(host).toBeAccessible();
  });

  it('flags an open deal with no action for more than 14 days as stale, and says what to do', async () => {
    const { host } = await render(ACTIONS);
    expect(textOf(el(host, 'last-action'))).toBe('Last action May 1, 2026, 19 days ago.');
    expect(prop(el(host, 'stale'), 'label')).toBe('Stale');
    expect(textOf(el(host, 'stale-help'))).toBe(
      'No APR action for more than 14 days: plan the next step with the partner.',
    );
    await expect(host).toBeAccessible();
  });

  it('does not flag a recent action, nor a closed deal', async () => {
    const recent = await render([{ id: actionId(4), actionType: 'Demo', actionDate: '2026-05-19' }]);
    expect(textOf(el(recent.host, 'last-action'))).toBe('Last action yesterday.');
    expect(findAll(recent.host, '[data-id="stale"]')).toHaveLength(0);
    const today = await render([{ id: actionId(5), actionType: 'Demo', actionDate: '2026-05-20' }]);
    expect(textOf(el(today.host, 'last-action'))).toBe('Last action today.');
    const closed = await render(ACTIONS, { closed: true });
    expect(findAll(closed.host, '[data-id="stale"]')).toHaveLength(0);
  });

  it('says what to do when no action is logged yet', async () => {
    const { host } = await render([]);
    expect(prop(find(host, 'lightning-card'), 'title')).toBe('APR History (0)');
    expect(textOf(el(host, 'empty'))).toBe(
      "No APR actions on this opportunity yet. After each joint call, demo or meeting, use Log APR Action at the top of the page: the action counts toward the partner's plan and shows here.",
    );
    expect(findAll(host, 'lightning-datatable')).toHaveLength(0);
    // An open deal never actioned is stale, as the coaching view and the APR Stale field count it.
    expect(prop(el(host, 'stale'), 'label')).toBe('Stale');
    expect(textOf(el(host, 'stale-help'))).toBe(
      'No APR action yet on this open deal: plan the first step with the partner.',
    );
    expect(findAll(host, '[data-id="last-action"]')).toHaveLength(0);
    const closed = await render([], { closed: true });
    expect(findAll(closed.host, '[data-id="stale"]')).toHaveLength(0);
    await expect(host).toBeAccessible();
  });

  it('shows a spinner while loading', async () => {
    const { host } = await render(null);
    expect(el(host, 'loading').querySelector('lightning-spinner')).toBeTruthy();
    // Not flagged before the actions are read.
    expect(findAll(host, '[data-id="stale"]')).toHaveLength(0);
  });

  it('says in plain words that the history cannot be shown, never the server text', async () => {
    const { host } = await render(null);
    emitGraphQLErrors(OPPORTUNITY_HISTORY_QUERY, ["No such column 'Outcome__c' on entity 'APR_Action__c'"]);
    await flushPromises();
    const error = textOf(el(host, 'load-error'));
    expect(error).toContain("The APR history can't be shown right now.");
    expect(error).not.toContain('Outcome__c');
    await expect(host).toBeAccessible();
  });

  it('reads the history again when the page refreshes (a new action was logged), and unregisters when removed', async () => {
    const { host, refresh } = await render(ACTIONS);
    const registration = (registerRefreshHandler as jest.Mock).mock.calls.at(-1) as [unknown, () => Promise<boolean>];
    await expect(registration[1]()).resolves.toBe(true);
    expect(refresh).toHaveBeenCalled();
    const handle = (registerRefreshHandler as jest.Mock).mock.results.at(-1)?.value as number;
    host.remove();
    expect(unregisterRefreshHandler).toHaveBeenCalledWith(handle);
  });
});
