/* eslint-disable no-restricted-globals -- the babel parser reports property signatures (name) as uses of globals */
/**
 * The Program Overview's tables from the aggregate rows (queries.ts): plans by partner, tiers, partner
 * managers with their behind-pace targets by plan, targets against actuals by metric, the action
 * leaderboard and stale deals by owner. Pure functions; what a metric's sums mean comes from
 * c/metricSemantics (through the catalog's semantics), never re-derived here.
 */
import { DEFAULT_SEMANTICS, paceRatio, type MetricSemantics } from 'c/metricSemantics';
import type { ActionRow, BehindRow, ManagerMetricRow, PlanRow, StaleRow, TierRow } from './queries';

export interface PlanLink {
  id: string;
  name: string;
  attainment: number | null;
}

export interface PartnerFigures {
  key: string;
  partnerId: string | null;
  partnerName: string | null;
  tier: string | null;
  plans: PlanLink[];
  /** The mean of the partner's open plans' weighted attainments (those that have one). */
  attainment: number | null;
  behind: number;
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Lowest first, unknown last, then by name: the partners to look at come first. */
function byAttainment<T extends { attainment: number | null; name: string }>(a: T, b: T): number {
  if (a.attainment === null || b.attainment === null) {
    if (a.attainment !== b.attainment) return a.attainment === null ? 1 : -1;
  } else if (a.attainment !== b.attainment) {
    return a.attainment - b.attainment;
  }
  return a.name.localeCompare(b.name);
}

/** Behind-pace target counts by plan. */
export function behindByPlan(behind: BehindRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of behind) if (row.planId) out.set(row.planId, (out.get(row.planId) ?? 0) + row.count);
  return out;
}

/** One row per partner with its open plans, their mean attainment and the targets behind on them. */
export function partnerFigures(plans: PlanRow[], behind: BehindRow[]): PartnerFigures[] {
  const behindCounts = behindByPlan(behind);
  const byPartner = new Map<string, PartnerFigures>();
  for (const plan of plans) {
    const key = plan.partnerId ?? `plan:${plan.planId}`;
    let partner = byPartner.get(key);
    if (!partner) {
      partner = {
        key,
        partnerId: plan.partnerId,
        partnerName: plan.partnerName,
        tier: plan.tier,
        plans: [],
        attainment: null,
        behind: 0,
      };
      byPartner.set(key, partner);
    }
    partner.plans.push({ id: plan.planId, name: plan.planName, attainment: plan.attainment });
    partner.behind += behindCounts.get(plan.planId) ?? 0;
  }
  const out = [...byPartner.values()].map((p) => ({
    ...p,
    plans: [...p.plans].sort((a, b) => a.name.localeCompare(b.name)),
    attainment: mean(p.plans.map((plan) => plan.attainment).filter((v): v is number => v !== null)),
  }));
  return out
    .map((p) => ({ p, attainment: p.attainment, name: p.partnerName ?? '' }))
    .sort(byAttainment)
    .map((x) => x.p);
}

/** Tiers in the picklist's order (values it does not list after, by name; no tier last). */
export function sortTiers(tiers: TierRow[], order: string[]): TierRow[] {
  const rank = (tier: string | null): number => {
    if (tier === null) return Number.MAX_SAFE_INTEGER;
    const i = order.indexOf(tier);
    return i === -1 ? order.length : i;
  };
  return [...tiers].sort((a, b) => rank(a.tier) - rank(b.tier) || (a.tier ?? '').localeCompare(b.tier ?? ''));
}

export interface BehindPlan {
  planId: string;
  planName: string;
  partnerName: string | null;
  count: number;
}

export interface ManagerFigures {
  key: string;
  managerId: string | null;
  managerName: string | null;
  targets: number;
  /** The average attainment of the manager's started year targets (over those that have one). */
  attainment: number | null;
  behind: number;
  behindPlans: BehindPlan[];
}

