import ProgramOverview from 'c/programOverview';
import { click, find, findAll, flushPromises, mount, prop, textOf } from '@lwc-test/render';
import { emitGraphQL, emitGraphQLErrors, graphQLVariables, graphqlAdapter, navigate } from '@lwc-test/platform';
import { PARTNER, USERS } from '@lwc-test/fixtures';
import { freezeTime } from '@lwc-test/time';
import {
  ACTION_LEADERBOARD_QUERY,
  AGREED_PLAN_STATUSES,
  ATTAINMENT_BY_TIER_QUERY,
  BEHIND_BY_MANAGER_QUERY,
  OPEN_PLAN_STATUSES,
  PLANS_BY_PARTNER_QUERY,
  STALE_DEALS_BY_OWNER_QUERY,
  TARGETS_BY_MANAGER_QUERY,
} from '../queries';
import { PARTNER_2, PLAN_1, PLAN_2, emitAll, plansData, staleData } from './programOverviewFixtures';

const render = (): HTMLElement => mount('c-program-overview', ProgramOverview, {});

async function renderWithData(options: Parameters<typeof emitAll>[0] = {}): Promise<HTMLElement> {
  const host = render();
  await flushPromises();
  await emitAll(options, flushPromises);
  return host;
}

const el = (host: HTMLElement, id: string): HTMLElement => find(host, `[data-id="${id}"]`);
const cells = (row: Element): string[] => Array.from(row.querySelectorAll('th, td')).map((c) => textOf(c));
const meterTexts = (row: Element): string[] =>
  Array.from(row.querySelectorAll('c-attainment-meter')).map((m) => (m as unknown as { text: string }).text);

