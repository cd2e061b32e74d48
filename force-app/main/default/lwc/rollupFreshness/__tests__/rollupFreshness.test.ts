import RollupFreshness from 'c/rollupFreshness';
import { LAST_SUCCESSFUL_RUN_QUERY, RECENT_RUNS_QUERY } from 'c/planData';
import { find, findAll, flushPromises, mount, prop, textOf } from '@lwc-test/render';
import { emitGraphQL, emitGraphQLErrors } from '@lwc-test/platform';
import { runsData, type RunSpec } from '@lwc-test/fixtures';
import { freezeTime } from '@lwc-test/time';

// 2026-05-20 10:00 in Los Angeles (the tests' time zone).
const NOW = '2026-05-20T17:00:00.000Z';
const SUCCESS: RunSpec = { name: 'RUN-0000041', status: 'Succeeded', startedAt: '2026-05-20T16:15:00.000Z' };

async function render(lastSuccess: RunSpec[], recent: RunSpec[]): Promise<HTMLElement> {
  const host = mount('c-rollup-freshness', RollupFreshness);
  await flushPromises();
  emitGraphQL(LAST_SUCCESSFUL_RUN_QUERY, runsData(lastSuccess));
  emitGraphQL(RECENT_RUNS_QUERY, runsData(recent));
  await flushPromises();
  return host;
}

const warnings = (host: HTMLElement): string[] => findAll(host, '[data-id="freshness-warning"]').map(textOf);

describe('c-rollup-freshness', () => {
  beforeEach(() => freezeTime(NOW));

  it('shows nothing until both run queries have answered', async () => {
    const host = mount('c-rollup-freshness', RollupFreshness);
    await flushPromises();
    emitGraphQL(LAST_SUCCESSFUL_RUN_QUERY, runsData([SUCCESS]));
    await flushPromises();
    expect(host.shadowRoot?.querySelector('[data-id="freshness"]')).toBeNull();
  });

  it('fresh: says when the actuals are as of, in the user time zone, with no warning', async () => {
    const host = await render([SUCCESS], [SUCCESS]);
    expect(textOf(find(host, '[data-id="as-of"]'))).toBe('Actuals as of May 20, 2026, 9:15 AM');
    expect(warnings(host)).toEqual([]);
    await expect(host).toBeAccessible();
  });

  it('a run in progress after a success is no problem', async () => {
    const running: RunSpec = { name: 'RUN-0000042', status: 'Running', startedAt: '2026-05-20T16:50:00.000Z' };
    const host = await render([SUCCESS], [running, SUCCESS]);
    expect(warnings(host)).toEqual([]);
  });

  it('stale: warns when the last success is more than 24 hours old', async () => {
    const old: RunSpec = { ...SUCCESS, startedAt: '2026-05-19T16:59:00.000Z' };
    const host = await render([old], [old]);
    expect(textOf(find(host, '[data-id="as-of"]'))).toBe('Actuals as of May 19, 2026, 9:59 AM');
    expect(warnings(host)).toEqual([
      'These actuals are more than 24 hours old: the scheduled rollup may have stopped.',
    ]);
    const warning = find(host, '[data-id="freshness-warning"]');
    expect(warning.getAttribute('role')).toBe('status');
    expect(prop(find(host, 'lightning-icon'), 'alternativeText')).toBe('Warning');
    await expect(host).toBeAccessible();
  });

  it('failed: warns when a run after the last success failed, and also when stale', async () => {
    const failed: RunSpec = { name: 'RUN-0000043', status: 'Failed', startedAt: '2026-05-20T16:45:00.000Z' };
    let host = await render([SUCCESS], [failed, SUCCESS]);
    expect(textOf(find(host, '[data-id="as-of"]'))).toBe('Actuals as of May 20, 2026, 9:15 AM');
    expect(warnings(host)).toEqual([
      'The last rollup run (RUN-0000043, May 20, 2026, 9:45 AM) failed: actuals may be out of date.',
    ]);
    await expect(host).toBeAccessible();

    document.body.removeChild(host);
    const old: RunSpec = { ...SUCCESS, startedAt: '2026-05-18T16:00:00.000Z' };
    host = await render([old], [failed, old]);
    expect(warnings(host)).toHaveLength(2);
    expect(warnings(host)[1]).toMatch(/more than 24 hours old/);
  });

  it('partial and unfinished runs are warned about too; a failure before the last success is not', async () => {
    const partial: RunSpec = {
      name: 'RUN-0000044',
      status: 'Partial',
      startedAt: '2026-05-20T16:30:00.000Z',
      failures: 2,
    };
    let host = await render([SUCCESS], [partial, SUCCESS]);
    expect(warnings(host)).toEqual([
      'The last rollup run (RUN-0000044, May 20, 2026, 9:30 AM) could not update every figure (2 failed): some actuals may be out of date.',
    ]);
    document.body.removeChild(host);

    // Running for more than an hour: its process died.
    const stuck: RunSpec = { name: 'RUN-0000045', status: 'Running', startedAt: '2026-05-20T15:30:00.000Z' };
    const earlier: RunSpec = { ...SUCCESS, startedAt: '2026-05-20T15:00:00.000Z' };
    host = await render([earlier], [stuck, earlier]);
    expect(warnings(host)).toEqual([
      'The last rollup run (RUN-0000045, started May 20, 2026, 8:30 AM) did not finish: actuals may be out of date.',
    ]);
    document.body.removeChild(host);

    const oldFailure: RunSpec = { name: 'RUN-0000040', status: 'Failed', startedAt: '2026-05-20T16:00:00.000Z' };
    host = await render([SUCCESS], [SUCCESS, oldFailure]);
    expect(warnings(host)).toEqual([]);
  });

  it('never run: says the actuals have not been computed, and warns about a failed first run', async () => {
    let host = await render([], []);
    expect(textOf(find(host, '[data-id="as-of"]'))).toBe(
      'Actuals have not been computed yet: no rollup run has succeeded.',
    );
    expect(warnings(host)).toEqual([]);
    await expect(host).toBeAccessible();
    document.body.removeChild(host);

    const failed: RunSpec = { name: 'RUN-0000001', status: 'Failed', startedAt: '2026-05-20T16:45:00.000Z' };
    host = await render([], [failed]);
    expect(warnings(host)).toEqual([
      'The last rollup run (RUN-0000001, May 20, 2026, 9:45 AM) failed: actuals may be out of date.',
    ]);
  });

  it('shows nothing when the user cannot read the run history', async () => {
    const host = mount('c-rollup-freshness', RollupFreshness);
    await flushPromises();
    emitGraphQLErrors(LAST_SUCCESSFUL_RUN_QUERY, ['Cannot query field "Rollup_Run__c" on type "RecordQuery".']);
    emitGraphQL(RECENT_RUNS_QUERY, runsData([]));
    await flushPromises();
    expect(host.shadowRoot?.querySelector('[data-id="freshness"]')).toBeNull();
  });
});
