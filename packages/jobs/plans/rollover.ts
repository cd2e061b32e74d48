/**
 * `plans rollover`: the next fiscal year's plan of every Active or Closed plan of the year before, as a Draft
 * with the same owner, partner, narrative, sections and targets re-dated by the org's fiscal calendar
 * (rolloverBlueprint), Previous_Plan__c and Previous_Target__c pointing back, and with --carry-shortfall each
 * target's carryable shortfall added and recorded in Carried_Shortfall__c. Accountable people who are no longer
 * active users are left blank (and reported). Idempotent exactly like `plans create`.
 */
import type { JsonMap } from '@salesforce/ts-types';
import type { OrgSession } from '../connection';
import { readFiscalCalendar } from '../fiscal';
import { queryAll, queryIn, soqlString } from '../query';
import { asMap, expectString, optionalNumber, optionalString } from '../response';
import { planYearOf } from './calendar';
import { activeUsers, childKeys, existingPlans, partnerByIdOrKey, readMetricSemantics } from './read';
import { decide, emptyReport, finishRun, type PlanResult, type PlansReport } from './report';
import { noCounts, type PlanWork } from './write';
import {
  NARRATIVE_FIELDS,
  planExternalKey,
  rolloverBlueprint,
  type PeriodType,
  type SourcePlan,
  type SourceSection,
  type SourceTarget,
} from './year';

export interface RolloverOptions {
  /** The fiscal year to create, as the org names it (2027): plans of the year before roll into it. */
  fiscalYear: number;
  carryShortfall?: boolean;
  /** One partner account, by Id or External_Key__c. */
  partner?: string;
  dryRun?: boolean;
  onStep?: (step: string, total?: number) => void;
}

/** The plan statuses that roll over; any other is skipped with its status as the reason. */
export const ROLLED_STATUSES = ['Active', 'Closed'];

interface Source {
  plan: SourcePlan;
  status: string | null;
  partnerName: string;
  sections: SourceSection[];
  targets: SourceTarget[];
}

const str = (record: JsonMap, field: string, where: string): string | null =>
  optionalString(record, field, where) ?? null;
const num = (record: JsonMap, field: string, where: string): number | null =>
  optionalNumber(record, field, where) ?? null;

/** The plans of the fiscal year before (by its label, or unlabelled but starting in it). */
async function readSourcePlans(
  session: OrgSession,
  from: { label: string; periods: { year: { start: string; end: string } } },
  partnerId: string | undefined,
): Promise<Source[]> {
  const { start, end } = from.periods.year;
  const rows = await queryAll<JsonMap>(
    session,
    `SELECT Id, Name, External_Key__c, Status__c, Partner_Account__c, Partner_Account__r.Name, Partner_Account__r.External_Key__c, Fiscal_Year__c, Period_Start__c, Period_End__c, Review_Cadence__c, OwnerId, ${NARRATIVE_FIELDS.join(', ')} FROM Partner_Account_Plan__c WHERE (Fiscal_Year__c = ${soqlString(from.label)} OR (Fiscal_Year__c = null AND Period_Start__c >= ${start} AND Period_Start__c <= ${end}))${partnerId ? ` AND Partner_Account__c = ${soqlString(partnerId)}` : ''} ORDER BY Partner_Account__r.Name, Name, Id`,
  );
  return rows.map((row) => {
    const where = `the plan record ${JSON.stringify(row.Id ?? null)}`;
    const account = asMap(row.Partner_Account__r) ?? {};
    const partnerAccountId = expectString(row, 'Partner_Account__c', where);
    const fields: Record<string, unknown> = {};
    for (const field of NARRATIVE_FIELDS) fields[field] = row[field] ?? null;
    return {
      status: str(row, 'Status__c', where),
      partnerName: str(account, 'Name', where) ?? partnerAccountId,
      sections: [],
      targets: [],
      plan: {
        id: expectString(row, 'Id', where),
        name: expectString(row, 'Name', where),
        externalKey: str(row, 'External_Key__c', where),
        partnerAccountId,
        partnerKey: str(account, 'External_Key__c', where) ?? partnerAccountId,
        fiscalYear: str(row, 'Fiscal_Year__c', where),
        periodStart: expectString(row, 'Period_Start__c', where),
        periodEnd: expectString(row, 'Period_End__c', where),
        reviewCadence: str(row, 'Review_Cadence__c', where),
        ownerId: str(row, 'OwnerId', where),
        fields,
      },
    };
  });
}

