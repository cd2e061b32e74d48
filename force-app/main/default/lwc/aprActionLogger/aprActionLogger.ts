import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent } from 'lightning/refresh';
import AprActionDialog, { type AprActionSaved } from 'c/aprActionDialog';
import { notifyRecordsChanged } from 'c/planData';
import { formatLabel } from 'c/planInsights';
import { LABELS } from './labels';

/**
 * The Log APR Action quick action of the Opportunity layout, as a headless action: `invoke()` opens the Log
 * APR Action dialog (c-apr-action-dialog, a LightningModal with its ×, Escape, focus trap and return of
 * focus) for the opportunity. Once the action is saved it confirms it in a toast, tells LDS which records'
 * computed fields change, and fires RefreshEvent so the record page refreshes its views (the APR history
 * shows the new action). A second invoke while the dialog is open does nothing.
 */
export default class AprActionLogger extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  private open = false;

  @api
  async invoke(): Promise<void> {
    if (this.open || !this.recordId) return;
    this.open = true;
    let saved: AprActionSaved | undefined;
    try {
      saved = (await AprActionDialog.open({
        label: LABELS.title,
        size: 'medium',
        recordId: this.recordId,
      })) as AprActionSaved | undefined;
    } finally {
      this.open = false;
    }
    if (!saved) return;
    this.dispatchEvent(
      new ShowToastEvent({
        title: LABELS.loggedTitle,
        message: formatLabel(LABELS.logged, saved.typeLabel),
        variant: 'success',
      }),
    );
    await notifyRecordsChanged(saved.changedRecordIds);
    this.dispatchEvent(new RefreshEvent());
  }
}
