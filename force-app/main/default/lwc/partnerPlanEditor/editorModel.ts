/**
 * The plan editor's state shapes and the pure functions over them: the section views the template
 * renders, the add-target form (its defaults, derived period end and checks) and the lifecycle hint.
 * No data access and no DOM, so the component class keeps only the wires and the orchestration.
 */
import LOCALE from '@salesforce/i18n/locale';
import type { PlanHeader, PlanSection, PlanStatus, PlanTarget, SaveOutcome } from 'c/planData';
import {
  canEditPlan,
  fiscalPeriods,
  fiscalQuarterOn,
  formatLabel,
  formatPercent,
  periodEndFor,
  type FiscalPeriod,
} from 'c/planInsights';
import { validateTargetValue, type TargetDrafts } from 'c/targetEdits';
import type { TargetFormField, TargetFormValues } from 'c/targetForm';
import { LABELS } from './labels';

/** The section being added or edited in place. */
export interface SectionForm {
  mode: 'add' | 'edit';
  sectionId: string | null;
  // eslint-disable-next-line no-restricted-globals -- a property signature, not the global
  name: string;
  sectionType: string | null;
  summary: string;
  messages: string[];
}

/** The target being added to a section, or edited in place (`targetId`). */
export interface TargetForm extends TargetFormValues {
  mode: 'add' | 'edit';
  sectionId: string;
  /** The edited target; null when adding. */
  targetId: string | null;
  messages: string[];
  /** The server's field errors of the last save, by field API name. */
  fieldErrors: Record<string, string[]>;
}

/** A section with its targets, as the template shows it. */
export interface SectionView {
  id: string;
  // eslint-disable-next-line no-restricted-globals -- a property signature, not the global
  name: string;
  headingId: string;
  typeLabel: string;
  summary: string | null;
  attainmentText: string;
  moveUpLabel: string;
  moveDownLabel: string;
  editLabel: string;
  addTargetLabel: string;
  upFocus: string;
  downFocus: string;
  upDisabled: boolean;
  downDisabled: boolean;
  isEditing: boolean;
  isAddingTarget: boolean;
  /** The target form (adding or editing one of this section's targets) shows in this section. */
  showTargetForm: boolean;
  hasTargets: boolean;
  targets: PlanTarget[];
  /** The unsaved values and save errors of this section's targets only. */
  drafts: TargetDrafts;
  errors: Record<string, SaveOutcome>;
}

function reuse<T>(cache: Map<string, T>, key: string, next: T, same: (a: T, b: T) => boolean): T {
  const previous = cache.get(key);
  if (previous !== undefined && same(previous, next)) return previous;
  cache.set(key, next);
  return next;
}

const sameItems = <T>(a: T[], b: T[]): boolean => a.length === b.length && a.every((item, i) => item === b[i]);

function sameEntries<T>(a: Record<string, T>, b: Record<string, T>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && a[k] === b[k]);
}

function pick<T>(values: Record<string, T>, targets: PlanTarget[]): Record<string, T> {
  const picked: Record<string, T> = {};
  for (const t of targets) if (t.id in values) picked[t.id] = values[t.id];
  return picked;
}

/**
 * What each section's grid gets, kept identical (the same array or object) from one render to the next while
 * its content is the same: a grid re-renders only when its own targets, values or errors change, not when
 * another section's do or a wire answers.
 */
export class SectionSlices {
  private targets = new Map<string, PlanTarget[]>();
  private drafts = new Map<string, TargetDrafts>();
  private errors = new Map<string, Record<string, SaveOutcome>>();
  private source: PlanTarget[] | null = null;
  private bySection = new Map<string, PlanTarget[]>();

  targetsOf(all: PlanTarget[], sectionId: string): PlanTarget[] {
    if (all !== this.source) {
      this.source = all;
      this.bySection = new Map();
      for (const t of all) {
        const list = this.bySection.get(t.sectionId ?? '') ?? [];
        list.push(t);
        this.bySection.set(t.sectionId ?? '', list);
      }
    }
    return reuse(this.targets, sectionId, this.bySection.get(sectionId) ?? [], sameItems);
  }

