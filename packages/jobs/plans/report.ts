/**
 * What `plans create` and `plans rollover` report: one entry per partner (or source plan) with its plan key,
 * plan Id, what was created and why it was skipped or failed, the totals, and the summary lines the CLI prints.
 * Also the one rule both commands follow on whether to write a plan (plan), so their reruns agree.
 */
import type { OrgSession } from '../connection';
import type { WriteFailure } from '../writer';
import type { ExistingPlan } from './read';
import { missingCounts, noCounts, writePlans, type Counts, type PlanWork, type WorkOutcome } from './write';
import type { DateSpan, PlanBlueprint } from './year';

/** created: written now; completed: an earlier run's half-made plan finished; planned: a dry run's would-create. */
export type PlanOutcome = 'created' | 'completed' | 'planned' | 'skipped' | 'failed';

export interface PlanResult {
  partnerId: string;
  partnerKey: string;
  partnerName: string;
  /** The plan's External_Key__c ("PLAN-<partner key>-<fiscal year>"). */
  planKey: string;
  /** The new (or existing, when skipped) plan's Id; null when none was written. */
  planId: string | null;
  /** Rollover: the plan it was rolled over from. */
  sourcePlanId?: string;
  sourcePlanName?: string;
  outcome: PlanOutcome;
  /** Why it was skipped. */
  reason?: string;
  created: Counts;
  failures: WriteFailure[];
  /** What the run changed from the source (accountable people left blank, owner replaced). */
  notes: string[];
}

export interface PlansReport {
  command: 'create' | 'rollover';
  /** The fiscal year written, as the org labels it ("FY2027"), and its days. */
  fiscalYear: string;
  period: DateSpan;
  dryRun: boolean;
  /** create: the template used. */
  template?: string;
  /** rollover: the year rolled from, and whether shortfalls were carried. */
  fromFiscalYear?: string;
  carryShortfall?: boolean;
  plans: PlanResult[];
  created: Counts;
  skipped: number;
  failed: number;
  failures: WriteFailure[];
  notes: string[];
}

export function emptyReport(
  command: PlansReport['command'],
  year: { label: string; periods: { year: DateSpan } },
  dryRun: boolean,
): PlansReport {
  return {
    command,
    fiscalYear: year.label,
    period: { ...year.periods.year },
    dryRun,
    plans: [],
    created: noCounts(),
    skipped: 0,
    failed: 0,
    failures: [],
    notes: [],
  };
}

/** A partner's plan to write (work), or why not (skip). */
export type Decision = { work: PlanWork } | { skip: string; planId: string | null };

/**
 * Whether to write a blueprint: a partner with a plan for the year under another key is skipped; a plan with
 * the blueprint's key is skipped when complete, and completed (its missing sections and targets written) when an
 * earlier run left it half-made while it is still a Draft.
 */
export function decide(
  blueprint: PlanBlueprint,
  existing: ExistingPlan[],
  children: { sections: Map<string, string>; targets: Map<string, string> },
): Decision {
  const { plan } = blueprint;
  const already = `already has a plan for ${plan.fiscalYear ?? 'that fiscal year'}`;
  const same = existing.find((p) => p.key?.toLowerCase() === plan.externalKey.toLowerCase());
  const other = existing.find((p) => p !== same && p.partnerAccountId === plan.partnerAccountId);
  if (!same && other) return { skip: `${already} ("${other.name}", ${other.key ?? other.id})`, planId: other.id };
  if (!same) return { work: { blueprint, planId: null, sectionIds: new Map(), targetIds: new Map() } };
  const work: PlanWork = {
    blueprint,
    planId: same.id,
    sectionIds: new Map(blueprint.sections.flatMap((s) => idOf(children.sections, s.externalKey))),
    targetIds: new Map(blueprint.targets.flatMap((t) => idOf(children.targets, t.externalKey))),
  };
  const missing = missingCounts(work);
  if (missing.sections + missing.targets === 0) return { skip: already, planId: same.id };
  if (same.status !== 'Draft')
    return { skip: `${already}, incomplete but ${same.status ?? 'without a status'}: left as it is`, planId: same.id };
  return { work };
}

const idOf = (ids: Map<string, string>, key: string): [string, string][] => {
  const id = ids.get(key);
  return id ? [[key, id]] : [];
};

/**
 * Writes the plans to write (none in a dry run) and adds every entry to the report in the given order: skipped
 * ones as they are, the others as written (created, completed or failed) or, in a dry run, planned.
 */
