/* eslint-disable no-restricted-globals -- the babel parser reports property signatures (name, status) as uses of globals */
/**
 * Plan blueprints: the records a new plan is made of (plan, sections, targets), as plain specs the caller
 * inserts in order (parents before parts) — from a rollover of last year's plan or from a template. Refs
 * tie a spec's records together before they have Ids; external keys make a second run find them again.
 */
import { addDaysIso, monthsBetween } from './dates';
import {
  addExact,
  carryableShortfall,
  fiscalIndexOf,
  profileNamed,
  redatePeriod,
  splitValue,
  splitYearTarget,
  unitScale,
  type PeriodType,
  type PlanPeriods,
  type SeasonalProfile,
} from './periods';

/** The plan fields a rollover copies as they are into the next plan (SourcePlan.fields). */
export const NARRATIVE_FIELDS: readonly string[] = Object.freeze([
  'Vision__c',
  'Strategic_Priorities__c',
  'Strengths__c',
  'Weaknesses__c',
  'Opportunities__c',
  'Threats__c',
  'Communication_Plan__c',
  'Budget__c',
  'Executive_Sponsor__c',
  'Partner_Contact__c',
]);

export interface SourcePlan {
  id: string;
  name: string;
  externalKey: string | null;
  partnerAccountId: string;
  partnerKey: string;
  fiscalYear: string | null;
  periodStart: string;
  periodEnd: string;
  reviewCadence: string | null;
  ownerId: string | null;
  /** Narrative fields copied as they are: Vision__c, Strategic_Priorities__c, Strengths__c, Weaknesses__c, Opportunities__c, Threats__c, Communication_Plan__c, Budget__c, Executive_Sponsor__c, Partner_Contact__c. */
  fields: Record<string, unknown>;
}
export interface SourceSection {
  id: string;
  name: string;
  sectionType: string;
  summary: string | null;
  sortOrder: number | null;
  visibleToPartner: boolean;
  budget: number | null;
  sectionOwnerId: string | null;
}
export interface SourceTarget {
  id: string;
  sectionId: string;
  externalKey: string | null;
  metric: string;
  periodType: PeriodType | null;
  periodStart: string;
  periodEnd: string;
  targetValue: number;
  actualValue: number | null;
  aeId: string | null;
  partnerManagerId: string | null;
  targetAccountId: string | null;
  weight: number | null;
  parentTargetId: string | null;
  splitProfile: string | null;
}
export interface PlanSpec {
  externalKey: string;
  name: string;
  fiscalYear: string | null;
  periodStart: string;
  periodEnd: string;
  partnerAccountId: string;
  reviewCadence: string | null;
  ownerId: string | null;
  previousPlanId: string | null;
  template: string | null;
  fields: Record<string, unknown>;
}
export interface SectionSpec {
  /** Stable within the spec (it is the section's external key). */
  ref: string;
  externalKey: string;
  name: string;
  sectionType: string;
  summary: string | null;
  sortOrder: number;
  visibleToPartner: boolean;
  budget: number | null;
  sectionOwnerId: string | null;
}
export interface TargetSpec {
  /** Stable within the spec (it is the target's external key). */
  ref: string;
  sectionRef: string;
  parentRef: string | null;
  externalKey: string;
  metric: string;
  periodType: PeriodType;
  periodStart: string;
  periodEnd: string;
  targetValue: number;
  carriedShortfall: number | null;
  previousTargetId: string | null;
  aeId: string | null;
  partnerManagerId: string | null;
  targetAccountId: string | null;
  weight: number | null;
  splitProfile: string | null;
}
export interface PlanBlueprint {
  plan: PlanSpec;
  sections: SectionSpec[];
  /** Parents before their parts. */
  targets: TargetSpec[];
}

/** Partner_Account_Plan__c.Name is 80 characters. */
const NAME_LENGTH = 80;

/** "PLAN-<partnerKey>-<fiscalYear>": one plan per partner and fiscal year, whether made from a template or a rollover. */
export function planExternalKey(partnerKey: string, fiscalYear: string): string {
  return `PLAN-${partnerKey}-${fiscalYear}`;
}

