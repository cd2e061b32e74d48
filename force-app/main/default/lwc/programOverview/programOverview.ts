import { LightningElement, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { graphql, type GraphQLResult } from 'lightning/graphql';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import ACCOUNT_OBJECT from '@salesforce/schema/Account';
import PARTNER_TIER_FIELD from '@salesforce/schema/Account.Partner_Tier__c';
import CURRENCY from '@salesforce/i18n/currency';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  METRIC_CATALOG_QUERY,
  TARGET_OBJECT,
  defaultRecordTypeId,
  readMetrics,
  readPicklist,
  refreshQuery,
  targetCurrencyField,
  type Metric,
  type ObjectInfoRepresentation,
  type PicklistOption,
  type PicklistValuesRepresentation,
  type WireResult,
} from 'c/planData';
import {
  addDays,
  catalogSemantics,
  formatLabel,
  formatPercent,
  formatValue,
  metricLabel,
  metricUnit,
  todayIn,
} from 'c/planInsights';
import { LABELS } from './labels';
import {
  ACTION_LEADERBOARD_QUERY,
  AGREED_PLAN_STATUSES,
  ATTAINMENT_BY_TIER_QUERY,
  BEHIND_BY_MANAGER_QUERY,
  COACHING_SESSION,
  OPEN_PLAN_STATUSES,
  PLANS_BY_PARTNER_QUERY,
  STALE_DAYS,
  STALE_DEALS_BY_OWNER_QUERY,
  TARGETS_BY_MANAGER_QUERY,
  readActions,
  readBehind,
  readManagerMetrics,
  readPlans,
  readStale,
  readTiers,
  type ActionRow,
  type BehindRow,
  type ManagerMetricRow,
  type PlanRow,
  type Rows,
  type StaleRow,
  type TierRow,
} from './queries';
import { leaderboard, managerFigures, metricFigures, partnerFigures, sortTiers, staleOwners } from './figures';

const LOADING = { kind: 'loading' } as const;
const PLAN_OBJECT = 'Partner_Account_Plan__c';

const bar = (value: number | null): number => (value === null ? 0 : Math.max(0, Math.min(100, value)));
const count = (value: number): string => new Intl.NumberFormat(LOCALE).format(value);

/**
 * The Program Overview for sales leaders and channel chiefs: attainment by tier, partner and partner
 * manager, targets behind pace by partner manager with the plans they are on, targets against actuals by
 * metric, this fiscal quarter's APR action leaderboard and stale partner deals by owner. Every figure is a
 * GraphQL aggregate query run as the user (queries.ts), so each leader sees what their access allows.
 */
export default class ProgramOverview extends NavigationMixin(LightningElement) {
  labels = LABELS;

  plans: Rows<PlanRow> = LOADING;
  tiers: Rows<TierRow> = LOADING;
  managerMetrics: Rows<ManagerMetricRow> = LOADING;
  behind: Rows<BehindRow> = LOADING;
  actions: Rows<ActionRow> = LOADING;
  stale: Rows<StaleRow> = LOADING;
  metrics: Metric[] = [];
  tierOrder: PicklistOption[] = [];
  accountRecordTypeId: string | undefined;
  /** Whether targets carry CurrencyIsoCode (a multi-currency org): then currency sums would mix currencies. */
  multiCurrency = false;
  /** The partner managers whose behind-pace plans are shown. */
  expanded: string[] = [];

  private results: (GraphQLResult | undefined)[] = [];

  readonly today = todayIn(TIME_ZONE);
  readonly openVariables = { statuses: OPEN_PLAN_STATUSES };
  readonly agreedVariables = { statuses: AGREED_PLAN_STATUSES };
  readonly targetVariables = { statuses: OPEN_PLAN_STATUSES, today: this.today };
  readonly actionVariables = { excluded: [COACHING_SESSION] };
  readonly staleVariables = { cutoff: addDays(this.today, -STALE_DAYS) };

  // -------------------------------------------------------------------------------------------------
  // Data

  @wire(graphql, { query: PLANS_BY_PARTNER_QUERY, variables: '$openVariables' })
  wiredPlans(result: GraphQLResult): void {
    this.plans = readPlans(result);
    this.results[0] = result;
  }

