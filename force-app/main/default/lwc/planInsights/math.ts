/**
 * Rounding shared by the pace, chart and action figures of c/planInsights.
 */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