  draftsOf(drafts: TargetDrafts, targets: PlanTarget[], sectionId: string): TargetDrafts {
    return reuse(this.drafts, sectionId, pick(drafts, targets), sameEntries);
  }

  errorsOf(errors: Record<string, SaveOutcome>, targets: PlanTarget[], sectionId: string): Record<string, SaveOutcome> {
    return reuse(this.errors, sectionId, pick(errors, targets), sameEntries);
  }
}

/** The sections in order, each with its targets, labels and whether it is being edited. */
export function sectionViews(options: {
  sections: PlanSection[];
  targets: PlanTarget[];
  drafts: TargetDrafts;
  errors: Record<string, SaveOutcome>;
  sectionForm: SectionForm | null;
  targetForm: TargetForm | null;
  readOnly: boolean;
  slices?: SectionSlices;
}): SectionView[] {
  const { sections, sectionForm, targetForm, readOnly } = options;
  const slices = options.slices ?? new SectionSlices();
  const last = sections.length - 1;
  return sections.map((section, index) => {
    const targets = slices.targetsOf(options.targets, section.id);
    return {
      id: section.id,
      name: section.name,
      headingId: `section-heading-${section.id}`,
      typeLabel: section.sectionTypeLabel ?? section.sectionType ?? '',
      summary: section.summary,
      attainmentText: formatLabel(LABELS.sectionAttainment, formatPercent(section.weightedAttainment, LOCALE)),
      moveUpLabel: formatLabel(LABELS.moveSectionUp, section.name),
      moveDownLabel: formatLabel(LABELS.moveSectionDown, section.name),
      editLabel: formatLabel(LABELS.editSectionNamed, section.name),
      addTargetLabel: formatLabel(LABELS.addTargetTo, section.name),
      upFocus: `up-${section.id}`,
      downFocus: `down-${section.id}`,
      upDisabled: readOnly || index === 0,
      downDisabled: readOnly || index === last,
      isEditing: sectionForm !== null && sectionForm.mode === 'edit' && sectionForm.sectionId === section.id,
      isAddingTarget: targetForm !== null && targetForm.mode === 'add' && targetForm.sectionId === section.id,
      showTargetForm: targetForm !== null && targetForm.sectionId === section.id,
      hasTargets: targets.length > 0,
      targets,
      drafts: slices.draftsOf(options.drafts, targets, section.id),
      errors: slices.errorsOf(options.errors, targets, section.id),
    };
  });
}

/** How the target form names a fiscal period among its choices (`start/end`). */
export const periodKey = (p: FiscalPeriod): string => `${p.start}/${p.end}`;

/**
 * A new quarterly target in the plan's current FISCAL quarter (quarters are 3-month blocks from the plan's
 * start, so a fiscal year starting in February has Q1 = Feb–Apr); the plan's first quarter when today is
 * outside its year; the calendar quarter only for a plan without a start.
 */
export function newTargetForm(sectionId: string, plan: PlanHeader | null, today: string, locale: string): TargetForm {
  const periodType = 'Quarter';
  const periods = fiscalPeriods(plan, locale);
  const quarter = fiscalQuarterOn(plan, today, locale) ?? periods.find((p) => p.periodType === periodType);
  const start = quarter ? quarter.start : quarterStart(today);
  return {
    mode: 'add',
    sectionId,
    targetId: null,
    metric: null,
    periodType,
    periodStart: start,
    periodEnd: quarter ? quarter.end : periodEndFor(start, periodType),
    targetValue: '',
    aeId: null,
    partnerManagerId: null,
    targetAccountId: null,
    weight: '',
    messages: [],
    fieldErrors: {},
  };
}

/**
 * The form after a field change: messages (and the changed field's server errors) cleared. Choosing one of the plan's fiscal periods sets type, start
 * and end; a new period type moves to the plan's period of that type holding the start (or derives the end
 * from the start when there is none); a new start derives the end again.
 */
