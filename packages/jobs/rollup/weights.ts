/**
 * Phase 5 of the rollup, weight sections and plans: the weighted attainment of each section and plan over its
 * targets whose period has started (a year target's split parts aside: the year stands for them) (a budget target's attainment counting at most 100) (new figures where computed, stored ones where the metric failed), and the
 * updates of those whose stored value differs. The grouping and the diffs are pure; reading the stored
 * sections and plans is the one I/O.
 */
import type { OrgSession } from '../connection';
import type { IsoDate } from '../periods';
import { queryAll } from '../query';
import type { MetricDefinition } from './catalog';
import { weightedAttainment } from './compute';
import { same } from './diff';
import { DEFAULT_SEMANTICS, type MetricSemantics, type TargetFigures } from './semantics';
import { idList } from './soql';
import type { Change, PendingUpdate, RollupReport, Scope, TargetRow } from './types';

export interface AttainmentItem {
  attainment: number | null;
  weight: number | null;
  started: boolean;
  /** The metric's semantics: a budget's attainment counts at most 100. */
  semantics: MetricSemantics;
}

/** Section Id -> its targets' items, plan Id -> its targets' items. */
export interface AttainmentGroups {
  bySection: Map<string, AttainmentItem[]>;
  byPlan: Map<string, AttainmentItem[]>;
}

export interface SectionRow {
  Id: string;
  Partner_Account_Plan__c: string;
  Weighted_Attainment__c: number | null;
}

export interface PlanRow {
  Id: string;
  Overall_Attainment__c: number | null;
  Period_End__c?: string | null;
  Last_Calculated_At__c?: string | null;
}

/**
 * Whether a plan needs the stamp of a run after its period end even where its attainment is unchanged: the
 * advance job closes a plan only once a rollup stamped it after its period ended (its actuals are final).
 */
export const needsFinalStamp = (p: PlanRow, asOf: IsoDate | undefined): boolean =>
  asOf !== undefined &&
  !!p.Period_End__c &&
  asOf > p.Period_End__c &&
  !(p.Last_Calculated_At__c && p.Last_Calculated_At__c.slice(0, 10) > p.Period_End__c);

/** Each target's attainment and weight, grouped by its section and by its plan. */
export function attainmentGroups(
  targets: TargetRow[],
  figures: Map<string, TargetFigures>,
  asOf: IsoDate,
  catalog: Map<string, MetricDefinition> = new Map(),
): AttainmentGroups {
  const bySection = new Map<string, AttainmentItem[]>();
  const byPlan = new Map<string, AttainmentItem[]>();
  const add = (groups: Map<string, AttainmentItem[]>, id: string, item: AttainmentItem): void => {
    const items = groups.get(id) ?? [];
    items.push(item);
    groups.set(id, items);
  };
  for (const t of targets) {
    // A quarter or month split from a year target is that year's breakdown: the year counts, once.
    if (t.Parent_Target__c) continue;
    const f = figures.get(t.Id);
    const item = {
      attainment: f ? f.attainment : t.Attainment__c,
      weight: t.Weight__c,
      started: t.Period_Start__c <= asOf,
      semantics: catalog.get(t.Metric__c)?.semantics ?? DEFAULT_SEMANTICS,
    };
    add(bySection, t.Plan_Section__c, item);
    add(byPlan, t.Plan_Section__r?.Partner_Account_Plan__c ?? '', item);
  }
  return { bySection, byPlan };
}

/**
 * The section updates: sections of plans in scope whose weighted attainment changed. Under a partner scope
 * (--since) only sections of plans with targets in scope count. Returns the updates and the sections read.
 */
export function sectionUpdates(
  rows: SectionRow[],
  groups: AttainmentGroups,
  scope: Scope,
  changes: Change[],
): { updates: PendingUpdate[]; read: number } {
  const updates: PendingUpdate[] = [];
  let read = 0;
  for (const s of rows) {
    if (scope.partners && !groups.byPlan.has(s.Partner_Account_Plan__c) && !scope.plans) continue;
    const value = weightedAttainment(groups.bySection.get(s.Id) ?? []);
    read++;
    if (!same(s.Weighted_Attainment__c, value)) {
      updates.push({ Id: s.Id, Weighted_Attainment__c: value, __parent: s.Partner_Account_Plan__c });
      changes.push({
        sobject: 'Plan_Section__c',
        id: s.Id,
        field: 'Weighted_Attainment__c',
        from: s.Weighted_Attainment__c,
        to: value,
      });
    }
  }
  return { updates, read };
}

/**
 * The plan updates: plans in scope whose overall attainment changed, stamped with `now`; with `asOf`, also the
 * stamp alone of plans whose period ended before it and that no run stamped since (needsFinalStamp).
 */
export function planUpdates(
  rows: PlanRow[],
  groups: AttainmentGroups,
  scope: Scope,
  now: string,
  changes: Change[],
  asOf?: IsoDate,
): { updates: PendingUpdate[]; read: number } {
  const updates: PendingUpdate[] = [];
  let read = 0;
  for (const p of rows) {
    if (scope.partners && !scope.plans && !groups.byPlan.has(p.Id)) continue;
    const value = weightedAttainment(groups.byPlan.get(p.Id) ?? []);
    read++;
    if (!same(p.Overall_Attainment__c, value)) {
      updates.push({ Id: p.Id, Overall_Attainment__c: value, Last_Calculated_At__c: now, __parent: p.Id });
      changes.push({
        sobject: 'Partner_Account_Plan__c',
        id: p.Id,
        field: 'Overall_Attainment__c',
        from: p.Overall_Attainment__c,
        to: value,
      });
    } else if (needsFinalStamp(p, asOf)) {
      updates.push({ Id: p.Id, Last_Calculated_At__c: now, __parent: p.Id });
      changes.push({
        sobject: 'Partner_Account_Plan__c',
        id: p.Id,
        field: 'Last_Calculated_At__c',
        from: p.Last_Calculated_At__c ?? null,
        to: now,
      });
    }
  }
  return { updates, read };
}

/** Reads the stored sections and plans in scope (not Closed: their figures are final) and weighs them; counts what it read in `report.read`. */
export async function weightSectionsAndPlans(
  session: OrgSession,
  scope: Scope,
  catalog: Map<string, MetricDefinition>,
  targets: TargetRow[],
  figures: Map<string, TargetFigures>,
  at: { asOf: IsoDate; now: string },
  report: RollupReport,
): Promise<{ sections: PendingUpdate[]; plans: PendingUpdate[] }> {
  const groups = attainmentGroups(targets, figures, at.asOf, catalog);
  const sectionRows = await queryAll<SectionRow>(
    session,
    `SELECT Id, Partner_Account_Plan__c, Weighted_Attainment__c FROM Plan_Section__c WHERE Partner_Account_Plan__r.Status__c != 'Closed'${scope.plans ? ` AND Partner_Account_Plan__c IN (${idList(scope.plans)})` : ''}`,
  );
  const sections = sectionUpdates(sectionRows, groups, scope, report.changes);
  report.read.sections += sections.read;
  const planRows = await queryAll<PlanRow>(
    session,
    `SELECT Id, Overall_Attainment__c, Period_End__c, Last_Calculated_At__c FROM Partner_Account_Plan__c WHERE Status__c != 'Closed'${scope.plans ? ` AND Id IN (${idList(scope.plans)})` : ''}`,
  );
  const plans = planUpdates(planRows, groups, scope, at.now, report.changes, at.asOf);
  report.read.plans += plans.read;
  return { sections: sections.updates, plans: plans.updates };
}
