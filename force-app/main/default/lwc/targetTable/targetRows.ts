/**
 * The rows of c-target-table and how they are grouped, as pure functions: a row per target that says which
 * target it is (metric, customer account, accountable people, fiscal period), its value as an input or, when
 * locked, as a number in the metric's unit, and its figures; the rows grouped by period type (Year, Quarter,
 * Month), the current period first, then the upcoming ones, then the closed ones (most recent first), which
 * the table shows folded under a line that counts how many were met and missed.
 */
import type { Metric, PlanTarget, SaveOutcome } from 'c/planData';
import {
  catalogSemantics,
  fiscalPeriods,
  formatDateRange,
  formatLabel,
  formatPercent,
  formatValue,
  hasStarted,
  type FiscalPlan,
  type SemanticsByMetric,
} from 'c/planInsights';
import { statusTone } from 'c/metricSemantics';
import { barValue, validateTargetValue, type TargetDrafts } from 'c/targetEdits';
import { LABELS, PACE_LABELS } from './labels';

const TARGET_VALUE = 'Target_Value__c';
const REVISION_REASON = 'Revision_Reason__c';
const GROUP_ORDER = ['Year', 'Quarter', 'Month'];
const MISSED = ['Missed', 'Over Budget'];

/** The row actions the owner allows (c-partner-plan-editor decides them from the plan's status). */
export interface TargetRowActions {
  edit: boolean;
  delete: boolean;
  split: boolean;
}

export type Phase = 'current' | 'upcoming' | 'closed';

/** A row of the grid, as the template shows it. */
export interface TargetRow {
  id: string;
  key: string;
  phase: Phase;
  metricLabel: string;
  /** The metric's help text: the name's tooltip, and read to screen readers after the name. */
  metricHelp: string | null;
  /** The customer account the target is about, shown under the metric. */
  accountText: string | null;
  /** Who is accountable and the weight, compactly ("AE Avery Ellis · PM Priya Mehta · Weight 2"). */
  detailsText: string | null;
  periodText: string;
  /** The dates under a fiscal period label; null when the period reads as its dates. */
  periodDates: string | null;
  inputId: string;
  inputLabel: string;
  value: string;
  /** The saved value as lightning-formatted-number shows a locked target: value, style, currency, digits. */
  numberValue: number | null;
  formatStyle: string;
  currencyCode: string;
  fractionDigits: number;
  hasNumber: boolean;
  cellClass: string;
  rowClass: string;
  fieldError: string | null;
  errorId: string;
  describedBy: string | undefined;
  ariaInvalid: string | undefined;
  rowMessages: { key: string; message: string }[];
  hasRowMessages: boolean;
  baselineText: string;
  revisionReason: string | null;
  actualText: string;
  /** Not started: actual and attainment read as an em dash, with "Not started" for screen readers. */
  actualWithheld: boolean;
  notStarted: boolean;
  started: boolean;
  attainmentBar: number;
  barStyle: string;
  attainmentText: string;
  attainmentLabel: string;
  paceStatus: string | null;
  /** The pace as a badge (as c-pace-badge shows it, without its icon: the text says it): text, class, name. */
  paceLabel: string;
  paceClass: string;
  paceAssistive: string;
  /** The target as its comment thread names it ("Joint Calls, FY2026 Q2"), and the Comments button's label. */
  commentsContext: string;
  commentsLabel: string;
  /** A year target whose parts do not add up to it: "Quarters total $X; the year target is $Y". */
  splitWarning: string | null;
  canEdit: boolean;
  canDelete: boolean;
  canSplit: boolean;
  editLabel: string;
  deleteLabel: string;
  splitLabel: string;
  /** Unsaved value or an error of the last save: a closed row with either is never folded away. */
  needsAttention: boolean;
}

/** The targets of one period type in a section. */
export interface TargetGroup {
  key: string;
  heading: string;
  /** Current and upcoming targets, shown. */
  openRows: TargetRow[];
  /** Targets whose period has ended, most recent first. */
  closedRows: TargetRow[];
  met: number;
  missed: number;
}

