import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord } from 'lightning/uiRecordApi';
import { graphql } from 'lightning/graphql';
import USER_ID from '@salesforce/user/Id';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  COMMENT_BODY,
  COMMENT_MAX_LENGTH,
  METRIC_CATALOG_QUERY,
  PLAN_STATUS,
  PLAN_COMMENTS_QUERY,
  USER_FIELDS,
  postComment,
  readComments,
  readMetrics,
  readRunningUser,
  refreshQuery,
  type GraphQLResult,
  type Loadable,
  type Metric,
  type PlanComment,
  type RecordRepresentation,
  type RunningUser,
  type WireResult,
} from 'c/planData';
import { formatLabel } from 'c/planInsights';
import { commentView, type CommentView } from './commentView';
import { LABELS } from './labels';

/** lightning-textarea's validity methods (the platform shows the message under the field). */
type TextareaElement = HTMLElement & { setCustomValidity(message: string): void; reportValidity(): boolean };

/**
 * The comment thread of a plan (Plan_Comment__c), the same for internal and partner users: newest first,
 * each with author, time, the target it is about and an "Internal" badge on internal-only comments, and a
 * composer. With `targetId` it shows and posts the comments about that target only. Internal users may mark
 * a comment internal only; partner users (a User with a ContactId) never see the checkbox, and the server
 * refuses it from them anyway (Partners_Cannot_Post_Internal) and hides internal comments from them.
 */
export default class PlanComments extends LightningElement {
  /** The plan (Partner_Account_Plan__c) Id; on a record page, the page's record. */
  @api recordId: string | undefined;
  /** A target of the plan: the thread shows and posts comments about it. */
  @api targetId: string | undefined;
  /** Names the target in the heading ("Comments on Joint Calls ..."), when `targetId` is set. */
  @api targetLabel: string | undefined;
  /** A denser thread nested in another view (a target's row): a lower heading, no card. */
  @api compact = false;

  labels = LABELS;
  comments: Loadable<PlanComment[]> = { kind: 'loading' };
  user: Loadable<RunningUser> = { kind: 'loading' };
  metrics: Metric[] = [];
  commentsResult: GraphQLResult | undefined;
  body = '';
  internalOnly = false;
  posting = false;
  /** Messages of the last failed post not tied to the comment's text (shown above the composer). */
  postMessages: string[] = [];
  /** What the live region last announced (a posted comment). */
  announcement = '';
  /** The plan's status, once read: a Closed plan takes no new comments (Comment_On_Closed_Plan). */
  planStatus: string | null = null;

  @wire(getRecord, { recordId: USER_ID, fields: USER_FIELDS })
  wiredUser(result: WireResult<RecordRepresentation>): void {
    this.user = readRunningUser(USER_ID, result);
  }

  @wire(getRecord, { recordId: '$recordId', optionalFields: [PLAN_STATUS] })
  wiredPlan(result: WireResult<RecordRepresentation>): void {
    // Until it is known (or where it cannot be read) the composer shows; the server refuses a closed plan anyway.
    const status = result.data ? getFieldValue(result.data, PLAN_STATUS) : null;
    this.planStatus = typeof status === 'string' ? status : null;
  }

  @wire(graphql, { query: PLAN_COMMENTS_QUERY, variables: '$planVariables' })
  wiredComments(result: GraphQLResult): void {
    this.commentsResult = result;
    this.comments = readComments(result);
  }

  @wire(graphql, { query: METRIC_CATALOG_QUERY })
  wiredMetrics(result: GraphQLResult): void {
    // Labels only: without the catalog a metric reads as its name made readable.
    const metrics = readMetrics(result);
    this.metrics = metrics.kind === 'ready' ? metrics.value : [];
  }

  get planVariables(): { planId: string } | undefined {
    return this.recordId ? { planId: this.recordId } : undefined;
  }

  get heading(): string {
    return this.targetId && this.targetLabel ? formatLabel(LABELS.targetTitle, this.targetLabel) : LABELS.title;
  }

  get containerClass(): string {
    return this.compact ? 'slds-p-top_x-small' : 'slds-card slds-p-around_medium';
  }

