import { LightningElement, api, wire } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  REVIEW_FIELDS,
  REVIEW_OBJECT,
  REVIEW_SUMMARY,
  SUMMARY_MAX_LENGTH,
  canUpdate,
  parseSnapshot,
  readReview,
  saveReviewSummary,
  type Loadable,
  type ObjectInfoRepresentation,
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
  reviewInfo: WireResult<ObjectInfoRepresentation> | undefined;
  /** The summary being written (null when not editing), and why the last save failed. */
  draftSummary: string | null = null;
  savingSummary = false;
  summaryErrors: string[] = [];
  maxLength = SUMMARY_MAX_LENGTH;

  @wire(getRecord, { recordId: '$recordId', fields: REVIEW_FIELDS })
  wiredReview(result: WireResult<RecordRepresentation>): void {
    this.review = readReview(result);
  }

  @wire(getObjectInfo, { objectApiName: REVIEW_OBJECT })
  wiredReviewInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.reviewInfo = result;
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

  /** Who may write the narrative: edit access to the review's Summary__c. */
  get canEditSummary(): boolean {
    return this.draftSummary === null && canUpdate(this.reviewInfo, [REVIEW_SUMMARY.fieldApiName]);
  }

  get editingSummary(): boolean {
    return this.draftSummary !== null;
  }

  get hasSummaryErrors(): boolean {
    return this.summaryErrors.length > 0;
  }

  handlePrint(): void {
    window.print();
  }

  handleEditSummary(): void {
    this.draftSummary = this.summary ?? '';
    this.summaryErrors = [];
  }

  handleSummaryChange(event: CustomEvent<{ value: string }>): void {
    this.draftSummary = event.detail.value;
  }

  handleCancelSummary(): void {
    this.draftSummary = null;
    this.summaryErrors = [];
  }

  async handleSaveSummary(): Promise<void> {
    const record = this.record;
    if (!record || this.draftSummary === null || this.savingSummary) return;
    this.savingSummary = true;
    const outcome = await saveReviewSummary(record.id, this.draftSummary);
    this.savingSummary = false;
    if (outcome.ok) {
      // LDS updates the record's wire with what it saved.
      this.draftSummary = null;
      this.summaryErrors = [];
    } else {
      this.summaryErrors = [...outcome.messages, ...Object.values(outcome.fieldErrors).flat()];
    }
  }
}
