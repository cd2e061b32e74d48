import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import type { AprAction, Loadable } from 'c/planData';
import {
  actionMix,
  actionsPerWonDeal,
  barChartGeometry,
  formatLabel,
  formatPercent,
  formatShortDate,
  isCoaching,
  weeklyCounts,
  type ChartGeometry,
  type MixItem,
  type Pair,
} from 'c/planInsights';
import { LABELS } from './labels';

const WEEKS = 12;
const CHART_WIDTH = 640;
const CHART_HEIGHT = 220;

/** The pair's actions by the actions list they came from: outside the component's state, so reading is not a change. */
const PAIR_ACTIONS = new WeakMap<object, { pair: unknown; value: AprAction[] }>();

/**
 * A pair's APR actions over the last 12 weeks: each person's actions per week as a bar chart (with a text
 * alternative and a data table), the action mix by type and the actions per won deal, or why there is no
 * such ratio yet. Coaching sessions are notes, not actions toward a deal: they are left out.
 */
export default class CoachingActivity extends LightningElement {
  @api pair: Pair | null = null;
  /** The actions of the pair's people with its partners since the window's start (the view's query). */
  @api actions: Loadable<AprAction[]> = { kind: 'loading' };
  @api today = '';

  labels = LABELS;
  showTable = false;

  get actionsLoading(): boolean {
    return this.actions.kind === 'loading';
  }

  get actionsError(): boolean {
    return this.actions.kind === 'error';
  }

  get actionsTruncated(): boolean {
    return this.actions.kind === 'ready' && this.actions.truncated;
  }

  private get people(): string[] {
    return this.pair ? [this.pair.aeId, this.pair.partnerManagerId] : [];
  }

  /** The pair's own actions, coaching sessions excluded (computed once per actions and pair: every figure reads them). */
  get pairActions(): AprAction[] {
    if (!this.pair || this.actions.kind !== 'ready') return [];
    const memo = PAIR_ACTIONS.get(this.actions);
    if (memo && memo.pair === this.pair) return memo.value;
    const people = this.people;
    const value = this.actions.value.filter((a) => !isCoaching(a) && a.actorId !== null && people.includes(a.actorId));
    PAIR_ACTIONS.set(this.actions, { pair: this.pair, value });
    return value;
  }

  get noActions(): boolean {
    return this.pairActions.length === 0;
  }

  get chart(): ChartGeometry | null {
    if (!this.pair) return null;
    const weeks = weeklyCounts(this.pairActions, this.people, this.today, WEEKS);
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
    return this.people.map((person) =>
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
    if (!this.pair) return [];
    return weeklyCounts(this.pairActions, this.people, this.today, WEEKS).map((w) => ({
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
      text: formatLabel(LABELS.mixItem, item.count, formatPercent(item.percent, LOCALE)),
      barStyle: `width: ${item.percent}%`,
    }));
  }

  get perWonText(): string {
    const ratio = actionsPerWonDeal(this.pairActions);
    if (ratio.ratio === null) return LABELS.noWonDeals;
    const number = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 }).format(ratio.ratio);
    return formatLabel(LABELS.actionsPerWonDeal, number, ratio.actions, ratio.wonDeals);
  }
}
