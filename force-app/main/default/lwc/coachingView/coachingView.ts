import { LightningElement, api, wire } from 'lwc';
import { CurrentPageReference, NavigationMixin, type PageReference } from 'lightning/navigation';
import { graphql } from 'lightning/graphql';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import USER_ID from '@salesforce/user/Id';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  ACTIONS_SINCE_QUERY,
  METRIC_CATALOG_QUERY,
  PAIRS_QUERY,
  PAIR_TARGETS_CURRENCY_QUERY,
  PAIR_TARGETS_QUERY,
  PLAN_OBJECT,
  TARGET_OBJECT,
  readActions,
  readMetrics,
  readPairTargetRows,
  readTargets,
  refreshQuery,
  targetCurrencyField,
  type AprAction,
  type GraphQLResult,
  type Loadable,
  type Metric,
  type ObjectInfoRepresentation,
  type PairTargetRow,
  type PlanTarget,
  type WireResult,
} from 'c/planData';
import { currentTargets, formatLabel, pairsOf, todayIn, windowStart, type Pair } from 'c/planInsights';
import { LABELS } from './labels';
import { choicesOfPairs, choicesOfRows, pairKey, selectedChoice, type PairChoice } from './pairChoices';

const WEEKS = 12;
const LOADING = { kind: 'loading' } as const;
/** How many partner names an option of the pair picker lists before "+n". */
const PARTNERS_SHOWN = 2;

/** The pair shown, by the targets it was found in: outside the component's state, so reading is not a change. */
const PAIRS = new WeakMap<object, { key: string; pair: Pair | null }>();
/** The pairs of loaded targets (per user and plan), and the picker's choices of loaded pairs or targets. */
const PAIRS_OF = new WeakMap<object, { key: string; pairs: Pair[] }>();
const CHOICES = new WeakMap<object, { key: string; choices: PairChoice[] }>();

/** Computed once per loaded value and inputs: the getters that read them run on every render. */
function cached<T>(cache: WeakMap<object, { key: string } & T>, source: object, key: string, make: () => T): T {
  const hit = cache.get(source);
  if (hit && hit.key === key) return hit;
  const value = { key, ...make() };
  cache.set(source, value);
  return value;
}

/**
 * The coaching page of an AE + partner-manager pair: a picker of the pairs the user may see (every pair of
 * the targets they can read; on a plan record page, the plan's pairs), kept in the page's address
 * (`c__ae`, `c__pm`) so a reload or a shared link shows the same pair; then the pair's targets by plan and
 * period (c-coaching-targets), suggested actions, APR actions per week with the action mix and actions per
 * won deal (c-coaching-activity), deals and target accounts without an action for 14 days
 * (c-coaching-stale) and coaching notes (c-coaching-notes). An AE or partner manager starts on their own
 * first pair; admins and leaders on the pair with the most targets.
 */
export default class CoachingView extends NavigationMixin(LightningElement) {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  labels = LABELS;

  pairRows: Loadable<PairTargetRow[]> = LOADING;
  pairTargets: Loadable<PlanTarget[]> = LOADING;
  pairTargetsResult: GraphQLResult | undefined;
  metrics: Metric[] = [];
  /** Whether targets carry CurrencyIsoCode (a multi-currency org); undefined until their object info loads. */
  targetsHaveCurrency: boolean | undefined;
  actions: Loadable<AprAction[]> = LOADING;
  pageReference: PageReference | undefined;
  /** The pair chosen in the picker on this page (the address follows it). */
  chosenKey: string | null = null;

  // -------------------------------------------------------------------------------------------------
  // Data

  @wire(CurrentPageReference)
  wiredPageReference(pageReference: PageReference | undefined): void {
    this.pageReference = pageReference;
  }

  @wire(graphql, { query: '$pairsQuery', variables: '$pairsVariables' })
  wiredPairs(result: GraphQLResult): void {
    this.pairRows = readPairTargetRows(result);
  }

