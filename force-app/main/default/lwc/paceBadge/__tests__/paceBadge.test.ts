import PaceBadge from 'c/paceBadge';
import { flushPromises, mount, shadow } from '@lwc-test/render';

interface BadgeHost extends HTMLElement {
  // A property declaration, not the `status` global the rule guards against.
  // eslint-disable-next-line no-restricted-globals
  status?: string | null;
}

function badgeOf(host: HTMLElement): HTMLElement & { label?: string; iconName?: string } {
  const badge = shadow(host).querySelector('lightning-badge');
  if (!badge) throw new Error('no badge rendered');
  return badge as HTMLElement & { label?: string; iconName?: string };
}

describe('c-pace-badge', () => {
  it.each([
    ['Ahead', 'Ahead', 'slds-theme_success', 'utility:arrowup'],
    ['On Track', 'On Track', 'slds-theme_info', 'utility:check'],
    ['Behind', 'Behind', 'slds-theme_error', 'utility:arrowdown'],
  ])('shows %s with text, icon and theme', (status, label, theme, icon) => {
    const host = mount<BadgeHost>('c-pace-badge', PaceBadge, { status });
    const badge = badgeOf(host);
    expect(badge.label).toBe(label);
    expect(badge.iconName).toBe(icon);
    expect(badge.classList.contains(theme)).toBe(true);
    expect(badge.getAttribute('title')).toBe(`Pace: ${label}`);
  });

  it('shows a neutral badge before the first rollup', () => {
    const host = mount<BadgeHost>('c-pace-badge', PaceBadge, { status: null });
    const badge = badgeOf(host);
    expect(badge.label).toBe('No pace yet');
    expect(badge.className).toBe('');
  });

  it('treats an unknown value as no pace rather than guessing a colour', () => {
    const host = mount<BadgeHost>('c-pace-badge', PaceBadge, { status: 'Sideways' });
    expect(badgeOf(host).label).toBe('No pace yet');
  });

  it('updates when the status changes', async () => {
    const host = mount<BadgeHost>('c-pace-badge', PaceBadge, { status: 'Behind' });
    host.status = 'Ahead';
    await flushPromises();
    expect(badgeOf(host).label).toBe('Ahead');
  });

  it('is accessible', async () => {
    const host = mount<BadgeHost>('c-pace-badge', PaceBadge, { status: 'On Track' });
    await expect(host).toBeAccessible();
  });
});
