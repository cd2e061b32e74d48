/* eslint-disable no-restricted-globals -- the babel parser reports property signatures (name, status) as uses of globals */
/**
 * What the partner portal shows, as plain view objects: the rows of "My Plans", the plan's details and
 * change request, and the shared sections with their targets (figures in the target's currency, read with
 * each metric's semantics). Pure functions of the loaded data, so the wording is tested without the DOM.
 */
import type { Metric, PicklistOption, PlanHeader, PlanSection, PlanSummary, PlanTarget } from 'c/planData';
import {
  catalogSemantics,
  fiscalPeriodOf,
  formatDateRange,
  formatDateTime,
  formatLabel,
  formatPercent,
  metricLabel,
  metricUnit,
  targetFigureTexts,
} from 'c/planInsights';
import { barValue } from 'c/targetEdits';
import { LABELS } from './labels';

export interface Context {
  locale: string;
  timeZone: string;
  orgCurrency: string;
  today: string;
  statusOptions: PicklistOption[];
}

export function statusLabel(status: string | null, options: PicklistOption[]): string {
  if (!status) return '—';
  const option = options.find((o) => o.value === status);
  return option ? option.label : status;
}

export interface PlanRow {
  id: string;
  name: string;
  periodText: string;
  statusText: string;
  awaitingReview: boolean;
  rowClass: string;
  attainmentText: string;
  attainmentBar: number;
  attainmentLabel: string;
  /** The plan's record page, once generated. */
  url: string | undefined;
}

export function planRows(plans: PlanSummary[], context: Context): PlanRow[] {
  return plans.map((p) => {
    const awaitingReview = p.status === 'Partner Review';
    return {
      id: p.id,
      name: p.name,
      periodText: formatDateRange(p.periodStart, p.periodEnd, context.locale),
      statusText: statusLabel(p.status, context.statusOptions),
      awaitingReview,
      rowClass: awaitingReview ? 'slds-hint-parent awaiting-review' : 'slds-hint-parent',
      attainmentText: formatPercent(p.overallAttainment, context.locale),
      attainmentBar: barValue(p.overallAttainment),
      attainmentLabel: formatLabel(LABELS.attainmentOf, p.name),
      url: undefined,
    };
  });
}

/** "Accepted by Dana Reyes (partner) on ...", or by the internal user who accepted it; null before acceptance. */
export function acceptedText(plan: PlanHeader, context: Context): string | null {
  if (!plan.acceptedOn) return null;
  const when = formatDateTime(plan.acceptedOn, context.locale, context.timeZone);
  if (plan.acceptedByContactId) {
    return formatLabel(LABELS.acceptedByPartner, plan.acceptedByContactName ?? plan.acceptedByName ?? '—', when);
  }
  return formatLabel(LABELS.acceptedByOn, plan.acceptedByName ?? '—', when);
}

export interface TargetRow {
  id: string;
  metricLabel: string;
  /** The target's name in labels: "Joint Calls, FY2026 Q2". */
  fullLabel: string;
  periodText: string;
  targetText: string;
  actualText: string;
  actualWithheld: boolean;
  attainmentText: string;
  attainmentBar: number;
  attainmentLabel: string;
  notStarted: boolean;
  started: boolean;
  paceStatus: string | null;
  commentsOpen: boolean;
  commentsLabel: string;
  commentsId: string;
  ariaExpanded: string;
  /** An open thread's button is filled, so the row it belongs to reads as expanded. */
  commentsButtonClass: string;
}

export interface SectionView {
  id: string;
  name: string;
  headingId: string;
  typeLabel: string;
  attainmentText: string;
  summary: string | null;
  tableLabel: string;
  rows: TargetRow[];
  hasTargets: boolean;
}

export function sectionViews(
  sections: PlanSection[],
  targets: PlanTarget[],
  options: { metrics: Metric[]; plan: PlanHeader | null; openComments: Set<string> } & Context,
): SectionView[] {
  const semantics = catalogSemantics(options.metrics);
  return sections.map((s) => {
    const rows = targets
      .filter((t) => t.sectionId === s.id)
      .map((t) => {
        const metric = metricLabel(options.metrics, t.metric);
        const dates = formatDateRange(t.periodStart, t.periodEnd, options.locale);
        const fiscal = fiscalPeriodOf(options.plan, t.periodStart, t.periodEnd, options.locale);
        const period = fiscal ? fiscal.label : dates;
        const figures = targetFigureTexts(t, {
          unit: metricUnit(options.metrics, t.metric),
          semantics,
          locale: options.locale,
          orgCurrency: options.orgCurrency,
          today: options.today,
        });
        const fullLabel = `${metric}, ${period}`;
        const open = options.openComments.has(t.id);
        return {
          id: t.id,
          metricLabel: metric,
          fullLabel,
          periodText: period,
          targetText: figures.target,
          actualText: figures.actual,
          actualWithheld: figures.actualWithheld,
          attainmentText: figures.attainment,
          attainmentBar: figures.started ? barValue(t.attainment) : 0,
          attainmentLabel: formatLabel(LABELS.attainmentOf, metric),
          notStarted: !figures.started,
          started: figures.started,
          paceStatus: t.paceStatus,
          commentsOpen: open,
          commentsLabel: formatLabel(open ? LABELS.hideComments : LABELS.showComments, fullLabel),
          commentsId: `target-comments-${t.id}`,
          ariaExpanded: open ? 'true' : 'false',
          commentsButtonClass: open ? 'slds-button slds-button_brand' : 'slds-button slds-button_neutral',
        };
      });
    return {
      id: s.id,
      name: s.name,
      headingId: `section-heading-${s.id}`,
      typeLabel: s.sectionTypeLabel ?? '',
      attainmentText: formatLabel(LABELS.sectionAttainment, formatPercent(s.weightedAttainment, options.locale)),
      summary: s.summary,
      tableLabel: formatLabel(LABELS.targetsOf, s.name),
      rows,
      hasTargets: rows.length > 0,
    };
  });
}
