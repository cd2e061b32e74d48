/**
 * The pairs the coaching view offers: every AE + partner-manager pair the user may see (from the targets
 * they can read), the user's own first, then the pairs with more targets; and which one the page shows.
 */
import type { PairTargetRow } from 'c/planData';
import type { Pair } from 'c/planInsights';

export interface PairChoice {
  key: string;
  aeId: string;
  aeName: string;
  partnerManagerId: string;
  partnerManagerName: string;
  partnerNames: string[];
  targetCount: number;
  /** The current user is the AE or the partner manager of the pair. */
  includesUser: boolean;
}

export const pairKey = (aeId: string, partnerManagerId: string): string => `${aeId}:${partnerManagerId}`;

const byPriority = (a: PairChoice, b: PairChoice): number =>
  Number(b.includesUser) - Number(a.includesUser) ||
  b.targetCount - a.targetCount ||
  a.aeName.localeCompare(b.aeName) ||
  a.partnerManagerName.localeCompare(b.partnerManagerName);

/** The pairs of `PAIRS_QUERY`'s rows, in the order the picker lists them. */
export function choicesOfRows(rows: PairTargetRow[], userId: string): PairChoice[] {
  const byKey = new Map<string, PairChoice & { partners: Set<string> }>();
  for (const row of rows) {
    if (!row.aeId || !row.partnerManagerId) continue;
    const key = pairKey(row.aeId, row.partnerManagerId);
    let choice = byKey.get(key);
    if (!choice) {
      choice = {
        key,
        aeId: row.aeId,
        aeName: row.aeName,
        partnerManagerId: row.partnerManagerId,
        partnerManagerName: row.partnerManagerName,
        partnerNames: [],
        partners: new Set<string>(),
        targetCount: 0,
        includesUser: row.aeId === userId || row.partnerManagerId === userId,
      };
      byKey.set(key, choice);
    }
    choice.targetCount += 1;
    if (row.partnerName) choice.partners.add(row.partnerName);
  }
  return [...byKey.values()]
    .map(({ partners, ...choice }) => ({ ...choice, partnerNames: [...partners].sort((a, b) => a.localeCompare(b)) }))
    .sort(byPriority);
}

/** The pairs of a plan's targets (c/planInsights pairsOf), as choices. */
export function choicesOfPairs(pairs: Pair[]): PairChoice[] {
  return pairs.map((p) => ({
    key: p.key,
    aeId: p.aeId,
    aeName: p.aeName,
    partnerManagerId: p.partnerManagerId,
    partnerManagerName: p.partnerManagerName,
    partnerNames: [...new Set(p.targets.map((t) => t.partnerName).filter((n): n is string => Boolean(n)))],
    targetCount: p.targets.length,
    includesUser: p.includesUser,
  }));
}

/** The pair shown: the one chosen on the page, else the address's, else the first (the user's own first). */
export function selectedChoice(
  choices: PairChoice[],
  chosenKey: string | null,
  addressKey: string | null,
): PairChoice | null {
  const find = (key: string | null) => (key ? choices.find((c) => c.key === key) : undefined);
  return find(chosenKey) ?? find(addressKey) ?? choices[0] ?? null;
}
