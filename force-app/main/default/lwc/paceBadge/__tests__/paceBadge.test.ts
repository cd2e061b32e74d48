import PaceBadge from 'c/paceBadge';
import { flushPromises, mount, shadow } from '@lwc-test/render';

interface BadgeHost extends HTMLElement {
  // A property declaration, not the `status` global the rule guards against.
  // eslint-disable-next-line no-restricted-globals
  status?: string | null;
  started?: boolean;
}

function badgeOf(host: HTMLElement): HTMLElement & { label?: string; iconName?: string } {
  const badge = shadow(host).querySelector('lightning-badge');
  if (!badge) throw new Error('no badge rendered');
  return badge as HTMLElement & { label?: string; iconName?: string };
}

describe('c-pace-badge', () => {
  it.each([
    // pace-on-color: a white icon on the green and red themes, as their text is.
    ['Ahead', 'Ahead', 'slds-theme_success pace-on-color', 'utility:arrowup'],
    ['On Track', 'On Track', 'pace-info', 'utility:check'],
    ['Behind', 'Behind', 'slds-theme_error pace-on-color', 'utility:arrowdown'],
    ['Over Budget', 'Over budget', 'slds-theme_error pace-on-color', 'utility:warning'],
    ['Met', 'Met', 'slds-theme_success pace-on-color', 'utility:success'],
    ['Missed', 'Missed', 'slds-theme_error pace-on-color', 'utility:close'],
  ])('shows %s with text, icon and tone', (status, label, theme, icon) => {
    const host = mount<BadgeHost>('c-pace-badge', PaceBadge, { status, started: true });
    const badge = badgeOf(host);
    expect(badge.label).toBe(label);
    expect(badge.iconName).toBe(icon);
    expect(badge.className).toBe(theme);
    expect(badge.getAttribute('title')).toBe(`Pace: ${label}`);
  });

  it('gives On Track a blue tone, not the grey that reads as disabled', () => {
    const host = mount<BadgeHost>('c-pace-badge', PaceBadge, { status: 'On Track', started: true });
    const badge = badgeOf(host);
    expect(badge.classList.contains('slds-theme_info')).toBe(false);
    expect(badge.classList.contains('pace-info')).toBe(true);
  });

  it('says "Not started" without a status before the period begins', () => {
    const host = mount<BadgeHost>('c-pace-badge', PaceBadge, { status: null, started: false });
    const badge = badgeOf(host);
    expect(badge.label).toBe('Not started');
    expect(badge.getAttribute('title')).toBe('Pace: Not started');
    expect(badge.className).toBe('');
  });

  it('says "No data yet" without a status once the period has begun', () => {
    const host = mount<BadgeHost>('c-pace-badge', PaceBadge, { status: null, started: true });
    const badge = badgeOf(host);
    expect(badge.label).toBe('No data yet');
    expect(badge.className).toBe('');
  });

  it('treats an unknown value as no status rather than guessing a colour', () => {
    const host = mount<BadgeHost>('c-pace-badge', PaceBadge, { status: 'Sideways', started: true });
    expect(badgeOf(host).label).toBe('No data yet');
    expect(badgeOf(host).className).toBe('');
  });

  it('updates when the status changes', async () => {
    const host = mount<BadgeHost>('c-pace-badge', PaceBadge, { status: 'Behind', started: true });
    host.status = 'Met';
    await flushPromises();
    expect(badgeOf(host).label).toBe('Met');
  });

  it.each(['On Track', 'Over Budget', null])('is accessible (%s)', async (status) => {
    const host = mount<BadgeHost>('c-pace-badge', PaceBadge, { status, started: true });
    await expect(host).toBeAccessible();
  });
});
