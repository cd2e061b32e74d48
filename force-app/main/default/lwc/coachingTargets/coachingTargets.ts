import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import type { Metric, PlanTarget } from 'c/planData';
import {
  catalogSemantics,
  currentTargets,
  formatLabel,
  formatPercent,
  paceSummary,
  weightedAttainment,
  type SemanticsByMetric,
} from 'c/planInsights';
import { LABELS } from './labels';
import { planGroups, type PeriodGroup } from './periodGroups';
import { sharedTargetRows, type SharedTargetRow } from './sharedNumber';

interface PeriodView {
  key: string;
  heading: string;
  summary: string;
  isOpen: boolean;
  collapsible: boolean;
  expanded: string;
  toggleIcon: string;
  toggleLabel: string;
  bodyId: string;
  caption: string;
  rows: SharedTargetRow[];
}

interface TypeView {
  key: string;
  heading: string;
  periods: PeriodView[];
}

interface PlanView {
  key: string;
  heading: string;
  types: TypeView[];
}

const plural = (n: number, one: string, many: string): string => formatLabel(n === 1 ? one : many, n);

/**
 * The pair's shared number: pair attainment and pace over the current periods, then every target of the
 * pair grouped by plan (partner and plan name), period type and period, each row naming its metric and
 * target account. The current period is open; upcoming and closed periods are collapsed behind a summary
 * (a closed one's met and missed targets) that opens them.
 */
export default class CoachingTargets extends LightningElement {
  /** The pair's targets (on plans that are not closed, or on the page's plan). */
  @api targets: PlanTarget[] = [];
  @api metrics: Metric[] = [];
  /** Today in the user's time zone (YYYY-MM-DD). */
  @api today = '';

  labels = LABELS;
  /** Periods opened or closed by the person, by key (the default follows the period's state). */
  toggled: Record<string, boolean> = {};

  get semantics(): SemanticsByMetric {
    return catalogSemantics(this.metrics);
  }

  get current(): PlanTarget[] {
    return currentTargets(this.targets, this.today);
  }

  get attainment(): number | null {
    return weightedAttainment(this.current, this.semantics, this.today);
  }

  get attainmentText(): string {
    return formatPercent(this.attainment, LOCALE);
  }

  get attainmentBar(): number {
    const value = this.attainment;
    return value === null ? 0 : Math.max(0, Math.min(100, value));
  }

  get paceText(): string {
    const pace = paceSummary(this.current, this.semantics);
    const lead =
      pace.percent === null
        ? LABELS.paceNotStarted
        : formatLabel(LABELS.paceOfExpected, formatPercent(pace.percent, LOCALE));
    return `${lead} ${formatLabel(LABELS.paceCounts, pace.good, pace.bad)}`;
  }

  private isOpen(period: PeriodGroup, key: string): boolean {
    return this.toggled[key] ?? period.state === 'current';
  }

  private summaryOf(period: PeriodGroup): string {
    const count = plural(period.targets.length, LABELS.targetCountOne, LABELS.targetCount);
    if (period.state === 'current') return formatLabel(LABELS.periodCurrent, count);
    if (period.state === 'upcoming') return formatLabel(LABELS.periodUpcoming, count);
    return formatLabel(LABELS.periodClosed, period.met, period.missed);
  }

  get plans(): PlanView[] {
    return planGroups(this.targets, this.today, LOCALE).map((plan) => {
      // A plan's name usually starts with its partner's ("Apex Solutions FY2026 Plan"): then it says both.
      const heading =
        plan.partnerName && !plan.planName.startsWith(plan.partnerName)
          ? [plan.partnerName, plan.planName].filter((part) => part).join(' · ')
          : plan.planName || plan.partnerName;
      return {
        key: plan.key,
        heading,
        types: plan.types.map((type) => ({
          key: type.key,
          heading: formatLabel(LABELS.periodTypeTargets, type.periodTypeLabel),
          periods: type.periods.map((period) => {
            const key = `${type.key}/${period.key}`;
            const isOpen = this.isOpen(period, key);
            return {
              key,
              heading: period.label,
              summary: this.summaryOf(period),
              isOpen,
              collapsible: period.state !== 'current',
              expanded: String(isOpen),
              toggleIcon: isOpen ? 'utility:chevrondown' : 'utility:chevronright',
              toggleLabel: formatLabel(isOpen ? LABELS.hidePeriod : LABELS.showPeriod, period.label),
              bodyId: `period-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`,
              caption: [heading, type.periodTypeLabel, period.label].filter((part) => part).join(' · '),
              // Rows only for open periods: a collapsed period costs its summary alone.
              rows: isOpen ? sharedTargetRows(period.targets, this.metrics, this.semantics, this.today) : [],
            };
          }),
        })),
      };
    });
  }

  handleTogglePeriod(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    if (!key) return;
    const open = (event.currentTarget as HTMLElement).getAttribute('aria-expanded') === 'true';
    this.toggled = { ...this.toggled, [key]: !open };
  }
}
