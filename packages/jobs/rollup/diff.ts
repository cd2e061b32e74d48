/**
 * The rollup's one comparison of a stored computed value with a new one: every phase that diffs (targets,
 * sections, plans, opportunity counters) uses it, so they agree on what "changed" means.
 */

/** Numbers within half a cent are the same value; otherwise equal, with undefined and null alike. */
export const same = (a: unknown, b: unknown): boolean => {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.005;
  return (a ?? null) === (b ?? null);
};
