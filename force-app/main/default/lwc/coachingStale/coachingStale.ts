import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { graphql } from 'lightning/graphql';
import CURRENCY from '@salesforce/i18n/currency';
import LOCALE from '@salesforce/i18n/locale';
import {
  STALE_DEALS_QUERY,
  readStaleDeals,
  type AprAction,
  type GraphQLResult,
  type Loadable,
  type PlanTarget,
  type StaleDeal,
} from 'c/planData';
import { addDays, formatDate, formatLabel, isCoaching, staleTargetAccounts, type Pair } from 'c/planInsights';
import { LABELS } from './labels';
import { rankStaleDeals } from './staleRanking';

const STALE_DAYS = 14;

interface DealItem {
  id: string;
  // eslint-disable-next-line no-restricted-globals -- a property signature, not the global
  name: string;
  details: string;
  amount: number | null;
  hasAmount: boolean;
  closeDate: string;
  idleText: string;
}

/**
 * What a pair has let go quiet: the AE's open deals with the pair's partners whose last APR action is older
 * than 14 days (or that never had one), largest first and then the soonest to close, with amount, close date
 * and days idle; and the target accounts of the current targets without an action for 14 days.
 */
export default class CoachingStale extends NavigationMixin(LightningElement) {
  @api pair: Pair | null = null;
  /** The pair's targets of the current period (their target accounts). */
  @api targets: PlanTarget[] = [];
  /** The pair's APR actions of the last weeks (the view's query), for the target accounts. */
  @api actions: Loadable<AprAction[]> = { kind: 'loading' };
  @api today = '';

  labels = LABELS;
  currency = CURRENCY;
  staleDeals: Loadable<StaleDeal[]> = { kind: 'loading' };

  @wire(graphql, { query: '$staleQuery', variables: '$staleVariables' })
  wiredStale(result: GraphQLResult): void {
    this.staleDeals = readStaleDeals(result);
  }

  get staleQuery(): typeof STALE_DEALS_QUERY | undefined {
    return this.pair ? STALE_DEALS_QUERY : undefined;
  }

  get cutoff(): string {
    return addDays(this.today, -STALE_DAYS);
  }

  get staleVariables(): { partnerIds: string[]; ownerId: string; cutoff: string } | undefined {
    const pair = this.pair;
    if (!pair) return undefined;
    return { partnerIds: [...pair.partnerIds], ownerId: pair.aeId, cutoff: this.cutoff };
  }

  get staleLoading(): boolean {
    return this.staleDeals.kind === 'loading';
  }

  get staleError(): boolean {
    return this.staleDeals.kind === 'error';
  }

  get dealItems(): DealItem[] {
    if (this.staleDeals.kind !== 'ready') return [];
    return rankStaleDeals(this.staleDeals.value, this.today).map((d) => ({
      id: d.id,
      name: d.name,
      details: [d.accountName, d.stageLabel].filter((part) => part).join(' · '),
      amount: d.amount,
      hasAmount: d.amount !== null,
      closeDate: formatDate(d.closeDate, LOCALE),
      idleText:
        d.daysIdle === null
          ? LABELS.neverActioned
          : formatLabel(d.daysIdle === 1 ? LABELS.daysIdleOne : LABELS.daysIdle, d.daysIdle),
    }));
  }

  get hasStaleDeals(): boolean {
    return this.dealItems.length > 0;
  }

  get noStaleDeals(): boolean {
    return this.staleDeals.kind === 'ready' && this.staleDeals.value.length === 0;
  }

  get staleTruncated(): boolean {
    return this.staleDeals.kind === 'ready' && this.staleDeals.truncated;
  }

  private get pairActions(): AprAction[] {
    const pair = this.pair;
    if (!pair || this.actions.kind !== 'ready') return [];
    const people = [pair.aeId, pair.partnerManagerId];
    return this.actions.value.filter((a) => !isCoaching(a) && a.actorId !== null && people.includes(a.actorId));
  }

  get staleAccountItems(): { id: string; name: string; details: string }[] {
    if (!this.pair || this.actions.kind !== 'ready') return [];
    return staleTargetAccounts(this.targets, this.pairActions, this.cutoff).map((a) => ({
      id: a.id,
      name: a.name,
      details: formatLabel(LABELS.lastAction, a.lastActionDate ? formatDate(a.lastActionDate, LOCALE) : LABELS.never),
    }));
  }

  get hasStaleAccounts(): boolean {
    return this.staleAccountItems.length > 0;
  }

  get showNoStaleAccounts(): boolean {
    return this.actions.kind === 'ready' && !this.hasStaleAccounts;
  }

  get staleAccountsEmptyText(): string {
    return this.targets.some((t) => t.targetAccountId) ? LABELS.noStaleAccounts : LABELS.noTargetAccounts;
  }

  handleOpenRecord(event: Event): void {
    const recordId = (event.currentTarget as HTMLElement).dataset.recordId;
    if (recordId) {
      this[NavigationMixin.Navigate]({ type: 'standard__recordPage', attributes: { recordId, actionName: 'view' } });
    }
  }
}