describe('c-program-overview', () => {
  beforeEach(() => freezeTime('2026-05-20T17:00:00.000Z'));

  it('asks for the open plans, the agreed plans behind pace, this quarter and a 14-day cutoff', async () => {
    const host = render();
    await flushPromises();
    expect(textOf(el(host, 'title'))).toBe('Program Overview');
    expect(host.shadowRoot?.querySelector('h1')).toBeTruthy();
    expect(find(host, '[data-id="loading"] lightning-spinner')).toBeTruthy();
    expect(graphQLVariables(PLANS_BY_PARTNER_QUERY)).toEqual({ statuses: OPEN_PLAN_STATUSES });
    expect(graphQLVariables(ATTAINMENT_BY_TIER_QUERY)).toEqual({ statuses: OPEN_PLAN_STATUSES });
    expect(graphQLVariables(TARGETS_BY_MANAGER_QUERY)).toEqual({ statuses: OPEN_PLAN_STATUSES, today: '2026-05-20' });
    expect(graphQLVariables(BEHIND_BY_MANAGER_QUERY)).toEqual({ statuses: AGREED_PLAN_STATUSES });
    expect(graphQLVariables(ACTION_LEADERBOARD_QUERY)).toEqual({ excluded: ['Coaching Session'] });
    expect(graphQLVariables(STALE_DEALS_BY_OWNER_QUERY)).toEqual({ cutoff: '2026-05-06' });
  });

  it('shows the summary, tiers in picklist order and partners lowest attainment first', async () => {
    const host = await renderWithData();
    const summary = Object.fromEntries(findAll(host, '[data-summary]').map((d) => [d.dataset.summary, textOf(d)]));
    // Average of the three plans' weighted attainment: (82.5 + 40 + 60) / 3.
    expect(summary).toEqual({ plans: '3', partners: '2', attainment: '60.8%', behind: '3', stale: '5' });

    const tiers = findAll(host, '[data-tier]');
    expect(tiers.map((r) => cells(r)[0])).toEqual(['Platinum', 'Gold']);
    expect(cells(tiers[0]).slice(1, 3)).toEqual(['1', '2']);
    expect(meterTexts(tiers[0])).toEqual(['50%']);
    expect(cells(tiers[0]).slice(4)).toEqual(['40%', '60%']);

    const partners = findAll(host, '[data-partner]');
    expect(partners.map((r) => cells(r)[0])).toEqual([PARTNER_2.name, PARTNER.name]);
    expect(Array.from(partners[0].querySelectorAll('li')).map((li) => textOf(li))).toEqual([
      'Contoso FY2026',
      'Contoso Services FY2026',
    ]);
    expect(meterTexts(partners[0])).toEqual(['50%']);
    expect(cells(partners[0])[4]).toBe('2');
    expect(cells(partners[1])[4]).toBe('1');
    await expect(host).toBeAccessible();
  });

  it('drills down from a partner to its plan and account', async () => {
    const host = await renderWithData();
    const planLink = findAll(host, '[data-id="plan-link"]').find((a) => textOf(a) === PLAN_1.name) as HTMLElement;
    await click(planLink);
    expect(navigate).toHaveBeenLastCalledWith(
      {
        type: 'standard__recordPage',
        attributes: { recordId: PLAN_1.id, objectApiName: 'Partner_Account_Plan__c', actionName: 'view' },
      },
      undefined,
    );
    await click(findAll(host, '[data-id="partner-link"]')[0]);
    expect(navigate).toHaveBeenLastCalledWith(
      {
        type: 'standard__recordPage',
        attributes: { recordId: PARTNER_2.id, objectApiName: 'Account', actionName: 'view' },
      },
      undefined,
    );
  });

  it("shows partner managers' attainment and opens their plans behind pace", async () => {
    const host = await renderWithData();
    const managers = findAll(host, '[data-manager]');
    expect(managers.map((r) => cells(r)[0])).toEqual([USERS.pm.name, USERS.pm2.name, 'No partner manager']);
    // Priya: (50 x 2 + 80 x 1) / 3 targets with an attainment.
    expect(cells(managers[0])[1]).toBe('3');
    expect(meterTexts(managers[0])).toEqual(['60%']);
    expect(meterTexts(managers[2])).toEqual(['—']);

    const toggle = managers[0].querySelector('button') as HTMLElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(textOf(toggle)).toContain(`Show the plans behind pace of ${USERS.pm.name}`);
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const plans = findAll(host, '[data-id="behind-plan"]');
    expect(plans.map((a) => textOf(a))).toEqual([PLAN_2.name, PLAN_1.name]);
    expect(textOf(find(host, `[data-plans-of="${USERS.pm.id}"]`))).toContain(`${PARTNER_2.name} · 2 behind`);
    await click(plans[0]);
    expect(navigate).toHaveBeenLastCalledWith(
      {
        type: 'standard__recordPage',
        attributes: { recordId: PLAN_2.id, objectApiName: 'Partner_Account_Plan__c', actionName: 'view' },
      },
      undefined,
    );
    await expect(host).toBeAccessible();
    await click(toggle);
    expect(findAll(host, '[data-id="behind-plan"]')).toHaveLength(0);
  });

  it('sums targets against actuals for cumulative metrics only', async () => {
    const host = await renderWithData();
    const rows = Object.fromEntries(findAll(host, '[data-metric]').map((r) => [r.dataset.metric, r]));
    expect(cells(rows.Closed_Won_Revenue).slice(0, 6)).toEqual([
      'Closed Won Revenue',
      '3',
      '$500,000',
      '$375,000',
      '$320,000',
      // Pace: 320,000 of the 375,000 expected by now.
      '85.3%',
    ]);
    expect(meterTexts(rows.Closed_Won_Revenue)).toEqual(['73.3%']);
    // A rate: no sums, its average attainment only.
    expect(cells(rows.Win_Rate).slice(2, 6)).toEqual(['—', '—', '—', '—']);
    expect(meterTexts(rows.Win_Rate)).toEqual(['80%']);
  });

  it('leaves currency sums out in a multi-currency org and says why', async () => {
    const host = await renderWithData({ multiCurrency: true });
    const revenue = find(host, '[data-metric="Closed_Won_Revenue"]');
    expect(cells(revenue).slice(2, 5)).toEqual(['—', '—', '—']);
    expect(textOf(el(host, 'currency-note'))).toContain('multi-currency');
    expect(cells(find(host, '[data-metric="Deal_Registrations"]'))[2]).toBe('10');
  });

  it('ranks people by their APR actions this quarter and owners by stale deals', async () => {
    const host = await renderWithData();
    const leaders = findAll(host, '[data-actor]');
    expect(leaders.map((r) => cells(r))).toEqual([
      ['1', USERS.pm.name, '6', '9', 'Demo 4 · Joint Call 2'],
      ['2', USERS.ae.name, '3', '3', 'Joint Call 3'],
    ]);
    const owners = findAll(host, '[data-owner]');
    expect(owners.map((r) => cells(r))).toEqual([
      [USERS.ae2.name, '3', '$30,000'],
      [USERS.ae.name, '2', '$50,000'],
    ]);
  });

  it('says what to do when no plan is open yet, and when nothing happened this quarter', async () => {
    const host = await renderWithData({ plans: [], emptyActivity: true });
    expect(textOf(el(host, 'empty'))).toMatch(/^No partner plans are open yet\./);
    expect(findAll(host, '[data-partner]')).toHaveLength(0);
    expect(findAll(host, '[data-summary]')).toHaveLength(0);
    const empties = findAll(host, '[data-id="empty"]').map((e) => textOf(e));
    expect(empties).toContain('No APR actions have been logged this fiscal quarter yet.');
    expect(empties).toContain('Every open partner deal has an APR action from the last 14 days.');
    await expect(host).toBeAccessible();
  });

  it('shows a friendly error, never the server text, and the figures once an answer comes', async () => {
    const host = render();
    await flushPromises();
    emitGraphQLErrors(PLANS_BY_PARTNER_QUERY, [
      'No such column Overall_Attainment__c on entity Partner_Account_Plan__c',
    ]);
    emitGraphQLErrors(ACTION_LEADERBOARD_QUERY, ['INVALID_FIELD: Actor__r']);
    await flushPromises();
    const error = el(host, 'load-error');
    expect(textOf(error)).toContain('The program figures could not be loaded.');
    expect(textOf(host.shadowRoot as unknown as Element)).not.toMatch(/Overall_Attainment__c|INVALID_FIELD|Actor__r/);
    const partError = find(host, '[data-id="leaderboard"] [data-id="load-error"]');
    expect(textOf(partError)).toContain('This part of the overview could not be loaded.');
    await expect(host).toBeAccessible();

    const refresh = emitGraphQL(PLANS_BY_PARTNER_QUERY, plansData());
    await flushPromises();
    expect(findAll(host, '[data-partner]')).toHaveLength(2);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('retries from the error state: every query runs again', async () => {
    const host = render();
    await flushPromises();
    const refresh = jest.fn(async () => undefined);
    graphqlAdapter.emit(
      { data: undefined, errors: [{ message: 'boom' }], refresh },
      (config: Record<string, unknown>) => config.query === PLANS_BY_PARTNER_QUERY,
    );
    const otherRefresh = emitGraphQL(STALE_DEALS_BY_OWNER_QUERY, staleData());
    await flushPromises();
    const retry = find(host, '[data-id="load-error"] lightning-button');
    expect(prop(retry, 'label')).toBe('Try again');
    retry.dispatchEvent(new CustomEvent('click'));
    await flushPromises();
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(otherRefresh).toHaveBeenCalledTimes(1);
  });

  it('says when the plans list was cut off', async () => {
    const host = render();
    await flushPromises();
    emitGraphQL(PLANS_BY_PARTNER_QUERY, plansData(undefined, true));
    await flushPromises();
    expect(textOf(find(host, '[data-id="summary"]').parentElement)).toContain('Only the first records are shown');
  });
});