  get headingId(): string {
    return `comments-heading-${this.targetId ?? this.recordId ?? ''}`;
  }

  get isLoading(): boolean {
    return this.comments.kind === 'loading';
  }

  get loadError(): string | null {
    return this.comments.kind === 'error' ? this.comments.message : null;
  }

  get views(): CommentView[] {
    if (this.comments.kind !== 'ready') return [];
    const shown = this.targetId ? this.comments.value.filter((c) => c.targetId === this.targetId) : this.comments.value;
    const context = { metrics: this.metrics, now: new Date(), locale: LOCALE, timeZone: TIME_ZONE };
    return shown.map((c) => commentView(c, context));
  }

  get hasComments(): boolean {
    return this.views.length > 0;
  }

  /** Shown by c-load-state once the thread has loaded and is empty. */
  get emptyMessage(): string | null {
    if (this.comments.kind !== 'ready' || this.hasComments) return null;
    return this.targetId ? LABELS.emptyTarget : LABELS.empty;
  }

  get isTruncated(): boolean {
    return this.comments.kind === 'ready' && this.comments.truncated;
  }

  /** In a target's thread, a comment's context is that target: say it only on the plan's thread. */
  get showContext(): boolean {
    return !this.targetId;
  }

  /** Only once the user is known to be internal: a partner never sees the checkbox. */
  get showInternalOnly(): boolean {
    return this.user.kind === 'ready' && !this.user.value.isPartner;
  }

  /** A closed plan's thread is read only: its comments stay, the composer goes. */
  get isClosed(): boolean {
    return this.planStatus === 'Closed';
  }

  get showComposer(): boolean {
    return !this.isClosed;
  }

  get maxLength(): number {
    return COMMENT_MAX_LENGTH;
  }

  get counterText(): string {
    return formatLabel(LABELS.counter, this.body.length, COMMENT_MAX_LENGTH);
  }

  get counterId(): string {
    return `comment-counter-${this.targetId ?? this.recordId ?? ''}`;
  }

  get postDisabled(): boolean {
    return this.posting || !this.recordId;
  }

  get hasPostMessages(): boolean {
    return this.postMessages.length > 0;
  }

  private get textarea(): TextareaElement | null {
    return this.template?.querySelector<TextareaElement>('[data-id="comment-body"]') ?? null;
  }

  /** Shows (or clears, with '') a message under the text box, as the platform shows its own checks. */
  private showBodyError(message: string): void {
    const textarea = this.textarea;
    if (!textarea) return;
    textarea.setCustomValidity(message);
    textarea.reportValidity();
  }

  handleBodyChange(event: CustomEvent<{ value: string }>): void {
    this.body = event.detail.value ?? '';
    this.showBodyError('');
  }

  handleInternalChange(event: CustomEvent<{ checked: boolean }>): void {
    this.internalOnly = event.detail.checked;
  }

  handleRetry(): void {
    refreshQuery(this.commentsResult);
  }

  async handlePost(): Promise<void> {
    const planId = this.recordId;
    if (!planId || this.posting) return;
    const body = this.body.trim();
    this.postMessages = [];
    this.announcement = '';
    if (!body) {
      this.showBodyError(LABELS.bodyRequired);
      return;
    }
    this.posting = true;
    try {
      const outcome = await postComment({
        planId,
        body,
        targetId: this.targetId ?? null,
        internalOnly: this.showInternalOnly && this.internalOnly,
      });
      if (!outcome.ok) {
        const { [COMMENT_BODY.fieldApiName]: bodyErrors = [], ...otherFields } = outcome.fieldErrors;
        if (bodyErrors.length > 0) this.showBodyError(bodyErrors.join(' '));
        const others = [...outcome.messages, ...Object.values(otherFields).flat()];
        this.postMessages = others.length > 0 || bodyErrors.length === 0 ? [LABELS.postFailed, ...others] : [];
        return;
      }
      this.body = '';
      this.internalOnly = false;
      this.announcement = LABELS.posted;
      await refreshQuery(this.commentsResult);
    } finally {
      this.posting = false;
    }
  }
}
