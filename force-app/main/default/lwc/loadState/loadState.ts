import { LightningElement, api } from 'lwc';
import LOAD_ERROR_TITLE from '@salesforce/label/c.Partner_Planning_Load_Error_Title';
import LOADING from '@salesforce/label/c.Partner_Planning_Loading';

/**
 * The load state every view shows before its content: a spinner while the data loads, the error that
 * stopped it (announced as an alert, with an optional retry), or the view's empty-state message. One
 * markup for all views, so the heading level, spinner size and live regions are the same everywhere.
 *
 * Light DOM on purpose: the state is part of its owner's page (its owner's tests and styles see it), and
 * it has no internals worth encapsulating.
 */
export default class LoadState extends LightningElement {
  static renderMode = 'light' as const;

  /** True while the owner's data loads; wins over the other states. */
  @api loading = false;
  /** What stopped the load; shown when not loading. */
  @api error: string | null | undefined;
  /** The empty-state message, shown when neither loading nor failed. */
  @api emptyMessage: string | null | undefined;
  /** The retry button's label; without it the error offers no retry. The button fires `retry`. */
  @api retryLabel: string | null | undefined;

  labels = { loading: LOADING, loadErrorTitle: LOAD_ERROR_TITLE };

  get isLoading(): boolean {
    return Boolean(this.loading);
  }

  get errorText(): string | null {
    return !this.isLoading && this.error ? this.error : null;
  }

  get emptyText(): string | null {
    return !this.isLoading && !this.errorText && this.emptyMessage ? this.emptyMessage : null;
  }

  handleRetry(): void {
    this.dispatchEvent(new CustomEvent('retry'));
  }
}
