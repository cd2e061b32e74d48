import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { graphql } from 'lightning/graphql';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import USER_ID from '@salesforce/user/Id';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  ACTIONS_SINCE_QUERY,
  COACHING_NOTES_QUERY,
  METRIC_CATALOG_QUERY,
  PAIR_TARGETS_CURRENCY_QUERY,
  PAIR_TARGETS_QUERY,
  PLAN_OBJECT,
  STALE_DEALS_QUERY,
  TARGET_OBJECT,
  logAprAction,
  notifyRecordsChanged,
  readActions,
  readMetrics,
  readStaleDeals,
  readTargets,
  refreshQuery,
  targetCurrencyField,
  type ActorRole,
  type AprAction,
  type GraphQLResult,
  type Loadable,
  type Metric,
  type ObjectInfoRepresentation,
  type PlanTarget,
  type StaleDeal,
  type WireResult,
} from 'c/planData';
import {
  COACHING_SESSION,
  actionMix,
  actionsPerWonDeal,
  addDays,
  barChartGeometry,
  catalogSemantics,
  currentTargets,
  formatDate,
  formatLabel,
  formatPercent,
  formatShortDate,
  isCoaching,
  pairsOf,
  paceSummary,
  periodContains,
  resolveTarget,
  staleTargetAccounts,
  todayIn,
  weeklyCounts,
  weightedAttainment,
  windowStart,
  type ChartGeometry,
  type MixItem,
  type Pair,
  type SemanticsByMetric,
} from 'c/planInsights';
import { LABELS } from './labels';
import { sharedTargetRows, type SharedTargetRow } from './sharedNumber';

const WEEKS = 12;
const STALE_DAYS = 14;
const CHART_WIDTH = 640;
const CHART_HEIGHT = 220;
const LOADING = { kind: 'loading' } as const;

/**
 * The coaching view of an AE + partner-manager pair: their shared number (targets vs actuals, overall
 * attainment, pace to date), each person's APR actions per week, the action mix, actions per won deal,
 * deals and target accounts with no action for 14 days, and coaching notes. On an app page it offers the
 * current user's pairs; on a plan record page, the pairs of that plan.
 */
export default class CoachingView extends NavigationMixin(LightningElement) {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  labels = LABELS;

  pairTargets: Loadable<PlanTarget[]> = LOADING;
  metrics: Metric[] = [];
  /** Whether targets carry CurrencyIsoCode (a multi-currency org); undefined until their object info loads. */
  targetsHaveCurrency: boolean | undefined;
  actions: Loadable<AprAction[]> = LOADING;
  notes: Loadable<AprAction[]> = LOADING;
  notesResult: GraphQLResult | undefined;
  staleDeals: Loadable<StaleDeal[]> = LOADING;
  selectedKey: string | null = null;
  showTable = false;
  noteText = '';
  noteNextStep = '';
  noteMessages: string[] = [];
  savingNote = false;
  /** The pair targets wire result, to refresh it. */
  pairTargetsResult: GraphQLResult | undefined;

  // -------------------------------------------------------------------------------------------------
  // Data

  @wire(graphql, { query: '$pairTargetsQuery', variables: '$pairVariables' })
  wiredPairTargets(result: GraphQLResult): void {
    this.pairTargets = readTargets(result);
    this.pairTargetsResult = result;
  }