export interface RowInputs {
  targets: PlanTarget[];
  metrics: Metric[];
  plan: FiscalPlan | null;
  drafts: TargetDrafts;
  errors: Record<string, SaveOutcome>;
  actions: TargetRowActions;
  locale: string;
  orgCurrency: string;
  today: string;
}

const TONE_CLASS: Record<string, string> = {
  success: 'slds-badge slds-theme_success',
  info: 'slds-badge pace-info',
  error: 'slds-badge slds-theme_error',
  neutral: 'slds-badge',
};

/** A pace status as a badge; without one, why: "Not started" before the period, "No data yet" after. */
function paceBadge(
  status: string | null,
  started: boolean,
): Pick<TargetRow, 'paceLabel' | 'paceClass' | 'paceAssistive'> {
  const known = status !== null && status in PACE_LABELS.byStatus;
  const label = known ? PACE_LABELS.byStatus[status as string] : started ? PACE_LABELS.noData : PACE_LABELS.notStarted;
  return {
    paceLabel: label,
    paceClass: known ? TONE_CLASS[statusTone(status)] : 'slds-badge',
    paceAssistive: `${PACE_LABELS.pace}: ${label}`,
  };
}

/** Formatted texts shared by every grid and render: Intl formatters are slow to make, 400 rows share a few dozen. */
const FORMATTED = new Map<string, string>();
const FORMATTED_LIMIT = 5000;

function memo<A extends (string | number | null)[]>(
  name: string,
  format: (...args: A) => string,
): (...args: A) => string {
  return (...args: A): string => {
    const key = `${name}|${args.join('|')}`;
    let text = FORMATTED.get(key);
    if (text === undefined) {
      text = format(...args);
      if (FORMATTED.size >= FORMATTED_LIMIT) FORMATTED.clear();
      FORMATTED.set(key, text);
    }
    return text;
  };
}

/** The plan's fiscal period labels by `start/end`, for the last plan and locale asked. */
let fiscalCache: { key: string; labels: Map<string, string> } | null = null;

function fiscalLabels(plan: FiscalPlan | null, locale: string): Map<string, string> {
  const key = `${locale}|${plan?.fiscalYear ?? ''}|${plan?.periodStart ?? ''}`;
  if (fiscalCache?.key !== key) {
    const labels = new Map<string, string>();
    for (const p of fiscalPeriods(plan, locale)) labels.set(`${p.start}/${p.end}`, p.label);
    fiscalCache = { key, labels };
  }
  return fiscalCache.labels;
}

/** What the rows share: the catalog by name, fiscal labels by dates, and memoized formatters. */
class RowBuilder {
  private readonly metricsByName = new Map<string, Metric>();
  private readonly fiscalLabels: Map<string, string>;
  private readonly semantics: SemanticsByMetric;
  private readonly formatValue: (value: number | null, unit: string | null, currency: string) => string;
  private readonly formatPercent: (value: number | null) => string;
  private readonly formatDates: (start: string | null, end: string | null) => string;

  constructor(private readonly inputs: RowInputs) {
    const { locale } = inputs;
    for (const m of inputs.metrics) this.metricsByName.set(m.name, m);
    this.fiscalLabels = fiscalLabels(inputs.plan, locale);
    this.semantics = catalogSemantics(inputs.metrics);
    this.formatValue = memo(`value|${locale}`, (value: number | null, unit: string | null, currency: string) =>
      formatValue(value, unit, locale, currency),
    );
    this.formatPercent = memo(`percent|${locale}`, (value: number | null) => formatPercent(value, locale));
    this.formatDates = memo(`dates|${locale}`, (start: string | null, end: string | null) =>
      formatDateRange(start, end, locale),
    );
  }