export function changeTargetForm(
  form: TargetForm,
  field: TargetFormField,
  value: string,
  periods: FiscalPeriod[] = [],
): TargetForm {
  const fieldErrors = withoutFieldErrors(form.fieldErrors, field);
  if (field === 'period') {
    const period = periods.find((p) => periodKey(p) === value);
    return period
      ? {
          ...form,
          periodType: period.periodType,
          periodStart: period.start,
          periodEnd: period.end,
          messages: [],
          fieldErrors,
        }
      : { ...form, messages: [], fieldErrors };
  }
  const isLookup = field === 'aeId' || field === 'partnerManagerId' || field === 'targetAccountId';
  const next: TargetForm = { ...form, [field]: isLookup && !value ? null : value, messages: [], fieldErrors };
  if (field === 'periodType' && next.periodStart) {
    const start = next.periodStart;
    const fiscal = periods.find((p) => p.periodType === value && p.start <= start && start <= p.end);
    if (fiscal) return { ...next, periodStart: fiscal.start, periodEnd: fiscal.end };
  }
  if ((field === 'periodType' || field === 'periodStart') && next.periodStart && next.periodType) {
    next.periodEnd = periodEndFor(next.periodStart, next.periodType);
  }
  return next;
}

/** The record fields a form field's server errors are on (a fiscal period sets all three period fields). */
const FIELD_ERRORS_OF: Record<TargetFormField, string[]> = {
  metric: ['Metric__c'],
  periodType: ['Period_Type__c'],
  period: ['Period_Type__c', 'Period_Start__c', 'Period_End__c'],
  periodStart: ['Period_Start__c'],
  periodEnd: ['Period_End__c'],
  targetValue: ['Target_Value__c', 'Revision_Reason__c'],
  aeId: ['Accountable_AE__c'],
  partnerManagerId: ['Accountable_Partner_Manager__c'],
  targetAccountId: ['Target_Account__c'],
  weight: ['Weight__c'],
};

function withoutFieldErrors(errors: Record<string, string[]>, field: TargetFormField): Record<string, string[]> {
  const rest = { ...errors };
  for (const name of FIELD_ERRORS_OF[field]) delete rest[name];
  return rest;
}

/** What keeps the form from being saved: a metric, a period, a valid target value and a positive weight. */
export function targetFormMessages(form: TargetForm): string[] {
  const messages: string[] = [];
  if (!form.metric) messages.push(LABELS.metricRequired);
  if (!form.periodStart || !form.periodEnd) messages.push(LABELS.periodRequired);
  const valueError =
    form.targetValue.trim() === '' ? LABELS.targetValueRequired : validateTargetValue(form.targetValue);
  if (valueError) messages.push(valueError);
  const weight = (form.weight ?? '').trim();
  if (weight !== '' && !(Number(weight) > 0)) messages.push(LABELS.weightPositive);
  return messages;
}

function quarterStart(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  const month = Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(month).padStart(2, '0')}-01`;
}

/**
 * What a user who may only read the plan can do: ask its owner, by name, to revise it (locked) or change it.
 * Without the owner's name (not readable), or for the owner themselves or a closed plan, what access it needs.
 */
function readOnlyHint(plan: PlanHeader, userId: string | undefined): string {
  if (!plan.ownerName || plan.ownerId === userId || plan.status === 'Closed') return LABELS.readOnlyAccess;
  const label = canEditPlan(plan.status) ? LABELS.askOwnerChange : LABELS.askOwnerRevise;
  return formatLabel(label, plan.ownerName);
}

/** Why the plan's lifecycle cannot move now, if anything stops it; the first reason that applies. */
export function lifecycleHint(state: {
  plan: PlanHeader | null;
  userCanEdit: boolean;
  hasPendingEdits: boolean;
  canSubmit: boolean;
  canAccept: boolean;
  canRevise: boolean;
  targetCount: number;
  truncated: boolean;
  /** The signed-in user: the owner who may not edit is pointed at no one. */
  userId?: string;
}): string | null {
  const status: PlanStatus | null = state.plan ? state.plan.status : null;
  if (state.plan && !state.userCanEdit) return readOnlyHint(state.plan, state.userId);
  if (state.hasPendingEdits && (state.canSubmit || state.canAccept || state.canRevise))
    return LABELS.saveBeforeLifecycle;
  if (state.canSubmit && state.targetCount === 0) return LABELS.submitNeedsTargets;
  if (state.canAccept && state.truncated) return LABELS.tooManyTargets;
  if (!(canEditPlan(status) && state.userCanEdit) && status !== 'Closed') return LABELS.lockedHint;
  return null;
}
