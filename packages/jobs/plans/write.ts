/**
 * Writes plan blueprints to the org, all plans of a run together level by level (plans, sections, year
 * targets, then their parts, whose Parent_Target__c needs the year target's Id), each level through sObject
 * Collections upserted by External_Key__c with the shared retry policy. Only records missing from the org
 * are sent, so a plan that an earlier run left half-made is completed by the next one and nothing that
 * exists is overwritten. A plan whose plan, section or target record the org refused is reported failed,
 * with the org's error code and message; what depends on a refused record is not attempted.
 */
import type { OrgSession } from '../connection';
import { failuresOf, writeRecords, type WriteFailure } from '../writer';
import type { PlanBlueprint, PlanSpec, SectionSpec, TargetSpec } from './year';

export interface PlanWork {
  blueprint: PlanBlueprint;
  /** The plan's Id when it exists already (a run that stopped half-way), else null. */
  planId: string | null;
  /** Ids of the sections and targets that exist already, by External_Key__c. */
  sectionIds: Map<string, string>;
  targetIds: Map<string, string>;
}

export interface Counts {
  plans: number;
  sections: number;
  targets: number;
}

export interface WorkOutcome {
  planId: string | null;
  created: Counts;
  failures: WriteFailure[];
}

export const noCounts = (): Counts => ({ plans: 0, sections: 0, targets: 0 });

export function planFields(plan: PlanSpec): Record<string, unknown> {
  return {
    ...plan.fields,
    External_Key__c: plan.externalKey,
    Name: plan.name,
    Status__c: 'Draft',
    Fiscal_Year__c: plan.fiscalYear,
    Period_Start__c: plan.periodStart,
    Period_End__c: plan.periodEnd,
    Partner_Account__c: plan.partnerAccountId,
    Review_Cadence__c: plan.reviewCadence,
    Previous_Plan__c: plan.previousPlanId,
    Template__c: plan.template,
    // No owner: the running user owns the plan, as when a person creates it.
    ...(plan.ownerId ? { OwnerId: plan.ownerId } : {}),
  };
}

export function sectionFields(section: SectionSpec, planId: string): Record<string, unknown> {
  return {
    External_Key__c: section.externalKey,
    Partner_Account_Plan__c: planId,
    Name: section.name,
    Section_Type__c: section.sectionType,
    Summary__c: section.summary,
    Sort_Order__c: section.sortOrder,
    Visible_To_Partner__c: section.visibleToPartner,
    Budget__c: section.budget,
    Section_Owner__c: section.sectionOwnerId,
  };
}

export function targetFields(target: TargetSpec, sectionId: string, parentId: string | null): Record<string, unknown> {
  return {
    External_Key__c: target.externalKey,
    Plan_Section__c: sectionId,
    Parent_Target__c: parentId,
    Metric__c: target.metric,
    Period_Type__c: target.periodType,
    Period_Start__c: target.periodStart,
    Period_End__c: target.periodEnd,
    Target_Value__c: target.targetValue,
    Carried_Shortfall__c: target.carriedShortfall,
    Previous_Target__c: target.previousTargetId,
    Accountable_AE__c: target.aeId,
    Accountable_Partner_Manager__c: target.partnerManagerId,
    Target_Account__c: target.targetAccountId,
    Weight__c: target.weight,
    Split_Profile__c: target.splitProfile,
  };
}

/** One record to upsert, and whose plan it belongs to (its index in the work list). */
interface Pending {
  item: number;
  key: string;
  record: Record<string, unknown>;
  /** Told the new record's Id when the org took it. */
  done: (id: string) => void;
}

/** Upserts one level of records of every plan; failures go to their plan's outcome. */
async function upsertLevel(
  session: OrgSession,
  sobject: string,
  pending: Pending[],
  outcomes: WorkOutcome[],
  counted: keyof Counts,
): Promise<void> {
  if (pending.length === 0) return;
  const records = pending.map((p) => p.record);
  const results = await writeRecords(session, {
    sobject,
    operation: 'upsert',
    externalIdField: 'External_Key__c',
    records,
  });
  results.forEach((result, i) => {
    const p = pending[i];
    if (result.success && result.id) {
      if (result.created !== false) outcomes[p.item].created[counted]++;
      p.done(result.id);
    }
  });
  const failures = failuresOf(sobject, records, results, (record) => String(record.External_Key__c));
  for (const failure of failures) {
    const p = pending.find((candidate) => candidate.key === failure.record);
    if (p) outcomes[p.item].failures.push(failure);
  }
}

/** Writes what is missing of every blueprint; one outcome per work item, in order. */
export async function writePlans(
  session: OrgSession,
  work: PlanWork[],
  onStep?: (step: string) => void,
): Promise<WorkOutcome[]> {
  const outcomes: WorkOutcome[] = work.map((w) => ({ planId: w.planId, created: noCounts(), failures: [] }));
  onStep?.('Writing plans');
  await upsertLevel(
    session,
    'Partner_Account_Plan__c',
    work.flatMap((w, item) =>
      w.planId
        ? []
        : [
            {
              item,
              key: w.blueprint.plan.externalKey,
              record: planFields(w.blueprint.plan),
              done: (id: string) => (outcomes[item].planId = id),
            },
          ],
    ),
    outcomes,
    'plans',
  );
  onStep?.('Writing sections');
  const sectionIds = work.map((w) => new Map(w.sectionIds));
  await upsertLevel(
    session,
    'Plan_Section__c',
    work.flatMap((w, item) => {
      const planId = outcomes[item].planId;
      if (!planId) return [];
      return w.blueprint.sections
        .filter((s) => !sectionIds[item].has(s.externalKey))
        .map((s) => ({
          item,
          key: s.externalKey,
          record: sectionFields(s, planId),
          done: (id: string) => sectionIds[item].set(s.externalKey, id),
        }));
    }),
    outcomes,
    'sections',
  );
  // Year targets (and targets without parts) first: their parts name them by Id.
  const targetIds = work.map((w) => new Map(w.targetIds));
  for (const parts of [false, true]) {
    onStep?.(parts ? 'Writing quarter and month targets' : 'Writing year targets');
    await upsertLevel(
      session,
      'Plan_Target__c',
      work.flatMap((w, item) => {
        const byRef = new Map(w.blueprint.targets.map((t) => [t.ref, t]));
        const sectionKey = new Map(w.blueprint.sections.map((s) => [s.ref, s.externalKey]));
        return w.blueprint.targets.flatMap((t) => {
          if ((t.parentRef !== null) !== parts || targetIds[item].has(t.externalKey)) return [];
          const sectionId = sectionIds[item].get(sectionKey.get(t.sectionRef) ?? '');
          const parent = t.parentRef ? byRef.get(t.parentRef) : undefined;
          const parentId = parent ? targetIds[item].get(parent.externalKey) : undefined;
          // A refused section or year target is already this plan's failure: its dependants wait for a rerun.
          if (!sectionId || (t.parentRef && !parentId)) return [];
          return [
            {
              item,
              key: t.externalKey,
              record: targetFields(t, sectionId, parentId ?? null),
              done: (id: string) => targetIds[item].set(t.externalKey, id),
            },
          ];
        });
      }),
      outcomes,
      'targets',
    );
  }
  return outcomes;
}

/** How many of a blueprint's records are missing from the org (what a run would create). */
export function missingCounts(w: PlanWork): Counts {
  return {
    plans: w.planId ? 0 : 1,
    sections: w.blueprint.sections.filter((s) => !w.sectionIds.has(s.externalKey)).length,
    targets: w.blueprint.targets.filter((t) => !w.targetIds.has(t.externalKey)).length,
  };
}
