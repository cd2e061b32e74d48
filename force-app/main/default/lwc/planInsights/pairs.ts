/**
 * The AE + partner-manager pairs accountable for targets, as the coaching view lists them.
 */
import type { PlanTarget } from 'c/planData';

export interface Pair {
  key: string;
  aeId: string;
  aeName: string;
  partnerManagerId: string;
  partnerManagerName: string;
  targets: PlanTarget[];
  /** The current user is the AE or the partner manager of the pair. */
  includesUser: boolean;
  planIds: string[];
  partnerIds: string[];
}

const unique = <T>(values: (T | null | undefined)[]): T[] => [
  ...new Set(values.filter((v): v is T => v !== null && v !== undefined)),
];

/**
 * The pairs of accountable AE and partner manager on targets. On a plan page (`planId`), the pairs of
 * that plan; elsewhere the current user's pairs on plans that are not closed. The user's pairs come
 * first, then the pairs with more targets.
 */
export function pairsOf(targets: PlanTarget[], userId: string, planId: string | null): Pair[] {
  const relevant = targets.filter(
    (t) =>
      t.aeId &&
      t.partnerManagerId &&
      (planId
        ? t.planId === planId
        : t.planStatus !== 'Closed' && (t.aeId === userId || t.partnerManagerId === userId)),
  );
  const byKey = new Map<string, PlanTarget[]>();
  for (const t of relevant) {
    const key = `${t.aeId}:${t.partnerManagerId}`;
    // Appended in place: copying the list per target made 400 targets cost ~80,000 array copies.
    const list = byKey.get(key);
    if (list) list.push(t);
    else byKey.set(key, [t]);
  }
  const pairs = [...byKey.entries()].map(([key, list]): Pair => {
    const first = list[0];
    const aeId = first.aeId as string;
    const partnerManagerId = first.partnerManagerId as string;
    return {
      key,
      aeId,
      aeName: first.aeName ?? aeId,
      partnerManagerId,
      partnerManagerName: first.partnerManagerName ?? partnerManagerId,
      targets: list,
      includesUser: aeId === userId || partnerManagerId === userId,
      planIds: unique(list.map((t) => t.planId)),
      partnerIds: unique(list.map((t) => t.partnerAccountId)),
    };
  });
  pairs.sort(
    (a, b) =>
      Number(b.includesUser) - Number(a.includesUser) ||
      b.targets.length - a.targets.length ||
      a.aeName.localeCompare(b.aeName) ||
      a.partnerManagerName.localeCompare(b.partnerManagerName),
  );
  return pairs;
}
