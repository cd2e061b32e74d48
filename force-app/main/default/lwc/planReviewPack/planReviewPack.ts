import { LightningElement, api, wire } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  REVIEW_FIELDS,
  parseSnapshot,
  readReview,
  type Loadable,
  type PlanReview,
  type RecordRepresentation,
  type WireResult,
} from 'c/planData';
import { formatDate, formatLabel } from 'c/planInsights';
import { LABELS } from './labels';
import { packView, type PackView } from './packView';

/**
 * On a Plan_Review__c: the frozen quarterly business review as a clean printable page: header (plan,
 * partner, period, prepared by and on), headline figures, each section's targets, actions by type and by
 * person, wins, stale deals, comments, next quarter's targets and the Summary__c narrative, with a Print
 * button. It reads only the review record: everything shown was copied into it when it was prepared.
 */
export default class PlanReviewPack extends LightningElement {
  @api recordId: string | undefined;

  labels = LABELS;
  review: Loadable<PlanReview> = { kind: 'loading' };

  @wire(getRecord, { recordId: '$recordId', fields: REVIEW_FIELDS })
  wiredReview(result: WireResult<RecordRepresentation>): void {
    this.review = readReview(result);
  }

  get isLoading(): boolean {
    return this.review.kind === 'loading';
  }

  get loadError(): string | null {
    return this.review.kind === 'error' ? this.review.message : null;
  }

  get showLoadState(): boolean {
    return this.review.kind !== 'ready';
  }

  get record(): PlanReview | null {
    return this.review.kind === 'ready' ? this.review.value : null;
  }

  /** Why the pack cannot be shown (no pack, unreadable, a version this page does not know); null when it can. */
  get packError(): string | null {
    const record = this.record;
    if (!record) return null;
    const parsed = parseSnapshot(record.snapshot);
    switch (parsed.kind) {
      case 'ok':
        return null;
      case 'missing':
        return LABELS.missing;
      case 'version':
        return formatLabel(LABELS.unknownVersion, String(parsed.version));
      default:
        return LABELS.invalid;
    }
  }

  get view(): PackView | null {
    const record = this.record;
    if (!record) return null;
    const parsed = parseSnapshot(record.snapshot);
    if (parsed.kind !== 'ok') return null;
    try {
      return packView(parsed.snapshot, { locale: LOCALE, timeZone: TIME_ZONE });
    } catch {
      // A pack whose shape is off in a way parseSnapshot does not check still must not break the page.
      return null;
    }
  }

  get errorText(): string | null {
    if (!this.record) return null;
    return this.packError ?? (this.view ? null : LABELS.invalid);
  }

  get reviewName(): string {
    return this.record ? this.record.name : '';
  }

  get reviewDateText(): string {
    return formatDate(this.record ? this.record.reviewDate : null, LOCALE);
  }

  get summary(): string | null {
    return this.record ? this.record.summary : null;
  }

  handlePrint(): void {
    window.print();
  }
}
