/* eslint-disable no-restricted-globals -- the babel parser reports property signatures (name, status) as uses of globals */
/**
 * What the template dialog computes without the platform: the year a new plan defaults to, and the
 * preview of the plan a template makes (sections, year targets with their value and split parts).
 */
import { nextPlanYear, type PlanBlueprint, type TargetSpec } from 'c/planYear';
import type { Metric, PlanYear } from 'c/planData';
import { formatLabel, formatValue, metricLabel, metricUnit, periodLabel } from 'c/planInsights';

export interface YearChoice {
  fiscalYear: string;
  start: string;
  end: string;
}

/** A plan that can seed the next year: it has both dates. */
const dated = (p: PlanYear | null | undefined): p is PlanYear & { periodStart: string; periodEnd: string } =>
  Boolean(p && p.periodStart && p.periodEnd);

/**
 * A new plan's year: the year after the partner's latest plan, else after the latest plan in the org,
 * else the calendar year of `today`. Its label is the next fiscal year's ("FY2027" -> "FY2028"), else
 * "FY" and the year it starts in.
 */
export function defaultYear(partnerPlans: PlanYear[], latest: PlanYear | null, today: string): YearChoice {
  const latestOwn = partnerPlans
    .filter(dated)
    .sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : a.periodEnd > b.periodEnd ? -1 : 0))[0];
  const basis = latestOwn ?? (dated(latest) ? latest : null);
  if (!basis) {
    const year = today.slice(0, 4);
    return { fiscalYear: `FY${year}`, start: `${year}-01-01`, end: `${year}-12-31` };
  }
  const next = nextPlanYear({ start: basis.periodStart, end: basis.periodEnd }, basis.fiscalYear);
  return {
    fiscalYear: next.fiscalYear ?? `FY${next.span.start.slice(0, 4)}`,
    start: next.span.start,
    end: next.span.end,
  };
}

export interface PreviewTarget {
  key: string;
  metric: string;
  yearText: string;
  splitText: string | null;
  parts: { key: string; text: string }[];
}

export interface PreviewSection {
  key: string;
  headingId: string;
  name: string;
  sectionType: string;
  summary: string | null;
  targets: PreviewTarget[];
  hasTargets: boolean;
}

export interface PreviewContext {
  metrics: Metric[];
  locale: string;
  currency: string;
  labels: { split: string; splitQuarters: string; splitMonths: string; yearTotal: string };
  /** The profile labels by DeveloperName. */
  profileLabels: Record<string, string>;
}

/** The sections of a blueprint with their year targets and each one's parts, as the dialog lists them. */
export function previewSections(blueprint: PlanBlueprint, context: PreviewContext): PreviewSection[] {
  const plan = { fiscalYear: blueprint.plan.fiscalYear, periodStart: blueprint.plan.periodStart };
  const value = (t: TargetSpec): string =>
    formatValue(t.targetValue, metricUnit(context.metrics, t.metric), context.locale, context.currency);
  const partsOf = (ref: string): TargetSpec[] => blueprint.targets.filter((t) => t.parentRef === ref);
  return blueprint.sections.map((s) => {
    const targets = blueprint.targets
      .filter((t) => t.sectionRef === s.ref && !t.parentRef)
      .map((t): PreviewTarget => {
        const parts = partsOf(t.ref);
        const into = parts.length > 0 ? parts[0].periodType : null;
        const profile = t.splitProfile ? (context.profileLabels[t.splitProfile] ?? t.splitProfile) : '';
        return {
          key: t.ref,
          metric: metricLabel(context.metrics, t.metric),
          yearText: formatLabel(context.labels.yearTotal, value(t)),
          splitText: into
            ? formatLabel(
                context.labels.split,
                into === 'Month' ? context.labels.splitMonths : context.labels.splitQuarters,
                profile,
              )
            : null,
          parts: parts.map((p) => ({
            key: p.ref,
            text: `${periodLabel(plan, p.periodStart, p.periodEnd, context.locale)}: ${value(p)}`,
          })),
        };
      });
    return {
      key: s.ref,
      headingId: `preview-${s.ref}`,
      name: s.name,
      sectionType: s.sectionType,
      summary: s.summary,
      targets,
      hasTargets: targets.length > 0,
    };
  });
}

/** How a record of the blueprint reads in an error: a section's name, a target's metric and period. */
export function describeRef(blueprint: PlanBlueprint, ref: string, metrics: Metric[], locale: string): string {
  if (ref === 'plan') return blueprint.plan.name;
  const section = blueprint.sections.find((s) => s.ref === ref);
  if (section) return section.name;
  const target = blueprint.targets.find((t) => t.ref === ref);
  if (!target) return ref;
  const plan = { fiscalYear: blueprint.plan.fiscalYear, periodStart: blueprint.plan.periodStart };
  return `${metricLabel(metrics, target.metric)} ${periodLabel(plan, target.periodStart, target.periodEnd, locale)}`;
}
