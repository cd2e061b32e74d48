import { LightningElement, api, wire } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import { graphql } from 'lightning/graphql';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  OPPORTUNITY_FIELDS,
  OPPORTUNITY_HISTORY_QUERY,
  readActions,
  readOpportunity,
  refreshQuery,
  type AprAction,
  type GraphQLResult,
  type Loadable,
  type OpportunityInfo,
  type RecordRepresentation,
  type WireResult,
} from 'c/planData';
import { daysBetween, formatDate, formatLabel, todayIn } from 'c/planInsights';
import { LABELS } from './labels';

/** An open deal with no APR action for more than this many days is stale (as on the coaching view). */
export const STALE_AFTER_DAYS = 14;

export interface HistoryRow {
  id: string;
  actionDate: string | null;
  actionType: string;
  actorName: string;
  actorRole: string;
  outcome: string;
  quantity: number;
  /** Days between this action and the one before it; null for the first action. */
  daysSincePrevious: number | null;
}

const COLUMNS = [
  {
    label: LABELS.date,
    fieldName: 'actionDate',
    type: 'date-local',
    typeAttributes: { month: 'short', day: 'numeric', year: 'numeric' },
    initialWidth: 120,
  },
  { label: LABELS.action, fieldName: 'actionType', type: 'text', wrapText: true },
  { label: LABELS.actor, fieldName: 'actorName', type: 'text', wrapText: true },
  { label: LABELS.role, fieldName: 'actorRole', type: 'text', wrapText: true },
  { label: LABELS.outcome, fieldName: 'outcome', type: 'text' },
  { label: LABELS.quantity, fieldName: 'quantity', type: 'number' },
  { label: LABELS.daysSincePrevious, fieldName: 'daysSincePrevious', type: 'number' },
];

/** The history's rows, newest first, each with the days since the action before it. */
export function historyRows(actions: AprAction[]): HistoryRow[] {
  return actions.map((action, i) => {
    const previous = actions[i + 1];
    return {
      id: action.id,
      actionDate: action.actionDate,
      actionType: action.actionTypeLabel ?? action.actionType ?? '',
      actorName: action.actorName ?? '',
      actorRole: action.actorRole ?? '',
      outcome: action.outcomeLabel ?? '',
      quantity: action.quantity,
      daysSincePrevious:
        previous && previous.actionDate && action.actionDate
          ? daysBetween(previous.actionDate, action.actionDate)
          : null,
    };
  });
}

/**
 * The APR history of an opportunity, on its record page: every action logged on it, newest first (type,
 * who, role, date, outcome, quantity, days since the previous action), how long ago the last one was, and a
 * Stale flag on an open deal with no action for more than 14 days. It refreshes when the page is asked to
 * (RefreshView API: the Log APR Action quick action fires RefreshEvent after a save).
 */
export default class OpportunityAprHistory extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  labels = LABELS;
  columns = COLUMNS;
  history: Loadable<AprAction[]> = { kind: 'loading' };
  opportunity: Loadable<OpportunityInfo> = { kind: 'loading' };
  private historyResult: GraphQLResult | undefined;
  private refreshHandle: number | undefined;

  @wire(getRecord, { recordId: '$recordId', fields: OPPORTUNITY_FIELDS })
  wiredOpportunity(result: WireResult<RecordRepresentation>): void {
    this.opportunity = readOpportunity(result);
  }

  @wire(graphql, { query: OPPORTUNITY_HISTORY_QUERY, variables: '$variables' })
  wiredHistory(result: GraphQLResult): void {
    this.historyResult = result;
    this.history = readActions(result);
  }

  get variables(): { opportunityId: string } | undefined {
    return this.recordId ? { opportunityId: this.recordId } : undefined;
  }

  connectedCallback(): void {
    this.refreshHandle = registerRefreshHandler(this, () => this.refresh());
  }

  disconnectedCallback(): void {
    if (this.refreshHandle !== undefined) unregisterRefreshHandler(this.refreshHandle);
    this.refreshHandle = undefined;
  }

  /** Reads the history again; resolves true so the refresh goes on (RefreshView API). */
  async refresh(): Promise<boolean> {
    await refreshQuery(this.historyResult);
    return true;
  }

  get isLoading(): boolean {
    return this.history.kind === 'loading';
  }

  /** In words for people: the server's text stays out of it. */
  get loadError(): string | null {
    return this.history.kind === 'error' ? LABELS.loadError : null;
  }

  get actions(): AprAction[] {
    return this.history.kind === 'ready' ? this.history.value : [];
  }

  get rows(): HistoryRow[] {
    return historyRows(this.actions);
  }

  get hasRows(): boolean {
    return this.actions.length > 0;
  }

  get emptyMessage(): string | null {
    return this.history.kind === 'ready' && this.actions.length === 0 ? LABELS.empty : null;
  }

  get title(): string {
    return this.history.kind === 'ready' ? formatLabel(LABELS.titleCount, this.actions.length) : LABELS.title;
  }

  get truncatedText(): string | null {
    return this.history.kind === 'ready' && this.history.truncated
      ? formatLabel(LABELS.truncated, this.actions.length)
      : null;
  }

  private get daysSinceLast(): number | null {
    const last = this.actions.length > 0 ? this.actions[0].actionDate : null;
    return last ? daysBetween(last, todayIn(TIME_ZONE)) : null;
  }

  /** "Last action May 18, 2026, 2 days ago." */
  get lastActionText(): string {
    const days = this.daysSinceLast;
    const last = this.actions.length > 0 ? this.actions[0].actionDate : null;
    if (days === null || !last) return '';
    if (days <= 0) return LABELS.lastActionToday;
    if (days === 1) return LABELS.lastActionYesterday;
    return formatLabel(LABELS.lastAction, formatDate(last, LOCALE), days);
  }

  /**
   * An open deal whose last action is more than 14 days old, or that has none at all: the rule of the coaching
   * view and of the Opportunity's APR Stale field.
   */
  get isStale(): boolean {
    const open = this.opportunity.kind === 'ready' && !this.opportunity.value.isClosed;
    if (!open || this.history.kind !== 'ready') return false;
    const days = this.daysSinceLast;
    return this.actions.length === 0 || (days !== null && days > STALE_AFTER_DAYS);
  }

  get staleHelp(): string {
    return this.actions.length === 0 ? LABELS.staleNeverHelp : LABELS.staleHelp;
  }

  get showSummary(): boolean {
    return this.hasRows || this.isStale;
  }
}