  @wire(graphql, { query: '$pairTargetsQuery', variables: '$pairTargetsVariables' })
  wiredPairTargets(result: GraphQLResult): void {
    this.pairTargets = readTargets(result);
    this.pairTargetsResult = result;
  }

  @wire(getObjectInfo, { objectApiName: TARGET_OBJECT })
  wiredTargetInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.targetsHaveCurrency = targetCurrencyField(result);
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

  /** An accepted action suggestion created a target: re-run the pair's targets query (LDS does not on create). */
  handleSuggestionAccepted(): Promise<void> {
    return refreshQuery(this.pairTargetsResult);
  }

  /** The plan of the record page the view is on, if any. */
  get planId(): string | null {
    const onPlan = !this.objectApiName || this.objectApiName === PLAN_OBJECT.objectApiName;
    return this.recordId && onPlan ? this.recordId : null;
  }

  get isAppPage(): boolean {
    return this.planId === null;
  }

  get today(): string {
    return todayIn(TIME_ZONE);
  }

  /** Off a plan page, every pair the user may see; a plan page finds its pairs in the plan's targets. */
  get pairsQuery(): typeof PAIRS_QUERY | undefined {
    return this.planId ? undefined : PAIRS_QUERY;
  }

  get pairsVariables(): Record<string, never> | undefined {
    return this.planId ? undefined : {};
  }

  /** The pair the page's address names (`c__ae`, `c__pm`), if any. */
  get addressKey(): string | null {
    const state = (this.pageReference && this.pageReference.state) || {};
    const ae = state.c__ae;
    const pm = state.c__pm;
    return typeof ae === 'string' && typeof pm === 'string' && ae && pm ? pairKey(ae, pm) : null;
  }

  /** The pairs of the loaded targets, as the user sees them; computed once per load, user and plan. */
  private pairsIn(targets: PlanTarget[], userId: string): Pair[] {
    const planId = this.planId;
    return cached(PAIRS_OF, targets, `${userId}/${planId ?? ''}`, () => ({ pairs: pairsOf(targets, userId, planId) }))
      .pairs;
  }

  get choices(): PairChoice[] {
    const planId = this.planId;
    if (planId) {
      if (this.pairTargets.kind !== 'ready') return [];
      const targets = this.pairTargets.value;
      return cached(CHOICES, targets, planId, () => ({ choices: choicesOfPairs(this.pairsIn(targets, USER_ID)) }))
        .choices;
    }
    if (this.pairRows.kind !== 'ready') return [];
    const rows = this.pairRows.value;
    return cached(CHOICES, rows, '', () => ({ choices: choicesOfRows(rows, USER_ID) })).choices;
  }

  get choice(): PairChoice | null {
    return selectedChoice(this.choices, this.chosenKey, this.addressKey);
  }

  /**
   * Whose targets to read: the user's own (they hold every pair the user is in) unless the pair shown is
   * someone else's, then its AE's. Known from the address before the pairs load, so both queries run at once.
   */
  get targetsUserId(): string {
    if (this.planId) return USER_ID;
    const choice = this.choice;
    if (choice) return choice.includesUser ? USER_ID : choice.aeId;
    const [ae, pm] = (this.addressKey ?? '').split(':');
    return ae && ae !== USER_ID && pm !== USER_ID ? ae : USER_ID;
  }

  /** The pair targets' document: with CurrencyIsoCode only where the field exists; none until that is known. */
  get pairTargetsQuery(): typeof PAIR_TARGETS_QUERY | undefined {
    if (this.targetsHaveCurrency === undefined) return undefined;
    return this.targetsHaveCurrency ? PAIR_TARGETS_CURRENCY_QUERY : PAIR_TARGETS_QUERY;
  }

  get pairTargetsVariables(): { userId: string; planId: string | null } {
    return { userId: this.targetsUserId, planId: this.planId };
  }