/** Reads the sections and targets of the plans that roll over into their Source. */
async function readChildren(session: OrgSession, sources: Source[]): Promise<void> {
  const byPlan = new Map(sources.map((s) => [s.plan.id, s]));
  const sectionRows = await queryIn<JsonMap>(
    session,
    'SELECT Id, Name, Partner_Account_Plan__c, Section_Type__c, Summary__c, Sort_Order__c, Visible_To_Partner__c, Budget__c, Section_Owner__c FROM Plan_Section__c',
    'Partner_Account_Plan__c',
    [...byPlan.keys()],
  );
  const planOfSection = new Map<string, Source>();
  for (const row of sectionRows) {
    const where = `the section record ${JSON.stringify(row.Id ?? null)}`;
    const source = byPlan.get(expectString(row, 'Partner_Account_Plan__c', where));
    if (!source) continue;
    const id = expectString(row, 'Id', where);
    planOfSection.set(id, source);
    source.sections.push({
      id,
      name: expectString(row, 'Name', where),
      sectionType: str(row, 'Section_Type__c', where) ?? 'Custom',
      summary: str(row, 'Summary__c', where),
      sortOrder: num(row, 'Sort_Order__c', where),
      visibleToPartner: row.Visible_To_Partner__c === true,
      budget: num(row, 'Budget__c', where),
      sectionOwnerId: str(row, 'Section_Owner__c', where),
    });
  }
  const targetRows = await queryIn<JsonMap>(
    session,
    'SELECT Id, Plan_Section__c, External_Key__c, Metric__c, Period_Type__c, Period_Start__c, Period_End__c, Target_Value__c, Actual_Value__c, Accountable_AE__c, Accountable_Partner_Manager__c, Target_Account__c, Weight__c, Parent_Target__c, Split_Profile__c FROM Plan_Target__c',
    'Plan_Section__c',
    [...planOfSection.keys()],
  );
  for (const row of targetRows) {
    const where = `the target record ${JSON.stringify(row.Id ?? null)}`;
    const sectionId = expectString(row, 'Plan_Section__c', where);
    planOfSection.get(sectionId)?.targets.push({
      id: expectString(row, 'Id', where),
      sectionId,
      externalKey: str(row, 'External_Key__c', where),
      metric: expectString(row, 'Metric__c', where),
      periodType: str(row, 'Period_Type__c', where) as PeriodType | null,
      periodStart: expectString(row, 'Period_Start__c', where),
      periodEnd: expectString(row, 'Period_End__c', where),
      targetValue: num(row, 'Target_Value__c', where) ?? 0,
      actualValue: num(row, 'Actual_Value__c', where),
      aeId: str(row, 'Accountable_AE__c', where),
      partnerManagerId: str(row, 'Accountable_Partner_Manager__c', where),
      targetAccountId: str(row, 'Target_Account__c', where),
      weight: num(row, 'Weight__c', where),
      parentTargetId: str(row, 'Parent_Target__c', where),
      splitProfile: str(row, 'Split_Profile__c', where),
    });
  }
  // Blueprint order is the source order: sections by their sort order, targets by period within a section.
  for (const source of sources) {
    source.sections.sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.name.localeCompare(b.name));
    source.targets.sort(
      (a, b) =>
        a.periodStart.localeCompare(b.periodStart) ||
        (a.externalKey ?? '').localeCompare(b.externalKey ?? '') ||
        a.metric.localeCompare(b.metric),
    );
  }
}

/** Blanks the people of a source who are no longer active users; returns what it blanked, for the report. */
export function dropInactivePeople(source: Source, active: Set<string>): string[] {
  const notes: string[] = [];
  const keep = (id: string | null, what: string): string | null => {
    if (!id || active.has(id)) return id;
    notes.push(`${what} ${id} is inactive: left blank`);
    return null;
  };
  source.plan.ownerId = source.plan.ownerId && active.has(source.plan.ownerId) ? source.plan.ownerId : null;
  if (!source.plan.ownerId) notes.push('the plan owner is inactive: the running user owns the new plan');
  const sponsor = source.plan.fields.Executive_Sponsor__c;
  if (typeof sponsor === 'string') source.plan.fields.Executive_Sponsor__c = keep(sponsor, 'the executive sponsor');
  for (const section of source.sections)
    section.sectionOwnerId = keep(section.sectionOwnerId, `the owner of section "${section.name}"`);
  for (const target of source.targets) {
    const which = `target ${target.externalKey ?? target.id} (${target.metric})`;
    target.aeId = keep(target.aeId, `the accountable AE of ${which}`);
    target.partnerManagerId = keep(target.partnerManagerId, `the accountable partner manager of ${which}`);
  }
  return notes;
}