  row(t: PlanTarget, phase: Phase): TargetRow {
    const { drafts, errors, actions } = this.inputs;
    const metric = this.metricsByName.get(t.metric);
    const unit = metric?.unit ?? null;
    const metricName = metric?.label ?? t.metric;
    const currency = t.currencyIsoCode ?? this.inputs.orgCurrency;
    const draft = drafts[t.id];
    const outcome = errors[t.id];
    const validation = draft !== undefined ? validateTargetValue(draft) : null;
    const fieldMessages = validation
      ? [validation]
      : outcome
        ? [...(outcome.fieldErrors[TARGET_VALUE] ?? []), ...(outcome.fieldErrors[REVISION_REASON] ?? [])]
        : [];
    const otherMessages = outcome
      ? [
          ...outcome.messages,
          ...Object.entries(outcome.fieldErrors)
            .filter(([field]) => field !== TARGET_VALUE && field !== REVISION_REASON)
            .flatMap(([, messages]) => messages),
        ]
      : [];
    const fieldError = fieldMessages.length > 0 ? fieldMessages.join(' ') : null;
    const errorId = `target-error-${t.id}`;
    const dates = this.formatDates(t.periodStart, t.periodEnd);
    const fiscal = this.fiscalLabels.get(`${t.periodStart}/${t.periodEnd}`) ?? null;
    const period = fiscal ?? dates;
    const started = hasStarted(t, this.inputs.today);
    const snapshot = this.semantics[t.metric]?.shape === 'Snapshot';
    const actualWithheld = !started && !snapshot;
    const bar = started ? barValue(t.attainment) : 0;
    // The metric, with the customer account when it has one: what tells two rows of one metric apart.
    const subject = t.targetAccountName ? `${metricName}, ${t.targetAccountName}` : metricName;
    const named = `${subject}, ${period}`;
    const isYear = t.periodType === 'Year';
    const percent = unit === 'Percent';
    return {
      id: t.id,
      key: t.id,
      phase,
      metricLabel: metricName,
      metricHelp: metric?.helpText ?? null,
      accountText: t.targetAccountName,
      detailsText: this.detailsText(t),
      periodText: fiscal ?? (t.periodTypeLabel ? `${t.periodTypeLabel} · ${dates}` : dates),
      periodDates: fiscal ? dates : null,
      inputId: `target-input-${t.id}`,
      inputLabel: formatLabel(LABELS.targetValueFor, subject, period),
      value: draft !== undefined ? draft : t.targetValue === null ? '' : String(t.targetValue),
      numberValue: t.targetValue,
      formatStyle: unit === 'Currency' ? 'currency' : percent ? 'percent-fixed' : 'decimal',
      currencyCode: currency,
      fractionDigits: unit === 'Currency' ? 0 : percent ? 1 : 2,
      hasNumber: t.targetValue !== null,
      cellClass: fieldError ? 'slds-form-element slds-has-error' : 'slds-form-element',
      rowClass:
        fieldError || otherMessages.length > 0 ? 'slds-hint-parent slds-theme_alert-texture' : 'slds-hint-parent',
      fieldError,
      errorId,
      describedBy: fieldError ? errorId : undefined,
      ariaInvalid: fieldError ? 'true' : undefined,
      rowMessages: otherMessages.map((message, i) => ({ key: `${t.id}-${i}`, message })),
      hasRowMessages: otherMessages.length > 0,
      baselineText: this.formatValue(t.baselineValue, unit, currency),
      revisionReason: t.revisionReason,
      actualText: actualWithheld ? '—' : this.formatValue(t.actualValue, unit, currency),
      actualWithheld,
      notStarted: !started,
      started,
      attainmentBar: bar,
      barStyle: `width: ${bar}%`,
      attainmentText: started ? this.formatPercent(t.attainment) : '—',
      attainmentLabel: formatLabel(LABELS.attainmentOf, subject),
      paceStatus: t.paceStatus,
      ...paceBadge(t.paceStatus, started),
      commentsContext: named,
      commentsLabel: formatLabel(LABELS.commentsOn, named),
      splitWarning: isYear ? this.splitWarning(t, unit, currency) : null,
      canEdit: actions.edit,
      canDelete: actions.delete,
      canSplit: actions.split && isYear,
      editLabel: formatLabel(LABELS.editTarget, named),
      deleteLabel: formatLabel(LABELS.deleteTarget, named),
      splitLabel: formatLabel(LABELS.splitTarget, named),
      needsAttention: draft !== undefined || outcome !== undefined,
    };
  }