  @wire(graphql, { query: ATTAINMENT_BY_TIER_QUERY, variables: '$openVariables' })
  wiredTiers(result: GraphQLResult): void {
    this.tiers = readTiers(result);
    this.results[1] = result;
  }

  @wire(graphql, { query: TARGETS_BY_MANAGER_QUERY, variables: '$targetVariables' })
  wiredManagerMetrics(result: GraphQLResult): void {
    this.managerMetrics = readManagerMetrics(result);
    this.results[2] = result;
  }

  @wire(graphql, { query: BEHIND_BY_MANAGER_QUERY, variables: '$agreedVariables' })
  wiredBehind(result: GraphQLResult): void {
    this.behind = readBehind(result);
    this.results[3] = result;
  }

  @wire(graphql, { query: ACTION_LEADERBOARD_QUERY, variables: '$actionVariables' })
  wiredActions(result: GraphQLResult): void {
    this.actions = readActions(result);
    this.results[4] = result;
  }

  @wire(graphql, { query: STALE_DEALS_BY_OWNER_QUERY, variables: '$staleVariables' })
  wiredStale(result: GraphQLResult): void {
    this.stale = readStale(result);
    this.results[5] = result;
  }

  @wire(graphql, { query: METRIC_CATALOG_QUERY })
  wiredMetrics(result: GraphQLResult): void {
    const metrics = readMetrics(result);
    this.metrics = metrics.kind === 'ready' ? metrics.value : [];
  }