export async function finishRun(
  session: OrgSession,
  report: PlansReport,
  entries: { work?: PlanWork; result: PlanResult }[],
  dryRun: boolean,
  onStep?: (step: string) => void,
): Promise<PlansReport> {
  const work = entries.flatMap((e) => (e.work ? [e.work] : []));
  const outcomes = dryRun || work.length === 0 ? [] : await writePlans(session, work, onStep);
  for (const entry of entries) {
    if (!entry.work) addResult(report, entry.result);
    else recordWork(report, entry.result, entry.work, dryRun ? undefined : outcomes[work.indexOf(entry.work)]);
  }
  return report;
}

/** Adds a written (or, in a dry run, planned) plan to the report. */
function recordWork(report: PlansReport, result: PlanResult, work: PlanWork, outcome?: WorkOutcome): void {
  if (!outcome) {
    result.outcome = 'planned';
    result.created = missingCounts(work);
    result.planId = work.planId;
  } else {
    result.planId = outcome.planId;
    result.created = outcome.created;
    result.failures = outcome.failures;
    result.outcome = outcome.failures.length > 0 ? 'failed' : work.planId ? 'completed' : 'created';
  }
  addResult(report, result);
}

/** Adds a result to the report and its totals. */
export function addResult(report: PlansReport, result: PlanResult): void {
  report.plans.push(result);
  if (result.outcome === 'skipped') report.skipped++;
  if (result.outcome === 'failed') report.failed++;
  report.failures.push(...result.failures);
  if (result.outcome !== 'planned') {
    report.created.plans += result.created.plans;
    report.created.sections += result.created.sections;
    report.created.targets += result.created.targets;
  }
}

const counts = (c: Counts): string => `${c.plans} plans, ${c.sections} sections, ${c.targets} targets`;

/** The text summary: totals, then one line per plan that was skipped, failed or noted (the first 50). */
export function plansSummaryLines(
  report: PlansReport & {
    org: string;
    apiRequests: number;
    seconds: number;
    apiUsage?: { used: number; limit: number };
  },
): string[] {
  const span = `${report.fiscalYear} (${report.period.start} to ${report.period.end})`;
  const what =
    report.command === 'create'
      ? `Created ${span} plans from template ${report.template ?? '(none)'}`
      : `Rolled ${report.fromFiscalYear ?? 'last year'}'s plans over to ${span}${report.carryShortfall ? ', carrying shortfalls,' : ''}`;
  const planned = report.plans.filter((p) => p.outcome === 'planned');
  const wouldCreate = planned.reduce(
    (sum, p) => ({
      plans: sum.plans + p.created.plans,
      sections: sum.sections + p.created.sections,
      targets: sum.targets + p.created.targets,
    }),
    noCounts(),
  );
  const lines = [
    `${what} in ${report.org} in ${report.seconds}s${report.dryRun ? ' (dry run: nothing written)' : ''}.`,
    report.dryRun ? `Would create: ${counts(wouldCreate)}.` : `Created: ${counts(report.created)}.`,
    `Plans: ${report.plans.length} considered, ${report.plans.filter((p) => p.outcome === 'created').length} created, ${report.plans.filter((p) => p.outcome === 'completed').length} completed, ${report.skipped} skipped, ${report.failed} failed.`,
  ];
  const shown = report.plans.filter((p) => p.outcome !== 'created' || p.notes.length > 0).slice(0, 50);
  for (const p of shown) {
    const source = p.sourcePlanName ? ` from "${p.sourcePlanName}"` : '';
    if (p.outcome === 'skipped') lines.push(`  skipped ${p.partnerName}${source}: ${p.reason ?? ''}`);
    else if (p.outcome === 'planned')
      lines.push(`  would create ${p.planKey} for ${p.partnerName}${source}: ${counts(p.created)}`);
    else lines.push(`  ${p.outcome} ${p.planKey} for ${p.partnerName}${source}: ${counts(p.created)}`);
    for (const f of p.failures)
      lines.push(
        `    FAILED ${f.sobject} ${f.record}: ${f.errorCode} ${f.message}${f.fields.length ? ` [${f.fields.join(', ')}]` : ''}`,
      );
    for (const note of p.notes) lines.push(`    note: ${note}`);
  }
  const hidden = report.plans.filter((p) => p.outcome !== 'created' || p.notes.length > 0).length - shown.length;
  if (hidden > 0) lines.push(`  ... and ${hidden} more (use --json for all).`);
  lines.push(...report.notes.map((note) => `note: ${note}`));
  lines.push(
    `API requests: ${report.apiRequests}${report.apiUsage ? ` (org usage ${report.apiUsage.used}/${report.apiUsage.limit} today)` : ''}.`,
  );
  return lines;
}