/** One row per partner manager (no manager: one row too): targets, average attainment, behind by plan. */
export function managerFigures(rows: ManagerMetricRow[], behind: BehindRow[]): ManagerFigures[] {
  const managers = new Map<string, ManagerFigures & { weighted: number; weight: number }>();
  const managerOf = (id: string | null, name: string | null) => {
    const key = id ?? 'none';
    let m = managers.get(key);
    if (!m) {
      m = {
        key,
        managerId: id,
        managerName: name,
        targets: 0,
        attainment: null,
        behind: 0,
        behindPlans: [],
        weighted: 0,
        weight: 0,
      };
      managers.set(key, m);
    }
    return m;
  };
  for (const row of rows) {
    const m = managerOf(row.managerId, row.managerName);
    m.targets += row.targets;
    if (row.averageAttainment !== null && row.withAttainment > 0) {
      m.weighted += row.averageAttainment * row.withAttainment;
      m.weight += row.withAttainment;
    }
  }
  for (const row of behind) {
    const m = managerOf(row.managerId, row.managerName);
    m.behind += row.count;
    if (row.planId)
      m.behindPlans.push({
        planId: row.planId,
        planName: row.planName ?? '',
        partnerName: row.partnerName,
        count: row.count,
      });
  }
  return [...managers.values()]
    .map(({ weighted, weight, ...m }) => ({
      ...m,
      attainment: weight > 0 ? weighted / weight : null,
      behindPlans: [...m.behindPlans].sort((a, b) => b.count - a.count || a.planName.localeCompare(b.planName)),
    }))
    .sort(
      (a, b) =>
        b.behind - a.behind ||
        (a.managerId === null ? 1 : 0) - (b.managerId === null ? 1 : 0) ||
        (a.managerName ?? '').localeCompare(b.managerName ?? ''),
    );
}

export interface MetricFigures {
  metric: string;
  targets: number;
  attainment: number | null;
  /** Whether sums of the metric's targets mean something (a cumulative metric: counts and amounts add up). */
  additive: boolean;
  target: number | null;
  expected: number | null;
  actual: number | null;
  /** Actual against expected-to-date of the sums, as c/metricSemantics reads pace (100 on pace). */
  pace: number | null;
}

/** Targets against actuals by metric over every partner manager; sums only for cumulative metrics. */
export function metricFigures(rows: ManagerMetricRow[], semantics: Record<string, MetricSemantics>): MetricFigures[] {
  const byMetric = new Map<string, { rows: ManagerMetricRow[] }>();
  for (const row of rows) {
    const key = row.metric ?? '';
    const entry = byMetric.get(key) ?? { rows: [] };
    entry.rows.push(row);
    byMetric.set(key, entry);
  }
  const sum = (list: ManagerMetricRow[], pick: (r: ManagerMetricRow) => number | null): number | null => {
    const values = list.map(pick).filter((v): v is number => v !== null);
    return values.length === 0 ? null : values.reduce((s, v) => s + v, 0);
  };
  return [...byMetric.entries()].map(([metric, { rows: list }]) => {
    const s = semantics[metric] ?? DEFAULT_SEMANTICS;
    const additive = s.shape === 'Cumulative';
    const weight = list.reduce((n, r) => n + (r.averageAttainment === null ? 0 : r.withAttainment), 0);
    const weighted = list.reduce((n, r) => n + (r.averageAttainment ?? 0) * r.withAttainment, 0);
    const target = additive ? sum(list, (r) => r.target) : null;
    const expected = additive ? sum(list, (r) => r.expected) : null;
    const actual = additive ? sum(list, (r) => r.actual) : null;
    return {
      metric,
      targets: list.reduce((n, r) => n + r.targets, 0),
      attainment: weight > 0 ? weighted / weight : null,
      additive,
      target,
      expected,
      actual,
      pace: additive ? paceRatio(s, actual, expected) : null,
    };
  });
}

export interface LeaderFigures {
  key: string;
  actorId: string | null;
  actorName: string | null;
  actions: number;
  quantity: number;
  byType: { type: string; actions: number }[];
}

/** People by their APR actions this quarter, most first; each with their action types, most first. */
export function leaderboard(rows: ActionRow[]): LeaderFigures[] {
  const people = new Map<string, LeaderFigures>();
  for (const row of rows) {
    const key = row.actorId ?? 'none';
    const person = people.get(key) ?? {
      key,
      actorId: row.actorId,
      actorName: row.actorName,
      actions: 0,
      quantity: 0,
      byType: [],
    };
    person.actions += row.actions;
    person.quantity += row.quantity;
    person.byType.push({ type: row.actionType ?? '', actions: row.actions });
    people.set(key, person);
  }
  return [...people.values()]
    .map((p) => ({ ...p, byType: [...p.byType].sort((a, b) => b.actions - a.actions || a.type.localeCompare(b.type)) }))
    .sort((a, b) => b.actions - a.actions || (a.actorName ?? '').localeCompare(b.actorName ?? ''));
}

/** Owners by their stale partner deals, most first. */
export function staleOwners(rows: StaleRow[]): StaleRow[] {
  return [...rows].sort((a, b) => b.deals - a.deals || (b.amount ?? 0) - (a.amount ?? 0));
}
