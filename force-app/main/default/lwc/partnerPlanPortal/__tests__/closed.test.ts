/** c-partner-plan-portal: a closed plan is final for the partner: a Closed badge, no decisions, no new comments. */
import { flushPromises, prop } from '@lwc-test/render';
import { find, findAll } from '@lwc-test/deep';
import { emitRecord } from '@lwc-test/platform';
import { planRecord } from '@lwc-test/fixtures';
import { renderPortal, text } from './portalFixtures';

describe('c-partner-plan-portal on a closed plan', () => {
  it('shows the plan as final: a Closed badge, a notice, no actions and comments to read only', async () => {
    const { host } = await renderPortal({ plan: { status: 'Closed', version: 1 } });
    // The plan's comment thread reads the plan's status as well (LDS serves it from the same record).
    emitRecord(planRecord({ status: 'Closed', version: 1 }));
    await flushPromises();
    expect(prop(find(host, '[data-id="closed-badge"]'), 'label')).toBe('Closed');
    expect(text(host, 'closed')).toBe('This plan is closed: it is final and can no longer change.');
    expect(findAll(host, '[data-id="accept"]')).toHaveLength(0);
    expect(findAll(host, '[data-id="request-changes"]')).toHaveLength(0);
    expect(findAll(host, '[data-id="read-only"]')).toHaveLength(0);
    expect(findAll(host, '[data-id="comment-body"]')).toHaveLength(0);
    expect(findAll(host, '[data-id="closed-notice"]').length).toBeGreaterThan(0);
    await expect(host).toBeAccessible();
  });

  it('shows no badge on a plan that is still running', async () => {
    const { host } = await renderPortal({ plan: { status: 'Active', version: 1 } });
    expect(findAll(host, '[data-id="closed-badge"]')).toHaveLength(0);
    expect(findAll(host, '[data-id="read-only"]')).toHaveLength(1);
  });
});