  @wire(getObjectInfo, { objectApiName: ACCOUNT_OBJECT })
  wiredAccountInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.accountRecordTypeId = defaultRecordTypeId(result);
  }

  @wire(getPicklistValues, { recordTypeId: '$accountRecordTypeId', fieldApiName: PARTNER_TIER_FIELD })
  wiredTiersPicklist(result: WireResult<PicklistValuesRepresentation>): void {
    this.tierOrder = readPicklist(result);
  }

  @wire(getObjectInfo, { objectApiName: TARGET_OBJECT })
  wiredTargetInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.multiCurrency = targetCurrencyField(result) === true;
  }

  /** Runs every query again (the retry of a failed load). */
  handleRetry(): Promise<void> {
    return Promise.all(this.results.map((r) => refreshQuery(r))).then(() => undefined);
  }

  // -------------------------------------------------------------------------------------------------
  // Page state: the plans decide it (no open plan: nothing to measure yet)

  get isLoading(): boolean {
    return this.plans.kind === 'loading';
  }

  get loadError(): string | null {
    return this.plans.kind === 'error' ? LABELS.loadError : null;
  }

  get emptyText(): string | null {
    return this.plans.kind === 'ready' && this.plans.value.length === 0 ? LABELS.noPlans : null;
  }

  get showLoadState(): boolean {
    return this.isLoading || this.loadError !== null || this.emptyText !== null;
  }

  get hasPlans(): boolean {
    return this.plans.kind === 'ready' && this.plans.value.length > 0;
  }

  /** Whether the org cut any of the figures' groups off (more than 2,000): the page says so. */
  get plansTruncated(): boolean {
    return [this.plans, this.tiers, this.managerMetrics, this.behind, this.actions, this.stale].some(
      (rows) => rows.kind === 'ready' && rows.truncated,
    );
  }

  private planRows(): PlanRow[] {
    return this.plans.kind === 'ready' ? this.plans.value : [];
  }

  private behindRows(): BehindRow[] {
    return this.behind.kind === 'ready' ? this.behind.value : [];
  }

  // -------------------------------------------------------------------------------------------------
  // Summary

  get summary(): { key: string; label: string; value: string }[] {
    const plans = this.planRows();
    const measured = plans.map((p) => p.attainment).filter((v): v is number => v !== null);
    const average = measured.length === 0 ? null : measured.reduce((s, v) => s + v, 0) / measured.length;
    const partners = new Set(plans.map((p) => p.partnerId ?? p.planId)).size;
    const behind = this.behind.kind === 'ready' ? count(this.behindRows().reduce((s, r) => s + r.count, 0)) : '—';
    const stale = this.stale.kind === 'ready' ? count(this.stale.value.reduce((s, r) => s + r.deals, 0)) : '—';
    return [
      { key: 'plans', label: LABELS.openPlans, value: count(plans.length) },
      { key: 'partners', label: LABELS.partners, value: count(partners) },
      { key: 'attainment', label: LABELS.averageAttainment, value: formatPercent(average, LOCALE) },
      { key: 'behind', label: LABELS.targetsBehind, value: behind },
      { key: 'stale', label: LABELS.staleDeals, value: stale },
    ];
  }

  // -------------------------------------------------------------------------------------------------
  // Tiers

  get tiersError(): string | null {
    return this.tiers.kind === 'error' ? LABELS.partError : null;
  }

  get tierRows(): {
    key: string;
    tier: string;
    partners: string;
    plans: string;
    average: string;
    averageBar: number;
    lowest: string;
    highest: string;
  }[] {
    if (this.tiers.kind !== 'ready') return [];
    const labels = new Map(this.tierOrder.map((o) => [o.value, o.label]));
    return sortTiers(
      this.tiers.value,
      this.tierOrder.map((o) => o.value),
    ).map((t) => ({
      key: t.tier ?? 'none',
      tier: t.tier === null ? LABELS.noTier : (labels.get(t.tier) ?? t.tier),
      partners: count(t.partners),
      plans: count(t.plans),
      average: formatPercent(t.average, LOCALE),
      averageBar: bar(t.average),
      lowest: formatPercent(t.lowest, LOCALE),
      highest: formatPercent(t.highest, LOCALE),
    }));
  }

  // -------------------------------------------------------------------------------------------------
  // Partners

  get partnerRows() {
    const labels = new Map(this.tierOrder.map((o) => [o.value, o.label]));
    return partnerFigures(this.planRows(), this.behindRows()).map((p) => ({
      key: p.key,
      partnerId: p.partnerId,
      partnerName: p.partnerName ?? LABELS.noPartner,
      partnerAssistive: formatLabel(LABELS.openPartner, p.partnerName ?? ''),
      tier: p.tier === null ? LABELS.noTier : (labels.get(p.tier) ?? p.tier),
      plans: p.plans.map((plan) => ({
        id: plan.id,
        name: plan.name,
        assistive: formatLabel(LABELS.openPlan, plan.name),
      })),
      attainment: formatPercent(p.attainment, LOCALE),
      attainmentBar: bar(p.attainment),
      behind: this.behind.kind === 'ready' ? count(p.behind) : '—',
      behindClass: p.behind > 0 ? 'slds-text-color_error' : '',
    }));
  }

  // -------------------------------------------------------------------------------------------------
  // Partner managers and their plans behind pace

  get managersLoading(): boolean {
    return this.managerMetrics.kind === 'loading' || this.behind.kind === 'loading';
  }

  get managersError(): string | null {
    return this.managerMetrics.kind === 'error' || this.behind.kind === 'error' ? LABELS.partError : null;
  }

  get managersEmpty(): string | null {
    if (this.managerMetrics.kind !== 'ready' || this.behind.kind !== 'ready') return null;
    return this.managerMetrics.value.length === 0 && this.behind.value.length === 0 ? LABELS.noTargets : null;
  }

  get managerRows() {
    if (this.managerMetrics.kind !== 'ready' || this.behind.kind !== 'ready') return [];
    return managerFigures(this.managerMetrics.value, this.behind.value).map((m) => {
      const name = m.managerName ?? LABELS.noManager;
      const open = this.expanded.includes(m.key);
      return {
        key: m.key,
        detailKey: `${m.key}-plans`,
        name,
        targets: count(m.targets),
        attainment: formatPercent(m.attainment, LOCALE),
        attainmentBar: bar(m.attainment),
        behind: count(m.behind),
        hasBehind: m.behind > 0,
        behindClass: m.behind > 0 ? 'slds-text-color_error' : '',
        open,
        toggleLabel: formatLabel(LABELS.showPlans, name),
        toggleIcon: open ? 'utility:chevrondown' : 'utility:chevronright',
        ariaExpanded: open ? 'true' : 'false',
        listLabel: formatLabel(LABELS.behindPlansOf, name),
        plans: m.behindPlans.map((p) => ({
          key: `${m.key}-${p.planId}`,
          id: p.planId,
          name: p.planName,
          partnerName: p.partnerName ?? '',
          behindText: formatLabel(LABELS.planBehind, count(p.count)),
          assistive: formatLabel(LABELS.openPlan, p.planName),
        })),
      };
    });
  }

  get noBehind(): boolean {
    return this.behind.kind === 'ready' && this.behind.value.length === 0;
  }

  handleToggleManager(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    if (!key) return;
    this.expanded = this.expanded.includes(key) ? this.expanded.filter((k) => k !== key) : [...this.expanded, key];
  }

  // -------------------------------------------------------------------------------------------------
  // Targets against actuals by metric

  get metricRows() {
    if (this.managerMetrics.kind !== 'ready') return [];
    const semantics = catalogSemantics(this.metrics);
    return metricFigures(this.managerMetrics.value, semantics)
      .map((m) => {
        const unit = metricUnit(this.metrics, m.metric);
        // Currency targets keep their plan's currency in a multi-currency org: their sum would mix currencies.
        const summed = m.additive && !(this.multiCurrency && unit === 'Currency');
        const value = (v: number | null): string => (summed ? formatValue(v, unit, LOCALE, CURRENCY) : '—');
        return {
          key: m.metric,
          label: metricLabel(this.metrics, m.metric),
          targets: count(m.targets),
          target: value(m.target),
          expected: value(m.expected),
          actual: value(m.actual),
          pace: summed ? formatPercent(m.pace, LOCALE) : '—',
          attainment: formatPercent(m.attainment, LOCALE),
          attainmentBar: bar(m.attainment),
        };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  get hasMetricRows(): boolean {
    return this.metricRows.length > 0;
  }

  // -------------------------------------------------------------------------------------------------
  // Leaderboard and stale deals

  get actionsLoading(): boolean {
    return this.actions.kind === 'loading';
  }

  get actionsError(): string | null {
    return this.actions.kind === 'error' ? LABELS.partError : null;
  }

  get actionsEmpty(): string | null {
    return this.actions.kind === 'ready' && this.actions.value.length === 0 ? LABELS.noActions : null;
  }

  get leaderRows() {
    if (this.actions.kind !== 'ready') return [];
    return leaderboard(this.actions.value).map((p, i) => ({
      key: p.key,
      rank: count(i + 1),
      name: p.actorName ?? LABELS.noPerson,
      actions: count(p.actions),
      quantity: count(p.quantity),
      byType: p.byType.map((t) => `${t.type} ${count(t.actions)}`).join(' · '),
    }));
  }

  get hasLeaders(): boolean {
    return this.leaderRows.length > 0;
  }

  get staleLoading(): boolean {
    return this.stale.kind === 'loading';
  }

  get staleError(): string | null {
    return this.stale.kind === 'error' ? LABELS.partError : null;
  }

  get staleEmpty(): string | null {
    return this.stale.kind === 'ready' && this.stale.value.length === 0 ? LABELS.noStale : null;
  }

  get staleNote(): string {
    return formatLabel(LABELS.staleNote, STALE_DAYS);
  }

  get staleRows() {
    if (this.stale.kind !== 'ready') return [];
    return staleOwners(this.stale.value).map((o) => ({
      key: o.ownerId ?? 'none',
      name: o.ownerName ?? LABELS.noOwner,
      deals: count(o.deals),
      amount: formatValue(o.amount, 'Currency', LOCALE, CURRENCY),
    }));
  }

  get hasStale(): boolean {
    return this.staleRows.length > 0;
  }

  // -------------------------------------------------------------------------------------------------
  // Drill-down

  handleOpenPlan(event: Event): void {
    event.preventDefault();
    const recordId = (event.currentTarget as HTMLElement).dataset.recordId;
    if (recordId)
      this[NavigationMixin.Navigate]({
        type: 'standard__recordPage',
        attributes: { recordId, objectApiName: PLAN_OBJECT, actionName: 'view' },
      });
  }

  handleOpenPartner(event: Event): void {
    event.preventDefault();
    const recordId = (event.currentTarget as HTMLElement).dataset.recordId;
    if (recordId)
      this[NavigationMixin.Navigate]({
        type: 'standard__recordPage',
        attributes: { recordId, objectApiName: 'Account', actionName: 'view' },
      });
  }
}
