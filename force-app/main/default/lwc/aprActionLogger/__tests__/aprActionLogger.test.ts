/** c-apr-action-logger: the Log APR Action quick action (headless) that opens c-apr-action-dialog. */
import AprActionLogger from 'c/aprActionLogger';
import { RefreshEvent } from 'lightning/refresh';
import { click, find, flushPromises, mount, settle } from '@lwc-test/render';
import { openModals } from '@lwc-test/modal';
import {
  captureToasts,
  emitGraphQL,
  emitObjectInfo,
  emitPicklist,
  emitRecord,
  notifyRecordUpdateAvailable,
} from '@lwc-test/platform';
import { OPPORTUNITY_ID, PARTNER, PICKLISTS, catalogData, opportunityRecord, uiapi } from '@lwc-test/fixtures';
import { METRIC_CATALOG_QUERY, PARTNER_ACTIVE_PLANS_QUERY, PARTNER_ACTIVE_TARGETS_QUERY } from 'c/planData';
import { freezeTime } from '@lwc-test/time';

type Logger = HTMLElement & { invoke(): Promise<void> };

function mountLogger(): { host: Logger; toasts: ReturnType<typeof captureToasts>; refreshes: { count: number } } {
  const host = mount<Logger>('c-apr-action-logger', AprActionLogger, {
    recordId: OPPORTUNITY_ID,
    objectApiName: 'Opportunity',
  });
  const toasts = captureToasts(host);
  const refreshes = { count: 0 };
  host.addEventListener(new RefreshEvent().type, () => refreshes.count++);
  return { host, toasts, refreshes };
}

async function loadDialog(): Promise<HTMLElement> {
  await flushPromises();
  const dialog = openModals().at(-1) as HTMLElement;
  emitObjectInfo('APR_Action__c');
  emitRecord(opportunityRecord({ partnerId: PARTNER.id }));
  emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
  await flushPromises();
  emitPicklist('APR_Action__c.Action_Type__c', PICKLISTS.actionType);
  emitGraphQL(PARTNER_ACTIVE_PLANS_QUERY, uiapi('Partner_Account_Plan__c', []));
  emitGraphQL(PARTNER_ACTIVE_TARGETS_QUERY, uiapi('Plan_Target__c', []));
  await flushPromises();
  return dialog;
}

describe('c-apr-action-logger', () => {
  beforeEach(() => freezeTime('2026-05-20T17:00:00.000Z'));

  it('renders nothing on the page (a headless quick action)', () => {
    const { host } = mountLogger();
    expect(host.shadowRoot?.childElementCount ?? 0).toBe(0);
  });

  it('opens the Log APR Action dialog for the opportunity, once', async () => {
    const { host } = mountLogger();
    const first = host.invoke();
    const second = host.invoke();
    await flushPromises();
    expect(openModals()).toHaveLength(1);
    await second;
    expect(first).toBeInstanceOf(Promise);
    const dialog = openModals()[0] as HTMLElement & { recordId: string; label: string };
    expect(dialog.recordId).toBe(OPPORTUNITY_ID);
    expect(dialog.getAttribute('aria-label')).toBe('Log APR action');
  });

  it('after a save: a toast, LDS told what changed, and the page asked to refresh', async () => {
    const { host, toasts, refreshes } = mountLogger();
    const done = host.invoke();
    const dialog = await loadDialog();
    find(dialog, '[data-id="type-buttons"]').dispatchEvent(new CustomEvent('change', { detail: { value: 'Demo' } }));
    await flushPromises();
    await click(find(dialog, '[data-id="save"]'));
    await settle();
    await done;
    expect(toasts).toEqual([{ title: 'Action logged', message: 'Demo logged.', variant: 'success' }]);
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: OPPORTUNITY_ID }]);
    expect(refreshes.count).toBe(1);
  });

  it('does nothing more when the dialog is closed without saving, and may open again', async () => {
    const { host, toasts, refreshes } = mountLogger();
    const done = host.invoke();
    const dialog = await loadDialog();
    await click(find(dialog, '[data-id="cancel"]'));
    await done;
    expect(toasts).toHaveLength(0);
    expect(refreshes.count).toBe(0);
    const again = host.invoke();
    await flushPromises();
    expect(openModals()).toHaveLength(1);
    expect(again).toBeInstanceOf(Promise);
  });
});