  private detailsText(t: PlanTarget): string | null {
    const parts: string[] = [];
    if (t.aeName) parts.push(formatLabel(LABELS.aeNamed, t.aeName));
    if (t.partnerManagerName) parts.push(formatLabel(LABELS.pmNamed, t.partnerManagerName));
    if (t.weight !== null) parts.push(formatLabel(LABELS.weightValue, this.formatValue(t.weight, null, '')));
    return parts.length > 0 ? parts.join(' · ') : null;
  }

  /** The year's parts (Parent_Target__c) among these targets, when they do not add up to the year's value. */
  private splitWarning(year: PlanTarget, unit: string | null, currency: string): string | null {
    const parts = this.inputs.targets.filter((t) => t.parentTargetId === year.id);
    if (parts.length === 0) return null;
    const total = parts.reduce((sum, t) => sum + (t.targetValue ?? 0), 0);
    // Values are Number(16,2): a split adds up exactly, anything over a cent is a real difference.
    if (Math.abs(total - (year.targetValue ?? 0)) < 0.005) return null;
    const months = parts.every((t) => t.periodType === 'Month');
    return formatLabel(
      months ? LABELS.monthsTotal : LABELS.quartersTotal,
      this.formatValue(total, unit, currency),
      this.formatValue(year.targetValue, unit, currency),
    );
  }
}

/** Where a target's period stands on `today`: a target without dates counts as current. */
export function phaseOf(t: PlanTarget, today: string): Phase {
  if (t.periodEnd && t.periodEnd < today) return 'closed';
  if (t.periodStart && t.periodStart > today) return 'upcoming';
  return 'current';
}

const RANK: Record<Phase, number> = { current: 0, upcoming: 1, closed: 2 };

/** Current first, then upcoming by start, then closed with the most recent first. */
function byPhaseThenStart(a: { t: PlanTarget; phase: Phase }, b: { t: PlanTarget; phase: Phase }): number {
  if (a.phase !== b.phase) return RANK[a.phase] - RANK[b.phase];
  const order = (a.t.periodStart ?? '').localeCompare(b.t.periodStart ?? '');
  return a.phase === 'closed' ? -order : order;
}

/** The section's targets grouped by period type (Year, Quarter, Month, then any other), each group ordered. */
export function targetGroups(inputs: RowInputs): TargetGroup[] {
  const builder = new RowBuilder(inputs);
  const byType = new Map<string, { label: string; items: { t: PlanTarget; phase: Phase }[] }>();
  for (const t of inputs.targets) {
    const type = t.periodType ?? '';
    const group = byType.get(type) ?? { label: t.periodTypeLabel ?? t.periodType ?? '', items: [] };
    group.items.push({ t, phase: phaseOf(t, inputs.today) });
    byType.set(type, group);
  }
  const rank = (type: string): number => {
    const i = GROUP_ORDER.indexOf(type);
    return i === -1 ? GROUP_ORDER.length : i;
  };
  return [...byType.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([type, group]) => {
      const rows = group.items.sort(byPhaseThenStart).map(({ t, phase }) => builder.row(t, phase));
      const closed = rows.filter((r) => r.phase === 'closed');
      const statuses = closed.map((r) => r.paceStatus);
      return {
        key: type || 'other',
        heading: group.label ? formatLabel(LABELS.groupHeading, group.label) : LABELS.otherTargets,
        openRows: rows.filter((r) => r.phase !== 'closed'),
        closedRows: closed,
        met: statuses.filter((s) => s === 'Met').length,
        missed: statuses.filter((s) => s !== null && MISSED.includes(s)).length,
      };
    });
}