  @wire(getObjectInfo, { objectApiName: TARGET_OBJECT })
  wiredTargetInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.targetsHaveCurrency = targetCurrencyField(result);
  }

  /** The pair targets' document: with CurrencyIsoCode only where the field exists; none until that is known. */
  get pairTargetsQuery(): typeof PAIR_TARGETS_QUERY | undefined {
    if (this.targetsHaveCurrency === undefined) return undefined;
    return this.targetsHaveCurrency ? PAIR_TARGETS_CURRENCY_QUERY : PAIR_TARGETS_QUERY;
  }

  get semantics(): SemanticsByMetric {
    return catalogSemantics(this.metrics);
  }

  @wire(graphql, { query: METRIC_CATALOG_QUERY })
  wiredMetrics(result: GraphQLResult): void {
    const metrics = readMetrics(result);
    this.metrics = metrics.kind === 'ready' ? metrics.value : [];
  }

  @wire(graphql, { query: '$actionsQuery', variables: '$actionVariables' })
  wiredActions(result: GraphQLResult): void {
    this.actions = readActions(result);
  }

  @wire(graphql, { query: '$notesQuery', variables: '$notesVariables' })
  wiredNotes(result: GraphQLResult): void {
    this.notesResult = result;
    this.notes = readActions(result);
  }

  @wire(graphql, { query: '$staleQuery', variables: '$staleVariables' })
  wiredStale(result: GraphQLResult): void {
    this.staleDeals = readStaleDeals(result);
  }

  /** An accepted action suggestion created a target: re-run the pair's targets query (LDS does not on create). */
  handleSuggestionAccepted(): Promise<void> {
    return refreshQuery(this.pairTargetsResult);
  }

  /** The plan of the record page the view is on, if any. */
  get planId(): string | null {
    const onPlan = !this.objectApiName || this.objectApiName === PLAN_OBJECT.objectApiName;
    return this.recordId && onPlan ? this.recordId : null;
  }

  get pairVariables(): { userId: string; planId: string | null } {
    return { userId: USER_ID, planId: this.planId };
  }

  get today(): string {
    return todayIn(TIME_ZONE);
  }

  get pairs(): Pair[] {
    return this.pairTargets.kind === 'ready' ? pairsOf(this.pairTargets.value, USER_ID, this.planId) : [];
  }

  get pair(): Pair | null {
    const pairs = this.pairs;
    return pairs.find((p) => p.key === this.selectedKey) ?? pairs[0] ?? null;
  }

  get actionsQuery(): typeof ACTIONS_SINCE_QUERY | undefined {
    return this.pair ? ACTIONS_SINCE_QUERY : undefined;
  }

  get actionVariables(): { actorIds: string[]; partnerIds: string[]; since: string } | undefined {
    const pair = this.pair;
    if (!pair) return undefined;
    return {
      actorIds: [pair.aeId, pair.partnerManagerId],
      partnerIds: pair.partnerIds,
      since: windowStart(this.today, WEEKS),
    };
  }

  get notesQuery(): typeof COACHING_NOTES_QUERY | undefined {
    return this.pair ? COACHING_NOTES_QUERY : undefined;
  }

  get notesVariables(): { partnerIds: string[] } | undefined {
    return this.pair ? { partnerIds: this.pair.partnerIds } : undefined;
  }

  get staleQuery(): typeof STALE_DEALS_QUERY | undefined {
    return this.pair ? STALE_DEALS_QUERY : undefined;
  }

  get staleVariables(): { partnerIds: string[]; ownerId: string; cutoff: string } | undefined {
    const pair = this.pair;
    if (!pair) return undefined;
    return { partnerIds: pair.partnerIds, ownerId: pair.aeId, cutoff: this.cutoff };
  }

  get cutoff(): string {
    return addDays(this.today, -STALE_DAYS);
  }

  // -------------------------------------------------------------------------------------------------
  // States

  get isLoading(): boolean {
    return this.pairTargets.kind === 'loading';
  }

  get loadError(): string | null {
    return this.pairTargets.kind === 'error' ? this.pairTargets.message : null;
  }

  get isEmpty(): boolean {
    return this.pairTargets.kind === 'ready' && this.pairs.length === 0;
  }

  /** Loading, failed or empty: c-load-state shows which, in the markup every view shares. */
  get showLoadState(): boolean {
    return this.isLoading || this.loadError !== null || this.isEmpty;
  }

  get emptyText(): string {
    return this.planId ? LABELS.noPairsOnPlan : LABELS.noPairsForUser;
  }

  get hasPair(): boolean {
    return this.pair !== null;
  }

  get pairOptions(): { label: string; value: string }[] {
    return this.pairs.map((p) => ({
      value: p.key,
      label: formatLabel(LABELS.pairOption, p.aeName, p.partnerManagerName),
    }));
  }

  get pairValue(): string | null {
    return this.pair ? this.pair.key : null;
  }

  handlePairChange(event: CustomEvent<{ value: string }>): void {
    this.selectedKey = event.detail.value;
    this.noteMessages = [];
  }

  // -------------------------------------------------------------------------------------------------
  // The shared number

  /** The pair's targets in scope: this plan on a plan page, else plans that are not closed; current period. */
  get sharedTargets(): PlanTarget[] {
    const pair = this.pair;
    if (!pair) return [];
    return currentTargets(pair.targets, this.today);
  }

  get attainmentText(): string {
    return formatPercent(weightedAttainment(this.sharedTargets, this.semantics, this.today), LOCALE);
  }

  get attainmentBar(): number {
    const value = weightedAttainment(this.sharedTargets, this.semantics, this.today);
    return value === null ? 0 : Math.max(0, Math.min(100, value));
  }

  get paceText(): string {
    const pace = paceSummary(this.sharedTargets, this.semantics);
    const lead =
      pace.percent === null
        ? LABELS.paceNotStarted
        : formatLabel(LABELS.paceOfExpected, formatPercent(pace.percent, LOCALE));
    return `${lead} ${formatLabel(LABELS.paceCounts, pace.good, pace.bad)}`;
  }

  get targetRows(): SharedTargetRow[] {
    return sharedTargetRows(this.sharedTargets, this.metrics, this.semantics, this.today);
  }

  // -------------------------------------------------------------------------------------------------
  // Actions: chart, mix, ratio

  get actionsLoading(): boolean {
    return this.actions.kind === 'loading';
  }

  get actionsError(): string | null {
    return this.actions.kind === 'error' ? this.actions.message : null;
  }

  get actionsTruncated(): boolean {
    return this.actions.kind === 'ready' && this.actions.truncated;
  }

  /** The pair's own actions, coaching sessions excluded (they are notes, not APR actions toward a deal). */
  get pairActions(): AprAction[] {
    const pair = this.pair;
    if (!pair || this.actions.kind !== 'ready') return [];
    const people = [pair.aeId, pair.partnerManagerId];
    return this.actions.value.filter((a) => !isCoaching(a) && a.actorId !== null && people.includes(a.actorId));
  }

  get noActions(): boolean {
    return this.pairActions.length === 0;
  }

  get chart(): ChartGeometry | null {
    const pair = this.pair;
    if (!pair) return null;
    const weeks = weeklyCounts(this.pairActions, [pair.aeId, pair.partnerManagerId], this.today, WEEKS);
    const geometry = barChartGeometry(weeks, { width: CHART_WIDTH, height: CHART_HEIGHT, locale: LOCALE });
    return {
      ...geometry,
      groups: geometry.groups.map((g) => ({
        ...g,
        bars: g.bars.map((b) => ({ ...b, cssClass: `bar series-${b.series}` })),
      })),
    };
  }

  get tickLabelX(): number {
    return this.chart ? this.chart.plot.left - 6 : 0;
  }

  get weekLabelY(): number {
    return this.chart ? this.chart.plot.bottom + 16 : 0;
  }

  get seriesTotals(): number[] {
    const pair = this.pair;
    if (!pair) return [0, 0];
    return [pair.aeId, pair.partnerManagerId].map((person) =>
      this.pairActions.filter((a) => a.actorId === person).reduce((sum, a) => sum + a.quantity, 0),
    );
  }

  get legend(): { key: string; swatchClass: string; text: string }[] {
    const pair = this.pair;
    if (!pair) return [];
    const totals = this.seriesTotals;
    return [
      { key: 'ae', swatchClass: 'legend-swatch series-0', text: formatLabel(LABELS.legendAe, pair.aeName, totals[0]) },
      {
        key: 'pm',
        swatchClass: 'legend-swatch series-1',
        text: formatLabel(LABELS.legendPartnerManager, pair.partnerManagerName, totals[1]),
      },
    ];
  }

  get chartSummary(): string {
    const pair = this.pair;
    if (!pair) return '';
    const totals = this.seriesTotals;
    return formatLabel(LABELS.chartSummary, pair.aeName, totals[0], pair.partnerManagerName, totals[1], WEEKS);
  }

  get tableRows(): { key: string; week: string; ae: number; pm: number }[] {
    const pair = this.pair;
    if (!pair) return [];
    return weeklyCounts(this.pairActions, [pair.aeId, pair.partnerManagerId], this.today, WEEKS).map((w) => ({
      key: w.start,
      week: formatShortDate(w.start, LOCALE),
      ae: w.counts[0],
      pm: w.counts[1],
    }));
  }

  get aeColumn(): string {
    return this.pair ? formatLabel(LABELS.aeColumn, this.pair.aeName) : '';
  }

  get pmColumn(): string {
    return this.pair ? formatLabel(LABELS.partnerManagerColumn, this.pair.partnerManagerName) : '';
  }

  get tableClass(): string {
    return this.showTable
      ? 'slds-table slds-table_bordered slds-table_cell-buffer slds-m-top_small'
      : 'slds-assistive-text';
  }

  get tableToggleLabel(): string {
    return this.showTable ? LABELS.hideTable : LABELS.showTable;
  }

  handleToggleTable(): void {
    this.showTable = !this.showTable;
  }

  get mixItems(): (MixItem & { key: string; text: string; barStyle: string })[] {
    return actionMix(this.pairActions).map((item) => ({
      ...item,
      key: item.type,
      text: formatLabel(LABELS.mixItem, item.count, item.percent),
      barStyle: `width: ${item.percent}%`,
    }));
  }

  get perWonText(): string {
    const ratio = actionsPerWonDeal(this.pairActions);
    if (ratio.ratio === null) return LABELS.noWonDeals;
    return formatLabel(LABELS.actionsPerWonDeal, ratio.ratio, ratio.actions, ratio.wonDeals);
  }

  // -------------------------------------------------------------------------------------------------
  // No action for 14 days

  get staleLoading(): boolean {
    return this.staleDeals.kind === 'loading';
  }

  get staleError(): string | null {
    return this.staleDeals.kind === 'error' ? this.staleDeals.message : null;
  }

  get staleDealItems(): { id: string; name: string; details: string }[] {
    if (this.staleDeals.kind !== 'ready') return [];
    return this.staleDeals.value.map((d) => ({
      id: d.id,
      name: d.name,
      details: [
        d.accountName,
        d.stageLabel,
        formatLabel(LABELS.lastAction, d.lastAprActionDate ? formatDate(d.lastAprActionDate, LOCALE) : LABELS.never),
      ]
        .filter((part) => part)
        .join(' · '),
    }));
  }

  get hasStaleDeals(): boolean {
    return this.staleDealItems.length > 0;
  }

  get noStaleDeals(): boolean {
    return this.staleDeals.kind === 'ready' && this.staleDeals.value.length === 0;
  }

  get staleAccountItems(): { id: string; name: string; details: string }[] {
    const pair = this.pair;
    if (!pair || this.actions.kind !== 'ready') return [];
    return staleTargetAccounts(this.sharedTargets, this.pairActions, this.cutoff).map((a) => ({
      id: a.id,
      name: a.name,
      details: formatLabel(LABELS.lastAction, a.lastActionDate ? formatDate(a.lastActionDate, LOCALE) : LABELS.never),
    }));
  }

  get hasTargetAccounts(): boolean {
    return this.sharedTargets.some((t) => t.targetAccountId);
  }

  get hasStaleAccounts(): boolean {
    return this.staleAccountItems.length > 0;
  }

  get showNoStaleAccounts(): boolean {
    return this.actions.kind === 'ready' && !this.hasStaleAccounts;
  }

  get staleAccountsEmptyText(): string {
    return this.hasTargetAccounts ? LABELS.noStaleAccounts : LABELS.noTargetAccounts;
  }

  handleOpenRecord(event: Event): void {
    const recordId = (event.currentTarget as HTMLElement).dataset.recordId;
    if (recordId) {
      this[NavigationMixin.Navigate]({ type: 'standard__recordPage', attributes: { recordId, actionName: 'view' } });
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Coaching notes

  get notesLoading(): boolean {
    return this.notes.kind === 'loading';
  }

  get notesError(): string | null {
    return this.notes.kind === 'error' ? this.notes.message : null;
  }

  get noteItems(): { id: string; heading: string; notes: string | null; nextStep: string | null }[] {
    if (this.notes.kind !== 'ready') return [];
    return this.notes.value.slice(0, 5).map((n) => ({
      id: n.id,
      heading: [formatDate(n.actionDate, LOCALE), n.actorName].filter((part) => part).join(' · '),
      notes: n.notes,
      nextStep: n.nextStep ? formatLabel(LABELS.nextStepValue, n.nextStep) : null,
    }));
  }

  get hasNotes(): boolean {
    return this.noteItems.length > 0;
  }

  get noNotes(): boolean {
    return this.notes.kind === 'ready' && this.notes.value.length === 0;
  }

  get hasNoteMessages(): boolean {
    return this.noteMessages.length > 0;
  }

  handleNoteChange(event: CustomEvent<{ value: string }>): void {
    const field = (event.target as HTMLElement).dataset.name;
    if (field === 'noteText') this.noteText = event.detail.value ?? '';
    else this.noteNextStep = event.detail.value ?? '';
    this.noteMessages = [];
  }

  /** The plan a note belongs to: the page's plan, else the pair's plan whose targets cover today. */
  private notePlanId(pair: Pair): string | null {
    if (this.planId) return this.planId;
    const current = pair.targets.find((t) => periodContains(t.periodStart, t.periodEnd, this.today));
    return (current ?? pair.targets[0] ?? { planId: null }).planId;
  }

  async handleAddNote(): Promise<void> {
    const pair = this.pair;
    if (!pair) return;
    const notes = this.noteText.trim();
    if (!notes) {
      this.noteMessages = [LABELS.noteRequired];
      return;
    }
    const planId = this.notePlanId(pair);
    const planTarget = pair.targets.find((t) => t.planId === planId);
    const target = resolveTarget({
      targets: pair.targets,
      metrics: this.metrics,
      planId,
      actionType: COACHING_SESSION,
      date: this.today,
      actorId: USER_ID,
    });
    let role: ActorRole | null = null;
    if (USER_ID === pair.aeId) role = 'AE';
    else if (USER_ID === pair.partnerManagerId) role = 'Partner Manager';
    this.savingNote = true;
    try {
      const outcome = await logAprAction({
        actionType: COACHING_SESSION,
        actionDate: this.today,
        actorId: USER_ID,
        actorRole: role,
        quantity: 1,
        opportunityId: null,
        partnerAccountId: planTarget ? planTarget.partnerAccountId : (pair.partnerIds[0] ?? null),
        planId,
        targetId: target ? target.id : null,
        outcome: null,
        nextStep: this.noteNextStep.trim() || null,
        notes,
      });
      if (!outcome.ok) {
        this.noteMessages = [...outcome.messages, ...Object.values(outcome.fieldErrors).flat()];
        return;
      }
      this.noteText = '';
      this.noteNextStep = '';
      this.dispatchEvent(
        new ShowToastEvent({ title: LABELS.noteAddedTitle, message: LABELS.noteAdded, variant: 'success' }),
      );
      await Promise.all([refreshQuery(this.notesResult), notifyRecordsChanged([target ? target.id : null])]);
    } finally {
      this.savingNote = false;
    }
  }
}