/** `${planKey}-S01`: a plan's n-th section (1-based, in blueprint order). */
export const sectionExternalKey = (planKey: string, n: number): string => `${planKey}-S${String(n).padStart(2, '0')}`;

/** `${planKey}-T001`: a plan's n-th target (1-based, in blueprint order). */
export const targetExternalKey = (planKey: string, n: number): string => `${planKey}-T${String(n).padStart(3, '0')}`;

/** "Acme FY2027 Plan", as the seed names plans. */
export const planName = (partnerName: string, fiscalYear: string): string =>
  fitName(`${partnerName} ${fiscalYear} Plan`, '');

/** `base + suffix` within the Name length, cutting the base rather than the suffix. */
function fitName(base: string, suffix: string): string {
  return base.slice(0, Math.max(0, NAME_LENGTH - suffix.length)) + suffix;
}

/** Section sort orders in steps of 10, leaving room to insert between them. */
const SORT_STEP = 10;

/** Items by their sort order (blank last), keeping the given order among equals. */
function bySortOrder<T>(items: T[], sortOrder: (item: T) => number | null): T[] {
  const key = (item: T): number => sortOrder(item) ?? Number.POSITIVE_INFINITY;
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => key(a.item) - key(b.item) || a.index - b.index)
    .map((entry) => entry.item);
}

/** A target's type when it was left blank: the plan period it matches, else by its length. */
function periodTypeOf(target: SourceTarget, from: PlanPeriods): PeriodType {
  if (target.periodType) return target.periodType;
  const span = { start: target.periodStart, end: target.periodEnd, periodType: null };
  const fiscal = fiscalIndexOf(span, from);
  if (fiscal) return fiscal.periodType;
  const months = monthsBetween(target.periodStart, addDaysIso(target.periodEnd, 1));
  return months >= 12 ? 'Year' : months >= 3 ? 'Quarter' : 'Month';
}

/** The rolled-over name: the old fiscal year label replaced by the new, else `${name} (${new year})`. */
function rolloverName(source: SourcePlan, fiscalYear: string | null, periods: PlanPeriods): string {
  const old = source.fiscalYear;
  if (old && fiscalYear && source.name.includes(old)) return fitName(source.name.split(old).join(fiscalYear), '');
  const label = fiscalYear ?? `${periods.year.start} – ${periods.year.end}`;
  return fitName(source.name, ` (${label})`);
}

function byStart(a: SourceTarget, b: SourceTarget): number {
  if (a.periodStart === b.periodStart) return 0;
  return a.periodStart < b.periodStart ? -1 : 1;
}

/**
 * The source targets in blueprint order: section by section (in the new section order), each top-level
 * target (in the given order) followed by its parts (by start date). A target in no given section is left out.
 */
function targetOrder(sections: SourceSection[], targets: SourceTarget[]): SourceTarget[] {
  const ids = new Set(targets.map((t) => t.id));
  const isPart = (t: SourceTarget): boolean => t.parentTargetId !== null && ids.has(t.parentTargetId);
  const partsOf = (t: SourceTarget): SourceTarget[] =>
    // Array sort is stable: parts starting the same day keep the given order.
    targets.filter((part) => part.parentTargetId === t.id && part.id !== t.id).sort(byStart);
  const sectionIds = new Set(sections.map((s) => s.id));
  const ordered: SourceTarget[] = [];
  for (const section of sections) {
    for (const target of targets.filter((t) => t.sectionId === section.id && !isPart(t))) {
      ordered.push(target);
      for (const part of partsOf(target)) if (sectionIds.has(part.sectionId)) ordered.push(part);
    }
  }
  return ordered;
}

/**
 * Rolls a plan over to `next` (nextPlanYear of it, or the org's calendar): Draft, same owner/partner/
 * narrative, sections and targets re-dated; with carryShortfall each target's carryable shortfall is added
 * and recorded; a year target with parts carries its own shortfall and spreads it over its parts in
 * proportion to their values (splitValue), so year = sum of parts stays true; parts' own shortfalls are not
 * carried. The spec carries no status: the caller inserts the plan as Draft. Sections keep their order
 * (by sort order) renumbered 10, 20, …; a plan without a fiscal year is keyed by its start date.
 */
