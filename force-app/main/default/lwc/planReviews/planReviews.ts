import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { graphql } from 'lightning/graphql';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import USER_ID from '@salesforce/user/Id';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  METRIC_CATALOG_QUERY,
  PARTNER_STALE_DEALS_QUERY,
  PARTNER_WINS_QUERY,
  PLAN_COMMENTS_QUERY,
  PLAN_FIELDS,
  PLAN_LAST_REVIEW,
  PLAN_NEXT_REVIEW,
  PLAN_OBJECT,
  PLAN_OPTIONAL_FIELDS,
  PLAN_REVIEW_FIELDS,
  PLAN_REVIEWS_QUERY,
  PLAN_SECTIONS_QUERY,
  PLAN_TARGETS_CURRENCY_QUERY,
  PLAN_TARGETS_QUERY,
  QUARTER_ACTIONS_QUERY,
  REVIEW_OBJECT,
  REVIEW_TASKS_QUERY,
  STALE_AFTER_DAYS,
  TARGET_OBJECT,
  USER_FIELDS,
  canUpdate,
  composeSnapshot,
  notifyRecordsChanged,
  prepareReview,
  readComments,
  readMetrics,
  readPlanHeader,
  readQuarterActions,
  readReviews,
  readReviewSchedule,
  readReviewTasks,
  readRunningUser,
  readSections,
  readStaleDeals,
  readTargets,
  readWins,
  refreshQuery,
  targetCurrencyField,
  type GraphQLResult,
  type Loadable,
  type Metric,
  type PlanComment,
  type PlanSection,
  type PlanTarget,
  type ReviewAction,
  type ReviewWin,
  type StaleDeal,
  type ObjectInfoRepresentation,
  type PlanHeader,
  type PlanReviewSummary,
  type RecordRepresentation,
  type ReviewSchedule,
  type RunningUser,
  type SaveOutcome,
  type WireResult,
} from 'c/planData';
import {
  addDays,
  daysBetween,
  formatDate,
  formatLabel,
  formatPercent,
  periodLabel,
  todayIn,
  type FiscalPeriod,
} from 'c/planInsights';
import { nextReviewDate, reviewReminder } from 'c/planYear';
import { LABELS } from './labels';
import { dueText, quarterChoice, type QuarterChoice } from './reviewDates';

const LOADING = { kind: 'loading' } as const;

/** Statuses in which a review may be prepared: not before the plan is agreed on, not once it is closed. */
const NO_REVIEW_STATUSES = ['Draft', 'Closed'];

const messagesOf = (outcome: SaveOutcome): string =>
  [...outcome.messages, ...Object.values(outcome.fieldErrors).flat()].join(' ');

/**
 * On a plan: its review cadence, last and next review date, the reviews prepared so far (each a link), and
 * "Prepare QBR": pick a started quarter, then one click freezes the quarter's review pack into a new
 * Plan_Review__c, sets the plan's last and next review dates and creates the owner's reminder Task for the
 * next review (unless the plan has it already).
 */
export default class PlanReviews extends NavigationMixin(LightningElement) {
  @api recordId: string | undefined;

  labels = LABELS;

  plan: Loadable<PlanHeader> = LOADING;
  schedule: ReviewSchedule | null = null;
  reviews: Loadable<PlanReviewSummary[]> = LOADING;
  reviewsResult: GraphQLResult | undefined;
  reviewInfo: WireResult<ObjectInfoRepresentation> | undefined;
  planInfo: WireResult<ObjectInfoRepresentation> | undefined;
  user: Loadable<RunningUser> = LOADING;
  targetsHaveCurrency: boolean | undefined;
  reviewUrls: Record<string, string> = {};

  /** The prepare panel: open, the chosen quarter (its start) and the quarter's data as it loads. */
  panelOpen = false;
  chosenStart: string | null = null;
  targets: Loadable<PlanTarget[]> = LOADING;
  sections: Loadable<PlanSection[]> = LOADING;
  metrics: Loadable<Metric[]> = LOADING;
  comments: Loadable<PlanComment[]> = LOADING;
  actions: Loadable<ReviewAction[]> = LOADING;
  wins: Loadable<ReviewWin[]> = LOADING;
  staleDeals: Loadable<StaleDeal[]> = LOADING;
  tasks: Loadable<string[]> = LOADING;
  tasksResult: GraphQLResult | undefined;