/** Every user a source names: owner, sponsor, section owners and accountable people. */
function peopleOf(sources: Source[]): string[] {
  const ids = sources.flatMap((s) => [
    s.plan.ownerId,
    typeof s.plan.fields.Executive_Sponsor__c === 'string' ? s.plan.fields.Executive_Sponsor__c : null,
    ...s.sections.map((x) => x.sectionOwnerId),
    ...s.targets.flatMap((t) => [t.aeId, t.partnerManagerId]),
  ]);
  return [...new Set(ids.filter((id): id is string => !!id))];
}

export async function runPlanRollover(session: OrgSession, options: RolloverOptions): Promise<PlansReport> {
  const step = options.onStep ?? (() => undefined);
  step('Reading the fiscal calendar and metrics');
  const calendar = await readFiscalCalendar(session);
  const year = await planYearOf(session, calendar, options.fiscalYear);
  const from = await planYearOf(session, calendar, options.fiscalYear - 1);
  const metrics = await readMetricSemantics(session);
  const partnerId = options.partner ? (await partnerByIdOrKey(session, options.partner)).id : undefined;
  const report = emptyReport('rollover', year, options.dryRun ?? false);
  report.fromFiscalYear = from.label;
  report.carryShortfall = options.carryShortfall ?? false;

  step(`Reading the ${from.label} plans`);
  const sources = await readSourcePlans(session, from, partnerId);
  const rolled = sources.filter((s) => s.status !== null && ROLLED_STATUSES.includes(s.status));
  await readChildren(session, rolled);
  const active = await activeUsers(session, peopleOf(rolled));
  const keys = rolled.map((s) => planExternalKey(s.plan.partnerKey, year.label));
  const existing = await existingPlans(
    session,
    rolled.map((s) => s.plan.partnerAccountId),
    year.label,
    keys,
  );
  const children = await childKeys(
    session,
    existing.filter((p) => p.key && keys.includes(p.key)).map((p) => p.id),
  );
  if (sources.length === 0) report.notes.push(`No plans of ${from.label} to roll over.`);

  // Results in partner (or source plan) order: a skipped one has no work.
  const entries: { work?: PlanWork; result: PlanResult }[] = [];
  const claimed = new Map<string, string>(); // plan key -> the source plan that claimed it in this run
  for (const source of sources) {
    const planKey = planExternalKey(source.plan.partnerKey, year.label);
    const result: PlanResult = {
      partnerId: source.plan.partnerAccountId,
      partnerKey: source.plan.partnerKey,
      partnerName: source.partnerName,
      planKey,
      planId: null,
      sourcePlanId: source.plan.id,
      sourcePlanName: source.plan.name,
      outcome: 'skipped',
      created: noCounts(),
      failures: [],
      notes: [],
    };
    if (!rolled.includes(source)) {
      entries.push({
        result: { ...result, reason: `status ${source.status ?? '(none)'}: only Active and Closed plans roll over` },
      });
      continue;
    }
    const first = claimed.get(planKey);
    if (first) {
      entries.push({
        result: { ...result, reason: `already has a plan for ${year.label} (rolled over from "${first}" in this run)` },
      });
      continue;
    }
    const notes = dropInactivePeople(source, active);
    const blueprint = rolloverBlueprint(
      { plan: source.plan, sections: source.sections, targets: source.targets },
      { periods: year.periods, fiscalYear: year.label, from: from.periods },
      { carryShortfall: options.carryShortfall ?? false, metrics },
    );
    const decision = decide(
      blueprint,
      existing.filter((p) => p.partnerAccountId === source.plan.partnerAccountId || p.key === planKey),
      children,
    );
    if ('skip' in decision) {
      entries.push({ result: { ...result, reason: decision.skip, planId: decision.planId } });
      continue;
    }
    claimed.set(planKey, source.plan.name);
    entries.push({ work: decision.work, result: { ...result, notes } });
  }
  return finishRun(session, report, entries, options.dryRun ?? false, step);
}