export function rolloverBlueprint(
  source: { plan: SourcePlan; sections: SourceSection[]; targets: SourceTarget[] },
  next: { periods: PlanPeriods; fiscalYear: string | null; from: PlanPeriods },
  options: {
    carryShortfall: boolean;
    metrics: Record<string, MetricTraits>;
    name?: string;
  },
): PlanBlueprint {
  const { plan: old } = source;
  const planKey = planExternalKey(old.partnerKey, next.fiscalYear ?? next.periods.year.start);
  const plan: PlanSpec = {
    externalKey: planKey,
    name: options.name ?? rolloverName(old, next.fiscalYear, next.periods),
    fiscalYear: next.fiscalYear,
    periodStart: next.periods.year.start,
    periodEnd: next.periods.year.end,
    partnerAccountId: old.partnerAccountId,
    reviewCadence: old.reviewCadence,
    ownerId: old.ownerId,
    previousPlanId: old.id,
    template: null,
    fields: { ...old.fields },
  };

  const orderedSections = bySortOrder(source.sections, (s) => s.sortOrder);
  const sectionRefs = new Map<string, string>();
  const sections: SectionSpec[] = orderedSections.map((s, i) => {
    const externalKey = sectionExternalKey(planKey, i + 1);
    sectionRefs.set(s.id, externalKey);
    return {
      ref: externalKey,
      externalKey,
      name: s.name,
      sectionType: s.sectionType,
      summary: s.summary,
      sortOrder: (i + 1) * SORT_STEP,
      visibleToPartner: s.visibleToPartner,
      budget: s.budget,
      sectionOwnerId: s.sectionOwnerId,
    };
  });

  const ordered = targetOrder(orderedSections, source.targets);
  const orderedIds = new Set(ordered.map((t) => t.id));
  const carried = carriedShortfalls(ordered, orderedIds, options);
  const targetRefs = new Map<string, string>();
  const targets: TargetSpec[] = ordered.map((t, i) => {
    const externalKey = targetExternalKey(planKey, i + 1);
    targetRefs.set(t.id, externalKey);
    const periodType = periodTypeOf(t, next.from);
    const period = redatePeriod({ start: t.periodStart, end: t.periodEnd, periodType }, next.from, next.periods);
    const carry = carried.get(t.id) ?? null;
    return {
      ref: externalKey,
      sectionRef: sectionRefs.get(t.sectionId) as string,
      parentRef:
        t.parentTargetId !== null && orderedIds.has(t.parentTargetId)
          ? (targetRefs.get(t.parentTargetId) ?? null)
          : null,
      externalKey,
      metric: t.metric,
      periodType,
      periodStart: period.start,
      periodEnd: period.end,
      targetValue: addExact(t.targetValue, carry ?? 0),
      carriedShortfall: carry,
      previousTargetId: t.id,
      aeId: t.aeId,
      partnerManagerId: t.partnerManagerId,
      targetAccountId: t.targetAccountId,
      weight: t.weight,
      splitProfile: t.splitProfile,
    };
  });
  return { plan, sections, targets };
}

/**
 * Each target's carried shortfall by source id (absent = null): a top-level target carries its own; a part
 * carries its share of its parent's (in proportion to the parts' values), never its own.
 */
function carriedShortfalls(
  ordered: SourceTarget[],
  ids: Set<string>,
  options: { carryShortfall: boolean; metrics: Record<string, MetricTraits> },
): Map<string, number | null> {
  const carried = new Map<string, number | null>();
  if (!options.carryShortfall) return carried;
  const metricOf = (metric: string): MetricTraits | null => {
    return Object.prototype.hasOwnProperty.call(options.metrics, metric) ? options.metrics[metric] : null;
  };
  for (const target of ordered) {
    if (target.parentTargetId !== null && ids.has(target.parentTargetId)) continue;
    const own = carryableShortfall(target, metricOf(target.metric));
    carried.set(target.id, own);
    const parts = ordered.filter((p) => p.parentTargetId === target.id);
    if (parts.length === 0 || own === null) continue;
    const shares = splitValue(
      own,
      parts.map((p) => p.targetValue),
      unitScale(metricOf(target.metric)?.unit),
    );
    parts.forEach((part, i) => carried.set(part.id, shares[i]));
  }
  return carried;
}

