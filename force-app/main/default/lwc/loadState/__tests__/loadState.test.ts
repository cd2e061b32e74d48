import LoadState from 'c/loadState';
import { flushPromises, mount, prop, textOf } from '@lwc-test/render';

interface LoadStateHost extends HTMLElement {
  loading?: boolean;
  error?: string | null;
  emptyMessage?: string | null;
  retryLabel?: string | null;
}

/** c-load-state renders in light DOM: its markup is a child of the host, as the owner's page sees it. */
function part(host: HTMLElement, selector: string): HTMLElement | null {
  return host.querySelector<HTMLElement>(selector);
}

async function render(props: Partial<LoadStateHost>): Promise<LoadStateHost> {
  const host = mount<LoadStateHost>('c-load-state', LoadState, props);
  await flushPromises();
  return host;
}

describe('c-load-state', () => {
  it('shows a medium spinner with its assistive text while loading, whatever else is set', async () => {
    const host = await render({ loading: true, error: 'Insufficient access', emptyMessage: 'Nothing yet' });
    expect(host.shadowRoot).toBeNull();
    const loading = part(host, '[data-id="loading"]') as HTMLElement;
    expect(loading.getAttribute('aria-busy')).toBe('true');
    const spinner = loading.querySelector('lightning-spinner') as HTMLElement;
    expect(prop(spinner, 'size')).toBe('medium');
    expect(prop(spinner, 'alternativeText')).toBe('Loading');
    expect(part(host, '[data-id="load-error"]')).toBeNull();
    expect(part(host, '[data-id="empty"]')).toBeNull();
    await expect(host).toBeAccessible();
  });

  it('shows the error as an alert with a level-2 heading, and no retry unless asked', async () => {
    const host = await render({ error: 'Insufficient access to Plan_Target__c', emptyMessage: 'Nothing yet' });
    const alert = part(host, '[data-id="load-error"]') as HTMLElement;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(textOf(alert.querySelector('h2'))).toBe("We couldn't load this data");
    expect(textOf(alert.querySelector('p'))).toBe('Insufficient access to Plan_Target__c');
    expect(alert.querySelector('lightning-button')).toBeNull();
    expect(part(host, 'lightning-spinner')).toBeNull();
    expect(part(host, '[data-id="empty"]')).toBeNull();
    await expect(host).toBeAccessible();
  });

  it('offers a retry that fires `retry`', async () => {
    const host = await render({ error: 'Unable to lock row', retryLabel: 'Try again' });
    const retries: Event[] = [];
    host.addEventListener('retry', (event) => retries.push(event));
    const button = part(host, '[data-id="load-error"] lightning-button') as HTMLElement;
    expect(prop(button, 'label')).toBe('Try again');
    button.click();
    expect(retries).toHaveLength(1);
    await expect(host).toBeAccessible();
  });

  it('shows the empty message once loaded without an error, and nothing when there is none', async () => {
    const host = await render({ emptyMessage: 'No pairs on this plan yet.' });
    expect(textOf(part(host, '[data-id="empty"]'))).toBe('No pairs on this plan yet.');
    await expect(host).toBeAccessible();
    host.emptyMessage = null;
    await flushPromises();
    expect(host.children).toHaveLength(0);
  });

  it('follows its owner from loading to the error', async () => {
    const host = await render({ loading: true });
    host.loading = false;
    host.error = 'Request timed out';
    await flushPromises();
    expect(part(host, 'lightning-spinner')).toBeNull();
    expect(textOf(part(host, '[data-id="load-error"] p'))).toBe('Request timed out');
  });
});