  saving = false;
  /** Why the review was not created. */
  saveMessages: string[] = [];
  /** What failed after the review was created (the review stands). */
  notices: string[] = [];
  createdReview: { id: string; name: string; url: string | undefined } | null = null;

  @wire(getRecord, {
    recordId: '$recordId',
    fields: PLAN_FIELDS,
    optionalFields: [...PLAN_OPTIONAL_FIELDS, ...PLAN_REVIEW_FIELDS],
  })
  wiredPlan(result: WireResult<RecordRepresentation>): void {
    this.plan = readPlanHeader(result);
    this.schedule = readReviewSchedule(result);
  }

  @wire(graphql, { query: PLAN_REVIEWS_QUERY, variables: '$planVariables' })
  wiredReviews(result: GraphQLResult): void {
    this.reviewsResult = result;
    this.reviews = readReviews(result);
    this.generateReviewUrls();
  }

  @wire(getObjectInfo, { objectApiName: REVIEW_OBJECT })
  wiredReviewInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.reviewInfo = result;
  }

  @wire(getObjectInfo, { objectApiName: PLAN_OBJECT })
  wiredPlanInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.planInfo = result;
  }

  @wire(getObjectInfo, { objectApiName: TARGET_OBJECT })
  wiredTargetInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.targetsHaveCurrency = targetCurrencyField(result);
  }

  @wire(getRecord, { recordId: USER_ID, fields: USER_FIELDS })
  wiredUser(result: WireResult<RecordRepresentation>): void {
    this.user = readRunningUser(USER_ID, result);
  }

  // The quarter's data: wired only while the prepare panel is open (undefined variables hold a wire back).

  @wire(graphql, { query: '$targetsQuery', variables: '$gatherVariables' })
  wiredTargets(result: GraphQLResult): void {
    this.targets = readTargets(result);
  }

  @wire(graphql, { query: '$sectionsQuery', variables: '$gatherVariables' })
  wiredSections(result: GraphQLResult): void {
    this.sections = readSections(result);
  }

  @wire(graphql, { query: '$metricsQuery' })
  wiredMetrics(result: GraphQLResult): void {
    this.metrics = readMetrics(result);
  }

  @wire(graphql, { query: '$commentsQuery', variables: '$gatherVariables' })
  wiredComments(result: GraphQLResult): void {
    this.comments = readComments(result);
  }

  @wire(graphql, { query: '$actionsQuery', variables: '$actionVariables' })
  wiredActions(result: GraphQLResult): void {
    this.actions = readQuarterActions(result);
  }

  @wire(graphql, { query: '$winsQuery', variables: '$winVariables' })
  wiredWins(result: GraphQLResult): void {
    this.wins = readWins(result);
  }

  @wire(graphql, { query: '$staleQuery', variables: '$staleVariables' })
  wiredStale(result: GraphQLResult): void {
    this.staleDeals = readStaleDeals(result);
  }

  @wire(graphql, { query: '$tasksQuery', variables: '$taskVariables' })
  wiredTasks(result: GraphQLResult): void {
    this.tasksResult = result;
    this.tasks = readReviewTasks(result);
  }

  get planVariables(): { planId: string } | undefined {
    return this.recordId ? { planId: this.recordId } : undefined;
  }

  get gatherVariables(): { planId: string } | undefined {
    return this.panelOpen ? this.planVariables : undefined;
  }

  get targetsQuery(): typeof PLAN_TARGETS_QUERY | undefined {
    if (!this.panelOpen || this.targetsHaveCurrency === undefined) return undefined;
    return this.targetsHaveCurrency ? PLAN_TARGETS_CURRENCY_QUERY : PLAN_TARGETS_QUERY;
  }

  get sectionsQuery(): typeof PLAN_SECTIONS_QUERY | undefined {
    return this.panelOpen ? PLAN_SECTIONS_QUERY : undefined;
  }

  get metricsQuery(): typeof METRIC_CATALOG_QUERY | undefined {
    return this.panelOpen ? METRIC_CATALOG_QUERY : undefined;
  }

  get commentsQuery(): typeof PLAN_COMMENTS_QUERY | undefined {
    return this.panelOpen ? PLAN_COMMENTS_QUERY : undefined;
  }

  get actionsQuery(): typeof QUARTER_ACTIONS_QUERY | undefined {
    return this.panelOpen ? QUARTER_ACTIONS_QUERY : undefined;
  }

  get winsQuery(): typeof PARTNER_WINS_QUERY | undefined {
    return this.panelOpen ? PARTNER_WINS_QUERY : undefined;
  }

  get staleQuery(): typeof PARTNER_STALE_DEALS_QUERY | undefined {
    return this.panelOpen ? PARTNER_STALE_DEALS_QUERY : undefined;
  }

  get tasksQuery(): typeof REVIEW_TASKS_QUERY | undefined {
    return this.panelOpen ? REVIEW_TASKS_QUERY : undefined;
  }

  get actionVariables(): { planId: string; start: string; end: string } | undefined {
    const quarter = this.chosenQuarter;
    return this.recordId && quarter ? { planId: this.recordId, start: quarter.start, end: quarter.end } : undefined;
  }

  get winVariables(): { partnerId: string; start: string; end: string } | undefined {
    const quarter = this.chosenQuarter;
    const partnerId = this.header ? this.header.partnerAccountId : null;
    return partnerId && quarter ? { partnerId, start: quarter.start, end: quarter.end } : undefined;
  }

  get staleVariables(): { partnerId: string; cutoff: string } | undefined {
    const partnerId = this.header ? this.header.partnerAccountId : null;
    return partnerId ? { partnerId, cutoff: addDays(this.today, -STALE_AFTER_DAYS) } : undefined;
  }

  get taskVariables(): { planId: string; subject: string } | undefined {
    const reminder = this.reminder;
    return this.recordId && reminder ? { planId: this.recordId, subject: reminder.subject } : undefined;
  }

  get today(): string {
    return todayIn(TIME_ZONE);
  }

  get header(): PlanHeader | null {
    return this.plan.kind === 'ready' ? this.plan.value : null;
  }

  // ---------------------------------------------------------------------------------------------------
  // Schedule

  get isLoading(): boolean {
    return this.plan.kind === 'loading' && !this.loadError;
  }

  get loadError(): string | null {
    return this.plan.kind === 'error' ? this.plan.message : null;
  }

  get showLoadState(): boolean {
    return this.plan.kind !== 'ready';
  }

  get cadenceText(): string {
    return (this.schedule && this.schedule.cadence) || '—';
  }

  get lastReviewText(): string {
    const last = this.schedule ? this.schedule.lastReviewDate : null;
    return last ? formatDate(last, LOCALE) : LABELS.never;
  }

  get nextReviewText(): string {
    const next = this.schedule ? this.schedule.nextReviewDate : null;
    return next ? formatDate(next, LOCALE) : LABELS.notScheduled;
  }

  /** "in 12 days", "today", "overdue by 3 days"; empty without a next review. */
  get nextReviewDue(): string {
    const next = this.schedule ? this.schedule.nextReviewDate : null;
    return next ? dueText(daysBetween(this.today, next)) : '';
  }

  get nextReviewOverdue(): boolean {
    const next = this.schedule ? this.schedule.nextReviewDate : null;
    return !!next && next < this.today;
  }

  get dueClass(): string {
    return this.nextReviewOverdue ? 'slds-text-color_error' : 'slds-text-color_weak';
  }

  // ---------------------------------------------------------------------------------------------------
  // Past reviews

  get reviewsLoading(): boolean {
    return this.reviews.kind === 'loading';
  }

  get reviewsError(): string | null {
    return this.reviews.kind === 'error' ? this.reviews.message : null;
  }

  get reviewItems(): {
    id: string;
    name: string;
    url: string | undefined;
    period: string;
    date: string;
    attainment: string;
    openLabel: string;
  }[] {
    if (this.reviews.kind !== 'ready') return [];
    return this.reviews.value.map((r) => ({
      id: r.id,
      name: r.name,
      url: this.reviewUrls[r.id],
      period: r.periodLabel ?? '—',
      date: formatDate(r.reviewDate, LOCALE),
      attainment: formatPercent(r.overallAttainment, LOCALE),
      openLabel: formatLabel(LABELS.openReview, r.name),
    }));
  }

  get hasReviews(): boolean {
    return this.reviewItems.length > 0;
  }

  get noReviews(): boolean {
    return this.reviews.kind === 'ready' && this.reviews.value.length === 0;
  }

  get reviewsTruncated(): boolean {
    return this.reviews.kind === 'ready' && this.reviews.truncated;
  }

  private reviewPage(reviewId: string): PageReference {
    return {
      type: 'standard__recordPage',
      attributes: { recordId: reviewId, objectApiName: REVIEW_OBJECT.objectApiName, actionName: 'view' },
    };
  }

  private generateReviewUrls(): void {
    if (this.reviews.kind !== 'ready') return;
    for (const review of this.reviews.value) {
      if (this.reviewUrls[review.id]) continue;
      this[NavigationMixin.GenerateUrl](this.reviewPage(review.id))
        .then((url) => {
          this.reviewUrls = { ...this.reviewUrls, [review.id]: url };
        })
        .catch(() => {
          // Without a URL the link still navigates on click.
        });
    }
  }

  handleOpenReview(event: Event): void {
    event.preventDefault();
    const reviewId = (event.currentTarget as HTMLElement).dataset.reviewId;
    if (reviewId) this[NavigationMixin.Navigate](this.reviewPage(reviewId));
  }

  // ---------------------------------------------------------------------------------------------------
  // Prepare QBR

  /** Who may prepare: creates reviews and edits the plan's review dates, on a plan that is neither Draft nor Closed. */
  get canPrepare(): boolean {
    const plan = this.header;
    const info = this.reviewInfo && this.reviewInfo.data;
    return (
      !!plan &&
      !!plan.status &&
      !NO_REVIEW_STATUSES.includes(plan.status) &&
      !!info &&
      info.createable &&
      canUpdate(this.planInfo, [PLAN_LAST_REVIEW.fieldApiName, PLAN_NEXT_REVIEW.fieldApiName])
    );
  }

  get showPrepareButton(): boolean {
    return this.canPrepare && !this.panelOpen;
  }

  /** The plan's started quarters ("FY2027 Q2"), the one chosen (by default the one due for review) and the next. */
  get quarters(): QuarterChoice {
    const plan = this.header;
    return quarterChoice(
      plan ? { fiscalYear: plan.fiscalYear, periodStart: plan.periodStart } : null,
      this.chosenStart,
      this.today,
      LOCALE,
    );
  }

  get hasQuarters(): boolean {
    return this.quarters.options.length > 0;
  }

  get chosenQuarter(): FiscalPeriod | null {
    return this.quarters.chosen;
  }

  get chosenValue(): string | null {
    return this.chosenQuarter ? this.chosenQuarter.start : null;
  }

  get nextReview(): string | null {
    const plan = this.header;
    if (!plan) return null;
    return nextReviewDate(this.today, this.schedule ? this.schedule.cadence : null, plan.periodEnd);
  }

  get reminder(): { subject: string; activityDate: string } | null {
    const next = this.nextReview;
    return next ? reviewReminder(next, this.today) : null;
  }

  /** The quarter's data the pack needs; the catalog (labels) and the reminder lookup may fail without stopping it. */
  private get required(): Loadable<unknown>[] {
    const required: Loadable<unknown>[] = [this.targets, this.sections, this.comments, this.actions, this.user];
    // Wins and stale deals are the partner's: a plan without one has none to wait for.
    if (this.header && this.header.partnerAccountId) required.push(this.wins, this.staleDeals);
    return required;
  }

  get gatherError(): string | null {
    const failed = this.required.find((l) => l.kind === 'error');
    return failed && failed.kind === 'error' ? failed.message : null;
  }

  get gathering(): boolean {
    return (
      !this.gatherError &&
      (this.required.some((l) => l.kind === 'loading') ||
        this.metrics.kind === 'loading' ||
        (this.reminder !== null && this.tasks.kind === 'loading'))
    );
  }

  get prepareDisabled(): boolean {
    return this.gathering || this.gatherError !== null || this.saving || !this.chosenQuarter;
  }

  get hasSaveMessages(): boolean {
    return this.saveMessages.length > 0;
  }

  get hasNotices(): boolean {
    return this.notices.length > 0;
  }

  handleOpenPanel(): void {
    this.panelOpen = true;
    this.chosenStart = null;
    this.saveMessages = [];
  }

  handleCancel(): void {
    this.panelOpen = false;
    this.saveMessages = [];
  }

  handleQuarterChange(event: CustomEvent<{ value: string }>): void {
    this.chosenStart = event.detail.value;
    this.actions = LOADING;
    this.wins = LOADING;
  }

  async handlePrepare(): Promise<void> {
    const plan = this.header;
    const quarter = this.chosenQuarter;
    if (!plan || !quarter || this.prepareDisabled) return;
    this.saving = true;
    this.saveMessages = [];
    this.notices = [];
    this.createdReview = null;
    const snapshot = composeSnapshot({
      plan: { ...plan, reviewCadence: this.schedule ? this.schedule.cadence : null },
      period: { label: quarter.label, start: quarter.start, end: quarter.end },
      nextPeriod: this.quarters.next,
      sections: this.ready(this.sections),
      targets: this.ready(this.targets),
      metrics: this.ready(this.metrics),
      periodLabel: (start, end) =>
        periodLabel({ fiscalYear: plan.fiscalYear, periodStart: plan.periodStart }, start, end, LOCALE),
      actions: this.ready(this.actions),
      wins: this.ready(this.wins),
      staleDeals: this.ready(this.staleDeals),
      comments: this.ready(this.comments),
      preparedBy: { id: USER_ID, name: this.user.kind === 'ready' ? this.user.value.name : null },
      preparedAt: new Date().toISOString(),
      orgCurrency: CURRENCY,
    });
    const reviewName = formatLabel(LABELS.reviewName, quarter.label);
    const outcome = await prepareReview({
      snapshot,
      reviewName,
      today: this.today,
      nextReviewDate: this.nextReview,
      reminder: this.reminder,
      ownerId: plan.ownerId ?? null,
      // A Task the user may not query (or an org whose GraphQL lacks Task) is created: the reminder matters more.
      reminderExists: this.tasks.kind === 'ready' ? this.tasks.value.length > 0 : null,
    });
    this.saving = false;
    if (!outcome.review.ok) {
      this.saveMessages = [messagesOf(outcome.review)];
      return;
    }
    const reviewId = outcome.review.id;
    this.panelOpen = false;
    // The list shows the new review, the plan its new dates (LDS neither refetches a query nor sees the server's change).
    await Promise.all([refreshQuery(this.reviewsResult), notifyRecordsChanged([plan.id])]);
    const notices: string[] = [];
    if (outcome.plan && !outcome.plan.ok) notices.push(formatLabel(LABELS.datesFailed, messagesOf(outcome.plan)));
    if (outcome.task && !outcome.task.ok) notices.push(formatLabel(LABELS.reminderFailed, messagesOf(outcome.task)));
    if (notices.length > 0) {
      // The review stands: say what did not happen and link to it rather than leave the page.
      this.notices = notices;
      this.createdReview = { id: reviewId, name: reviewName, url: undefined };
      this[NavigationMixin.GenerateUrl](this.reviewPage(reviewId))
        .then((url) => {
          if (this.createdReview && this.createdReview.id === reviewId)
            this.createdReview = { ...this.createdReview, url };
        })
        .catch(() => undefined);
      return;
    }
    this.dispatchEvent(
      new ShowToastEvent({
        title: LABELS.savedTitle,
        message: formatLabel(LABELS.prepared, reviewName),
        variant: 'success',
      }),
    );
    this[NavigationMixin.Navigate](this.reviewPage(reviewId));
  }

  private ready<T>(loadable: Loadable<T[]>): T[] {
    return loadable.kind === 'ready' ? loadable.value : [];
  }
}