/** What a rollover reads of a metric: how to read a shortfall, and its unit (counts carry whole numbers). */
export interface MetricTraits {
  direction: string | null;
  shape: string | null;
  unit?: string | null;
}

export interface TemplateDef {
  name: string;
  label: string;
  tier: string | null;
  reviewCadence: string | null;
  sections: {
    name: string;
    label: string;
    sectionType: string;
    summary: string | null;
    sortOrder: number;
    visibleToPartner: boolean;
    targets: {
      metric: string;
      periodType: PeriodType;
      defaultValue: number;
      splitProfile: string | null;
      weight: number | null;
      sortOrder: number;
    }[];
  }[];
}

/**
 * A new plan for a partner and fiscal year from a template: sections in order; each template target
 * becomes a year target (and its split parts for Quarter/Month, by its profile: blank or unknown = Even,
 * recorded on the year target). Parts carry the template target's weight, like the year target. Named
 * `${partner name} ${fiscal year} Plan`; Template = the template's name.
 */
export function templateBlueprint(
  template: TemplateDef,
  partner: { id: string; key: string; name: string },
  year: { periods: PlanPeriods; fiscalYear: string },
  profiles: Record<string, SeasonalProfile>,
  ownerId: string | null,
  /** The catalog's metrics by DeveloperName: a Count metric splits into whole numbers (unitScale). */
  metrics: Record<string, MetricTraits> = {},
): PlanBlueprint {
  const planKey = planExternalKey(partner.key, year.fiscalYear);
  const plan: PlanSpec = {
    externalKey: planKey,
    name: planName(partner.name, year.fiscalYear),
    fiscalYear: year.fiscalYear,
    periodStart: year.periods.year.start,
    periodEnd: year.periods.year.end,
    partnerAccountId: partner.id,
    reviewCadence: template.reviewCadence,
    ownerId,
    previousPlanId: null,
    template: template.name,
    fields: {},
  };
  const sections: SectionSpec[] = [];
  const targets: TargetSpec[] = [];
  const addTarget = (fields: Omit<TargetSpec, 'ref' | 'externalKey'>): string => {
    const externalKey = targetExternalKey(planKey, targets.length + 1);
    targets.push({ ref: externalKey, externalKey, ...fields });
    return externalKey;
  };
  bySortOrder(template.sections, (s) => s.sortOrder).forEach((s, i) => {
    const sectionRef = sectionExternalKey(planKey, i + 1);
    sections.push({
      ref: sectionRef,
      externalKey: sectionRef,
      name: s.label,
      sectionType: s.sectionType,
      summary: s.summary,
      sortOrder: (i + 1) * SORT_STEP,
      visibleToPartner: s.visibleToPartner,
      budget: null,
      sectionOwnerId: null,
    });
    for (const t of bySortOrder(s.targets, (target) => target.sortOrder)) {
      const into = t.periodType === 'Year' ? null : t.periodType;
      const profile = profileNamed(profiles, t.splitProfile);
      const value = addExact(t.defaultValue, 0);
      const common = { sectionRef, metric: t.metric, carriedShortfall: null, previousTargetId: null, aeId: null };
      const people = { partnerManagerId: null, targetAccountId: null, weight: t.weight };
      const { start, end } = year.periods.year;
      const parentRef = addTarget({
        ...common,
        ...people,
        parentRef: null,
        periodType: 'Year',
        periodStart: start,
        periodEnd: end,
        targetValue: value,
        splitProfile: into ? profile.name : null,
      });
      if (!into) continue;
      for (const part of splitYearTarget(value, into, profile, year.periods, unitScale(metrics[t.metric]?.unit))) {
        addTarget({
          ...common,
          ...people,
          parentRef,
          periodType: part.periodType,
          periodStart: part.start,
          periodEnd: part.end,
          targetValue: part.targetValue,
          splitProfile: null,
        });
      }
    }
  });
  return { plan, sections, targets };
}