  /** The pair shown, with its targets (on plans that are not closed; on a plan page, that plan's). */
  get pair(): Pair | null {
    const choice = this.choice;
    if (!choice || this.pairTargets.kind !== 'ready') return null;
    const key = `${choice.key}/${this.targetsUserId}/${this.planId ?? ''}`;
    // The same object while its inputs stay: the children's inputs do not change on every render.
    const memo = PAIRS.get(this.pairTargets);
    if (memo && memo.key === key) return memo.pair;
    const pairs = this.pairsIn(this.pairTargets.value, this.targetsUserId);
    const pair = pairs.find((p) => p.key === choice.key) ?? null;
    PAIRS.set(this.pairTargets, { key, pair });
    return pair;
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

  /** The pair's targets of the current period (what "no action for 14 days" looks at). */
  get currentPairTargets(): PlanTarget[] {
    return this.pair ? currentTargets(this.pair.targets, this.today) : [];
  }

  // -------------------------------------------------------------------------------------------------
  // States

  /** The list of pairs (the plan's targets on a plan page). */
  private get choicesState(): Loadable<unknown> {
    return this.planId ? this.pairTargets : this.pairRows;
  }

  get isLoading(): boolean {
    if (this.choicesState.kind === 'loading') return true;
    // A pair to show whose targets are still on their way.
    return this.choice !== null && this.pairTargets.kind === 'loading';
  }

  /** A friendly message: what went wrong reaches no one as query text. */
  get loadError(): string | null {
    if (this.isLoading) return null;
    const failed = this.choicesState.kind === 'error' || (this.choice !== null && this.pairTargets.kind === 'error');
    return failed ? LABELS.loadError : null;
  }

  get isEmpty(): boolean {
    return !this.isLoading && this.loadError === null && this.choices.length === 0;
  }

  /** Loading, failed or empty: c-load-state shows which, in the markup every view shares. */
  get showLoadState(): boolean {
    return this.isLoading || this.loadError !== null || this.isEmpty;
  }

  get emptyText(): string | null {
    if (!this.isEmpty) return null;
    return this.planId ? LABELS.noPairsOnPlan : LABELS.noPairsForUser;
  }

  get hasPair(): boolean {
    return !this.showLoadState && this.pair !== null;
  }

  /** The address names a pair the user cannot see: say which pair is shown instead. */
  get addressNotice(): string | null {
    const key = this.addressKey;
    const choice = this.choice;
    if (!key || !choice || this.chosenKey || this.choices.some((c) => c.key === key)) return null;
    return formatLabel(LABELS.pairNotFound, this.optionLabel(choice));
  }

  get pairsTruncated(): boolean {
    return !this.planId && this.pairRows.kind === 'ready' && this.pairRows.truncated;
  }

  // -------------------------------------------------------------------------------------------------
  // The pair picker

  private optionLabel(choice: PairChoice): string {
    const pair = formatLabel(LABELS.pairOption, choice.aeName, choice.partnerManagerName);
    if (choice.partnerNames.length === 0) return pair;
    const shown = choice.partnerNames.slice(0, PARTNERS_SHOWN).join(', ');
    const more = choice.partnerNames.length - PARTNERS_SHOWN;
    const partners = more > 0 ? formatLabel(LABELS.morePartners, shown, more) : shown;
    return `${pair} · ${partners}`;
  }

  get pairOptions(): { label: string; value: string }[] {
    return this.choices.map((c) => ({ value: c.key, label: this.optionLabel(c) }));
  }

  get pairValue(): string | null {
    return this.choice ? this.choice.key : null;
  }

  get pairCountText(): string {
    return formatLabel(this.choices.length === 1 ? LABELS.pairCountOne : LABELS.pairCount, this.choices.length);
  }

  /** Shows the chosen pair and writes it into the page's address (replacing it: Back leaves the page). */
  handlePairChange(event: CustomEvent<{ value: string }>): void {
    const key = event.detail.value;
    this.chosenKey = key;
    const choice = this.choices.find((c) => c.key === key);
    if (!choice || !this.pageReference) return;
    const state = { ...(this.pageReference.state ?? {}), c__ae: choice.aeId, c__pm: choice.partnerManagerId };
    this[NavigationMixin.Navigate]({ ...this.pageReference, state }, true);
  }
}
